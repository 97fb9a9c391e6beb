package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerNet;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded NTK-4 instance (CLAIMS.md NTK-4; seed 000, [SJL17]): Gaussian inputs X ∈ R^{n×d}, a Gaussian first layer
 * W₀ ∈ R^{m×d}, fixed signs s_j = ±1 (the LAZY model f = Σ_j s_j σ(w_jᵀx), c = 1), labels y ~ N(0, I_n) for
 * gradient descent, and the fresh Gaussian z_i ∈ R^d of the ReLU pattern test ({@link ReluPattern}), drawn in that
 * order from one generator.
 */
public record RankInstance(long seed, DenseMatrix x, DenseMatrix w0, double[] signs, double[] y, DenseMatrix z) {
    public static RankInstance build(long seed, int n, int d, int m) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        DenseMatrix w0 = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] signs = new double[m];
        for (int j = 0; j < m; j++) {
            signs[j] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        DenseMatrix z = RandomMatrices.gaussian(n, d, 1.0, rng);
        return new RankInstance(seed, x, w0, signs, y, z);
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

    /** The same data with another first layer and signs (the controls' inits). */
    public RankInstance withInit(DenseMatrix w, double[] s) {
        return new RankInstance(seed, x, w, s, y, z);
    }

    /**
     * NTK-4's ReLU control: every w_j with w_jᵀx₁ > 0 is negated, so the first point is inactive on every neuron and
     * its Jacobian row is zero (the pattern admits rank ≤ n − 1).
     */
    public RankInstance withFirstPointInactive() {
        DenseMatrix w = w0.copy();
        for (int j = 0; j < m(); j++) {
            double p = 0;
            for (int c = 0; c < d(); c++) {
                p += w.get(j, c) * x.get(0, c);
            }
            if (p > 0) {
                for (int c = 0; c < d(); c++) {
                    w.set(j, c, -w.get(j, c));
                }
            }
        }
        return withInit(w, signs);
    }

    /**
     * NTK-4's tanh control: neuron m copies neuron m − 1 (weights and sign), a non-generic W₀: two equal Jacobian
     * blocks, rank(J₀) ≤ (m − 1)d.
     */
    public RankInstance withDuplicateNeuron() {
        DenseMatrix w = w0.copy();
        double[] s = signs.clone();
        for (int c = 0; c < d(); c++) {
            w.set(m() - 1, c, w.get(m() - 2, c));
        }
        s[m() - 1] = s[m() - 2];
        return withInit(w, s);
    }

    /**
     * NTK-4's descent control: every neuron a copy of the first (weights and sign). The Jacobian's m blocks are
     * equal, rank(J₀) ≤ d, and gradient descent keeps the neurons equal, so f stays a multiple of one neuron and
     * cannot fit n > d generic labels.
     */
    public RankInstance withAllNeuronsEqual() {
        DenseMatrix w = w0.copy();
        double[] s = new double[m()];
        for (int j = 0; j < m(); j++) {
            s[j] = signs[0];
            for (int c = 0; c < d(); c++) {
                w.set(j, c, w0.get(0, c));
            }
        }
        return withInit(w, s);
    }
}
