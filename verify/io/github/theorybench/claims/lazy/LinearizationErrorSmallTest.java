package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Instance;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Point;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Probe;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Sizes;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.assertj.core.data.Offset;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-9 (CLAIMS.md; 000) on a small instance (m = 16, 32, 64, radius sweep at m = 32, 2 seeds, 6 ascent steps, one
 * extra random start): every verdict, table cell and figure series against an independent aggregation of the check's
 * per-(seed, width, radius) points, and the points themselves against explicit Jacobians and the Taylor bound.
 */
@SmallInstances
class LinearizationErrorSmallTest {
    private static final long SEED = 2;
    private static final Sizes SZ = new Sizes(new int[] {16, 32, 64}, 32, 2, 6, 1);
    private static final double[] RADII = {0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0};
    private static final double[] SMALL = {0.025, 0.05, 0.1, 0.2};
    private static final double[] MS = {16, 32, 64};
    private static final Activation[] ACTS = {Activation.TANH, Activation.RELU};
    private static final String[] DIRS = {"random", "gradient", "adversarial"};
    private final Backend backend = Backends.byName(Backends.DEFAULT);
    private final CheckContext ctx = CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, true);
    private CheckResult result;
    /** [activation][width or radius][seed], rebuilt from the check's own building blocks. */
    private Point[][][] byWidth;
    private Point[][][] byRadius;

    /**
     * PIT's JUnit 5 plugin credits code run in a {@code @BeforeAll} to the first test method only, so the check is run
     * inside the one test that asserts on it, not in a shared setup.
     */
    @Test
    @DisplayName("LAZY-9 whole check on a small instance: verdict list; tanh m- and radius slopes, relu slopes with the "
            + "exact worst case, Taylor claim, controls (bound/2, unscaled net, m^-1.5 bite), table cells and figure "
            + "series against an independent aggregation of the check's points")
    void wholeCheck() {
        run();
        verdictList();
        tanhWidthSlopes();
        tanhRadiusSlopes();
        reluSlopes();
        taylor();
        controls();
        table();
        figures();
    }

    private void run() {
        List<String> progress = new ArrayList<>();
        result = new LinearizationErrorCheck(SZ).run(new CheckContext(backend, SEED, true, progress::add));
        // the CLI shows these lines on stderr while the sweep runs
        assertThat(progress).containsExactly("LAZY-9: width m = 16 (2 seeds, r = 1.0)",
                "LAZY-9: width m = 32 (2 seeds, r = 1.0)", "LAZY-9: width m = 64 (2 seeds, r = 1.0)",
                "LAZY-9: radius sweep at m = 32");
        byWidth = new Point[2][MS.length][SZ.seeds()];
        byRadius = new Point[2][RADII.length][SZ.seeds()];
        for (int a = 0; a < 2; a++) {
            for (int k = 0; k < SZ.seeds(); k++) {
                for (int w = 0; w < MS.length; w++) {
                    Instance in = Instance.build(SEED + k, SZ.widths()[w], 1);
                    byWidth[a][w][k] = new Probe(ctx, in, ACTS[a], SZ.steps()).at(1.0);
                }
                Probe p = new Probe(ctx, Instance.build(SEED + k, SZ.radiusWidth(), 1), ACTS[a], SZ.steps());
                for (int q = 0; q < RADII.length; q++) {
                    byRadius[a][q][k] = p.at(RADII[q]);
                }
            }
        }
    }

    private static double[] mean(Point[][] grid, ToDoubleFunction<Point> g) {
        double[] out = new double[grid.length];
        for (int q = 0; q < grid.length; q++) {
            out[q] = Arrays.stream(grid[q]).mapToDouble(g).average().orElseThrow();
        }
        return out;
    }

    private static ToDoubleFunction<Point> dir(int d) {
        return d == 0 ? Point::random : d == 1 ? Point::gradient : Point::adversarial;
    }

    /** Least-squares slope of ln y on ln x and its standard error, written out. */
    private static double[] loglog(double[] x, double[] y) {
        int n = x.length;
        double[] lx = new double[n], ly = new double[n];
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
            mx += lx[i] / n;
            my += ly[i] / n;
        }
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (lx[i] - mx) * (lx[i] - mx);
            sxy += (lx[i] - mx) * (ly[i] - my);
        }
        double b = sxy / sxx, sse = 0;
        for (int i = 0; i < n; i++) {
            double r = ly[i] - my - b * (lx[i] - mx);
            sse += r * r;
        }
        return new double[] {b, Math.sqrt(sse / (n - 2) / sxx)};
    }

    private static double mSlope(Point[][] grid, ToDoubleFunction<Point> g) {
        return loglog(MS, mean(grid, g))[0];
    }

    private static double smallRadiusSlope(Point[][] grid, ToDoubleFunction<Point> g) {
        return loglog(SMALL, Arrays.copyOf(mean(grid, g), SMALL.length))[0];
    }

    private Verdict claim(String check) {
        return result.verdict("LAZY-9", check);
    }

    private Verdict control(String check) {
        return result.verdicts("LAZY-9").stream().filter(v -> v.role() == Verdict.Role.CONTROL
                && v.check().equals(check)).findFirst().orElseThrow();
    }

    private static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
    }

    private void sizes(Verdict v, Object m, String act) {
        assertThat(v.sizes()).containsEntry("n", 10).containsEntry("d", 5).containsEntry("m", m)
                .containsEntry("seeds", 2).containsEntry("ascentSteps", 6);
        assertThat(v.activation()).isEqualTo(act);
        assertThat(v.seed()).isEqualTo(SEED);
    }

    private void verdictList() {
        assertThat(result.verdicts("LAZY-9")).extracting(Verdict::check).containsExactly(
                "m-slope, tanh, random", "m-slope, tanh, gradient", "m-slope, tanh, adversarial",
                "radius-slope, tanh, random", "radius-slope, tanh, gradient", "radius-slope, tanh, adversarial",
                "m-slope, relu, random", "m-slope, relu, gradient", "m-slope, relu, adversarial",
                "adversarial vs Taylor bound, tanh", "unscaled net (no m^-1/2), tanh, adversarial m-slope <= -0.4",
                "tanh random m-slope <= -1.5", "adversarial vs Taylor bound / 2, tanh");
        assertThat(result.verdicts("LAZY-9").stream().filter(v -> v.role() == Verdict.Role.CONTROL)).hasSize(3);
    }

    private void tanhWidthSlopes() {
        double[] ref = {-1.0, -1.0, -0.5};
        for (int d = 0; d < 3; d++) {
            Verdict v = claim("m-slope, tanh, " + DIRS[d]);
            double[] means = mean(byWidth[0], dir(d));
            double[] fit = loglog(MS, means);
            close(v.observed(), fit[0], "slope " + DIRS[d]);
            close(v.measurements().get("slopeStdErr"), fit[1], "standard error " + DIRS[d]);
            close(v.measurements().get("radiusSlope_r<=0.2"), smallRadiusSlope(byRadius[0], dir(d)), "radius slope");
            close(v.measurements().get("radiusSlope_r<=2"), loglog(RADII, mean(byRadius[0], dir(d)))[0],
                    "radius slope, all radii");
            assertThat(v.measurements().get("referenceSlope")).isEqualTo(ref[d]);
            assertThat(v.bound()).isEqualTo(ref[d]);
            assertThat(v.windowLow()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(v.windowHigh()).isEqualTo(-0.4);
            assertThat(v.holds()).isEqualTo(fit[0] <= -0.4);
            assertThat(v).hypothesisMet();
            sizes(v, "16..64", "tanh");
            for (int w = 0; w < MS.length; w++) {
                close(v.measurements().get(String.format(Locale.ROOT, "error_m%05d", (int) MS[w])), means[w],
                        "error at m = " + MS[w]);
            }
        }
        close(claim("m-slope, tanh, adversarial").measurements().get("slopeWithoutStructuredStart"),
                mSlope(byWidth[0], Point::uninformed), "ascent without the structured start");
        // LAZY-9: already at m = 16..64 the tanh errors fall (m^-1 random and gradient, m^-1/2 adversarial)
        assertThat(claim("m-slope, tanh, random")).holds();
        assertThat(claim("m-slope, tanh, adversarial")).holds();
    }

    private void tanhRadiusSlopes() {
        for (int d = 0; d < 3; d++) {
            Verdict v = claim("radius-slope, tanh, " + DIRS[d]);
            double s = smallRadiusSlope(byRadius[0], dir(d));
            close(v.observed(), s, "radius slope " + DIRS[d]);
            close(v.measurements().get("radiusSlope_r<=2"), loglog(RADII, mean(byRadius[0], dir(d)))[0], "all radii");
            assertThat(v.bound()).isEqualTo(2.0);
            assertThat(v.windowLow()).isEqualTo(1.8);
            assertThat(v.windowHigh()).isEqualTo(2.5);
            sizes(v, 32, "tanh");
            // second order: r^2 for small r (000: f - f_lin = O(||theta - theta_0||^2))
            assertThat(v).holds();
        }
    }

    private void reluSlopes() {
        double[] predicted = {-0.75, -0.5, -1.0 / 6};
        for (int d = 0; d < 3; d++) {
            Verdict v = claim("m-slope, relu, " + DIRS[d]);
            double[] means = mean(byWidth[1], dir(d));
            double[] fit = loglog(MS, means);
            close(v.observed(), fit[0], "relu slope " + DIRS[d]);
            close(v.measurements().get("slopeStdErr"), fit[1], "standard error");
            close(v.measurements().get("radiusSlope_r<=0.2"), smallRadiusSlope(byRadius[1], dir(d)), "radius slope");
            close(v.measurements().get("radiusSlope_r<=2"), loglog(RADII, mean(byRadius[1], dir(d)))[0], "all");
            assertThat(v.measurements().get("predictedSlope")).isEqualTo(predicted[d]);
            assertThat(v.bound()).isEqualTo(-1.0 / 3);
            assertThat(v.windowLow()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(v.windowHigh()).isCloseTo(-1.0 / 3 + 0.1, Offset.offset(1e-15));
            assertThat(v.holds()).isEqualTo(fit[0] <= -1.0 / 3 + 0.1);
            sizes(v, "16..64", "relu");
            for (int w = 0; w < MS.length; w++) {
                close(v.measurements().get(String.format(Locale.ROOT, "error_m%05d", (int) MS[w])), means[w], "err");
            }
        }
        Verdict adv = claim("m-slope, relu, adversarial");
        close(adv.measurements().get("exactWorstCaseSlope"), mSlope(byWidth[1], Point::reluExact), "exact slope");
        close(adv.measurements().get("exactWorstCaseRadiusSlope"), smallRadiusSlope(byRadius[1], Point::reluExact),
                "exact radius slope");
        close(adv.measurements().get("slopeWithoutStructuredStart"), mSlope(byWidth[1], Point::uninformed), "uninf.");
        close(adv.measurements().get("radiusSlopeWithoutStructuredStart"),
                smallRadiusSlope(byRadius[1], Point::uninformed), "uninformed radius slope");
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Point[][] grid : List.of(byWidth[1], byRadius[1])) {
            for (Point[] row : grid) {
                for (Point p : row) {
                    lo = Math.min(lo, p.adversarial() / p.reluExact());
                    hi = Math.max(hi, p.adversarial() / p.reluExact());
                }
            }
        }
        close(adv.measurements().get("ascentOverExact_min"), lo, "min ascent/exact");
        close(adv.measurements().get("ascentOverExact_max"), hi, "max ascent/exact");
        // the ascent starts from the exact maximiser and never beats it: the ratio is 1 everywhere
        assertThat(lo).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(hi).isCloseTo(1.0, Offset.offset(1e-9));
        double[] exact = mean(byWidth[1], Point::reluExact);
        // the exact worst case falls with m (like m^-1/6 for large m)
        assertThat(exact[1]).isLessThan(exact[0]).isGreaterThan(0);
        assertThat(exact[2]).isLessThan(exact[1]).isGreaterThan(0);
    }

    private void taylor() {
        double hi = 0, lo = Double.POSITIVE_INFINITY;
        for (Point[][] grid : List.of(byWidth[0], byRadius[0])) {
            for (Point[] row : grid) {
                for (Point p : row) {
                    hi = Math.max(hi, p.adversarial() / p.taylorBound());
                    lo = Math.min(lo, p.adversarial() / p.taylorBound());
                }
            }
        }
        Verdict t = claim("adversarial vs Taylor bound, tanh");
        close(t.observed(), hi, "max ratio");
        close(t.measurements().get("minRatio"), lo, "min ratio");
        assertThat(t.bound()).isEqualTo(1.0);
        assertThat(t).holds();
        assertThat(lo).isGreaterThan(0.5).isLessThan(hi);
        Verdict half = control("adversarial vs Taylor bound / 2, tanh");
        close(half.observed(), 2 * hi, "twice the max ratio");
        assertThat(half.bound()).isEqualTo(1.0);
        assertThat(half).isViolated();
    }

    private void controls() {
        Verdict u = control("unscaled net (no m^-1/2), tanh, adversarial m-slope <= -0.4");
        close(u.observed(), mSlope(byWidth[0], Point::unscaledAdversarial), "unscaled adversarial slope");
        close(u.measurements().get("unscaledRandomSlope"), mSlope(byWidth[0], Point::unscaledRandom), "random");
        close(u.measurements().get("unscaledReluAdversarialSlope"), mSlope(byWidth[1], Point::unscaledAdversarial),
                "relu");
        assertThat(u).hypothesisNotMet().isViolated();
        assertThat(u.bound()).isEqualTo(0.0);
        assertThat(u.windowHigh()).isEqualTo(-0.4);
        // the unscaled net is sqrt(m) times the NTK net: its slopes are the NTK slopes + 1/2
        close(u.observed(), claim("m-slope, tanh, adversarial").observed() + 0.5, "slope + 1/2");
        Verdict r = control("tanh random m-slope <= -1.5");
        close(r.observed(), claim("m-slope, tanh, random").observed(), "random slope");
        assertThat(r.windowHigh()).isEqualTo(-1.5);
        assertThat(r.bound()).isEqualTo(-1.5);
        assertThat(r).isViolated();
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private void table() {
        Table t = result.tables().get(0);
        assertThat(result.tables()).hasSize(1);
        assertThat(t.name()).isEqualTo("LAZY-9-slopes");
        assertThat(t.header()).containsExactly("activation", "direction", "slope in m (r = 1)", "reference",
                "slope in r (r <= 0.2)", "slope in r (r <= 2)", "error at m = 16", "error at m = 64");
        assertThat(t.note()).contains("d = 5", "2 seeds", "(base 2)", "widths 16..64", "radius sweep at m = 32",
                "ascent 6 steps from 4 starts", "n = 10");
        assertThat(t.rows()).hasSize(11);
        String[] names = {"tanh", "relu"};
        double[][] ref = {{-1.0, -1.0, -0.5}, {-0.75, -0.5, -1.0 / 6}};
        for (int a = 0; a < 2; a++) {
            for (int d = 0; d < 3; d++) {
                Verdict v = claim("m-slope, " + names[a] + ", " + DIRS[d]);
                assertThat(t.rows().get(5 * a + d)).containsExactly(names[a], DIRS[d],
                        g(v.observed()) + " ± " + g(v.measurements().get("slopeStdErr")), g(ref[a][d]),
                        g(v.measurements().get("radiusSlope_r<=0.2")), g(v.measurements().get("radiusSlope_r<=2")),
                        g(v.measurements().get("error_m00016")), g(v.measurements().get("error_m00064")));
            }
            assertThat(t.rows().get(5 * a + 3)).containsExactly(names[a], "adversarial, random+gradient starts only",
                    g(mSlope(byWidth[a], Point::uninformed)), "", g(smallRadiusSlope(byRadius[a], Point::uninformed)),
                    "", "", "");
            assertThat(t.rows().get(5 * a + 4)).containsExactly(names[a], "unscaled net, adversarial (control)",
                    g(mSlope(byWidth[a], Point::unscaledAdversarial)), "", "", "", "", "");
        }
        Verdict adv = claim("m-slope, relu, adversarial");
        double[] exact = mean(byWidth[1], Point::reluExact);
        assertThat(t.rows().get(10)).containsExactly("relu", "exact worst case",
                g(adv.measurements().get("exactWorstCaseSlope")), g(-1.0 / 6),
                g(adv.measurements().get("exactWorstCaseRadiusSlope")), "", g(exact[0]), g(exact[2]));
    }

    private Figure figure(String name) {
        return result.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** A reference series c x^e through the data in the geometric-mean sense: y_ref / x^e constant, Σ ln(y/y_ref) = 0. */
    private static void referenceLine(Figure.Series s, double[] x, double[] through, double e) {
        assertThat(s.reference()).isTrue();
        assertThat(s.x()).containsExactly(x);
        double c = s.y()[0] / Math.pow(x[0], e), logSum = 0;
        for (int i = 0; i < x.length; i++) {
            assertThat(s.y()[i]).isCloseTo(c * Math.pow(x[i], e), Offset.offset(1e-12 * s.y()[i]));
            logSum += Math.log(through[i] / s.y()[i]);
        }
        assertThat(logSum).isCloseTo(0, Offset.offset(1e-9));
    }

    private void figures() {
        assertThat(result.figures()).extracting(Figure::name).containsExactly("LAZY-9-width-tanh",
                "LAZY-9-radius-tanh", "LAZY-9-width-relu", "LAZY-9-radius-relu");
        String[] names = {"tanh", "relu"};
        for (int a = 0; a < 2; a++) {
            Figure w = figure("LAZY-9-width-" + names[a]);
            Figure r = figure("LAZY-9-radius-" + names[a]);
            assertThat(w.logX() && w.logY() && r.logX() && r.logY()).isTrue();
            assertThat(w.title()).contains("mean of 2 seeds");
            assertThat(r.title()).contains("at m = 32");
            assertThat(w.series()).hasSize(5);
            assertThat(r.series()).hasSize(4);
            for (int d = 0; d < 3; d++) {
                Verdict v = claim("m-slope, " + names[a] + ", " + DIRS[d]);
                assertThat(w.series().get(d).label()).isEqualTo(DIRS[d]);
                assertThat(w.series().get(d).reference()).isFalse();
                assertThat(w.series().get(d).x()).containsExactly(MS);
                for (int q = 0; q < MS.length; q++) {
                    assertThat(w.series().get(d).y()[q]).isEqualTo(v.measurements().get(
                            String.format(Locale.ROOT, "error_m%05d", (int) MS[q])));
                }
                assertThat(r.series().get(d).x()).containsExactly(RADII);
                assertThat(r.series().get(d).y()).containsExactly(mean(byRadius[a], dir(d)), Offset.offset(1e-12));
            }
            double[] random = w.series().get(0).y(), adv = w.series().get(2).y();
            if (a == 0) {
                assertThat(w.series().get(3).label()).isEqualTo("m^-1 reference");
                referenceLine(w.series().get(3), MS, random, -1.0);
                assertThat(w.series().get(4).label()).isEqualTo("m^-1/2 reference");
                referenceLine(w.series().get(4), MS, adv, -0.5);
                assertThat(r.series().get(3).label()).isEqualTo("r^2 reference");
                referenceLine(r.series().get(3), RADII, r.series().get(2).y(), 2.0);
            } else {
                assertThat(w.series().get(3).label()).isEqualTo("m^-1/3 (stated) reference");
                referenceLine(w.series().get(3), MS, adv, -1.0 / 3);
                assertThat(w.series().get(4).label()).isEqualTo("m^-1/6 reference");
                referenceLine(w.series().get(4), MS, adv, -1.0 / 6);
                assertThat(r.series().get(3).label()).isEqualTo("r^(4/3) reference");
                referenceLine(r.series().get(3), RADII, r.series().get(2).y(), 4.0 / 3);
            }
        }
    }

    @Test
    @DisplayName("LAZY-9 instance: fixed data per seed (n = 10 unit rows in d = 5, y ~ N(0, 1)), random-sign init "
            + "and direction draws per (seed, m)")
    void instance() {
        Instance in = Instance.build(7, 12, 2);
        RandomGenerator data = RandomMatrices.rng(7);
        assertThat(in.x().data()).containsExactly(RandomMatrices.unitRows(10, 5, data).data());
        assertThat(in.y()).containsExactly(RandomMatrices.gaussianVector(10, 1.0, data));
        RandomGenerator rng = RandomMatrices.rng(7 * 1_000_003L + 12);
        TwoLayerInit init = TwoLayerInit.randomSign(12, 5, 1.0, rng);
        assertThat(in.w0().data()).containsExactly(init.weights().data());
        assertThat(in.signs()).containsExactly(init.signs());
        assertThat(in.random().data()).containsExactly(RandomMatrices.gaussian(12, 5, 1.0, rng).data());
        assertThat(in.extraStarts()).hasSize(2);
        assertThat(in.extraStarts().get(0).data()).containsExactly(RandomMatrices.gaussian(12, 5, 1.0, rng).data());
        assertThat(in.extraStarts().get(1).data()).containsExactly(RandomMatrices.gaussian(12, 5, 1.0, rng).data());
    }

    /** max_i |f(W0 + Delta)(x_i) - f(W0)(x_i) - (J0 Delta)_i| with the explicit Jacobian (000: f_lin = f0 + J0 Delta). */
    private static double explicitError(TwoLayerNet net, DenseMatrix w0, DenseMatrix delta) {
        double[] f = net.predictions(w0.plusScaled(1.0, delta)), f0 = net.predictions(w0);
        DenseMatrix j = net.jacobianExplicit(w0);
        double worst = 0;
        for (int i = 0; i < net.n(); i++) {
            double jv = 0;
            for (int p = 0; p < j.cols(); p++) {
                jv += j.get(i, p) * delta.getFlat(p);
            }
            worst = Math.max(worst, Math.abs(f[i] - f0[i] - jv));
        }
        return worst;
    }

    @Test
    @DisplayName("LAZY-9 points: random and gradient errors against explicit Jacobians (gradient = -J0^T(f0 - y)), "
            + "Taylor bound beta0 r^2/(2 sqrt m), the unscaled net = sqrt(m) times the NTK net, ascent >= its starts")
    void points() {
        int m = 16;
        Instance in = Instance.build(5, m, 1);
        for (Activation act : ACTS) {
            TwoLayerNet net = new TwoLayerNet(backend, in.x(), in.signs(), act, 1.0 / Math.sqrt(m), false);
            double[] f0 = net.predictions(in.w0()), res = new double[10];
            for (int i = 0; i < 10; i++) {
                res[i] = f0[i] - in.y()[i];
            }
            DenseMatrix grad = DenseMatrix.wrap(m, 5, net.gradientExplicit(in.w0(), res)).scale(-1.0);
            Probe probe = new Probe(ctx, in, act, 6);
            for (double r : new double[] {0.1, 1.0}) {
                Point p = probe.at(r);
                String at = act + ", r = " + r;
                close(p.random(), explicitError(net, in.w0(), in.random().scale(r / in.random().frobeniusNorm())),
                        "random " + at);
                close(p.gradient(), explicitError(net, in.w0(), grad.scale(r / grad.frobeniusNorm())), "grad " + at);
                // the first gradient step decreases the risk: -grad R is a descent direction (sanity of the sign)
                double[] f1 = net.predictions(in.w0().plusScaled(1e-4, grad));
                double r0 = 0, r1 = 0;
                for (int i = 0; i < 10; i++) {
                    r0 += res[i] * res[i];
                    r1 += (f1[i] - in.y()[i]) * (f1[i] - in.y()[i]);
                }
                assertThat(r1).as(at).isLessThan(r0);
                close(p.unscaledRandom(), Math.sqrt(m) * p.random(), "unscaled random " + at);
                close(p.unscaledAdversarial(), Math.sqrt(m) * p.adversarial(), "unscaled adversarial " + at);
                assertThat(p.adversarial()).as(at).isGreaterThanOrEqualTo(p.uninformed())
                        .isGreaterThanOrEqualTo(p.structuredStart()).isGreaterThanOrEqualTo(p.random())
                        .isGreaterThanOrEqualTo(p.gradient());
                // the adversarial value is the best ascent over the starts: random, gradient, the extra draw, then the
                // structured start (tanh: single neuron; relu: the exact maximiser)
                LinearizationRemainder ntkRem = new LinearizationRemainder(net, in.w0());
                double uninformed = 0;
                for (DenseMatrix st : List.of(in.random(), grad, in.extraStarts().get(0))) {
                    uninformed = Math.max(uninformed, ntkRem.ascend(st.scale(r / st.frobeniusNorm()), r, 6).value());
                }
                close(p.uninformed(), uninformed, "best ascent from random, gradient and extra starts " + at);
                DenseMatrix structured = act == Activation.TANH ? ntkRem.singleNeuronStart(r)
                        : ntkRem.reluOptimum(r).delta();
                close(p.adversarial(), Math.max(uninformed, ntkRem.ascend(structured, r, 6).value()),
                        "best ascent including the structured start " + at);
                assertThat(p.get(0)).isEqualTo(p.random());
                assertThat(p.get(1)).isEqualTo(p.gradient());
                assertThat(p.get(2)).isEqualTo(p.adversarial());
                if (act == Activation.TANH) {
                    // LAZY-9 / Taylor: |e| <= beta0 r^2 / (2 sqrt m) for unit inputs
                    close(p.taylorBound(), Activation.TANH.beta0() * r * r / (2 * Math.sqrt(m)), "Taylor " + at);
                    assertThat(p.adversarial()).isLessThanOrEqualTo(p.taylorBound());
                    assertThat(p.reluExact()).isNaN();
                    LinearizationRemainder ntk = new LinearizationRemainder(net, in.w0());
                    close(p.structuredStart(), LinearizationRemainder.maxAbs(ntk.errors(ntk.singleNeuronStart(r))),
                            "structured start " + at);
                } else {
                    assertThat(p.taylorBound()).isEqualTo(Double.POSITIVE_INFINITY);
                    LinearizationRemainder ntk = new LinearizationRemainder(net, in.w0());
                    close(p.reluExact(), ntk.reluOptimum(r).value(), "exact " + at);
                    close(p.structuredStart(), p.reluExact(), "the exact maximiser is the structured start " + at);
                }
            }
        }
    }

    @Test
    @DisplayName("LAZY-9 fit: exact power laws give their exponent and zero standard error; a non-positive value "
            + "gives NaN; CLAIMS.md sizes are the default")
    void fitAndSizes() {
        double[] x = {2, 4, 8, 16};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = 3 * Math.pow(x[i], -0.7);
        }
        double[] f = LinearizationErrorCheck.fit(x, y);
        assertThat(f[0]).isCloseTo(-0.7, Offset.offset(1e-12));
        assertThat(f[1]).isCloseTo(0, Offset.offset(1e-7));
        double[] noisy = {1.0, 0.5, 0.3, 0.1};
        double[] own = loglog(x, noisy);
        assertThat(LinearizationErrorCheck.fit(x, noisy)).containsExactly(own, Offset.offset(1e-12));
        assertThat(LinearizationErrorCheck.fit(x, new double[] {1, 0, 1, 1})).containsOnly(Double.NaN);
        assertThat(LinearizationErrorCheck.fit(x, new double[] {1, 1, 1, -1})).containsOnly(Double.NaN);
        Sizes quick = LinearizationErrorCheck.sizes(true), full = LinearizationErrorCheck.sizes(false);
        assertThat(quick.widthRange()).isEqualTo("64..4096");
        assertThat(full.widthRange()).isEqualTo("64..16384");
        assertThat(quick.radiusWidth()).isEqualTo(1024);
        assertThat(full.seeds()).isEqualTo(5);
        assertThat(new LinearizationErrorCheck().ids()).containsExactly("LAZY-9");
    }
}
