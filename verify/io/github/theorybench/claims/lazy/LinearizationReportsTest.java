package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Direction;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Errors;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Sample;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-9's reports (verdict measurements, the slopes table, the four figures) on a hand-made measurement: every error
 * a jittered power law c_q (1 + k/2) m^a_q r^b_q with its own exponents per quantity and activation, two seeds, so that
 * any swap of quantities, directions, radii sets or seeds moves a number. Expected slopes come from Hipparchus'
 * SimpleRegression on the logs of seed means built by loops; reference lines from their closed form (the line of the
 * given exponent through the geometric centre of the data).
 */
@SmallInstances
class LinearizationReportsTest {
    /** Means and logs of O(1) numbers, fitted two ways (loops vs Hipparchus): agreement to 1e-9 relative. */
    private static final double FIT_ROUND_OFF = 1e-9;
    /** A remainder f − f₀ − J₀Δ summed in another order (cancelling difference of O(1) terms): relative 1e-9. */
    private static final double CANCELLING_SUM = 1e-9;
    /** The exact ReLU worst case against the ascent's best, both evaluated by the same remainder: rounding only. */
    private static final double EVALUATION_ROUND_OFF = 1e-12;
    /** A product of three O(1) doubles: 1e-15 absolute. */
    private static final double PRODUCT_ROUND_OFF = 1e-15;
    /** Table cells are printed with 3 significant digits: relative agreement to 5e-3. */
    private static final double SIG3 = 5e-3;
    private static final Provenance P = Provenance.of(11, "ejml", "n", 10);
    private static final int[] WIDTHS = {16, 64, 256};
    private static final int RADIUS_WIDTH = 64;
    private static final int SEEDS = 2;

    /** Exponents {a in m, b in r, c} per quantity: rows random, gradient, adversarial, uninformed, unscaledRandom, unscaledAdversarial. */
    private static final double[][] TANH = {{-1.0, 2.0, 1.0}, {-0.9, 1.9, 1.3}, {-0.5, 2.2, 0.7}, {-0.45, 2.05, 0.6},
        {-0.3, 1.7, 2.0}, {0.1, 2.3, 3.0}};
    private static final double[][] RELU = {{-0.75, 1.5, 0.9}, {-0.55, 2.0, 1.1}, {-1.0 / 6, 4.0 / 3, 0.5},
        {-0.2, 1.2, 0.4}, {-0.35, 1.1, 1.5}, {0.05, 1.6, 2.5}};
    /** adversarial / taylorBound (tanh) and adversarial / reluExact (ReLU) on seed k. */
    private static final double[] TAYLOR_RATIO = {0.6, 0.8};
    private static final double[] EXACT_RATIO = {0.9, 0.95};

    private static double jitter(double x) {
        return 1 + 0.1 * Math.sin(x);
    }

    private static double law(double[] e, int k, double m, double r) {
        return e[2] * (1 + 0.5 * k) * Math.pow(m, e[0]) * Math.pow(r, e[1]) * jitter(m) * jitter(10 * r);
    }

    private static Errors errors(Activation act, int k, double m, double r) {
        double[][] e = act == Activation.TANH ? TANH : RELU;
        double adv = law(e[2], k, m, r);
        boolean tanh = act == Activation.TANH;
        return new Errors(law(e[0], k, m, r), law(e[1], k, m, r), adv, law(e[3], k, m, r), 0.1,
                tanh ? Double.NaN : adv / EXACT_RATIO[k], tanh ? adv / TAYLOR_RATIO[k] : Double.POSITIVE_INFINITY,
                law(e[4], k, m, r), law(e[5], k, m, r));
    }

