package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * BAL-1..3 (002, the balancedness lemma) along gradient descent U ← U − μ∇_U L, V ← V − μ∇_V L on
 * L(U, V) = ½‖𝒜(UVᵀ) − y‖² (d₁ = d₂ = 20, r* = 2, n = 800, T = 300):
 * BAL-1 Uᵀ∇_U L = (∇_V L)ᵀV; BAL-2 ‖B_{t+1} − B_t‖_F ≤ μ²(‖∇_U‖² + ‖∇_V‖²); BAL-3 ‖B_t‖_F ≤ ‖B₀‖_F + 2μ(L₀ − L_t),
 * whose hypothesis — each step decreased L by at least (μ/2)(‖∇_U‖² + ‖∇_V‖²) — is recorded at every step.
 */
public final class BalancednessCheck extends MeasuredCheck<BalancednessCheck.Sizes, BalancednessCheck.Measurement> {
    public static final Criterion GRADIENT_IDENTITY = Criterion.claim("BAL-1", "gradientIdentity");
    public static final Criterion GRADIENT_IDENTITY_PENALIZED = Criterion.control("BAL-1",
            "gradientIdentityPenalizedLoss");
    public static final Criterion ONE_STEP_BOUND = Criterion.claim("BAL-2", "oneStepBound");
    public static final Criterion ONE_STEP_HALF_BOUND = Criterion.control("BAL-2", "oneStepHalfBound");
    public static final Criterion LEMMA = Criterion.claim("BAL-3", "balancednessLemma");
    public static final Criterion LEMMA_HALF_BOUND = Criterion.control("BAL-3", "lemmaHalfBound");

    /** BAL-1's tolerance on the relative error of the identity (CLAIMS.md). */
    static final double IDENTITY_TOLERANCE = 1e-12;
    /** The penalty λ of the BAL-1 control's loss L + (λ/2)‖U‖². */
    static final double PENALTY = 0.1;

    /**
     * d₁ = d₂ = d, n measurements, r* = 2; the stable run (r = 4, α = 1e−3, μ = 0.1) and the calibrated break
     * (r = d, α = 0.3, μ = 0.5: CLAIMS.md calibration notes), each for {@code steps} steps.
     */
    public record Sizes(int d, int n, int steps) {
        /** CLAIMS.md: d₁ = d₂ = 20, r* = 2, n = 800, T = 300. */
        public static Sizes claims() {
            return new Sizes(20, 800, 300);
        }

        public static Sizes quick() {
            return new Sizes(20, 800, 150);
        }
    }

    /** The stable and the breaking run, and the BAL-1 control's relative error at one point. */
    public record Measurement(BalancedDescent stable, BalancedDescent broken, Provenance controlProvenance,
            double penalizedIdentityError) {
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
        long seed = SeedStream.of(ctx.seed(), "BAL").seed(0);
        SensingInstance stable = SensingInstance.build(b, seed, sizes.d(), sizes.d(), 2, 4, sizes.n(), 1e-3);
        BalancedDescent ok = BalancedDescent.measure(b, stable, 0.1, sizes.steps());
        // the calibrated break: α = 0.3, r = d, μ = 0.5 (CLAIMS.md calibration notes)
        SensingInstance big = SensingInstance.build(b, seed, sizes.d(), sizes.d(), 2, sizes.d(), sizes.n(), 0.3);
        BalancedDescent broken = BalancedDescent.measure(b, big, 0.5, sizes.steps());
        // BAL-1 control: the identity for L + (λ/2)‖U‖² (not a function of UVᵀ) at U = 0.3Ū, V = 0.3V̄
        DenseMatrix u = stable.u0().scale(1 / stable.alpha()).scale(0.3);
        DenseMatrix v = stable.v0().scale(1 / stable.alpha()).scale(0.3);
        FactorizedSensing.Evaluation ev = stable.loss().asymmetric(u, v);
        DenseMatrix left = b.multiply(true, false, u, ev.gradU().plusScaled(PENALTY, u)).toDense();
        DenseMatrix right = b.multiply(true, false, ev.gradV(), v).toDense();
        double control = left.plusScaled(-1, right).frobeniusNorm() / left.frobeniusNorm();
        return new Measurement(ok, broken, ok.provenance(), control);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (BalancedDescent run : List.of(m.stable(), m.broken())) {
            out.addAll(runVerdicts(run));
        }
        out.add(Verdict.builder(GRADIENT_IDENTITY_PENALIZED).at(m.controlProvenance())
                .measure("alpha", m.stable().alpha())
                .check("identity for L + 0.05||U||^2 (not a function of UV^T)")
                .observed(m.penalizedIdentityError()).bound(IDENTITY_TOLERANCE).build());
        // BAL-2's ratio is largest when one factor's gradient dominates: the unbalanced α = 0.3, r = d start
        out.add(Verdict.builder(ONE_STEP_HALF_BOUND).at(m.broken().provenance()).measure("alpha", m.broken().alpha())
                .check("one-step bound halved, alpha = 0.3, r = 20").observed(m.broken().bal2Ratio()).bound(0.5)
                .build());
        out.add(Verdict.builder(LEMMA_HALF_BOUND).at(m.stable().provenance()).measure("alpha", m.stable().alpha())
                .check("lemma bound halved, mu = 0.1").observed(m.stable().bal3Ratio()).bound(0.5).build());
        return out;
    }

