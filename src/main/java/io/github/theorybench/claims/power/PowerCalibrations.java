package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Calibration;
import java.util.List;

/**
 * CLAIMS.md's calibrated numbers for PWR-1..7 beside the rows that measure them (Trust rule 4: a difference beyond 2×
 * is investigated and the cause recorded in the note).
 */
final class PowerCalibrations {
    private PowerCalibrations() {
    }

    static List<Calibration> all() {
        return List.of(
                new Calibration(PowerMethodCheck.TRACKING, "max_{t <= t_spec} ||U_t - U~_t||_F / ||U~_t||_F, max over "
                        + "alpha = 1e-2..1e-8 (d = 30, n = 2000)", "observed", 5e-3, 5e-3, "~5e-3 at d = 30, n = 2000",
                        "within 2x: the maximum sits at the last steps before t_spec and at the largest alpha"),
                new Calibration(PowerMethodCheck.ALIGNMENT_RATE, "fitted alignment rate / q", "observed", 0.98, 0.98,
                        "0.98", ""),
                new Calibration(ConcentrationCheck.CONCENTRATION_SLOPE, "log-log slope of ||Z - XX^T||/||XX^T|| in n",
                        "observed", -0.53, -0.49, "-0.53 / -0.49 (d = 20 / 50), n = 250..8000", "the project runs "
                        + "d = 30, one independent instance per n"),
                new Calibration(ConcentrationCheck.CONCENTRATION_SLOPE, "||Z - XX^T||/||XX^T|| sqrt(n/d), median over "
                        + "n = 250..8000", "errTimesSqrtNOverDMedian", 1.4, 1.6, "1.4-1.6 over n = 250..8000, d in "
                        + "{20, 50}", "d = 30 here"),
                new Calibration(PowerMethodCheck.T_SPEC_SLOPE, "fitted t_spec slope in ln(1/alpha) / "
                        + "(1/ln(1 + mu lambda_1)), r in {2, 8, 30}", "observed", 1.00, 1.04, "1.01 (range 1.00-1.04) "
                        + "for r in {2, 8, 30}", ""),
                new Calibration(FinalErrorScalingCheck.EXPONENT_RISES, "median exponent of the plateau error in alpha, "
                        + "n = 400 (d = 40, kappa = 2)", "medianExponentN400", 0.25, 0.56, "0.25-0.56 (5 seeds)", ""),
                new Calibration(FinalErrorScalingCheck.EXPONENT_RISES, "median exponent, n = 800", "medianExponentN800",
                        0.82, 0.97, "0.82-0.97 (5 seeds)", ""),
                new Calibration(FinalErrorScalingCheck.EXPONENT_RISES, "median exponent, n = 1200",
                        "medianExponentN1200", 1.03, 1.15, "1.03-1.15 (5 seeds)", ""),
                new Calibration(FinalErrorScalingCheck.EXPONENT_RISES, "median heuristic 2(1 - ln(1 + mu s3)/"
                        + "ln(1 + mu s1)), n = 400", "medianHeuristicN400", 0.66, 0.86, "0.66-0.86", ""),
                new Calibration(FinalErrorScalingCheck.EXPONENT_RISES, "median heuristic, n = 800",
                        "medianHeuristicN800", 1.02, 1.11, "1.02-1.11", ""),
                new Calibration(FinalErrorScalingCheck.EXPONENT_RISES, "median heuristic, n = 1200",
                        "medianHeuristicN1200", 1.21, 1.25, "1.21-1.25", ""),
                new Calibration(FinalErrorScalingCheck.EXPONENT_STABLE, "max |exponent(2T) - exponent(T)| over "
                        + "instances", "observed", 0.0, 0.07, "<= 0.07", ""),
                new Calibration(FinalErrorScalingCheck.INJECTIVE_EXPONENT, "first setup (d = 20, n = 800): exponent "
                        + "at T = 3000", "exponentAtFixedT3000", 1.0, 1.2, "1.0-1.2 at n = 800 (first setup)",
                        INJECTIVE_GAP),
                new Calibration(ConvergenceTimeCheck.OVERPARAMETERIZED_AGREE, "T(r*) / T(4r*) at alpha = 1e-3",
                        "ratioRStarOver4RStar", 2.5, 2.5, "r = r* takes ~2.5x longer than r in {4r*, 10r*}",
                        CONVERGENCE_GAP),
                new Calibration(AlignmentTimeCheck.STEPS_SLOPE, "steps to alignment per e-fold of r (median over "
                        + "inits)", "stepsPerEFold", 26, 28, "26-28 steps per e-fold (lambda_r*(Z) = 0.40; "
                        + "1/ln(1 + mu lambda_r*) = 25.8)", STEPS_NOTE),
                new Calibration(AlignmentTimeCheck.STEPS_SLOPE, "median steps to alignment at r = 2",
                        "medianStepsRMin", 144, 144, "144 at r = 2", ""),
                new Calibration(AlignmentTimeCheck.STEPS_SLOPE, "median steps to alignment at r = 60",
                        "medianStepsRMax", 54, 54, "54 at r = 60", ""));
    }

