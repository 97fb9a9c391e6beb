package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.dynamics.ScaledFlowPath;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LAZY-10 (beyond the theorem): α = c·α* for c from 1 down to 1e−5 on the LAZY setup ({@link AlphaSweep}) — the
 * smallest c at which LAZY-1's decay bound and LAZY-3's travel bound still held, the travel slack at c = 1, the
 * largest c at which the path left the proof's ball, and the relative travel ‖W(T) − W₀‖_F/‖W₀‖_F against α with its
 * fitted log-log slope (CLAIMS.md: in [−1.1, −0.9]).
 * <p>Hypothesis: the LAZY setup's f(W₀) = 0 (antisymmetric init), so R₀ = ½‖y‖² at every α and the travel
 * ≈ sqrt(r₀ᵀG₀⁻¹r₀)/α falls like 1/α. Control: the same fit on the same X, y, W₀ with random outer signs
 * (f(W₀) ≠ 0): there r₀ = αf(W₀) − y grows like α (LAZY-8: R₀ = Θ(α²mn)), the travel tends to the α-free
 * sqrt(f₀ᵀG₀⁻¹f₀), and the slope is near 0 — the hypothesis fails and so does the conclusion.
 */
public final class AlphaTightnessCheck extends MeasuredCheck<AlphaTightnessCheck.Sizes, AlphaSweep> {
    public static final Criterion RELATIVE_TRAVEL_SLOPE = Criterion.claim("LAZY-10", "relativeTravelSlope");
    public static final Criterion RELATIVE_TRAVEL_SLOPE_RANDOM_SIGNS =
            Criterion.control("LAZY-10", "relativeTravelSlopeRandomSigns");

    /** CLAIMS.md LAZY-10: the relative travel's log-log slope against α must lie in [−1.1, −0.9]. */
    static final double SLOPE_LOW = -1.1, SLOPE_HIGH = -0.9;

    /**
     * Instance sizes n, d, m; flows recorded at {@code points} τ up to {@code tauMax}; the sweep's c = α/α* and the
     * control's.
     */
    public record Sizes(int n, int d, int m, double tauMax, int points, List<Double> c, List<Double> controlC) {
        /**
         * CLAIMS.md LAZY-10: c from 1 down to 1e−5 (half decades) on the LAZY setup; the control over the two decades
         * c ∈ [1e−2, 1] where α‖f(W₀)‖ ≫ ‖y‖ (below, random signs and antisymmetric behave alike).
         */
        public static Sizes claims() {
            return new Sizes(10, 5, 400, 30, 30, List.of(1.0, 3e-1, 1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5,
                    1e-5), List.of(1.0, 1e-1, 1e-2));
        }

        /** Decades from 1 to 1e−4 and 3e−5, where the decay bound first fails (c = 1e−5, the slowest flow, left out). */
        public static Sizes quick() {
            return new Sizes(10, 5, 400, 30, 30, List.of(1.0, 1e-1, 1e-2, 1e-3, 1e-4, 3e-5),
                    List.of(1.0, 1e-1, 1e-2));
        }
    }

