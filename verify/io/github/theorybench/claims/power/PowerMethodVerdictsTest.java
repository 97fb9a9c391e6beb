package io.github.theorybench.claims.power;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.RankTrend;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PWR-1..7 verdict rules on hand-made measurement records, exactly at each threshold and one ulp beyond, both sides:
 * the decisions are pure functions of the measurements, so no descent runs here.
 */
@SmallInstances
class PowerMethodVerdictsTest {
    /** One ulp beyond a threshold the control bites, by a margin of ~1e−16 (the claim tests assert margin ≥ 0.05). */
    private static final Verdict.Status BIT = Verdict.Status.CONTROL_BIT;
    private static final Provenance PROV = Provenance.of(7, "ejml", "d", 30, "n", 2000);

    private static Verdict only(List<Verdict> vs, Criterion c) {
        List<Verdict> hits = vs.stream().filter(v -> v.criterion().equals(c)).toList();
        assertThat(hits).as(c.key()).hasSize(1);
        return hits.get(0);
    }

    private static LineFit slope(double s) {
        return new LineFit(s, 0, 0.01, 0.99, 7, LineFit.Axes.LOG_LOG);
    }

    /** Asserts a window rule: holds at both edges, fails one ulp outside each. */
    private static void window(DoubleFunction<Verdict> row, double lo, double hi) {
        assertThat(row.apply(lo).holds()).as("at low edge").isTrue();
        assertThat(row.apply(hi).holds()).as("at high edge").isTrue();
        assertThat(row.apply(Math.nextDown(lo)).holds()).as("one ulp below").isFalse();
        assertThat(row.apply(Math.nextUp(hi)).holds()).as("one ulp above").isFalse();
    }

    /** Asserts an upper-bound rule: holds at the bound, fails one ulp over. */
    private static void upper(DoubleFunction<Verdict> row, double bound) {
        assertThat(row.apply(bound).holds()).as("at the bound").isTrue();
        assertThat(row.apply(Math.nextUp(bound)).holds()).as("one ulp over").isFalse();
    }

    // ---- PWR-1, 2, 4 -------------------------------------------------------------------------------------------

    private static SpectralPhase.Alignment alignment(double rateOverQ, double sinRStar, double sinOver,
            double sinLarge) {
        return new SpectralPhase.Alignment(5, 40, rateOverQ, 1.0, sinRStar, 0.2, sinOver, 8, 1e-5, true, sinLarge,
                18, 0.9);
    }

    private static SpectralPhase.TSpecFit tSpecFit(int r, double ratio, boolean phase) {
        double[] alphas = {1e-2, 1e-3, 1e-4};
        return new SpectralPhase.TSpecFit(r, alphas, new int[] {20, 40, 60}, new boolean[] {phase, phase, phase},
                slope(ratio), 1.0);
    }

    private static SpectralPhase spectral(double maxDev, double halfSlope, double past, SpectralPhase.Alignment al,
            double tSpecRatio, double noPhaseRatio) {
        return new SpectralPhase(PROV, 1.0, new double[] {1.0, 0.8, 0.2, 0.1}, 0.05, List.of(),
                new SpectralPhase.Tracking(maxDev, slope(halfSlope), past, true), al,
                List.of(tSpecFit(2, tSpecRatio, true), tSpecFit(2, noPhaseRatio, false)));
    }

    private static SpectralPhase spectral() {
        return spectral(0.01, 1.0, 0.5, alignment(1.0, 1e-3, 1e-3, 0.5), 1.0, 0.0);
    }

