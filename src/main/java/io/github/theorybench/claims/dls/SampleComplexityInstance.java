package io.github.theorybench.claims.dls;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.features.SingleIndexTask;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * Every random draw of one (seed, d) of DLS-4 (CLAIMS.md second wave; 004, Theorems 1–2), from one generator, in
 * this order: the direction u; the test inputs; Algorithm 1's net (symmetric init, re-drawn biases), shared by the
 * whole grid; per grid size n: inputs, the coin flips of f*'s labels and, where {@code permuted}, a label permutation
 * (the control); then, where {@code heFourNs} is not empty, per size a sample of the He₄-only target (the
 * exploratory rows).
 */
record SampleComplexityInstance(long seed, int d, SingleIndexTask task, DenseMatrix testX, double[] testClean,
        FeatureLearningInstance.Net net, List<GridPoint> grid, SingleIndexTask heFour, double[] testHeFourClean,
        List<SingleIndexTask.Sample> heFourSamples) {

    /** One grid size: f*'s sample and, for the control, a permutation of its labels (null otherwise). */
    record GridPoint(int n, SingleIndexTask.Sample sample, int[] permutation) {
        double[] permutedLabels() {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = sample.labels()[permutation[i]];
            }
            return y;
        }
    }

    static SampleComplexityInstance build(long seed, int d, int[] ns, boolean permuted, int[] heFourNs,
            SampleComplexityCheck.Sizes z) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        SingleIndexTask task = SingleIndexTask.hermite(d, FeatureLearningCheck.P, rng);
        DenseMatrix testX = RandomMatrices.gaussian(z.test(), d, 1.0, rng);
        FeatureLearningInstance.Net net = FeatureLearningInstance.Net.draw(z.m(), d, rng);
        List<GridPoint> grid = new ArrayList<>();
        for (int n : ns) {
            SingleIndexTask.Sample s = task.sample(n, FeatureLearningCheck.ZETA, rng);
            grid.add(new GridPoint(n, s, permuted ? FeatureLearningInstance.permutation(n, rng) : null));
        }
        SingleIndexTask heFour = task.pureHermite(4);
        List<SingleIndexTask.Sample> heFourSamples = new ArrayList<>();
        for (int n : heFourNs) {
            heFourSamples.add(heFour.sample(n, FeatureLearningCheck.ZETA, rng));
        }
        return new SampleComplexityInstance(seed, d, task, testX, task.clean(testX), net, grid, heFour,
                heFour.clean(testX), heFourSamples);
    }
}
