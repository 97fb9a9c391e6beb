package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * NTK-2 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt): ReLU net in NTK parametrization f = m^{−1/2} Σ_j a_j σ(w_jᵀx),
 * a_j ~ N(0,1), w_j ~ N(0, I_d), both layers trained: ‖K_m − K∞‖_F/‖K∞‖_F falls like m^{−1/2}, with K∞ the closed
 * form of {@link ReluKernels#ntkMatrix}. The fitted log-log slope of the error averaged over seeds (never one
 * seed) must lie in [−0.6, −0.4]. K_m is {@link TwoLayerNet#gramStructured} with trainOuter (K₁ + K₂, NTK-1).
 */
public final class TwoLayerKernelConvergenceCheck implements ClaimCheck {
    static final double LOW = -0.6, HIGH = -0.4;
    private final int[] widths;
    private final int quickSeeds, fullSeeds;

    /** CLAIMS.md sizes: m = 64..16384 (doubling), 6 seeds quick, 20 full. */
    public TwoLayerKernelConvergenceCheck() {
        this(new int[] {64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384}, 6, 20);
    }

    /** Test hook: the same check over other widths and seed counts (small instances for fast tests). */
    TwoLayerKernelConvergenceCheck(int[] widths, int quickSeeds, int fullSeeds) {
        this.widths = widths.clone();
        this.quickSeeds = quickSeeds;
        this.fullSeeds = fullSeeds;
    }

    @Override
    public List<String> ids() {
        return List.of("NTK-2");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        int n = 10, d = 5;
        int seeds = ctx.quick() ? quickSeeds : fullSeeds;
        DenseMatrix x = RandomMatrices.unitRows(n, d, RandomMatrices.rng(ctx.seed()));
        DenseMatrix kInf = ReluKernels.ntkMatrix(x, x);
        double[] mean = new double[widths.length];
        double[] ms = new double[widths.length];
        List<Double> singleSlopes = new ArrayList<>();
        double[][] perSeed = new double[seeds][widths.length];
        for (int s = 0; s < seeds; s++) {
            RandomGenerator rng = RandomMatrices.rng(ctx.seed() * 1000 + 17 + s);
            for (int k = 0; k < widths.length; k++) {
                int m = widths[k];
                ms[k] = m;
                DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng);
                double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
                TwoLayerNet net = new TwoLayerNet(ctx.backend(), x, a, Activation.RELU, 1.0 / Math.sqrt(m), true);
                double err = net.gramStructured(w).plusScaled(-1.0, kInf).frobeniusNorm() / kInf.frobeniusNorm();
                perSeed[s][k] = err;
                mean[k] += err / seeds;
            }
            singleSlopes.add(LineFit.logLog(ms, perSeed[s]).slope());
        }
        LineFit fit = LineFit.logLog(ms, mean);
        double minSingle = singleSlopes.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double maxSingle = singleSlopes.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        Verdict v = Verdict.builder("NTK-2").check("kernel error slope in m (mean over seeds)").observed(fit.slope())
                .bound(-0.5).window(LOW, HIGH).seed(ctx.seed()).size("n", n).size("d", d).size("m_min", widths[0])
                .size("m_max", widths[widths.length - 1]).size("seeds", seeds).backend(ctx.backend().name())
                .activation("relu").measure("error_at_m_min", mean[0])
                .measure("error_at_m_max", mean[widths.length - 1]).measure("single_seed_slope_min", minSingle)
                .measure("single_seed_slope_max", maxSingle)
                .detail(String.format(Locale.ROOT, "f = m^-1/2 sum a_j relu(w_j^T x), a ~ N(0,1), w ~ N(0,I_d), both"
                        + " layers trained, unit x; ||K_m - K_inf||_F/||K_inf||_F averaged over %d weight draws,"
                        + " fitted over m in [%d, %d]; single-seed slopes in [%.3f, %.3f]", seeds, widths[0],
                        widths[widths.length - 1], minSingle, maxSingle))
                .build();
        Figure fig = new Figure("ntk2-kernel-error-vs-width", "NTK-2: two-layer ReLU empirical NTK error vs width",
                "width m", "||K_m - K_inf||_F / ||K_inf||_F", true, true,
                List.of(new Figure.Series("mean over " + seeds + " seeds (slope "
                        + String.format(Locale.ROOT, "%.3f", fit.slope()) + ")", ms, mean, false),
                        new Figure.Series("reference m^-1/2", ms, LineFit.referenceLine(ms, mean, -0.5), true)));
        return new CheckResult().add(v).figure(fig);
    }
}
