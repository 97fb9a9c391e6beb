package io.github.theorybench.claims.dls;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.features.SingleIndexTask;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * Every random draw of one seed of DLS-1..3 (CLAIMS.md DLS; seed 004), from one generator, in this order: the
 * direction u; the test inputs (the same points serve DLS-2's f* and DLS-3's He₃ target); Algorithm 1's net (004's
 * symmetric init, then the re-drawn biases b ~ N(0, 1)), shared by every n and by DLS-3's pretraining; the
 * random-features net (same law), shared by every n; per training size n: inputs, the coin flips of f*'s labels, the
 * coin flips of the transfer target's labels on the same inputs (DLS-3's target samples), and a permutation of the
 * labels (DLS-1's control); per pretraining size n_src (the control's first): a fresh source sample of f*.
 */
record FeatureLearningInstance(long seed, SingleIndexTask task, DenseMatrix testX, double[] testClean,
        double[] testTransferClean, Net algorithmOne, Net randomFeatures, List<Train> trains, List<Source> sources) {

    /** A net at 004's symmetric init (w ~ N(0, I/d), a = ±1 mirrored, b = 0) and re-drawn biases b ~ N(0, 1). */
    record Net(TwoLayerInit init, double[] biases) {
        static Net draw(int m, int d, RandomGenerator r) {
            TwoLayerInit init = TwoLayerInit.antisymmetric(m, d, 1.0 / Math.sqrt(d), r);
            return new Net(init, RandomMatrices.gaussianVector(m, 1.0, r));
        }
    }

    /** One training size: f*'s sample, the transfer target's labels on the same inputs, a label permutation. */
    record Train(int n, SingleIndexTask.Sample sample, SingleIndexTask.Sample transfer, int[] permutation) {
        /** f*'s labels permuted against the inputs (DLS-1's control: no signal along u). */
        double[] permutedLabels() {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = sample.labels()[permutation[i]];
            }
            return y;
        }
    }

    /** A pretraining sample of f* (DLS-3). */
    record Source(int nSrc, SingleIndexTask.Sample sample) {
    }

    static FeatureLearningInstance build(long seed, FeatureLearningCheck.Sizes z) {
        int d = FeatureLearningCheck.D;
        RandomGenerator rng = RandomMatrices.rng(seed);
        SingleIndexTask task = SingleIndexTask.hermite(d, FeatureLearningCheck.P, rng);
        SingleIndexTask transfer = task.transferTarget();
        DenseMatrix testX = RandomMatrices.gaussian(z.test(), d, 1.0, rng);
        Net alg = Net.draw(z.m(), d, rng);
        Net rf = Net.draw(z.m(), d, rng);
        List<Train> trains = new ArrayList<>();
        for (int n : z.ns()) {
            SingleIndexTask.Sample s = task.sample(n, FeatureLearningCheck.ZETA, rng);
            SingleIndexTask.Sample t = transfer.sampleAt(s.x(), FeatureLearningCheck.ZETA, rng);
            trains.add(new Train(n, s, t, permutation(n, rng)));
        }
        List<Source> sources = new ArrayList<>();
        for (int nSrc : z.allSources()) {
            sources.add(new Source(nSrc, task.sample(nSrc, FeatureLearningCheck.ZETA, rng)));
        }
        return new FeatureLearningInstance(seed, task, testX, task.clean(testX), transfer.clean(testX), alg, rf,
                trains, sources);
    }

    /** A uniform permutation of 0..n−1 (Fisher–Yates). */
    static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    Train train(int n) {
        return trains.stream().filter(t -> t.n() == n).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no training set of size " + n));
    }

    Source source(int nSrc) {
        return sources.stream().filter(s -> s.nSrc() == nSrc).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no source sample of size " + nSrc));
    }
}
