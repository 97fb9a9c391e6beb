package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.TwoLayerInit;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-7's limit kernel and kernel errors recomputed another way: E[σ′(u)σ′(w)] by a trapezoidal rule on a 2-D grid
 * against the Gaussian density (not Gauss–Hermite), Gram matrices J₀J₀ᵀ by loops, spectral norms and eigenvalues by
 * Hipparchus' SVD (the matrices are symmetric; K∞ is positive semi-definite), slopes of two-width fits in closed form.
 */
@SmallInstances
class WidthScalingKernelTest {
    private static final long SEED = 9;
    /**
     * The check's 60-node Gauss–Hermite rule against a trapezoidal rule (step 0.1 on [−7, 7]², error ≲ e^{−2π(π/2)/(0.1·1.4)} ≈ e^{−70} for
     * tanh′, analytic in the strip |Im z| < π/2, plus a tail ≲ e^{−24}): tanh′'s poles at ±iπ/2 limit Gauss–Hermite
     * to ~5e-7 on O(1) scales, so the two agree to a few 1e-7; 2e-6 leaves margin.
     */
    private static final double QUADRATURE = 2e-6;
    /** Logs of ratios of kernel errors of size ~0.1 that each carry the quadrature error: 1e-5 leaves margin. */
    private static final double SOLVER = 1e-5;
    /** A quotient or mean of two O(1) doubles computed in another order: 1e-12 absolute. */
    private static final double ROUND_OFF = 1e-12;
    private static final double STEP = 0.1, LIMIT = 7;

    private static double tanhPrime(double z) {
        double c = Math.cosh(z);
        return 1 / (c * c);
    }

