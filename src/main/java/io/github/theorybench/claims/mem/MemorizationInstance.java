package io.github.theorybench.claims.mem;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded MEM-1 instance (CLAIMS.md MEM-1; 003, Zhang et al. Theorem 1): n points x_i ~ N(0, I_d), labels
 * y_i ~ N(0, 1) and the construction's direction a uniform on the unit sphere — drawn in that order from one
 * generator, so a test that rebuilds the instance from its seed gets the same numbers.
 */
public record MemorizationInstance(long seed, DenseMatrix x, double[] y, double[] a) {
    public static MemorizationInstance build(long seed, int n, int d) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        double[] a = RandomMatrices.unitRows(1, d, rng).data();
        return new MemorizationInstance(seed, x, y, a);
    }

    public int n() {
        return x.rows();
    }

    public int d() {
        return x.cols();
    }
}
