package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.List;
import org.assertj.core.data.Offset;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-7 (CLAIMS.md; 000) on small instances: the derivative kernel E[σ′(u)σ′(w)] against an independent quadrature,
 * K∞ entrywise, and the whole check at widths 16..256 with 3 draws replayed independently (explicit Jacobians,
 * Hipparchus eigenvalues, own least squares): figure series, reference line, fitted slopes and their windows.
 */
@SmallInstances
class WidthScalingSmallTest {
    private static final long SEED = 3;
    private static final int[] WIDTHS = {16, 64, 256};
    private static final int DRAWS = 3;
    private final Backend backend = Backends.byName(Backends.DEFAULT);
    private CheckResult result;


    /**
     * E[σ′(u)σ′(w)] for (u, w) centred Gaussian with Var u = nx², Var w = ny², Cov = dot, by the Cholesky factor in the
     * other order (w = ny t₁, u = (dot/ny) t₁ + c t₂) and a trapezoid rule on [−10, 10]² (spectrally accurate for this
     * smooth, Gaussian-decaying integrand).
     */
    private static double referenceKernel(Activation act, double nx, double ny, double dot) {
        double b = dot / ny, c = Math.sqrt(Math.max(0, nx * nx - b * b));
        int k = 160;
        double h = 20.0 / k, s = 0;
        for (int p = 0; p <= k; p++) {
            double t1 = -10 + p * h;
            double w1 = Math.exp(-t1 * t1 / 2) * (p == 0 || p == k ? 0.5 : 1);
            double inner = 0;
            for (int q = 0; q <= k; q++) {
                double t2 = -10 + q * h;
                inner += Math.exp(-t2 * t2 / 2) * (q == 0 || q == k ? 0.5 : 1) * act.derivative(b * t1 + c * t2);
            }
            s += w1 * act.derivative(ny * t1) * inner;
        }
        return s * h * h / (2 * Math.PI);
    }

    /** 60-point Gauss-Hermite is accurate to ~2e-7 at unit norms (1.5: ~1e-4, the error grows with the norm). */
    private static final double GH_TOL = 2e-6;

    @Test
    @DisplayName("LAZY-7 derivative kernel: 60-point Gauss-Hermite E[sigma'(u) sigma'(w)] equals an independent "
            + "trapezoid quadrature (tanh, softplus; correlated, anti-correlated, unequal norms, a zero norm)")
    void derivativeKernel() {
        double[][] cases = {{1, 1, 0.3}, {1, 1, -0.8}, {0.7, 1.1, 0.5}, {1.1, 0.9, -0.2}, {1.1, 0.5, 0.54}};
        for (Activation act : List.of(Activation.TANH, Activation.SOFTPLUS)) {
            for (double[] c : cases) {
                double expected = referenceKernel(act, c[0], c[1], c[2]);
                assertThat(WidthScalingCheck.derivativeKernel(act, c[0], c[1], c[2])).as("%s %s", act, c)
                        .isCloseTo(expected, Offset.offset(GH_TOL));
            }
            // nx = 0: u = 0, so E = sigma'(0) E[sigma'(ny z)]
            double expected = referenceKernel(act, 0, 1.1, 0);
            assertThat(WidthScalingCheck.derivativeKernel(act, 0, 1.1, 0)).as("%s, nx = 0", act)
                    .isCloseTo(expected, Offset.offset(GH_TOL));
        }
    }

    @Test
    @DisplayName("LAZY-7 derivative kernel at x = y: finite (Cauchy-Schwarz clamp of ny^2 - b^2 under rounding) and "
            + "equal to E[sigma'(nx z)^2]")
    void derivativeKernelOnTheDiagonal() {
        // a norm t with (t t)/t > t in floating point: without the clamp, c = sqrt(negative) = NaN
        double t = 0.71;
        assertThat((t * t) / t).isGreaterThan(t);
        double expected = referenceKernel(Activation.TANH, t, t, t * t);
        double got = WidthScalingCheck.derivativeKernel(Activation.TANH, t, t, t * t);
        assertThat(got).isCloseTo(expected, Offset.offset(GH_TOL));
    }

