package io.github.theorybench.claims.balance;

import io.github.theorybench.model.sensing.SensingInstance;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorizedSensing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BAL-1..3 (002, the balancedness lemma) along gradient descent U ← U − μ∇_U L, V ← V − μ∇_V L on
 * L(U, V) = ½‖𝒜(UVᵀ) − y‖² (d₁ = d₂ = 20, r* = 2, n = 800, T = 300):
 * BAL-1 Uᵀ∇_U L = (∇_V L)ᵀV; BAL-2 ‖B_{t+1} − B_t‖_F ≤ μ²(‖∇_U‖² + ‖∇_V‖²); BAL-3 ‖B_t‖_F ≤ ‖B₀‖_F + 2μ(L₀ − L_t),
 * whose hypothesis — each step decreased L by at least (μ/2)(‖∇_U‖² + ‖∇_V‖²) — is recorded at every step.
 */
public final class BalancednessCheck implements ClaimCheck {
    @Override
    public List<String> ids() {
        return List.of("BAL-1", "BAL-2", "BAL-3");
    }

    /** Per-run measurements of the three claims. */
    record Run(double mu, double alpha, int r, double bal1, double bal2Ratio, double bal2Identity, double bal3Ratio,
            boolean bal3Held, boolean hypothesisEveryStep, int hypothesisFailures, double finalLoss, double loss0,
            double[] t, double[] bNorm, double[] bound, double bal3HalfRatio) {
    }

    static Run descend(Backend b, SensingInstance inst, double mu, int steps) {
        DenseMatrix u = inst.u0().copy(), v = inst.v0().copy();
        FactorizedSensing.Evaluation ev = inst.loss().asymmetric(u, v);
        double loss0 = ev.loss();
        double b0 = SensingInstance.imbalance(b, u, v).frobeniusNorm();
        double bal1 = 0, bal2 = 0, bal2Id = 0, bal3 = 0, bal3Half = 0;
        boolean held = true, hyp = true;
        int failures = 0;
        double[] t = new double[steps + 1], bn = new double[steps + 1], bd = new double[steps + 1];
        t[0] = 0;
        bn[0] = b0;
        bd[0] = b0;
        DenseMatrix bPrev = SensingInstance.imbalance(b, u, v);
        for (int s = 0; s < steps; s++) {
            // BAL-1: Uᵀ∇_U L against (∇_V L)ᵀ V, relative to their size
            DenseMatrix left = b.multiply(true, false, u, ev.gradU()).toDense();
            DenseMatrix right = b.multiply(true, false, ev.gradV(), v).toDense();
            double scale = Math.max(left.frobeniusNorm(), Double.MIN_NORMAL);
            bal1 = Math.max(bal1, left.plusScaled(-1, right).frobeniusNorm() / scale);
            double g2 = ev.gradientNormSquared();
            DenseMatrix un = u.plusScaled(-mu, ev.gradU()), vn = v.plusScaled(-mu, ev.gradV());
            DenseMatrix bNext = SensingInstance.imbalance(b, un, vn);
            double step = bNext.plusScaled(-1, bPrev).frobeniusNorm();
            // BAL-2's identity: B_{t+1} − B_t = μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)
            DenseMatrix predicted = b.gram(true, ev.gradU()).toDense().plusScaled(-1, b.gram(true, ev.gradV()))
                    .scale(mu * mu);
            bal2Id = Math.max(bal2Id, bNext.plusScaled(-1, bPrev).plusScaled(-1, predicted).frobeniusNorm()
                    / Math.max(predicted.frobeniusNorm(), Double.MIN_NORMAL));
            if (mu * mu * g2 > 0) {
                bal2 = Math.max(bal2, step / (mu * mu * g2));
            }
            FactorizedSensing.Evaluation next = inst.loss().asymmetric(un, vn);
            boolean decrease = ev.loss() - next.loss() >= 0.5 * mu * g2;    // BAL-3's hypothesis at this step
            if (!decrease) {
                hyp = false;
                failures++;
            }
            u = un;
            v = vn;
            ev = next;
            bPrev = bNext;
            double bNorm = bNext.frobeniusNorm();
            double bound = b0 + 2 * mu * (loss0 - ev.loss());
            t[s + 1] = s + 1;
            bn[s + 1] = bNorm;
            bd[s + 1] = bound;
            if (!Double.isFinite(bNorm) || !(bNorm <= bound * (1 + 1e-12))) {
                held = false;
            }
            if (Double.isFinite(bNorm) && bound > 0) {
                bal3 = Math.max(bal3, bNorm / bound);
                bal3Half = Math.max(bal3Half, bNorm / (b0 + mu * (loss0 - ev.loss())));
            }
            if (!Double.isFinite(ev.loss()) || ev.loss() > 1e12 * loss0) {
                held = false;           // diverged: the bound cannot hold for a non-finite B_t
                t = java.util.Arrays.copyOf(t, s + 2);
                bn = java.util.Arrays.copyOf(bn, s + 2);
                bd = java.util.Arrays.copyOf(bd, s + 2);
                break;
            }
        }
        return new Run(mu, inst.alpha(), inst.r(), bal1, bal2, bal2Id, bal3, held, hyp, failures, ev.loss(), loss0, t, bn,
                bd, bal3Half);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return run(ctx, 20, 800);
    }

