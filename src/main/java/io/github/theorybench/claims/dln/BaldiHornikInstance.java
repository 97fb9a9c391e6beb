package io.github.theorybench.claims.dln;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
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
        DenseMatrix yxt = b.multiply(false, true, yb, xb).toDense();
        return new Fit(phiHat, sigma, fitLoss, yxt.frobeniusNorm(), numericalRank(b.svd(xb).s()),
                numericalRank(b.svd(b.adopt(yxt)).s()));
    }

    /** The number of singular values above 1e−12 of the largest (0 for a zero matrix). */
    public static int numericalRank(double[] s) {
        int rank = 0;
        for (double v : s) {
            rank += s[0] > 0 && v > RANK_TOLERANCE * s[0] ? 1 : 0;
        }
        return rank;
    }

    /** Singular values below this multiple of the largest count as zero (a few hundred ulps of cond ≤ 1e3 data). */
    static final double RANK_TOLERANCE = 1e-12;

    /**
     * The regression's Baldi–Hornik data.
     *
     * @param phiHat Φ̂ = YXᵀ(XXᵀ)⁻¹
     * @param sigma eigen-decomposition of Σ = YXᵀ(XXᵀ)⁻¹XYᵀ, eigenvalues ascending
     * @param fitLoss ½‖Y − Φ̂X‖²
     * @param yxNorm ‖YXᵀ‖_F
     * @param xRank rank X (= rank XXᵀ)
     * @param yxRank rank YXᵀ (= rank XYᵀ)
     */
    public record Fit(DenseMatrix phiHat, SymmetricEigen sigma, double fitLoss, double yxNorm, int xRank,
            int yxRank) {
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

        /**
         * The assumptions of 003 Theorem 2.3 on the data: XXᵀ and XYᵀ of full rank, d_y ≤ d_x, and Σ with d_y
         * distinct eigenvalues.
         */
        public boolean meetsTheorem23Assumptions(int dx) {
            int dy = sigma.values().length;
            return xRank == dx && yxRank == dy && dy <= dx && distinctSpectrum();
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

    /**
     * Whether {@code idx} is a valid Baldi–Hornik index set of size k that is not the top one: k distinct indices in
     * [0, d_y) (0 = largest eigenvalue), not all below k. Its critical point is then a saddle (003 Thm 2.3 (iii)).
     */
    public static boolean isNonTopSubset(int[] idx, int k, int dy) {
        return isSubset(idx, k, dy) && !isTopSubset(idx, k, dy);
    }

    /** Whether {@code idx} is {0, …, k − 1} in some order: the global minimizers' index set. */
    public static boolean isTopSubset(int[] idx, int k, int dy) {
        if (!isSubset(idx, k, dy)) {
            return false;
        }
        for (int i : idx) {
            if (i >= k) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSubset(int[] idx, int k, int dy) {
        if (idx.length != k || k >= dy) {
            return false;
        }
        for (int a = 0; a < idx.length; a++) {
            if (idx[a] < 0 || idx[a] >= dy) {
                return false;
            }
            for (int c = a + 1; c < idx.length; c++) {
                if (idx[a] == idx[c]) {
                    return false;
                }
            }
        }
        return true;
    }
}
