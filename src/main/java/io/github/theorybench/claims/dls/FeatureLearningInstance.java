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

    /** Every draw from one generator seeded with {@code seed}, in the order of the record's components. */
    static FeatureLearningInstance build(long seed, FeatureLearningCheck.Sizes z) {
        int d = FeatureLearningCheck.D;
        RandomGenerator rng = RandomMatrices.rng(seed);
        SingleIndexTask task = SingleIndexTask.hermite(d, FeatureLearningCheck.P, rng);
        SingleIndexTask.Sample test = task.sample(z.test(), 0.0, rng);
        List<Train> trains = new ArrayList<>();
        for (int n : z.ns()) {
            SingleIndexTask.Sample s = task.sample(n, FeatureLearningCheck.ZETA, rng);
            Draw alg = Draw.of(z.m(), d, rng);
            trains.add(new Train(n, s, alg, Draw.of(z.m(), d, rng)));
        }
        SingleIndexTask target = task.transferTarget();
        SingleIndexTask.Sample targetTest = target.sample(z.test(), 0.0, rng);
        List<Source> sources = new ArrayList<>();
        for (int nSrc : z.sources()) {
            SingleIndexTask.Sample s = task.sample(nSrc, FeatureLearningCheck.ZETA, rng);
            sources.add(new Source(nSrc, s, Draw.of(z.m(), d, rng)));
        }
        List<Target> targets = new ArrayList<>();
        for (int bigN : z.targetNs()) {
            SingleIndexTask.Sample s = target.sample(bigN, FeatureLearningCheck.ZETA, rng);
            targets.add(new Target(bigN, s, Draw.of(z.m(), d, rng)));
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