    private static LinearizationErrorCheck.Measurement measurement() {
        LinearizationErrorCheck.Sizes s = new LinearizationErrorCheck.Sizes(WIDTHS, RADIUS_WIDTH, SEEDS, 7, 1);
        List<Sample> width = new ArrayList<>(), radius = new ArrayList<>();
        for (int m : WIDTHS) {
            for (int k = 0; k < SEEDS; k++) {
                for (Activation a : LinearizationErrorCheck.ACTIVATIONS) {
                    width.add(new Sample(a, m, 1.0, k, errors(a, k, m, 1.0)));
                }
            }
        }
        for (int k = 0; k < SEEDS; k++) {
            for (Activation a : LinearizationErrorCheck.ACTIVATIONS) {
                for (double r : LinearizationErrorCheck.Sizes.radii()) {
                    radius.add(new Sample(a, RADIUS_WIDTH, r, k, errors(a, k, RADIUS_WIDTH, r)));
                }
            }
        }
        return new LinearizationErrorCheck.Measurement(P, s, width, radius);
    }

    /** Seed means of a quantity along the widths (r = 1), by loops over the closed form. */
    private static double[] widthMeans(Activation a, ToDoubleFunction<Errors> q) {
        double[] out = new double[WIDTHS.length];
        for (int w = 0; w < WIDTHS.length; w++) {
            for (int k = 0; k < SEEDS; k++) {
                out[w] += q.applyAsDouble(errors(a, k, WIDTHS[w], 1.0)) / SEEDS;
            }
        }
        return out;
    }

    private static double[] radiusMeans(Activation a, ToDoubleFunction<Errors> q, double[] radii) {
        double[] out = new double[radii.length];
        for (int j = 0; j < radii.length; j++) {
            for (int k = 0; k < SEEDS; k++) {
                out[j] += q.applyAsDouble(errors(a, k, RADIUS_WIDTH, radii[j])) / SEEDS;
            }
        }
        return out;
    }

    private static double[] widthsAsDouble() {
        double[] m = new double[WIDTHS.length];
        for (int w = 0; w < m.length; w++) {
            m[w] = WIDTHS[w];
        }
        return m;
    }

