package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * LAZY-10 (beyond the theorem): α = c·α* for c from 1 down to 1e−5 on the LAZY setup — the smallest c at which
 * LAZY-1's decay bound and LAZY-3's travel bound still held, the travel slack at c = 1, and the relative travel
 * ‖W(T) − W₀‖_F/‖W₀‖_F against α with its fitted log-log slope (CLAIMS.md: in [−1.1, −0.9]).
 */
public final class AlphaTightnessCheck implements ClaimCheck {
    static final double[] FULL = {1, 3e-1, 1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5};
    static final double[] QUICK = {1, 1e-1, 1e-2, 1e-3, 1e-4, 3e-5, 1e-5};
    static final int POINTS = 30;
    /** CLAIMS.md LAZY-10: the relative travel's log-log slope against α must lie in [−1.1, −0.9]. */
    static final double SLOPE_LOW = -1.1, SLOPE_HIGH = -0.9;

    private final int n, d, m, points;
    private final double tauMax;

    /** CLAIMS.md's sizes (LAZY's setup). */
    public AlphaTightnessCheck() {
        this(LazyTrainingCheck.N, LazyTrainingCheck.D, LazyTrainingCheck.M, LazyTrainingCheck.TAU_MAX, POINTS);
    }

    /** The same sweep on another instance size and time grid (fast tests on small instances). */
    AlphaTightnessCheck(int n, int d, int m, double tauMax, int points) {
        this.n = n;
        this.d = d;
        this.m = m;
        this.tauMax = tauMax;
        this.points = points;
    }

    @Override
    public List<String> ids() {
        return List.of("LAZY-10");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        double[] cs = ctx.quick() ? QUICK : FULL;
        LazyInstance inst = LazyInstance.build(ctx.backend(), ctx.seed(), n, d, m, Activation.TANH);
        double w0 = inst.w0().frobeniusNorm();
        List<List<String>> rows = new ArrayList<>();
        SimpleRegression reg = new SimpleRegression();
        double smallestDecay = Double.NaN, smallestTravel = Double.NaN, slackAtOne = Double.NaN;
        boolean decayChain = true, travelChain = true;
        double[] alphas = new double[cs.length], rel = new double[cs.length], bounds = new double[cs.length],
                travels = new double[cs.length];
        for (int k = 0; k < cs.length; k++) {
            double alpha = cs[k] * inst.alphaStar();
            ctx.progress(String.format(Locale.ROOT, "LAZY-10 c = %.0e (alpha = %.3g)", cs[k], alpha));
            LazyPath p = LazyPath.integrate(inst, alpha, false, tauMax, points);
            LazyPath.DecayComparison dc = p.compareDecay(inst.r0(), LazyPath.constant(p.size(), inst.decayRate(alpha)));
            double bound = inst.travelBound(alpha);
            boolean travelHolds = p.maxTravel() <= bound;
            decayChain &= dc.holds();
            travelChain &= travelHolds;
            if (decayChain) {
                smallestDecay = cs[k];
            }
            if (travelChain) {
                smallestTravel = cs[k];
            }
            if (cs[k] == 1) {
                slackAtOne = p.maxTravel() / bound;
            }
            alphas[k] = alpha;
            travels[k] = p.finalTravel();
            bounds[k] = bound;
            rel[k] = p.finalTravel() / w0;
            reg.addData(Math.log(alpha), Math.log(rel[k]));
            rows.add(List.of(String.format(Locale.ROOT, "%.0e", cs[k]), String.format(Locale.ROOT, "%.4g", alpha),
                    dc.holds() ? "yes" : "**no**", String.format(Locale.ROOT, "%.3g", dc.worstExcess()),
                    travelHolds ? "yes" : "**no**", String.format(Locale.ROOT, "%.3g", p.maxTravel() / bound),
                    String.format(Locale.ROOT, "%.4g", rel[k]), String.format(Locale.ROOT, "%.4g",
                            p.risk()[p.size() - 1] / inst.r0())));
        }
        double slope = reg.getSlope();
        CheckResult out = new CheckResult();
        out.add(Verdict.builder("LAZY-10").check("relative travel vs alpha, fitted slope").seed(ctx.seed())
                .backend(ctx.backend().name()).activation("tanh").size("n", inst.n()).size("d", inst.d())
                .size("m", inst.m()).size("c", cs[cs.length - 1] + "..1").tolerance(LazyPath.REL_TOL)
                .observed(slope).bound(-1.0).slack(-slope).window(SLOPE_LOW, SLOPE_HIGH)
                .measure("smallestCDecayHeld", smallestDecay).measure("smallestCTravelHeld", smallestTravel)
                .measure("travelSlackAtC1", slackAtOne).measure("alphaStar", inst.alphaStar())
                .detail(String.format(Locale.ROOT, "decay bound held for every c >= %.0e, travel bound for every "
                        + "c >= %.0e; travel slack at c = 1: %.4f", smallestDecay, smallestTravel, slackAtOne))
                .build());
        out.table(new Table("LAZY-10-tightness", String.format(Locale.ROOT, "LAZY-10: tightness of alpha* (seed %d, "
                + "alpha* = %.4g, sigma_min %.3f, sigma_max %.3f, beta %.3f)", ctx.seed(), inst.alphaStar(),
                inst.sigmaMin(), inst.sigmaMax(), inst.beta()), List.of("c", "alpha", "LAZY-1 decay held",
                "worst (R - bound)/R0", "LAZY-3 travel held", "travel slack", "||W(T)-W0||/||W0||", "R(T)/R0"), rows,
                String.format(Locale.ROOT, "Fitted slope of log relative travel against log alpha: %.4f (window "
                        + "[-1.1, -0.9]). T: t alpha^2 sigma_min^2 = %.0f.", slope, tauMax)));
        out.figure(new Figure("LAZY-3-travel-vs-alpha", "LAZY-3/10: travel ||W(T)-W0||_F against alpha, with the bound",
                "alpha", "travel", true, true, List.of(new Figure.Series("measured travel", alphas, travels, false),
                        new Figure.Series("bound sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2)", alphas, bounds,
                                true))));
        out.instance("LAZY-10-" + ctx.seed(), inst.export(inst.alphaStar()));
        return out;
    }
}
