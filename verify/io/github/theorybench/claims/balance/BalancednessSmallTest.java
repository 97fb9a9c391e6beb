package io.github.theorybench.claims.balance;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorPair;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BAL-1..4 (002, balancedness) replayed once on small instances — d₁ = d₂ = 10, n = 150, T = 80, a sweep μ ∈ {1, 3}
 * at α = 1e−3 (the α = 0.3, r = d, μ = 0.5 run diverges here as at CLAIMS.md's d = 20); BAL-4 on d = 6 over
 * μ ∈ {0.1, 0.01, 0.001} — with every number recomputed by a gradient-descent loop of the test's own, Grams and
 * products in Hipparchus, on the instances {@link SensingInstance#build} draws.
 */
@SmallInstances
class BalancednessSmallTest {
    static final int D = 10, N = 150, STEPS = 80;
    static final long SEED = 3;
    /** At d = 10, n = 150 the alpha = 0.3, r = d run needs a larger step than the 0.5 of d = 20 to diverge. */
    static final double BREAK_MU = 1.5;
    static final double EPS = Math.ulp(1.0);
    /** Two GEMM orders of the same Grams agree to a few ulps of their size: ratios of norms to 1e-9. */
    static final double REL = 1e-9;
    private final Backend b = Backends.byName(Backends.DEFAULT);

    @Test
    @DisplayName("BAL-1..4 small instances (d = 10, n = 150; BAL-4 d = 6): GD, B_t, bounds, predicates, controls and figures recomputed")
    void smallInstances() {
        // run inside the asserting test: PIT credits @BeforeAll coverage to no test method
        BalancednessCheck.Sizes sizes = new BalancednessCheck.Sizes(D, N, STEPS, BREAK_MU, List.of(1.0, 3.0));
        BalancednessCheck check = new BalancednessCheck(sizes);
        CheckContext ctx = CheckContext.of(b, SEED, false);
        BalancednessCheck.Measurement m = check.measure(check.sizes(ctx), ctx);
        CheckResult r = check.result(m);
        assertThat(check.ids()).containsExactly("BAL-1", "BAL-2", "BAL-3");
        assertThat(BalancednessCheck.Sizes.claims()).isEqualTo(new BalancednessCheck.Sizes(20, 800, 300, 0.5,
                List.of(0.5, 1.0, 1.5, 2.0)));
        long seed = SeedStream.of(SEED, "BAL").seed(0);
        SensingInstance stable = SensingInstance.build(b, seed, D, D, 2, 4, N, 1e-3);
        SensingInstance big = SensingInstance.build(b, seed, D, D, 2, D, N, 0.3);
        double[][] ok = descend(stable, 0.1, 0, m.stable());
        descend(big, BREAK_MU, 0, m.broken());
        descend(stable, 0.1, BalancednessCheck.PENALTY, m.penalized());
        for (int k = 0; k < 2; k++) {
            descend(stable, sizes.sweepMus().get(k), 0, m.sweep().get(k));
        }
        predicates(m, stable, seed);
        rows(r, m);
        figures(r, m, ok);
        driftScaling();
        gradientsMatchFiniteDifferences(stable);
        multiplicativeGrid();
        symmetrizedLoss();
    }

    /** BAL-5 on d = 6, n = 60, r = 3: each run of the batched Gram-form descent recomputed alone, explicitly. */
    private void multiplicativeGrid() {
        MultiplicativeBalanceCheck.Sizes sizes = new MultiplicativeBalanceCheck.Sizes(6, 60, 3, 100, List.of(0.05,
                0.2), List.of(1e-1, 1e-3, 1e-4));
        MultiplicativeBalanceCheck check = new MultiplicativeBalanceCheck(sizes);
        CheckContext ctx = CheckContext.of(b, SEED, false);
        MultiplicativeBalanceCheck.Measurement m = check.measure(sizes, ctx);
        SeedStream seeds = SeedStream.of(SEED, "BAL-5");
        SensingInstance inst = SensingInstance.build(b, seeds.seed(0), 6, 6, 2, 3, 60, 1.0);
        int k = 0;
        for (double mu : sizes.mus()) {
            for (double alpha : sizes.alphas()) {
                SensingInstance s = inst.reinitialized(3, alpha, seeds.child("init").seed(0));
                RealMatrix u = h(s.u0()), v = h(s.v0()), b0 = imbalance(u, v);
                double max = b0.getFrobeniusNorm(), drift = 0;
                for (int t = 0; t < sizes.steps(); t++) {
                    FactorizedSensing.Evaluation ev = s.loss().asymmetric(DenseMatrix.fromRows(u.getData()),
                            DenseMatrix.fromRows(v.getData()));
                    u = u.subtract(h(ev.gradU()).scalarMultiply(mu));
                    v = v.subtract(h(ev.gradV()).scalarMultiply(mu));
                    max = Math.max(max, imbalance(u, v).getFrobeniusNorm());
                    drift = Math.max(drift, imbalance(u, v).subtract(b0).getFrobeniusNorm());
                }
                MultiplicativeBalanceCheck.Run got = m.runs().get(k++);
                assertThat(got.mu()).isEqualTo(mu);
                assertThat(got.alpha()).isEqualTo(alpha);
                assertThat(got.b0()).isCloseTo(b0.getFrobeniusNorm(), within(1e-12 * b0.getFrobeniusNorm()));
                assertThat(got.maxNorm()).isCloseTo(max, within(1e-8 * max));
                assertThat(got.drift()).isCloseTo(drift, within(1e-6 * drift));
                assertThat(got.ratios()).hasSize(sizes.steps() + 1);
                assertThat(got.ratios()[0]).isEqualTo(1.0);
            }
        }
        CheckResult r = check.result(m);
        for (Verdict v : r.verdicts(MultiplicativeBalanceCheck.MULTIPLICATIVE_LARGE_ALPHA)) {
            assertThat(v).controlBit();
        }
        assertThat(r.verdicts(MultiplicativeBalanceCheck.MULTIPLICATIVE)).hasSize(4)
                .allSatisfy(v -> assertThat(v.observed()).isEqualTo(m.runs().stream().filter(x -> x.mu() == (Double)
                        v.sizes().get("mu") && x.alpha() == (Double) v.sizes().get("alpha")).findFirst().orElseThrow()
                        .ratio()));
        assertThat(r.tables().get(0).rows()).hasSize(6);
        assertThat(r.figures()).extracting(Figure::name).containsExactly("BAL-5-ratio", "BAL-5-collapse");
        assertThat(check.ids()).containsExactly("BAL-5");
    }

    /**
     * BAL-6 on d = 4, n = 30, r = 3: the symmetrized measurements B_k = Sym(A_k) materialized from the A_k (read off
     * 𝒜 on the basis matrices E_pq) and ⟨B_k, M⟩ summed entry by entry.
     */
    private void symmetrizedLoss() {
        int d = 4, n = 30;
        SymmetrizedLossCheck check = new SymmetrizedLossCheck(new SymmetrizedLossCheck.Sizes(d, n, 3, 2));
        SymmetrizedLossCheck.Measurement m = check.measure(check.sizes(CheckContext.of(b, SEED, false)),
                CheckContext.of(b, SEED, false));
        SensingInstance inst = SensingInstance.build(b, SeedStream.of(SEED, "BAL-6").seed(0), d, d, 2, 3, n, 1e-3);
        double[][][] a = new double[n][d][d];                 // A_k / sqrt(n), entry (p, q) = A(E_pq)_k
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                DenseMatrix e = DenseMatrix.zeros(d, d);
                e.set(p, q, 1);
                double[] col = inst.loss().operator().apply(e);
                for (int k = 0; k < n; k++) {
                    a[k][p][q] = col[k];
                }
            }
        }
        SymmetrizedLossCheck.Point first = m.points().get(0);
        RealMatrix u = h(inst.u0()), v = h(inst.v0()), target = h(inst.target());
        RealMatrix delta = u.multiply(v.transpose()).subtract(target);
        double loss = 0, line2 = 0;
        for (int k = 0; k < n; k++) {
            double ad = 0, bd = 0;
            for (int p = 0; p < 2 * d; p++) {
                for (int q = 0; q < 2 * d; q++) {
                    // Sym(A_k)_{pq} against Sym(Δ)_{pq}, both (2d) × (2d) with zero diagonal blocks
                    bd += symEntry(a[k], p, q, d) * symEntry(delta.getData(), p, q, d);
                }
            }
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    ad += a[k][p][q] * delta.getEntry(p, q);
                }
            }
            loss += 0.5 * ad * ad;
            line2 += bd * bd;
        }
        assertThat(first.loss()).isCloseTo(loss, within(1e-10 * loss));
        assertThat(first.symmetrizedSquare()).isCloseTo(line2, within(1e-10 * line2));
        assertThat(line2 / loss).isCloseTo(8.0, within(1e-10));               // 1/8 of it is L, 1/4 of it is 2L
        assertThat(first.liftedSquare() / loss).isCloseTo(32.0, within(1e-10));
        assertThat(first.gramDefect()).isLessThan(1e-14 * first.gramScale());
        assertThat(m.labelMismatch()).isLessThan(SymmetrizedLossCheck.NOISELESS);
        assertThat(m.points()).hasSize(3);
        CheckResult r = check.result(m);
        assertThat(r.verdict(SymmetrizedLossCheck.SYMMETRIZED)).hypothesisMet().holds();
        assertThat(r.verdict(SymmetrizedLossCheck.LIFTED_PRINTED)).controlBit();
        assertThat(r.figures().get(0).series().get(3).y()[0]).isCloseTo(8.0, within(1e-10));
    }

    /** Sym(M)_{pq} for a d × d M: [[0, M], [Mᵀ, 0]]. */
    private static double symEntry(double[][] mat, int p, int q, int d) {
        if (p < d && q >= d) {
            return mat[p][q - d];
        }
        if (p >= d && q < d) {
            return mat[q][p - d];
        }
        return 0;
    }

    private RealMatrix h(DenseMatrix m) {
        return new Array2DRowRealMatrix(m.toArray2d());
    }

    /** B = UᵀU − VᵀV (002) in Hipparchus. */
    private RealMatrix imbalance(RealMatrix u, RealMatrix v) {
        return u.transpose().multiply(u).subtract(v.transpose().multiply(v));
    }

    /**
     * GD recomputed (λ > 0: the penalized loss L + (λ/2)‖U‖²), compared with {@code got}; returns ‖B_t‖ and the
     * bound per iterate.
     */
    private double[][] descend(SensingInstance inst, double mu, double lambda, BalancedDescent got) {
        RealMatrix u = h(inst.u0()), v = h(inst.v0());
        double[] e0 = eval(inst, u, v, lambda);
        double loss0 = e0[0], b0 = imbalance(u, v).getFrobeniusNorm();
        List<Double> bn = new ArrayList<>(List.of(b0)), bd = new ArrayList<>(List.of(b0));
        double bal1 = 0, bal2 = 0, multiple = 0;
        int failures = 0, firstFailure = -1, firstBound = -1;
        for (int t = 0; t < STEPS; t++) {
            FactorizedSensing.Evaluation ev = inst.loss().asymmetric(DenseMatrix.fromRows(u.getData()),
                    DenseMatrix.fromRows(v.getData()));
            RealMatrix gu = h(ev.gradU()).add(u.scalarMultiply(lambda)), gv = h(ev.gradV());
            double loss = ev.loss() + 0.5 * lambda * Math.pow(u.getFrobeniusNorm(), 2);
            RealMatrix left = u.transpose().multiply(gu);
            bal1 = Math.max(bal1, left.subtract(gv.transpose().multiply(v)).getFrobeniusNorm()
                    / left.getFrobeniusNorm());
            double g2 = Math.pow(gu.getFrobeniusNorm(), 2) + Math.pow(gv.getFrobeniusNorm(), 2);
            RealMatrix un = u.subtract(gu.scalarMultiply(mu)), vn = v.subtract(gv.scalarMultiply(mu));
            RealMatrix lhs = imbalance(un, vn).subtract(imbalance(u, v));
            // BAL-2: ratio to μ²‖∇‖², and the identity against μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V) in units of ε S_t
            bal2 = Math.max(bal2, lhs.getFrobeniusNorm() / (mu * mu * g2));
            RealMatrix rhs = gu.transpose().multiply(gu).subtract(gv.transpose().multiply(gv)).scalarMultiply(mu * mu);
            double sizes = sq(u) + sq(v) + sq(un) + sq(vn) + mu * mu * g2;
            multiple = Math.max(multiple, lhs.subtract(rhs).getFrobeniusNorm() / (EPS * sizes));
            double next = eval(inst, un, vn, lambda)[0];
            if (loss - next < 0.5 * mu * g2) {                     // BAL-3's sufficient decrease failed
                failures++;
                firstFailure = firstFailure < 0 ? t : firstFailure;
            }
            u = un;
            v = vn;
            bn.add(imbalance(u, v).getFrobeniusNorm());
            bd.add(b0 + 2 * mu * (loss0 - next));                   // BAL-3: ‖B₀‖ + 2μ(L₀ − L_t)
            if (firstBound < 0 && bn.get(t + 1) > bd.get(t + 1) + 1e-12 * Math.abs(bd.get(t + 1))) {
                firstBound = t + 1;
            }
            if (!(next <= 1e12 * loss0)) {
                break;
            }
        }
        assertThat(got.bNorm()).hasSize(bn.size());
        for (int t = 0; t < bn.size(); t++) {
            assertThat(got.bNorm()[t]).isCloseTo(bn.get(t), within(REL * bn.get(t) + 1e-12 * b0));
            assertThat(got.bound()[t]).isCloseTo(bd.get(t), within(REL * Math.abs(bd.get(t)) + 1e-12 * b0));
        }
        assertThat(got.loss0()).isCloseTo(loss0, within(1e-12 * loss0));
        assertThat(got.hypothesisFailures()).isEqualTo(failures);
        assertThat(got.firstHypothesisFailure()).isEqualTo(firstFailure);
        assertThat(got.firstBoundFailure()).isEqualTo(firstBound);
        assertThat(got.diverged()).isEqualTo(bn.size() < STEPS + 1);
        assertThat(got.bal2Ratio()).isCloseTo(bal2, within(1e-6 * bal2));
        assertThat(got.mu()).isEqualTo(mu);
        if (lambda > 0) {       // the control's statistics are far above round-off: agree to the relative level
            assertThat(got.bal1()).isCloseTo(bal1, within(1e-6 * bal1));
        } else {                // round-off-level statistics: the same order, both under their thresholds
            assertThat(got.bal1()).isLessThan(1e-12);
            assertThat(bal1).isLessThan(1e-12);
            assertThat(got.bal2IdentityMultiple()).isLessThan(D + 4);
            assertThat(multiple).isLessThan(D + 4);
        }
        lemmaStep(got, bn, bd);
        return new double[][] {bn.stream().mapToDouble(Double::doubleValue).toArray(),
            bd.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** BAL-3's decisive step: the largest (‖B_t‖ − bound_t)/|bound_t| over t ≥ 1, and the max ratio where bound > 0. */
    private static void lemmaStep(BalancedDescent got, List<Double> bn, List<Double> bd) {
        int worst = 1;
        double best = Double.NEGATIVE_INFINITY, ratio = 0;
        for (int t = 1; t < bn.size(); t++) {
            double ex = (bn.get(t) - bd.get(t)) / Math.abs(bd.get(t));
            if (ex > best) {
                best = ex;
                worst = t;
            }
            if (bd.get(t) > 0) {
                ratio = Math.max(ratio, bn.get(t) / bd.get(t));
            }
        }
        assertThat(got.lemmaStep()).isEqualTo(worst);
        assertThat(got.lemmaNorm()).isEqualTo(got.bNorm()[worst]);
        assertThat(got.lemmaBound()).isEqualTo(got.bound()[worst]);
        assertThat(got.lemmaMaxRatio()).isCloseTo(ratio, within(1e-8 * ratio + 1e-300));
        assertThat(got.lemmaHeld()).isEqualTo(best <= 1e-12);
    }

    private static double sq(RealMatrix m) {
        double f = m.getFrobeniusNorm();
        return f * f;
    }

    private static double[] eval(SensingInstance inst, RealMatrix u, RealMatrix v, double lambda) {
        double l = inst.loss().asymmetric(DenseMatrix.fromRows(u.getData()), DenseMatrix.fromRows(v.getData())).loss();
        return new double[] {l + 0.5 * lambda * sq(u)};
    }

    /** BAL-1/2's predicate recomputed with Hipparchus' inverse: exact on L, the penalty's change on the ablation. */
    private void predicates(BalancednessCheck.Measurement m, SensingInstance stable, long seed) {
        RealMatrix g = h(ProductInvariance.rebalancing(4, SeedStream.of(SEED, "BAL").child("rebalancing").seed(0)));
        RealMatrix u = h(stable.u0()).scalarMultiply(1e3), v = h(stable.v0()).scalarMultiply(1e3);
        RealMatrix ug = u.multiply(g), vg = v.multiply(MatrixUtils.inverse(g).transpose());
        double l = eval(stable, u, v, 0)[0];
        double lg = eval(stable, ug, vg, 0)[0];
        assertThat(Math.abs(lg - l) / l).isLessThan(ProductInvariance.TOLERANCE);
        assertThat(m.sensingLoss().holds()).isTrue();
        double lambda = BalancednessCheck.PENALTY;
        double expected = Math.abs(0.5 * lambda * (sq(ug) - sq(u))) / (l + 0.5 * lambda * sq(u));
        assertThat(m.penalizedLoss().defect()).isCloseTo(expected, within(1e-6 * expected));
        assertThat(m.penalizedLoss().holds()).isFalse();
        assertThat(seed).isEqualTo(stable.seed());
    }

    /** Rows carry the recomputed numbers; roles follow the hypothesis; every control bites. */
    private void rows(CheckResult r, BalancednessCheck.Measurement m) {
        for (Verdict v : r.verdicts(BalancednessCheck.ONE_STEP_IDENTITY)) {
            assertThat(v.bound()).isEqualTo(D + 4);
            assertThat(v).hypothesisMet().holds();
        }
        assertThat(r.verdicts(BalancednessCheck.GRADIENT_IDENTITY).get(0).observed()).isEqualTo(m.stable().bal1());
        assertThat(r.verdicts(BalancednessCheck.ONE_STEP_BOUND).get(1).observed()).isEqualTo(m.broken().bal2Ratio());
        for (Verdict v : r.verdicts()) {
            if (v.role() == Verdict.Role.CONTROL) {
                assertThat(v).controlBit();
                assertThat(v.margin()).isGreaterThanOrEqualTo(0.05);
            }
        }
        int lemmaRows = 1, exploratory = 0;
        for (BalancedDescent run : m.sweep()) {
            lemmaRows += run.hypothesisEveryStep() ? 1 : 0;
            exploratory += run.hypothesisEveryStep() ? 0 : 1;
        }
        assertThat(r.verdicts(BalancednessCheck.LEMMA)).hasSize(lemmaRows);
        assertThat(r.verdicts(BalancednessCheck.LEMMA_OUTSIDE_HYPOTHESIS)).hasSize(exploratory).isNotEmpty();
        Verdict control = r.verdict(BalancednessCheck.LEMMA_DIVERGING);
        assertThat(control.observed()).isEqualTo(m.broken().lemmaNorm());
        assertThat(control.bound()).isEqualTo(m.broken().lemmaBound()).isNegative();
        assertThat(control.detail()).contains("GD diverged");
        assertThat(r.tables()).singleElement().satisfies(t -> assertThat(t.rows()).hasSize(2 + m.sweep().size()));
    }

    /** The lemma figure draws ‖B_t‖ and the bound of the stable run as recomputed. */
    private void figures(CheckResult r, BalancednessCheck.Measurement m, double[][] ok) {
        assertThat(r.figures()).extracting(Figure::name).containsExactly("BAL-1-identity", "BAL-2-one-step",
                "BAL-2-identity", "BAL-3-balancedness");
        Figure lemma = r.figures().get(3);
        assertThat(lemma.series().get(0).y()).containsExactly(m.stable().bNorm());
        assertThat(lemma.series().get(1).reference()).isTrue();
        for (int t = 0; t < ok[1].length; t++) {
            assertThat(lemma.series().get(1).y()[t]).isCloseTo(ok[1][t], within(REL * Math.abs(ok[1][t]) + 1e-15));
        }
        Figure one = r.figures().get(1);
        assertThat(one.series().get(0).y()).containsExactly(m.stable().bal2RatioPerStep());
        assertThat(one.series().get(3).y()).containsOnly(1.0);
    }

    /** BAL-4: drift recomputed over T = round(3/μ) and over the fixed T = 30; slopes by Hipparchus' regression. */
    private void driftScaling() {
        DriftScalingCheck.Sizes sizes = new DriftScalingCheck.Sizes(6, N, List.of(0.1, 0.01, 0.001), 3.0);
        DriftScalingCheck check = new DriftScalingCheck(sizes);
        CheckContext ctx = CheckContext.of(b, SEED, false);
        DriftScalingCheck.Measurement m = check.measure(sizes, ctx);
        SensingInstance inst = SensingInstance.build(b, SeedStream.of(SEED, "BAL-4").seed(0), 6, 6, 2, 4, N, 0.1);
        SimpleRegression fixedTime = new SimpleRegression(), fixedSteps = new SimpleRegression();
        for (int k = 0; k < 3; k++) {
            double mu = sizes.mus().get(k);
            double d = drift(inst, mu, (int) Math.round(3.0 / mu)), c = drift(inst, mu, 30);
            assertThat(m.fixedTime().drift()[k]).isCloseTo(d, within(1e-8 * d));
            assertThat(m.fixedSteps().drift()[k]).isCloseTo(c, within(1e-8 * c));
            fixedTime.addData(Math.log(mu), Math.log(d));
            fixedSteps.addData(Math.log(mu), Math.log(c));
        }
        CheckResult r = check.result(m);
        Verdict claim = r.verdict(DriftScalingCheck.DRIFT_SLOPE), control = r.verdict(DriftScalingCheck.DRIFT_SLOPE_FIXED_STEPS);
        assertThat(claim.observed()).isCloseTo(fixedTime.getSlope(), within(1e-8));
        assertThat(control.observed()).isCloseTo(fixedSteps.getSlope(), within(1e-8));
        assertThat(claim).hypothesisMet();
        assertThat(control.hypothesisMet()).isFalse();
        assertThat(control).controlBit();
        assertThat(control.observed()).isGreaterThan(1.5);               // T terms of size mu^2: slope near 2
        assertThat(r.figures().get(0).series().get(0).y()).containsExactly(m.fixedTime().drift());
        assertThat(check.ids()).containsExactly("BAL-4");
    }

    /** max_t ‖B_t − B₀‖_F over T plain GD steps, in Hipparchus. */
    private double drift(SensingInstance inst, double mu, int steps) {
        RealMatrix u = h(inst.u0()), v = h(inst.v0());
        RealMatrix b0 = imbalance(u, v);
        double worst = 0;
        for (int t = 0; t < steps; t++) {
            FactorizedSensing.Evaluation ev = inst.loss().asymmetric(DenseMatrix.fromRows(u.getData()),
                    DenseMatrix.fromRows(v.getData()));
            u = u.subtract(h(ev.gradU()).scalarMultiply(mu));
            v = v.subtract(h(ev.gradV()).scalarMultiply(mu));
            worst = Math.max(worst, imbalance(u, v).subtract(b0).getFrobeniusNorm());
        }
        return worst;
    }

    /** The descent problems' gradients against central differences (both losses; convention ½ and λ/2). */
    private void gradientsMatchFiniteDifferences(SensingInstance inst) {
        FactorPair x = new FactorPair(inst.u0().scale(300), inst.v0().scale(300));
        for (GradientDescent.Problem<FactorPair> p : List.of(FactorPair.sensing(inst.loss()),
                FactorPair.sensingWithPenaltyOnU(inst.loss(), 0.1))) {
            FactorPair g = p.evaluate(x).gradient();
            double h = 1e-6;
            for (int k = 0; k < x.u().size(); k += 7) {
                DenseMatrix up = x.u().copy(), um = x.u().copy();
                up.data()[k] += h;
                um.data()[k] -= h;
                double fd = (p.evaluate(new FactorPair(up, x.v())).loss() - p.evaluate(new FactorPair(um, x.v()))
                        .loss()) / (2 * h);
                assertThat(g.u().data()[k]).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
            }
            for (int k = 0; k < x.v().size(); k += 7) {
                DenseMatrix vp = x.v().copy(), vm = x.v().copy();
                vp.data()[k] += h;
                vm.data()[k] -= h;
                double fd = (p.evaluate(new FactorPair(x.u(), vp)).loss() - p.evaluate(new FactorPair(x.u(), vm))
                        .loss()) / (2 * h);
                assertThat(g.v().data()[k]).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
            }
        }
    }
}
