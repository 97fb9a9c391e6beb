package io.github.theorybench.claims.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BAL-1..4 verdict rules and hypothesis predicates on hand-made measurements, exactly at each threshold and one ulp
 * beyond: the decisions are pure functions of the records, so no descent runs here.
 */
@SmallInstances
class BalancednessVerdictsTest {
    private static final Provenance PROV = Provenance.of(5, "ejml", "d1", 20, "d2", 20, "rStar", 2, "r", 4, "n", 800,
            "steps", 3);

    /** A run whose every statistic is set by hand; B-norm and bound arrays of three iterates. */
    private static BalancedDescent run(double bal1, double bal2, double multiple, double norm, double bound,
            int failures) {
        double[] bn = {1.0, 1.0, norm}, bd = {1.0, 2.0, bound}, per = {0.1, 0.2};
        return new BalancedDescent(PROV, 0.1, 1e-3, 4, bal1, 0.5, bal2, multiple, 100.0, 1e-3, 1e-2, 2, norm, bound,
                0.9, failures, failures > 0 ? 1 : -1, -1, false, 1e-6, 1.0, bn, bd, per, per, per);
    }

    private static BalancednessCheck.Measurement measurement(BalancedDescent stable, List<BalancedDescent> sweep,
            double defect) {
        return new BalancednessCheck.Measurement(stable, stable, stable, sweep, new ProductInvariance(defect),
                new ProductInvariance(1.0));
    }

    private static List<Verdict> rows(List<Verdict> all, Criterion c) {
        return all.stream().filter(v -> v.criterion().equals(c)).toList();
    }

    private static Verdict.Status status(BalancedDescent r, Criterion c) {
        List<Verdict> vs = rows(new BalancednessCheck().verdicts(measurement(r, List.of(), 0)), c);
        return vs.get(0).status();
    }

