package io.github.theorybench.claims.dln;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-1..4 on the default backend, seed 1: DLN-1, DLN-3 and DLN-4 at CLAIMS.md's sizes; DLN-2 at its quick sizes
 * (L ∈ {2, 3, 5}, 2 seeds, sweep to m = 32, large width 128), because its width-1024 runs take ~25 s of CPU — the CLI
 * runs those (bin/theorybench claims --only DLN-2).
 */
class DeepLinearClaimsTest {
    /** Trust rule 2: a control bites by at least 5% of its threshold. */
    private static final double MIN_MARGIN = 0.05;
    /**
     * DLN-1's smallest rate multiple: exactly 4 at t = 1 as η → 0 (R(1) = (1 − η)²R(0) against (1 − η/2)), above 4 by
     * O(η) ≤ 1e−4 at η* ≤ 8.6e−5.
     */
    private static final double RATE_AT_FIRST_STEP = 4.0, RATE_AT_FIRST_STEP_SLACK = 1e-3;
    /** DLN-3 saddles: λ_min/λ_max within CLAIMS.md's 2–50% band widened 4× downwards (measured down to 1%: the note). */
    private static final double SADDLE_LOW = -0.5, SADDLE_HIGH = -0.005;
    /** DLN-4 saddles: a negative eigenvalue at least 1e−3 of the curvature scale, 1e7 times the threshold. */
    private static final double CLEARLY_NEGATIVE = -1e-3;
    private static CheckResult dln1;
    private static CheckResult dln2;
    private static CheckResult dln3;
    private static CheckResult dln4;

    @BeforeAll
    static void run() {
        CheckContext ctx = CheckContext.of(Backends.byName(Backends.DEFAULT), 1, false);
        dln1 = new ZeroAsymmetricDescentCheck().run(ctx);
        dln2 = new WidthConvergenceCheck(WidthConvergenceCheck.Sizes.quick()).run(ctx);
        dln3 = new CriticalPointCheck().run(ctx);
        dln4 = new SaddleCurvatureCheck().run(ctx);
    }

    private static void controlsBite(CheckResult r, Criterion c, int rows) {
        assertThat(r.verdicts(c)).hasSize(rows).allSatisfy(v -> {
            assertThat(v).controlBit();
            assertThat(v.margin()).as("margin of %s", v.check()).isGreaterThanOrEqualTo(MIN_MARGIN);
        });
    }

    @Test
    @DisplayName("DLN-1 zero-asymmetric init at eta*: R(t) <= (1 - eta/2)^t R(0) at every step (smallest rate multiple >= 1, about 4); rate x 8 bites; 10x-1000x and the first failing multiple are exploratory")
    void zeroAsymmetricDecay() {
        List<Verdict> claims = dln1.verdicts(ZeroAsymmetricDescentCheck.RISK_DECAY);
        assertThat(claims).hasSize(12).allSatisfy(v -> {
            assertThat(v).hypothesisMet().holds();
            // R(1) = (1 - eta)^2 R(0): a rate 4x the bound's at t = 1, the smallest along the prefix
            assertThat(v.observed()).isBetween(RATE_AT_FIRST_STEP, RATE_AT_FIRST_STEP + RATE_AT_FIRST_STEP_SLACK);
        });
        controlsBite(dln1, ZeroAsymmetricDescentCheck.RISK_DECAY_RATE_X8, 12);
        assertThat(dln1.verdicts(ZeroAsymmetricDescentCheck.BEYOND_STEP_BOUND)).hasSize(36).allSatisfy(v -> {
            assertThat(v.status()).isEqualTo(Verdict.Status.EXPLORATORY);
            assertThat(v.holds()).isTrue();                // CLAIMS.md: held at every step at 10x and 1000x too
        });
        assertThat(dln1.verdicts(ZeroAsymmetricDescentCheck.FIRST_FAILING_MULTIPLE)).hasSize(12)
                .allSatisfy(v -> assertThat(v).hasObservedWithin(1e4, 3e6));   // CLAIMS.md: 1e4-3e6x
        assertThat(dln1.figures()).extracting(Figure::name).containsExactly("DLN-1-risk");
    }

