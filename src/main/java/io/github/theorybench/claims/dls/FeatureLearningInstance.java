package io.github.theorybench.claims.dls;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * Every random draw of one seed of DLS-1..3 (CLAIMS.md DLS; seed 004): the direction u, the clean test set, per
 * training size n a sample with an Algorithm 1 net and a random-features net, and the transfer draws (target test
 * set, per n_src a source sample and its net, per N a target sample and a random-features net).
 */
record FeatureLearningInstance(long seed, SingleIndexTask task, SingleIndexTask.Sample test, List<Train> trains,
        SingleIndexTask.Sample targetTest, List<Source> sources, List<Target> targets) {

    /** A net at 004's symmetric init and re-drawn biases b ~ N(0, 1), drawn in that order. */
    record Draw(TwoLayerInit init, double[] biases) {
        static Draw of(int m, int d, RandomGenerator r) {
            TwoLayerInit init = TwoLayerInit.antisymmetric(m, d, 1.0 / Math.sqrt(d), r);
            return new Draw(init, RandomMatrices.gaussianVector(m, 1.0, r));
        }
    }

    record Train(int n, SingleIndexTask.Sample sample, Draw algorithmOne, Draw randomFeatures) {
    }

    record Source(int nSrc, SingleIndexTask.Sample sample, Draw draw) {
    }

    record Target(int bigN, SingleIndexTask.Sample sample, Draw randomFeatures) {
    }

    // stream tags of the pre-SeedStream derivation (one independent RNG stream per purpose, seed and size)
    static final int TASK = 1, TEST_SET = 2, TRAIN = 3, ALG = 4, RF = 5, T_TEST = 6, SOURCE = 7, PRE = 8,
            T_TRAIN = 9, T_RF = 10;

    /** An independent seed for (seed, purpose, size): SplitMix64 finalizer over the three. */
    static long stream(long seed, int tag, int size) {
        long z = seed * 0x9E3779B97F4A7C15L + tag * 0xBF58476D1CE4E5B9L + size * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    static RandomGenerator rng(long seed, int tag, int size) {
        return RandomMatrices.rng(stream(seed, tag, size));
    }

    static FeatureLearningInstance build(long seed, FeatureLearningCheck.Sizes z) {
        int d = FeatureLearningCheck.D;
        SingleIndexTask task = SingleIndexTask.hermite(d, FeatureLearningCheck.P, rng(seed, TASK, 0));
        SingleIndexTask.Sample test = task.sample(z.test(), 0.0, rng(seed, TEST_SET, 0));
        List<Train> trains = new ArrayList<>();
        for (int n : z.ns()) {
            SingleIndexTask.Sample s = task.sample(n, FeatureLearningCheck.ZETA, rng(seed, TRAIN, n));
            trains.add(new Train(n, s, Draw.of(z.m(), d, rng(seed, ALG, n)), Draw.of(z.m(), d, rng(seed, RF, n))));
        }
        SingleIndexTask target = task.transferTarget();
        SingleIndexTask.Sample targetTest = target.sample(z.test(), 0.0, rng(seed, T_TEST, 0));
        List<Source> sources = new ArrayList<>();
        for (int nSrc : z.sources()) {
            sources.add(new Source(nSrc, task.sample(nSrc, FeatureLearningCheck.ZETA, rng(seed, SOURCE, nSrc)),
                    Draw.of(z.m(), d, rng(seed, PRE, nSrc))));
        }
        List<Target> targets = new ArrayList<>();
        for (int bigN : z.targetNs()) {
            targets.add(new Target(bigN, target.sample(bigN, FeatureLearningCheck.ZETA, rng(seed, T_TRAIN, bigN)),
                    Draw.of(z.m(), d, rng(seed, T_RF, bigN))));
        }
        return new FeatureLearningInstance(seed, task, test, trains, targetTest, sources, targets);
    }

    static TwoLayerFeatureLearner.FirstLayer frozen(Draw draw) {
        return TwoLayerFeatureLearner.frozen(draw.init().weights(), draw.biases());
    }

    DenseMatrix testX() {
        return test.x();
    }
}
