package io.github.theorybench.claims.balance;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BAL-1..4 at CLAIMS.md's sizes (d₁ = d₂ = 20, r* = 2, n = 800, T = 300; BAL-4 μ = 0.1 … 0.001 at μT = 3), seed 1. */
class BalancednessClaimsTest {
    /** Trust rule 2: a control's statistic lies at least 5% beyond its threshold. */
    static final double MARGIN = 0.05;
    private static BalancednessCheck.Measurement m;
    private static CheckResult result;
    private static DriftScalingCheck.Measurement drift;
    private static CheckResult driftResult;
    private static CheckResult multiplicative;
    private static CheckResult symmetrized;

    @BeforeAll
    static void run() {
        CheckContext ctx = CheckContext.of(Backends.byName(Backends.DEFAULT), 1, false);
        BalancednessCheck check = new BalancednessCheck();
        m = check.measure(check.sizes(ctx), ctx);
        result = check.result(m);
        DriftScalingCheck d = new DriftScalingCheck();
        drift = d.measure(d.sizes(ctx), ctx);
        driftResult = d.result(drift);
        multiplicative = new MultiplicativeBalanceCheck().run(ctx);
        symmetrized = new SymmetrizedLossCheck().run(ctx);
    }

    private static void controlBites(Verdict v) {
        assertThat(v).controlBit();
        assertThat(v.margin()).isGreaterThanOrEqualTo(MARGIN);
    }

    @Test
    @DisplayName("BAL-1 U^T grad_U L = (grad_V L)^T V to 1e-12 on both runs; on L + 0.05||U||^2 (not a function of UV^T) it fails")
    void gradientIdentity() {
        assertThat(m.sensingLoss().holds()).isTrue();
        assertThat(m.penalizedLoss().holds()).isFalse();
        assertThat(result.verdicts(BalancednessCheck.GRADIENT_IDENTITY)).hasSize(2)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        controlBites(result.verdict(BalancednessCheck.GRADIENT_IDENTITY_PENALIZED));
    }

    @Test
    @DisplayName("BAL-2 ||B_{t+1} - B_t|| <= mu^2 ||grad||^2 and the identity to (d + 4) eps S_t; both fail on the penalized loss")
    void oneStep() {
        assertThat(result.verdicts(BalancednessCheck.ONE_STEP_BOUND)).hasSize(2)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(BalancednessCheck.ONE_STEP_IDENTITY)).hasSize(2)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        controlBites(result.verdict(BalancednessCheck.ONE_STEP_BOUND_PENALIZED));
        controlBites(result.verdict(BalancednessCheck.ONE_STEP_IDENTITY_PENALIZED));
        // the "relative" error of the identity on the stable run is cancellation: it sits below what round-off of
        // the Grams subtracted allows there, eps S_t / ||rhs||
        Verdict stable = result.verdicts(BalancednessCheck.ONE_STEP_IDENTITY).get(0);
        assertThat(stable.measurements().get("relativeError")).isGreaterThan(1e-6)
                .isLessThanOrEqualTo(stable.measurements().get("relativeFloor") * stable.observed());
    }

    @Test
    @DisplayName("BAL-3 ||B_t|| <= ||B_0|| + 2 mu (L_0 - L_t) where every step decreased L enough; the diverging step size breaks both")
    void lemma() {
        assertThat(result.verdicts(BalancednessCheck.LEMMA)).isNotEmpty()
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(BalancednessCheck.LEMMA).get(0).measurements().get("maxRatio"))
                .isBetween(0.4, 0.99);
        assertThat(result.verdicts(BalancednessCheck.LEMMA_OUTSIDE_HYPOTHESIS)).isNotEmpty()
                .allSatisfy(v -> assertThat(v).hypothesisNotMet());
        Verdict control = result.verdict(BalancednessCheck.LEMMA_DIVERGING);
        controlBites(control);
        assertThat(control.hypothesisMet()).isFalse();
        assertThat(m.broken().diverged()).isTrue();
        // what happens when the step breaks the hypothesis: it fails before the bound does
        assertThat(m.sweep()).filteredOn(r -> r.firstBoundFailure() > 0).allSatisfy(r ->
                assertThat(r.firstHypothesisFailure()).isBetween(0, r.firstBoundFailure() - 1));
    }

    @Test
    @DisplayName("BAL-4 gradient flow conserves B: GD drift falls like mu at fixed mu T (slope in [0.9, 1.1]); at a fixed step count it does not")
    void driftScaling() {
        assertThat(drift.fixedTime().plan().approximatesFlow()).isTrue();
        assertThat(drift.fixedSteps().plan().approximatesFlow()).isFalse();
        assertThat(driftResult.verdict(DriftScalingCheck.DRIFT_SLOPE)).hypothesisMet().holds();
        controlBites(driftResult.verdict(DriftScalingCheck.DRIFT_SLOPE_FIXED_STEPS));
    }

    @Test
    @DisplayName("BAL-5 multiplicative balancedness fails as stated for alpha <= 1e-3 (ratio ~ alpha^-2, drift set by mu), holds at alpha = 1e-1 (control the other way)")
    void multiplicativeBalance() {
        List<Verdict> claim = multiplicative.verdicts(MultiplicativeBalanceCheck.MULTIPLICATIVE);
        assertThat(claim).hasSize(9);
        for (Verdict v : claim) {
            if ((Double) v.sizes().get("alpha") <= 1e-3) {
                assertThat(v).hypothesisMet().isViolated().hasFinding();
                assertThat(v.measurements().get("alphaExponent")).isBetween(-2.1, -1.8);
            } else {
                assertThat(v).hypothesisMet().holds();
            }
        }
        assertThat(multiplicative.verdicts(MultiplicativeBalanceCheck.MULTIPLICATIVE_LARGE_ALPHA)).hasSize(3)
                .allSatisfy(BalancednessClaimsTest::controlBites);
        // the drift's scaling in mu at the smallest alpha, as BAL-4 predicts
        assertThat(multiplicative.verdict(MultiplicativeBalanceCheck.DRIFT_IN_MU).observed()).isBetween(0.8, 1.3);
    }

    @Test
    @DisplayName("BAL-6 symmetrized loss L = 1/8 ||B(Sym dM)||^2 = 1/32 ||lifted bracket||^2 to 1e-12, W'W~ = U'U - V'V; the printed 1/4, 1/4 (2L, 8L) are flagged")
    void symmetrizedLoss() {
        for (var c : List.of(SymmetrizedLossCheck.SYMMETRIZED, SymmetrizedLossCheck.LIFTED,
                SymmetrizedLossCheck.LIFTED_GRAM)) {
            assertThat(symmetrized.verdict(c)).hypothesisMet().holds();
        }
        for (var c : List.of(SymmetrizedLossCheck.SYMMETRIZED_PRINTED, SymmetrizedLossCheck.LIFTED_PRINTED)) {
            Verdict v = symmetrized.verdict(c);
            controlBites(v);
            assertThat(v).hasFinding();
        }
        assertThat(symmetrized.verdict(SymmetrizedLossCheck.SYMMETRIZED_PRINTED).measurements()
                .get("printedLineOverLoss")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(symmetrized.verdict(SymmetrizedLossCheck.LIFTED_PRINTED).measurements()
                .get("printedLineOverLoss")).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-12));
    }
}
