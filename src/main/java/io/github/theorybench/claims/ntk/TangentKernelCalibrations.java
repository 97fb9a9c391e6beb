package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Calibration;
import java.util.List;

/** CLAIMS.md's calibrated numbers for NTK-1..5, each beside the rows that measure it (Trust rule 4). */
final class TangentKernelCalibrations {
    private TangentKernelCalibrations() {
    }

    static List<Calibration> all() {
        return List.of(
                new Calibration(TwoLayerKernelConvergenceCheck.SLOPE, "NTK-2 fitted slope of the seed-mean error",
                        "observed", -0.53, -0.515, "-0.53 (5 seeds), -0.515 (20 seeds)", ""),
                new Calibration(TwoLayerKernelConvergenceCheck.SLOPE, "NTK-2 smallest single-seed slope",
                        "singleSeedSlopeMin", -0.605, -0.605, "single seeds reach -0.605", ""),
                new Calibration(TwoLayerKernelConvergenceCheck.SLOPE, "NTK-2 largest single-seed slope",
                        "singleSeedSlopeMax", -0.447, -0.447, "single seeds reach -0.447", ""),
                new Calibration(DeepKernelConvergenceCheck.SLOPE, "NTK-3 Theta(x, x)/(L + 1) for unit inputs",
                        "thetaDiagonalOverLPlusOne", 1.0, 1.0, "Theta(x, x) = L + 1", ""),
                new Calibration(DeepKernelConvergenceCheck.SLOPE, "NTK-3 error at m_max against the recursion without"
                        + " the output layer's Sigma^(L) term", "errorNoOutputTermAtMMax", 0.2, 1.5, "0.2-1.5", ""),
                new Calibration(DeepKernelConvergenceCheck.SLOPE, "NTK-3 error at m_max against the recursion without"
                        + " c_sigma in Sigma-dot", "errorNoCSigmaDotAtMMax", 0.2, 1.5, "0.2-1.5", ""),
                new Calibration(JacobianRankCheck.RANK_DEFICIENT, "NTK-4 largest lambda_min/lambda_max at n > md",
                        "observed", 2.3e-16, 2.3e-16, "<= 2.3e-16", NOTE_LAMBDA),
                new Calibration(JacobianRankCheck.FULL_RANK_TANH, "NTK-4 smallest sigma_min/sigma_max at n = md (tanh)",
                        "minSigmaRatio", 2.8e-4, 2.8e-4, ">= 2.8e-4", NOTE_SIGMA),
                new Calibration(JacobianRankCheck.RELU_RANK_LOSS, "NTK-4 census: share of ReLU patterns admitting full"
                        + " row rank", "censusShareNone", 0.158, 0.158, "632 of 4000", NOTE_CENSUS),
                new Calibration(JacobianRankCheck.RELU_RANK_LOSS, "NTK-4 census: share with a point inactive on every"
                        + " neuron", "censusShareInactivePoint", 0.409, 0.409, "1637 of 4000", NOTE_CENSUS),
                new Calibration(JacobianRankCheck.RELU_RANK_LOSS, "NTK-4 census: share with > d points sharing a"
                        + " pattern (first cause)", "censusShareSharedPattern", 0.335, 0.335, "1341 of 4000",
                        NOTE_CENSUS),
                new Calibration(JacobianRankCheck.RELU_RANK_LOSS, "NTK-4 census: share with a neuron pair differing on"
                        + " < d points (first cause)", "censusShareCloseNeuronPair", 0.091, 0.091, "365 of 4000",
                        NOTE_CENSUS),
                new Calibration(JacobianRankCheck.DESCENT_CONVERGES, "NTK-4 share of GD runs that stall (m = 8)",
                        "observed", 1.0 / 60, 1.0 / 60, "1 of 60", NOTE_STALLS),
                new Calibration(JacobianRankCheck.DESCENT_CONVERGES, "NTK-4 fewest GD iterations to 1e-8 R0",
                        "iterationsMin", 1400, 11000, "1.4k-11k", NOTE_ITERATIONS),
                new Calibration(JacobianRankCheck.DESCENT_CONVERGES, "NTK-4 most GD iterations to 1e-8 R0",
                        "iterationsMax", 1400, 11000, "1.4k-11k", NOTE_ITERATIONS),
                new Calibration(JacobianRankCheck.DESCENT_TRAVEL, "NTK-4 smallest travel ||W_T - W0||/||J0^+ r0||",
                        "travelRatioMin", 0.72, 1.34, "0.72-1.34", NOTE_TRAVEL),
                new Calibration(JacobianRankCheck.DESCENT_TRAVEL, "NTK-4 largest travel ||W_T - W0||/||J0^+ r0||",
                        "travelRatioMax", 0.72, 1.34, "0.72-1.34", NOTE_TRAVEL),
                new Calibration(KernelPredictorCheck.GAP_SLOPE, "NTK-5 gap at m = 256 (antisymmetric, kappa = 1)",
                        "gapAtMMin", 0.50, 0.50, "0.50", NOTE_GAP),
                new Calibration(KernelPredictorCheck.GAP_SLOPE, "NTK-5 gap at m = 8192 (antisymmetric, kappa = 1)",
                        "gapAtMMax", 0.09, 0.09, "0.09", NOTE_GAP),
                new Calibration(KernelPredictorCheck.GAP_SLOPE, "NTK-5 smallest per-seed slope (kappa = 1)",
                        "perSeedSlopeMin", -0.51, -0.36, "-0.36 to -0.51 (5 seeds)", ""),
                new Calibration(KernelPredictorCheck.GAP_SLOPE, "NTK-5 largest per-seed slope (kappa = 1)",
                        "perSeedSlopeMax", -0.51, -0.36, "-0.36 to -0.51 (5 seeds)", ""),
                new Calibration(KernelPredictorCheck.RANDOM_INIT, "NTK-5 gap at m = 8192, random init",
                        "gapAtMMax", 0.7, 0.7, "about 0.7", ""),
                new Calibration(KernelPredictorCheck.RANDOM_INIT, "NTK-5 per-seed slopes, random init (smallest)",
                        "perSeedSlopeMin", -0.13, 0.04, "-0.13 to +0.04", ""),
                new Calibration(KernelPredictorCheck.RANDOM_INIT, "NTK-5 per-seed slopes, random init (largest)",
                        "perSeedSlopeMax", -0.13, 0.04, "-0.13 to +0.04", ""),
                new Calibration(KernelPredictorCheck.SMALL_KAPPA, "NTK-5 per-seed slopes, kappa = 0.1 (smallest)",
                        "perSeedSlopeMin", -0.47, -0.12, "-0.12 to -0.47", ""),
                new Calibration(KernelPredictorCheck.SMALL_KAPPA, "NTK-5 per-seed slopes, kappa = 0.1 (largest)",
                        "perSeedSlopeMax", -0.47, -0.12, "-0.12 to -0.47", ""));
    }

