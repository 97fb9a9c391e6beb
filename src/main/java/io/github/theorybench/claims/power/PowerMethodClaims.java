package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Erratum;
import java.util.ArrayList;
import java.util.List;

/**
 * PWR: small initialization acts as a power method (CLAIMS.md; seed 002) — the family's catalogue entries, checks,
 * calibrations and errata, in report order.
 */
public final class PowerMethodClaims implements ClaimFamily {
    @Override
    public String name() {
        return "PWR";
    }

    @Override
    public String title() {
        return "small initialization acts as a power method";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        List<ClaimCatalog.Entry> out = new ArrayList<>(spectralEntries());
        out.addAll(sensingEntries());
        return out;
    }

    /** PWR-1..4: the spectral phase of the symmetric instance. */
    private static List<ClaimCatalog.Entry> spectralEntries() {
        return List.of(
                ClaimCatalog.Entry.of("PWR-1", ClaimKind.PHENOMENON, "small init: GD tracks the power iterates (I + mu Z)^t U0 until t_spec",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("small init: the spectral phase exists for every alpha, ||U0 U0^T||_2 < 0.01 "
                                + "||XX^T||_2 (PowerHypotheses.spectralPhaseExists)")
                        .control("the same max deviation continued until ||U_t U_t^T||_2 >= 0.5 ||XX^T||_2: UU^T is "
                                + "no longer small, the dropped term A*A(UU^T)U grows to half the kept ZU, so the "
                                + "deviation must exceed 0.1")
                        .thresholds("max_{t <= t_spec} deviation <= 0.1 (calibrated ~5e-3 at d = 30, n = 2000); "
                                + "slope of the deviation at t_spec/2 in alpha within [0.8, 1.3]"),
                ClaimCatalog.Entry.of("PWR-2", ClaimKind.PHENOMENON, "alignment with Z's top eigenspace at the power-iteration rate q",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("the target's top-r* eigenspace is separated, lambda_{r*+1}(XX^T) < "
                                + "lambda_{r*}(XX^T) (PowerHypotheses.separatedTarget); for the angle at t_spec "
                                + "alpha <= 1e-8 with r = r*, alpha <= 1e-5 with r >= 4r* "
                                + "(PowerHypotheses.alignmentRegime)")
                        .control("the angle at t_spec for r = r*, alpha = 1e-2 (outside alpha <= 1e-8): ~20 power "
                                + "steps leave tan(theta_0) q^t_spec >> 0.1, so the angle must exceed 0.1 (a "
                                + "degenerate-gap target, eigenvalues 1, 0.8, 0.8, was tried first: sampling noise "
                                + "splits Z's lambda_2, lambda_3 by 0.02-0.09 and it was flagged on only 19/20 seeds)")
                        .thresholds("fitted rate / q within [0.9, 1.1] (calibrated 0.98); angle at t_spec <= 0.1"),
                ClaimCatalog.Entry.of("PWR-3", ClaimKind.SCALING, "concentration ||Z - XX^T||/||XX^T|| falls like n^-1/2",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("Z is the normalized estimator (A(M)_i = <A_i, M>/sqrt(n), E Z = XX^T) and n >= d "
                                + "(PowerHypotheses.normalizedEstimator)")
                        .control("the same statistic and fit for sqrt(n) Z (A's 1/sqrt(n) removed): its mean is "
                                + "sqrt(n) XX^T and its error grows like n^(+1/2)")
                        .thresholds("log-log slope in n within [-0.6, -0.4] (calibrated -0.53/-0.49; err sqrt(n/d) "
                                + "1.4-1.6, calibrated)"),
                ClaimCatalog.Entry.of("PWR-4", ClaimKind.SCALING, "spectral phase length t_spec is linear in ln(1/alpha), slope 1/ln(1 + mu lambda_1)",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("the spectral phase exists at >= 3 of the alphas (||U0 U0^T||_2 < 0.01 ||XX^T||_2, "
                                + "PowerHypotheses.spectralPhaseExists); the fit runs over those alphas")
                        .control("the same fit at alpha in {1, 0.3, 0.1, 0.03}, where U0 U0^T is above t_spec's "
                                + "threshold at t = 0: t_spec = 0, slope 0")
                        .thresholds("fitted slope / (1/ln(1 + mu lambda_1)) within [0.8, 1.2] (calibrated 1.01, range "
                                + "1.00-1.04 for r in {2, 8, 30})"));
    }

    /** PWR-5..7: final error, convergence time, steps to alignment. */
    private static List<ClaimCatalog.Entry> sensingEntries() {
        return List.of(
                ClaimCatalog.Entry.of("PWR-5", ClaimKind.SCALING, "Xie-Stoger-Soltanolkotabi: final error ~ alpha^(21/16) for r > r*; below injectivity the exponent rises with n",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("r > r*, n >= r*^2 (d1 + d2) and n < d1 d2 (A not injective: the final error is "
                                + "set by the implicit bias, not by the stopping rule) (PowerHypotheses."
                                + "belowInjectivity); the d = 20, n >= 400 rows are exploratory")
                        .control("the trend test on the same exponents with the n labels permuted (no trend, p must "
                                + "exceed 0.01); and the T-to-2T shift of the exponent measured before convergence, "
                                + "from the first t with L_t < 0.1 L0 to twice it (must exceed 0.1)")
                        .thresholds("Spearman trend of the plateau exponent in n, one-sided permutation p <= 0.01; "
                                + "|exponent(2T) - exponent(T)| <= 0.1 (calibrated <= 0.07); exponents calibrated "
                                + "0.25-0.56 / 0.82-0.97 / 1.03-1.15 at n = 400 / 800 / 1200"),
                ClaimCatalog.Entry.of("PWR-6", ClaimKind.PHENOMENON, "overparameterization shortens convergence; r = 4r* and 10r* take similar time",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("small init for every r: ||U0 U0^T||_2 < 0.01 ||XX^T||_2 "
                                + "(PowerHypotheses.spectralPhaseExists)")
                        .control("the same T(4r*)/T(10r*) at alpha = 2e-2, where the init is not small: no spectral "
                                + "phase, and the excess columns start large and are fitted away slowly, the more "
                                + "columns the slower")
                        .thresholds("T(4r*)/T(10r*) within [0.8, 1.25]; T(r*)/T(4r*) reported (calibrated 2.5)"),
                ClaimCatalog.Entry.of("PWR-7", ClaimKind.SCALING, "spectral-phase steps to alignment fall linearly in ln r, slope 1/ln(1 + mu lambda_r*) (the notes print 1/mu)",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("U0's r columns are r independent random directions (rank U0 = min(r, d)) and "
                                + "lambda_{r*}(Z) > lambda_{r*+1}(Z) (PowerHypotheses.independentColumns)")
                        .control("the same fit with rank-r* inits G R (r columns spanning r* random directions): the "
                                + "ln r gain has no source, slope ~ 0")
                        .thresholds("median steps against ln r: slope within 20% of 1/ln(1 + mu lambda_r*) "
                                + "(calibrated 26-28 steps per e-fold at lambda_r*(Z) = 0.40); the notes' 1/mu "
                                + "reported by the same fit"));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new PowerMethodCheck());
        checks.add(new ConcentrationCheck());
        checks.add(new FinalErrorScalingCheck());
        checks.add(new ConvergenceTimeCheck());
        checks.add(new AlignmentTimeCheck());
        return checks;
    }

    @Override
    public List<Calibration> calibrations() {
        return PowerCalibrations.all();
    }

    @Override
    public List<Erratum> errata() {
        return List.of(new Erratum("PWR-7", "Spectral phase needs t* ~ (1/mu) ln(2n/r) iterations: 1/mu = 10 steps per "
                + "e-fold of r (002)", "1/ln(1 + mu lambda_r*(Z)) steps per e-fold of r (CLAIMS.md PWR-7): the "
                + "r*-th direction grows by 1 + mu lambda_r* a step; equal to 1/mu only when lambda_r* ~ 1 (kappa ~ 1, "
                + "which the notes assume)", AlignmentTimeCheck.STEPS_SLOPE_PRINTED, AlignmentTimeCheck.STEPS_SLOPE,
                "d = 30, r* = 2, mu = 0.1, lambda_2(Z) = 0.406, r = 2..60, median steps over 25 inits: 26.1 steps per "
                        + "e-fold of r on seed 1, 1.04 x 1/ln(1 + mu lambda_2) = 25.1 and 2.6 x 1/mu = 10; over seeds 1-20 "
                        + "0.80-1.14 x the corrected rate (19/20 within 20%) and 2.2-3.5 x the printed one (20/20 "
                        + "outside). On the family's instance (lambda_2(Z) ~ 0.86, kappa ~ 1) both are closer: 9.3 steps "
                        + "per e-fold vs 12.2 corrected and 10 printed (exploratory row)"));
    }
}