    public AlphaTightnessCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    AlphaTightnessCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("LAZY-10");
    }

    @Override
    public AlphaSweep measure(Sizes sizes, CheckContext ctx) {
        LazyInstance inst = LazyInstance.build(ctx.backend(), SeedStream.of(ctx.seed(), "LAZY-10").seed(0), sizes.n(),
                sizes.d(), sizes.m(), Activation.TANH);
        return AlphaSweep.measure(inst, sizes.c(), sizes.controlC(), sizes.tauMax(), sizes.points(), ctx::progress);
    }

    /** What the sweep's chains of "held" rows and the proof's ball show (NaN where a chain breaks at c = 1). */
    record Summary(double smallestCDecay, double smallestCTravel, double travelSlackAtOne, double largestCBallLeft) {
        static Summary of(AlphaSweep s) {
            double decay = Double.NaN, travel = Double.NaN, slackAtOne = Double.NaN, ball = Double.NaN;
            boolean decayChain = true, travelChain = true;
            for (AlphaSweep.Point p : s.points()) {
                decayChain &= decayHeld(p);
                travelChain &= travelHeld(p);
                if (decayChain) {
                    decay = p.c();
                }
                if (travelChain) {
                    travel = p.c();
                }
                if (p.c() == 1) {
                    slackAtOne = p.maxTravel() / p.travelBound();
                }
                if (Double.isNaN(ball) && p.travelOverRadius() > 1) {
                    ball = p.c();
                }
            }
            return new Summary(decay, travel, slackAtOne, ball);
        }
    }

    static boolean decayHeld(AlphaSweep.Point p) {
        return p.decay().worstExcess() <= LazyTrainingCheck.DECAY_TOLERANCE;
    }

    static boolean travelHeld(AlphaSweep.Point p) {
        return p.maxTravel() <= p.travelBound();
    }

    /** The fitted log-log slope of ‖W(T) − W₀‖/‖W₀‖ against α over {@code ps}. */
    static LineFit slope(AlphaSweep s, List<AlphaSweep.Point> ps) {
        return LineFit.logLog(AlphaSweep.alphas(ps), s.relativeTravels(ps));
    }

    @Override
    public List<Verdict> verdicts(AlphaSweep s) {
        Summary sm = Summary.of(s);
        boolean hyp = LazyHypotheses.zeroInitialOutput(s.alphaMax(), s.f0Norm(), s.yNorm());
        Verdict claim = slopeRow(RELATIVE_TRAVEL_SLOPE, s, s.points(), hyp, s.f0Norm())
                .check("relative travel vs alpha, fitted slope")
                .measure("smallestCDecayHeld", sm.smallestCDecay()).measure("smallestCTravelHeld", sm.smallestCTravel())
                .measure("travelSlackAtC1", sm.travelSlackAtOne()).measure("largestCBallLeft", sm.largestCBallLeft())
                .detail(NumberText.format("decay bound held for every c >= %.0e, travel bound for every c >= %.0e; "
                        + "travel slack at c = 1: %.4f; the path left the proof's ball sigma_min/(2 beta) from c = "
                        + "%.0e down", sm.smallestCDecay(), sm.smallestCTravel(), sm.travelSlackAtOne(),
                        sm.largestCBallLeft())).build();
        boolean controlHyp = LazyHypotheses.zeroInitialOutput(s.alphaMax(), s.controlF0Norm(), s.yNorm());
        Verdict control = slopeRow(RELATIVE_TRAVEL_SLOPE_RANDOM_SIGNS, s, s.control(), controlHyp, s.controlF0Norm())
                .check("control: relative travel slope with random signs (f(W0) != 0)")
                .detail("same X, y, W0, random outer signs: r0 = alpha f(W0) - y grows like alpha, the travel tends "
                        + "to sqrt(f0' G0^-1 f0), so the slope must leave [-1.1, -0.9]").build();
        return List.of(claim, control);
    }

    /** The one slope rule: the fitted exponent of the relative travel in α, inside [−1.1, −0.9]. */
    static Verdict.Builder slopeRow(Criterion c, AlphaSweep s, List<AlphaSweep.Point> ps, boolean hypothesis,
            double f0Norm) {
        LineFit fit = slope(s, ps);
        return Verdict.builder(c).at(s.provenance()).tolerance(ScaledFlowPath.REL_TOL).hypothesisMet(hypothesis)
                .observed(fit.slope()).bound(-1.0).slack(-fit.slope()).window(SLOPE_LOW, SLOPE_HIGH)
                .measure("slopeStdErr", fit.slopeStdErr()).measure("points", ps.size())
                .measure("alphaStar", s.alphaStar()).measure("f0Norm", f0Norm).measure("yNorm", s.yNorm());
    }

    @Override
    public List<Table> tables(AlphaSweep s) {
        List<List<String>> rows = new ArrayList<>();
        for (AlphaSweep.Point p : s.points()) {
            rows.add(List.of(NumberText.format("%.0e", p.c()), NumberText.format("%.4g", p.alpha()),
                    decayHeld(p) ? "yes" : "**no**", NumberText.format("%.3g", p.decay().worstExcess()),
                    travelHeld(p) ? "yes" : "**no**", NumberText.format("%.3g", p.maxTravel() / p.travelBound()),
                    NumberText.format("%.3g", p.travelOverRadius()), NumberText.format("%.4g", p.relativeTravel(
                            s.w0Norm())), NumberText.format("%.4g", p.finalRiskOverR0())));
        }
        return List.of(new Table("LAZY-10-tightness", NumberText.format("LAZY-10: tightness of alpha* (seed %d, "
                + "alpha* = %.4g, sigma_min %.3f, sigma_max %.3f, beta %.3f)", s.provenance().seed(), s.alphaStar(),
                s.sigmaMin(), s.sigmaMax(), s.beta()), List.of("c", "alpha", "LAZY-1 decay held",
                "worst (R - bound)/R0", "LAZY-3 travel held", "travel slack", "travel / (sigma_min/(2 beta))",
                "||W(T)-W0||/||W0||", "R(T)/R0"), rows, NumberText.format("Fitted slope of log relative travel "
                + "against log alpha: %.4f (window [-1.1, -0.9]); with random outer signs (control, c = %s): %.4f. "
                + "T: t alpha^2 sigma_min^2 = %.0f.", slope(s, s.points()).slope(), cRange(s.control()),
                slope(s, s.control()).slope(), s.tauMax())));
    }

    private static String cRange(List<AlphaSweep.Point> ps) {
        return NumberText.format("%.0e..%.0e", ps.get(ps.size() - 1).c(), ps.get(0).c());
    }

    @Override
    public List<Figure> figures(AlphaSweep s) {
        double[] travels = s.points().stream().mapToDouble(AlphaSweep.Point::finalTravel).toArray();
        double[] bounds = s.points().stream().mapToDouble(AlphaSweep.Point::travelBound).toArray();
        double[] control = s.control().stream().mapToDouble(AlphaSweep.Point::finalTravel).toArray();
        double[] a = AlphaSweep.alphas(s.points());
        return List.of(new Figure("LAZY-3-travel-vs-alpha", "LAZY-3/10: travel against alpha, the bound, the 1/alpha line",
                "alpha (output scale)",
                "travel ||W(T) - W0||_F", true, true, List.of(
                        new Figure.Series("measured travel (antisymmetric init, f(W0) = 0)", a, travels, false),
                        new Figure.Series("bound sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2)", a, bounds, true),
                        new Figure.Series("slope -1 through the measured travel", a, LineFit.referenceLine(a, travels,
                                -1.0), true),
                        new Figure.Series("control: random outer signs (f(W0) != 0)", AlphaSweep.alphas(s.control()),
                                control, false))));
    }

    @Override
    public Map<String, Object> instances(AlphaSweep s) {
        return Map.of("LAZY-10-" + s.provenance().seed(), s.export());
    }
}
