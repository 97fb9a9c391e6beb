package io.github.theorybench.model;

import io.github.theorybench.linalg.DenseMatrix;
import org.hipparchus.random.RandomGenerator;

/**
 * Initializations of the two-layer net (CLAIMS.md LAZY): first-layer rows w_j iid N(0, σ_w² I_d); signs either
 * antisymmetric (m even, w_{j+m/2} = w_j, s_{j+m/2} = −s_j, so f(W₀) = 0) or iid uniform ±1 ("random-sign").
 */
public record TwoLayerInit(DenseMatrix weights, double[] signs) {

    public static TwoLayerInit antisymmetric(int m, int d, double weightStd, RandomGenerator rng) {
        if (m <= 0 || m % 2 != 0) {
            throw new IllegalArgumentException("antisymmetric init needs an even width m > 0, got " + m);
        }
        DenseMatrix w = DenseMatrix.zeros(m, d);
        double[] s = new double[m];
        int half = m / 2;
        for (int j = 0; j < half; j++) {
            for (int k = 0; k < d; k++) {
                double v = weightStd * rng.nextGaussian();
                w.set(j, k, v);
                w.set(j + half, k, v);
            }
            s[j] = rng.nextBoolean() ? 1.0 : -1.0;
            s[j + half] = -s[j];
        }
        return new TwoLayerInit(w, s);
    }

    public static TwoLayerInit randomSign(int m, int d, double weightStd, RandomGenerator rng) {
        if (m <= 0) {
            throw new IllegalArgumentException("width m must be positive, got " + m);
        }
        DenseMatrix w = RandomMatrices.gaussian(m, d, weightStd, rng);
        double[] s = new double[m];
        for (int j = 0; j < m; j++) {
            s[j] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return new TwoLayerInit(w, s);
    }
}
