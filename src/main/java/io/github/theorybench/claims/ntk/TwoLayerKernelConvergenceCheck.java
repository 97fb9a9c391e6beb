package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.model.TwoLayerNet;
import java.util.List;

/**
 * NTK-2 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt): ReLU net in NTK parametrization f = m^{−1/2} Σ_j a_j σ(w_jᵀx),
 * a_j ~ N(0,1), w_j ~ N(0, I_d), both layers trained: ‖K_m − K∞‖_F/‖K∞‖_F falls like m^{−1/2}, with K∞ the closed
 * form of {@link ReluKernels#ntkMatrix}. The fitted log-log slope of the error averaged over seeds (never one
 * seed) must lie in [−0.6, −0.4]. K_m is {@link TwoLayerNet#gramStructured} with trainOuter (K₁ + K₂, NTK-1).
 */
public final class TwoLayerKernelConvergenceCheck
        extends MeasuredCheck<TwoLayerKernelConvergenceCheck.Sizes, TwoLayerKernelConvergence> {
    public static final Criterion SLOPE = Criterion.claim("NTK-2", "kernelErrorSlope");

    /** NTK-2's window for the fitted exponent (CLAIMS.md). */
    static final double LOW = -0.6, HIGH = -0.4;
    /** The theorem's exponent. */
    static final double EXPONENT = -0.5;

    /** n unit inputs in R^d; widths m_min, 2m_min, …, m_max; independent weight draws. */
    public record Sizes(int n, int d, int mMin, int mMax, int seeds) {
        /** CLAIMS.md: m from 64 to 16384, 20 seeds (≥ 5). */
        public static Sizes claims() {
            return new Sizes(10, 5, 64, 16384, 20);
        }

        public static Sizes quick() {
            return new Sizes(10, 5, 64, 16384, 6);
        }
    }

    public TwoLayerKernelConvergenceCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    TwoLayerKernelConvergenceCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("NTK-2");
    }

    @Override
    public TwoLayerKernelConvergence measure(Sizes sizes, CheckContext ctx) {
        int[] widths = WidthSweep.doubling(sizes.mMin(), sizes.mMax());
        SeedStream seeds = SeedStream.of(ctx.seed(), "NTK-2");
        DenseMatrix x = UnitInputs.build(seeds.child("inputs").seed(0), sizes.n(), sizes.d()).x();
        DenseMatrix kInf = ReluKernels.ntkMatrix(x, x);
        double[] ms = new double[widths.length];
        double[][] err = new double[sizes.seeds()][widths.length];
        for (int s = 0; s < sizes.seeds(); s++) {
            SeedStream draws = seeds.child("weights").child("draw" + s);
            for (int k = 0; k < widths.length; k++) {
                ms[k] = widths[k];
                TwoLayerDraw draw = TwoLayerDraw.build(draws.seed(k), sizes.d(), widths[k]);
                TwoLayerNet net = new TwoLayerNet(ctx.backend(), x, draw.a(), Activation.RELU,
                        1.0 / Math.sqrt(widths[k]), true);
                err[s][k] = KernelSplit.relativeError(net.gramStructured(draw.w()), kInf);
            }
        }
        Provenance p = Provenance.of(ctx.seed(), ctx.backend().name(), "n", sizes.n(), "d", sizes.d(), "mMin",
                sizes.mMin(), "mMax", sizes.mMax(), "seeds", sizes.seeds()).withActivation("relu");
        return new TwoLayerKernelConvergence(p, new WidthSweep(ms, err));
    }

    @Override
    public List<Verdict> verdicts(TwoLayerKernelConvergence r) {
        WidthSweep w = r.ntk();
        LineFit fit = w.fit();
        double[] mean = w.mean(), single = w.singleSeedSlopes();
        double minSingle = java.util.Arrays.stream(single).min().orElse(Double.NaN);
        double maxSingle = java.util.Arrays.stream(single).max().orElse(Double.NaN);
        return List.of(Verdict.builder(SLOPE).at(r.provenance()).check("kernel error slope in m (mean over seeds)")
                .observed(fit.slope()).bound(EXPONENT).window(LOW, HIGH).measure("errorAtMMin", mean[0])
                .measure("errorAtMMax", mean[mean.length - 1]).measure("singleSeedSlopeMin", minSingle)
                .measure("singleSeedSlopeMax", maxSingle)
                .detail(NumberText.format("f = m^-1/2 sum a_j relu(w_j^T x), a ~ N(0,1), w ~ N(0,I_d), both"
                        + " layers trained, unit x; ||K_m - K_inf||_F/||K_inf||_F averaged over %d weight draws,"
                        + " fitted over m in [%d, %d]; single-seed slopes in [%.3f, %.3f]", w.seeds(),
                        (int) w.widths()[0], (int) w.widths()[mean.length - 1], minSingle, maxSingle))
                .build());
    }

    @Override
    public List<Figure> figures(TwoLayerKernelConvergence r) {
        WidthSweep w = r.ntk();
        double[] ms = w.widths(), mean = w.mean();
        return List.of(new Figure("ntk2-kernel-error-vs-width", "NTK-2: two-layer ReLU empirical NTK error vs width",
                "width m", "||K_m - K_inf||_F / ||K_inf||_F", true, true,
                List.of(new Figure.Series("mean over " + w.seeds() + " seeds (slope "
                        + NumberText.fixed(w.fit().slope(), 3) + ")", ms, mean, false),
                        new Figure.Series("reference m^-1/2", ms, LineFit.referenceLine(ms, mean, EXPONENT), true))));
    }
}
