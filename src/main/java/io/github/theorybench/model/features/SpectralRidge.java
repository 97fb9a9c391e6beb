package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.SymmetricEigen;

/**
 * Ridge regression on one design for a whole grid of penalties from a single eigendecomposition, with the penalty
 * chosen by exact leave-one-out (CLAIMS.md DLS-2: "the head's ridge penalty by exact leave-one-out over ≥ 30
 * log-spaced values"). The head of Algorithm 1 (004, steps t ≥ 2: gradient descent with weight decay on a, which
 * converges to the ridge solution) minimizes (1/2n)‖Φa − r‖² + (λ/2)‖a‖²; with s = nλ the fitted values are
 * r̂(s) = H(s) r, H(s) = K(K + sI)⁻¹, K = ΦΦᵀ (for kernel ridge K is the kernel matrix).
 *
 * <p>Write the non-zero spectrum of K as K = Σ_k λ_k z_k z_kᵀ (z_k orthonormal), c_k = z_kᵀ r, r⊥ = r − Σ_k c_k z_k
 * and g_k(s) = s/(λ_k + s). Then, for every s at once,
 * <pre>
 *   r − r̂(s) = r⊥ + Σ_k g_k(s) c_k z_k,        1 − H_ii(s) = (1 − Σ_k z_ik²) + Σ_k g_k(s) z_ik²,
 * </pre>
 * written so that no "1 − (almost 1)" cancellation occurs at small s, and the leave-one-out residual of ridge
 * regression is (r_i − r̂_i)/(1 − H_ii) (the PRESS identity, from Sherman–Morrison). Both sums over k are two GEMMs
 * for the whole grid. The dual coefficients are α(s) = Σ_k c_k/(λ_k + s) z_k, the head a = Φᵀα.
 *
 * <p>Where the spectrum comes from: n ≤ m, the eigendecomposition of the n × n Gram ΦΦᵀ (z_k its eigenvectors,
 * negative round-off eigenvalues set to 0); n &gt; m, that of the m × m Gram ΦᵀΦ = VΛVᵀ, z_k = Φv_k/√λ_k for the
 * eigenvalues above {@link #RANK_TOLERANCE}·λ_max. No linear system is solved: the formulation needs only a symmetric
 * eigensolver, which every backend has (an LU solve of K + sI failed on EJML as "singular to working precision" for
 * well-posed but ill-conditioned systems).
 *
 * <p>Penalty convention (scale-free, the same for every feature map and kernel): s = c·tr(K)/n, c the relative ridge.
 */
public final class SpectralRidge {
    /** Eigenvalues of ΦᵀΦ below this multiple of the largest are treated as zero in the primal form. */
    public static final double RANK_TOLERANCE = 1e-13;

    private final Backend backend;
    private final DenseMatrix z;
    private final double[] lambda;
    private final double traceOverN;
    private final boolean complete;

    private SpectralRidge(Backend backend, DenseMatrix z, double[] lambda, double trace, boolean complete) {
        this.backend = backend;
        this.z = z;
        this.lambda = lambda;
        this.traceOverN = trace / z.rows();
        this.complete = complete;
    }

    /** The spectrum of a symmetric PSD kernel matrix K (n × n): one eigendecomposition. */
    public static SpectralRidge ofKernel(Backend b, Matrix k) {
        SymmetricEigen e = b.eigSym(k);
        double[] lam = e.values().clone();
        for (int i = 0; i < lam.length; i++) {
            lam[i] = Math.max(0.0, lam[i]);                         // PSD: negative values are round-off
        }
        return new SpectralRidge(b, e.vectors(), lam, trace(k), true);
    }

    /** The spectrum of K = ΦΦᵀ for features Φ (n × m, backend storage): dual Gram if n ≤ m, else primal. */
    public static SpectralRidge ofFeatures(Backend b, Matrix phi) {
        if (phi.rows() <= phi.cols()) {
            return ofKernel(b, b.gram(false, phi));                 // ΦΦᵀ (SYRK)
        }
        Matrix g = b.gram(true, phi);                               // ΦᵀΦ, m × m (SYRK, transpose flag)
        SymmetricEigen e = b.eigSym(g);
        double[] all = e.values();
        int m = all.length, first = 0;
        double floor = RANK_TOLERANCE * Math.max(0.0, all[m - 1]);
        while (first < m && all[first] <= floor) {
            first++;
        }
        int r = m - first;
        DenseMatrix v = DenseMatrix.zeros(m, r);
        double[] lam = new double[r];
        for (int k = 0; k < r; k++) {
            lam[k] = all[first + k];
            double inv = 1.0 / Math.sqrt(lam[k]);
            for (int i = 0; i < m; i++) {
                v.set(i, k, e.vectors().get(i, first + k) * inv);   // v_k/√λ_k
            }
        }
        DenseMatrix zk = b.multiply(false, false, phi, b.adopt(v)).toDense();   // z_k = Φv_k/√λ_k
        return new SpectralRidge(b, zk, lam, trace(g), r == phi.rows());
    }

    static double trace(Matrix k) {
        double t = 0;
        for (int i = 0; i < k.rows(); i++) {
            t += k.get(i, i);
        }
        return t;
    }

    public int n() {
        return z.rows();
    }

