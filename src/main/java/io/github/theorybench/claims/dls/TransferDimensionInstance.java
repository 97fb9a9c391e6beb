package io.github.theorybench.claims.dls;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.features.SingleIndexTask;
import org.hipparchus.random.RandomGenerator;

/**
 * Every random draw of one (seed, d) of DLS-5 (CLAIMS.md second wave; 004, Theorem 3), from one generator, in this
 * order: the direction u; the test inputs; Algorithm 1's net and the random-features net (each: symmetric init, then
 * re-drawn biases b ~ N(0, 1)); the pretraining samples of f* with n_src = d³ (the claim), d (the ratio's control) and
 * {@code fixedSource} (the flatness control); the target sample of He₃(uᵀx)/√6 with N points.
 */
record TransferDimensionInstance(long seed, int d, SingleIndexTask task, DenseMatrix testX, double[] testClean,
        FeatureLearningInstance.Net algorithmOne, FeatureLearningInstance.Net randomFeatures,
        SingleIndexTask.Sample source, SingleIndexTask.Sample sourceOfD, SingleIndexTask.Sample fixedSource,
        SingleIndexTask.Sample target) {

    static TransferDimensionInstance build(long seed, int d, TransferDimensionCheck.Sizes z) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        SingleIndexTask task = SingleIndexTask.hermite(d, FeatureLearningCheck.P, rng);
        SingleIndexTask transfer = task.transferTarget();
        DenseMatrix testX = RandomMatrices.gaussian(z.test(), d, 1.0, rng);
        FeatureLearningInstance.Net alg = FeatureLearningInstance.Net.draw(z.m(), d, rng);
        FeatureLearningInstance.Net rf = FeatureLearningInstance.Net.draw(z.m(), d, rng);
        SingleIndexTask.Sample src = task.sample(d * d * d, FeatureLearningCheck.ZETA, rng);
        SingleIndexTask.Sample srcD = task.sample(d, FeatureLearningCheck.ZETA, rng);
        SingleIndexTask.Sample srcFixed = task.sample(z.fixedSource(), FeatureLearningCheck.ZETA, rng);
        SingleIndexTask.Sample target = transfer.sample(z.bigN(), FeatureLearningCheck.ZETA, rng);
        return new TransferDimensionInstance(seed, d, task, testX, transfer.clean(testX), alg, rf, src, srcD,
                srcFixed, target);
    }
}
