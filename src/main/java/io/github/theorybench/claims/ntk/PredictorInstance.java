package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded NTK-5 data set (CLAIMS.md NTK-5; seed 003, Arora et al. Thm 3.2): n training points uniform on the unit
 * sphere of R^d, labels y ~ N(0, I_n), and test points uniform on the sphere (the theorem's ‖x_te‖ = 1), drawn in that
 * order from one generator.
 */
public record PredictorInstance(long seed, DenseMatrix x, double[] y, DenseMatrix test) {
    public static PredictorInstance build(long seed, int n, int d, int testPoints) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        DenseMatrix test = RandomMatrices.unitRows(testPoints, d, rng);
        return new PredictorInstance(seed, x, y, test);
    }

    public int n() {
        return x.rows();
    }

    public int d() {
        return x.cols();
    }

    /** The training points, then the test points: one matrix for the empirical kernel's cross blocks. */
    public DenseMatrix stacked() {
        DenseMatrix s = DenseMatrix.zeros(x.rows() + test.rows(), x.cols());
        System.arraycopy(x.data(), 0, s.data(), 0, x.size());
        System.arraycopy(test.data(), 0, s.data(), x.size(), test.size());
        return s;
    }
}
