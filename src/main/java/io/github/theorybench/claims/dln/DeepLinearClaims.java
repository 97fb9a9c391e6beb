package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** DLN: deep linear networks (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class DeepLinearClaims implements ClaimFamily {
    @Override
    public String name() {
        return "DLN";
    }

    @Override
    public String title() {
        return "deep linear networks";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("DLN-1", ClaimKind.EXACT,
                        "deep linear net, zero-asymmetric init: R(t) <= (1 - eta/2)^t R(0)", ClaimCatalog.NOTES_003)
                        .hypothesis("eta <= min{1/(4 L^3 phi^6), 1/(144 L^2 phi^4)}, phi = max{2 ||Phi||_F,"
                                + " 3/sqrt(L), 1}, and the zero-asymmetric init W_l(0) = I (l < L), W_L(0) = 0"
                                + " (ZeroAsymmetricInstance.meetsHypothesis); runs at 10x-1000x the bound are"
                                + " exploratory")
                        .control("rate x 8 on the same 1x runs: the smallest measured rate multiple against 8; at"
                                + " the zero-asymmetric init R(1) = (1 - eta)^2 R(0), a rate ~4x the bound's, so it"
                                + " must fail at t = 1")
                        .thresholds("R(t) <= (1 + 1e-12)(1 - eta/2)^t R(0) at every step of a 2e4-step prefix, i.e."
                                + " the smallest rate multiple >= 1; control window >= 8 (calibrated: measured rate"
                                + " >= 4x)"),
                ClaimCatalog.Entry.of("DLN-2", ClaimKind.EXACT,
                        "Du-Hu: wide deep linear net converges linearly at the stated rate", ClaimCatalog.NOTES_003)
                        .hypothesis("the testable part of Du-Hu's: eta <= d_out/(3 L ||X^T X||), scaling"
                                + " (m^(L-1) d_out)^(-1/2), N(0,1) init, lambda_r(X^T X) > 0; the width condition"
                                + " m >= C L r kappa^3 d_out (1 + |Phi|^2) has an unspecified C and is what the sweep"
                                + " measures")
                        .control("rate x 16 at m = 1024: the same smallest rate multiple against 16 (measured 8-10x)")
                        .thresholds("l(t) - OPT <= (1 - eta L lambda_r/(4 d_out))^t (l(0) - OPT) at every step until"
                                + " l - OPT < 1/2 (1e-13 ||Y_hat||)^2 (round-off), with 1e-12 allowance in logs; the"
                                + " doubling sweep from m = 2 finds a width <= 64 (calibrated: 8 for L in {2, 3},"
                                + " 8-16 for L = 5), 20 seeds per depth"),
                ClaimCatalog.Entry.of("DLN-3", ClaimKind.EXACT,
                        "depth-2 linear net: non-global critical points are strict saddles", ClaimCatalog.NOTES_003)
                        .hypothesis("003 Thm 2.3's assumptions (XX^T, XY^T full rank, d_y <= d_x, Sigma with distinct"
                                + " eigenvalues) and the point built as W2 = U_I C, W1 = C^-1 U_I^T Phi_hat from a"
                                + " non-top eigenvector set I (saddle rows) or the top one (global rows)")
                        .control("the saddle test on the global minimizer (must find no negative eigenvalue: its"
                                + " Hessian is PSD); the global test on the mildest saddle; the gradient test 1e-8 away"
                                + " from a critical point; the optimum-value test on the mildest saddle's loss")
                        .thresholds("||grad|| <= 1e-12 ||YX^T|| (calibrated); no negative eigenvalue: lambda_min >="
                                + " -1e-10 lambda_max with k^2 zero eigenvalues (calibrated); saddle: lambda_min <"
                                + " -1e-10 lambda_max (calibrated: 2-50% of -lambda_max); GD gap <= 1e-10"),
                ClaimCatalog.Entry.of("DLN-4", ClaimKind.EXACT, "Kawaguchi (iv): if rank(W_H...W_2) = p, the"
                        + " Hessian at any saddle has a negative eigenvalue (depth H = 2, 3)", ClaimCatalog.NOTES_003)
                        .hypothesis("003 Thm 2.3's assumptions on the data, the point a saddle (critical, loss > OPT)"
                                + " and rank(W_H...W_2) = p = min hidden width (DeepSaddleInstance.rankCondition)")
                        .control("W = 0: a critical point and a saddle with rank(W_H...W_2) = 0 < p: the Hessian is"
                                + " exactly 0, so the negative-eigenvalue test must fail (hypothesis and conclusion"
                                + " fail together); also the same test at the global minimizer (PSD Hessian)")
                        .thresholds("||grad|| <= 1e-10 ||YX^T||; lambda_min < -1e-10 x (lambda_max at the instance's"
                                + " global minimizer)"));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new ZeroAsymmetricDescentCheck());
        checks.add(new WidthConvergenceCheck());
        checks.add(new CriticalPointCheck());
        checks.add(new SaddleCurvatureCheck());
        return checks;
    }

    @Override
    public List<Calibration> calibrations() {
        return List.of(
                new Calibration(ZeroAsymmetricDescentCheck.RISK_DECAY, "smallest measured decay rate / the bound's"
                        + " rate at eta = eta*", "minRateMultiple", 4, 4, "the measured rate is >= 4x the bound's",
                        "R(1) = (1 - eta)^2 R(0) exactly at the zero-asymmetric init: a rate 4x the bound's at t = 1,"
                                + " the smallest along the prefix"),
                new Calibration(ZeroAsymmetricDescentCheck.RISK_DECAY, "held at every step at 1x (1 = held)",
                        "heldAtEveryStep", 1, 1, "held at every step at 1x", ""),
                new Calibration(ZeroAsymmetricDescentCheck.BEYOND_STEP_BOUND, "held at every step at 10x, 100x,"
                        + " 1000x (1 = held)", "heldAtEveryStep", 1, 1, "held at every step at 10x and 1000x", ""),
                new Calibration(ZeroAsymmetricDescentCheck.RISK_DECAY, "steps to R <= 1e-6 R(0) at 1x, extrapolated"
                        + " from the prefix's final rate", "extrapolatedStepsToTarget", 3e4, 2.5e7,
                        "3e4-7e4 (|Phi|_F = 0.5) up to 2.5e7 (|Phi|_F = 2)", ""),
                new Calibration(ZeroAsymmetricDescentCheck.FIRST_FAILING_MULTIPLE, "first multiple of eta* where the"
                        + " inequality fails", "observed", 1e4, 3e6, "1e4-3e6x, where GD diverges",
                        "the sweep's grid is 1e4, 2e4, 5e4, ...; at eta > 1.5 R(1) = (1 - eta)^2 R(0) exceeds"
                                + " (1 - eta/2) R(0), which caps the multiple at 1.5/eta*"),
                new Calibration(WidthConvergenceCheck.SMALLEST_WIDTH, "smallest width of the doubling sweep at which"
                        + " the bound held at every step (L = 2, 3, 5)", "observed", 8, 16, "failures at m = 2-4 (and"
                        + " m = 8 for some L = 5 seeds); passing from m = 8 for L in {2, 3} and 8-16 for L = 5",
                        WIDTH_NOTE),
                new Calibration(WidthConvergenceCheck.LARGE_WIDTH_RATE, "measured rate / the bound's at m = 1024"
                        + " (min over t >= 1/rate)", "minRateMultipleAfterOneOverRate", 8, 10, "8-10x at m = 1024",
                        "the minimum over t >= 1/rate sits at the last steps before the round-off floor"),
                new Calibration(CriticalPointCheck.GRADIENT, "||grad|| / ||YX^T|| at the constructed critical points",
                        "relativeGradient", 0, 1e-12, "threshold 1e-12 (calibrated)", "round-off: ~1e-15"),
                new Calibration(CriticalPointCheck.GLOBAL_NO_NEGATIVE, "-lambda_min/lambda_max at the global"
                        + " minimizer", "observed", -1e-10, 1e-10, "threshold lambda_min >= -1e-10 lambda_max, k^2 zero"
                        + " eigenvalues (calibrated)", "round-off: |lambda_min|/lambda_max ~ 1e-16"),
                new Calibration(CriticalPointCheck.SADDLE_NEGATIVE, "lambda_min/lambda_max at the saddles",
                        "observed", -0.5, -0.02, "2-50% of -lambda_max (calibrated)", SADDLE_NOTE));
    }

    /** Why DLN-2's smallest widths differ from the calibration where they do (measured on 3 x 20 seeds per depth). */
    static final String WIDTH_NOTE = "The measured number is per seed: the first width of the sweep at which the"
            + " inequality held at every step to round-off. Over base seeds 1-3 (20 seeds each) it was, at L = 2:"
            + " m = 2 on 18/60 seeds, 4 on 19, 8 on 21, 16 on 2; L = 3: 2 on 3, 4 on 15, 8 on 29, 16 on 13; L = 5: 2 on"
            + " 1, 4 on 1, 8 on 17, 16 on 28, 32 on 13. The calibration's 8 / 8-16 read as the widths from which all of"
            + " its seeds passed; ours are 8-16 / 16 / 32, within 2x. The passes below 8 (4x under the calibrated 8)"
            + " are genuine, not an artifact of the floor: the inequality held at every step until l - OPT reached"
            + " round-off, with the smallest rate 1.01-5.8x the bound's; they come from the init (at m = 2 = d_out the"
            + " product can reach OPT, and whether its transient stays under (1 - rate)^t depends on W(0)): with 5"
            + " seeds, none passes at m = 2 with probability (42/60)^5 = 0.17 at L = 2, (57/60)^5 = 0.77 at L = 3."
            + " Isolated passes (held at m, failed at a larger width) occurred on 5/60 (L = 2), 4/60 (L = 3), 1/60"
            + " (L = 5) seeds. The theorem's width L r kappa^3 d_out (1 + |Phi|^2) is 5e4-6e6 here (kappa 8.5-30),"
            + " so its C must be below ~1e-3 (32/5e4) for any of these widths to satisfy it.";
    /** Why DLN-3's saddle curvatures differ from the calibration where they do. */
    static final String SADDLE_NOTE = "Measured lambda_min/lambda_max over 100 saddles (base seeds 1-4): -0.283 to"
            + " -0.0099, i.e. 1%-28% of -lambda_max; the smallest (1%, 2x under the calibrated 2%) are the mildest"
            + " saddles I = {1,3}. Cause: the most negative curvature is along the swap of u_3 for the better u_2, with"
            + " Rayleigh quotient (lambda_3 - lambda_2)/(1 + |u_2^T Phi_hat|^2) of Sigma's eigenvalues; lambda_min"
            + " equals it to within 0.4%-33% on every saddle (measurement swapCurvatureOverLambdaMax), so a small"
            + " eigengap lambda_2 - lambda_3 of the seed's Sigma gives a small lambda_min, not a defect of the check.";
}
