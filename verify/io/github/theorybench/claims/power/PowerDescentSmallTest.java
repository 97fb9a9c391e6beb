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

    static double pearson(double[] a, double[] c) {
        int n = a.length;
        double ma = Arrays.stream(a).average().getAsDouble(), mc = Arrays.stream(c).average().getAsDouble();
        double sac = 0, saa = 0, scc = 0;
        for (int i = 0; i < n; i++) {
            sac += (a[i] - ma) * (c[i] - mc);
            saa += (a[i] - ma) * (a[i] - ma);
            scc += (c[i] - mc) * (c[i] - mc);
        }
        return saa > 0 && scc > 0 ? sac / Math.sqrt(saa * scc) : Double.NaN;
    }

    static RealMatrix topEigenvectors(RealMatrix s, int k) {
        return PowerMethodSmallTest.topEigenvectors(s, k);
    }
}
