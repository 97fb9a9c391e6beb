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
import io.github.theorybench.model.DeepReluKernels;
import io.github.theorybench.model.DeepReluNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;

/**
 * NTK-3 (CLAIMS.md; seed 003_e3d7742aedb82e06.txt, Arora et al. 2019): the empirical NTK of the L-hidden-layer ReLU
 * net {@link DeepReluNet} (first layer W₁x unscaled, later layers and output scaled by sqrt(c_σ/m), c_σ = 2, all
 * weights N(0,1) and trained) converges to the recursion {@link DeepReluKernels}; the fitted log-log slope of the
 * relative Frobenius error (mean over seeds) must lie in [−0.6, −0.4], for L = 2 and 3 (≥ 10 seeds at L = 3).
 */
public final class DeepKernelConvergenceCheck
        extends MeasuredCheck<DeepKernelConvergenceCheck.Sizes, List<DeepKernelConvergence>> {
    public static final Criterion SLOPE = Criterion.claim("NTK-3", "kernelErrorSlope");
    public static final Criterion NO_OUTPUT_TERM = Criterion.control("NTK-3", "recursionWithoutOutputTerm");
    public static final Criterion NO_C_SIGMA_DOT = Criterion.control("NTK-3", "recursionWithoutCSigmaInSigmaDot");

    /** NTK-3's window for the fitted exponent (CLAIMS.md: the same as NTK-2's). */
    static final double LOW = -0.6, HIGH = -0.4;
    static final double EXPONENT = -0.5;

    /** n unit inputs in R^d; widths m_min, 2m_min, …, m_max; weight draws per depth; depths L. */
    public record Sizes(int n, int d, int mMin, int mMax, int seeds) {
        /** CLAIMS.md: ≥ 10 seeds at L = 3; m up to 2048. */
        public static Sizes claims() {
            return new Sizes(6, 4, 64, 2048, 10);
        }

        public static Sizes quick() {
            return new Sizes(6, 4, 64, 1024, 10);
        }
    }

    public DeepKernelConvergenceCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    DeepKernelConvergenceCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("NTK-3");
    }

    @Override
    public List<DeepKernelConvergence> measure(Sizes sizes, CheckContext ctx) {
        int[] widths = WidthSweep.doubling(sizes.mMin(), sizes.mMax());
        SeedStream seeds = SeedStream.of(ctx.seed(), "NTK-3");
        DenseMatrix x = UnitInputs.build(seeds.child("inputs").seed(0), sizes.n(), sizes.d()).x();
        List<DeepKernelConvergence> out = new ArrayList<>();
        for (int hidden : new int[] {2, 3}) {
            out.add(measure(sizes, ctx, x, widths, hidden, seeds.child("L" + hidden)));
        }
        return out;
    }

    private static DeepKernelConvergence measure(Sizes sizes, CheckContext ctx, DenseMatrix x, int[] widths,
            int hidden, SeedStream seeds) {
        DenseMatrix[] refs = {DeepReluKernels.ntkMatrix(hidden, x), DeepReluKernels.matrix(hidden, x, false, true),
            DeepReluKernels.matrix(hidden, x, true, false)};
        double[] ms = new double[widths.length];
        double[][][] err = new double[refs.length][sizes.seeds()][widths.length];
        for (int s = 0; s < sizes.seeds(); s++) {
            SeedStream draws = seeds.child("draw" + s);
            for (int k = 0; k < widths.length; k++) {
                ms[k] = widths[k];
                DenseMatrix gram = DeepReluNet.gaussian(ctx.backend(), sizes.d(), widths[k], hidden,
                        RandomMatrices.rng(draws.seed(k))).gramStructured(x);
                for (int r = 0; r < refs.length; r++) {
                    err[r][s][k] = KernelSplit.relativeError(gram, refs[r]);
                }
            }
            ctx.progress("NTK-3 L=" + hidden + " seed " + (s + 1) + "/" + sizes.seeds());
        }
        Provenance p = Provenance.of(ctx.seed(), ctx.backend().name(), "L", hidden, "n", sizes.n(), "d", sizes.d(),
                "mMin", sizes.mMin(), "mMax", sizes.mMax(), "seeds", sizes.seeds()).withActivation("relu");
        return new DeepKernelConvergence(p, hidden, new WidthSweep(ms, err[0]), new WidthSweep(ms, err[1]),
                new WidthSweep(ms, err[2]), refs[0].get(0, 0));
    }

    @Override
    public List<Verdict> verdicts(List<DeepKernelConvergence> runs) {
        List<Verdict> out = new ArrayList<>();
        for (DeepKernelConvergence r : runs) {
            String l = " (L = " + r.hiddenLayers() + ")";
            out.add(row(SLOPE, r, "kernel error slope in m (mean over seeds)" + l, r.ntk()));
            out.add(row(NO_OUTPUT_TERM, r, "control: recursion without the output layer's Sigma^(L) term" + l,
                    r.noOutputTerm()));
            out.add(row(NO_C_SIGMA_DOT, r, "control: recursion without c_sigma in Sigma-dot" + l, r.noCSigmaDot()));
        }
        return out;
    }

    private static Verdict row(Criterion c, DeepKernelConvergence r, String check, WidthSweep w) {
        double[] mean = w.mean(), ms = w.widths();
        int last = mean.length - 1;
        return Verdict.builder(c).at(r.provenance()).check(check).observed(w.fit().slope()).bound(EXPONENT)
                .window(LOW, HIGH).measure("errorAtMMin", mean[0]).measure("errorAtMMax", mean[last])
                .measure("thetaXxUnitInput", r.thetaDiagonal())
                .detail(NumberText.format("F1 = W1 x (unscaled), G_l = sqrt(2/m) relu(F_l), F_l = W_l G_{l-1},"
                        + " f = v G_L, weights N(0,1), all trained; c_sigma = 2 in Sigma and Sigma-dot, output layer"
                        + " adds Sigma^(L); Theta(x,x) = %.6f (L+1 = %d); mean error %.3g at m=%d, %.3g at m=%d",
                        r.thetaDiagonal(), r.hiddenLayers() + 1, mean[0], (int) ms[0], mean[last], (int) ms[last]))
                .build();
    }

    @Override
    public List<Figure> figures(List<DeepKernelConvergence> runs) {
        List<Figure.Series> series = new ArrayList<>();
        for (DeepKernelConvergence r : runs) {
            WidthSweep w = r.ntk();
            double[] ms = w.widths(), mean = w.mean();
            series.add(new Figure.Series("L = " + r.hiddenLayers() + " (mean over " + w.seeds() + " seeds, slope "
                    + NumberText.fixed(w.fit().slope(), 3) + ")", ms, mean, false));
            series.add(new Figure.Series("reference m^-1/2 (L = " + r.hiddenLayers() + ")", ms,
                    LineFit.referenceLine(ms, mean, EXPONENT), true));
        }
        return List.of(new Figure("ntk3-deep-kernel-error-vs-width", "NTK-3: deep ReLU empirical NTK error vs width",
                "width m", "||Theta_m - Theta||_F / ||Theta||_F", true, true, series));
    }
}
