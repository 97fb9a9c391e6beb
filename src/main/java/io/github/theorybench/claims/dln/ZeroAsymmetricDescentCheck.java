package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import java.util.ArrayList;
import java.util.List;

/**
 * DLN-1 (CLAIMS.md; 003 Theorem 4.3, Wu, Wang &amp; E): discrete gradient descent W_l ← W_l − η∂R/∂W_l on
 * R = ½‖W_L⋯W₁ − Φ‖_F² (W_l ∈ R^{d×d} for l &lt; L, W_L ∈ R^{d_y×d}) from the zero-asymmetric init
 * W_l(0) = I (l &lt; L), W_L(0) = 0, with φ = max{2‖Φ‖_F, 3/√L, 1} and η* = min{1/(4L³φ⁶), 1/(144L²φ⁴)}:
 * R(t) ≤ (1 − η/2)^t R(0) for η ≤ η*.
 * <p>Runs η = k·η* for k ∈ {1, 10, 100, 1000} (k = 1: a 2e4-step prefix, as CLAIMS.md says; else until R ≤ 1e−6 R(0)
 * or a step cap) and checks the inequality with the run's own η at every step. Beyond the theorem, a sweep of larger
 * k finds the first multiple where the inequality fails (CLAIMS.md: 1e4–3e6×, where GD diverges).
 * <p>The rule is read as a rate: R(t) ≤ (1 − η/2)^t R(0) at every t ≥ 1 exactly when the smallest measured rate
 * multiple ln(R(t)/R(0))/(t ln(1 − η/2)) is ≥ 1 ({@link ZeroAsymmetricDescent#minRateMultiple()}), a statistic that
 * does not shrink with the length of the run the way R(t)/bound(t) does when η is tiny. The slack over t ≥ 1/rate
 * (CLAIMS.md) is the row's slack.
 * <ul>
 * <li>{@link #RISK_DECAY}: the rate multiple ≥ 1 at η = η* from the zero-asymmetric init (the hypothesis:
 * {@link ZeroAsymmetricInstance#meetsHypothesis});</li>
 * <li>{@link #RISK_DECAY_RATE_X8}, control: the same statistic against 8. It must fail at t = 1: only W_L moves in the
 * first step, W_L(1) = ηΦ, so R(1) = (1 − η)²R(0), a rate −2ln(1 − η) ≈ 4× the bound's −ln(1 − η/2);</li>
 * <li>{@link #BEYOND_STEP_BOUND} and {@link #FIRST_FAILING_MULTIPLE}: exploratory rows above η*.</li>
 * </ul>
 */
