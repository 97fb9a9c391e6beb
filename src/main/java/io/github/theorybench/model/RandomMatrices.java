package io.github.theorybench.model;

import io.github.theorybench.linalg.DenseMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Seeded random instances. Every instance in the project starts from {@link #rng(long)} so that the same seed gives
 * the same numbers on every machine (Well19937c and its Gaussian sampler are fixed by the Hipparchus version).
 */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    public static RandomGenerator rng(long seed) {
        return new Well19937c(seed);
    }

    /** Entries iid N(0, std²). */
    public static DenseMatrix gaussian(int rows, int cols, double std, RandomGenerator rng) {
        DenseMatrix m = DenseMatrix.zeros(rows, cols);
        double[] a = m.data();
        for (int k = 0; k < a.length; k++) {
            a[k] = std * rng.nextGaussian();
        }
        return m;
    }

    /** Rows iid uniform on the unit sphere (Gaussian rows normalised). */
    public static DenseMatrix unitRows(int rows, int cols, RandomGenerator rng) {
        DenseMatrix m = gaussian(rows, cols, 1.0, rng);
        double[] a = m.data();
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = i * cols; k < (i + 1) * cols; k++) {
                s += a[k] * a[k];
            }
            double inv = 1.0 / Math.sqrt(s);
            for (int k = i * cols; k < (i + 1) * cols; k++) {
                a[k] *= inv;
            }
        }
        return m;
    }

    public static double[] gaussianVector(int n, double std, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = std * rng.nextGaussian();
        }
        return v;
    }
}