    @Test
    @DisplayName("DLN-2 Du-Hu (quick sizes): a width <= 32 of the doubling sweep holds at every step for each L in {2,3,5} and seed; the rate at the large width holds; rate x 16 bites")
    void duHuWidth() {
        assertThat(dln2.verdicts(WidthConvergenceCheck.SMALLEST_WIDTH)).hasSize(6)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds().hasObservedWithin(2, 32));
        assertThat(dln2.verdicts(WidthConvergenceCheck.LARGE_WIDTH_RATE)).hasSize(3)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        controlsBite(dln2, WidthConvergenceCheck.LARGE_WIDTH_RATE_X16, 3);
        assertThat(dln2.figures()).extracting(Figure::name).containsExactly("DLN-2-smallest-width",
                "DLN-2-large-width");
    }

    @Test
    @DisplayName("DLN-3 depth-2 Baldi-Hornik critical points: gradient <= 1e-12 ||YX^T||, saddles have a negative Hessian eigenvalue, the global point none; GD reaches the global value; four controls bite")
    void criticalPoints() {
        assertThat(dln3.verdicts(CriticalPointCheck.GRADIENT)).hasSize(30)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(dln3.verdicts(CriticalPointCheck.SADDLE_NEGATIVE)).hasSize(25)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds().hasObservedWithin(SADDLE_LOW, SADDLE_HIGH));
        assertThat(dln3.verdicts(CriticalPointCheck.GLOBAL_NO_NEGATIVE)).hasSize(5)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(dln3.verdicts(CriticalPointCheck.DESCENT_GLOBAL_VALUE)).hasSize(15)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        for (Criterion c : List.of(CriticalPointCheck.GRADIENT_PERTURBED, CriticalPointCheck.GLOBAL_TEST_ON_SADDLE,
                CriticalPointCheck.SADDLE_TEST_ON_GLOBAL, CriticalPointCheck.VALUE_TEST_ON_SADDLE)) {
            controlsBite(dln3, c, 5);
        }
        assertThat(dln3.figures()).extracting(Figure::name).containsExactly("DLN-3-hessian");
    }

    @Test
    @DisplayName("DLN-4 Kawaguchi (iv) at H = 2, 3: split saddles are critical (<= 1e-10 ||YX^T||) with rank(W_H...W_2) = p and a negative Hessian eigenvalue; at W = 0 (rank 0) the Hessian is exactly 0 and the test bites")
    void kawaguchiSaddles() {
        assertThat(dln4.verdicts(SaddleCurvatureCheck.SADDLE_GRADIENT)).hasSize(50)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(dln4.verdicts(SaddleCurvatureCheck.SADDLE_CURVATURE)).hasSize(50).allSatisfy(v -> {
            assertThat(v).hypothesisMet().holds();
            assertThat(v.measurements().get("middleRank")).isEqualTo(2.0);
            assertThat(v.observed()).isLessThan(CLEARLY_NEGATIVE);   // the negative eigenvalue's size, far from 0
        });
        controlsBite(dln4, SaddleCurvatureCheck.ZERO_POINT, 10);
        assertThat(dln4.verdicts(SaddleCurvatureCheck.ZERO_POINT)).allSatisfy(v -> {
            assertThat(v.hypothesisMet()).as("rank(W_H...W_2) = 0 < p").isFalse();
            assertThat(v.measurements()).containsEntry("maxAbsHessian", 0.0).containsEntry("middleRank", 0.0)
                    .containsEntry("gradient", 0.0);
        });
        controlsBite(dln4, SaddleCurvatureCheck.GLOBAL_POINT, 10);
        assertThat(dln4.figures()).extracting(Figure::name).containsExactly("DLN-4-saddles");
    }

    @Test
    @DisplayName("DLN-1..4 in the catalogue with hypothesis, control and thresholds; a calibration for each calibrated number; every check registered")
    void catalogue() {
        for (String id : List.of("DLN-1", "DLN-2", "DLN-3", "DLN-4")) {
            ClaimCatalog.Entry e = ClaimCatalog.entry(id);
            assertThat(e.source()).isEqualTo(ClaimCatalog.NOTES_003);
            assertThat(List.of(e.hypothesis(), e.control(), e.thresholds())).allSatisfy(s -> assertThat(s).isNotBlank());
        }
        assertThat(ClaimRegistry.covering(List.of("DLN-4"))).hasSize(1);
        assertThat(new DeepLinearClaims().calibrations()).hasSize(10)
                .allSatisfy(c -> assertThat(c.criterion().id()).startsWith("DLN-"));
    }
}