public final class ZeroAsymmetricDescentCheck
        extends MeasuredCheck<ZeroAsymmetricDescentCheck.Sizes, ZeroAsymmetricDescentCheck.Measurement> {
    public static final Criterion RISK_DECAY = Criterion.claim("DLN-1", "riskDecay");
    public static final Criterion RISK_DECAY_RATE_X8 = Criterion.control("DLN-1", "riskDecayRateX8");
    public static final Criterion BEYOND_STEP_BOUND = Criterion.exploratory("DLN-1", "riskDecayBeyondStepBound");
    public static final Criterion FIRST_FAILING_MULTIPLE = Criterion.exploratory("DLN-1", "firstFailingMultiple");

    static final int D = 4, DY = 3;
    /** The rate multiple of the control (CLAIMS.md: the measured rate is ≥ 4× the bound's, so × 2 cannot bite). */
    static final double CONTROL_RATE = ZeroAsymmetricDescent.CONTROL_RATE;
    static final double[] MULTIPLES = {1, 10, 100, 1000};
    static final double[] SWEEP = {1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7};
    static final double[] PHI_NORMS = {0.5, 2.0};

    /**
     * Depths; seeds per (depth, ‖Φ‖_F); the 1× prefix; the step cap of the runs above 1×; the cap of each sweep run.
     */
    public record Sizes(int[] depths, int seeds, int prefix, int cap, int sweepCap) {
        public Sizes {
            depths = depths.clone();
        }

        /** CLAIMS.md: L ∈ {2, 3, 5}, 2 seeds, a 2e4-step prefix at 1×, runs above 1× capped at 2e5 steps. */
        public static Sizes claims() {
            return new Sizes(new int[] {2, 3, 5}, 2, 20_000, 200_000, 20_000);
        }

        public static Sizes quick() {
            return new Sizes(new int[] {3}, 1, 20_000, 20_000, 20_000);
        }
    }

    /** The first multiple of the sweep where the inequality failed, and that run (null when none failed). */
    record Sweep(double firstFailingMultiple, double lastHeldMultiple, ZeroAsymmetricDescent failed) {
    }

    /** One (depth, ‖Φ‖_F, seed): its runs at {@link #MULTIPLES} and the sweep beyond. */
    record Case(ZeroAsymmetricInstance instance, Provenance provenance, List<ZeroAsymmetricDescent> runs,
            Sweep sweep) {
    }

    /** Every case of the run, and the sizes it ran at. */
    public record Measurement(Sizes sizes, List<Case> cases) {
    }

    public ZeroAsymmetricDescentCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    ZeroAsymmetricDescentCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("DLN-1");
    }

    /** η* of 003 Theorem 4.3. */
    static double stepBound(int depth, double phiNorm) {
        return ZeroAsymmetricInstance.stepBound(depth, phiNorm);
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "DLN-1");
        List<Case> cases = new ArrayList<>();
        for (int depth : sizes.depths()) {
            for (double pn : PHI_NORMS) {
                for (int s = 0; s < sizes.seeds(); s++) {
                    long seed = seeds.seed(s);           // the same Φ direction at every depth and norm
                    ZeroAsymmetricInstance inst = ZeroAsymmetricInstance.build(seed, depth, D, DY, pn);
                    List<ZeroAsymmetricDescent> runs = new ArrayList<>();
                    for (double k : MULTIPLES) {
                        ZeroAsymmetricDescent r = ZeroAsymmetricDescent.measure(ctx.backend(), inst, k,
                                k == 1 ? sizes.prefix() : sizes.cap(), false);
                        ctx.progress(NumberText.format("DLN-1 L=%d |Phi|=%.1f seed %d k=%.0f: %d steps, R/R0 = "
                                + "%.3g, held %s, min rate %.2fx", depth, pn, seed, k, r.steps(), r.finalRatio(),
                                r.held(), r.minRateMultiple()));
                        runs.add(r);
                    }
                    Provenance p = Provenance.of(seed, ctx.backend().name(), "L", depth, "d", D, "d_y", DY);
                    cases.add(new Case(inst, p, runs, sweep(ctx, inst, sizes.sweepCap())));
                }
            }
        }
        return new Measurement(sizes, cases);
    }

    /** Beyond the theorem: the first multiple of η* in {@link #SWEEP} where the inequality fails. */
    private static Sweep sweep(CheckContext ctx, ZeroAsymmetricInstance inst, int cap) {
        double lastHeld = Double.NaN;
        for (double k : SWEEP) {
            ZeroAsymmetricDescent r = ZeroAsymmetricDescent.measure(ctx.backend(), inst, k, cap, false);
            if (!r.held()) {
                return new Sweep(k, lastHeld, r);
            }
            lastHeld = k;
        }
        return new Sweep(Double.NaN, lastHeld, null);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (Case c : m.cases()) {
            for (ZeroAsymmetricDescent r : c.runs()) {
                out.add(decay(r, m.sizes().prefix()));
                if (r.multiple() == 1) {
                    out.add(control(r));
                }
            }
            out.add(firstFailure(c));
        }
        return out;
    }

    private static String instanceLabel(ZeroAsymmetricDescent r) {
        return NumberText.format("L=%d, |Phi|_F=%.1f, eta=%.0fx bound", r.provenance().sizes().get("L"),
                r.phiNorm(), r.multiple());
    }

    private static String runLabel(ZeroAsymmetricDescent r, int prefix) {
        return r.multiple() == 1 ? NumberText.format("%d-step prefix", prefix) : r.reachedTarget()
                ? "until R <= 1e-6 R0" : NumberText.format("%d-step prefix (cap)", r.steps());
    }

    /** Steps to R ≤ 1e−6 R(0) at the run's final cumulative rate (the 1× prefix stops well before). */
    static double extrapolatedStepsToTarget(ZeroAsymmetricDescent r) {
        return r.steps() * Math.log(ZeroAsymmetricDescent.RUN_TARGET) / Math.log(r.finalRatio());
    }

    /**
     * DLN-1's inequality at every step of one run, as its decay rate: R(t) ≤ (1 − η/2)^t R(0) at every t ≥ 1 exactly
     * when the smallest measured rate multiple is ≥ 1 (with the round-off allowance). A claim row at η ≤ η* from the
     * zero-asymmetric init; exploratory above the step bound.
     */
    static Verdict decay(ZeroAsymmetricDescent r, int prefix) {
        double k = r.multiple();
        boolean late = !Double.isNaN(r.slackAfterOneOverRate());
        double slack = late ? r.slackAfterOneOverRate() : r.slackAll();
        return Verdict.builder(r.hypothesisMet() ? RISK_DECAY : BEYOND_STEP_BOUND).at(r.provenance())
                .check("risk decay (" + instanceLabel(r) + ")").hypothesisMet(r.hypothesisMet())
                .observed(r.minRateMultiple()).bound(1.0).window(1.0, Double.POSITIVE_INFINITY).slack(slack)
                .measure("eta", r.eta()).measure("etaBound", r.etaBound()).measure("multiple", k)
                .measure("steps", r.steps()).measure("finalROverR0", r.finalRatio())
                .measure("minRateMultiple", r.minRateMultiple()).measure("finalRateMultiple", r.finalRateMultiple())
                .measure("rateMultipleOf1xBound", r.finalRateMultiple() * k)
                .measure("slackOverAllTGe1", r.slackAll()).measure("heldAtEveryStep", r.held() ? 1 : 0)
                .measure("extrapolatedStepsToTarget", extrapolatedStepsToTarget(r))
                .detail(NumberText.format("%s, eta = %.0f x eta* (%.3g) = %.3g: R(t) <= (1 - eta/2)^t R(0) %s over %d"
                        + " steps (R/R0 = %.3g at the end); smallest measured rate %.4f x the bound's (%.2f x at the"
                        + " end, = %.3g x the 1x bound's rate); slack over t >= 1/rate %s, over t >= 1: %.3g%s",
                        runLabel(r, prefix), k, r.etaBound(), r.eta(), r.held() ? "held at every step"
                                : "FAILED first at t = " + r.firstFailure(), r.steps(), r.finalRatio(),
                        r.minRateMultiple(), r.finalRateMultiple(), r.finalRateMultiple() * k,
                        late ? NumberText.format("%.3g", r.slackAfterOneOverRate()) : "n/a (prefix < 1/rate)",
                        r.slackAll(), k > 1 ? " (beyond the theorem's step size: exploratory)" : "")).build();
    }

    /**
     * The rate × 8 control on the 1× run: the same rate multiple against 8. It must fail at t = 1: only W_L moves in
     * the first step, W_L(1) = ηΦ, so R(1) = (1 − η)²R(0), a rate −2ln(1 − η) ≈ 4× the bound's −ln(1 − η/2).
     */
    static Verdict control(ZeroAsymmetricDescent r) {
        return Verdict.builder(RISK_DECAY_RATE_X8).at(r.provenance()).check("control: rate x 8 (" + instanceLabel(r)
                + ")").hypothesisMet(r.hypothesisMet()).observed(r.minRateMultiple()).bound(CONTROL_RATE)
                .window(CONTROL_RATE, Double.POSITIVE_INFINITY).measure("controlSlack", r.controlSlack())
                .detail(NumberText.format("R(t) <= (1 - eta/2)^(8t) R(0) at every t needs a rate multiple >= 8; the"
                        + " smallest is %.4f (R(1) = (1 - eta)^2 R(0) is a rate of ~4x the bound's); max R(t)/((1 -"
                        + " eta/2)^(8t) R(0)) = %.4g", r.minRateMultiple(), r.controlSlack())).build();
    }

    /** Beyond the theorem: the first multiple of η* where the inequality fails. */
    static Verdict firstFailure(Case c) {
        Sweep s = c.sweep();
        ZeroAsymmetricDescent f = s.failed();
        double etaStar = c.instance().stepBound(), failEta = s.firstFailingMultiple() * etaStar;
        boolean divergedThere = f != null && f.diverged();
        String detail = f == null ? "the inequality held at every multiple up to " + fmt(SWEEP[SWEEP.length - 1])
                + " x eta*" : NumberText.format("the inequality first fails at %s x eta* (eta = %.3g, 1 - eta/2 ="
                        + " %.3g%s; held at %s x), first at step t = %d; GD %s there (R/R0 = %.3g after %d steps;"
                        + " outside the theorem's hypothesis: exploratory). R(1) = (1 - eta)^2 R(0) exceeds (1 -"
                        + " eta/2) R(0) exactly when eta > 1.5", fmt(s.firstFailingMultiple()), failEta,
                        1 - failEta / 2, failEta >= 2 ? ": the bound is vacuous" : "", fmt(s.lastHeldMultiple()),
                        f.firstFailure(), divergedThere ? "diverges" : "does not diverge", f.finalRatio(), f.steps());
        return Verdict.builder(FIRST_FAILING_MULTIPLE).at(c.provenance())
                .check(NumberText.format("first failing step multiple (L=%d, |Phi|_F=%.1f)", c.instance().depth(),
                        c.instance().phiNorm())).hypothesisMet(false).observed(s.firstFailingMultiple()).bound(1.0)
                .holds(true).measure("divergedThere", divergedThere ? 1 : 0).measure("etaAtFirstFailure", failEta)
                .measure("lastHeldMultiple", s.lastHeldMultiple())
                .measure("firstFailingStep", f == null ? Double.NaN : f.firstFailure())
                .measure("finalROverR0There", f == null ? Double.NaN : f.finalRatio()).detail(detail).build();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (Case c : m.cases()) {
            ZeroAsymmetricInstance inst = c.instance();
            for (ZeroAsymmetricDescent r : c.runs()) {
                rows.add(List.of(String.valueOf(inst.depth()), fmt(inst.phiNorm()), String.valueOf(inst.seed()),
                        fmt(r.multiple()), fmt(r.eta()), runLabel(r, m.sizes().prefix()), String.valueOf(r.steps()),
                        fmt(r.finalRatio()), r.held() ? "yes" : "no", fmt(r.minRateMultiple()),
                        fmt(r.finalRateMultiple())));
            }
            ZeroAsymmetricDescent f = c.sweep().failed();
            rows.add(List.of(String.valueOf(inst.depth()), fmt(inst.phiNorm()), String.valueOf(inst.seed()),
                    "first failure", f == null ? "none" : fmt(c.sweep().firstFailingMultiple() * inst.stepBound()),
                    f != null && f.diverged() ? "diverged" : "did not diverge",
                    f == null ? "" : String.valueOf(f.steps()), f == null ? "" : fmt(f.finalRatio()),
                    f == null ? "" : "no (first at t=" + f.firstFailure() + ")", "", ""));
        }
        return List.of(new Table("DLN-1-runs", "DLN-1: GD runs at multiples of the step-size bound eta*", List.of(
                "L", "|Phi|_F", "seed", "eta/eta*", "eta", "run", "steps", "R/R0 at end", "bound held",
                "min rate / bound's", "final rate / bound's"), rows,
                "rate = cumulative ln(R(t)/R(0)) / (t ln(1 - eta/2)), as a multiple of the bound's rate at that eta;"
                        + " 'first failure' rows give the smallest eta (absolute) of the sweep where the inequality"
                        + " failed."));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<Figure.Series> series = new ArrayList<>();
        for (Case c : m.cases()) {
            if (c.instance().depth() != 3 || c.instance().phiNorm() != 0.5 || c != firstOfItsKind(m, c)) {
                continue;
            }
            for (ZeroAsymmetricDescent r : c.runs()) {
                if (r.multiple() != 1 && r.multiple() != 100) {
                    continue;
                }
                double[] bound = new double[r.ts().length];
                for (int i = 0; i < bound.length; i++) {
                    bound[i] = Math.pow(1 - r.eta() / 2, r.ts()[i]);
                }
                series.add(new Figure.Series(NumberText.format("R(t)/R(0), eta = %.0fx bound", r.multiple()), r.ts(),
                        r.ratios(), false));
                series.add(new Figure.Series(NumberText.format("(1 - eta/2)^t, eta = %.0fx bound", r.multiple()),
                        r.ts(), bound, true));
            }
        }
        return List.of(new Figure("DLN-1-risk", "DLN-1: R(t)/R(0) against (1 - eta/2)^t (L = 3, |Phi|_F = 0.5, d = 4)",
                "step t", "R(t)/R(0)", false, true, series));
    }

    /** The first case of the measurement with the same depth and ‖Φ‖_F as {@code c} (the figure shows one seed). */
    private static Case firstOfItsKind(Measurement m, Case c) {
        for (Case o : m.cases()) {
            if (o.instance().depth() == c.instance().depth() && o.instance().phiNorm() == c.instance().phiNorm()) {
                return o;
            }
        }
        return c;
    }

    static String fmt(double v) {
        return NumberText.sig3(v);
    }
}