    /** The check on d × d targets with n measurements (the break at r = d); tests run it on small sizes. */
    CheckResult run(CheckContext ctx, int d, int n) {
        Backend b = ctx.backend();
        int steps = ctx.quick() ? 150 : 300;
        CheckResult out = new CheckResult();
        SensingInstance stable = SensingInstance.build(b, ctx.seed(), d, d, 2, 4, n, 1e-3);
        Run ok = descend(b, stable, 0.1, steps);
        // the calibrated break: α = 0.3, r = 20, μ = 0.5 (CLAIMS.md calibration notes)
        SensingInstance big = SensingInstance.build(b, ctx.seed(), d, d, 2, d, n, 0.3);
        Run broken = descend(b, big, 0.5, steps);
        for (Run run : List.of(ok, broken)) {
            SensingInstance inst = run == ok ? stable : big;
            String tag = String.format(Locale.ROOT, "mu = %.2g, alpha = %.0e, r = %d", run.mu(), run.alpha(), run.r());
            out.add(base("BAL-1", inst, ctx).check("U^T grad_U = grad_V^T V, " + tag).observed(run.bal1())
                    .bound(1e-12).hypothesisMet(true).detail("max relative error over iterates, loss convention 1/2")
                    .build());
            out.add(base("BAL-2", inst, ctx).check("one-step bound, " + tag).observed(run.bal2Ratio()).bound(1.0)
                    .measure("identityRelativeError", run.bal2Identity())
                    .detail(String.format(Locale.ROOT, "max ||B_{t+1} - B_t|| / (mu^2 (||grad_U||^2 + ||grad_V||^2)); "
                            + "the identity B_{t+1} - B_t = mu^2 (grad_U' grad_U - grad_V' grad_V) holds to %.1e",
                            run.bal2Identity())).build());
            out.add(base("BAL-3", inst, ctx).check("balancedness lemma, " + tag).hypothesisMet(run.hypothesisEveryStep())
                    .observed(run.bal3Ratio()).bound(1.0).holds(run.bal3Held())
                    .measure("hypothesisFailures", run.hypothesisFailures()).measure("finalLossOverL0",
                            run.finalLoss() / run.loss0())
                    .measure("minBound", java.util.Arrays.stream(run.bound()).min().orElse(Double.NaN))
                    .detail(String.format(Locale.ROOT, "max_t ||B_t|| / (||B_0|| + 2 mu (L_0 - L_t)); sufficient "
                            + "decrease failed at %d of %d steps; L_T/L_0 = %.3g%s", run.hypothesisFailures(),
                            run.t().length - 1, run.finalLoss() / run.loss0(), run.bal3Held() ? ""
                                    : "; the run diverged: L_t > L_0 made the bound negative (min "
                                    + String.format(Locale.ROOT, "%.3g", java.util.Arrays.stream(run.bound()).min()
                                            .orElse(Double.NaN)) + ") while ||B_t|| grew")).build());
        }
        // controls (on the stable run): BAL-1 identity for a loss outside the lemma (penalty on U only), BAL-2 and
        // BAL-3 against half their bounds
        DenseMatrix u = stable.u0().scale(1 / stable.alpha()).scale(0.3), v = stable.v0().scale(1 / stable.alpha()).scale(0.3);
        FactorizedSensing.Evaluation ev = stable.loss().asymmetric(u, v);
        DenseMatrix penalizedGradU = ev.gradU().plusScaled(0.1, u);        // ∇_U of L + 0.05‖U‖²
        DenseMatrix left = b.multiply(true, false, u, penalizedGradU).toDense();
        DenseMatrix right = b.multiply(true, false, ev.gradV(), v).toDense();
        out.add(base("BAL-1", stable, ctx).control().check("identity for L + 0.05||U||^2 (not a function of UV^T)")
                .observed(left.plusScaled(-1, right).frobeniusNorm() / left.frobeniusNorm()).bound(1e-12).build());
        // BAL-2's ratio is largest when one factor's gradient dominates: the unbalanced α = 0.3, r = 20 start
        out.add(base("BAL-2", big, ctx).control().check("one-step bound halved, alpha = 0.3, r = 20")
                .observed(broken.bal2Ratio()).bound(0.5).build());
        out.add(base("BAL-3", stable, ctx).control().check("lemma bound halved, mu = 0.1").observed(ok.bal3Ratio())
                .bound(0.5).build());
        List<Figure.Series> series = new ArrayList<>();
        series.add(new Figure.Series("||B_t||_F, mu = 0.1", ok.t(), ok.bNorm(), false));
        series.add(new Figure.Series("bound ||B_0|| + 2 mu (L_0 - L_t), mu = 0.1", ok.t(), ok.bound(), true));
        series.add(new Figure.Series("||B_t||_F, mu = 0.5, alpha = 0.3, r = 20", broken.t(), broken.bNorm(), false));
        series.add(new Figure.Series("bound, mu = 0.5", broken.t(), broken.bound(), true));
        out.figure(new Figure("BAL-3-balancedness", "BAL-3: ||B_t||_F against the lemma's bound", "step t",
                "||U'U - V'V||_F", false, true, series));
        return out;
    }

    static Verdict.Builder base(String id, SensingInstance inst, CheckContext ctx) {
        return Verdict.builder(id).seed(inst.seed()).backend(ctx.backend().name()).size("d1", inst.d1())
                .size("d2", inst.d2()).size("rStar", inst.rStar()).size("r", inst.r()).size("n", inst.n())
                .measure("alpha", inst.alpha());
    }
}
