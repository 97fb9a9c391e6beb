package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.DeepReluKernels;
import io.github.theorybench.model.DeepReluNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * NTK-3 (CLAIMS.md; seed 003_e3d7742aedb82e06.txt, Arora et al. 2019): the empirical NTK of the L-hidden-layer ReLU
 * net {@link DeepReluNet} (first layer W₁x unscaled, later layers and output scaled by sqrt(c_σ/m), c_σ = 2, all
 * weights N(0,1) and trained) converges to the recursion {@link DeepReluKernels}; the fitted log-log slope of the
 * relative Frobenius error (mean over seeds) must lie in [−0.6, −0.4], for L = 2 and 3 (≥ 10 seeds at L = 3).
 * Controls (CLAIMS.md: the test catches both convention errors): the same slope check against the recursion without
 * the output layer's Σ⁽ᴸ⁾ term, and without c_σ in Σ̇, must fail (the error plateaus at 0.2–1.5).
 */
public final class DeepKernelConvergenceCheck implements ClaimCheck {
    static final double LOW = -0.6, HIGH = -0.4;
    private final int[] quickWidths, fullWidths;
    private final int seeds;

    /** CLAIMS.md sizes: m = 64..1024 quick, 64..2048 full (doubling), 10 seeds. */
    public DeepKernelConvergenceCheck() {
        this(new int[] {64, 128, 256, 512, 1024}, new int[] {64, 128, 256, 512, 1024, 2048}, 10);
    }

    /** Test hook: the same check over other widths and seed counts (small instances for fast tests). */
    DeepKernelConvergenceCheck(int[] quickWidths, int[] fullWidths, int seeds) {
        this.quickWidths = quickWidths.clone();
        this.fullWidths = fullWidths.clone();
        this.seeds = seeds;
    }

    @Override
    public List<String> ids() {
        return List.of("NTK-3");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        int n = 6, d = 4;
        int[] widths = ctx.quick() ? quickWidths : fullWidths;
        DenseMatrix x = RandomMatrices.unitRows(n, d, RandomMatrices.rng(ctx.seed()));
        CheckResult result = new CheckResult();
        List<Figure.Series> series = new ArrayList<>();
        double[] ms = new double[widths.length];
        for (int k = 0; k < widths.length; k++) {
            ms[k] = widths[k];
        }
        for (int hidden : new int[] {2, 3}) {
            DenseMatrix theta = DeepReluKernels.ntkMatrix(hidden, x);
            DenseMatrix noOutput = DeepReluKernels.matrix(hidden, x, false, true);
            DenseMatrix noCSigma = DeepReluKernels.matrix(hidden, x, true, false);
            double[] err = new double[widths.length], errNoOut = new double[widths.length],
                    errNoC = new double[widths.length];
            for (int s = 0; s < seeds; s++) {
                RandomGenerator rng = RandomMatrices.rng(ctx.seed() * 1000 + 100 * hidden + s);
                for (int k = 0; k < widths.length; k++) {
                    DeepReluNet net = DeepReluNet.gaussian(ctx.backend(), d, widths[k], hidden, rng);
                    DenseMatrix gram = net.gramStructured(x);
                    err[k] += relErr(gram, theta) / seeds;
                    errNoOut[k] += relErr(gram, noOutput) / seeds;
                    errNoC[k] += relErr(gram, noCSigma) / seeds;
                }
                ctx.progress("NTK-3 L=" + hidden + " seed " + (s + 1) + "/" + seeds);
            }
            double diag = theta.get(0, 0);
            result.add(verdict(ctx, hidden, "kernel error slope in m (mean over seeds)", ms, err, seeds, n, d, diag,
                    false));
            result.add(verdict(ctx, hidden, "control: recursion without the output layer's Sigma^(L) term", ms,
                    errNoOut, seeds, n, d, diag, true));
            result.add(verdict(ctx, hidden, "control: recursion without c_sigma in Sigma-dot", ms, errNoC, seeds, n,
                    d, diag, true));
            series.add(new Figure.Series("L = " + hidden + " (mean over " + seeds + " seeds, slope "
                    + String.format(Locale.ROOT, "%.3f", LineFit.logLog(ms, err).slope()) + ")", ms, err, false));
            series.add(new Figure.Series("reference m^-1/2 (L = " + hidden + ")", ms,
                    LineFit.referenceLine(ms, err, -0.5), true));
        }
        result.figure(new Figure("ntk3-deep-kernel-error-vs-width",
                "NTK-3: deep ReLU empirical NTK error vs width", "width m", "||Theta_m - Theta||_F / ||Theta||_F",
                true, true, series));
        return result;
    }

    private static double relErr(DenseMatrix a, DenseMatrix ref) {
        return a.plusScaled(-1.0, ref).frobeniusNorm() / ref.frobeniusNorm();
    }

    private static Verdict verdict(CheckContext ctx, int hidden, String check, double[] ms, double[] err, int seeds,
            int n, int d, double diag, boolean control) {
        LineFit fit = LineFit.logLog(ms, err);
        Verdict.Builder b = Verdict.builder("NTK-3").check(check + " (L = " + hidden + ")").observed(fit.slope())
                .bound(-0.5).window(LOW, HIGH).seed(ctx.seed()).size("L", hidden).size("n", n).size("d", d)
                .size("m_min", (int) ms[0]).size("m_max", (int) ms[ms.length - 1]).size("seeds", seeds)
                .backend(ctx.backend().name()).activation("relu").measure("error_at_m_min", err[0])
                .measure("error_at_m_max", err[err.length - 1]).measure("theta_xx_unit_input", diag)
                .detail(String.format(Locale.ROOT, "F1 = W1 x (unscaled), G_l = sqrt(2/m) relu(F_l), F_l = W_l G_{l-1},"
                        + " f = v G_L, weights N(0,1), all trained; c_sigma = 2 in Sigma and Sigma-dot, output layer"
                        + " adds Sigma^(L); Theta(x,x) = %.6f (L+1 = %d); mean error %.3g at m=%d, %.3g at m=%d",
                        diag, hidden + 1, err[0], (int) ms[0], err[err.length - 1], (int) ms[ms.length - 1]));
        if (control) {
            b.control();
        }
        return b.build();
    }
}
