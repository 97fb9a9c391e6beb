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

    static final String NOTE_LAMBDA = "";
    static final String NOTE_SIGMA = "";
    static final String NOTE_CENSUS = "";
    static final String NOTE_STALLS = "";
    static final String NOTE_ITERATIONS = "";
    static final String NOTE_TRAVEL = "";
    static final String NOTE_GAP = "";
}
