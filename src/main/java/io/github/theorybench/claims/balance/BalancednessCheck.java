package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.model.sensing.FactorPair;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * BAL-1..3 (002, the balancedness lemma) along gradient descent (U, V) ← (U, V) − μ(∇_U L, ∇_V L) on
 * L(U, V) = ½‖𝒜(UVᵀ) − y‖² (convention ½; d₁ = d₂ = 20, r* = 2, n = 800, T = 300; {@link SensingInstance}, measured
 * by {@link BalancedDescent}):
 * <ul>
 * <li>BAL-1 Uᵀ∇_U L = (∇_V L)ᵀV to 1e−12 relative; BAL-2 ‖B_{t+1} − B_t‖_F ≤ μ²(‖∇_U‖² + ‖∇_V‖²) and the identity
 * B_{t+1} − B_t = μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V) to round-off. Hypothesis: L depends on (U, V) only through UVᵀ
 * ({@link ProductInvariance}). Control for both: the same statistics along GD on L + (λ/2)‖U‖², which is not a
 * function of UVᵀ, so Uᵀ∇_U − ∇_VᵀV = λUᵀU and B gains a first-order term −2μλUᵀU per step.</li>
 * <li>BAL-3 ‖B_t‖_F ≤ ‖B₀‖_F + 2μ(L₀ − L_t) at every t; hypothesis: every step decreased L by at least
 * (μ/2)(‖∇_U‖² + ‖∇_V‖²) ({@link BalancedDescent#sufficientDecrease}), recorded at each step. Control: the calibrated
 * break (α = 0.3, r = d, μ = 0.5), where GD diverges, L_t > L₀ and the bound turns negative. A step-size sweep at
 * α = 1e−3 shows what happens between: rows whose hypothesis failed are exploratory.</li>
 * </ul>
 */
public final class BalancednessCheck extends MeasuredCheck<BalancednessCheck.Sizes, BalancednessCheck.Measurement> {
    public static final Criterion GRADIENT_IDENTITY = Criterion.claim("BAL-1", "gradientIdentity");
    public static final Criterion GRADIENT_IDENTITY_PENALIZED = Criterion.control("BAL-1",
            "gradientIdentityPenalizedLoss");
    public static final Criterion ONE_STEP_BOUND = Criterion.claim("BAL-2", "oneStepBound");
    public static final Criterion ONE_STEP_IDENTITY = Criterion.claim("BAL-2", "oneStepIdentity");
    public static final Criterion ONE_STEP_BOUND_PENALIZED = Criterion.control("BAL-2", "oneStepBoundPenalizedLoss");
    public static final Criterion ONE_STEP_IDENTITY_PENALIZED = Criterion.control("BAL-2",
            "oneStepIdentityPenalizedLoss");
    public static final Criterion LEMMA = Criterion.claim("BAL-3", "balancednessLemma");
    public static final Criterion LEMMA_DIVERGING = Criterion.control("BAL-3", "balancednessLemmaDivergingStep");
    public static final Criterion LEMMA_OUTSIDE_HYPOTHESIS = Criterion.exploratory("BAL-3",
            "balancednessLemmaLargeStep");

    /** BAL-1's tolerance on the relative error of the identity (CLAIMS.md). */
    static final double IDENTITY_TOLERANCE = 1e-12;
    /** The penalty λ of the controls' loss L + (λ/2)‖U‖². */
    static final double PENALTY = 0.1;
    /** r* and the stable run's r, α, μ; the calibrated break's α (CLAIMS.md calibration notes; r = d). */
    static final int R_STAR = 2, R_STABLE = 4;
    static final double ALPHA_STABLE = 1e-3, MU_STABLE = 0.1, ALPHA_BREAK = 0.3;

    /**
     * d₁ = d₂ = d, n measurements, steps T of every run, the break's step size (α = 0.3, r = d), and the step sizes
     * of the sweep at α = 1e−3, r = 4 that shows what happens to BAL-3 when its hypothesis breaks.
     */
    public record Sizes(int d, int n, int steps, double breakMu, List<Double> sweepMus) {
        /**
         * CLAIMS.md: d₁ = d₂ = 20, r* = 2, n = 800, T = 300; the break "for μ ≥ 0.5 at α = 0.3 with r = 20" and
         * "for μ ≥ 1.5 at α = 1e−3".
         */
        public static Sizes claims() {
            return new Sizes(20, 800, 300, 0.5, List.of(0.5, 1.0, 1.5, 2.0));
        }

        public static Sizes quick() {
            return new Sizes(20, 800, 150, 0.5, List.of(1.0, 2.0));
        }
    }

    /**
     * The stable run (μ = 0.1, α = 1e−3, r = 4), the calibrated break, the controls' run on the penalized loss from the
     * stable start, the step-size sweep, and the hypothesis predicate of BAL-1/2 on both losses.
     */
    public record Measurement(BalancedDescent stable, BalancedDescent broken, BalancedDescent penalized,
            List<BalancedDescent> sweep, ProductInvariance sensingLoss, ProductInvariance penalizedLoss) {
    }

    public BalancednessCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    BalancednessCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("BAL-1", "BAL-2", "BAL-3");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        Backend b = ctx.backend();
        SeedStream seeds = SeedStream.of(ctx.seed(), "BAL");
        long seed = seeds.seed(0);
        int d = sizes.d();
        SensingInstance stable = SensingInstance.build(b, seed, d, d, R_STAR, R_STABLE, sizes.n(), ALPHA_STABLE);
        SensingInstance big = SensingInstance.build(b, seed, d, d, R_STAR, d, sizes.n(), ALPHA_BREAK);
        GradientDescent.Problem<FactorPair> loss = FactorPair.sensing(stable.loss());
        GradientDescent.Problem<FactorPair> penalized = FactorPair.sensingWithPenaltyOnU(stable.loss(), PENALTY);
        BalancedDescent ok = run(b, loss, stable, MU_STABLE, sizes.steps());
        BalancedDescent broken = run(b, loss, big, sizes.breakMu(), sizes.steps());
        BalancedDescent ablated = run(b, penalized, stable, MU_STABLE, sizes.steps());
        List<BalancedDescent> sweep = new ArrayList<>();
        for (double mu : sizes.sweepMus()) {
            sweep.add(run(b, loss, stable, mu, sizes.steps()));
        }
        // BAL-1/2's hypothesis at unit scale (Ū, V̄): rebalancing by G must not change a loss of UVᵀ
        FactorPair unit = new FactorPair(stable.u0().scale(1 / ALPHA_STABLE), stable.v0().scale(1 / ALPHA_STABLE));
        var g = ProductInvariance.rebalancing(R_STABLE, seeds.child("rebalancing").seed(0));
        return new Measurement(ok, broken, ablated, sweep, ProductInvariance.measure(b, loss, unit, g),
                ProductInvariance.measure(b, penalized, unit, g));
    }

    private static BalancedDescent run(Backend b, GradientDescent.Problem<FactorPair> problem, SensingInstance inst,
            double mu, int steps) {
        Provenance prov = Provenance.of(inst.seed(), b.name(), "d1", inst.d1(), "d2", inst.d2(), "rStar",
                inst.rStar(), "r", inst.r(), "n", inst.n(), "steps", steps);
        return BalancedDescent.measure(b, problem, new FactorPair(inst.u0().copy(), inst.v0().copy()), mu,
                inst.alpha(), steps, prov);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        boolean product = m.sensingLoss().holds();
        for (BalancedDescent run : List.of(m.stable(), m.broken())) {
            out.add(gradientIdentity(GRADIENT_IDENTITY, run, product, m.sensingLoss()));
            out.add(oneStepBound(ONE_STEP_BOUND, run, product, m.sensingLoss()));
            out.add(oneStepIdentity(ONE_STEP_IDENTITY, run, product, m.sensingLoss()));
        }
        boolean ablatedHyp = m.penalizedLoss().holds();
        out.add(gradientIdentity(GRADIENT_IDENTITY_PENALIZED, m.penalized(), ablatedHyp, m.penalizedLoss()));
        out.add(oneStepBound(ONE_STEP_BOUND_PENALIZED, m.penalized(), ablatedHyp, m.penalizedLoss()));
        out.add(oneStepIdentity(ONE_STEP_IDENTITY_PENALIZED, m.penalized(), ablatedHyp, m.penalizedLoss()));
        out.add(lemma(LEMMA, m.stable()));
        for (BalancedDescent run : m.sweep()) {
            out.add(lemma(run.hypothesisEveryStep() ? LEMMA : LEMMA_OUTSIDE_HYPOTHESIS, run));
        }
        out.add(lemma(LEMMA_DIVERGING, m.broken()));
        return out;
    }

    static String tag(BalancedDescent run) {
        return NumberText.format("mu = %.2g, alpha = %.0e, r = %d", run.mu(), run.alpha(), run.r());
    }

    private static String loss(Criterion c) {
        return c.role() == Verdict.Role.CONTROL ? "L + 0.05||U||^2 (not a function of UV^T)" : "L";
    }

    /** BAL-1: max over iterates of ‖Uᵀ∇_U − ∇_VᵀV‖/‖Uᵀ∇_U‖ ≤ 1e−12. */
    static Verdict gradientIdentity(Criterion c, BalancedDescent run, boolean hyp, ProductInvariance inv) {
        return Verdict.builder(c).at(run.provenance()).measure("alpha", run.alpha())
                .check("U^T grad_U = grad_V^T V on " + loss(c) + ", " + tag(run)).hypothesisMet(hyp)
                .observed(run.bal1()).bound(IDENTITY_TOLERANCE).measure("roundOffMultiple", run.bal1RoundOff())
                .measure("productInvarianceDefect", inv.defect())
                .detail(NumberText.format("max over iterates of ||U'grad_U - grad_V'V||_F / ||U'grad_U||_F = %.3g; in "
                        + "units of eps (||U|| ||grad_U|| + ||grad_V|| ||V||): %.3g (the relative error grows where "
                        + "U'grad_U is small against its terms); rebalancing defect of the loss %.2g",
                        run.bal1(), run.bal1RoundOff(), inv.defect())).build();
    }

    /** BAL-2's inequality: max over steps of ‖B_{t+1} − B_t‖_F / (μ²(‖∇_U‖² + ‖∇_V‖²)) ≤ 1. */
    static Verdict oneStepBound(Criterion c, BalancedDescent run, boolean hyp, ProductInvariance inv) {
        return Verdict.builder(c).at(run.provenance()).measure("alpha", run.alpha())
                .check("one-step bound on " + loss(c) + ", " + tag(run)).hypothesisMet(hyp).observed(run.bal2Ratio())
                .bound(1.0).measure("productInvarianceDefect", inv.defect())
                .detail("max over steps of ||B_{t+1} - B_t||_F / (mu^2 (||grad_U||_F^2 + ||grad_V||_F^2))").build();
    }

    /**
     * The identity of BAL-2 with a round-off-aware tolerance: ‖(B_{t+1} − B_t) − μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)‖_F ≤
     * (d + 4)·ε·S_t at every step, S_t the sizes of the Grams subtracted. Each Gram of a d × r factor carries an error
     * ≤ d·ε·‖factor‖_F² (inner products of length d; ‖|U|ᵀ|U|‖_F ≤ ‖U‖_F²); the update U − μ∇ and the
     * subtractions add a few ε·S_t more: (d + 4)·ε·S_t is a first-order bound, not a fit to today's error.
     */
    static Verdict oneStepIdentity(Criterion c, BalancedDescent run, boolean hyp, ProductInvariance inv) {
        int d = Math.max((Integer) run.provenance().sizes().get("d1"), (Integer) run.provenance().sizes().get("d2"));
        return Verdict.builder(c).at(run.provenance()).measure("alpha", run.alpha())
                .check("one-step identity on " + loss(c) + ", " + tag(run)).hypothesisMet(hyp)
                .observed(run.bal2IdentityMultiple()).bound(d + 4).measure("overEpsBNorms", run.bal2IdentityOverBNorms())
                .measure("relativeError", run.bal2RelativeError()).measure("relativeFloor", run.bal2RelativeFloor())
                .measure("productInvarianceDefect", inv.defect())
                .detail(NumberText.format("max over steps of ||(B_{t+1} - B_t) - mu^2 (grad_U'grad_U - grad_V'grad_V)"
                        + "||_F / (eps S_t) = %.3g <= d + 4, S_t = ||U_t||^2 + ||V_t||^2 + ||U_{t+1}||^2 + "
                        + "||V_{t+1}||^2 + mu^2 ||grad||^2 (the Grams subtracted); over eps (||B_t|| + ||B_{t+1}||) "
                        + "it is %.3g, since B_t is itself a difference of Grams ~||U||^2; the largest relative error "
                        + "%.2g sits where round-off alone allows %.2g (eps S_t / ||rhs||): cancellation",
                        run.bal2IdentityMultiple(), run.bal2IdentityOverBNorms(), run.bal2RelativeError(),
                        run.bal2RelativeFloor())).build();
    }

    /** BAL-3 at its decisive step t*: ‖B_{t*}‖_F against ‖B₀‖_F + 2μ(L₀ − L_{t*}). */
    static Verdict lemma(Criterion c, BalancedDescent run) {
        return Verdict.builder(c).at(run.provenance()).measure("alpha", run.alpha()).measure("mu", run.mu())
                .check("balancedness lemma, " + tag(run)).hypothesisMet(run.hypothesisEveryStep())
                .observed(run.lemmaNorm()).bound(run.lemmaBound()).holds(run.lemmaHeld())
                .measure("maxRatio", run.lemmaMaxRatio()).measure("decisiveStep", run.lemmaStep())
                .measure("hypothesisFailures", run.hypothesisFailures())
                .measure("firstHypothesisFailure", run.firstHypothesisFailure())
                .measure("firstBoundFailure", run.firstBoundFailure()).measure("minBound", run.minBound())
                .measure("finalLossOverL0", run.finalLoss() / run.loss0())
                .detail(lemmaDetail(run)).build();
    }

    static String lemmaDetail(BalancedDescent run) {
        String s = NumberText.format("||B_t||_F against ||B_0|| + 2 mu (L_0 - L_t) at the decisive step t* = %d "
                + "(largest relative excess); max ratio over t >= 1 %.3g; sufficient decrease failed at %d of %d steps",
                run.lemmaStep(), run.lemmaMaxRatio(), run.hypothesisFailures(), run.steps());
        if (run.firstHypothesisFailure() >= 0) {
            s += NumberText.format(" (first at step %d)", run.firstHypothesisFailure());
        }
        if (run.firstBoundFailure() >= 0) {
            s += NumberText.format("; the bound first failed at t = %d", run.firstBoundFailure());
        }
        if (run.diverged()) {
            s += NumberText.format("; GD diverged (L_t > 1e12 L_0 at t = %d; min bound %s)", run.steps(),
                    NumberText.sig3(run.minBound()));
        } else {
            s += "; L_T/L_0 = " + NumberText.sig3(run.finalLoss() / run.loss0());
        }
        return s;
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        List<BalancedDescent> runs = new ArrayList<>(List.of(m.stable()));
        runs.addAll(m.sweep());
        runs.add(m.broken());
        for (BalancedDescent run : runs) {
            rows.add(List.of(NumberText.sig3(run.mu()), NumberText.sig3(run.alpha()), String.valueOf(run.r()),
                    String.valueOf(run.hypothesisFailures()), String.valueOf(run.firstHypothesisFailure()),
                    String.valueOf(run.firstBoundFailure()), run.diverged() ? "t = " + run.steps() : "no",
                    NumberText.sig3(run.lemmaMaxRatio()), NumberText.sig3(run.finalLoss() / run.loss0())));
        }
        return List.of(new Table("BAL-3-step-size", "BAL-3: what happens to the lemma when the step size breaks its "
                + "hypothesis", List.of("mu", "alpha", "r", "steps without sufficient decrease",
                "first such step", "first t with ||B_t|| > bound", "diverged", "max ||B_t||/bound (bound > 0)",
                "L_T/L_0"), rows, "-1: never. Sufficient decrease: L_t - L_{t+1} >= (mu/2)(||grad_U||^2 + "
                + "||grad_V||^2). The hypothesis fails several steps before the bound does; the bound can fail while "
                + "still positive (L_t < L_0), before GD diverges."));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<Figure> out = new ArrayList<>();
        List<Figure.Series> one = new ArrayList<>();
        for (BalancedDescent run : List.of(m.stable(), m.broken(), m.penalized())) {
            one.add(new Figure.Series(run == m.penalized() ? "control: L + 0.05||U||^2" : tag(run), steps(run),
                    run.bal1PerStep(), false));
        }
        one.add(new Figure.Series("tolerance 1e-12", steps(m.stable()), constant(m.stable(), IDENTITY_TOLERANCE),
                true));
        out.add(new Figure("BAL-1-identity", "BAL-1: ||U'grad_U - grad_V'V||_F / ||U'grad_U||_F along GD", "step t",
                "relative error (dimensionless)", false, true, one));
        List<Figure.Series> two = new ArrayList<>();
        for (BalancedDescent run : List.of(m.stable(), m.broken(), m.penalized())) {
            two.add(new Figure.Series(run == m.penalized() ? "control: L + 0.05||U||^2" : tag(run), steps(run),
                    run.bal2RatioPerStep(), false));
        }
        two.add(new Figure.Series("bound 1", steps(m.stable()), constant(m.stable(), 1.0), true));
        out.add(new Figure("BAL-2-one-step", "BAL-2: ||B_{t+1} - B_t||_F / (mu^2 ||grad||^2) per step", "step t",
                "ratio to the bound (dimensionless)", false, true, two));
        List<Figure.Series> id = new ArrayList<>();
        for (BalancedDescent run : List.of(m.stable(), m.broken())) {
            id.add(new Figure.Series(tag(run), steps(run), run.bal2MultiplePerStep(), false));
        }
        int d = (Integer) m.stable().provenance().sizes().get("d1");
        id.add(new Figure.Series("tolerance d + 4", steps(m.stable()), constant(m.stable(), d + 4), true));
        out.add(new Figure("BAL-2-identity", "BAL-2: identity error per step in units of eps S_t", "step t",
                "||lhs - rhs||_F / (eps S_t)", false, true, id));
        out.add(lemmaFigure(m));
        return out;
    }

    private static Figure lemmaFigure(Measurement m) {
        List<Figure.Series> series = new ArrayList<>();
        List<BalancedDescent> runs = new ArrayList<>(List.of(m.stable()));
        m.sweep().stream().filter(r -> r.firstBoundFailure() > 0).findFirst().ifPresent(runs::add);
        for (BalancedDescent run : runs) {
            double[] t = iterates(run);
            series.add(new Figure.Series("||B_t||_F, " + tag(run), t, run.bNorm(), false));
            series.add(new Figure.Series("bound ||B_0|| + 2 mu (L_0 - L_t), mu = " + NumberText.sig(run.mu(), 2), t,
                    run.bound(), true));
        }
        return new Figure("BAL-3-balancedness", "BAL-3: ||B_t||_F against the lemma's bound (non-positive bounds are "
                + "not drawn)", "step t", "||U'U - V'V||_F", false, true, series);
    }

    private static double[] steps(BalancedDescent run) {
        double[] t = new double[run.steps()];
        for (int k = 0; k < t.length; k++) {
            t[k] = k;
        }
        return t;
    }

    private static double[] iterates(BalancedDescent run) {
        double[] t = new double[run.steps() + 1];
        for (int k = 0; k < t.length; k++) {
            t[k] = k;
        }
        return t;
    }

    private static double[] constant(BalancedDescent run, double v) {
        double[] c = new double[run.steps()];
        java.util.Arrays.fill(c, v);
        return c;
    }
}
