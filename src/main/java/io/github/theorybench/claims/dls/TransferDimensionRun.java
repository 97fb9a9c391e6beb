package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TestEvaluation;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Layer;

/**
 * What DLS-5 measures on one (seed, d) ({@link TransferDimensionInstance}): the test MSE on the He₃ target of the head
 * (leave-one-out ridge on the N target samples) on a first layer pretrained by Algorithm 1 (RMS-1 η₁) on n_src = d³,
 * on n_src = d and on the fixed n_src samples of f*, and on random features.
 *
 * @param provenance seed and sizes
 * @param d input dimension
 * @param pretrained head on the layer pretrained on d³ samples
 * @param fromDSamples head on the layer pretrained on d samples (control)
 * @param fixedSource head on the layer pretrained on the fixed number of samples (control of the flatness)
 * @param randomFeatures head on the random-features layer
 * @param ridgeAtGridEdge how many ridge choices sat on an end of the grid
 */
record TransferDimensionRun(Provenance provenance, int d, double pretrained, double fromDSamples, double fixedSource,
        double randomFeatures, int ridgeAtGridEdge) {

    static TransferDimensionRun measure(TransferDimensionInstance inst, TwoLayerFeatureLearner learner,
            Provenance provenance) {
        FeatureLearningInstance.Net alg = inst.algorithmOne(), rf = inst.randomFeatures();
        Layer[] layers = {pretrain(learner, alg, inst.source()), pretrain(learner, alg, inst.sourceOfD()),
            pretrain(learner, alg, inst.fixedSource()), TwoLayerFeatureLearner.frozen(rf.init().weights(),
                    rf.biases())};
        TestEvaluation eval = new TestEvaluation(learner, inst.testX());
        SingleIndexTask.Sample t = inst.target();
        int edges = 0;
        int[] tickets = new int[layers.length];
        for (int i = 0; i < layers.length; i++) {
            TwoLayerFeatureLearner.Model model = learner.fit(learner.design(layers[i], t.x()), t.labels(),
                    TwoLayerFeatureLearner.RIDGE_GRID);
            edges += model.ridge().atGridEdge() ? 1 : 0;
            tickets[i] = eval.add(model, inst.testClean());
        }
        double[] mse = eval.mse();
        return new TransferDimensionRun(provenance, inst.d(), mse[tickets[0]], mse[tickets[1]], mse[tickets[2]],
                mse[tickets[3]], edges);
    }

    private static Layer pretrain(TwoLayerFeatureLearner learner, FeatureLearningInstance.Net net,
            SingleIndexTask.Sample s) {
        return learner.algorithmOne(net.init(), net.biases(), s.x(), s.labels());
    }
}