    /** BAL-1, BAL-2 and BAL-3 on one run. */
    static List<Verdict> runVerdicts(BalancedDescent run) {
        String tag = NumberText.format("mu = %.2g, alpha = %.0e, r = %d", run.mu(), run.alpha(), run.r());
        List<Verdict> out = new ArrayList<>();
        out.add(Verdict.builder(GRADIENT_IDENTITY).at(run.provenance()).measure("alpha", run.alpha())
                .check("U^T grad_U = grad_V^T V, " + tag).observed(run.bal1()).bound(IDENTITY_TOLERANCE)
                .detail("max relative error over iterates, loss convention 1/2").build());
        out.add(Verdict.builder(ONE_STEP_BOUND).at(run.provenance()).measure("alpha", run.alpha())
                .check("one-step bound, " + tag).observed(run.bal2Ratio()).bound(1.0)
                .measure("identityRelativeError", run.bal2Identity())
                .detail(NumberText.format("max ||B_{t+1} - B_t|| / (mu^2 (||grad_U||^2 + ||grad_V||^2)); the identity "
                        + "B_{t+1} - B_t = mu^2 (grad_U' grad_U - grad_V' grad_V) holds to %.1e", run.bal2Identity()))
                .build());
        int steps = run.t().length - 1;
        out.add(Verdict.builder(LEMMA).at(run.provenance()).measure("alpha", run.alpha())
                .check("balancedness lemma, " + tag).hypothesisMet(run.hypothesisEveryStep())
                .observed(run.bal3Ratio()).bound(1.0).holds(run.bal3Held())
                .measure("hypothesisFailures", run.hypothesisFailures())
                .measure("finalLossOverL0", run.finalLoss() / run.loss0()).measure("minBound", run.minBound())
                .detail(NumberText.format("max_t ||B_t|| / (||B_0|| + 2 mu (L_0 - L_t)); sufficient decrease failed at "
                        + "%d of %d steps; L_T/L_0 = %.3g%s", run.hypothesisFailures(), steps,
                        run.finalLoss() / run.loss0(), run.bal3Held() ? "" : "; the run diverged: L_t > L_0 made the "
                                + "bound negative (min " + NumberText.sig3(run.minBound()) + ") while ||B_t|| grew"))
                .build());
        return out;
    }

    @Override
    public List<Figure> figures(Measurement m) {
        BalancedDescent ok = m.stable(), broken = m.broken();
        List<Figure.Series> series = new ArrayList<>();
        series.add(new Figure.Series("||B_t||_F, mu = 0.1", ok.t(), ok.bNorm(), false));
        series.add(new Figure.Series("bound ||B_0|| + 2 mu (L_0 - L_t), mu = 0.1", ok.t(), ok.bound(), true));
        series.add(new Figure.Series("||B_t||_F, mu = 0.5, alpha = 0.3, r = 20", broken.t(), broken.bNorm(), false));
        series.add(new Figure.Series("bound, mu = 0.5", broken.t(), broken.bound(), true));
        return List.of(new Figure("BAL-3-balancedness", "BAL-3: ||B_t||_F against the lemma's bound", "step t",
                "||U'U - V'V||_F", false, true, series));
    }
}
