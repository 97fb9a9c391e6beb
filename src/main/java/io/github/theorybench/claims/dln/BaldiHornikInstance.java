package io.github.theorybench.claims.dln;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded regression for the critical points of deep linear nets (CLAIMS.md DLN-3, DLN-4; 003 Theorem 2.3,
 * Kawaguchi, with the critical points of Baldi &amp; Hornik): X ∈ R^{d_x×n} and Y ∈ R^{d_y×n} with iid N(0, 1/n)
 * entries, drawn in that order from {@code seed}.
 */
public record BaldiHornikInstance(long seed, DenseMatrix x, DenseMatrix y) {

    public static BaldiHornikInstance build(long seed, int dx, int dy, int n) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(dx, n, 1 / Math.sqrt(n), rng);
        DenseMatrix y = RandomMatrices.gaussian(dy, n, 1 / Math.sqrt(n), rng);
        return new BaldiHornikInstance(seed, x, y);
    }

    public int dx() {
        return x.rows();
    }

    public int dy() {
        return y.rows();
    }

    public int n() {
        return x.cols();
    }

    /** ℓ = ½‖W_L⋯W₁X − Y‖_F² with layer widths {@code dims} (d_x first, d_y last), c = 1. */
    public DeepLinearNet net(Backend b, int... dims) {
        return new DeepLinearNet(b, dims, 1.0, x, y);
    }

    /** The least-squares map Φ̂, Σ's spectrum, the fit loss and ‖YXᵀ‖_F. */
    public Fit fit(Backend b) {
        Matrix xb = b.adopt(x), yb = b.adopt(y);
        // Φ̂ = YXᵀ(XXᵀ)⁻¹ = (argmin ‖XᵀΦᵀ − Yᵀ‖)ᵀ
        DenseMatrix phiT = b.leastSquares(b.adopt(x.transpose()), b.adopt(y.transpose()));
        DenseMatrix phiHat = phiT.transpose();
        Matrix yHat = b.multiply(false, false, b.adopt(phiHat), xb);
        SymmetricEigen sigma = b.eigSym(b.gram(false, yHat));        // Σ = ŶŶᵀ = YXᵀ(XXᵀ)⁻¹XYᵀ
        double fitLoss = 0.5 * Math.pow(yHat.toDense().plusScaled(-1, y).frobeniusNorm(), 2);
        double yx = b.multiply(false, true, yb, xb).toDense().frobeniusNorm();
        return new Fit(phiHat, sigma, fitLoss, yx);
    }

    /**
     * The regression's Baldi–Hornik data.
     *
     * @param phiHat Φ̂ = YXᵀ(XXᵀ)⁻¹
     * @param sigma eigen-decomposition of Σ = YXᵀ(XXᵀ)⁻¹XYᵀ, eigenvalues ascending
     * @param fitLoss ½‖Y − Φ̂X‖²
     * @param yxNorm ‖YXᵀ‖_F
     */
    public record Fit(DenseMatrix phiHat, SymmetricEigen sigma, double fitLoss, double yxNorm) {
        /** Critical value for index set {@code idx} (0 = largest eigenvalue): ½‖Y − Φ̂X‖² + ½Σ_{i∉I}λ_i. */
        public double criticalValue(int[] idx) {
            double s = fitLoss;
            double[] lam = sigma.values();
            int dy = lam.length;
            for (int i = 0; i < dy; i++) {
                boolean in = false;
                for (int j : idx) {
                    in |= j == i;
                }
                if (!in) {
                    s += 0.5 * lam[dy - 1 - i];
                }
            }
            return s;
        }

        /** U_I: the eigenvectors of Σ with indices {@code idx} (0 = largest) as columns. */
        public DenseMatrix eigenvectors(int[] idx) {
            int dy = sigma.values().length;
            DenseMatrix ui = DenseMatrix.zeros(dy, idx.length);
            DenseMatrix v = sigma.vectors();
            for (int j = 0; j < idx.length; j++) {
                for (int i = 0; i < dy; i++) {
                    ui.set(i, j, v.get(i, dy - 1 - idx[j]));
                }
            }
            return ui;
        }

        /** The hypothesis "Σ has distinct eigenvalues" of 003 Thm 2.3 on this fit. */
        public boolean distinctSpectrum() {
            return BaldiHornikInstance.distinctSpectrum(sigma.values());
        }
    }

    /** The hypothesis "Σ has distinct eigenvalues": every gap of the ascending spectrum exceeds 1e−8·λ_max. */
    public static boolean distinctSpectrum(double[] lam) {
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < lam.length; i++) {
            minGap = Math.min(minGap, lam[i] - lam[i - 1]);
        }
        return minGap > 1e-8 * lam[lam.length - 1];
    }

    /** The layers as a list of heap matrices (test and export helper). */
    static List<DenseMatrix> dense(List<Matrix> w) {
        List<DenseMatrix> out = new ArrayList<>();
        w.forEach(m -> out.add(m.toDense()));
        return out;
    }
}
