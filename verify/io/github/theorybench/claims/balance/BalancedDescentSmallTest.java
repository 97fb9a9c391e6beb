package io.github.theorybench.claims.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorPair;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BAL-1..3's recorder ({@link BalancedDescent#measure}) on hand-made descent problems whose every statistic is far
 * from round-off or exactly known: a quadratic L = (a/2)‖U − P‖² + ½‖V − Q‖² (not a function of UVᵀ, so the
 * balancedness identities fail at relative size and each per-step number is recomputed by plain loops), a constant
 * loss with zero gradient (every bound an equality, every ratio 0), and a 1 × 1 run whose bound hits exactly 0.
 * The rendering of BAL-1..3 (rows' text and measurements, table, figures) is read off runs of these problems.
 */
@SmallInstances
class BalancedDescentSmallTest {
    static final double EPS = Math.ulp(1.0);
    /** Plain loops against the backend's GEMMs: sums of a few O(1) products in another order. */
    static final double LOOP_ORDER = 1e-10;
    static final Provenance PROV = Provenance.of(7, "test", "d1", 3, "d2", 3, "rStar", 2, "r", 2, "n", 0, "steps", 20);
    private final Backend b = Backends.byName(Backends.DEFAULT);

    /** (a/2)‖U − P‖² + ½‖V − Q‖² with gradient (a(U − P), V − Q). */
    private static GradientDescent.Problem<FactorPair> quadratic(double a, double[][] p, double[][] q) {
        return new GradientDescent.Problem<>() {
            @Override
            public GradientDescent.Evaluation<FactorPair> evaluate(FactorPair x) {
                double[][] du = minus(x.u().toArray2d(), p, 1), dv = minus(x.v().toArray2d(), q, 1);
                double loss = 0.5 * a * fro2(du) + 0.5 * fro2(dv);
                return new GradientDescent.Evaluation<>(loss, new FactorPair(DenseMatrix.fromRows(scale(du, a)),
                        DenseMatrix.fromRows(dv)));
            }

            @Override
            public FactorPair step(FactorPair x, FactorPair g, double eta) {
                return x.minus(eta, g);
            }
        };
    }

    /** A loss given as a function of U₀₀ alone with a fixed gradient (for exact 1 × 1 runs); or constant. */
    private static GradientDescent.Problem<FactorPair> fixed(java.util.function.DoubleUnaryOperator loss,
            DenseMatrix gu, DenseMatrix gv) {
        return new GradientDescent.Problem<>() {
            @Override
            public GradientDescent.Evaluation<FactorPair> evaluate(FactorPair x) {
                return new GradientDescent.Evaluation<>(loss.applyAsDouble(x.u().get(0, 0)), new FactorPair(gu, gv));
            }

            @Override
            public FactorPair step(FactorPair x, FactorPair g, double eta) {
                return x.minus(eta, g);
            }
        };
    }

    @Test
    @DisplayName("BAL-1..3 recorder on a quadratic (3 x 2 factors, 20 steps): every per-step statistic recomputed by loops")
    void quadraticRun() {
        double[][] u0 = {{0.9, -0.4}, {0.3, 1.2}, {-0.7, 0.5}}, v0 = {{-0.2, 0.8}, {1.1, 0.1}, {0.4, -0.6}};
        double[][] p = {{0.1, 0.3}, {-0.5, 0.2}, {0.6, -0.1}}, q = {{0.7, -0.3}, {0.2, 0.4}, {-0.1, 0.9}};
        double a = 2, mu = 0.9;
        int steps = 20;                               // past the recorder's initial capacity of 16
        BalancedDescent got = BalancedDescent.measure(b, quadratic(a, p, q), new FactorPair(DenseMatrix.fromRows(u0),
                DenseMatrix.fromRows(v0)), mu, 1e-3, steps, PROV);
        double[][] u = u0, v = v0;
        double loss0 = loss(a, u, v, p, q), b0 = fro(imbalance(u, v));
        double bal1 = 0, roundOff = 0, bal2 = 0, multiple = 0, overB = 0, rel = 0, floor = 0;
        int failures = 0, firstFailure = -1;
        double[] bn = new double[steps + 1], bd = new double[steps + 1];
        bn[0] = b0;
        bd[0] = b0;
        for (int t = 0; t < steps; t++) {
            double[][] gu = scale(minus(u, p, 1), a), gv = minus(v, q, 1);
            double[][] left = mul(transpose(u), gu), right = mul(transpose(gv), v);
            double err1 = fro(minus(left, right, 1));
            assertThat(got.bal1PerStep()[t]).isCloseTo(err1 / fro(left), within(LOOP_ORDER * err1 / fro(left)));
            bal1 = Math.max(bal1, err1 / fro(left));
            roundOff = Math.max(roundOff, err1 / (EPS * (fro(u) * fro(gu) + fro(gv) * fro(v))));
            double g2 = fro2(gu) + fro2(gv);
            double[][] un = minus(u, gu, mu), vn = minus(v, gv, mu);
            double[][] lhs = minus(imbalance(un, vn), imbalance(u, v), 1);
            double[][] rhs = scale(minus(mul(transpose(gu), gu), mul(transpose(gv), gv), 1), mu * mu);
            double err2 = fro(minus(lhs, rhs, 1));
            double sizes = fro2(u) + fro2(v) + fro2(un) + fro2(vn) + mu * mu * g2;
            assertThat(got.bal2MultiplePerStep()[t]).isCloseTo(err2 / (EPS * sizes),
                    within(LOOP_ORDER * err2 / (EPS * sizes)));
            assertThat(got.bal2RatioPerStep()[t]).isCloseTo(fro(lhs) / (mu * mu * g2),
                    within(LOOP_ORDER * fro(lhs) / (mu * mu * g2)));
            multiple = Math.max(multiple, err2 / (EPS * sizes));
            overB = Math.max(overB, err2 / (EPS * (fro(imbalance(u, v)) + fro(imbalance(un, vn)))));
            bal2 = Math.max(bal2, fro(lhs) / (mu * mu * g2));
            if (err2 / fro(rhs) > rel) {
                rel = err2 / fro(rhs);
                floor = EPS * sizes / fro(rhs);
            }
            double before = loss(a, u, v, p, q), after = loss(a, un, vn, p, q);
            if (before - after < 0.5 * mu * g2) {
                failures++;
                firstFailure = firstFailure < 0 ? t : firstFailure;
            }
            u = un;
            v = vn;
            bn[t + 1] = fro(imbalance(u, v));
            bd[t + 1] = b0 + 2 * mu * (loss0 - after);
        }
        assertThat(got.steps()).isEqualTo(steps);
        assertThat(got.diverged()).isFalse();
        assertThat(got.r()).isEqualTo(2);
        assertThat(got.alpha()).isEqualTo(1e-3);
        assertThat(got.loss0()).isCloseTo(loss0, within(1e-14 * loss0));
        assertThat(got.finalLoss()).isCloseTo(loss(a, u, v, p, q), within(1e-12 * loss0));
        assertThat(got.bal1()).isCloseTo(bal1, within(LOOP_ORDER * bal1));
        assertThat(got.bal1RoundOff()).isCloseTo(roundOff, within(LOOP_ORDER * roundOff));
        assertThat(got.bal2Ratio()).isCloseTo(bal2, within(LOOP_ORDER * bal2));
        assertThat(got.bal2IdentityMultiple()).isCloseTo(multiple, within(LOOP_ORDER * multiple));
        assertThat(got.bal2IdentityOverBNorms()).isCloseTo(overB, within(LOOP_ORDER * overB));
        assertThat(got.bal2RelativeError()).isCloseTo(rel, within(LOOP_ORDER * rel));
        assertThat(got.bal2RelativeFloor()).isCloseTo(floor, within(LOOP_ORDER * floor));
        assertThat(got.hypothesisFailures()).isEqualTo(failures).isPositive();
        assertThat(got.firstHypothesisFailure()).isEqualTo(firstFailure);
        double min = Double.POSITIVE_INFINITY;
        for (int t = 0; t <= steps; t++) {
            assertThat(got.bNorm()[t]).isCloseTo(bn[t], within(LOOP_ORDER * bn[t]));
            assertThat(got.bound()[t]).isCloseTo(bd[t], within(LOOP_ORDER * Math.abs(bd[t]) + 1e-14));
            min = Math.min(min, bd[t]);
        }
        assertThat(got.minBound()).isCloseTo(min, within(LOOP_ORDER * Math.abs(min) + 1e-14));

        // BAL-1..3's rows on this run (a loss that is not a function of UV^T: controls' text) and on a claim row
        Verdict one = BalancednessCheck.gradientIdentity(BalancednessCheck.GRADIENT_IDENTITY_PENALIZED, got, false,
                new ProductInvariance(0.25));
        assertThat(one.check()).isEqualTo("U^T grad_U = grad_V^T V on L + 0.05||U||^2 (not a function of UV^T), "
                + "mu = 0.90, alpha = 1e-03, r = 2");
        assertThat(BalancednessCheck.gradientIdentity(BalancednessCheck.GRADIENT_IDENTITY, got, true,
                new ProductInvariance(0)).check()).startsWith("U^T grad_U = grad_V^T V on L, mu = 0.90,");
        Verdict lemma = BalancednessCheck.lemma(BalancednessCheck.LEMMA_OUTSIDE_HYPOTHESIS, got);
        assertThat(lemma.measurements().get("finalLossOverL0")).isCloseTo(loss(a, u, v, p, q) / loss0,
                within(1e-12 * loss(a, u, v, p, q) / loss0));
        assertThat(lemma.measurements().get("minBound")).isEqualTo(got.minBound());
        assertThat(lemma.detail()).contains("sufficient decrease failed at " + failures + " of 20 steps (first at step "
                + firstFailure + ")").doesNotContain("GD diverged").contains("; L_T/L_0 = ");
    }

    @Test
    @DisplayName("BAL-1..3 recorder on a constant loss (zero gradient, L = 1e7): bounds are equalities, ratios 0, no cut")
    void constantLoss() {
        DenseMatrix u = DenseMatrix.of(3, 2, 1, 0, 0, 2, 0, 0), v = DenseMatrix.of(3, 2, 0, 1, 1, 0, 0, 0);
        DenseMatrix zero = DenseMatrix.zeros(3, 2);
        double big = 1e7;                    // L_t = 1e7 is far below the cut 1e12 L_0 = 1e19
        BalancedDescent got = BalancedDescent.measure(b, fixed(x -> big, zero, zero), new FactorPair(u, v), 0.5, 1,
                5, PROV);
        double b0 = 3;                                         // B = U'U - V'V = diag(1, 4) - diag(1, 1)
        assertThat(fro(imbalance(u.toArray2d(), v.toArray2d()))).isEqualTo(b0);
        assertThat(got.steps()).isEqualTo(5);
        assertThat(got.diverged()).isFalse();
        assertThat(got.bNorm()).containsOnly(b0);
        assertThat(got.bound()).containsOnly(b0);
        assertThat(got.minBound()).isEqualTo(b0);
        assertThat(got.lemmaStep()).isEqualTo(1);                // all excesses tie at 0: the first is kept
        assertThat(got.firstBoundFailure()).isEqualTo(-1);        // ||B_t|| = bound_t exactly
        assertThat(got.lemmaMaxRatio()).isEqualTo(1.0);
        assertThat(got.lemmaHeld()).isTrue();
        assertThat(got.hypothesisFailures()).isZero();           // a decrease of 0 >= (mu/2) * 0
        assertThat(got.firstHypothesisFailure()).isEqualTo(-1);
        assertThat(got.bal2Ratio()).isZero();                    // no gradient: the ratio is defined as 0
        assertThat(got.bal2RatioPerStep()).containsOnly(0.0);
        assertThat(got.bal2RelativeError()).isZero();
        assertThat(got.bal2RelativeFloor()).isZero();            // never set: no step has a positive relative error
        assertThat(got.bal1()).isZero();
        assertThat(got.bal2IdentityMultiple()).isZero();

        // balanced start (U = V, B_0 = 0): every bound is 0, so no ratio is taken
        BalancedDescent flat = BalancedDescent.measure(b, fixed(x -> big, zero, zero), new FactorPair(u, u.copy()),
                0.5, 1, 3, PROV);
        assertThat(flat.bNorm()).containsOnly(0.0);
        assertThat(flat.lemmaMaxRatio()).isZero();
        assertThat(flat.lemmaStep()).isEqualTo(1);
        assertThat(flat.firstBoundFailure()).isEqualTo(-1);
        assertThat(BalancednessCheck.lemmaDetail(flat)).isEqualTo("||B_t||_F against ||B_0|| + 2 mu (L_0 - L_t) at "
                + "the decisive step t* = 1 (largest relative excess); max ratio over t >= 1 0.00; sufficient decrease "
                + "failed at 0 of 3 steps; L_T/L_0 = 1.00");
    }

    @Test
    @DisplayName("BAL-3 recorder on a 1 x 1 run whose bound is exactly 0 at t = 1 (B_0 = 1, L = 2 + 2(U - 1), mu = 1/2)")
    void boundThroughZero() {
        DenseMatrix gu = DenseMatrix.of(1, 1, -1), gv = DenseMatrix.of(1, 1, 0);
        GradientDescent.Problem<FactorPair> rising = fixed(x -> 2 + 2 * (x - 1), gu, gv);
        FactorPair start = new FactorPair(DenseMatrix.of(1, 1, 1), DenseMatrix.of(1, 1, 0));
        // U_t = 1 + t/2, L_t = 2 + t, B_t = U_t^2, bound_t = 1 + (2 - L_t) = 1 - t
        BalancedDescent got = BalancedDescent.measure(b, rising, start, 0.5, 1, 3, PROV);
        assertThat(got.bNorm()).containsExactly(1, 2.25, 4, 6.25);
        assertThat(got.bound()).containsExactly(1, 0, -1, -2);
        assertThat(got.minBound()).isEqualTo(-2);
        assertThat(got.lemmaStep()).isEqualTo(1);            // a zero bound exceeded by a positive norm: the worst
        assertThat(got.lemmaNorm()).isEqualTo(2.25);
        assertThat(got.lemmaBound()).isZero();
        assertThat(got.lemmaHeld()).isFalse();
        assertThat(got.firstBoundFailure()).isEqualTo(1);
        assertThat(got.lemmaMaxRatio()).isZero();            // no positive bound after t = 0
        assertThat(got.hypothesisFailures()).isEqualTo(3);
        assertThat(got.firstHypothesisFailure()).isZero();
        assertThat(got.finalLoss()).isEqualTo(5);
        assertThat(got.bal2RatioPerStep()).containsExactly(5, 7, 9);   // (U_{t+1}^2 - U_t^2) / (mu^2 * 1)
        // one step only: the decisive step is t* = 1 (not the start)
        BalancedDescent one = BalancedDescent.measure(b, rising, start, 0.5, 1, 1, PROV);
        assertThat(one.lemmaStep()).isEqualTo(1);
        assertThat(one.lemmaNorm()).isEqualTo(2.25);
        assertThat(one.lemmaBound()).isZero();
        String detail = BalancednessCheck.lemmaDetail(got);
        assertThat(detail).contains("failed at 3 of 3 steps (first at step 0); the bound first failed at t = 1; "
                + "L_T/L_0 = 2.50");
    }

    @Test
    @DisplayName("BAL-1..3 rendering: table row, figure series names, steps, tolerances and the lemma figure's runs")
    void rendering() {
        double[][] u0 = {{0.9, -0.4}, {0.3, 1.2}, {-0.7, 0.5}}, v0 = {{-0.2, 0.8}, {1.1, 0.1}, {0.4, -0.6}};
        double[][] p = {{0.1, 0.3}, {-0.5, 0.2}, {0.6, -0.1}}, q = {{0.7, -0.3}, {0.2, 0.4}, {-0.1, 0.9}};
        FactorPair start = new FactorPair(DenseMatrix.fromRows(u0), DenseMatrix.fromRows(v0));
        BalancedDescent stable = BalancedDescent.measure(b, quadratic(1, p, q), start, 0.1, 1e-3, 4, PROV);
        BalancedDescent penalized = BalancedDescent.measure(b, quadratic(2, p, q), start, 0.1, 1e-3, 3, PROV);
        DenseMatrix gu = DenseMatrix.of(1, 1, -1), gv = DenseMatrix.of(1, 1, 0);
        BalancedDescent broken = BalancedDescent.measure(b, fixed(x -> 2 + 2 * (x - 1), gu, gv), new FactorPair(
                DenseMatrix.of(1, 1, 1), DenseMatrix.of(1, 1, 0)), 0.5, 0.3, 2, PROV);
        // a "diverged" run: the loss turns infinite at t = 2
        BalancedDescent cut = BalancedDescent.measure(b, fixed(x -> x >= 2 ? Double.POSITIVE_INFINITY : 2 + 2 * (x - 1),
                gu, gv), new FactorPair(DenseMatrix.of(1, 1, 1), DenseMatrix.of(1, 1, 0)), 0.5, 0.3, 5, PROV);
        assertThat(cut.diverged()).isTrue();
        assertThat(cut.steps()).isEqualTo(2);
        assertThat(BalancednessCheck.lemmaDetail(cut)).contains("; GD diverged (L_t > 1e12 L_0 at t = 2; min bound ")
                .doesNotContain("L_T/L_0");
        BalancednessCheck.Measurement m = new BalancednessCheck.Measurement(stable, broken, penalized,
                List.of(stable, cut, broken), new ProductInvariance(0), new ProductInvariance(1));
        BalancednessCheck check = new BalancednessCheck(BalancednessCheck.Sizes.quick());
        assertThat(BalancednessCheck.Sizes.quick()).isEqualTo(new BalancednessCheck.Sizes(20, 800, 150, 0.5,
                List.of(1.0, 2.0)));
        Table t = check.tables(m).get(0);
        assertThat(t.rows()).hasSize(5);
        assertThat(t.rows().get(0)).containsExactly("0.100", "0.00100", "2", String.valueOf(stable.hypothesisFailures()),
                String.valueOf(stable.firstHypothesisFailure()), String.valueOf(stable.firstBoundFailure()), "no",
                io.github.theorybench.claims.support.NumberText.sig3(stable.lemmaMaxRatio()),
                io.github.theorybench.claims.support.NumberText.sig3(stable.finalLoss() / stable.loss0()));
        assertThat(t.rows().get(2).get(6)).isEqualTo("t = 2");
        assertThat(t.rows().get(3).get(8)).isEqualTo("2.00");           // broken: L_2 / L_0 = 4 / 2
        List<Figure> figs = check.figures(m);
        for (int k = 0; k < 2; k++) {
            List<Figure.Series> s = figs.get(k).series();
            assertThat(s).extracting(Figure.Series::label).containsExactly("mu = 0.10, alpha = 1e-03, r = 2",
                    "mu = 0.50, alpha = 3e-01, r = 1", "control: L + 0.05||U||^2", k == 0 ? "tolerance 1e-12"
                            : "bound 1");
            assertThat(s.get(0).x()).containsExactly(0, 1, 2, 3);
            assertThat(s.get(3).y()).containsOnly(k == 0 ? 1e-12 : 1.0).hasSize(4);
        }
        Figure.Series tol = figs.get(2).series().get(2);
        assertThat(tol.y()).containsOnly(3.0 + 4).hasSize(4);          // d1 = 3: tolerance d + 4
        Figure lemma = figs.get(3);
        // the stable run and the first sweep run whose bound failed at some t > 0 (cut fails at t = 1)
        assertThat(cut.firstBoundFailure()).isEqualTo(1);
        BalancedDescent drawn = stable.firstBoundFailure() > 0 ? stable : cut;
        assertThat(lemma.series()).hasSize(4);
        assertThat(lemma.series().get(0).x()).containsExactly(0, 1, 2, 3, 4);
        assertThat(lemma.series().get(2).y()).containsExactly(drawn.bNorm());
        assertThat(lemma.series().get(3).label()).isEqualTo("bound ||B_0|| + 2 mu (L_0 - L_t), mu = "
                + (drawn == cut ? "0.50" : "0.10"));
        // no sweep run with a failed bound: only the stable run
        BalancednessCheck.Measurement calm = new BalancednessCheck.Measurement(stable, broken, penalized,
                List.of(stable), new ProductInvariance(0), new ProductInvariance(1));
        assertThat(check.figures(calm).get(3).series()).hasSize(2);
    }

    @Test
    @DisplayName("BAL-6 small instance (d = 4, n = 30, r = 3): random pairs redrawn, their loss, labels and Gram scale recomputed")
    void symmetrizedPoints() {
        int d = 4, n = 30, r = 3;
        SymmetrizedLossCheck check = new SymmetrizedLossCheck(new SymmetrizedLossCheck.Sizes(d, n, r, 2));
        io.github.theorybench.claims.CheckContext ctx = io.github.theorybench.claims.CheckContext.of(b, 13, false);
        SymmetrizedLossCheck.Measurement m = check.measure(check.sizes(ctx), ctx);
        io.github.theorybench.claims.support.SeedStream seeds = io.github.theorybench.claims.support.SeedStream.of(13,
                "BAL-6");
        io.github.theorybench.model.sensing.SensingInstance inst = io.github.theorybench.model.sensing.SensingInstance
                .build(b, seeds.seed(0), d, d, 2, r, n, 1e-3);
        org.hipparchus.random.RandomGenerator rng = io.github.theorybench.model.RandomMatrices.rng(seeds.child("points")
                .seed(0));
        assertThat(m.points()).extracting(SymmetrizedLossCheck.Point::label).containsExactly("start alpha = 1e-3",
                "random pair 1", "random pair 2");
        assertThat(m.labelMismatch()).isZero();
        assertThat(check.ids()).containsExactly("BAL-6");               // labels are A(XY') itself: noiseless to the bit
        for (int p = 1; p <= 2; p++) {
            double[][] u = io.github.theorybench.model.RandomMatrices.gaussian(d, r, 1 / Math.sqrt(r), rng).toArray2d();
            double[][] v = io.github.theorybench.model.RandomMatrices.gaussian(d, r, 1 / Math.sqrt(r), rng).toArray2d();
            double[] a = inst.loss().operator().apply(DenseMatrix.fromRows(mul(u, transpose(v))));
            double[] y = inst.loss().labels();
            double loss = 0;
            for (int k = 0; k < n; k++) {
                loss += 0.5 * (a[k] - y[k]) * (a[k] - y[k]);
            }
            SymmetrizedLossCheck.Point got = m.points().get(p);
            assertThat(got.loss()).isCloseTo(loss, within(LOOP_ORDER * loss));
            double scale = fro(mul(transpose(u), u)) + fro(mul(transpose(v), v));
            assertThat(got.gramScale()).isCloseTo(scale, within(LOOP_ORDER * scale));
        }
    }

    // --- plain-loop linear algebra ---

    private static double loss(double a, double[][] u, double[][] v, double[][] p, double[][] q) {
        return 0.5 * a * fro2(minus(u, p, 1)) + 0.5 * fro2(minus(v, q, 1));
    }

    /** x − c·y. */
    private static double[][] minus(double[][] x, double[][] y, double c) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = x[i][j] - c * y[i][j];
            }
        }
        return out;
    }

    private static double[][] scale(double[][] x, double c) {
        return minus(new double[x.length][x[0].length], x, -c);
    }

    private static double[][] transpose(double[][] x) {
        double[][] out = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[j][i] = x[i][j];
            }
        }
        return out;
    }

    private static double[][] mul(double[][] x, double[][] y) {
        double[][] out = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                for (int k = 0; k < y.length; k++) {
                    out[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return out;
    }

    private static double[][] imbalance(double[][] u, double[][] v) {
        return minus(mul(transpose(u), u), mul(transpose(v), v), 1);
    }

    private static double fro2(double[][] x) {
        double s = 0;
        for (double[] row : x) {
            for (double e : row) {
                s += e * e;
            }
        }
        return s;
    }

    private static double fro(double[][] x) {
        return Math.sqrt(fro2(x));
    }
}