    @Test
    @DisplayName("PWR-1 verdict: max deviation <= 0.1, halfway slope in [0.8, 1.3]; the control past small init bites iff its deviation exceeds 0.1")
    void tracking() {
        upper(x -> only(PowerMethodCheck.tracking(spectral(x, 1.0, 0.5, alignment(1, 0, 0, 0.5), 1, 0)),
                PowerMethodCheck.TRACKING), PowerMethodCheck.TRACKING_BOUND);
        window(x -> only(PowerMethodCheck.tracking(spectral(0.01, x, 0.5, alignment(1, 0, 0, 0.5), 1, 0)),
                PowerMethodCheck.HALFWAY_DEVIATION_SLOPE), PowerMethodCheck.DEVIATION_SLOPE_LOW,
                PowerMethodCheck.DEVIATION_SLOPE_HIGH);
        DoubleFunction<Verdict> control = x -> only(PowerMethodCheck.tracking(spectral(0.01, 1, x,
                alignment(1, 0, 0, 0.5), 1, 0)), PowerMethodCheck.TRACKING_PAST_SMALL_INIT);
        assertThat(control.apply(0.1).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(control.apply(Math.nextUp(0.1)).status()).isEqualTo(BIT);
        assertThat(only(PowerMethodCheck.tracking(spectral()), PowerMethodCheck.TRACKING)).hypothesisMet().holds();
    }

    @Test
    @DisplayName("PWR-2 verdict: rate / q in [0.9, 1.1]; angles at t_spec <= 0.1 (r = r*, alpha 1e-8; r >= 4r*, alpha <= 1e-5); the alpha = 1e-2 control bites iff its angle exceeds 0.1")
    void alignmentRows() {
        window(x -> only(PowerMethodCheck.alignment(spectral(0.01, 1, 0.5, alignment(x, 0, 0, 0.5), 1, 0)),
                PowerMethodCheck.ALIGNMENT_RATE), PowerMethodCheck.RATE_LOW, PowerMethodCheck.RATE_HIGH);
        upper(x -> only(PowerMethodCheck.alignment(spectral(0.01, 1, 0.5, alignment(1, x, 0, 0.5), 1, 0)),
                PowerMethodCheck.ALIGNED_R_STAR), PowerMethodCheck.ANGLE_BOUND);
        upper(x -> only(PowerMethodCheck.alignment(spectral(0.01, 1, 0.5, alignment(1, 0, x, 0.5), 1, 0)),
                PowerMethodCheck.ALIGNED_OVERPARAMETERIZED), PowerMethodCheck.ANGLE_BOUND);
        DoubleFunction<Verdict> control = x -> only(PowerMethodCheck.alignment(spectral(0.01, 1, 0.5,
                alignment(1, 0, 0, x), 1, 0)), PowerMethodCheck.ALIGNED_LARGE_ALPHA);
        assertThat(control.apply(0.1).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(control.apply(Math.nextUp(0.1)).status()).isEqualTo(BIT);
        Verdict over = only(PowerMethodCheck.alignment(spectral()), PowerMethodCheck.ALIGNED_OVERPARAMETERIZED);
        assertThat(over).hypothesisMet().holds();
        assertThat(over.measurements()).containsEntry("worstR", 8.0).containsEntry("worstAlpha", 1e-5);
    }

    @Test
    @DisplayName("PWR-4 verdict: fitted slope / (1/ln(1 + mu lambda_1)) in [0.8, 1.2], hypothesis needs >= 3 alphas with a spectral phase; the no-phase control bites iff outside")
    void spectralPhaseLength() {
        window(x -> only(PowerMethodCheck.spectralPhaseLength(spectral(0.01, 1, 0.5, alignment(1, 0, 0, 0.5), x, 0)),
                PowerMethodCheck.T_SPEC_SLOPE), PowerMethodCheck.T_SPEC_LOW, PowerMethodCheck.T_SPEC_HIGH);
        DoubleFunction<Verdict> control = x -> only(PowerMethodCheck.spectralPhaseLength(spectral(0.01, 1, 0.5,
                alignment(1, 0, 0, 0.5), 1, x)), PowerMethodCheck.T_SPEC_SLOPE_NO_PHASE);
        assertThat(control.apply(0.8).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(control.apply(Math.nextDown(0.8)).status()).isEqualTo(BIT);
        assertThat(control.apply(0.0).margin()).isEqualTo(1.0);
        assertThat(only(PowerMethodCheck.spectralPhaseLength(spectral()), PowerMethodCheck.T_SPEC_SLOPE))
                .hypothesisMet();
    }

    // ---- PWR-3 -------------------------------------------------------------------------------------------------

    private static ConcentrationCheck.Measurement concentration(double slope, double rawSlope) {
        return new ConcentrationCheck.Measurement(PROV, 30, new int[] {250, 500, 1000}, new long[] {1, 2, 3},
                new double[] {0.5, 0.35, 0.25}, new double[] {3, 4, 6}, slope(slope), slope(rawSlope));
    }

    @Test
    @DisplayName("PWR-3 verdict: log-log slope in n within [-0.6, -0.4]; the unnormalized control bites iff its slope is outside")
    void concentration() {
        ConcentrationCheck check = new ConcentrationCheck();
        window(x -> only(check.verdicts(concentration(x, 0.5)), ConcentrationCheck.CONCENTRATION_SLOPE),
                ConcentrationCheck.SLOPE_LOW, ConcentrationCheck.SLOPE_HIGH);
        DoubleFunction<Verdict> control = x -> only(check.verdicts(concentration(-0.5, x)),
                ConcentrationCheck.UNNORMALIZED_SLOPE);
        assertThat(control.apply(-0.4).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(control.apply(Math.nextUp(-0.4)).status()).isEqualTo(BIT);
        Verdict v = only(check.verdicts(concentration(-0.5, 0.5)), ConcentrationCheck.CONCENTRATION_SLOPE);
        assertThat(v).hypothesisMet().holds();
        assertThat(v.measurements().get("errTimesSqrtNOverDFirst")).isCloseTo(0.5 * Math.sqrt(250 / 30.0),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    // ---- PWR-5 -------------------------------------------------------------------------------------------------

    private static FinalErrors.Fit fit(double expT, double exp2T, double early, double earlyTwice, boolean all) {
        return new FinalErrors.Fit(8, new double[] {1e-2, 1e-3}, new double[] {1e-2, 1e-3}, new int[] {300, 400},
                all, expT, exp2T, early, earlyTwice);
    }

    private static FinalErrors finalErrors(double p, double pPermuted, double exp2T, double earlyTwice,
            boolean all) {
        List<FinalErrors.Sample> samples = List.of(
                new FinalErrors.Sample(Provenance.of(7, "ejml", "n", 400), 400, new double[] {1, 0.5, 0.1}, 0.8, true,
                        List.of(fit(0.0, exp2T, 0.0, earlyTwice, all))),
                new FinalErrors.Sample(Provenance.of(8, "ejml", "n", 800), 800, new double[] {1, 0.5, 0.1}, 1.1, true,
                        List.of(fit(1.0, 1.0, 0.0, 0.5, true))));
        RankTrend trend = new RankTrend(0.9, p, 9999, 9, RankTrend.Direction.INCREASING);
        RankTrend permuted = new RankTrend(0.1, pPermuted, 9999, 9, RankTrend.Direction.INCREASING);
        return new FinalErrors(PROV, new double[] {1e-2, 1e-3}, samples, List.of(new FinalErrors.Trend(8, trend,
                permuted)), new FinalErrors.Injective(20, new double[] {1e-2, 1e-3}, List.of()));
    }

    private static Verdict stableAt400(List<Verdict> vs, Criterion c) {
        return vs.stream().filter(v -> v.criterion().equals(c) && v.sizes().get("n").equals(400)).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("PWR-5 verdict: trend p <= 0.01 (the permuted control bites iff p > 0.01); |exponent(2T) - exponent(T)| <= 0.1 with every run at its plateau (the pre-plateau control bites iff its shift exceeds 0.1)")
    void finalErrorScaling() {
        double level = FinalErrorScalingCheck.TREND_LEVEL, stab = FinalErrorScalingCheck.STABILITY;
        upper(x -> only(FinalErrorVerdicts.verdicts(finalErrors(x, 0.5, 0.05, 1.0, true)),
                FinalErrorScalingCheck.EXPONENT_RISES), level);
        DoubleFunction<Verdict> permuted = x -> only(FinalErrorVerdicts.verdicts(finalErrors(1e-3, x, 0.05, 1, true)),
                FinalErrorScalingCheck.EXPONENT_RISES_PERMUTED);
        assertThat(permuted.apply(level).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(permuted.apply(Math.nextUp(level)).status()).isEqualTo(BIT);
        // exponentT = 0 at n = 400: the shift is |exponent(2T)|
        DoubleFunction<Verdict> stable = x -> stableAt400(FinalErrorVerdicts.verdicts(finalErrors(1e-3, 0.5, x, 1,
                true)), FinalErrorScalingCheck.EXPONENT_STABLE);
        upper(stable, stab);
        assertThat(stable.apply(0.05)).hypothesisMet().holds();
        assertThat(stableAt400(FinalErrorVerdicts.verdicts(finalErrors(1e-3, 0.5, 0.05, 1, false)),
                FinalErrorScalingCheck.EXPONENT_STABLE)).hypothesisNotMet();
        DoubleFunction<Verdict> early = x -> stableAt400(FinalErrorVerdicts.verdicts(finalErrors(1e-3, 0.5, 0.05, x,
                true)), FinalErrorScalingCheck.EXPONENT_STABLE_BEFORE_PLATEAU);
        assertThat(early.apply(stab).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(early.apply(Math.nextUp(stab)).status()).isEqualTo(BIT);
        Verdict rises = only(FinalErrorVerdicts.verdicts(finalErrors(1e-3, 0.5, 0.05, 1, true)),
                FinalErrorScalingCheck.EXPONENT_RISES);
        assertThat(rises.measurements()).containsEntry("medianExponentN400", 0.0).containsEntry("medianExponentN800",
                1.0).containsEntry("medianHeuristicN400", 0.8);
    }

    // ---- PWR-6 -------------------------------------------------------------------------------------------------

    private static ConvergenceTimes.Summary summary(double t4, double t10, double initNorm) {
        double[] total = {2, t4, t10};
        return new ConvergenceTimes.Summary("s", 1e-3, 0.1, total, new double[] {1, 1, 1}, new double[] {1, 1, 1},
                total, total, true, initNorm);
    }

    private static ConvergenceTimes convergence(ConvergenceTimes.Summary asserted, ConvergenceTimes.Summary control) {
        return new ConvergenceTimes(PROV, new int[] {2, 8, 20}, 3, 1.0, List.of(asserted, control),
                new ConvergenceTimes.Delay(new double[] {20, 25, 30}, new double[] {18, 26, 31}));
    }

    @Test
    @DisplayName("PWR-6 verdict: T(4r*)/T(10r*) within [0.8, 1.25] under small init; the large-init control bites iff the ratio is outside")
    void convergenceTime() {
        ConvergenceTimeCheck check = new ConvergenceTimeCheck();
        ConvergenceTimes.Summary control = summary(0.4, 1.0, 0.2);
        window(x -> only(check.verdicts(convergence(summary(x, 1.0, 1e-3), control)),
                ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE), ConvergenceTimeCheck.LOW, ConvergenceTimeCheck.HIGH);
        DoubleFunction<Verdict> ctl = x -> only(check.verdicts(convergence(summary(1, 1, 1e-3), summary(x, 1.0, 0.2))),
                ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE_LARGE_INIT);
        assertThat(ctl.apply(ConvergenceTimeCheck.LOW).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(ctl.apply(Math.nextDown(ConvergenceTimeCheck.LOW)).status()).isEqualTo(BIT);
        assertThat(ctl.apply(Math.nextUp(ConvergenceTimeCheck.HIGH)).status()).isEqualTo(BIT);
        Verdict v = only(check.verdicts(convergence(summary(1, 1, 1e-3), control)),
                ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE);
        assertThat(v).hypothesisMet().holds();
        assertThat(v.measurements()).containsEntry("ratioRStarOver4RStar", 2.0).containsEntry("medianSaddleDelay",
                25.0);
        // ||U0 U0^T|| = 0.1^2 = 0.01 ||XX^T||: no longer small init
        assertThat(only(check.verdicts(convergence(summary(1, 1, 0.1), control)),
                ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE)).hypothesisNotMet();
    }

    // ---- PWR-7 -------------------------------------------------------------------------------------------------

    private static final double LAMBDA2 = 0.4;

    private static AlignmentTimeCheck.Series series(double stepsPerEFold) {
        return new AlignmentTimeCheck.Series(PROV, new double[] {1, 0.4, 0}, new double[] {1.0, LAMBDA2, 0.15},
                new int[] {2, 4}, new int[][] {{100, 110}, {80, 90}}, new double[] {105, 85},
                new LineFit(-stepsPerEFold, 120, 1, 0.99, 2, LineFit.Axes.SEMI_LOG_X), true);
    }

    /** The steps per e-fold whose ratio to 1/ln(1 + μλ₂) is exactly {@code ratio} (division is monotone). */
    private static double stepsForRatio(double ratio) {
        double c = 1 / Math.log(1 + AlignmentTimeCheck.MU * LAMBDA2);
        double x = ratio * c;
        while (x / c < ratio) {
            x = Math.nextUp(x);
        }
        while (x / c > ratio) {
            x = Math.nextDown(x);
        }
        assertThat(x / c).isEqualTo(ratio);
        return x;
    }

    /** The next steps per e-fold beyond {@code x} (direction ±1) whose ratio leaves the window edge. */
    private static double beyond(double x, double ratio, int direction) {
        double c = 1 / Math.log(1 + AlignmentTimeCheck.MU * LAMBDA2);
        double y = x;
        while (y / c == ratio) {
            y = direction > 0 ? Math.nextUp(y) : Math.nextDown(y);
        }
        return y;
    }

    private static List<Verdict> alignmentTime(double claim, double control) {
        return new AlignmentTimeCheck().verdicts(new AlignmentTimeCheck.Measurement(series(claim), series(control),
                series(claim)));
    }

    @Test
    @DisplayName("PWR-7 verdict: steps per e-fold / (1/ln(1 + mu lambda_r*)) within [0.8, 1.2]; the printed 1/mu row is violated with its finding; the rank-r* control bites iff outside")
    void alignmentSteps() {
        double lo = stepsForRatio(AlignmentTimeCheck.LOW), hi = stepsForRatio(AlignmentTimeCheck.HIGH);
        assertThat(only(alignmentTime(lo, 0), AlignmentTimeCheck.STEPS_SLOPE)).hypothesisMet().holds();
        assertThat(only(alignmentTime(hi, 0), AlignmentTimeCheck.STEPS_SLOPE)).holds();
        assertThat(only(alignmentTime(beyond(lo, AlignmentTimeCheck.LOW, -1), 0), AlignmentTimeCheck.STEPS_SLOPE)
                .holds()).isFalse();
        assertThat(only(alignmentTime(beyond(hi, AlignmentTimeCheck.HIGH, 1), 0), AlignmentTimeCheck.STEPS_SLOPE)
                .holds()).isFalse();
        assertThat(only(alignmentTime(lo, lo), AlignmentTimeCheck.STEPS_SLOPE_LOW_RANK).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(alignmentTime(lo, beyond(lo, AlignmentTimeCheck.LOW, -1)),
                AlignmentTimeCheck.STEPS_SLOPE_LOW_RANK).status()).isEqualTo(BIT);
        // the printed rate: slope / (1/mu) = stepsPerEFold * mu
        Verdict printed = only(alignmentTime(2 / AlignmentTimeCheck.MU, 0), AlignmentTimeCheck.STEPS_SLOPE_PRINTED);
        assertThat(printed).isViolated().hasFinding();
        assertThat(printed.observed()).isEqualTo(2.0);
        Verdict agrees = only(alignmentTime(1 / AlignmentTimeCheck.MU, 0), AlignmentTimeCheck.STEPS_SLOPE_PRINTED);
        assertThat(agrees).holds();
        assertThat(agrees.finding()).isEmpty();
    }
}
