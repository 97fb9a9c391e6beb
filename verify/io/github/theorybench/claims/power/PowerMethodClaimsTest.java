package io.github.theorybench.claims.power;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Erratum;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PWR-1..7 on the report's seed (1). PWR-1..4, 6 and 7 run at CLAIMS.md's sizes; PWR-5 at its quick sizes (d₁ = d₂ =
 * 20, n ∈ {200, 280, 360}, still below injectivity): CLAIMS.md's d = 40, n ≤ 1200 grid costs ~40 s of CPU, too slow
 * for {@code mvn verify}. Every control must bite with margin ≥ 0.05 (Trust rule 2).
 */
class PowerMethodClaimsTest {
    private static final long SEED = 1;
    /** Trust rule 2: a control's statistic lies at least 5% beyond its threshold or window edge. */
    private static final double CONTROL_MARGIN = 0.05;
    private static CheckResult spectral;
    private static CheckResult concentration;
    private static CheckResult finalErrors;
    private static CheckResult convergence;
    private static CheckResult alignment;

    @BeforeAll
    static void run() {
        CheckContext ctx = CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, false);
        spectral = new PowerMethodCheck().run(ctx);
        concentration = new ConcentrationCheck().run(ctx);
        finalErrors = new FinalErrorScalingCheck(FinalErrorScalingCheck.Sizes.quick()).run(ctx);
        convergence = new ConvergenceTimeCheck().run(ctx);
        alignment = new AlignmentTimeCheck().run(ctx);
    }

    private static void bites(List<Verdict> controls) {
        assertThat(controls).isNotEmpty().allSatisfy(v -> {
            assertThat(v).controlBit();
            assertThat(v.margin()).as(v.key()).isGreaterThanOrEqualTo(CONTROL_MARGIN);
        });
    }

    @Test
    @DisplayName("PWR-1 GD tracks the power iterates to t_spec (max deviation <= 0.1, halfway slope in alpha within [0.8, 1.3]); past small init the deviation exceeds 0.1")
    void tracking() {
        assertThat(spectral.verdict(PowerMethodCheck.TRACKING)).hypothesisMet().holds().hasSlackBelow(0.2);
        assertThat(spectral.verdict(PowerMethodCheck.HALFWAY_DEVIATION_SLOPE)).hypothesisMet().holds();
        bites(spectral.verdicts(PowerMethodCheck.TRACKING_PAST_SMALL_INIT));
    }

    @Test
    @DisplayName("PWR-2 alignment at rate q (within 10%), angle <= 0.1 at t_spec for r = r*, alpha = 1e-8 and for r >= 4r*, alpha <= 1e-5; alpha = 1e-2 is flagged")
    void alignment() {
        assertThat(spectral.verdict(PowerMethodCheck.ALIGNMENT_RATE)).hypothesisMet().holds();
        assertThat(spectral.verdict(PowerMethodCheck.ALIGNED_R_STAR)).hypothesisMet().holds();
        Verdict over = spectral.verdict(PowerMethodCheck.ALIGNED_OVERPARAMETERIZED);
        assertThat(over).hypothesisMet().holds();
        assertThat(over.measurements().get("worstR")).isGreaterThanOrEqualTo(8.0);
        assertThat(over.measurements().get("worstAlpha")).isLessThanOrEqualTo(1e-5);
        bites(spectral.verdicts(PowerMethodCheck.ALIGNED_LARGE_ALPHA));
    }

    @Test
    @DisplayName("PWR-3 ||Z - XX^T||/||XX^T|| has log-log slope in [-0.6, -0.4] in n; without A's 1/sqrt(n) the slope is flagged")
    void concentration() {
        assertThat(concentration.verdict(ConcentrationCheck.CONCENTRATION_SLOPE)).hypothesisMet().holds();
        bites(concentration.verdicts(ConcentrationCheck.UNNORMALIZED_SLOPE));
    }

    @Test
    @DisplayName("PWR-4 t_spec slope in ln(1/alpha) within 20% of 1/ln(1 + mu lambda_1) for r in {2, 8, 30}; alphas without a spectral phase are flagged")
    void spectralPhaseLength() {
        assertThat(spectral.verdicts(PowerMethodCheck.T_SPEC_SLOPE)).hasSize(3)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        bites(spectral.verdicts(PowerMethodCheck.T_SPEC_SLOPE_NO_PHASE));
    }

    @Test
    @DisplayName("PWR-5 (quick sizes, below injectivity) the plateau exponent rises with n (p <= 0.01) and moves <= 0.1 from T to 2T; permuted n and the pre-plateau shift are flagged; the d = 20, n >= 400 rows are exploratory")
    void finalErrorScaling() {
        assertThat(finalErrors.verdicts(FinalErrorScalingCheck.EXPONENT_RISES)).isNotEmpty()
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(finalErrors.verdicts(FinalErrorScalingCheck.EXPONENT_STABLE)).hasSize(3)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        bites(finalErrors.verdicts(FinalErrorScalingCheck.EXPONENT_RISES_PERMUTED));
        bites(finalErrors.verdicts(FinalErrorScalingCheck.EXPONENT_STABLE_BEFORE_PLATEAU));
        assertThat(finalErrors.verdicts(FinalErrorScalingCheck.INJECTIVE_EXPONENT)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.status()).isEqualTo(Verdict.Status.EXPLORATORY));
        assertThat(finalErrors.verdicts(FinalErrorScalingCheck.INJECTIVE_EXACT)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.observed()).isLessThanOrEqualTo(FinalErrorScalingCheck.EXACT_BOUND));
    }

    @Test
    @DisplayName("PWR-6 r = 4r* and 10r* converge in times within [0.8, 1.25]; at alpha = 2e-2 (init not small) they are flagged; T(r*)/T(4r*) reported")
    void convergenceTime() {
        Verdict v = convergence.verdict(ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE);
        assertThat(v).hypothesisMet().holds();
        // calibrated 2.5, measured 1.1-1.4: the saddle delay of r = r* (PowerCalibrations.CONVERGENCE_GAP)
        assertThat(v.measurements().get("ratioRStarOver4RStar")).isBetween(1.0, 1.5);
        bites(convergence.verdicts(ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE_LARGE_INIT));
    }

    @Test
    @DisplayName("PWR-7 steps to alignment fall in ln r with slope within 20% of 1/ln(1 + mu lambda_r*); the printed 1/mu is violated (erratum, with its cause); rank-r* inits are flagged")
    void alignmentSteps() {
        assertThat(alignment.verdict(AlignmentTimeCheck.STEPS_SLOPE)).hypothesisMet().holds();
        assertThat(alignment.verdict(AlignmentTimeCheck.STEPS_SLOPE_PRINTED)).hypothesisMet().isViolated()
                .hasFinding();
        bites(alignment.verdicts(AlignmentTimeCheck.STEPS_SLOPE_LOW_RANK));
        assertThat(alignment.verdict(AlignmentTimeCheck.STEPS_SLOPE_FAMILY).status())
                .isEqualTo(Verdict.Status.EXPLORATORY);
    }

    @Test
    @DisplayName("PWR-1..7 in the catalogue with hypothesis, control and thresholds; a calibration for each calibrated number, read from rows that carry it; the PWR-7 erratum names its rows")
    void catalogue() {
        for (String id : List.of("PWR-1", "PWR-2", "PWR-3", "PWR-4", "PWR-5", "PWR-6", "PWR-7")) {
            ClaimCatalog.Entry e = ClaimCatalog.entry(id);
            assertThat(e.source()).isEqualTo(ClaimCatalog.NOTES_002);
            assertThat(List.of(e.hypothesis(), e.control(), e.thresholds())).allSatisfy(s -> assertThat(s)
                    .as(id).isNotBlank());
            assertThat(ClaimRegistry.covering(List.of(id))).as(id).hasSize(1);
        }
        List<Calibration> cals = new PowerMethodClaims().calibrations();
        assertThat(cals).hasSize(17).allSatisfy(c -> assertThat(c.criterion().id()).startsWith("PWR-"));
        for (Calibration c : cals) {
            if (c.criterion().id().equals("PWR-5")) {
                continue;                                   // PWR-5 ran at quick sizes here (other n keys)
            }
            List<Verdict> rows = List.of(spectral, concentration, convergence, alignment).stream()
                    .flatMap(r -> r.verdicts(c.criterion()).stream()).toList();
            assertThat(rows).as(c.quantity()).isNotEmpty();
            if (!c.measurement().equals("observed")) {
                assertThat(rows).as(c.quantity()).anySatisfy(v -> assertThat(v.measurements())
                        .containsKey(c.measurement()));
            }
        }
        List<Erratum> errata = new PowerMethodClaims().errata();
        assertThat(errata).hasSize(1);
        assertThat(errata.get(0).printedRows()).isEqualTo(AlignmentTimeCheck.STEPS_SLOPE_PRINTED);
        assertThat(errata.get(0).correctedRows()).isEqualTo(AlignmentTimeCheck.STEPS_SLOPE);
    }
}
