package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerNet;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded NTK-4 instance (CLAIMS.md NTK-4; seed 000, [SJL17]): Gaussian inputs X ∈ R^{n×d}, a Gaussian first layer
 * W₀ ∈ R^{m×d} and fixed signs s_j = ±1 (the LAZY model f = Σ_j s_j σ(w_jᵀx), c = 1), drawn in that order from one
 * generator.
 */
public record RankInstance(long seed, DenseMatrix x, DenseMatrix w0, double[] signs) {
    public static RankInstance build(long seed, int n, int d, int m) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        DenseMatrix w0 = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] signs = new double[m];
        for (int j = 0; j < m; j++) {
            signs[j] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return new RankInstance(seed, x, w0, signs);
    }

    public int n() {
        return x.rows();
    }

    public int d() {
        return x.cols();
    }

    public int m() {
        return w0.rows();
    }

    /** The fixed-sign net on X with activation {@code act}. */
    public TwoLayerNet net(Backend backend, Activation act) {
        return TwoLayerNet.withFixedSigns(backend, x, signs, act);
    }
}
