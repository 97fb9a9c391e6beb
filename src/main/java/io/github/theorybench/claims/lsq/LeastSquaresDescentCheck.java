package io.github.theorybench.claims.lsq;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * LSQ-1..3 (CLAIMS.md; seed 002_d419add4266800f0.txt): discrete gradient descent θ_{t+1} = θ_t − η Xᵀ(Xθ_t − y) on
 * ½‖Xθ − y‖², X ∈ R^{n×p} Gaussian (n ≤ p, full row rank), η = 1/‖X‖₂², θ₀ and y Gaussian.
 * <ul>
 * <li>LSQ-1: ‖Xθ_t − y‖ ≤ (1 − ησ_min²)^t ‖Xθ₀ − y‖ while the bound is above 1e−14‖Xθ₀ − y‖; control rate × 2.</li>
 * <li>LSQ-2: ‖θ_T − θ*‖/‖θ*‖ ≤ 1e−8 with θ* = θ₀ + X⁺(y − Xθ₀); ‖θ* − θ₀‖ ≤ ‖θ − θ₀‖ for other minimizers
 * θ = θ* + (I − X⁺X)ξ; control: the limit is not the minimum-norm solution X⁺y (θ₀ ≠ 0).</li>
 * <li>LSQ-3: Σ_t ‖θ_{t+1} − θ_t‖ ≤ min(√n, κ²)‖θ* − θ₀‖; control bound/2 on a κ²-limited instance (n = 50,
 * p = 2000).</li>
 * </ul>
 */
public final class LeastSquaresDescentCheck implements ClaimCheck {
    @Override
    public List<String> ids() {
        return List.of("LSQ-1", "LSQ-2", "LSQ-3");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return run(ctx, 50, 100, 2000);
    }

