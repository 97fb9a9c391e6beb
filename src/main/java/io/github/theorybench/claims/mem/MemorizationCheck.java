package io.github.theorybench.claims.mem;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.MemorizingReluNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * MEM-1 (CLAIMS.md; 003, Zhang et al. Theorem 1): a two-layer ReLU net with 2n + d weights represents any labels on
 * n points in d dimensions ({@link MemorizingReluNet}: one direction a, sorted thresholds, a triangular solve).
 * Instance: x_i ~ N(0, I_d), d = 10, labels y_i ~ N(0, 1), a uniform on the sphere. Checks per (n, seed):
 * parameter count exactly 2n + d; componentwise backward error of the triangular solve ≤ 1e−13; and the net's own
 * evaluation |f(x_i) − y_i| ≤ 10·ε·Σ_j|A_ij||w_j| for every i (ε = 2^−52), i.e. exact up to the rounding of the
 * cancelling sum, with the amplification max_i Σ_j|A_ij||w_j| / max|y| reported.
 * <p>Control (CLAIMS.md's calibration): a fixed residual threshold max|f − y| ≤ 1e−9·max|y| at the largest n. The
 * construction amplifies rounding by ~1e10 at n = 2000 (thresholds squeezed between neighbouring projections make
 * w huge and the sum cancel), so a threshold that ignores the amplification must fail there — it bites because of
 * the conditioning, not an arbitrary factor.
 */
public final class MemorizationCheck implements ClaimCheck {
    static final int D = 10;
    static final double EPS = Math.ulp(1.0);

    @Override
    public List<String> ids() {
        return List.of("MEM-1");
    }

    /** One construction and its measurements. */
    record Fit(int n, int params, double backwardError, double residual, double residualRatio, double scale,
            double maxY, double minGap) {
        double amplification() {
            return scale / maxY;
        }

        /** max_i |f(x_i) − y_i| / max|y|, the control's statistic. */
        double relativeResidual() {
            return residual / maxY;
        }
    }

    static Fit fit(Backend b, int n, long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, D, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        DenseMatrix a = RandomMatrices.unitRows(1, D, rng);
        MemorizingReluNet net = MemorizingReluNet.construct(b, x, y, a.data());
        double[] f = net.evaluate(b, x);
        double[] abs = net.absoluteProducts(b, x);
        double res = 0, ratio = 0, maxY = 0, scale = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.abs(f[i] - y[i]);
            res = Math.max(res, r);
            ratio = Math.max(ratio, r / (10 * EPS * abs[i]));      // |f(x_i) − y_i| / (10 ε Σ_j|A_ij||w_j|)
            maxY = Math.max(maxY, Math.abs(y[i]));
            scale = Math.max(scale, abs[i]);
        }
        return new Fit(n, net.parameterCount(), net.backwardError(b), res, ratio, scale, maxY, net.minGap());
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return run(ctx, ctx.quick() ? new int[] {10, 100, 2000} : new int[] {10, 100, 500, 1000, 2000});
    }

    /** The check over the sizes {@code ns} (the control at the last one); tests run it on small sizes. */
    CheckResult run(CheckContext ctx, int[] ns) {
        Backend b = ctx.backend();
        int seeds = ctx.quick() ? 2 : 5;
        CheckResult out = new CheckResult();
        List<List<String>> rows = new ArrayList<>();
        int largest = ns[ns.length - 1];
        for (int n : ns) {
            for (int s = 0; s < seeds; s++) {
                long seed = ctx.seed() * 1000 + 400 + s;
                Fit r = fit(b, n, seed);
                boolean hyp = r.minGap() > 0;
                out.add(base(ctx, seed, n).check("parameter count (n=" + n + ")").observed(r.params())
                        .bound(2 * n + D).holds(r.params() == 2 * n + D).detail(String.format(Locale.ROOT,
                                "|a| + |b| + |w| = %d, 2n + d = %d", r.params(), 2 * n + D)).build());
                out.add(base(ctx, seed, n).check("triangular solve backward error (n=" + n + ")")
                        .hypothesisMet(hyp).observed(r.backwardError()).bound(1e-13).detail(String.format(
                                Locale.ROOT, "componentwise backward error max_i |y - A w|_i / (|A||w| + |y|)_i ="
                                        + " %.3g (residual in compensated arithmetic)", r.backwardError())).build());
                out.add(base(ctx, seed, n).check("interpolation residual (n=" + n + ")").hypothesisMet(hyp)
                        .observed(r.residualRatio()).bound(1.0).measure("amplification", r.amplification())
                        .measure("residual", r.residual()).measure("residual_over_max_y", r.relativeResidual())
                        .measure("min_gap", r.minGap()).detail(String.format(Locale.ROOT, "max_i |f(x_i) - y_i| /"
                                + " (10 eps sum_j |A_ij||w_j|) = %.3g <= 1; max residual %.3g, amplification max_i"
                                + " sum_j |A_ij||w_j| / max|y| = %.3g, residual/max|y| = %.3g, min gap of a^T x ="
                                + " %.3g", r.residualRatio(), r.residual(), r.amplification(), r.relativeResidual(),
                                r.minGap())).build());
                if (n == largest) {
                    out.add(base(ctx, seed, n).control().check("control: fixed residual 1e-9 max|y| (n=" + n + ")")
                            .observed(r.relativeResidual()).bound(1e-9).measure("amplification",
                                    r.amplification()).detail(String.format(Locale.ROOT, "residual/max|y| = %.3g"
                                            + " against a fixed 1e-9 that ignores the amplification %.3g",
                                            r.relativeResidual(), r.amplification())).build());
                }
                rows.add(List.of(String.valueOf(n), String.valueOf(seed), String.valueOf(r.params()),
                        fmt(r.amplification()), fmt(r.backwardError()), fmt(r.relativeResidual()),
                        fmt(r.residualRatio())));
            }
            ctx.progress("MEM-1 n=" + n + " done");
        }
        out.table(new Table("MEM-1-construction", String.format(Locale.ROOT, "MEM-1: Zhang et al. construction on"
                + " n Gaussian points in d = %d (labels N(0,1))", D), List.of("n", "seed", "params (2n+d)",
                "amplification max(|A||w|)/max|y|", "backward error", "residual/max|y|",
                "max_i |f_i - y_i| / (10 eps (|A||w|)_i)"), rows, "residual = max_i |f(x_i) - y_i| of the net's own evaluation"
                        + " (features ReLU(Xa - b), one GEMV); backward error componentwise, residual in compensated"
                        + " arithmetic."));
        return out;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static Verdict.Builder base(CheckContext ctx, long seed, int n) {
        return Verdict.builder("MEM-1").seed(seed).size("n", n).size("d", D).backend(ctx.backend().name());
    }
}
