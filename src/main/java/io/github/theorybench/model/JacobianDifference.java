package io.github.theorybench.model;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The Jacobian difference J(W) − J(W̄) of the fixed-sign two-layer net f(x) = Σ_j a_j σ(w_jᵀx) (CLAIMS.md LAZY model;
 * 000, SJL17 Lemma 7.11) and the norms its Lipschitz bounds use, in plain loops for small instances (n, m, d of a few
 * units up to n = 10, m = 400: every matrix whose spectrum is taken is n × n or d × d).
 * <ul>
 * <li>Row i of J(W) is [a_j σ′(w_jᵀx_i) x_iᵀ]_j, so with c_ij = a_j(σ′(w_jᵀx_i) − σ′(w̄_jᵀx_i)),
 * (J − J̄)(J − J̄)ᵀ = (C Cᵀ) ⊙ (X Xᵀ) and ‖J − J̄‖₂² = λ_max of that n × n matrix.</li>
 * <li>X∗X is the n × d² matrix with rows x_i ⊗ x_i; (x_i ⊗ x_i)ᵀ(x_k ⊗ x_k) = (x_iᵀx_k)², so
 * ‖X∗X‖₂² = λ_max((X Xᵀ)^{⊙2}) and ‖X∗X‖_F = sqrt(Σ_i ‖x_i‖⁴) (LAZY-4's constant).</li>
 * </ul>
 * Matrices are row-major {@code double[]}: X is n × d, W and W̄ are m × d.
 */
public final class JacobianDifference {
    private JacobianDifference() {
    }

    /** ‖J(W) − J(W̄)‖₂ for outer weights a (SJL17 Lemma 7.11's left side). */
    public static double spectralNorm(Activation act, double[] x, int n, int d, double[] w, double[] wBar,
            double[] a) {
        int m = a.length;
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double z = 0, zBar = 0;
                for (int k = 0; k < d; k++) {
                    z += w[j * d + k] * x[i * d + k];
                    zBar += wBar[j * d + k] * x[i * d + k];
                }
                c[i * m + j] = a[j] * (act.derivative(z) - act.derivative(zBar));
            }
        }
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l <= i; l++) {
                double cc = 0, xx = 0;
                for (int j = 0; j < m; j++) {
                    cc += c[i * m + j] * c[l * m + j];
                }
                for (int k = 0; k < d; k++) {
                    xx += x[i * d + k] * x[l * d + k];
                }
                g[i][l] = cc * xx;
                g[l][i] = g[i][l];
            }
        }
        return Math.sqrt(Math.max(0, largestEigenvalue(g)));
    }

    /**
     * A first-order bound on the relative round-off of {@code spectralNorm(...)/distance}: both are differences of
     * nearly equal numbers when W̄ is close to W. Entry c_ij = σ′(z_ij) − σ′(z̄_ij) carries an absolute error up to
     * ε(|σ′(z)| + |σ′(z̄)| + β₀(Σ_k|w_jk x_ik| + Σ_k|w̄_jk x_ik|)) (the subtraction and the rounding of z, z̄ passed
     * through σ′), relative to the largest |c_ij|; each w − w̄ an error ε(|w| + |w̄|), relative to ‖W − W̄‖_F/√(md).
     * Returns the sum of the two relative errors (ε = 2⁻⁵²); σ′ Lipschitz (β₀ finite) is assumed.
     */
    public static double relativeRoundOff(Activation act, double[] x, int n, int d, double[] w, double[] wBar) {
        double eps = Math.ulp(1.0);
        int m = w.length / d;
        double errC = 0, maxC = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double z = 0, zBar = 0, az = 0, azBar = 0;
                for (int k = 0; k < d; k++) {
                    z += w[j * d + k] * x[i * d + k];
                    zBar += wBar[j * d + k] * x[i * d + k];
                    az += Math.abs(w[j * d + k] * x[i * d + k]);
                    azBar += Math.abs(wBar[j * d + k] * x[i * d + k]);
                }
                double dz = act.derivative(z), dzBar = act.derivative(zBar);
                errC = Math.max(errC, eps * (Math.abs(dz) + Math.abs(dzBar) + act.beta0() * (az + azBar)));
                maxC = Math.max(maxC, Math.abs(dz - dzBar));
            }
        }
        double errW = 0;
        for (int t = 0; t < w.length; t++) {
            errW = Math.max(errW, eps * (Math.abs(w[t]) + Math.abs(wBar[t])));
        }
        return errC / maxC + errW * Math.sqrt(w.length) / frobeniusDistance(w, wBar);
    }

    /** ‖X∗X‖₂: the spectral norm of the n × d² matrix with rows x_i ⊗ x_i. */
    public static double khatriRaoNorm(double[] x, int n, int d) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l <= i; l++) {
                double xx = 0;
                for (int k = 0; k < d; k++) {
                    xx += x[i * d + k] * x[l * d + k];
                }
                g[i][l] = xx * xx;
                g[l][i] = g[i][l];
            }
        }
        return Math.sqrt(Math.max(0, largestEigenvalue(g)));
    }

    /** sqrt(Σ_i ‖x_i‖⁴) = ‖X∗X‖_F, LAZY-4's constant. */
    public static double fourthMomentNorm(double[] x, int n, int d) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int k = 0; k < d; k++) {
                q += x[i * d + k] * x[i * d + k];
            }
            s += q * q;
        }
        return Math.sqrt(s);
    }

    /** ‖W − W̄‖_F. */
    public static double frobeniusDistance(double[] w, double[] wBar) {
        double s = 0;
        for (int t = 0; t < w.length; t++) {
            s += (w[t] - wBar[t]) * (w[t] - wBar[t]);
        }
        return Math.sqrt(s);
    }

    /** ‖W − W̄‖₂ of m × d matrices: sqrt(λ_max(ΔᵀΔ)), ΔᵀΔ d × d. */
    public static double spectralDistance(double[] w, double[] wBar, int m, int d) {
        double[][] g = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int l = 0; l <= k; l++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += (w[j * d + k] - wBar[j * d + k]) * (w[j * d + l] - wBar[j * d + l]);
                }
                g[k][l] = s;
                g[l][k] = s;
            }
        }
        return Math.sqrt(Math.max(0, largestEigenvalue(g)));
    }

    /** λ_max of a small symmetric matrix (closed form for 1 × 1 and 2 × 2, Hipparchus otherwise). */
    static double largestEigenvalue(double[][] g) {
        if (g.length == 1) {
            return g[0][0];
        }
        if (g.length == 2) {                // closed form: (a + c)/2 + sqrt(((a − c)/2)² + b²)
            double h = (g[0][0] - g[1][1]) / 2;
            return (g[0][0] + g[1][1]) / 2 + Math.hypot(h, g[0][1]);
        }
        double[] ev = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(g)).getEigenvalues();
        double mx = Double.NEGATIVE_INFINITY;
        for (double v : ev) {
            mx = Math.max(mx, v);
        }
        return mx;
    }
}
