package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.DeepReluKernels;
import io.github.theorybench.model.DeepReluNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NTK-3 (CLAIMS.md; seed 003_e3d7742aedb82e06.txt, Arora et al. 2019): the empirical NTK of the L-hidden-layer ReLU
 * net {@link DeepReluNet} (first layer W₁x unscaled, later layers and output scaled by sqrt(c_σ/m), c_σ = 2, all
 * weights N(0,1) and trained) converges to the recursion {@link DeepReluKernels}; the fitted log-log slope of the
 * relative Frobenius error (mean over seeds) must lie in [−0.6, −0.4], for L = 2 and 3 (≥ 10 seeds at L = 3).
 * <p>Hypothesis ({@link #aroraRegime}): the width normalization sqrt(c_σ/m) in place, ≥ 5 seeds (≥ 10 at L ≥ 3).
 * Control: the same statistic on the same weights without the normalization (layer scale sqrt(c_σ)): Θ_m becomes
 * m^L Θ_m, so the error grows like m^L and the slope is ≈ L, far above the window. The conventions CLAIMS.md
 * calibrates (Θ(x, x) = L + 1; the recursion without the output layer's term, or without c_σ in Σ̇, leaves errors
 * of 0.2–1.5 that do not fall) are measured on the claim's net and reported in a table.
 */
public final class DeepKernelConvergenceCheck
        extends MeasuredCheck<DeepKernelConvergenceCheck.Sizes, List<DeepKernelConvergence>> {
    public static final Criterion SLOPE = Criterion.claim("NTK-3", "kernelErrorSlope");
    public static final Criterion UNSCALED = Criterion.control("NTK-3", "kernelErrorSlopeWithoutWidthScaling");

    /** NTK-3's window for the fitted exponent (CLAIMS.md: the same as NTK-2's). */
    static final double LOW = -0.6, HIGH = -0.4;
    static final double EXPONENT = -0.5;
    /** CLAIMS.md: the mean over ≥ 5 seeds (NTK-2's rule), ≥ 10 at L = 3. */
    static final int MIN_SEEDS = 5, MIN_SEEDS_DEEP = 10;
    static final int[] DEPTHS = {2, 3};

    /** n unit inputs in R^d; widths m_min, 2m_min, …, m_max; weight draws at L = 2 and at L = 3. */
    public record Sizes(int n, int d, int mMin, int mMax, int seedsShallow, int seedsDeep) {
        /**
         * CLAIMS.md: m up to 2048 (NTK-5 names it), ≥ 10 seeds at L = 3. At L = 2 NTK-2's rule asks for ≥ 5; with 5 the
         * seed-mean slope spread (SD ≈ 0.05 around −0.52 over the first seed blocks) would leave the window in ~5% of
         * blocks, so L = 2 gets 10 as well (Trust rule 3: more seeds, not a wider window).
         */
        public static Sizes claims() {
            return new Sizes(6, 4, 64, 2048, 10, 10);
        }

        public static Sizes quick() {
            return new Sizes(6, 4, 64, 1024, 10, 10);
        }

        int seeds(int hiddenLayers) {
            return hiddenLayers >= 3 ? seedsDeep : seedsShallow;
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

    /** NTK-3's hypothesis: layer scale sqrt(c_σ/m) (Arora et al.), the mean of ≥ 5 seeds, ≥ 10 at L ≥ 3. */
    public static boolean aroraRegime(boolean widthScaled, int hiddenLayers, int seeds) {
        return widthScaled && seeds >= (hiddenLayers >= 3 ? MIN_SEEDS_DEEP : MIN_SEEDS);
    }

    @Override
    public List<DeepKernelConvergence> measure(Sizes sizes, CheckContext ctx) {
        int[] widths = WidthSweep.doubling(sizes.mMin(), sizes.mMax());
        SeedStream seeds = SeedStream.of(ctx.seed(), "NTK-3");
        DenseMatrix x = UnitInputs.build(seeds.child("inputs").seed(0), sizes.n(), sizes.d()).x();
        List<DeepKernelConvergence> out = new ArrayList<>();
        for (int hidden : DEPTHS) {
            out.add(measure(sizes, ctx, x, widths, hidden, seeds.child("L" + hidden)));
        }
        return out;
    }

    private static DeepKernelConvergence measure(Sizes sizes, CheckContext ctx, DenseMatrix x, int[] widths,
            int hidden, SeedStream seeds) {
        DenseMatrix[] refs = {DeepReluKernels.ntkMatrix(hidden, x), DeepReluKernels.matrix(hidden, x, false, true),
            DeepReluKernels.matrix(hidden, x, true, false)};
        double[] ms = Arrays.stream(widths).asDoubleStream().toArray();
        int seedCount = sizes.seeds(hidden);
        double[][][] err = new double[refs.length + 1][seedCount][widths.length];
        for (int s = 0; s < seedCount; s++) {
            SeedStream draws = seeds.child("draw" + s);
            for (int k = 0; k < widths.length; k++) {
                DeepReluNet net = DeepReluNet.gaussian(ctx.backend(), sizes.d(), widths[k], hidden,
                        RandomMatrices.rng(draws.seed(k)));
                DenseMatrix gram = net.gramStructured(x);
                for (int r = 0; r < refs.length; r++) {
                    err[r][s][k] = KernelSplit.relativeError(gram, refs[r]);
                }
                err[refs.length][s][k] = KernelSplit.relativeError(net.withoutWidthScaling().gramStructured(x),
                        refs[0]);
            }
            ctx.progress("NTK-3 L=" + hidden + " seed " + (s + 1) + "/" + seedCount);
        }
        Provenance p = Provenance.of(ctx.seed(), ctx.backend().name(), "L", hidden, "n", sizes.n(), "d", sizes.d(),
                "mMin", sizes.mMin(), "mMax", sizes.mMax(), "seeds", seedCount).withActivation("relu");
        return new DeepKernelConvergence(p, hidden, WidthSweep.of(ms, err[0]), WidthSweep.of(ms, err[3]),
                WidthSweep.of(ms, err[1]), WidthSweep.of(ms, err[2]), refs[0].get(0, 0));
    }

    @Override
    public List<Verdict> verdicts(List<DeepKernelConvergence> runs) {
        List<Verdict> out = new ArrayList<>();
        for (DeepKernelConvergence r : runs) {
            String l = " (L = " + r.hiddenLayers() + ")";
            int last = r.ntk().widths().length - 1;
            out.add(row(SLOPE, r, "kernel error slope in m (mean over seeds)" + l, r.ntk(),
                    aroraRegime(true, r.hiddenLayers(), r.seeds()))
                    .measure("thetaDiagonalOverLPlusOne", r.thetaDiagonal() / (r.hiddenLayers() + 1))
                    .measure("errorNoOutputTermAtMMax", r.noOutputTerm().mean()[last])
                    .measure("errorNoCSigmaDotAtMMax", r.noCSigmaDot().mean()[last])
                    .measure("slopeNoOutputTerm", r.noOutputTerm().fit().slope())
                    .measure("slopeNoCSigmaDot", r.noCSigmaDot().fit().slope()).build());
            out.add(row(UNSCALED, r, "control: layer scale sqrt(c_sigma) without 1/sqrt(m), kernel error slope" + l,
                    r.unscaled(), aroraRegime(false, r.hiddenLayers(), r.seeds())).build());
        }
        return out;
    }

    private static Verdict.Builder row(Criterion c, DeepKernelConvergence r, String check, WidthSweep w,
            boolean hypothesis) {
        double[] mean = w.mean(), ms = w.widths();
        int last = mean.length - 1;
        LineFit fit = w.fit();
        return Verdict.builder(c).at(r.provenance()).check(check).observed(fit.slope()).bound(EXPONENT)
                .window(LOW, HIGH).hypothesisMet(hypothesis).measure("errorAtMMin", mean[0])
                .measure("errorAtMMax", mean[last]).measure("thetaXxUnitInput", r.thetaDiagonal())
                .measure("slopeStdErr", fit.slopeStdErr())
                .detail(NumberText.format("F1 = W1 x (unscaled), G_l = %s relu(F_l), F_l = W_l G_{l-1}, f = v G_L,"
                        + " weights N(0,1), all trained; recursion with c_sigma = 2 in Sigma and Sigma-dot, output"
                        + " layer adds Sigma^(L); Theta(x,x) = %.6f (L+1 = %d); mean error over %d seeds %.3g at"
                        + " m=%d, %.3g at m=%d", c == UNSCALED ? "sqrt(2)" : "sqrt(2/m)", r.thetaDiagonal(),
                        r.hiddenLayers() + 1, w.seeds(), mean[0], (int) ms[0], mean[last], (int) ms[last]));
    }

    @Override
    public List<Table> tables(List<DeepKernelConvergence> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (DeepKernelConvergence r : runs) {
            rows.add(conventionRow(r, "Arora et al. (claim)", r.ntk()));
            rows.add(conventionRow(r, "without the output layer's Sigma^(L) term", r.noOutputTerm()));
            rows.add(conventionRow(r, "without c_sigma in Sigma-dot", r.noCSigmaDot()));
            rows.add(conventionRow(r, "net without 1/sqrt(m) (control)", r.unscaled()));
        }
        return List.of(new Table("NTK-3-conventions", "NTK-3: empirical NTK against the recursion and its convention"
                + " errors (mean over seeds)", List.of("L", "reference / net", "error at m_min", "error at m_max",
                        "fitted slope", "Theta(x,x) (L + 1 for unit x)"), rows,
                "CLAIMS.md (calibrated): the convention errors plateau at 0.2-1.5; the claim's error falls like"
                        + " m^-1/2."));
    }

    private static List<String> conventionRow(DeepKernelConvergence r, String what, WidthSweep w) {
        double[] mean = w.mean();
        return List.of(Integer.toString(r.hiddenLayers()), what, NumberText.sig3(mean[0]),
                NumberText.sig3(mean[mean.length - 1]), NumberText.fixed(w.fit().slope(), 3),
                NumberText.fixed(r.thetaDiagonal(), 6));
    }

    @Override
    public List<Figure> figures(List<DeepKernelConvergence> runs) {
        List<Figure.Series> series = new ArrayList<>();
        for (DeepKernelConvergence r : runs) {
            WidthSweep w = r.ntk();
            double[] ms = w.widths(), mean = w.mean();
            String label = "L = " + r.hiddenLayers() + " (mean over " + w.seeds() + " seeds, slope "
                    + NumberText.fixed(w.fit().slope(), 3) + ")";
            series.add(new Figure.Series(label, ms, mean, false));
            series.add(Figure.Series.band("seed min (L = " + r.hiddenLayers() + ")", label, ms, w.min()));
            series.add(Figure.Series.band("seed max (L = " + r.hiddenLayers() + ")", label, ms, w.max()));
            series.add(new Figure.Series("reference m^-1/2 (L = " + r.hiddenLayers() + ")", ms,
                    LineFit.referenceLine(ms, mean, EXPONENT), true));
            series.add(new Figure.Series("no c_sigma in Sigma-dot (L = " + r.hiddenLayers() + ")", ms,
                    r.noCSigmaDot().mean(), false));
        }
        return List.of(new Figure("ntk3-deep-kernel-error-vs-width", "NTK-3: deep ReLU empirical NTK error vs width",
                "width m", "||Theta_m - Theta||_F / ||Theta||_F", true, true, series));
    }
}
