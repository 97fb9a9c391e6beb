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
 * smallest c at which LAZY-1's decay bound and LAZY-3's travel bound still held, the travel slack at c = 1, and the
 * relative travel ‖W(T) − W₀‖_F/‖W₀‖_F against α with its fitted log-log slope (CLAIMS.md: in [−1.1, −0.9]).
 */
public final class AlphaTightnessCheck extends MeasuredCheck<AlphaTightnessCheck.Sizes, AlphaSweep> {
    public static final Criterion RELATIVE_TRAVEL_SLOPE = Criterion.claim("LAZY-10", "relativeTravelSlope");

    /** CLAIMS.md LAZY-10: the relative travel's log-log slope against α must lie in [−1.1, −0.9]. */
    static final double SLOPE_LOW = -1.1, SLOPE_HIGH = -0.9;

    /** Instance sizes n, d, m; flows recorded at {@code points} τ up to {@code tauMax}; the sweep's c = α/α*. */
    public record Sizes(int n, int d, int m, double tauMax, int points, List<Double> c) {
        /** CLAIMS.md LAZY-10: c from 1 down to 1e−5 (half decades) on the LAZY setup. */
        public static Sizes claims() {
            return new Sizes(10, 5, 400, 30, 30, List.of(1.0, 3e-1, 1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5,
                    1e-5));
        }

        public static Sizes quick() {
            return new Sizes(10, 5, 400, 30, 30, List.of(1.0, 1e-1, 1e-2, 1e-3, 1e-4, 3e-5, 1e-5));
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
        LazyInstance inst = LazyInstance.build(ctx.backend(), SeedStream.of(ctx.seed(), "LAZY-10").seed(0), sizes.n(), sizes.d(), sizes.m(),
                Activation.TANH);
        return AlphaSweep.measure(inst, sizes.c(), sizes.tauMax(), sizes.points(), ctx::progress);
    }

    /** The smallest c down to which a chain of "held" rows is unbroken (NaN if it fails at c = 1). */
    record Smallest(double decay, double travel, double travelSlackAtOne) {
        static Smallest of(AlphaSweep s) {
            double decay = Double.NaN, travel = Double.NaN, slackAtOne = Double.NaN;
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
            }
            return new Smallest(decay, travel, slackAtOne);
        }
    }

    static boolean decayHeld(AlphaSweep.Point p) {
        return p.decay().worstExcess() <= LazyTrainingCheck.DECAY_TOLERANCE;
    }

    static boolean travelHeld(AlphaSweep.Point p) {
        return p.maxTravel() <= p.travelBound();
    }

    @Override
    public List<Verdict> verdicts(AlphaSweep s) {
        double slope = LineFit.logLog(s.alphas(), s.relativeTravels()).slope();
        Smallest sm = Smallest.of(s);
        return List.of(Verdict.builder(RELATIVE_TRAVEL_SLOPE).at(s.provenance())
                .check("relative travel vs alpha, fitted slope").tolerance(ScaledFlowPath.REL_TOL)
                .observed(slope).bound(-1.0).slack(-slope).window(SLOPE_LOW, SLOPE_HIGH)
                .measure("smallestCDecayHeld", sm.decay()).measure("smallestCTravelHeld", sm.travel())
                .measure("travelSlackAtC1", sm.travelSlackAtOne()).measure("alphaStar", s.alphaStar())
                .detail(NumberText.format("decay bound held for every c >= %.0e, travel bound for every c >= %.0e; "
                        + "travel slack at c = 1: %.4f", sm.decay(), sm.travel(), sm.travelSlackAtOne())).build());
    }

    @Override
    public List<Table> tables(AlphaSweep s) {
        List<List<String>> rows = new ArrayList<>();
        for (AlphaSweep.Point p : s.points()) {
            rows.add(List.of(NumberText.format("%.0e", p.c()), NumberText.format("%.4g", p.alpha()),
                    decayHeld(p) ? "yes" : "**no**", NumberText.format("%.3g", p.decay().worstExcess()),
                    travelHeld(p) ? "yes" : "**no**", NumberText.format("%.3g", p.maxTravel() / p.travelBound()),
                    NumberText.format("%.4g", p.relativeTravel(s.w0Norm())),
                    NumberText.format("%.4g", p.finalRiskOverR0())));
        }
        double slope = LineFit.logLog(s.alphas(), s.relativeTravels()).slope();
        return List.of(new Table("LAZY-10-tightness", NumberText.format("LAZY-10: tightness of alpha* (seed %d, "
                + "alpha* = %.4g, sigma_min %.3f, sigma_max %.3f, beta %.3f)", s.provenance().seed(), s.alphaStar(),
                s.sigmaMin(), s.sigmaMax(), s.beta()), List.of("c", "alpha", "LAZY-1 decay held",
                "worst (R - bound)/R0", "LAZY-3 travel held", "travel slack", "||W(T)-W0||/||W0||", "R(T)/R0"), rows,
                NumberText.format("Fitted slope of log relative travel against log alpha: %.4f (window [-1.1, -0.9]). "
                        + "T: t alpha^2 sigma_min^2 = %.0f.", slope, s.tauMax())));
    }

    @Override
    public List<Figure> figures(AlphaSweep s) {
        double[] travels = s.points().stream().mapToDouble(AlphaSweep.Point::finalTravel).toArray();
        double[] bounds = s.points().stream().mapToDouble(AlphaSweep.Point::travelBound).toArray();
        return List.of(new Figure("LAZY-3-travel-vs-alpha", "LAZY-3/10: travel ||W(T)-W0||_F against alpha, with the "
                + "bound", "alpha", "travel", true, true, List.of(new Figure.Series("measured travel", s.alphas(),
                        travels, false), new Figure.Series("bound sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2)",
                                s.alphas(), bounds, true))));
    }

    @Override
    public Map<String, Object> instances(AlphaSweep s) {
        return Map.of("LAZY-10-" + s.provenance().seed(), s.export());
    }
}
