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
import java.util.List;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * BAL-4 (002): gradient flow conserves B = UᵀU − VᵀV (dB/dt = −(Uᵀ∇_U + ∇_UᵀU) + (Vᵀ∇_V + ∇_VᵀV) = 0 by BAL-1),
 * so gradient descent's drift max_t ‖B_t − B₀‖_F, a sum of μ² terms over T = τ/μ steps, falls like μ: fitted slope
 * in [0.9, 1.1] over μ spanning two decades at the same total time τ = μT.
 */
public final class DriftScalingCheck implements ClaimCheck {
    @Override
    public List<String> ids() {
        return List.of("BAL-4");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return run(ctx, 20, 800, ctx.quick() ? new double[] {0.1, 0.03, 0.01, 0.003, 0.001}
                : new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001});
    }

    /** The check on a d × d target with n measurements over the step sizes {@code mus}; tests use small sizes. */
    CheckResult run(CheckContext ctx, int d, int n, double[] mus) {
        Backend b = ctx.backend();
        double tau = 3.0;
        SensingInstance inst = SensingInstance.build(b, ctx.seed(), d, d, 2, 4, n, 0.1);
        double[] drift = new double[mus.length];
        SimpleRegression reg = new SimpleRegression();
        for (int k = 0; k < mus.length; k++) {
            double mu = mus[k];
            int steps = (int) Math.round(tau / mu);
            DenseMatrix u = inst.u0().copy(), v = inst.v0().copy();
            DenseMatrix b0 = SensingInstance.imbalance(b, u, v);
            double worst = 0;
            for (int s = 0; s < steps; s++) {
                FactorizedSensing.Evaluation ev = inst.loss().asymmetric(u, v);
                u = u.plusScaled(-mu, ev.gradU());
                v = v.plusScaled(-mu, ev.gradV());
                worst = Math.max(worst, SensingInstance.imbalance(b, u, v).plusScaled(-1, b0).frobeniusNorm());
            }
            drift[k] = worst;
            reg.addData(Math.log(mu), Math.log(worst));
            ctx.progress("BAL-4 mu = " + mu + ": drift " + worst);
        }
        CheckResult out = new CheckResult();
        out.add(Verdict.builder("BAL-4").check("drift of B under GD against mu, same mu T").seed(ctx.seed())
                .backend(b.name()).size("d1", d).size("d2", d).size("rStar", 2).size("r", 4).size("n", n)
                .size("muT", tau).observed(reg.getSlope()).bound(1.0).slack(reg.getSlope()).window(0.9, 1.1)
                .measure("alpha", inst.alpha()).measure("slopeStdErr", reg.getSlopeStdErr())
                .detail("least-squares slope of log max_t ||B_t - B_0||_F against log mu").build());
        double[] ref = new double[mus.length];
        for (int k = 0; k < mus.length; k++) {
            ref[k] = drift[0] * mus[k] / mus[0];
        }
        out.figure(new Figure("BAL-4-drift", "BAL-4: drift of U'U - V'V under GD against the step size (mu T = 3)",
                "step size mu", "max_t ||B_t - B_0||_F", true, true,
                List.of(new Figure.Series("gradient descent", mus, drift, false),
                        new Figure.Series("slope 1 reference", mus, ref, true))));
        return out;
    }
}
