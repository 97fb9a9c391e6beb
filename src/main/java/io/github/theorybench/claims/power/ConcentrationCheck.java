package io.github.theorybench.claims.power;

import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.SymmetricEigen;
import java.util.List;
import org.hipparchus.stat.regression.SimpleRegression;

/** PWR-3 (002): ‖Z − XXᵀ‖₂/‖XXᵀ‖₂ falls like n^{−1/2} (slope in [−0.6, −0.4]), d = 30, r* = 2. */
public final class ConcentrationCheck implements ClaimCheck {
    @Override
    public List<String> ids() {
        return List.of("PWR-3");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return run(ctx, 30, ctx.quick() ? new int[] {250, 500, 1000, 2000} : new int[] {250, 500, 1000, 2000, 4000, 8000});
    }

    /** The check on d × d targets over the sample sizes {@code ns}; tests run it on small sizes. */
    CheckResult run(CheckContext ctx, int d, int[] ns) {
        double[] x = new double[ns.length], err = new double[ns.length], scaled = new double[ns.length];
        SimpleRegression reg = new SimpleRegression();
        for (int k = 0; k < ns.length; k++) {
            SymmetricSensingInstance inst = SymmetricSensingInstance.build(ctx.backend(), ctx.seed() + k, d, 2, ns[k]);
            SymmetricEigen diff = ctx.backend().eigSym(inst.z().plusScaled(-1, inst.target()));
            err[k] = Math.max(Math.abs(diff.min()), Math.abs(diff.max())) / inst.targetEigen().max();
            scaled[k] = err[k] * Math.sqrt(ns[k] / (double) d);
            x[k] = ns[k];
            reg.addData(Math.log(ns[k]), Math.log(err[k]));
        }
        CheckResult out = new CheckResult();
        out.add(Verdict.builder("PWR-3").check("||Z - XX^T||_2/||XX^T||_2 against n").seed(ctx.seed())
                .backend(ctx.backend().name()).size("d", d).size("rStar", 2).size("n", ns[0] + ".." + ns[ns.length - 1])
                .observed(reg.getSlope()).bound(-0.5).slack(reg.getSlope() / -0.5).window(-0.6, -0.4)
                .measure("errTimesSqrtNOverD_first", scaled[0]).measure("errTimesSqrtNOverD_last", scaled[ns.length - 1])
                .detail("seeds seed..seed+" + (ns.length - 1) + " (one per n); calibrated err*sqrt(n/d) 1.4-1.6")
                .build());
        double[] ref = new double[ns.length];
        for (int k = 0; k < ns.length; k++) {
            ref[k] = err[0] * Math.sqrt((double) ns[0] / ns[k]);
        }
        out.figure(new Figure("PWR-3-concentration", "PWR-3: ||Z - XX'|| / ||XX'|| against the number of measurements",
                "n", "relative spectral error", true, true, List.of(new Figure.Series("measured", x, err, false),
                        new Figure.Series("n^(-1/2) reference", x, ref, true))));
        return out;
    }
}
