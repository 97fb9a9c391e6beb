package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TestEvaluation;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Layer;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Model;
import java.util.Arrays;

/**
 * What DLS-4 measures on one (seed, d) ({@link SampleComplexityInstance}): Algorithm 1's test MSE (the calibrated
 * pipeline: RMS-1 η₁, leave-one-out ridge head) at every grid size n, on f*'s labels and, for the control, on labels
 * permuted against x; and on the He₄-only target its test MSE and the share of ‖W₁‖_F² along u.
 *
 * @param provenance seed and sizes of the instance
 * @param d input dimension
 * @param hessianScale E[g″] of f* (Assumption 2 holds iff it is not 0)
 * @param heFourHessianScale E[g″] of the He₄-only target (0: Assumption 2 fails)
 * @param ns the grid
 * @param mse test MSE at each grid size
 * @param permutedMse the same with permuted labels (empty where the control does not run)
 * @param heFourNs sizes of the He₄-only rows (empty where they do not run)
 * @param heFourMse test MSE on the He₄-only target
 * @param heFourShare share of ‖W₁‖_F² along u for the He₄-only target
 * @param ridgeAtGridEdge how many ridge choices sat on an end of the grid
 */
record SampleComplexityRun(Provenance provenance, int d, double hessianScale, double heFourHessianScale, int[] ns,
        double[] mse, double[] permutedMse, int[] heFourNs, double[] heFourMse, double[] heFourShare,
        int ridgeAtGridEdge) {

    /**
     * Measures the first {@code points} grid sizes of {@code inst} (f*'s labels, and the permuted ones where the
     * instance has permutations) and the He₄-only samples.
     */
    static SampleComplexityRun measure(SampleComplexityInstance inst, TwoLayerFeatureLearner learner,
            Provenance provenance, int[] heFourNs, int points) {
        TestEvaluation eval = new TestEvaluation(learner, inst.testX());
        boolean permuted = inst.grid().get(0).permutation() != null;
        int[] ns = new int[points], tickets = new int[points], permTickets = new int[permuted ? points : 0];
        int[] edges = new int[1];
        for (int i = 0; i < points; i++) {
            SampleComplexityInstance.GridPoint p = inst.grid().get(i);
            ns[i] = p.n();
            tickets[i] = eval.add(fit(learner, inst, p.sample().x(), p.sample().labels(), edges), inst.testClean());
            if (permuted) {
                permTickets[i] = eval.add(fit(learner, inst, p.sample().x(), p.permutedLabels(), edges),
                        inst.testClean());
            }
        }
        int h = inst.heFourSamples().size();
        int[] heTickets = new int[h];
        double[] heShare = new double[h];
        for (int i = 0; i < h; i++) {
            SingleIndexTask.Sample s = inst.heFourSamples().get(i);
            Model model = fit(learner, inst, s.x(), s.labels(), edges);
            heShare[i] = learner.subspaceShare(model.layer().direction(), inst.task().direction());
            heTickets[i] = eval.add(model, inst.testHeFourClean());
        }
        double[] all = eval.mse();
        return new SampleComplexityRun(provenance, inst.d(), DlsHypotheses.hessianScale(inst.task()),
                DlsHypotheses.hessianScale(inst.heFour()), ns, pick(all, tickets), pick(all, permTickets),
                Arrays.copyOf(heFourNs, h), pick(all, heTickets), heShare, edges[0]);
    }

    /** The same run with the next grid size of {@code inst} measured too (the grid's extension beyond 8d²). */
    SampleComplexityRun extend(SampleComplexityInstance inst, TwoLayerFeatureLearner learner) {
        int k = ns.length;
        SampleComplexityInstance.GridPoint p = inst.grid().get(k);
        TestEvaluation eval = new TestEvaluation(learner, inst.testX());
        int[] edges = {ridgeAtGridEdge};
        int t = eval.add(fit(learner, inst, p.sample().x(), p.sample().labels(), edges), inst.testClean());
        boolean permuted = permutedMse.length > 0;
        int tp = permuted ? eval.add(fit(learner, inst, p.sample().x(), p.permutedLabels(), edges), inst.testClean())
                : -1;
        double[] all = eval.mse();
        int[] ns2 = Arrays.copyOf(ns, k + 1);
        ns2[k] = p.n();
        double[] mse2 = Arrays.copyOf(mse, k + 1);
        mse2[k] = all[t];
        double[] perm2 = permuted ? Arrays.copyOf(permutedMse, k + 1) : permutedMse;
        if (permuted) {
            perm2[k] = all[tp];
        }
        return new SampleComplexityRun(provenance, d, hessianScale, heFourHessianScale, ns2, mse2, perm2, heFourNs,
                heFourMse, heFourShare, edges[0]);
    }

    /** Algorithm 1 with the leave-one-out ridge head on (x, y). */
    private static Model fit(TwoLayerFeatureLearner learner, SampleComplexityInstance inst,
            io.github.theorybench.linalg.DenseMatrix x, double[] y, int[] edges) {
        Layer layer = learner.algorithmOne(inst.net().init(), inst.net().biases(), x, y);
        Model model = learner.fit(learner.design(layer, x), y, TwoLayerFeatureLearner.RIDGE_GRID);
        edges[0] += model.ridge().atGridEdge() ? 1 : 0;
        return model;
    }

    private static double[] pick(double[] all, int[] tickets) {
        double[] out = new double[tickets.length];
        for (int i = 0; i < tickets.length; i++) {
            out[i] = all[tickets[i]];
        }
        return out;
    }
}