    /** E[tanh′(a z₁) tanh′(b z₁ + c z₂)], z iid N(0, 1), by the trapezoidal rule on [−7, 7]². */
    private static double trapezoid(double a, double b, double c) {
        int n = (int) Math.round(2 * LIMIT / STEP);
        double[] z = new double[n + 1], wt = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            z[i] = -LIMIT + i * STEP;
            wt[i] = STEP * Math.exp(-z[i] * z[i] / 2) / Math.sqrt(2 * Math.PI);
        }
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double inner = 0;
            for (int j = 0; j <= n; j++) {
                inner += wt[j] * tanhPrime(b * z[i] + c * z[j]);
            }
            s += wt[i] * tanhPrime(a * z[i]) * inner;
        }
        return s;
    }

    @Test
    @DisplayName("LAZY-7 derivative kernel: Gauss-Hermite E[tanh'(u)tanh'(w)] equals a trapezoidal rule for correlated, anti-correlated, unequal-norm, zero-norm and degenerate (c = 0) pairs")
    void derivativeKernel() {
        // (nx, ny, dot): u = nx z1, w = (dot/nx) z1 + sqrt(ny^2 - (dot/nx)^2) z2
        double[][] cases = {{1, 1, 0.3}, {1, 1, -0.6}, {0.7, 1.4, 0.5}, {1.3, 0.8, 0}};
        for (double[] k : cases) {
            double b = k[2] / k[0], c = Math.sqrt(k[1] * k[1] - b * b);
            assertThat(WidthScalingCheck.derivativeKernel(Activation.TANH, k[0], k[1], k[2])).as("%s", k)
                    .isCloseTo(trapezoid(k[0], b, c), within(QUADRATURE));
        }
        // nx = 0: u = 0, tanh'(0) = 1, w = ny z2
        assertThat(WidthScalingCheck.derivativeKernel(Activation.TANH, 0, 1.2, 0))
                .isCloseTo(trapezoid(0, 0, 1.2), within(QUADRATURE));
        // |dot|/nx > ny (no such Gaussian pair): c clipped to 0, w = (dot/nx) z1
        assertThat(WidthScalingCheck.derivativeKernel(Activation.TANH, 1, 0.8, 0.9))
                .isCloseTo(trapezoid(1, 0.9, 0), within(QUADRATURE));
    }

    /** J₀J₀ᵀ by loops: G_ik = Σ_j σ′(w_j·x_i)σ′(w_j·x_k) x_i·x_k (s_j² = 1). */
    private static double[][] gram(DenseMatrix x, DenseMatrix w) {
        int n = x.rows(), d = x.cols();
        double[][] g = new double[n][n];
        for (int j = 0; j < w.rows(); j++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += w.get(j, k) * x.get(i, k);
                }
                p[i] = tanhPrime(z);
            }
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) {
                    g[i][l] += p[i] * p[l] * dot(x, i, l);
                }
            }
        }
        return g;
    }

    private static double dot(DenseMatrix x, int i, int l) {
        double s = 0;
        for (int k = 0; k < x.cols(); k++) {
            s += x.get(i, k) * x.get(l, k);
        }
        return s;
    }

    /** ‖G/m − K‖₂ by Hipparchus' SVD. */
    private static double error(double[][] g, int m, double[][] k) {
        double[][] diff = new double[k.length][k.length];
        for (int i = 0; i < k.length; i++) {
            for (int l = 0; l < k.length; l++) {
                diff[i][l] = g[i][l] / m - k[i][l];
            }
        }
        return new SingularValueDecomposition(MatrixUtils.createRealMatrix(diff)).getNorm();
    }

    @Test
    @DisplayName("LAZY-7 small replay: K_inf by a trapezoidal rule, its extreme eigenvalues, the kernel errors of loop-built Grams (own and shared-neuron) and their two-width slopes, figures and verdict texts")
    void kernelErrors() {
        WidthScalingCheck.Sizes s = new WidthScalingCheck.Sizes(3, 2, new int[] {8, 32}, 2);
        WidthScalingCheck check = new WidthScalingCheck(s);
        WidthScalingCheck.Measurement meas = check.measure(s, CheckContext.of(Backends.byName(Backends.DEFAULT),
                SEED, false));
        WidthScalingCheck.Instance in = WidthScalingCheck.Instance.build(SEED, s);
        DenseMatrix x = in.x();
        double[][] kInf = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int l = 0; l <= i; l++) {
                double ni = Math.sqrt(dot(x, i, i)), b = dot(x, i, l) / ni;
                double nl = Math.sqrt(dot(x, l, l));
                kInf[i][l] = trapezoid(ni, b, Math.sqrt(Math.max(0, nl * nl - b * b))) * dot(x, i, l);
                kInf[l][i] = kInf[i][l];
            }
        }
        double[] eig = new SingularValueDecomposition(MatrixUtils.createRealMatrix(kInf)).getSingularValues();
        assertThat(meas.kInfLambdaMax()).isCloseTo(eig[0], within(QUADRATURE));
        assertThat(meas.kInfLambdaMin()).isCloseTo(eig[2], within(QUADRATURE));
        assertThat(meas.hypothesisMet()).isTrue();
        double[][] mean = new double[2][2];       // [width][own, shared]
        int[] ms = {8, 32};
        for (int a = 0; a < 2; a++) {
            assertThat(meas.points().get(a).m()).isEqualTo(ms[a]);
            for (int r = 0; r < 2; r++) {
                TwoLayerInit init = in.inits().get(a).get(r);
                double own = error(gram(x, init.weights()), ms[a], kInf);
                DenseMatrix shared = DenseMatrix.zeros(ms[a], 2);
                for (int j = 0; j < ms[a]; j++) {
                    shared.set(j, 0, init.weights().get(0, 0));
                    shared.set(j, 1, init.weights().get(0, 1));
                }
                double sh = error(gram(x, shared), ms[a], kInf);
                WidthScalingCheck.Draw d = meas.points().get(a).draws().get(r);
                assertThat(d.kernelError()).isCloseTo(own, within(QUADRATURE));
                assertThat(d.sharedNeuronKernelError()).isCloseTo(sh, within(QUADRATURE));
                assertThat(d.normalizedSigmaMax()).isCloseTo(d.sigmaMax() / Math.sqrt(ms[a]), within(ROUND_OFF));
                mean[a][0] += own / 2;
                mean[a][1] += sh / 2;
            }
            assertThat(meas.points().get(a).mean(WidthScalingCheck.Draw::kernelError))
                    .isCloseTo(mean[a][0], within(QUADRATURE));
        }
        double logRatio = Math.log(32.0 / 8);
        double ownSlope = Math.log(mean[1][0] / mean[0][0]) / logRatio;
        double sharedSlope = Math.log(mean[1][1] / mean[0][1]) / logRatio;
        List<Verdict> vs = check.verdicts(meas);
        Verdict own = vs.stream().filter(v -> v.criterion().equals(WidthScalingCheck.KERNEL_ERROR_SLOPE)).findFirst()
                .orElseThrow();
        assertThat(own.observed()).isCloseTo(ownSlope, within(SOLVER));
        assertThat(own.slack()).isCloseTo(ownSlope / -0.5, within(2 * SOLVER));
        assertThat(own.measurements().get("kInfLambdaMin")).isCloseTo(eig[2], within(QUADRATURE));
        assertThat(own.detail()).contains("mean over 2 draws", "(R^2 ").doesNotContain("control");
        // the definiteness rule scales with lambda_max: 1.5e-10 < 1e-10 x 2
        assertThat(WidthScalingCheck.limitKernelPositiveDefinite(1.5e-10, 2.0)).isFalse();
        assertThat(WidthScalingCheck.limitKernelPositiveDefinite(2.5e-10, 2.0)).isTrue();
        Verdict shared = vs.stream().filter(v -> v.criterion().equals(WidthScalingCheck.KERNEL_ERROR_SHARED_NEURON))
                .findFirst().orElseThrow();
        assertThat(shared.observed()).isCloseTo(sharedSlope, within(SOLVER));
        assertThat(shared.detail()).contains("one-neuron kernel");
        for (Verdict v : vs) {
            boolean normalized = v.criterion().equals(WidthScalingCheck.SIGMA_MIN_NORMALIZED)
                    || v.criterion().equals(WidthScalingCheck.SIGMA_MAX_NORMALIZED);
            assertThat(v.detail().contains("J0/sqrt m removes")).as("%s", v.criterion()).isEqualTo(normalized);
            assertThat(v.hypothesisMet()).isTrue();
        }

        List<Figure> figs = check.figures(meas);
        assertThat(figs).extracting(Figure::name).containsExactly("LAZY-7-kernel-error", "LAZY-7-singular-values",
                "LAZY-7-kernel-error-window");
        Figure err = figs.get(0);
        assertThat(err.series().get(0).y()[0]).isCloseTo(mean[0][0], within(QUADRATURE));
        assertThat(err.series().get(0).y()[1]).isCloseTo(mean[1][0], within(QUADRATURE));
        assertThat(err.series().get(1).y()[0]).isCloseTo(mean[0][0], within(QUADRATURE));
        assertThat(err.series().get(1).y()[1]).isCloseTo(mean[0][0] / 2, within(QUADRATURE));   // sqrt(8/32)
        Figure sv = figs.get(1);
        for (int a = 0; a < 2; a++) {
            double lo = 0, hi = 0;
            for (WidthScalingCheck.Draw d : meas.points().get(a).draws()) {
                lo += d.sigmaMin() / 2;
                hi += d.sigmaMax() / 2;
            }
            assertThat(sv.series().get(0).y()[a]).isEqualTo(lo, within(ROUND_OFF));
            assertThat(sv.series().get(1).y()[a]).isEqualTo(hi, within(ROUND_OFF));
        }
        Figure win = figs.get(2);
        assertThat(win.series()).hasSize(5);
        // two widths: the fitted line passes through both means; the window edges through their geometric centre
        double centre = Math.sqrt(mean[0][0] * mean[1][0]), mid = Math.sqrt(8.0 * 32);
        for (int a = 0; a < 2; a++) {
            assertThat(win.series().get(1).y()[a]).isCloseTo(mean[a][0], within(QUADRATURE));
            assertThat(win.series().get(2).y()[a]).isCloseTo(centre * Math.pow(ms[a] / mid, -0.6),
                    within(QUADRATURE));
            assertThat(win.series().get(3).y()[a]).isCloseTo(centre * Math.pow(ms[a] / mid, -0.4),
                    within(QUADRATURE));
            assertThat(win.series().get(4).y()[a]).isCloseTo(mean[a][1], within(QUADRATURE));
        }
        assertThat(win.title()).contains(String.format(java.util.Locale.ROOT, "fitted slope %.3f", ownSlope));
    }
}