    @Test
    @DisplayName("BAL-1 verdict: holds iff the relative error is <= 1e-12; the penalized-loss control bites above it")
    void gradientIdentityThreshold() {
        double tol = BalancednessCheck.IDENTITY_TOLERANCE;
        assertThat(status(run(tol, 0.5, 1, 1, 2, 0), BalancednessCheck.GRADIENT_IDENTITY))
                .isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(run(Math.nextUp(tol), 0.5, 1, 1, 2, 0), BalancednessCheck.GRADIENT_IDENTITY))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(run(tol, 0.5, 1, 1, 2, 0), BalancednessCheck.GRADIENT_IDENTITY_PENALIZED))
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(status(run(Math.nextUp(tol), 0.5, 1, 1, 2, 0), BalancednessCheck.GRADIENT_IDENTITY_PENALIZED))
                .isEqualTo(Verdict.Status.CONTROL_BIT);
    }

    @Test
    @DisplayName("BAL-2 verdict: ratio <= 1 and identity error <= (d + 4) eps S_t, each at the edge and one ulp over")
    void oneStepThresholds() {
        assertThat(status(run(0, 1.0, 1, 1, 2, 0), BalancednessCheck.ONE_STEP_BOUND)).isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(run(0, Math.nextUp(1.0), 1, 1, 2, 0), BalancednessCheck.ONE_STEP_BOUND))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(run(0, 0.5, 24, 1, 2, 0), BalancednessCheck.ONE_STEP_IDENTITY))
                .isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(run(0, 0.5, Math.nextUp(24.0), 1, 2, 0), BalancednessCheck.ONE_STEP_IDENTITY))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(run(0, Math.nextUp(1.0), 1, 1, 2, 0), BalancednessCheck.ONE_STEP_BOUND_PENALIZED))
                .isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(status(run(0, 0.5, Math.nextUp(24.0), 1, 2, 0), BalancednessCheck.ONE_STEP_IDENTITY_PENALIZED))
                .isEqualTo(Verdict.Status.CONTROL_BIT);
        Verdict id = rows(new BalancednessCheck().verdicts(measurement(run(0, 0.5, 3, 1, 2, 0), List.of(), 0)),
                BalancednessCheck.ONE_STEP_IDENTITY).get(0);
        assertThat(id.bound()).isEqualTo(24.0);
        assertThat(id.measurements()).containsEntry("overEpsBNorms", 100.0).containsEntry("relativeError", 1e-3)
                .containsEntry("relativeFloor", 1e-2);
    }

    @Test
    @DisplayName("BAL-1/BAL-2 hypothesis: the rebalancing defect |L(UG, VG^-T) - L|/L <= 1e-10 decides hypothesis met")
    void productInvariance() {
        double tol = ProductInvariance.TOLERANCE;
        assertThat(new ProductInvariance(tol).holds()).isTrue();
        assertThat(new ProductInvariance(Math.nextUp(tol)).holds()).isFalse();
        Verdict met = rows(new BalancednessCheck().verdicts(measurement(run(0, 0.5, 1, 1, 2, 0), List.of(), tol)),
                BalancednessCheck.GRADIENT_IDENTITY).get(0);
        assertThat(met.hypothesisMet()).isTrue();
        Verdict notMet = rows(new BalancednessCheck().verdicts(measurement(run(0, 0.5, 1, 1, 2, 0), List.of(),
                Math.nextUp(tol))), BalancednessCheck.ONE_STEP_BOUND).get(0);
        assertThat(notMet.status()).isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
    }

    @Test
    @DisplayName("BAL-3 verdict: ||B_t*|| <= bound_t* (1 + 1e-12) at the decisive step; sufficient decrease at its edge; failed runs are exploratory")
    void lemmaThreshold() {
        double bound = 2.0, edge = bound + BalancedDescent.ROUND_OFF * bound;
        assertThat(run(0, 0.5, 1, edge, bound, 0).lemmaHeld()).isTrue();
        assertThat(run(0, 0.5, 1, Math.nextUp(edge), bound, 0).lemmaHeld()).isFalse();
        assertThat(run(0, 0.5, 1, 0.0, -1e-300, 0).lemmaHeld()).isFalse();      // a negative bound fails any norm
        assertThat(status(run(0, 0.5, 1, edge, bound, 0), BalancednessCheck.LEMMA)).isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(run(0, 0.5, 1, Math.nextUp(edge), bound, 0), BalancednessCheck.LEMMA))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(run(0, 0.5, 1, Math.nextUp(edge), bound, 3), BalancednessCheck.LEMMA_DIVERGING))
                .isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(status(run(0, 0.5, 1, edge, bound, 3), BalancednessCheck.LEMMA_DIVERGING))
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        // L_t − L_{t+1} ≥ (μ/2)‖∇‖²: 0.125/2 · 4 = 0.25, exact in binary
        assertThat(BalancedDescent.sufficientDecrease(1.0, 0.75, 0.125, 4.0)).isTrue();
        assertThat(BalancedDescent.sufficientDecrease(1.0, Math.nextUp(0.75), 0.125, 4.0)).isFalse();
        assertThat(BalancedDescent.sufficientDecrease(1.0, Double.NaN, 0.125, 4.0)).isFalse();
        // sweep runs: the hypothesis decides the role
        List<Verdict> all = new BalancednessCheck().verdicts(measurement(run(0, 0.5, 1, 1, 2, 0),
                List.of(run(0, 0.5, 1, 1, 2, 0), run(0, 0.5, 1, 3, 2, 5)), 0));
        assertThat(rows(all, BalancednessCheck.LEMMA)).hasSize(2).allSatisfy(v -> assertThat(v.hypothesisMet())
                .isTrue());
        assertThat(rows(all, BalancednessCheck.LEMMA_OUTSIDE_HYPOTHESIS)).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(Verdict.Status.EXPLORATORY);
            assertThat(v.hypothesisMet()).isFalse();
            assertThat(v.measurements()).containsEntry("hypothesisFailures", 5.0)
                    .containsEntry("firstHypothesisFailure", 1.0);
        });
    }

    @Test
    @DisplayName("BAL-4 verdict: slope window [0.9, 1.1] at both edges; hypothesis: fixed mu T over two decades of mu")
    void driftSlopeWindow() {
        double[] mus = {0.1, 0.01, 0.001};
        FixedTimeSweep time = FixedTimeSweep.atTotalTime(mus, 3.0), steps = FixedTimeSweep.atStepCount(mus, 30);
        assertThat(time.approximatesFlow()).isTrue();
        assertThat(time.steps()).containsExactly(30, 300, 3000);
        assertThat(steps.approximatesFlow()).isFalse();
        assertThat(steps.timeSpread()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new FixedTimeSweep(new double[] {0.1, 0.001}, new int[] {30, 3000}).span())
                .isCloseTo(100, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new FixedTimeSweep(new double[] {0.1, 0.0011}, new int[] {30, 2727}).approximatesFlow())
                .isFalse();                                            // span 91 < 100
        assertThat(new FixedTimeSweep(new double[] {1.0, 0.01}, new int[] {101, 10000}).timeSpread())
                .isCloseTo(1.01, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new FixedTimeSweep(new double[] {1.0, 0.01}, new int[] {102, 10000}).approximatesFlow()).isFalse();
        for (double[] edge : new double[][] {{0.9, 1}, {Math.nextDown(0.9), 0}, {1.1, 1}, {Math.nextUp(1.1), 0}}) {
            Verdict v = drift(time, edge[0], steps, 1.8).get(0);
            assertThat(v.holds()).isEqualTo(edge[1] == 1);
            assertThat(v.windowLow()).isEqualTo(0.9);
            assertThat(v.windowHigh()).isEqualTo(1.1);
        }
        List<Verdict> vs = drift(time, 1.0, steps, 1.1);
        assertThat(vs.get(1).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(drift(time, 1.0, steps, Math.nextUp(1.1)).get(1).status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(vs.get(0).hypothesisMet()).isTrue();
        assertThat(vs.get(1).hypothesisMet()).isFalse();
        assertThat(vs.get(0).criterion()).isEqualTo(DriftScalingCheck.DRIFT_SLOPE);
        assertThat(vs.get(1).criterion()).isEqualTo(DriftScalingCheck.DRIFT_SLOPE_FIXED_STEPS);
    }

    private static List<Verdict> drift(FixedTimeSweep time, double slope, FixedTimeSweep steps, double controlSlope) {
        LineFit f = new LineFit(slope, 0, 0.01, 0.999, 3, LineFit.Axes.LOG_LOG);
        LineFit g = new LineFit(controlSlope, 0, 0.01, 0.999, 3, LineFit.Axes.LOG_LOG);
        return new DriftScalingCheck().verdicts(new DriftScalingCheck.Measurement(PROV, 3.0,
                new DriftScalingCheck.Sweep(time, new double[] {1, 0.1, 0.01}, f),
                new DriftScalingCheck.Sweep(steps, new double[] {1, 0.01, 1e-4}, g)));
    }

    private static MultiplicativeBalanceCheck.Run growth(double mu, double alpha, double ratio) {
        double b0 = 50 * alpha * alpha;
        return new MultiplicativeBalanceCheck.Run(mu, alpha, b0, ratio * b0, (ratio - 1) * b0, 1.0, 1e-6,
                new double[] {1, ratio});
    }

    @Test
    @DisplayName("BAL-5 verdict: max ||B_t||/||B_0|| <= 2 at the edge and one ulp over; the large-alpha control bites when it holds; violated rows carry their cause")
    void multiplicativeThreshold() {
        double over = Math.nextUp(MultiplicativeBalanceCheck.C);
        List<MultiplicativeBalanceCheck.Run> runs = List.of(growth(0.1, 1e-1, 1.0), growth(0.1, 1e-3, 2.0),
                growth(0.1, 1e-4, over), growth(0.2, 1e-1, over), growth(0.2, 1e-3, 30), growth(0.2, 1e-4, 3000));
        List<Verdict> vs = new MultiplicativeBalanceCheck().verdicts(new MultiplicativeBalanceCheck.Measurement(PROV,
                runs));
        List<Verdict> claim = rows(vs, MultiplicativeBalanceCheck.MULTIPLICATIVE);
        assertThat(claim).extracting(Verdict::status).containsExactly(Verdict.Status.HOLDS, Verdict.Status.VIOLATED,
                Verdict.Status.VIOLATED, Verdict.Status.VIOLATED);
        assertThat(claim.get(0).finding()).isEmpty();
        assertThat(claim.get(1).finding()).contains("alpha^-2");
        List<Verdict> control = rows(vs, MultiplicativeBalanceCheck.MULTIPLICATIVE_LARGE_ALPHA);
        assertThat(control).extracting(Verdict::status).containsExactly(Verdict.Status.CONTROL_BIT,
                Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(control.get(0).margin()).isEqualTo(0.5);                    // (2 − 1)/2, run the other way
        // the alpha-exponent between the two smallest alphas: ratio 3000/30 over a decade is -2
        assertThat(claim.get(2).measurements().get("alphaExponent")).isCloseTo(-2.0,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(claim.get(1).measurements().get("b0OverAlphaSquared")).isCloseTo(50.0,
                org.assertj.core.data.Offset.offset(1e-12));
        Verdict drift = rows(vs, MultiplicativeBalanceCheck.DRIFT_IN_MU).get(0);
        assertThat(drift.status()).isEqualTo(Verdict.Status.EXPLORATORY);
        assertThat(drift.sizes()).containsEntry("alpha", 1e-4);
    }

    private static SymmetrizedLossCheck.Measurement symmetrized(double line2, double line3, double gram,
            double mismatch) {
        // L = 1: the squared brackets that make 1/8 q and 1/32 q equal to line2 and line3
        SymmetrizedLossCheck.Point p = new SymmetrizedLossCheck.Point("p", 1.0, 8 * line2, 32 * line3, gram, 1.0);
        return new SymmetrizedLossCheck.Measurement(PROV, List.of(p), mismatch);
    }

    private static Verdict.Status status(SymmetrizedLossCheck.Measurement m, Criterion c) {
        return rows(new SymmetrizedLossCheck().verdicts(m), c).get(0).status();
    }

    @Test
    @DisplayName("BAL-6 verdict: |c q/L - 1| <= 1e-12 and the Gram defect <= 1e-12 at their edges; the printed 1/4 flagged; noisy labels fail the hypothesis")
    void symmetrizedThresholds() {
        double tol = SymmetrizedLossCheck.TOLERANCE;
        // 1/8 · 8(1 + 2^-40) = 1 + 2^-40 ≈ 1 + 9.1e-13: inside the tolerance; 1 + 2^-39 ≈ 1 + 1.8e-12: outside
        double inside = 1 + Math.scalb(1.0, -40), outside = 1 + Math.scalb(1.0, -39);
        assertThat(status(symmetrized(inside, 1, 0, 0), SymmetrizedLossCheck.SYMMETRIZED))
                .isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(symmetrized(outside, 1, 0, 0), SymmetrizedLossCheck.SYMMETRIZED))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(symmetrized(1, inside, 0, 0), SymmetrizedLossCheck.LIFTED)).isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(symmetrized(1, outside, 0, 0), SymmetrizedLossCheck.LIFTED))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(symmetrized(1, 1, tol, 0), SymmetrizedLossCheck.LIFTED_GRAM)).isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(symmetrized(1, 1, Math.nextUp(tol), 0), SymmetrizedLossCheck.LIFTED_GRAM))
                .isEqualTo(Verdict.Status.VIOLATED);
        // printed constants: 1/4 of the same brackets is 2L and 8L
        List<Verdict> vs = new SymmetrizedLossCheck().verdicts(symmetrized(1, 1, 0, 0));
        Verdict p2 = rows(vs, SymmetrizedLossCheck.SYMMETRIZED_PRINTED).get(0);
        Verdict p3 = rows(vs, SymmetrizedLossCheck.LIFTED_PRINTED).get(0);
        assertThat(p2.observed()).isEqualTo(1.0);
        assertThat(p3.observed()).isEqualTo(7.0);
        assertThat(p2.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(p2.finding()).contains("1/8");
        assertThat(p3.finding()).contains("1/32");
        assertThat(p2.measurements()).containsEntry("printedLineOverLoss", 2.0);
        // the hypothesis: labels within 1e-13 of A(XY')
        double edge = SymmetrizedLossCheck.NOISELESS;
        assertThat(status(symmetrized(1, 1, 0, edge), SymmetrizedLossCheck.SYMMETRIZED))
                .isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(symmetrized(1, 1, 0, Math.nextUp(edge)), SymmetrizedLossCheck.SYMMETRIZED))
                .isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
    }
}