    /** The n = 800 exponent gap of the first PWR-5 setup (issue 15), resolved by the second-wave correction. */
    static final String INJECTIVE_GAP = "The project's 1.36/1.39 at n = 800 (r = 8/20, first setup, stopped at its "
            + "early plateau rule) against the calibrated 1.0-1.2: at d1 = d2 = 20 every n >= d1 d2 = 400 makes A "
            + "injective, XY^T is the unique zero of the loss, and the error keeps falling past the plateau at a rate "
            + "that grows with alpha, so the fitted exponent measures the stopping time. Run on to T = 3000 the same "
            + "runs give 1.19/1.22 (old seeds; this row's exponentAtFixedT3000), inside the calibration, which therefore "
            + "used a long fixed T. PWR-5 is now checked below injectivity (d = 40, n < 1600), where the exponent moves "
            + "<= 0.1 between T and 2T.";

    /** PWR-6's T(r*)/T(4r*) = 1.1-1.3 against the calibrated 2.5 (issue 15): cause found, instance kept. */
    static final String CONVERGENCE_GAP = "Measured 1.1-1.3, not 2.5. Cause: T(r*) - T(4r*) is r = r*'s saddle "
            + "delay: its weakest signal direction starts at sigma_2(Q'U_2) of a 2 x 2 Gaussian block (median ~0.5) "
            + "instead of sigma_2(Q'U_8) (~1.5-2) and grows by 1 + mu lambda_2 a step, so the delay is "
            + "ln(sigma_2(Q'U_8)/sigma_2(Q'U_2))/ln(1 + mu lambda_2) ~ 20 steps (measured init by init: medianSaddleDelay "
            + "vs medianPredictedSaddleDelay, correlation ~0.9), on a T(4r*) of ~100 steps set by the common spectral "
            + "phase (ln(1/alpha)/ln(1 + mu lambda_1)) and local phase. The ratio is 1.1-1.4 over alpha = 1e-6..1e-2 and "
            + "with step 2 mu (the 1/2 loss convention; table rows), and in an independent NumPy check also with "
            + "L <= 1e-6 L0 (1.17), kappa in {1, 2, 4} (1.10-1.27), n in {400, 800} (1.10-1.29), d = 20, r* = 5 "
            + "(1.24-1.41) and the asymmetric BAL setup (1.10-1.26). 2.5x would need a delay of ~1.5 T(4r*), i.e. "
            + "sigma_2(Q'U_2) ~ e^-12: no typical draw. The instance is inside CLAIMS.md's PWR setup and is kept.";

    /** PWR-7's slope beside the calibration. */
    static final String STEPS_NOTE = "Within 2x, on the calibration's instance class: XX^T eigenvalues 1, 0.33 give "
            + "lambda_2(Z) = 0.406 on seed 1 (CLAIMS.md's calibration states lambda_r*(Z) = 0.40; XX^T's 0.4 gave "
            + "lambda_2(Z) ~ 0.47 and a slope below the window on 4 of seeds 1-20). Seed 1: 26.1 steps per e-fold "
            + "(1.04 x 1/ln(1 + mu lambda_2) = 25.1), medians 156, 94, 91, 76, 63, 54 against the calibrated 144, 107, "
            + "88, 76, 68, 54; seeds 1-20: 0.80-1.14 x the prediction, 19/20 inside [0.8, 1.2]. The power method's "
            + "1/(2 ln(1/q)) (20.4 here) is not what the slope follows at these r (r up to 2d): it holds for r << d.";
}