    /** Number of spectral directions kept (n in the dual form, rank(Φ) in the primal form). */
    public int rank() {
        return lambda.length;
    }

    /** s = c·tr(K)/n for the relative ridge c. */
    public double shift(double c) {
        return c * traceOverN;
    }

    /** Log-spaced relative ridges from {@code low} to {@code high}, {@code count} values, both ends included. */
    public static double[] logGrid(double low, double high, int count) {
        double[] g = new double[count];
        double step = Math.log(high / low) / (count - 1);
        for (int i = 0; i < count; i++) {
            g[i] = low * Math.exp(step * i);
        }
        g[count - 1] = high;
        return g;
    }

    /** The leave-one-out choice for one label vector: the chosen grid index and every grid value's LOO error. */
    public record Choice(int index, double relativeRidge, double shift, double[] looMse, double[] dual) {
        /** Whether the choice sits on an end of the grid (the optimum may lie outside it). */
        public boolean atGridEdge() {
            return index == 0 || index == looMse.length - 1;
        }
    }

    /** c_k = z_kᵀr (GEMV with the transpose flag). */
    private double[] coefficients(double[] r) {
        if (r.length != n()) {
            throw new IllegalArgumentException("ridge: " + r.length + " labels for " + n() + " rows");
        }
        Matrix c = backend.zeros(rank(), 1);
        backend.gemv(true, 1.0, backend.adopt(z), backend.adopt(DenseMatrix.columnVector(r)), 0.0, c);
        return c.toDense().data().clone();
    }

    /** Leave-one-out mean squared error (1/n)Σ_i ((r_i − r̂_i)/(1 − H_ii))² for every relative ridge of the grid. */
    public double[] looMse(double[] r, double[] grid) {
        return looMse(r, coefficients(r), grid);
    }

    private double[] looMse(double[] r, double[] c, double[] grid) {
        int n = n(), rk = rank(), sN = grid.length;
        DenseMatrix gc = DenseMatrix.zeros(rk, sN), g = DenseMatrix.zeros(rk, sN);
        for (int k = 0; k < rk; k++) {
            for (int j = 0; j < sN; j++) {
                double s = shift(grid[j]), gk = s / (lambda[k] + s);    // g_k(s) = s/(λ_k + s)
                g.set(k, j, gk);
                gc.set(k, j, gk * c[k]);
            }
        }
        DenseMatrix z2 = DenseMatrix.zeros(n, rk);
        double[] zd = z.data(), z2d = z2.data();
        for (int i = 0; i < zd.length; i++) {
            z2d[i] = zd[i] * zd[i];
        }
        Matrix zb = backend.adopt(z);
        DenseMatrix resid = backend.multiply(false, false, zb, backend.adopt(gc)).toDense();       // Σ g_k c_k z_ik
        DenseMatrix lev = backend.multiply(false, false, backend.adopt(z2), backend.adopt(g)).toDense(); // Σ g_k z_ik²
        double[] out = new double[sN];
        for (int i = 0; i < n; i++) {
            double rPerp = 0, levPerp = 0;
            if (!complete) {                                         // the part of r outside span{z_k}
                double fit = 0, l = 0;
                for (int k = 0; k < rk; k++) {
                    fit += c[k] * zd[i * rk + k];
                    l += z2d[i * rk + k];
                }
                rPerp = r[i] - fit;
                levPerp = Math.max(0.0, 1.0 - l);
            }
            for (int j = 0; j < sN; j++) {
                double e = (rPerp + resid.get(i, j)) / (levPerp + lev.get(i, j));
                out[j] += e * e;
            }
        }
        for (int j = 0; j < sN; j++) {
            out[j] /= n;
        }
        return out;
    }

    /** The grid value with the smallest leave-one-out error (the first on ties) and its dual coefficients. */
    public Choice choose(double[] r, double[] grid) {
        double[] c = coefficients(r);
        double[] loo = looMse(r, c, grid);
        int best = 0;
        for (int j = 1; j < loo.length; j++) {
            if (loo[j] < loo[best]) {
                best = j;
            }
        }
        double s = shift(grid[best]);
        return new Choice(best, grid[best], s, loo, dual(c, s));
    }

    /** α(s) = Σ_k c_k/(λ_k + s) z_k for labels r at relative ridge {@code relativeRidge}. */
    public double[] dualCoefficients(double[] r, double relativeRidge) {
        return dual(coefficients(r), shift(relativeRidge));
    }

    private double[] dual(double[] c, double s) {
        double[] w = new double[rank()];
        for (int k = 0; k < w.length; k++) {
            w[k] = c[k] / (lambda[k] + s);
        }
        Matrix out = backend.zeros(n(), 1);
        backend.gemv(false, 1.0, backend.adopt(z), backend.adopt(DenseMatrix.columnVector(w)), 0.0, out);
        return out.toDense().data().clone();
    }

    /** The head a = Φᵀα (GEMV with the transpose flag). */
    public static double[] head(Backend b, Matrix phi, double[] dual) {
        Matrix a = b.zeros(phi.cols(), 1);
        b.gemv(true, 1.0, phi, b.adopt(DenseMatrix.columnVector(dual)), 0.0, a);
        return a.toDense().data().clone();
    }
}