    static final String NOTE_LAMBDA = "Round-off: the largest of 20 values (3e-16 on the first seed blocks) against the"
            + " calibration's largest of fewer; within 2x.";
    static final String NOTE_SIGMA = "Beyond 2x by design of the sample, not of the claim: sigma_min of a square J0 has"
            + " the Edelman tail P(sigma_min/sigma_max < e) ~ c e. Over 1000 tanh instances (n = md = 12) 8.4% lie below"
            + " 2.8e-4 (quantiles 1%: 3.2e-5, 5%: 1.6e-4, median 2.9e-3), so the minimum of 20 seeds falls below the"
            + " calibration's minimum (of fewer instances) in ~83% of seed blocks; the claim's 1e-6 is crossed by ~3e-4"
            + " of instances.";
    static final String NOTE_CENSUS = "Within 2x. Over 5 seed blocks of 4000 (20000 patterns) the project measures full"
            + " rank 0.172 +- 0.003 (CLAIMS.md 0.158), all-inactive point 0.41, > d sharing 0.33, neuron pair 0.074 +-"
            + " 0.002 (CLAIMS.md 0.091); the full-rank share differs by ~4 standard errors, so the two Monte Carlos"
            + " likely differ in the rank test (here the exact generic rank with fresh z; every pattern rank loss is also"
            + " a rank loss of J0, and vice versa on all 20 x 20 seeds). 1-2% of losses have no named cause: a neuron"
            + " active on < d points, or a dependent set spanning several patterns (listed as 'other').";
    static final String NOTE_STALLS = "Within 2x: 3 stalls in the first 100 runs (5 seed blocks of 20), 2 of 60 in a"
            + " separate 60-seed run. Not the budget: run 4x longer (4e5 steps) those two stalls moved from R_T/R0 ="
            + " 3.47e-5 and 3.83e-5 to 3.34e-5 and 3.29e-5 while sigma_min/sigma_max of J_T kept falling (6.8e-4 to"
            + " 1.8e-4, 1.4e-3 to 4.2e-4).";
    static final String NOTE_ITERATIONS = "Beyond 2x, and not the same setup: at CLAIMS.md's n = 10, d = 5, m = 8, eta ="
            + " 1/||J0||^2 the counts over 60 seeds run 171 (min), 636 (median), 2650 (90%), 58k (max). Halving the"
            + " step (eta = 0.5/||J0||^2) gives 344 / 1265 / 4905 and eta = 1/||J0||_F^2 gives 622 / 1954 / 6619: neither"
            + " reaches 1.4k at the bottom. The project's earlier setup (m = 4 < d, eta = 0.5/||J0||^2, seeds 1000-1004)"
            + " took 1086-15547 steps, which is the calibrated range: the calibrated counts fit the m = 4 instance that"
            + " CLAIMS.md now excludes.";
    static final String NOTE_TRAVEL = "Largest within 2x (1.3-1.7 over the first seed blocks); smallest beyond 2x (0.21"
            + " at the lowest): small ratios come with an ill-conditioned J0 (the 0.21 seed has sigma_min/sigma_max ="
            + " 0.053), where ||J0^+ r0|| is inflated by 1/sigma_min while the nonlinear path reaches a nearer zero;"
            + " the earlier m = 4, eta = 0.5/||J0||^2 setup gave 0.70-1.65, close to the calibrated 0.72-1.34, which"
            + " again points to that setup as the calibration's.";
    static final String NOTE_GAP = "Within 2x (0.63 -> 0.11 on seed 1; calibrated 0.50 -> 0.09).";
}