    private static SimpleRegression logLog(double[] x, double[] y) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            r.addData(Math.log(x[i]), Math.log(y[i]));
        }
        return r;
    }

    private static double widthSlope(Activation a, ToDoubleFunction<Errors> q) {
        return logLog(widthsAsDouble(), widthMeans(a, q)).getSlope();
    }

    private static double radiusSlope(Activation a, ToDoubleFunction<Errors> q, boolean small) {
        double[] radii = small ? LinearizationErrorCheck.SMALL_RADII : allRadii();
        return logLog(radii, radiusMeans(a, q, radii)).getSlope();
    }

    private static double[] allRadii() {
        return new double[] {0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0};
    }

    /** c·x^e with c = exp(mean(ln y − e ln x)): the line of exponent e through the data's geometric centre. */
    private static double[] through(double[] x, double[] y, double e) {
        double c = 0;
        for (int i = 0; i < x.length; i++) {
            c += Math.log(y[i]) - e * Math.log(x[i]);
        }
        c = Math.exp(c / x.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = c * Math.pow(x[i], e);
        }
        return out;
    }

    private static ToDoubleFunction<Errors> of(Direction d) {
        return switch (d) {
            case RANDOM -> Errors::random;
            case GRADIENT -> Errors::gradient;
            case ADVERSARIAL -> Errors::adversarial;
        };
    }

    private static Verdict only(List<Verdict> vs, Criterion c) {
        List<Verdict> hits = vs.stream().filter(v -> v.criterion().equals(c)).toList();
        assertThat(hits).as("%s", c).hasSize(1);
        return hits.get(0);
    }

    private static void close(double got, double expected, String what) {
        assertThat(got).as(what).isCloseTo(expected, within(FIT_ROUND_OFF * Math.max(1, Math.abs(expected))));
    }

    private static void cell(String got, double expected, String what) {
        assertThat(Double.parseDouble(got.trim())).as(what + ": " + got)
                .isCloseTo(expected, within(SIG3 * Math.abs(expected)));
    }

    @Test
    @DisplayName("LAZY-9 reports: verdict slopes, per-width errors, radius slopes, Taylor and exact-ReLU ratio ranges and control slopes equal Hipparchus fits of loop-built seed means")
    void verdictMeasurements() {
        LinearizationErrorCheck.Measurement m = measurement();
        List<Verdict> vs = new LinearizationErrorCheck().verdicts(m);
        assertThat(vs).hasSize(14);
        Activation t = Activation.TANH, r = Activation.RELU;
        for (Direction d : Direction.values()) {
            Verdict tw = only(vs, LinearizationErrorCheck.tanhWidthSlope(d));
            SimpleRegression fit = logLog(widthsAsDouble(), widthMeans(t, of(d)));
            close(tw.observed(), fit.getSlope(), "tanh m-slope " + d);
            close(tw.measurements().get("slopeStdErr"), fit.getSlopeStdErr(), "tanh stderr " + d);
            close(tw.measurements().get("rSquared"), fit.getRSquare(), "tanh R^2 " + d);
            close(tw.measurements().get("radiusSlopeSmallRadii"), radiusSlope(t, of(d), true), "tanh r small " + d);
            close(tw.measurements().get("radiusSlopeAllRadii"), radiusSlope(t, of(d), false), "tanh r all " + d);
            close(tw.measurements().get("referenceSlope"), d == Direction.ADVERSARIAL ? -0.5 : -1.0, "ref " + d);
            double[] errs = widthMeans(t, of(d));
            close(tw.measurements().get("errorM00016"), errs[0], "error m=16 " + d);
            close(tw.measurements().get("errorM00256"), errs[2], "error m=256 " + d);
            assertThat(tw.detail()).contains("at m = 16", "at m = 256", "m = 16..256", switch (d) {
                case RANDOM -> "independent signs s_j: m^-1";
                case GRADIENT -> "same as random";
                case ADVERSARIAL -> "Taylor worst case";
            });
            assertThat(only(vs, LinearizationErrorCheck.reluWidthSlope(d)).detail()).contains(switch (d) {
                case RANDOM -> "kink crossings of size r/sqrt(m)";
                case GRADIENT -> "add coherently";
                case ADVERSARIAL -> "neurons nearest their kink pushed across";
            });
            assertThat(tw.measurements().containsKey("slopeWithoutStructuredStart"))
                    .isEqualTo(d == Direction.ADVERSARIAL);

            Verdict tr = only(vs, LinearizationErrorCheck.tanhRadiusSlope(d));
            close(tr.observed(), radiusSlope(t, of(d), true), "tanh radius slope " + d);
            close(tr.measurements().get("radiusSlopeAllRadii"), radiusSlope(t, of(d), false), "tanh all radii " + d);
            assertThat(tr.sizes()).containsEntry("m", RADIUS_WIDTH);

            Verdict rw = only(vs, LinearizationErrorCheck.reluWidthSlope(d));
            SimpleRegression rf = logLog(widthsAsDouble(), widthMeans(r, of(d)));
            close(rw.observed(), rf.getSlope(), "relu m-slope " + d);
            close(rw.measurements().get("slopeStdErr"), rf.getSlopeStdErr(), "relu stderr " + d);
            close(rw.measurements().get("rSquared"), rf.getRSquare(), "relu R^2 " + d);
            close(rw.measurements().get("statedSlope"), -1.0 / 3, "stated");
            close(rw.measurements().get("radiusSlopeSmallRadii"), radiusSlope(r, of(d), true), "relu r small " + d);
            close(rw.measurements().get("radiusSlopeAllRadii"), radiusSlope(r, of(d), false), "relu r all " + d);
            close(rw.measurements().get("predictedSlope"), switch (d) {
                case RANDOM -> -0.75;
                case GRADIENT -> -0.5;
                case ADVERSARIAL -> -1.0 / 6;
            }, "relu predicted " + d);
            close(rw.measurements().get("errorM00064"), widthMeans(r, of(d))[1], "relu error m=64 " + d);
        }
        close(only(vs, LinearizationErrorCheck.tanhWidthSlope(Direction.ADVERSARIAL)).measurements()
                .get("slopeWithoutStructuredStart"), widthSlope(t, Errors::uninformed), "tanh uninformed");
        Verdict adv = only(vs, LinearizationErrorCheck.reluWidthSlope(Direction.ADVERSARIAL));
        // reluExact = adversarial / EXACT_RATIO[k]: the same power law, so the same slopes; ratio range = EXACT_RATIO
        close(adv.measurements().get("exactWorstCaseSlope"), widthSlope(r, Errors::reluExact), "exact m-slope");
        close(adv.measurements().get("exactWorstCaseRadiusSlope"), radiusSlope(r, Errors::reluExact, true),
                "exact r-slope");
        close(adv.measurements().get("ascentOverExactMin"), EXACT_RATIO[0], "min ratio");
        close(adv.measurements().get("ascentOverExactMax"), EXACT_RATIO[1], "max ratio");
        close(adv.measurements().get("slopeWithoutStructuredStart"), widthSlope(r, Errors::uninformed), "uninformed");
        close(adv.measurements().get("radiusSlopeWithoutStructuredStart"), radiusSlope(r, Errors::uninformed, true),
                "uninformed r");
        assertThat(adv.detail()).contains("FINDING");
        assertThat(only(vs, LinearizationErrorCheck.reluWidthSlope(Direction.RANDOM)).detail())
                .doesNotContain("FINDING").contains("stated rate m^-1/3");

        Verdict taylor = only(vs, LinearizationErrorCheck.TAYLOR_BOUND);
        close(taylor.observed(), TAYLOR_RATIO[1], "Taylor max ratio");
        close(taylor.measurements().get("minRatio"), TAYLOR_RATIO[0], "Taylor min ratio");
        close(only(vs, LinearizationErrorCheck.TAYLOR_HALF_BOUND).observed(), 2 * TAYLOR_RATIO[1], "Taylor / 2");
        Verdict unscaled = only(vs, LinearizationErrorCheck.UNSCALED_NET);
        assertThat(unscaled.hypothesisMet()).isFalse();
        close(unscaled.observed(), widthSlope(t, Errors::unscaledAdversarial), "unscaled adversarial");
        close(unscaled.measurements().get("unscaledRandomSlope"), widthSlope(t, Errors::unscaledRandom),
                "unscaled random");
        close(unscaled.measurements().get("unscaledReluAdversarialSlope"), widthSlope(r, Errors::unscaledAdversarial),
                "unscaled relu");
        close(only(vs, LinearizationErrorCheck.RELU_RADIUS_SLOPE).observed(), radiusSlope(r, Errors::adversarial, true),
                "relu radius control");
        close(only(vs, LinearizationErrorCheck.SMOOTH_UNDER_RELU_RULE).observed(),
                widthSlope(t, Errors::adversarial), "tanh under relu rule");
    }

    @Test
    @DisplayName("LAZY-9 reports: the slopes table's 11 rows (slopes, references, radius slopes, errors at the end widths) and note match fits of loop-built means")
    void table() {
        LinearizationErrorCheck.Measurement m = measurement();
        List<Table> tables = new LinearizationErrorCheck().tables(m);
        assertThat(tables).hasSize(1);
        Table tb = tables.get(0);
        assertThat(tb.header()).contains("error at m = 16", "error at m = 256");
        assertThat(tb.note()).contains("2 seeds (base 11)", "widths 16..256", "radius sweep at m = 64",
                "ascent 7 steps from 4 starts", "backend ejml", "n = 10", "d = 5");
        List<List<String>> rows = tb.rows();
        assertThat(rows).hasSize(11);
        int row = 0;
        for (Activation a : LinearizationErrorCheck.ACTIVATIONS) {
            boolean tanh = a == Activation.TANH;
            for (Direction d : Direction.values()) {
                List<String> c = rows.get(row++);
                assertThat(c.subList(0, 2)).containsExactly(a.label(), d.label());
                String[] slope = c.get(2).split("±");
                SimpleRegression fit = logLog(widthsAsDouble(), widthMeans(a, of(d)));
                cell(slope[0], fit.getSlope(), a + " " + d + " slope");
                cell(slope[1], fit.getSlopeStdErr(), a + " " + d + " stderr");
                double ref = tanh ? (d == Direction.ADVERSARIAL ? -0.5 : -1.0)
                        : switch (d) {
                            case RANDOM -> -0.75;
                            case GRADIENT -> -0.5;
                            case ADVERSARIAL -> -1.0 / 6;
                        };
                cell(c.get(3), ref, a + " " + d + " reference");
                cell(c.get(4), radiusSlope(a, of(d), true), a + " " + d + " r small");
                cell(c.get(5), radiusSlope(a, of(d), false), a + " " + d + " r all");
                double[] errs = widthMeans(a, of(d));
                cell(c.get(6), errs[0], a + " " + d + " first error");
                cell(c.get(7), errs[2], a + " " + d + " last error");
            }
            List<String> u = rows.get(row++);
            assertThat(u.get(1)).isEqualTo("adversarial, random+gradient starts only");
            cell(u.get(2), widthSlope(a, Errors::uninformed), a + " uninformed slope");
            cell(u.get(4), radiusSlope(a, Errors::uninformed, true), a + " uninformed r");
            List<String> un = rows.get(row++);
            assertThat(un.get(1)).isEqualTo("unscaled net, adversarial (control)");
            cell(un.get(2), widthSlope(a, Errors::unscaledAdversarial), a + " unscaled");
        }
        List<String> ex = rows.get(row);
        assertThat(ex.subList(0, 2)).containsExactly("relu", "exact worst case");
        cell(ex.get(2), widthSlope(Activation.RELU, Errors::reluExact), "exact slope");
        cell(ex.get(3), -1.0 / 6, "exact reference");
        cell(ex.get(4), radiusSlope(Activation.RELU, Errors::reluExact, true), "exact r slope");
        double[] exact = widthMeans(Activation.RELU, Errors::reluExact);
        cell(ex.get(6), exact[0], "exact first");
        cell(ex.get(7), exact[2], "exact last");
    }

    @Test
    @DisplayName("LAZY-9 reports: the width and radius figures carry the loop-built seed means and reference lines of exponents -1, -1/2, -0.4 (tanh), -1/3, -1/6, -1/3+0.1 (ReLU), 2 or 4/3, 1.8, 2.5 through the data")
    void figures() {
        LinearizationErrorCheck.Measurement m = measurement();
        List<Figure> figs = new LinearizationErrorCheck().figures(m);
        assertThat(figs).extracting(Figure::name).containsExactly("LAZY-9-width-tanh", "LAZY-9-radius-tanh",
                "LAZY-9-width-relu", "LAZY-9-radius-relu");
        double[] ms = widthsAsDouble(), radii = allRadii();
        for (int ai = 0; ai < 2; ai++) {
            Activation a = LinearizationErrorCheck.ACTIVATIONS.get(ai);
            boolean tanh = a == Activation.TANH;
            Figure wf = figs.get(2 * ai), rf = figs.get(2 * ai + 1);
            assertThat(wf.title()).contains("mean of 2 seeds");
            assertThat(rf.title()).contains("at m = 64");
            assertThat(wf.series()).hasSize(6);
            assertThat(rf.series()).hasSize(6);
            for (Direction d : Direction.values()) {
                Figure.Series s = wf.series().get(d.ordinal());
                assertThat(s.label()).isEqualTo(d.label());
                assertThat(s.x()).containsExactly(ms);
                assertSeries(s.y(), widthMeans(a, of(d)), a + " width " + d);
                Figure.Series rs = rf.series().get(d.ordinal());
                assertThat(rs.x()).containsExactly(radii);
                assertSeries(rs.y(), radiusMeans(a, of(d), radii), a + " radius " + d);
            }
            double[] rand = widthMeans(a, Errors::random), advW = widthMeans(a, Errors::adversarial);
            assertSeries(wf.series().get(3).y(), through(ms, tanh ? rand : advW, tanh ? -1.0 : -1.0 / 3), a + " ref1");
            assertSeries(wf.series().get(4).y(), through(ms, advW, tanh ? -0.5 : -1.0 / 6), a + " ref2");
            double edge = tanh ? -0.4 : -1.0 / 3 + 0.1;
            assertSeries(wf.series().get(5).y(), through(ms, advW, edge), a + " edge");
            double[] advR = radiusMeans(a, Errors::adversarial, radii);
            assertSeries(rf.series().get(3).y(), through(radii, advR, tanh ? 2.0 : 4.0 / 3), a + " r ref");
            assertSeries(rf.series().get(4).y(), through(radii, advR, 1.8), a + " r edge lo");
            assertSeries(rf.series().get(5).y(), through(radii, advR, 2.5), a + " r edge hi");
            assertThat(wf.series().get(3).label()).isEqualTo(tanh ? "m^-1 reference" : "m^-1/3 (stated) reference");
            assertThat(wf.series().get(4).label()).isEqualTo(tanh ? "m^-1/2 reference" : "m^-1/6 reference");
            assertThat(wf.series().get(5).label()).isEqualTo(tanh ? "asserted edge m^-0.400 (through adversarial)"
                    : "asserted edge m^-0.233 (through adversarial)");
            assertThat(rf.series().get(3).label()).isEqualTo(tanh ? "r^2 reference" : "r^(4/3) reference");
            for (int k = 3; k < 6; k++) {
                assertThat(wf.series().get(k).reference()).isTrue();
                assertThat(rf.series().get(k).reference()).isTrue();
            }
        }
    }

    private static void assertSeries(double[] got, double[] expected, String what) {
        assertThat(got).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < got.length; i++) {
            close(got[i], expected[i], what + " [" + i + "]");
        }
    }

    /** max_i |c Σ_j s_j (σ(z + δz) − σ(z) − σ′(z)δz)| by loops, z = w_jᵀx_i, δz = Δ_jᵀx_i. */
    private static double remainder(LinearizationErrorCheck.Instance in, Activation act, double c, double[][] delta) {
        double worst = 0;
        for (int i = 0; i < in.x().rows(); i++) {
            double e = 0;
            for (int j = 0; j < delta.length; j++) {
                double z = 0, dz = 0;
                for (int k = 0; k < in.x().cols(); k++) {
                    z += in.w0().get(j, k) * in.x().get(i, k);
                    dz += delta[j][k] * in.x().get(i, k);
                }
                e += c * in.signs()[j] * (act.value(z + dz) - act.value(z) - act.derivative(z) * dz);
            }
            worst = Math.max(worst, Math.abs(e));
        }
        return worst;
    }

    @Test
    @DisplayName("LAZY-9 probe: gradient-direction error by loops (-grad R(W0) rescaled to r); Taylor bound beta0 r^2/(2 sqrt m); unscaled errors = sqrt(m) x scaled; adversarial >= every start")
    void probe() {
        LinearizationErrorCheck.Sizes s = new LinearizationErrorCheck.Sizes(new int[] {16}, 16, 1, 4, 1);
        int m = 16;
        double r = 0.5, c = 1 / Math.sqrt(m);
        LinearizationErrorCheck.Instance in = LinearizationErrorCheck.instance(7, 0, m, s);
        for (Activation act : LinearizationErrorCheck.ACTIVATIONS) {
            Errors e = new LinearizationProbe(io.github.theorybench.linalg.Backends.byName(
                    io.github.theorybench.linalg.Backends.DEFAULT), in, act, 4).at(r);
            int n = in.x().rows(), d = in.x().cols();
            double[] res = new double[n];
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < m; j++) {
                    double z = 0;
                    for (int k = 0; k < d; k++) {
                        z += in.w0().get(j, k) * in.x().get(i, k);
                    }
                    f += c * in.signs()[j] * act.value(z);
                }
                res[i] = f - in.y()[i];
            }
            double[][] grad = new double[m][d];
            double norm = 0;
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    double z = 0;
                    for (int k = 0; k < d; k++) {
                        z += in.w0().get(j, k) * in.x().get(i, k);
                    }
                    for (int k = 0; k < d; k++) {
                        grad[j][k] -= c * in.signs()[j] * res[i] * act.derivative(z) * in.x().get(i, k);
                    }
                }
                for (int k = 0; k < d; k++) {
                    norm += grad[j][k] * grad[j][k];
                }
            }
            for (double[] row : grad) {
                for (int k = 0; k < d; k++) {
                    row[k] *= r / Math.sqrt(norm);
                }
            }
            double g = remainder(in, act, c, grad);
            assertThat(e.gradient()).as("%s gradient", act).isCloseTo(g, within(CANCELLING_SUM * g));
            double[][] rand = new double[m][d];
            double rn = in.random().frobeniusNorm();
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < d; k++) {
                    rand[j][k] = in.random().get(j, k) * r / rn;
                }
            }
            double rr = remainder(in, act, c, rand);
            assertThat(e.random()).as("%s random", act).isCloseTo(rr, within(CANCELLING_SUM * rr));
            assertThat(e.unscaledRandom()).as("%s unscaled random", act).isCloseTo(4 * e.random(),
                    within(CANCELLING_SUM * e.random()));
            assertThat(e.adversarial()).isGreaterThanOrEqualTo(e.uninformed());
            assertThat(e.adversarial()).isGreaterThanOrEqualTo(e.structuredStart());
            assertThat(e.adversarial()).isGreaterThanOrEqualTo(Math.max(e.random(), e.gradient()));
            assertThat(e.unscaledAdversarial()).isCloseTo(4 * e.adversarial(), within(CANCELLING_SUM * e.adversarial()));
            if (act == Activation.TANH) {
                assertThat(e.taylorBound()).isCloseTo(act.beta0() * r * r / (2 * 4), within(PRODUCT_ROUND_OFF));
                assertThat(e.reluExact()).isNaN();
            } else {
                assertThat(e.taylorBound()).isEqualTo(Double.POSITIVE_INFINITY);
                assertThat(e.reluExact()).isPositive().isGreaterThanOrEqualTo(e.adversarial() * (1 - EVALUATION_ROUND_OFF));
            }
        }
    }

    @Test
    @DisplayName("LAZY-9 fit: a zero or negative mean (a ReLU direction that crossed no kink) gives a NaN line, positive means the log-log slope")
    void fitGuard() {
        double[] x = {1, 4};
        assertThat(LinearizationErrorCheck.fit(x, new double[] {1, 0}).slope()).isNaN();
        assertThat(LinearizationErrorCheck.fit(x, new double[] {-1, 1}).slope()).isNaN();
        assertThat(LinearizationErrorCheck.fit(x, new double[] {Double.MIN_VALUE, Double.MIN_VALUE}).slope())
                .isEqualTo(0.0);
        close(LinearizationErrorCheck.fit(x, new double[] {1, 2}).slope(), 0.5, "sqrt law");
        LineFit nan = LinearizationErrorCheck.fit(x, new double[] {0, 0});
        assertThat(nan.points()).isEqualTo(2);
        assertThat(nan.axes()).isEqualTo(LineFit.Axes.LOG_LOG);
    }
}
