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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NTK-2 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt): ReLU net in NTK parametrization f = m^{−1/2} Σ_j a_j σ(w_jᵀx),
 * a_j ~ N(0,1), w_j ~ N(0, I_d), both layers trained: ‖K_m − K∞‖_F/‖K∞‖_F falls like m^{−1/2}, with K∞ the closed
 * form of {@link ReluKernels#ntkMatrix}. The fitted log-log slope of the error averaged over seeds (never one
 * seed) must lie in [−0.6, −0.4]. K_m is {@link TwoLayerNet#gramStructured} with trainOuter (K₁ + K₂, NTK-1).
 * <p>Hypothesis ({@link #ntkRegime}): ReLU, output scale m^{−1/2}, ≥ 5 seeds. Control: the same statistic on the
 * same weights in standard parametrization (output scale 1, the m^{−1/2} removed): K_m = m·K_m^{NTK} → m·K∞, so the
 * error grows like m and the slope is ≈ +1, far above the window.
 */
public final class TwoLayerKernelConvergenceCheck
        extends MeasuredCheck<TwoLayerKernelConvergenceCheck.Sizes, TwoLayerKernelConvergence> {
    public static final Criterion SLOPE = Criterion.claim("NTK-2", "kernelErrorSlope");
    public static final Criterion STANDARD_PARAMETRIZATION = Criterion.control("NTK-2",
            "kernelErrorSlopeStandardParametrization");

    /** NTK-2's window for the fitted exponent (CLAIMS.md). */
    static final double LOW = -0.6, HIGH = -0.4;
    /** The theorem's exponent. */
    static final double EXPONENT = -0.5;
    /** CLAIMS.md: the slope is fitted to the mean over ≥ 5 seeds. */
    static final int MIN_SEEDS = 5;

    /** n unit inputs in R^d; widths m_min, 2m_min, …, m_max; independent weight draws. */
    public record Sizes(int n, int d, int mMin, int mMax, int seeds) {
        /** CLAIMS.md: m from 64 to 16384, 20 seeds (≥ 5; calibrated at 5 and 20). */
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

    /** NTK-2's hypothesis: ReLU, output scale m^{−scaleExponent} with exponent 1/2, the mean of ≥ 5 seeds. */
    public static boolean ntkRegime(String activation, double scaleExponent, int seeds) {
        return Activation.RELU.label().equals(activation) && scaleExponent == TwoLayerKernelConvergence.NTK_EXPONENT
                && seeds >= MIN_SEEDS;
    }

    @Override
    public TwoLayerKernelConvergence measure(Sizes sizes, CheckContext ctx) {
        int[] widths = WidthSweep.doubling(sizes.mMin(), sizes.mMax());
        SeedStream seeds = SeedStream.of(ctx.seed(), "NTK-2");
        DenseMatrix x = UnitInputs.build(seeds.child("inputs").seed(0), sizes.n(), sizes.d()).x();
        DenseMatrix kInf = ReluKernels.ntkMatrix(x, x);
        double[] ms = Arrays.stream(widths).asDoubleStream().toArray();
        double[][] err = new double[sizes.seeds()][widths.length], errStd = new double[sizes.seeds()][widths.length];
        for (int s = 0; s < sizes.seeds(); s++) {
            SeedStream draws = seeds.child("weights").child("draw" + s);
            for (int k = 0; k < widths.length; k++) {
                TwoLayerDraw draw = TwoLayerDraw.build(draws.seed(k), sizes.d(), widths[k]);
                err[s][k] = KernelSplit.relativeError(new TwoLayerNet(ctx.backend(), x, draw.a(), Activation.RELU,
                        Math.pow(widths[k], -TwoLayerKernelConvergence.NTK_EXPONENT), true).gramStructured(draw.w()),
                        kInf);
                errStd[s][k] = KernelSplit.relativeError(new TwoLayerNet(ctx.backend(), x, draw.a(), Activation.RELU,
                        Math.pow(widths[k], -TwoLayerKernelConvergence.STANDARD_EXPONENT), true)
                        .gramStructured(draw.w()), kInf);
            }
        }
        Provenance p = Provenance.of(ctx.seed(), ctx.backend().name(), "n", sizes.n(), "d", sizes.d(), "mMin",
                sizes.mMin(), "mMax", sizes.mMax(), "seeds", sizes.seeds()).withActivation("relu");
        return new TwoLayerKernelConvergence(p, WidthSweep.of(ms, err), WidthSweep.of(ms, errStd));
    }

    @Override
    public List<Verdict> verdicts(TwoLayerKernelConvergence r) {
        String act = r.provenance().activation();
        return List.of(row(SLOPE, r, r.ntk(), "kernel error slope in m (mean over seeds)",
                        ntkRegime(act, TwoLayerKernelConvergence.NTK_EXPONENT, r.ntk().seeds()), "m^-1/2"),
                row(STANDARD_PARAMETRIZATION, r, r.standard(), "control: standard parametrization (no m^-1/2),"
                        + " kernel error slope", ntkRegime(act, TwoLayerKernelConvergence.STANDARD_EXPONENT,
                                r.standard().seeds()), "1 (the m^-1/2 removed: K_m = m K_m^NTK)"));
    }

    private static Verdict row(Criterion c, TwoLayerKernelConvergence r, WidthSweep w, String check,
            boolean hypothesis, String scale) {
        LineFit fit = w.fit();
        double[] mean = w.mean(), single = w.singleSeedSlopes();
        double minSingle = Arrays.stream(single).min().orElse(Double.NaN);
        double maxSingle = Arrays.stream(single).max().orElse(Double.NaN);
        int last = mean.length - 1;
        return Verdict.builder(c).at(r.provenance()).check(check).observed(fit.slope()).bound(EXPONENT)
                .window(LOW, HIGH).hypothesisMet(hypothesis).measure("errorAtMMin", mean[0])
                .measure("errorAtMMax", mean[last]).measure("singleSeedSlopeMin", minSingle)
                .measure("singleSeedSlopeMax", maxSingle).measure("slopeStdErr", fit.slopeStdErr())
                .detail(NumberText.format("f = %s sum a_j relu(w_j^T x), a ~ N(0,1), w ~ N(0,I_d), both layers"
                        + " trained, unit x; ||K_m - K_inf||_F/||K_inf||_F averaged over %d weight draws, fitted over"
                        + " m in [%d, %d] (slope %.3f +- %.3f); single-seed slopes in [%.3f, %.3f]", scale,
                        w.seeds(), (int) w.widths()[0], (int) w.widths()[last], fit.slope(), fit.slopeStdErr(),
                        minSingle, maxSingle))
                .build();
    }

    @Override
    public List<Figure> figures(TwoLayerKernelConvergence r) {
        WidthSweep w = r.ntk();
        double[] ms = w.widths(), mean = w.mean();
        String label = "mean over " + w.seeds() + " seeds (slope " + NumberText.fixed(w.fit().slope(), 3) + ")";
        List<Figure.Series> series = new ArrayList<>(List.of(new Figure.Series(label, ms, mean, false),
                Figure.Series.band("seed min", label, ms, w.min()), Figure.Series.band("seed max", label, ms, w.max()),
                new Figure.Series("reference m^-1/2", ms, LineFit.referenceLine(ms, mean, EXPONENT), true),
                new Figure.Series("control: standard parametrization (slope "
                        + NumberText.fixed(r.standard().fit().slope(), 3) + ")", ms, r.standard().mean(), false)));
        return List.of(new Figure("ntk2-kernel-error-vs-width", "NTK-2: two-layer ReLU empirical NTK error vs width",
                "width m", "||K_m - K_inf||_F / ||K_inf||_F", true, true, series));
    }
}
