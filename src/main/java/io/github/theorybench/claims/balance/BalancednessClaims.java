package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Erratum;
import java.util.ArrayList;
import java.util.List;

/** BAL: balancedness in low-rank factorization (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class BalancednessClaims implements ClaimFamily {
    private static final String PRODUCT_LOSS = "the loss depends on (U, V) only through UV^T: L(UG, VG^-T) = L(U, V) "
            + "to 1e-10 relative for a random invertible G (ProductInvariance)";
    private static final String PENALIZED_CONTROL = "the same statistic along GD on L + 0.05||U||_F^2 from the same "
            + "start: not a function of UV^T, so U'grad_U - grad_V'V = 0.1 U'U and B gains the first-order term "
            + "-0.2 mu U'U per step";

    @Override
    public String name() {
        return "BAL";
    }

    @Override
    public String title() {
        return "balancedness in low-rank factorization";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("BAL-1", ClaimKind.EXACT, "U^T grad_U L = (grad_V L)^T V at every iterate",
                        ClaimCatalog.NOTES_002).hypothesis(PRODUCT_LOSS).control(PENALIZED_CONTROL)
                        .thresholds("max over iterates of ||U'grad_U - grad_V'V||_F / ||U'grad_U||_F <= 1e-12 "
                                + "(CLAIMS.md); calibrated ~5e-16"),
                ClaimCatalog.Entry.of("BAL-2", ClaimKind.EXACT, "one GD step: ||B_{t+1} - B_t||_F <= mu^2 (||grad_U||^2 + ||grad_V||^2)",
                        ClaimCatalog.NOTES_002).hypothesis(PRODUCT_LOSS).control(PENALIZED_CONTROL)
                        .thresholds("ratio ||B_{t+1} - B_t||_F / (mu^2 ||grad||^2) <= 1 at every step; the identity "
                                + "B_{t+1} - B_t = mu^2 (grad_U'grad_U - grad_V'grad_V) to (d + 4) eps S_t, S_t = "
                                + "||U_t||^2 + ||V_t||^2 + ||U_{t+1}||^2 + ||V_{t+1}||^2 + mu^2 ||grad||^2 (round-off of "
                                + "the Grams subtracted; CLAIMS.md's eps (||B_t|| + ||B_{t+1}||) reported beside it); "
                                + "calibrated ~5e-16"),
                ClaimCatalog.Entry.of("BAL-3", ClaimKind.EXACT, "balancedness lemma: ||B_t||_F <= ||B_0||_F + 2 mu (L_0 - L_t)",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("every step decreased the loss by at least (mu/2)(||grad_U||^2 + ||grad_V||^2), "
                                + "recorded at each step (BalancedDescent.sufficientDecrease); runs where it failed are "
                                + "exploratory rows")
                        .control("the calibrated break alpha = 0.3, r = d, mu = 0.5 (CLAIMS.md calibration notes): "
                                + "the sufficient decrease fails at the first step, GD diverges, L_t > L_0 makes the "
                                + "bound negative, so ||B_t|| must exceed it")
                        .thresholds("||B_t|| <= bound_t (1 + 1e-12) at every t >= 1, judged at the step of largest "
                                + "relative excess; max ||B_t||/bound 0.4-0.99 (calibrated)"),
                ClaimCatalog.Entry.of("BAL-4", ClaimKind.SCALING, "gradient flow conserves B: drift of GD falls like mu",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("GD approximates the flow as mu -> 0 at fixed total time: mu_k T_k equal to 1% "
                                + "over mu spanning >= two decades (FixedTimeSweep)")
                        .control("the same fit with the normalization removed: the same step count T = tau/mu_max "
                                + "for every mu, where the drift is T terms of size mu^2 and the slope tends to 2")
                        .thresholds("log-log slope of max_t ||B_t - B_0||_F in mu within [0.9, 1.1] (CLAIMS.md)"),
                ClaimCatalog.Entry.of("BAL-5", ClaimKind.PHENOMENON, "multiplicative balancedness: ||U_t'U_t - "
                        + "V_t'V_t||_F <= c ||U_0'U_0 - V_0'V_0||_F with an absolute c (false as stated for small alpha)",
                        ClaimCatalog.NOTES_002)
                        .hypothesis("the BAL setup (r = 8 >= r*, n = 800, GD with mu in {0.05, 0.1, 0.2} for 600 "
                                + "steps, U_0 = alpha U, V_0 = alpha V): the small-initialization regime the notes use "
                                + "it for")
                        .control("runs the other way (the claim is found false as stated): at alpha = 1e-1, where "
                                + "||B_0|| is far above the drift, the same rule max_t ||B_t||/||B_0|| <= 2 must hold")
                        .thresholds("c = 2 (the imbalance at most doubles); any fixed c fails once alpha^2 ||B_0 / "
                                + "alpha^2|| is below the drift. Calibrated ratios 1.0 (alpha >= 1e-2), 5.9-25 (1e-3), "
                                + "570-2400 (1e-4); drift 2.8e-4 (mu 0.05) and 1.2e-3 (mu 0.2)"),
                ClaimCatalog.Entry.of("BAL-6", ClaimKind.EXACT, "symmetrized loss: L = 1/8 ||B(Sym(UV' - XY'))||^2 = "
                        + "1/32 ||B(WW') - B(ZZ') - (B(W~W~') - B(Z~Z~'))||^2 and W'W~ = U'U - V'V (the notes print 1/4, "
                        + "1/4)", ClaimCatalog.NOTES_002)
                        .hypothesis("noiseless labels y = A(XY'), to 1e-13 relative (line 1 of the notes is "
                                + "1/2 ||A(UV') - A(XY')||^2)")
                        .control("the printed constants 1/4 and 1/4: the lines are 2L and 8L, so the same relative "
                                + "error must be flagged")
                        .thresholds("max over points of |c q/L - 1| <= 1e-12 and ||W'W~ - (U'U - V'V)||_F <= 1e-12 "
                                + "(||U'U|| + ||V'V||) (CLAIMS.md)"));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new BalancednessCheck());
        checks.add(new DriftScalingCheck());
        checks.add(new MultiplicativeBalanceCheck());
        checks.add(new SymmetrizedLossCheck());
        return checks;
    }

    @Override
    public List<Calibration> calibrations() {
        return List.of(
                new Calibration(BalancednessCheck.GRADIENT_IDENTITY, "max relative error of U'grad_U = grad_V'V",
                        "observed", 5e-16, 5e-16, "BAL-1 holds to ~5e-16", "2e-16 on the diverging run; up to "
                                + "4e-14 on the stable run (mu = 0.1, 300 steps): past t ~ 200 ||U'grad_U|| falls to 2% "
                                + "of ||U|| ||grad_U|| as the run converges, so the same absolute round-off is a larger "
                                + "relative error. In units of eps (||U|| ||grad_U|| + ||grad_V|| ||V||) the error stays "
                                + "below 2 at every step (measurement roundOffMultiple)."),
                new Calibration(BalancednessCheck.ONE_STEP_IDENTITY, "relative error of the one-step identity",
                        "relativeError", 5e-16, 5e-16, "BAL-2 holds to ~5e-16", "3e-16 on the diverging run; up "
                                + "to ~1e-2 on the stable run, where mu^2 (grad_U'grad_U - grad_V'grad_V) is itself a "
                                + "difference of nearly equal Grams: round-off alone allows eps S_t / ||rhs|| there "
                                + "(measurement relativeFloor, larger than the error found). The error is < 1 eps S_t "
                                + "at every step (observed). CLAIMS.md's scale eps (||B_t|| + ||B_{t+1}||) is ~1e4 "
                                + "times too small on the stable run (overEpsBNorms): B_t = U'U - V'V is a "
                                + "cancellation of Grams of size ||U||^2 ~ 1 down to ||B|| ~ 6e-4."),
                new Calibration(BalancednessCheck.LEMMA, "max ||B_t|| / (||B_0|| + 2 mu (L_0 - L_t))", "maxRatio",
                        0.4, 0.99, "0.4-0.99 on every stable run", ""),
                new Calibration(BalancednessCheck.LEMMA_OUTSIDE_HYPOTHESIS, "step sizes (alpha = 1e-3, r = 4) at "
                        + "which the sufficient decrease failed", "mu", 1.5, 1.5, "breaks for mu >= 1.5 at alpha = "
                        + "1e-3", "Here the hypothesis already fails at mu = 1.0 (first at step ~10) and the bound "
                                + "at t ~ 64 while still positive (L_t < L_0), before GD diverges; within 2x."),
                new Calibration(MultiplicativeBalanceCheck.MULTIPLICATIVE, "||B_0|| / alpha^2", "b0OverAlphaSquared",
                        49, 49, "||B_0|| = 4.9e-5 at alpha = 1e-3", ""),
                new Calibration(MultiplicativeBalanceCheck.MULTIPLICATIVE, "drift / mu at alpha <= 1e-2",
                        "driftOverMu", 5.6e-3, 6e-3, "drift 2.8e-4 at mu = 0.05, 1.2e-3 at mu = 0.2", ""),
                new Calibration(MultiplicativeBalanceCheck.MULTIPLICATIVE, "max ||B_t|| / ||B_0|| over the grid",
                        "observed", 1.0, 2400, "1.0 (alpha >= 1e-2); 5.9, 25 (alpha = 1e-3); 570, 2400 (1e-4)", ""),
                new Calibration(SymmetrizedLossCheck.SYMMETRIZED_PRINTED, "printed line 2 / L",
                        "printedLineOverLoss", 2, 2, "ratio 1 : 2 : 8 to 1e-15", ""),
                new Calibration(SymmetrizedLossCheck.LIFTED_PRINTED, "printed line 3 / L", "printedLineOverLoss", 8,
                        8, "ratio 1 : 2 : 8 to 1e-15", ""));
    }

    @Override
    public List<Erratum> errata() {
        return List.of(
                new Erratum("BAL-5", "||U_tau'U_tau - V_tau'V_tau||_F <= c ||U_0'U_0 - V_0'V_0||_F (002, 'We show', c "
                        + "absolute)", "||B_t||_F <= ||B_0||_F + 2 mu (L_0 - L_t) (the lemma, BAL-3): a constant c "
                        + "holds only while ||B_0|| is above the drift, i.e. for alpha large enough",
                        MultiplicativeBalanceCheck.MULTIPLICATIVE, MultiplicativeBalanceCheck.MULTIPLICATIVE_LARGE_ALPHA,
                        "The drift max_t ||B_t - B_0|| is set by mu and is the same at alpha = 1e-3 and 1e-4, while "
                                + "||B_0|| ~ alpha^2: the ratio grows like alpha^-2 (grid table BAL-5-grid); at "
                                + "alpha = 1e-1 it stays 1."),
                new Erratum("BAL-6", "L = 1/4 ||B(sym(UV')) - B(sym(XY'))||^2 (002, 'Loss reformulated as')",
                        "L = 1/8 ||B(Sym(UV')) - B(Sym(XY'))||^2", SymmetrizedLossCheck.SYMMETRIZED_PRINTED,
                        SymmetrizedLossCheck.SYMMETRIZED, "<Sym A, Sym M> = 2<A, M>, so B(Sym M) = 2 A(M) and the "
                                + "printed line is 2L; measured 2 to 1e-15 at every point, 1/8 to 1e-12."),
                new Erratum("BAL-6", "L = 1/4 ||B(WW') - B(ZZ') - (B(W~W~') - B(Z~Z~'))||^2", "L = 1/32 ||B(WW') - "
                        + "B(ZZ') - (B(W~W~') - B(Z~Z~'))||^2", SymmetrizedLossCheck.LIFTED_PRINTED,
                        SymmetrizedLossCheck.LIFTED, "WW' - W~W~' = 2 Sym(UV'), so the bracket is 4 A(UV' - XY') "
                                + "and the printed line is 8L; measured 8 to 1e-15, 1/32 to 1e-12."));
    }
}
