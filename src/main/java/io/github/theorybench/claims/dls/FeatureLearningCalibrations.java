package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.Calibration;
import java.util.ArrayList;
import java.util.List;

/**
 * CLAIMS.md's calibrated numbers for DLS-1..5 (an independent NumPy implementation) beside the rows that measure
 * them; each note gives the project's value at base seed 1 and, where it differs by more than 2×, what the difference
 * traced to (Trust rule 4).
 */
final class FeatureLearningCalibrations {
    private FeatureLearningCalibrations() {
    }

    static List<Calibration> all() {
        List<Calibration> all = new ArrayList<>(dlsOneToThree());
        all.addAll(dlsFourAndFive());
        return all;
    }

    /** DLS-1..3 (FeatureLearningCheck). */
    private static List<Calibration> dlsOneToThree() {
        return List.of(
                new Calibration(FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED, "median share of ||W1||_F^2 along u at "
                        + "n = 2d^2", "observed", 0.63, 0.63, "0.63 (min 0.35), 10 seeds",
                        "within 2x (0.56 over 20 seeds)"),
                new Calibration(FeatureLearningCheck.SHARE_TREND, "Spearman rho of the share against ln n", "rho", 0.86,
                        0.86, "rho = 0.86, p ~ 1e-9 (the project's seeds 1-5)", "within 2x (rho 0.93 over 120 pairs); "
                        + "p is floored at 1/(1 + 1999) by the permutation count"),
                new Calibration(FeatureLearningCheck.MEDIAN_RATIO, "Algorithm 1's median test MSE at n = 1000",
                        "candidateMedian", 0.09, 0.16, "0.09-0.16", "inside the calibrated range (0.13)"),
                new Calibration(FeatureLearningCheck.MEDIAN_RATIO, "random features' median test MSE at n = 1000",
                        "randomFeaturesMedian", 0.55, 0.55, "0.55", "within 2x (0.49)"),
                new Calibration(FeatureLearningCheck.MEDIAN_RATIO, "NTK's median test MSE at n = 1000", "ntkMedian",
                        0.63, 0.63, "0.63", "within 2x (0.62)"),
                new Calibration(FeatureLearningCheck.BEATS_RANDOM_FEATURES, "share of seeds where Algorithm 1 beats "
                        + "random features, n >= 100", "observed", 1.0, 1.0, "10/10 seeds at n = 100 (30/30 in the "
                        + "ablation on seeds 1-30)", "20/20 at every n >= 100; the fixed-eta_1 variant (exploratory "
                        + "rows) wins 8/10 at n = 100, in line with the ablation's 2/30 losses with leave-one-out ridge "
                        + "alone"),
                new Calibration(FeatureLearningCheck.TRANSFER_RATIO, "pretrained (n_src = d^3) median test MSE, N = 100 "
                        + "and 200", "pretrainedMedian", 0.25, 0.25, "0.25 at N = 100 (0.045 at N = 1000)",
                        "within 2x: 0.26 at N = 100, 0.16 at N = 200 (the criterion's two rows), 0.054 at N = 1000 "
                        + "(table)"),
                new Calibration(FeatureLearningCheck.TRANSFER_RATIO, "random features' median test MSE, N = 100 and "
                        + "200", "randomFeaturesMedian", 1.15, 1.15, "1.15 at N = 100 (0.38 at N = 1000)",
                        "within 2x: 1.07 at N = 100, 0.96 at N = 200, 0.36 at N = 1000 (table). At N = 100 random "
                        + "features, the NTK and the n_src = d control choose the largest ridge and fall back to the "
                        + "preprocessing's alpha + beta.x, so their medians agree to 3 digits there"),
                new Calibration(FeatureLearningCheck.TRANSFER_RATIO, "NTK's median test MSE, N = 100 and 200",
                        "ntkMedian", 1.14, 1.14, "1.14 at N = 100 (0.89 at N = 1000)",
                        "within 2x (1.07; 0.91 at N = 1000 in the table)"));
    }

    /** DLS-4 (SampleComplexityCheck) and DLS-5 (TransferDimensionCheck). */
    private static List<Calibration> dlsFourAndFive() {
        return List.of(
                new Calibration(SampleComplexityCheck.CROSSING, "n*(d) for d = 6, 8, 10, 12", "nStar", 238, 756,
                        "238, 503, 518, 756", "within 2x (377, 478, 513, 628). n*(6) = 377 lies beyond CLAIMS.md's "
                        + "grid top 8d^2 = 288, on the grid's extension (median 0.31 at n = 210, 0.41 at 288, 0.22 at "
                        + "396 over 10 seeds; 0.28 at 288 pooled over 60 seeds): the calibrated 238 sits 20% below "
                        + "the top, so with 10 seeds the crossing moves on and off 2d..8d^2 between seed blocks"),
                new Calibration(SampleComplexityCheck.EXPONENT, "exponent of n*(d) in d", "observed", 1.55, 1.55,
                        "1.55", "0.69 (SE 0.09), 2.2x below: the calibrated n* agree within 2x at every d (d = 8..12 "
                        + "within 17%), and the calibrated slope over d = 8, 10, 12 alone is 1.00 against 0.67 here; "
                        + "the calibrated 1.55 rests mostly on its 5-seed n*(6) = 238 (a 2x jump to 503 at d = 8), "
                        + "where this project's 10-seed crossing at d = 6 is 377. n* is nearly d-independent at these "
                        + "sizes (11 down to 4.4 d^2); over 20 seed blocks the "
                        + "exponent ranges 0.50-2.01 (mean 1.41, sd 0.44), so the calibrated 1.55 is a typical block and "
                        + "seed 1 (0.69) the second lowest"),
                new Calibration(SampleComplexityCheck.HE_FOUR_ONLY, "He4-only target: median test MSE at n = 200, "
                        + "400, 800 (d = 10)", "observed", 0.48, 0.87, "0.87, 0.71, 0.48", "within 2x (0.87, 0.69, "
                        + "0.42)"),
                new Calibration(SampleComplexityCheck.HE_FOUR_ONLY, "He4-only target: share of ||W1||_F^2 along u",
                        "medianShare", 0.38, 0.45, "0.38-0.45", "within 2x (0.34, 0.43, 0.50)"),
                new Calibration(TransferDimensionCheck.BEATS_RANDOM_FEATURES, "pretrained median test MSE, d = 6..12",
                        "pretrainedMedian", 0.24, 0.42, "0.25, 0.27, 0.42, 0.24 (5 seeds)",
                        "within 2x (0.29, 0.31, 0.29, 0.29 over 40, 20, 20, 20 "
                        + "seeds)"),
                new Calibration(TransferDimensionCheck.BEATS_RANDOM_FEATURES, "random features' median test MSE, "
                        + "d = 6..12", "randomFeaturesMedian", 0.98, 1.27, "0.98, 1.27, 1.18, 1.06",
                        "within 2x (0.82, 1.12, 1.12, 1.16)"),
                new Calibration(TransferDimensionCheck.FLAT_IN_D, "slope of ln(pretrained median) in ln d", "observed",
                        0.20, 0.20, "0.20", "0.01 (SE 0.08): for a slope near 0 a ratio means nothing; both lie inside "
                        + "[-0.5, 0.5] and the per-d medians agree within 2x"),
                new Calibration(TransferDimensionCheck.FROM_D_SAMPLES, "pretrained on n_src = d: median test MSE",
                        "pretrainedMedian", 1.03, 1.32, "1.03, 1.15, 1.32, 1.12", "within 2x (1.09, 1.12, 1.11, 1.17)"));
    }
}
