package io.github.theorybench.claims.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.MeasurementOperator;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PWR-5, PWR-6 and PWR-7 replayed on tiny instances inside the asserting test: every descent is rerun by the test's
 * own loop (Hipparchus products, the operator's 𝒜 and 𝒜*), medians, ratios, delays, fits and every row, table cell and
 * figure series recomputed from those loops.
 */
@SmallInstances
class PowerDescentSmallTest {
    static final long SEED = 3;
    /** Ratios and logs of O(1..1e3) step counts and singular values from two backward-stable SVDs. */
    static final double ROUND_OFF = 1e-9;

    static RealMatrix real(DenseMatrix m) {
        return MatrixUtils.createRealMatrix(m.toArray2d());
    }

    static DenseMatrix dense(RealMatrix m) {
        return DenseMatrix.fromRows(m.getData());
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double sigma(RealMatrix m, int k) {
        return new SingularValueDecomposition(m).getSingularValues()[k];
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    // ---- PWR-6 ---------------------------------------------------------------------------------------------------

    /** 𝒜 as an n × d₁d₂ array (row i: vec(A_i)/√n, row-major vec), read off 𝒜 on the basis matrices E_jk. */
    static double[][] operatorRows(MeasurementOperator op, int d1, int d2) {
        int n = op.measurements();
        double[][] a = new double[n][d1 * d2];
        for (int j = 0; j < d1; j++) {
            for (int k = 0; k < d2; k++) {
                DenseMatrix e = DenseMatrix.zeros(d1, d2);
                e.set(j, k, 1);
                double[] col = op.apply(e);
                for (int i = 0; i < n; i++) {
                    a[i][j * d2 + k] = col[i];
                }
            }
        }
        return a;
    }

    /** e = 𝒜(M) − y with M = P Qᵀ (P: d₁ × r, Q: d₂ × r, plain arrays). */
    static double[] residual(double[][] a, double[] y, double[][] p, double[][] q) {
        int d1 = p.length, d2 = q.length, r = p[0].length;
        double[] m = new double[d1 * d2];
        for (int j = 0; j < d1; j++) {
            for (int k = 0; k < d2; k++) {
                double v = 0;
                for (int c = 0; c < r; c++) {
                    v += p[j][c] * q[k][c];
                }
                m[j * d2 + k] = v;
            }
        }
        double[] e = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double v = 0;
            for (int c = 0; c < m.length; c++) {
                v += a[i][c] * m[c];
            }
            e[i] = v - y[i];
        }
        return e;
    }

    /** 𝒜*(e) as a d₁ × d₂ array. */
    static double[][] adjoint(double[][] a, double[] e, int d1, int d2) {
        double[][] g = new double[d1][d2];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < d1; j++) {
                for (int k = 0; k < d2; k++) {
                    g[j][k] += e[i] * a[i][j * d2 + k];
                }
            }
        }
        return g;
    }

    /** G·W for G (d₁ × d₂) and W (d₂ × r). */
    static double[][] times(double[][] g, double[][] w) {
        int d1 = g.length, d2 = w.length, r = w[0].length;
        double[][] out = new double[d1][r];
        for (int j = 0; j < d1; j++) {
            for (int k = 0; k < d2; k++) {
                for (int c = 0; c < r; c++) {
                    out[j][c] += g[j][k] * w[k][c];
                }
            }
        }
        return out;
    }

    static double sumSquares(double[] e) {
        double l = 0;
        for (double v : e) {
            l += v * v;
        }
        return l;
    }

    /** t_spec and T of GD U ← U − μ𝒜*(𝒜(UUᵀ) − y)U (¼ loss) from U₀, by the test's own loop: {t_spec, T}. */
    static int[] convergence(double[][] a, double[] y, RealMatrix u0, double mu, double targetNorm, int cap) {
        int d = u0.getRowDimension();
        double[][] u = u0.getData();
        int tSpec = -1;
        double l0 = Double.NaN;
        for (int t = 0; t <= cap; t++) {
            double[] e = residual(a, y, u, u);
            double l = sumSquares(e) / 4;
            l0 = t == 0 ? l : l0;
            if (tSpec < 0) {
                double s = sigma(MatrixUtils.createRealMatrix(u), 0);
                if (s * s >= 0.01 * targetNorm) {
                    tSpec = t;
                }
            }
            if (l <= 1e-3 * l0) {
                return new int[] {tSpec, t};
            }
            double[][] g = times(adjoint(a, e, d, d), u);
            for (int j = 0; j < d; j++) {
                for (int c = 0; c < u[0].length; c++) {
                    u[j][c] -= mu * g[j][c];
                }
            }
        }
        return new int[] {tSpec, -1};
    }

    @Test
    @DisplayName("PWR-6 small instance (d = 6, n = 120, 3 inits, ablations): every t_spec and T replayed by a GD loop of the test's own; medians, ratios, saddle delay, rows, table and figures recomputed")
    void convergenceTimes() {
        Backend b = Backends.byName(Backends.DEFAULT);
        int d = 6, n = 120, inits = 3;
        ConvergenceTimeCheck.Sizes sizes = new ConvergenceTimeCheck.Sizes(d, n, inits, true);
        ConvergenceTimeCheck check = new ConvergenceTimeCheck(sizes);
        ConvergenceTimes m = check.measure(sizes, CheckContext.of(b, SEED, false));
        long seed = SeedStream.of(SEED, "PWR-6").seed(0);
        assertThat(check.ids()).containsExactly("PWR-6");
        SpectralInstance drawn = SpectralInstance.build(b, seed, d, n, SpectralInstance.EIGENVALUES, inits, 2, 8, 20);
        SymmetricSensingInstance inst = drawn.sensing();
        double[][] a = operatorRows(inst.loss().operator(), d, d);
        double targetNorm = PowerMethodSmallTest.descendingEigenvalues(real(inst.target()))[0];
        assertThat(m.provenance().seed()).isEqualTo(seed);
        assertThat(m.targetNorm()).isCloseTo(targetNorm, within(ROUND_OFF));
        assertThat(m.rs()).containsExactly(2, 8, 20);
        assertThat(m.initSeeds()).isEqualTo(inits);
        double[][] settings = {{1e-3, 0.1}, {2e-2, 0.1}, {1e-2, 0.1}, {1e-3, 0.2}};
        assertThat(m.summaries()).hasSize(4);
        int[][] asserted = new int[3][inits];
        for (int k = 0; k < settings.length; k++) {
            double alpha = settings[k][0], mu = settings[k][1];
            ConvergenceTimes.Summary sm = m.summaries().get(k);
            assertThat(sm.alpha()).isEqualTo(alpha);
            assertThat(sm.mu()).isEqualTo(mu);
            double maxNorm = 0;
            boolean reached = true;
            for (int i = 0; i < 3; i++) {
                int r = m.rs()[i];
                double[] tot = new double[inits], spec = new double[inits], rest = new double[inits];
                for (int s = 0; s < inits; s++) {
                    RealMatrix u0 = real(drawn.init(r, s)).scalarMultiply(alpha);
                    maxNorm = Math.max(maxNorm, sigma(u0, 0));
                    int[] ts = convergence(a, inst.loss().labels(), u0, mu, targetNorm, ConvergenceTimeCheck.CAP);
                    reached &= ts[0] >= 0 && ts[1] >= 0;
                    spec[s] = ts[0];
                    tot[s] = ts[1];
                    rest[s] = ts[1] - ts[0];
                    if (k == 0) {
                        asserted[i][s] = ts[1];
                    }
                }
                String at = fmt("alpha %s mu %s r %d", alpha, mu, r);
                assertThat(sm.total()[i]).as(at).isEqualTo(median(tot));
                assertThat(sm.spectral()[i]).as(at).isEqualTo(median(spec));
                assertThat(sm.rest()[i]).as(at).isEqualTo(median(rest));
                assertThat(sm.minTotal()[i]).as(at).isEqualTo(Arrays.stream(tot).min().getAsDouble());
                assertThat(sm.maxTotal()[i]).as(at).isEqualTo(Arrays.stream(tot).max().getAsDouble());
            }
            assertThat(sm.reached()).isEqualTo(reached);
            assertThat(sm.maxInitNorm()).isCloseTo(maxNorm, within(ROUND_OFF * maxNorm));
            assertThat(sm.overparameterizedRatio()).isEqualTo(sm.total()[1] / sm.total()[2]);
            assertThat(sm.rStarRatio()).isEqualTo(sm.total()[0] / sm.total()[1]);
        }
        // the saddle delay, init by init, against σ_2 of the signal blocks QᵀŪ (Q: Z's top-2 eigenvectors)
        RealMatrix z = real(inst.z());
        RealMatrix q = PowerDescentSmallTest.topEigenvectors(z, 2);
        double lambda2 = PowerMethodSmallTest.descendingEigenvalues(z)[1];
        double growth = Math.log(1 + ConvergenceTimeCheck.MU * lambda2);
        double[] measured = new double[inits], predicted = new double[inits];
        for (int s = 0; s < inits; s++) {
            measured[s] = asserted[0][s] - asserted[1][s];
            predicted[s] = Math.log(sigma(q.transpose().multiply(real(drawn.init(8, s))), 1)
                    / sigma(q.transpose().multiply(real(drawn.init(2, s))), 1)) / growth;
        }
        assertThat(m.delay().measured()).containsExactly(measured);
        assertThat(m.delay().predicted()).containsExactly(predicted, within(1e-9));
        double corr = pearson(measured, predicted);
        if (Double.isNaN(corr)) {
            assertThat(m.delay().correlation()).isNaN();
        } else {
            assertThat(m.delay().correlation()).isCloseTo(corr, within(1e-9));
        }
        // rows
        List<Verdict> vs = check.verdicts(m);
        assertThat(vs).hasSize(2);
        for (int k = 0; k < 2; k++) {
            Verdict v = vs.get(k);
            ConvergenceTimes.Summary sm = m.summaries().get(k);
            double ratio = sm.total()[1] / sm.total()[2];
            assertThat(v.criterion()).isEqualTo(k == 0 ? ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE
                    : ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE_LARGE_INIT);
            assertThat(v.observed()).isEqualTo(ratio);
            assertThat(v.windowLow()).isEqualTo(0.8);
            assertThat(v.windowHigh()).isEqualTo(1.25);
            assertThat(v.holds()).isEqualTo(sm.reached() && ratio >= 0.8 && ratio <= 1.25);
            assertThat(v.hypothesisMet()).isEqualTo(sm.maxInitNorm() * sm.maxInitNorm() < 0.01 * targetNorm);
            assertThat(v.measurements()).containsEntry("medianTotalR2", sm.total()[0])
                    .containsEntry("medianTotalR8", sm.total()[1]).containsEntry("medianTotalR20", sm.total()[2])
                    .containsEntry("medianSpectralR2", sm.spectral()[0])
                    .containsEntry("medianSpectralR8", sm.spectral()[1])
                    .containsEntry("medianSpectralR20", sm.spectral()[2])
                    .containsEntry("ratioRStarOver4RStar", sm.total()[0] / sm.total()[1]);
            assertThat(v.measurements().get("initSpectralNormSquaredOverTarget")).isCloseTo(
                    sm.maxInitNorm() * sm.maxInitNorm() / targetNorm, within(ROUND_OFF));
            assertThat(v.detail()).contains(k == 0 ? fmt("r = 2: %.0f (spectral %.0f), r = 8: %.0f (%.0f), r = 20: "
                    + "%.0f (%.0f)", sm.total()[0], sm.spectral()[0], sm.total()[1], sm.spectral()[1], sm.total()[2],
                    sm.spectral()[2]) : fmt("%.0f, %.0f, %.0f for r = 2, 8, 20", sm.total()[0], sm.total()[1],
                    sm.total()[2]));
        }
        assertThat(vs.get(0).hypothesisMet()).as("alpha = 1e-3 is small init here").isTrue();
        assertThat(vs.get(1).hypothesisMet()).as("alpha = 2e-2 is not").isFalse();
        assertThat(vs.get(0).measurements()).containsEntry("medianSaddleDelay", median(measured));
        assertThat(vs.get(0).measurements().get("medianPredictedSaddleDelay")).isCloseTo(median(predicted),
                within(1e-9));
        assertThat(vs.get(0).detail()).contains(fmt("median %.0f steps", median(measured)));
        assertThat(vs.get(1).detail()).contains(fmt("up to %.3f >= 0.01", m.control().maxInitNorm()
                * m.control().maxInitNorm() / targetNorm));
        // table: one row per (setting, r), T / T(4 r*) in the last column
        Table t = check.tables(m).get(0);
        assertThat(t.rows()).hasSize(12);
        for (int k = 0; k < 4; k++) {
            ConvergenceTimes.Summary sm = m.summaries().get(k);
            for (int i = 0; i < 3; i++) {
                List<String> row = t.rows().get(3 * k + i);
                assertThat(row.get(1)).isEqualTo(fmt("%.0e", sm.alpha()));
                assertThat(row.get(3)).isEqualTo(fmt("%d (%d r*)", m.rs()[i], m.rs()[i] / 2));
                assertThat(row.get(4)).isEqualTo(fmt("%.0f", sm.spectral()[i]));
                assertThat(row.get(5)).isEqualTo(fmt("%.0f", sm.rest()[i]));
                assertThat(row.get(6)).isEqualTo(fmt("%.0f", sm.total()[i]));
                assertThat(row.get(7)).isEqualTo(fmt("%.0f..%.0f", sm.minTotal()[i], sm.maxTotal()[i]));
                assertThat(row.get(8)).isEqualTo(fmt("%.2f", sm.total()[i] / sm.total()[1]));
            }
        }
        assertThat(t.title()).contains(fmt("d = %d, n = %d", d, n)).contains(fmt("over %d inits", inits))
                .contains(Long.toString(seed));
        // figures: totals and spectral phases of the asserted and control settings; the delay sorted by prediction
        List<Figure> fs = check.figures(m);
        assertThat(fs).hasSize(2);
        List<Figure.Series> ts = fs.get(0).series();
        assertThat(ts).hasSize(4);
        for (int k = 0; k < 2; k++) {
            assertThat(ts.get(2 * k).x()).containsExactly(2, 8, 20);
            assertThat(ts.get(2 * k).y()).containsExactly(m.summaries().get(k).total());
            assertThat(ts.get(2 * k + 1).y()).containsExactly(m.summaries().get(k).spectral());
        }
        Integer[] order = {0, 1, 2};
        Arrays.sort(order, (x, yy) -> Double.compare(predicted[x], predicted[yy]));
        Figure.Series pts = fs.get(1).series().get(0), diag = fs.get(1).series().get(1);
        for (int k = 0; k < inits; k++) {
            assertThat(pts.x()[k]).isCloseTo(predicted[order[k]], within(1e-9));
            assertThat(pts.y()[k]).isEqualTo(measured[order[k]]);
            assertThat(diag.y()[k]).isEqualTo(pts.x()[k]);
        }
    }

    // ---- PWR-5 ---------------------------------------------------------------------------------------------------

    /** One replayed asymmetric run: the step each rule fired (−1: never), the errors there and at twice it. */
    record Replay(int steps, boolean plateau, double finalError, int[] markT, double[] markError,
            double[] markErrorTwice) {
    }

    static double relError(double[][] u, double[][] v, RealMatrix target) {
        RealMatrix uv = MatrixUtils.createRealMatrix(u).multiply(MatrixUtils.createRealMatrix(v).transpose());
        return uv.subtract(target).getFrobeniusNorm() / target.getFrobeniusNorm();
    }

    /**
     * The rules by their CLAIMS.md definitions: 0 the plateau (L_t &lt; 1e−3 L₀, L_{t−50} &lt; 2L_t), 1 the gate
     * L_t &lt; 0.1 L₀, 2 the injective rule (L_t ≤ 1e−2 L₀, ln(L_{t−10}/L_t)/10 ≤ 0.01), 3 never.
     */
    static boolean rule(int k, double[] loss, int t) {
        return switch (k) {
            case 0 -> t >= 50 && loss[t] < 1e-3 * loss[0] && loss[t - 50] < 2 * loss[t];
            case 1 -> loss[t] < 0.1 * loss[0];
            case 2 -> t >= 10 && loss[t] <= 1e-2 * loss[0] && Math.log(loss[t - 10] / loss[t]) / 10 <= 1e-2;
            default -> false;
        };
    }

    /** GD on ½‖𝒜(UVᵀ) − y‖² (U ← U − μ𝒜*(e)V, V ← V − μ𝒜*(e)ᵀU) by plain loops, with PlateauRuns' stopping. */
    static Replay asymmetric(double[][] a, double[] y, RealMatrix target, RealMatrix u0, RealMatrix v0, int[] rules,
            boolean twice, int cap) {
        int d1 = u0.getRowDimension(), d2 = v0.getRowDimension(), r = u0.getColumnDimension();
        double[][] u = u0.getData(), v = v0.getData();
        double[] loss = new double[cap + 1];
        int[] markT = new int[rules.length];
        double[] markError = new double[rules.length], markTwice = new double[rules.length];
        Arrays.fill(markT, -1);
        Arrays.fill(markError, Double.NaN);
        Arrays.fill(markTwice, Double.NaN);
        for (int t = 0; ; t++) {
            double[] e = residual(a, y, u, v);
            double l = sumSquares(e) / 2;
            loss[t] = l;
            boolean pending = false;
            for (int k = 0; k < rules.length; k++) {
                if (markT[k] < 0 && Double.isFinite(l) && rule(rules[k], loss, t)) {
                    markT[k] = t;
                    markError[k] = relError(u, v, target);
                }
                if (twice && markT[k] >= 0 && t == 2 * markT[k]) {
                    markTwice[k] = relError(u, v, target);
                }
                pending |= markT[k] < 0 || twice && t < 2 * markT[k];
            }
            if (!pending || t == cap) {
                boolean plateau = markT[0] >= 0;
                return new Replay(plateau ? markT[0] : t, plateau, plateau ? markError[0] : relError(u, v, target),
                        markT, markError, markTwice);
            }
            double[][] g = adjoint(a, e, d1, d2);
            double[][] gu = times(g, v);
            double[][] gv = times(transpose(g), u);
            for (int j = 0; j < d1; j++) {
                for (int c = 0; c < r; c++) {
                    u[j][c] -= FinalErrorScalingCheck.MU * gu[j][c];
                }
            }
            for (int j = 0; j < d2; j++) {
                for (int c = 0; c < r; c++) {
                    v[j][c] -= FinalErrorScalingCheck.MU * gv[j][c];
                }
            }
        }
    }

    static double[][] transpose(double[][] g) {
        double[][] out = new double[g[0].length][g.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[0].length; j++) {
                out[j][i] = g[i][j];
            }
        }
        return out;
    }

    /** Least-squares slope of ln e against ln α (NaN if some e is not positive and finite). */
    static double logLogSlope(double[] alphas, double[] e) {
        org.hipparchus.stat.regression.SimpleRegression fit = new org.hipparchus.stat.regression.SimpleRegression();
        for (int i = 0; i < e.length; i++) {
            if (!(e[i] > 0) || !Double.isFinite(e[i])) {
                return Double.NaN;
            }
            fit.addData(Math.log(alphas[i]), Math.log(e[i]));
        }
        return fit.getSlope();
    }

    /** Spearman's ρ with average ranks for ties (Hipparchus). */
    static double spearman(double[] x, double[] y) {
        return new SpearmansCorrelation().correlation(x, y);
    }

    static void assertSlope(double actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-6 * (1 + Math.abs(expected))));
        }
    }

    /** Relative errors from two loops that agree to round-off: the replay and the check differ by ~t·ε per step. */
    static final double ERROR_RTOL = 1e-6;

    static void assertError(double actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(ERROR_RTOL * expected));
        }
    }

    @Test
    @DisplayName("PWR-5 small instance (d = 4, n = 10..12, r = 3, 4; injective d = 3): every run replayed by an asymmetric GD loop of the test's own with the plateau rules by their definitions; fits, Spearman rho, rows, tables and figures recomputed")
    void finalErrors() {
        Backend b = Backends.byName(Backends.DEFAULT);
        double[] alphas = {1e-2, 1e-3};
        FinalErrorScalingCheck.Setup main = new FinalErrorScalingCheck.Setup(4, List.of(1.0, 0.5), List.of(10, 11, 12),
                List.of(3, 4), List.of(1e-2, 1e-3), 1);
        FinalErrorScalingCheck.Setup inj = new FinalErrorScalingCheck.Setup(3, List.of(1.0, 1.0), List.of(9, 10),
                List.of(2, 3), List.of(1e-2, 1e-3), 1);
        FinalErrorScalingCheck.Sizes sizes = new FinalErrorScalingCheck.Sizes(main, inj, true);
        FinalErrorScalingCheck check = new FinalErrorScalingCheck(sizes);
        FinalErrors m = check.measure(sizes, CheckContext.of(b, SEED, false));
        SeedStream seeds = SeedStream.of(SEED, "PWR-5");
        double mu = FinalErrorScalingCheck.MU;
        assertThat(check.ids()).containsExactly("PWR-5");
        assertThat(m.provenance().sizes()).containsEntry("kappa", 2.0).containsEntry("d1", 4);
        assertThat(m.alphas()).containsExactly(alphas);
        assertThat(m.samples()).hasSize(3);
        assertThat(m.ns()).containsExactly(10, 11, 12);
        int idx = 0;
        for (int n : new int[] {10, 11, 12}) {
            for (int s = 0; s < 1; s++) {
                FinalErrors.Sample sm = m.samples().get(idx++);
                long seed = seeds.child("n" + n).seed(s);
                assertThat(sm.provenance().seed()).isEqualTo(seed);
                assertThat(sm.n()).isEqualTo(n);
                FinalErrorInstance drawn = FinalErrorInstance.build(b, seed, 4, n, new double[] {1, 0.5}, 3, 4);
                double[][] a = operatorRows(drawn.sensing().loss().operator(), 4, 4);
                double[] y = drawn.sensing().loss().labels();
                RealMatrix target = real(drawn.sensing().target());
                double[] sz = new SingularValueDecomposition(real(drawn.sensing().loss().operator().adjoint(y)))
                        .getSingularValues();
                assertThat(sm.sigmas()).containsExactly(sz, within(1e-12));
                assertThat(sm.heuristic()).isCloseTo(2 * (1 - Math.log(1 + mu * sz[2]) / Math.log(1 + mu * sz[0])),
                        within(1e-12));
                assertThat(sm.regime()).as("n < r*^2 (d1 + d2): outside the regime").isFalse();
                for (int i = 0; i < 2; i++) {
                    int r = i == 0 ? 3 : 4;
                    FinalErrors.Fit f = sm.fit(r);
                    double[] eT = new double[2], e2T = new double[2], early = new double[2], early2 = new double[2];
                    int[] stepsT = new int[2];
                    boolean all = true;
                    for (int k = 0; k < 2; k++) {
                        Replay rp = asymmetric(a, y, target, real(drawn.uBars().get(i)).scalarMultiply(alphas[k]),
                                real(drawn.vBars().get(i)).scalarMultiply(alphas[k]), new int[] {0, 1}, true,
                                FinalErrorScalingCheck.CAP);
                        eT[k] = rp.markError()[0];
                        e2T[k] = rp.markErrorTwice()[0];
                        early[k] = rp.markError()[1];
                        early2[k] = rp.markErrorTwice()[1];
                        stepsT[k] = rp.markT()[0];
                        all &= rp.plateau() && Double.isFinite(e2T[k]) && Double.isFinite(early2[k]);
                    }
                    String at = fmt("n = %d, instance %d, r = %d", n, s, r);
                    assertThat(f.r()).isEqualTo(r);
                    assertThat(f.stepsT()).as(at).containsExactly(stepsT);
                    for (int k = 0; k < 2; k++) {
                        assertError(f.errorT()[k], eT[k], at + " error at T");
                        assertError(f.error2T()[k], e2T[k], at + " error at 2T");
                    }
                    assertThat(f.allPlateau()).as(at).isEqualTo(all);
                    assertSlope(f.exponentT(), logLogSlope(alphas, eT), at + " exponent T");
                    assertSlope(f.exponent2T(), logLogSlope(alphas, e2T), at + " exponent 2T");
                    assertSlope(f.exponentEarly(), logLogSlope(alphas, early), at + " exponent early");
                    assertSlope(f.exponentEarlyTwice(), logLogSlope(alphas, early2), at + " exponent early twice");
                    assertThat(f.shift()).isEqualTo(Math.abs(f.exponent2T() - f.exponentT()));
                    assertThat(f.earlyShift()).isEqualTo(Math.abs(f.exponentEarlyTwice() - f.exponentEarly()));
                    assertThat(f.errorsText(f.errorT())).isEqualTo(fmt("%.2e, %.2e", f.errorT()[0], f.errorT()[1]));
                    assertThat(f.stepsText()).isEqualTo(stepsT[0] + ", " + stepsT[1]);
                }
            }
        }
        // trends: Spearman rho of the plateau exponent against n, and against n labels shuffled from their seed
        assertThat(m.trends()).hasSize(2);
        double[] x = {10, 11, 12};
        for (FinalErrors.Trend tr : m.trends()) {
            double[] ex = m.samples().stream().mapToDouble(sm -> sm.fit(tr.r()).exponentT()).toArray();
            double[] shuffled = x.clone();
            org.hipparchus.random.RandomGenerator rng = io.github.theorybench.model.RandomMatrices.rng(
                    seeds.child("permutation").seed(tr.r()));
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            assertThat(tr.trend().points()).isEqualTo(3);
            assertThat(tr.trend().rho()).as("rho r = %d", tr.r()).isCloseTo(spearman(x, ex), within(1e-12));
            assertThat(tr.permuted().rho()).as("permuted rho r = %d", tr.r()).isCloseTo(spearman(shuffled, ex),
                    within(1e-12));
        }
        // injective setup
        FinalErrors.Injective im = m.injective();
        assertThat(im.d()).isEqualTo(3);
        assertThat(im.sampleSizes()).hasSize(2);
        for (int k = 0; k < 2; k++) {
            int n = k == 0 ? 9 : 10;
            FinalErrors.SampleSize ss = im.sampleSizes().get(k);
            long seed = seeds.child("injective").child("n" + n).seed(0);
            assertThat(ss.provenance().seed()).isEqualTo(seed);
            FinalErrorInstance drawn = FinalErrorInstance.build(b, seed, 3, n, new double[] {1, 1}, 2, 3);
            double[][] a = operatorRows(drawn.sensing().loss().operator(), 3, 3);
            double[] y = drawn.sensing().loss().labels();
            RealMatrix target = real(drawn.sensing().target());
            double[] sz = new SingularValueDecomposition(real(drawn.sensing().loss().operator().adjoint(y)))
                    .getSingularValues();
            assertThat(ss.heuristic()).isCloseTo(2 * (1 - Math.log(1 + mu * sz[2]) / Math.log(1 + mu * sz[0])),
                    within(1e-12));
            for (int i = 0; i < 2; i++) {
                int r = i == 0 ? 2 : 3;
                FinalErrors.InjectiveFit f = ss.fits().get(i);
                double[] err = new double[2], fixed = new double[2];
                int[] steps = new int[2];
                boolean all = true;
                for (int j = 0; j < 2; j++) {
                    RealMatrix u0 = real(drawn.uBars().get(i)).scalarMultiply(alphas[j]);
                    RealMatrix v0 = real(drawn.vBars().get(i)).scalarMultiply(alphas[j]);
                    Replay rp = asymmetric(a, y, target, u0, v0, new int[] {2}, false, FinalErrorScalingCheck.CAP);
                    err[j] = rp.finalError();
                    steps[j] = rp.steps();
                    all &= rp.plateau();
                    if (k == 0 && r > 2) {
                        Replay fx = asymmetric(a, y, target, u0, v0, new int[] {3}, false,
                                FinalErrorScalingCheck.FIXED_T);
                        assertThat(fx.steps()).isEqualTo(FinalErrorScalingCheck.FIXED_T);
                        fixed[j] = fx.finalError();
                    }
                }
                String at = fmt("injective n = %d, r = %d", n, r);
                assertThat(f.r()).isEqualTo(r);
                assertThat(f.steps()).as(at).containsExactly(steps);
                assertError(f.errors()[0], err[0], at);
                assertError(f.errors()[1], err[1], at);
                assertThat(f.allPlateau()).as(at).isEqualTo(all);
                assertSlope(f.exponent(), r == 2 ? Double.NaN : logLogSlope(alphas, err), at + " exponent");
                assertSlope(f.fixedExponent(), k == 0 && r > 2 ? logLogSlope(alphas, fixed) : Double.NaN,
                        at + " fixed-T exponent");
                assertThat(f.maxError()).isEqualTo(Math.max(f.errors()[0], f.errors()[1]));
                assertThat(f.minError()).isEqualTo(Math.min(f.errors()[0], f.errors()[1]));
            }
        }
        // rows: per rank trend and its permuted control; per (n, r) the shift at T and the early control; injective
        List<Verdict> vs = check.verdicts(m);
        assertThat(vs).hasSize(4 + 12 + 4);
        int row = 0;
        for (FinalErrors.Trend tr : m.trends()) {
            for (boolean permuted : new boolean[] {false, true}) {
                Verdict v = vs.get(row++);
                double p = (permuted ? tr.permuted() : tr.trend()).pValue();
                assertThat(v.criterion()).isEqualTo(permuted ? FinalErrorScalingCheck.EXPONENT_RISES_PERMUTED
                        : FinalErrorScalingCheck.EXPONENT_RISES);
                assertThat(v.observed()).isEqualTo(p);
                assertThat(v.bound()).isEqualTo(0.01);
                assertThat(v.hypothesisMet()).isFalse();
                assertThat(v.measurements()).containsEntry("rho", (permuted ? tr.permuted() : tr.trend()).rho())
                        .containsEntry("theoremExponent", 21.0 / 16);
                for (int n : new int[] {10, 11, 12}) {
                    double[] e = m.samples(n).stream().mapToDouble(sm -> sm.fit(tr.r()).exponentT()).toArray();
                    double[] h = m.samples(n).stream().mapToDouble(FinalErrors.Sample::heuristic).toArray();
                    assertThat(v.measurements()).containsEntry("medianExponentN" + n, median(e))
                            .containsEntry("medianHeuristicN" + n, median(h));
                    assertThat(v.detail()).contains(fmt("n = %d: %.3f (heuristic %.3f)", n, median(e), median(h)));
                }
                assertThat(v.detail()).contains(fmt("%.3f (heuristic %.3f); n = 11", median(m.samples(10).stream()
                        .mapToDouble(sm -> sm.fit(tr.r()).exponentT()).toArray()), median(m.samples(10).stream()
                        .mapToDouble(FinalErrors.Sample::heuristic).toArray())));
            }
        }
        for (int n : new int[] {10, 11, 12}) {
            for (FinalErrors.Trend tr : m.trends()) {
                for (boolean early : new boolean[] {false, true}) {
                    Verdict v = vs.get(row++);
                    double worst = 0;
                    boolean all = true;
                    for (FinalErrors.Sample sm : m.samples(n)) {
                        FinalErrors.Fit f = sm.fit(tr.r());
                        worst = Math.max(worst, early ? Math.abs(f.exponentEarlyTwice() - f.exponentEarly())
                                : Math.abs(f.exponent2T() - f.exponentT()));
                        all &= f.allPlateau();
                    }
                    assertThat(v.criterion()).isEqualTo(early ? FinalErrorScalingCheck.EXPONENT_STABLE_BEFORE_PLATEAU
                            : FinalErrorScalingCheck.EXPONENT_STABLE);
                    assertThat(v.observed()).as("n %d r %d early %s", n, tr.r(), early).isEqualTo(worst);
                    assertThat(v.holds()).isEqualTo((early || all) && worst <= 0.1);
                    assertThat(v.hypothesisMet()).isFalse();
                    assertThat(v.sizes()).containsEntry("r", tr.r()).containsEntry("instances", 1);
                    assertThat(v.measurements()).containsEntry("medianExponentT", median(m.samples(n).stream()
                            .mapToDouble(sm -> sm.fit(tr.r()).exponentT()).toArray()))
                            .containsEntry("medianExponentEarlyTwice", median(m.samples(n).stream()
                                    .mapToDouble(sm -> sm.fit(tr.r()).exponentEarlyTwice()).toArray()));
                    if (!early) {
                        assertThat(v.detail().contains("some run did not reach")).isEqualTo(!all);
                    }
                }
            }
        }
        for (FinalErrors.SampleSize ss : im.sampleSizes()) {
            for (FinalErrors.InjectiveFit f : ss.fits()) {
                Verdict v = vs.get(row++);
                assertThat(v.hypothesisMet()).isFalse();
                assertThat(v.measurements()).containsEntry("lambda1", ss.sigmas()[0])
                        .containsEntry("lambda3", ss.sigmas()[2]).containsEntry("maxFinalError", f.maxError())
                        .containsEntry("maxSteps", (double) Math.max(f.steps()[0], f.steps()[1]));
                if (f.r() == 2) {
                    assertThat(v.criterion()).isEqualTo(FinalErrorScalingCheck.INJECTIVE_EXACT);
                    assertThat(v.observed()).isEqualTo(f.maxError());
                    assertThat(v.holds()).isEqualTo(f.allPlateau() && f.maxError() <= 1e-12);
                } else {
                    assertThat(v.criterion()).isEqualTo(FinalErrorScalingCheck.INJECTIVE_EXPONENT);
                    assertThat(v.observed()).isEqualTo(f.exponent());
                    assertThat(v.slack()).isEqualTo(f.exponent() / (21.0 / 16));
                    assertThat(v.measurements().containsKey("exponentAtFixedT3000"))
                            .isEqualTo(!Double.isNaN(f.fixedExponent()));
                    assertThat(v.detail()).contains(fmt("fitted exponent %.3f", f.exponent()));
                    assertThat(v.detail().contains("at T = 3000)")).isEqualTo(!Double.isNaN(f.fixedExponent()));
                }
            }
        }
        // tables
        List<Table> ts = check.tables(m);
        assertThat(ts).hasSize(2);
        assertThat(ts.get(0).rows()).hasSize(6);
        int tr = 0;
        for (FinalErrors.Sample sm : m.samples()) {
            for (FinalErrors.Fit f : sm.fits()) {
                List<String> cells = ts.get(0).rows().get(tr++);
                assertThat(cells.get(0)).isEqualTo(Integer.toString(sm.n()));
                assertThat(cells.get(2)).isEqualTo(Integer.toString(f.r()));
                assertThat(cells.get(4)).isEqualTo(fmt("%.4f", sm.sigmas()[2]));
                assertThat(cells.get(6)).isEqualTo(fmt("%.3f", f.exponentT()));
                assertThat(cells.get(8)).isEqualTo(fmt("%.3f -> %.3f", f.exponentEarly(), f.exponentEarlyTwice()));
            }
        }
        assertThat(ts.get(0).title()).contains("alpha = 1.0e-02, 1.0e-03");
        assertThat(ts.get(1).rows()).hasSize(4);
        for (int k = 0; k < 4; k++) {
            FinalErrors.SampleSize ss = im.sampleSizes().get(k / 2);
            FinalErrors.InjectiveFit f = ss.fits().get(k % 2);
            String cell = ts.get(1).rows().get(k).get(3);
            if (f.r() == 2) {
                assertThat(cell).isEqualTo("exact (machine precision)");
            } else {
                assertThat(cell).startsWith(fmt("%.3f", f.exponent()))
                        .contains(k == 1 ? fmt(" (T = 3000: %.3f)", f.fixedExponent()) : "");
                assertThat(cell.contains("T = 3000")).isEqualTo(k == 1);
            }
        }
        // figures: exponent against n with its band, then one per n
        List<Figure> fs = check.figures(m);
        assertThat(fs).hasSize(4);
        List<Figure.Series> ex = fs.get(0).series();
        assertThat(ex).hasSize(3 * 2 + 2);
        for (int i = 0; i < 2; i++) {
            int r = m.trends().get(i).r();
            double[] med = new double[3];
            for (int k = 0; k < 3; k++) {
                med[k] = m.samples(10 + k).get(0).fit(r).exponentT();
            }
            double[] lo = med, hi = med;
            assertThat(ex.get(3 * i).x()).containsExactly(10, 11, 12);
            assertThat(ex.get(3 * i).y()).containsExactly(med);
            assertThat(ex.get(3 * i + 1).y()).containsExactly(lo);
            assertThat(ex.get(3 * i + 2).y()).containsExactly(hi);
        }
        assertThat(ex.get(6).y()).containsExactly(m.samples().get(0).heuristic(), m.samples().get(1).heuristic(),
                m.samples().get(2).heuristic());
        assertThat(ex.get(7).y()).containsExactly(21.0 / 16, 21.0 / 16, 21.0 / 16);
        FinalErrors.Sample first = m.samples(12).get(0);
        List<Figure.Series> per = fs.get(3).series();
        assertThat(per).hasSize(2 * 2 + 2);
        assertThat(per.get(0).y()).containsExactly(first.fit(3).errorT());
        assertThat(per.get(2).y()).containsExactly(first.fit(4).errorT());
        assertThat(per.get(3).y()).containsExactly(first.fit(4).error2T());
        double[] ref = first.fits().get(0).errorT();
        double c = Math.sqrt(ref[0] * ref[1] / Math.pow(alphas[0] * alphas[1], 21.0 / 16));
        assertThat(per.get(4).y()[0]).isCloseTo(c * Math.pow(alphas[0], 21.0 / 16), within(1e-9 * ref[0]));
        assertThat(fs.get(3).name()).isEqualTo("PWR-5-final-error-n12");
    }

    // ---- PWR-7 ---------------------------------------------------------------------------------------------------

    /** Steps of the normalized power iterates (I + μZ)^t U₀ to sin θ ≤ sin 0.1 (−1 past the cap), in R^d. */
    static int powerSteps(RealMatrix step, RealMatrix q, RealMatrix u0) {
        RealMatrix p = u0.copy();
        double sinBound = Math.sin(AlignmentTimeCheck.ANGLE);
        for (int t = 0; t <= AlignmentTimeCheck.CAP; t++) {
            if (PowerMethodSmallTest.sinAngle(p, q) <= sinBound) {
                return t;
            }
            p = step.multiply(p);
            p = p.scalarMultiply(1 / p.getFrobeniusNorm());
        }
        return -1;
    }

    static int numericalRank(RealMatrix u) {
        double[] sv = new SingularValueDecomposition(u).getSingularValues();
        int k = 0;
        for (double v : sv) {
            k += v > 1e-10 * sv[0] ? 1 : 0;
        }
        return k;
    }

    @Test
    @DisplayName("PWR-7 small instance (d = 8, n = 200, 2 inits, r = 2, 4, 8): every series' steps replayed by power iteration in R^d with Hipparchus angles; medians, ln r fit, rates, rows, table and figure lines recomputed")
    void alignmentSeries() {
        Backend b = Backends.byName(Backends.DEFAULT);
        int d = 8, n = 200, inits = 2;
        List<Integer> ranks = List.of(2, 4, 8);
        AlignmentTimeCheck.Sizes sizes = new AlignmentTimeCheck.Sizes(d, n, inits, ranks);
        AlignmentTimeCheck check = new AlignmentTimeCheck(sizes);
        AlignmentTimeCheck.Measurement m = check.measure(sizes, CheckContext.of(b, SEED, false));
        SeedStream seeds = SeedStream.of(SEED, "PWR-7");
        assertThat(check.ids()).containsExactly("PWR-7");
        AlignmentInstance main = AlignmentInstance.build(b, seeds.seed(0), d, n, AlignmentTimeCheck.EIGENVALUES,
                inits, 2, ranks);
        AlignmentInstance family = AlignmentInstance.build(b, seeds.child("familyInstance").seed(0), d, n,
                SpectralInstance.EIGENVALUES, inits, 2, ranks);
        double mu = AlignmentTimeCheck.MU;
        List<AlignmentTimeCheck.Series> all = List.of(m.claim(), m.lowRank(), m.family());
        for (int k = 0; k < 3; k++) {
            AlignmentInstance inst = k == 2 ? family : main;
            boolean lowRank = k == 1;
            AlignmentTimeCheck.Series sr = all.get(k);
            RealMatrix z = real(inst.sensing().z());
            double[] lz = PowerMethodSmallTest.descendingEigenvalues(z);
            double[] lt = PowerMethodSmallTest.descendingEigenvalues(real(inst.sensing().target()));
            RealMatrix q = PowerMethodSmallTest.topEigenvectors(z, 2);
            RealMatrix step = MatrixUtils.createRealIdentityMatrix(d).add(z.scalarMultiply(mu));
            assertThat(sr.provenance().seed()).isEqualTo(inst.seed());
            assertThat(sr.ranks()).containsExactly(2, 4, 8);
            assertThat(sr.lambdas()).containsExactly(new double[] {lz[0], lz[1], lz[2]}, within(1e-12));
            assertThat(sr.eigenvalues()).containsExactly(new double[] {lt[0], lt[1], lt[2]}, within(1e-12));
            double[] medians = new double[3];
            boolean independent = true, aligned = true;
            org.hipparchus.stat.regression.SimpleRegression fit = new org.hipparchus.stat.regression.SimpleRegression();
            for (int i = 0; i < 3; i++) {
                int r = ranks.get(i);
                double[] st = new double[inits];
                for (int s = 0; s < inits; s++) {
                    RealMatrix u0 = real(inst.inits(r, lowRank).get(s));
                    int t = powerSteps(step, q, u0);
                    assertThat(sr.steps()[i][s]).as("series %d r %d init %d", k, r, s).isEqualTo(t);
                    aligned &= t >= 0;
                    st[s] = t < 0 ? AlignmentTimeCheck.CAP : t;
                    independent &= numericalRank(u0) == Math.min(r, d) && lz[1] > lz[2];
                }
                medians[i] = median(st);
                fit.addData(Math.log(r), medians[i]);
            }
            assertThat(sr.medians()).containsExactly(medians);
            assertThat(sr.independent()).as("series %d independent", k).isEqualTo(independent);
            assertThat(sr.allAligned()).isEqualTo(aligned);
            assertThat(sr.fit().slope()).isCloseTo(fit.getSlope(), within(1e-9));
            assertThat(sr.fit().intercept()).isCloseTo(fit.getIntercept(), within(1e-9));
            assertThat(sr.stepsPerEFold()).isEqualTo(-sr.fit().slope());
            assertThat(sr.corrected()).isCloseTo(1 / Math.log(1 + mu * lz[1]), within(1e-9));
            assertThat(sr.gapRate()).isCloseTo(1 / (2 * Math.log((1 + mu * lz[1]) / (1 + mu * lz[2]))),
                    within(1e-9));
        }
        assertThat(m.lowRank().independent()).as("rank-r* inits of r = 4, 8 columns").isFalse();
        // rows
        List<Verdict> vs = check.verdicts(m);
        assertThat(vs).hasSize(4);
        AlignmentTimeCheck.Series c = m.claim();
        double ratio = -c.fit().slope() * Math.log(1 + mu * c.lambdas()[1]);
        double printed = -c.fit().slope() * mu;
        double[] observed = {ratio, printed, m.lowRank().stepsPerEFold() / m.lowRank().corrected(),
                m.family().stepsPerEFold() / m.family().corrected()};
        AlignmentTimeCheck.Series[] of = {c, c, m.lowRank(), m.family()};
        for (int k = 0; k < 4; k++) {
            Verdict v = vs.get(k);
            AlignmentTimeCheck.Series sr = of[k];
            assertThat(v.observed()).as("row %d", k).isCloseTo(observed[k], within(1e-9));
            assertThat(v.windowLow()).isEqualTo(0.8);
            assertThat(v.windowHigh()).isEqualTo(1.2);
            assertThat(v.holds()).as("row %d", k).isEqualTo(sr.allAligned() && v.observed() >= 0.8
                    && v.observed() <= 1.2);
            assertThat(v.hypothesisMet()).isEqualTo(sr.independent());
            assertThat(v.measurements()).containsEntry("stepsPerEFold", sr.stepsPerEFold())
                    .containsEntry("correctedRate", sr.corrected()).containsEntry("printedRate", 10.0)
                    .containsEntry("gapRate", sr.gapRate()).containsEntry("rSquared", sr.fit().rSquared())
                    .containsEntry("lambda2", sr.lambdas()[1]).containsEntry("lambda3", sr.lambdas()[2])
                    .containsEntry("medianStepsRMin", sr.medians()[0])
                    .containsEntry("medianStepsRMax", sr.medians()[2]);
        }
        assertThat(vs.get(0).criterion()).isEqualTo(AlignmentTimeCheck.STEPS_SLOPE);
        assertThat(vs.get(0).detail()).contains(fmt("%.1f steps per e-fold of r (median steps %.0f, %.0f, %.0f at r "
                + "= [2, 4, 8])", c.stepsPerEFold(), c.medians()[0], c.medians()[1], c.medians()[2]));
        assertThat(vs.get(1).criterion()).isEqualTo(AlignmentTimeCheck.STEPS_SLOPE_PRINTED);
        assertThat(vs.get(1).finding() == null || vs.get(1).finding().isEmpty())
                .isEqualTo(printed >= 0.8 && printed <= 1.2);
        if (!(printed >= 0.8 && printed <= 1.2)) {
            assertThat(vs.get(1).finding()).contains(fmt("%.2f x the printed 1/mu", printed))
                    .contains(fmt("within %.0f%% of", 100 * Math.abs(ratio - 1)));
        }
        assertThat(vs.get(2).criterion()).isEqualTo(AlignmentTimeCheck.STEPS_SLOPE_LOW_RANK);
        assertThat(vs.get(3).criterion()).isEqualTo(AlignmentTimeCheck.STEPS_SLOPE_FAMILY);
        assertThat(vs.get(3).measurements().get("ratioToGapRate")).isCloseTo(m.family().stepsPerEFold()
                / m.family().gapRate(), within(1e-12));
        // table: per series its ranks and a fit row
        Table t = check.tables(m).get(0);
        assertThat(t.rows()).hasSize(12);
        String[] labels = {"claim (XX^T 1, 0.33)", "control: rank-r* inits", "exploratory (XX^T 1, 0.8)"};
        for (int k = 0; k < 3; k++) {
            AlignmentTimeCheck.Series sr = all.get(k);
            for (int i = 0; i < 3; i++) {
                assertThat(t.rows().get(4 * k + i)).containsExactly(labels[k], Integer.toString(ranks.get(i)),
                        fmt("%.0f", sr.medians()[i]), Arrays.toString(sr.steps()[i]));
            }
            assertThat(t.rows().get(4 * k + 3).get(2)).isEqualTo(fmt("%.1f steps per e-fold", sr.stepsPerEFold()));
            assertThat(t.rows().get(4 * k + 3).get(3)).isEqualTo(fmt("1/ln(1 + mu l2) = %.1f, 1/(2 ln(1/q)) = %.1f, "
                    + "1/mu = 10, lambda_2..3(Z) = %.3f, %.3f", sr.corrected(), sr.gapRate(), sr.lambdas()[1],
                    sr.lambdas()[2]));
        }
        // figure: medians, the corrected-rate lines through the fit's centre, the notes' 1/mu line
        List<Figure.Series> fs = check.figures(m).get(0).series();
        assertThat(fs).hasSize(6);
        double mean = (Math.log(2) + Math.log(4) + Math.log(8)) / 3;
        int[] at = {0, 2, 3};
        for (int k = 0; k < 3; k++) {
            assertThat(fs.get(at[k]).y()).containsExactly(all.get(k).medians());
        }
        AlignmentTimeCheck.Series[] lined = {c, m.family(), c};
        double[] rates = {c.corrected(), m.family().corrected(), 10};
        int[] lineAt = {1, 4, 5};
        for (int k = 0; k < 3; k++) {
            AlignmentTimeCheck.Series sr = lined[k];
            double centre = sr.fit().intercept() + sr.fit().slope() * mean;
            for (int i = 0; i < 3; i++) {
                assertThat(fs.get(lineAt[k]).y()[i]).isCloseTo(centre - rates[k] * (Math.log(ranks.get(i)) - mean),
                        within(1e-9));
            }
            assertThat(fs.get(lineAt[k]).reference()).isTrue();
        }
    }

    // ---- PWR-1, 2, 4 summary -------------------------------------------------------------------------------------

    /**
     * PWR-1/2/4's derived statistics, table and figures, recomputed from the runs of a measurement taken inside the
     * calling test ({@link PowerMethodSmallTest#spectralPhase}, which replays those runs): alignment rate fit, q, the
     * worst overparameterized angle, the large-α control, the t_spec fits and every figure series.
     */
    static void assertSummary(PowerMethodCheck check, SpectralPhase m) {
        double mu = PowerMethodCheck.MU;
        List<SpectralRuns.Run> rStar = new ArrayList<>();
        for (double a : PowerMethodCheck.ALPHAS) {
            m.runs().stream().filter(x -> x.r() == 2 && x.alpha() == a).findFirst().ifPresent(rStar::add);
        }
        assertThat(rStar).hasSize(PowerMethodCheck.ALPHAS.length);
        // PWR-2: log-linear rate of sin θ_t over t ∈ [5, max(8, t_spec/2)) on the smallest α's run
        SpectralRuns.Run smallest = rStar.get(rStar.size() - 1);
        int from = 5, to = Math.max(8, smallest.tSpec() / 2);
        org.hipparchus.stat.regression.SimpleRegression rate = new org.hipparchus.stat.regression.SimpleRegression();
        for (int t = from; t < Math.min(to, smallest.sinZ().length); t++) {
            if (smallest.sinZ()[t] > 1e-12) {
                rate.addData(t, Math.log(smallest.sinZ()[t]));
            }
        }
        SpectralPhase.Alignment al = m.alignment();
        assertThat(al.fitFrom()).isEqualTo(from);
        assertThat(al.fitTo()).isEqualTo(to);
        assertThat(al.fittedRate()).isCloseTo(Math.exp(rate.getSlope()), within(1e-9));
        assertThat(al.q()).isCloseTo((1 + mu * m.lambda(3)) / (1 + mu * m.lambda(2)), within(1e-15));
        assertThat(al.sinRStar()).isEqualTo(smallest.sinZAtSpec());
        assertThat(al.sinTargetRStar()).isEqualTo(smallest.sinTargetAtSpec());
        double worst = -1;
        int worstR = -1;
        double worstAlpha = Double.NaN;
        for (SpectralRuns.Run r : m.runs()) {
            if (r.r() >= 8 && r.alpha() <= 1e-5 && r.sinZAtSpec() > worst) {
                worst = r.sinZAtSpec();
                worstR = r.r();
                worstAlpha = r.alpha();
            }
        }
        assertThat(al.sinOverparameterized()).isEqualTo(worst);
        assertThat(al.worstR()).isEqualTo(worstR);
        assertThat(al.worstAlpha()).isEqualTo(worstAlpha);
        assertThat(al.separated()).isTrue();
        SpectralRuns.Run large = rStar.get(0);
        assertThat(large.alpha()).isEqualTo(1e-2);
        assertThat(al.sinLargeAlpha()).isEqualTo(large.sinZAtSpec());
        assertThat(al.tSpecLargeAlpha()).isEqualTo(large.tSpec());
        assertThat(al.initSinLargeAlpha()).isEqualTo(large.sinZ()[0]);
        // PWR-4: t_spec against ln(1/α), per rank over the α with a spectral phase, and the control over all of its α
        assertThat(m.tSpecFits()).hasSize(4);
        double targetNorm = m.targetNorm();
        for (int k = 0; k < 4; k++) {
            SpectralPhase.TSpecFit f = m.tSpecFits().get(k);
            int r = k < 3 ? new int[] {2, 8, 30}[k] : 2;
            double[] alphas = k < 3 ? PowerMethodCheck.ALPHAS : PowerMethodCheck.NO_PHASE_ALPHAS;
            org.hipparchus.stat.regression.SimpleRegression fit = new org.hipparchus.stat.regression.SimpleRegression();
            int i = 0;
            for (double a : alphas) {
                SpectralRuns.Run run = m.runs().stream().filter(x -> x.r() == r && x.alpha() == a).findFirst()
                        .orElseThrow();
                boolean phase = run.initNorm() * run.initNorm() < 0.01 * targetNorm;
                assertThat(f.alphas()[i]).isEqualTo(a);
                assertThat(f.tSpec()[i]).isEqualTo(run.tSpec());
                assertThat(f.phase()[i]).as("fit %d alpha %s", k, a).isEqualTo(phase);
                if (phase || k == 3) {
                    fit.addData(Math.log(1 / a), run.tSpec());
                }
                i++;
            }
            assertThat(f.r()).isEqualTo(r);
            assertThat(f.fit().slope()).as("fit %d", k).isCloseTo(fit.getSlope(), within(1e-9));
            assertThat(f.fit().intercept()).as("fit %d", k).isCloseTo(fit.getIntercept(), within(1e-7));
            assertThat(f.predicted()).isCloseTo(1 / Math.log(1 + mu * m.lambda(1)), within(1e-12));
        }
        // table: one row per run
        Table t = check.tables(m).get(0);
        assertThat(t.rows()).hasSize(m.runs().size());
        for (int k = 0; k < m.runs().size(); k++) {
            SpectralRuns.Run r = m.runs().get(k);
            List<String> row = t.rows().get(k);
            assertThat(row.get(0)).isEqualTo(Integer.toString(r.r()));
            assertThat(row.get(2)).isEqualTo(io.github.theorybench.claims.support.NumberText.sig3(
                    r.initNorm() * r.initNorm() / targetNorm));
            assertThat(row.get(3)).isEqualTo(r.initNorm() * r.initNorm() < 0.01 * targetNorm ? "yes" : "no");
            assertThat(row.get(4)).isEqualTo(Integer.toString(r.tSpec()));
        }
        assertThat(t.title()).contains(fmt("lambda_1..3(Z) = %.4f, %.4f, %.4f", m.lambda(1), m.lambda(2),
                m.lambda(3)));
        // figures
        List<Figure> fs = check.figures(m);
        assertThat(fs).hasSize(3);
        List<Figure.Series> tr = fs.get(0).series();
        double[] alpha = rStar.stream().mapToDouble(SpectralRuns.Run::alpha).toArray();
        assertThat(tr.get(0).x()).containsExactly(alpha);
        assertThat(tr.get(0).y()).containsExactly(rStar.stream().mapToDouble(SpectralRuns.Run::maxDeviation)
                .toArray());
        assertThat(tr.get(1).y()).containsExactly(rStar.stream().mapToDouble(SpectralRuns.Run::halfDeviation)
                .toArray());
        assertThat(tr.get(2).y()).containsExactly(rStar.stream()
                .mapToDouble(SpectralRuns.Run::maxDeviationToHorizon).toArray());
        assertThat(tr.get(3).y()).containsOnly(0.1);
        List<Figure.Series> ag = fs.get(1).series();
        double[] sz = smallest.sinZ();
        assertThat(ag.get(0).y()).containsExactly(sz);
        assertThat(ag.get(1).y()).containsExactly(large.sinZ());
        for (int k = 0; k < sz.length; k += Math.max(1, sz.length / 7)) {
            assertThat(ag.get(0).x()[k]).isEqualTo(k);
            assertThat(ag.get(2).y()[k]).isCloseTo(sz[5] * Math.pow(al.q(), k - 5), within(1e-12 * sz[5]));
            assertThat(ag.get(3).y()[k]).isEqualTo(0.1);
        }
        assertThat(ag.get(1).x()[large.sinZ().length - 1]).isEqualTo(large.sinZ().length - 1);
        List<Figure.Series> ts = fs.get(2).series();
        assertThat(ts).hasSize(3 * 2 + 1);
        for (int k = 0; k < 3; k++) {
            SpectralPhase.TSpecFit f = m.tSpecFits().get(k);
            double meanLog = 0;
            for (double a : f.alphas()) {
                meanLog += Math.log(1 / a) / f.alphas().length;
            }
            assertThat(ts.get(2 * k).label()).isEqualTo("r = " + f.r());
            for (int i = 0; i < f.alphas().length; i++) {
                double x = 1 / f.alphas()[i];
                assertThat(ts.get(2 * k).x()[i]).isEqualTo(x);
                assertThat(ts.get(2 * k).y()[i]).isEqualTo(f.tSpec()[i]);
                assertThat(ts.get(2 * k + 1).y()[i]).isCloseTo(f.fit().intercept() + f.predicted() * Math.log(x)
                        + (f.fit().slope() - f.predicted()) * meanLog, within(1e-9));
            }
        }
        assertThat(ts.get(6).label()).isEqualTo("control, r = 2");
    }

    @Test
    @DisplayName("PWR-5 descents (d = 3, n = 9, cap 10): marks of a rule firing at t = 0, one at t = 3 and one never firing, errors at t and 2t, the capped run's final error and L/L0, replayed by the test's own loop")
    void plateauMarks() {
        Backend b = Backends.byName(Backends.DEFAULT);
        FinalErrorInstance drawn = FinalErrorInstance.build(b, SEED, 3, 9, new double[] {1, 1}, 2);
        double[][] a = operatorRows(drawn.sensing().loss().operator(), 3, 3);
        double[] y = drawn.sensing().loss().labels();
        RealMatrix target = real(drawn.sensing().target());
        List<io.github.theorybench.model.sensing.SensingInstance> starts = drawn.starts(new double[] {0.1});
        int cap = 10;
        List<PlateauRuns.Rule> rules = List.of((loss, t) -> t >= 3, (loss, t) -> true, (loss, t) -> false);
        PlateauRuns.Run run = PlateauRuns.descend(b, starts, drawn.sensing().loss().batchForm(drawn.sensing()
                .target()), FinalErrorScalingCheck.MU, rules, true, cap).get(0);
        // the test's own loop: errors and losses at every t ≤ cap
        double[][] u = real(drawn.uBars().get(0)).scalarMultiply(0.1).getData();
        double[][] v = real(drawn.vBars().get(0)).scalarMultiply(0.1).getData();
        double[] err = new double[cap + 1], loss = new double[cap + 1];
        for (int t = 0; t <= cap; t++) {
            double[] e = residual(a, y, u, v);
            loss[t] = sumSquares(e) / 2;
            err[t] = relError(u, v, target);
            double[][] g = adjoint(a, e, 3, 3);
            double[][] gu = times(g, v), gv = times(transpose(g), u);
            for (int j = 0; j < 3; j++) {
                for (int c = 0; c < 2; c++) {
                    u[j][c] -= FinalErrorScalingCheck.MU * gu[j][c];
                    v[j][c] -= FinalErrorScalingCheck.MU * gv[j][c];
                }
            }
        }
        assertThat(run.r()).isEqualTo(2);
        assertThat(run.alpha()).isEqualTo(0.1);
        assertThat(run.plateau()).isTrue();
        assertThat(run.steps()).isEqualTo(3);
        assertError(run.finalError(), err[3], "error at the first rule's t = 3");
        assertThat(run.finalLossOverL0()).isCloseTo(loss[3] / loss[0], within(1e-9 * loss[3] / loss[0]));
        assertThat(run.mark(0).t()).isEqualTo(3);
        assertError(run.mark(0).errorAtTwice(), err[6], "error at 2t = 6");
        assertThat(run.mark(1).t()).as("a rule true at t = 0 fires there, once").isZero();
        assertError(run.mark(1).error(), err[0], "error at t = 0");
        assertThat(run.mark(1).errorAtTwice()).isEqualTo(run.mark(1).error());
        assertThat(run.mark(2).t()).isEqualTo(-1);
        assertThat(run.mark(2).error()).isNaN();
        assertThat(run.mark(2).errorAtTwice()).isNaN();
        // a first rule that never fires: the run goes to its cap, its error and L/L0 read there
        PlateauRuns.Run capped = PlateauRuns.descend(b, starts, drawn.sensing().loss().batchForm(drawn.sensing()
                .target()), FinalErrorScalingCheck.MU, List.of((loss2, t) -> false), false, cap).get(0);
        assertThat(capped.plateau()).isFalse();
        assertThat(capped.steps()).isEqualTo(cap);
        assertError(capped.finalError(), err[cap], "error at the cap");
        assertThat(capped.finalLossOverL0()).isCloseTo(loss[cap] / loss[0], within(1e-9 * loss[cap] / loss[0]));
        assertThat(capped.mark(0).t()).isEqualTo(-1);
        assertThat(capped.mark(0).error()).isNaN();
    }

    @Test
    @DisplayName("PWR-5 verdict (exploratory injective rows): r = r* holds at max error 1e-12 exactly with every run at its plateau, fails one ulp over or with a run capped")
    void injectiveExactRow() {
        for (double e : new double[] {1e-12, Math.nextUp(1e-12)}) {
            for (boolean all : new boolean[] {true, false}) {
                FinalErrors.InjectiveFit f = new FinalErrors.InjectiveFit(2, new double[] {e / 2, e}, new int[] {5, 6},
                        all, Double.NaN, Double.NaN);
                FinalErrors.SampleSize ss = new FinalErrors.SampleSize(io.github.theorybench.claims.Provenance.of(1,
                        "ejml", "d1", 3), 9, new double[] {2, 1, 0.5}, 0.4, List.of(f));
                FinalErrors m = new FinalErrors(io.github.theorybench.claims.Provenance.of(1, "ejml", "d1", 3),
                        new double[] {1e-2, 1e-3}, List.of(), List.of(), new FinalErrors.Injective(3,
                        new double[] {1e-2, 1e-3}, List.of(ss)));
                List<Verdict> vs = FinalErrorVerdicts.verdicts(m);
                assertThat(vs).hasSize(1);
                assertThat(vs.get(0).criterion()).isEqualTo(FinalErrorScalingCheck.INJECTIVE_EXACT);
                assertThat(vs.get(0).observed()).isEqualTo(e);
                assertThat(vs.get(0).holds()).as("error %s, all at plateau %s", e, all).isEqualTo(all && e == 1e-12);
            }
        }
    }

    /** Pearson's r (Hipparchus; NaN when either side is constant). */
    static double pearson(double[] a, double[] c) {
        return new PearsonsCorrelation().correlation(a, c);
    }

    static RealMatrix topEigenvectors(RealMatrix s, int k) {
        return PowerMethodSmallTest.topEigenvectors(s, k);
    }
}