    /** The check on n × pSqrt (√n-limited) and n × pKappa (κ²-limited) instances; tests run it on small sizes. */
    CheckResult run(CheckContext ctx, int n, int pSqrt, int pKappa) {
        CheckResult result = new CheckResult();
        int seeds = ctx.quick() ? 2 : 5;
        for (int s = 0; s < seeds; s++) {
            long seed = ctx.seed() * 1000 + s;
            result.merge(instance(ctx, seed, n, pSqrt, "sqrt(n)-limited"));
            result.merge(instance(ctx, seed, n, pKappa, "kappa^2-limited"));
        }
        return result;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    private static double[] apply(Backend backend, boolean trans, Matrix x, double[] v) {
        Matrix out = backend.zeros(trans ? x.cols() : x.rows(), 1);
        backend.gemv(trans, 1.0, x, backend.adopt(DenseMatrix.columnVector(v)), 0.0, out);
        return out.toDense().data().clone();
    }

    private static double[] pinvApply(Backend backend, Matrix x, double[] v) {
        return backend.leastSquares(x, backend.adopt(DenseMatrix.columnVector(v))).data().clone();
    }

    static CheckResult instance(CheckContext ctx, long seed, int n, int p, String label) {
        Backend backend = ctx.backend();
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix xd = RandomMatrices.gaussian(n, p, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        double[] theta0 = RandomMatrices.gaussianVector(p, 1.0, rng);
        Matrix x = backend.adopt(xd);
        double[] s = backend.svd(x).s();
        double smax = s[0], smin = s[n - 1];
        double eta = 1.0 / (smax * smax);
        double q = 1.0 - eta * smin * smin; // LSQ-1 contraction factor
        double kappa2 = (smax / smin) * (smax / smin);
        double[] thetaStar = theta0.clone();
        double[] corr = pinvApply(backend, x, minus(y, apply(backend, false, x, theta0)));
        for (int k = 0; k < p; k++) {
            thetaStar[k] += corr[k];
        }
        // GD with the LSQ-1 bound checked while it is above 1e−14 r₀, then run on to convergence (LSQ-2, LSQ-3).
        double[] theta = theta0.clone();
        double r0 = norm(minus(apply(backend, false, x, theta), y));
        double worstSlack = 0, worstSlackAll = 0, worstSlackControl = 0, minRateMultiple = Double.POSITIVE_INFINITY;
        boolean held = true, controlHeld = true;
        double path = 0;
        int t = 0, checkedSteps = 0;
        double tOneOverRate = 1.0 / -Math.log(q);
        int maxSteps = 200_000;
        while (t < maxSteps) {
            double[] res = minus(apply(backend, false, x, theta), y);
            double r = norm(res);
            double bound = Math.pow(q, t) * r0;
            if (bound > 1e-14 * r0) {
                checkedSteps = t;
                held &= r <= bound * (1 + 1e-12);
                controlHeld &= r <= Math.pow(q, 2.0 * t) * r0 * (1 + 1e-12);
                if (t >= 1) {
                    worstSlackAll = Math.max(worstSlackAll, r / bound);
                }
                if (t >= tOneOverRate) {
                    worstSlack = Math.max(worstSlack, r / bound);
                    worstSlackControl = Math.max(worstSlackControl, r / (Math.pow(q, 2.0 * t) * r0));
                    minRateMultiple = Math.min(minRateMultiple, Math.log(r / r0) / (t * Math.log(q)));
                }
            }
            double[] g = apply(backend, true, x, res);
            double step = eta * norm(g);
            for (int k = 0; k < p; k++) {
                theta[k] -= eta * g[k];
            }
            path += step;
            t++;
            if (bound <= 1e-16 * r0) {
                break; // converged to round-off: the remaining steps are below 1e−16 of the first
            }
        }
        double dist0 = norm(minus(thetaStar, theta0));
        double limitErr = norm(minus(theta, thetaStar)) / norm(thetaStar);
        double[] minNorm = pinvApply(backend, x, y);
        double minNormErr = norm(minus(theta, minNorm)) / norm(minNorm);
        // other minimizers θ* + (I − X⁺X)ξ
        double worstRatio = 0;
        for (int k = 0; k < 20; k++) {
            double[] xi = RandomMatrices.gaussianVector(p, 1.0, rng);
            double[] proj = pinvApply(backend, x, apply(backend, false, x, xi));
            double[] other = thetaStar.clone();
            for (int c = 0; c < p; c++) {
                other[c] += xi[c] - proj[c];
            }
            worstRatio = Math.max(worstRatio, dist0 / norm(minus(other, theta0)));
        }
        double pathBound = Math.min(Math.sqrt(n), kappa2) * dist0;
        CheckResult out = new CheckResult();
        String inst = " (" + label + ")";
        out.add(base("LSQ-1", ctx, seed, n, p).check("residual decay" + inst).observed(worstSlack).bound(1.0)
                .slack(worstSlack).holds(held).measure("min_rate_multiple", minRateMultiple)
                .measure("checked_steps", checkedSteps)
                .measure("slack_over_all_t_ge_1", worstSlackAll).measure("eta", eta).measure("sigma_min", smin)
                .measure("sigma_max", smax).detail(String.format(Locale.ROOT, "max over t >= 1/rate of ||X theta_t -"
                        + " y||/bound = %.3f (over t >= 1: %.3f); held at every t <= %d (bound > 1e-14 r0); smallest measured rate ="
                        + " %.3f x the bound's; eta = 1/||X||^2", worstSlack, worstSlackAll, checkedSteps, minRateMultiple))
                .build());
        out.add(base("LSQ-1", ctx, seed, n, p).control().check("control: rate x 2" + inst)
                .observed(worstSlackControl).bound(1.0).holds(controlHeld)
                .detail("bound (1 - eta sigma_min^2)^(2t) ||X theta_0 - y||").build());
        out.add(base("LSQ-2", ctx, seed, n, p).check("limit is theta*" + inst).observed(limitErr).bound(1e-8)
                .holds(limitErr <= 1e-8 && worstRatio <= 1.0).measure("steps", t)
                .measure("max_dist_ratio_other_minimizers", worstRatio)
                .detail(String.format(Locale.ROOT, "||theta_T - theta*||/||theta*|| = %.3g after %d steps;"
                        + " max ||theta* - theta0||/||theta - theta0|| over 20 other minimizers = %.4f (<= 1)",
                        limitErr, t, worstRatio)).build());
        out.add(base("LSQ-2", ctx, seed, n, p).control().check("control: limit is the min-norm solution X^+ y" + inst)
                .observed(minNormErr).bound(1e-8)
                .detail("theta_0 != 0, so GD's limit is theta* = theta_0 + X^+(y - X theta_0), not X^+ y").build());
        out.add(base("LSQ-3", ctx, seed, n, p).check("path length" + inst).observed(path).bound(pathBound)
                .measure("kappa2", kappa2).measure("sqrt_n", Math.sqrt(n))
                .detail(String.format(Locale.ROOT, "sum ||theta_{t+1} - theta_t|| = %.4g <= min(sqrt(n) = %.3f,"
                        + " kappa^2 = %.3f) ||theta* - theta0|| = %.4g", path, Math.sqrt(n), kappa2, pathBound))
                .build());
        if (kappa2 < Math.sqrt(n)) {
            out.add(base("LSQ-3", ctx, seed, n, p).control().check("control: bound / 2" + inst).observed(path)
                    .bound(pathBound / 2).detail("kappa^2-limited instance: half the bound must be violated")
                    .build());
        }
        return out;
    }

    private static Verdict.Builder base(String id, CheckContext ctx, long seed, int n, int p) {
        return Verdict.builder(id).seed(seed).size("n", n).size("p", p).backend(ctx.backend().name());
    }
}
