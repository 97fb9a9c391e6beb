package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded NTK-1 instance (CLAIMS.md NTK-1; seed 000): n unit-norm inputs x_i ∈ R^d, first-layer weights
 * w_j ~ N(0, I_d) and outer weights a_j ~ N(0, 1), j = 1..m, drawn in that order from one generator. The same
 * instance serves every activation.
 */
public record KernelSplitInstance(long seed, DenseMatrix x, DenseMatrix w, double[] a) {
    public static KernelSplitInstance build(long seed, int n, int d, int m) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
        DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
        return new KernelSplitInstance(seed, x, w, a);
    }

    public int n() {
        return x.rows();
    }

    public int d() {
        return x.cols();
    }

    public int m() {
        return w.rows();
    }
}