    @Test
    @DisplayName("LAZY-7 K_inf(x, x') = E[sigma'(v.x) sigma'(v.x')] x.x' entrywise and symmetric (non-unit inputs)")
    void infiniteWidthKernel() {
        DenseMatrix x = RandomMatrices.gaussian(3, 2, 0.5, RandomMatrices.rng(4));
        DenseMatrix k = WidthScalingCheck.infiniteWidthKernel(x, Activation.TANH);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = x.get(i, 0) * x.get(j, 0) + x.get(i, 1) * x.get(j, 1);
                double ni = Math.hypot(x.get(i, 0), x.get(i, 1)), nj = Math.hypot(x.get(j, 0), x.get(j, 1));
                assertThat(k.get(i, j)).as("(%d, %d)", i, j).isCloseTo(referenceKernel(Activation.TANH, ni, nj, dot)
                        * dot, Offset.offset(GH_TOL));
            }
        }
    }

    private static double[] eigenvalues(DenseMatrix g) {
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(g.toArray2d())).getEigenvalues();
        java.util.Arrays.sort(ev);
        return ev;
    }

    /** Least-squares slope and its standard error of y on x, written out (not Hipparchus). */
    private static double[] slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double b = sxy / sxx, sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - my - b * (x[i] - mx);
            sse += r * r;
        }
        return new double[] {b, Math.sqrt(sse / (n - 2) / sxx)};
    }

    private Figure figure(String name) {
        return result.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("LAZY-7 whole check at m = 16, 64, 256 (3 draws): sigma_min, sigma_max of J0 and ||J0 J0^T/m - K_inf||_2 "
            + "replayed with explicit Jacobians; slopes, standard errors, slack, windows and figures match")
    void wholeCheckReplayed() {
        // run here, not in a @BeforeAll: PIT's JUnit 5 plugin credits @BeforeAll code to the first test only
        result = new WidthScalingCheck(WIDTHS, DRAWS).run(CheckContext.of(backend, SEED, true));
        assertThat(new WidthScalingCheck().ids()).containsExactly("LAZY-7");
        int n = 10, d = 5, nw = WIDTHS.length;
        DenseMatrix x = RandomMatrices.unitRows(n, d, RandomMatrices.rng(SEED));
        // K_inf from the independent quadrature (000: K_inf(x, x') = E[sigma'(v.x) sigma'(v.x')] x.x')
        double[][] kInf = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += x.get(i, c) * x.get(j, c);
                }
                kInf[i][j] = referenceKernel(Activation.TANH, 1, 1, Math.max(-1, Math.min(1, dot))) * dot;
                kInf[j][i] = kInf[i][j];
            }
        }
        double[] ms = new double[nw], mins = new double[nw], maxs = new double[nw], errs = new double[nw];
        for (int a = 0; a < nw; a++) {
            int m = WIDTHS[a];
            ms[a] = m;
            for (int r = 0; r < DRAWS; r++) {
                RandomGenerator rng = RandomMatrices.rng(SEED * 1_000_003L + m * 101L + r);
                TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
                DenseMatrix g = TwoLayerNet.withFixedSigns(backend, x, init.signs(), Activation.TANH)
                        .gramExplicit(init.weights());
                double[] ev = eigenvalues(g);
                // singular values of J0 are the square roots of the eigenvalues of J0 J0^T
                mins[a] += Math.sqrt(ev[0]) / DRAWS;
                maxs[a] += Math.sqrt(ev[n - 1]) / DRAWS;
                DenseMatrix diff = g.scale(1.0 / m).plusScaled(-1, DenseMatrix.fromRows(kInf));
                double[] dv = eigenvalues(diff);
                errs[a] += Math.max(-dv[0], dv[n - 1]) / DRAWS;   // spectral norm of a symmetric matrix
            }
        }
        Figure kf = figure("LAZY-7-kernel-error");
        assertThat(kf.title()).contains("mean of 3 draws");
        assertThat(kf.logX()).isTrue();
        assertThat(kf.logY()).isTrue();
        assertThat(kf.series()).hasSize(2);
        assertThat(kf.series().get(0).x()).containsExactly(ms);
        assertThat(kf.series().get(0).reference()).isFalse();
        assertThat(kf.series().get(0).y()).containsExactly(errs, Offset.offset(GH_TOL));
        assertThat(kf.series().get(1).reference()).isTrue();
        for (int a = 0; a < nw; a++) {
            // m^-1/2 reference line through the first point
            assertThat(kf.series().get(1).y()[a]).isCloseTo(kf.series().get(0).y()[0] * Math.sqrt(ms[0] / ms[a]),
                    Offset.offset(1e-15));
        }
        Figure sf = figure("LAZY-7-singular-values");
        assertThat(sf.series()).extracting(Figure.Series::label).containsExactly("sigma_min(J0)", "sigma_max(J0)");
        assertThat(sf.series().get(0).x()).containsExactly(ms);
        assertThat(sf.series().get(0).y()).containsExactly(mins, Offset.offset(1e-9 * maxs[nw - 1]));
        assertThat(sf.series().get(1).y()).containsExactly(maxs, Offset.offset(1e-9 * maxs[nw - 1]));

        double[] logM = new double[nw];
        double[][] logs = new double[3][nw];
        for (int a = 0; a < nw; a++) {
            logM[a] = Math.log(ms[a]);
            // the slopes are fitted to the check's own means (the figure series, pinned above)
            logs[0][a] = Math.log(sf.series().get(0).y()[a]);
            logs[1][a] = Math.log(sf.series().get(1).y()[a]);
            logs[2][a] = Math.log(kf.series().get(0).y()[a]);
        }
        String[] names = {"sigma_min(J0) vs m", "sigma_max(J0) vs m", "||J0 J0^T/m - K_inf||_2 vs m"};
        double[] theory = {0.5, 0.5, -0.5};
        double[][] windows = {{0.4, 0.6}, {0.4, 0.6}, {-0.6, -0.4}};
        assertThat(result.verdicts("LAZY-7")).extracting(Verdict::check).containsExactly(names);
        for (int q = 0; q < 3; q++) {
            Verdict v = result.verdict("LAZY-7", names[q]);
            double[] fit = slope(logM, logs[q]);
            assertThat(v.observed()).as(names[q]).isCloseTo(fit[0], Offset.offset(1e-12));
            assertThat(v).hasMeasurementCloseTo("slopeStdErr", fit[1], 1e-9, "least-squares standard error");
            assertThat(v.bound()).isEqualTo(theory[q]);
            assertThat(v.slack()).isCloseTo(v.observed() / theory[q], Offset.offset(1e-12));
            assertThat(v.windowLow()).isEqualTo(windows[q][0]);
            assertThat(v.windowHigh()).isEqualTo(windows[q][1]);
            assertThat(v.holds()).isEqualTo(fit[0] >= windows[q][0] && fit[0] <= windows[q][1]);
            assertThat(v.sizes()).containsEntry("m", "16..256").containsEntry("draws", DRAWS).containsEntry("n", n)
                    .containsEntry("d", d);
            assertThat(v.activation()).isEqualTo("tanh");
        }
        // LAZY-7: sigma_min and sigma_max grow like sqrt(m), the kernel error falls like m^-1/2
        assertThat(result.verdict("LAZY-7", names[0])).holds();
        assertThat(result.verdict("LAZY-7", names[1])).holds();
    }
}
