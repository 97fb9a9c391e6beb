package io.github.theorybench.claims.lsq;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded LSQ instance (CLAIMS.md LSQ; 002): X ∈ R^{n×p} with iid N(0, 1) entries, y ~ N(0, I_n), θ₀ ~ N(0, I_p),
 * and the {@value #OTHER_MINIMIZERS} Gaussian ξ ∈ R^p that LSQ-2 turns into other minimizers θ* + (I − X⁺X)ξ — every
 * draw in that order from one generator, so a test that rebuilds the instance from its seed gets the same numbers.
 */
public record LeastSquaresInstance(long seed, Shape shape, DenseMatrix x, double[] y, double[] theta0, double[][] xi) {
    /** LSQ-2 compares θ* with this many other minimizers. */
    public static final int OTHER_MINIMIZERS = 20;

    /** Which term of LSQ-3's min(√n, κ²) the instance is meant to exercise. */
    public enum Shape {
        SQRT_N_LIMITED("sqrt(n)-limited"), KAPPA_LIMITED("kappa^2-limited");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static LeastSquaresInstance build(long seed, int n, int p, Shape shape) {
        if (n > p) {
            throw new IllegalArgumentException("LSQ needs n <= p (overparameterized), got n = " + n + ", p = " + p);
        }
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, p, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        double[] theta0 = RandomMatrices.gaussianVector(p, 1.0, rng);
        double[][] xi = new double[OTHER_MINIMIZERS][];
        for (int k = 0; k < OTHER_MINIMIZERS; k++) {
            xi[k] = RandomMatrices.gaussianVector(p, 1.0, rng);
        }
        return new LeastSquaresInstance(seed, shape, x, y, theta0, xi);
    }

    public int n() {
        return x.rows();
    }

    public int p() {
        return x.cols();
    }
}
