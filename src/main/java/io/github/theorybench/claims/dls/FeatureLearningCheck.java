package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.RankTrend;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.features.BiasedReluNtk;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * DLS-1..3 (CLAIMS.md; seed 004: Damian, Lee, Soltanolkotabi, Algorithm 1, the d = 10, p = 4 experiment and
 * transfer learning) with CLAIMS.md's calibrated pipeline: η₁ with RMS-1 rows of W₁, the head's ridge by exact
 * leave-one-out, test MSE against the clean target on 10⁴ fresh points. Each seed is drawn by
 * {@link FeatureLearningInstance} and measured by {@link FeatureLearningMeasurer} into a {@link FeatureLearningRun};
 * {@link FeatureLearningVerdicts} decides every row and {@link FeatureLearningReport} renders tables and figures.
 */
public final class FeatureLearningCheck
        extends MeasuredCheck<FeatureLearningCheck.Sizes, FeatureLearningCheck.Measurement> {
    /** 004's experiment: d = 10, p = 4, ζ = 0.1 (CLAIMS.md DLS-2). */
    static final int D = 10, P = 4;
    static final double ZETA = 0.1;

    public static final Criterion SHARE_AT_TWO_D_SQUARED = Criterion.claim("DLS-1", "shareAtTwoDSquared");
    public static final Criterion SHARE_TREND = Criterion.claim("DLS-1", "shareGrowsWithN");
    public static final Criterion SHARE_PERMUTED = Criterion.control("DLS-1", "sharePermutedLabels");
    public static final Criterion SHARE_TREND_PERMUTED = Criterion.control("DLS-1", "shareTrendPermutedLabels");
    public static final Criterion MEDIAN_RATIO = Criterion.claim("DLS-2", "medianRatioToBaselines");
    public static final Criterion BEATS_RANDOM_FEATURES = Criterion.claim("DLS-2", "beatsRandomFeatures");
    public static final Criterion MEDIAN_RATIO_NO_STEP = Criterion.control("DLS-2", "medianRatioWithoutStep");
    public static final Criterion BEATS_RANDOM_FEATURES_NO_STEP =
            Criterion.control("DLS-2", "beatsRandomFeaturesWithoutStep");
    public static final Criterion FIXED_ETA_MEDIAN_RATIO = Criterion.exploratory("DLS-2", "fixedEtaMedianRatio");
    public static final Criterion FIXED_ETA_BEATS_RANDOM_FEATURES =
            Criterion.exploratory("DLS-2", "fixedEtaBeatsRandomFeatures");
    public static final Criterion TRANSFER_RATIO = Criterion.claim("DLS-3", "transferRatioToRandomFeatures");
    public static final Criterion TRANSFER_RATIO_FROM_D_SAMPLES =
            Criterion.control("DLS-3", "transferRatioFromDSamples");

    /**
     * Sizes of one run.
     *
     * @param m width
     * @param test clean test points
     * @param seeds seeds of the per-seed criteria (DLS-1, DLS-2's "beats random features")
     * @param medianSeeds the first seeds, on which the NTK, the fixed-η₁ variant, the η₁ = 0 control at the largest
     *     n and DLS-3 also run (CLAIMS.md's medians "over ≥ 10 seeds")
     * @param ns training sizes of DLS-1/2 (2d² among them; the largest is DLS-2's median criterion)
     * @param sources DLS-3's pretraining sizes n_src (d³ among them: the asserted one)
     * @param controlSource DLS-3's control pretraining size (n_src = d)
     * @param transferNs DLS-3's target sizes N (a subset of {@code ns}: the target inputs are DLS-2's)
     * @param assertedTransferNs the N where DLS-3 asserts and its control runs
     * @param permutations permutations of DLS-1's rank-trend test
     */
    public record Sizes(int m, int test, int seeds, int medianSeeds, int[] ns, int[] sources, int controlSource,
            int[] transferNs, int[] assertedTransferNs, int permutations) {
        /** CLAIMS.md DLS-1..3: d = 10, m = 2000, 10⁴ test points, 20 seeds (medians over 10), n, N ∈ {10 … 1000}. */
        public static Sizes claims() {
            int[] grid = {10, 32, 100, 200, 500, 1000};
            return new Sizes(2000, 10_000, 20, 10, grid, new int[] {2 * D * D, D * D * D}, D, grid,
                    new int[] {100, 200}, 1999);
        }

        /** The fast tests and {@code --quick}: m = 1000, 4000 test points, 10 seeds (5 full), n up to 500. */
        public static Sizes quick() {
            return new Sizes(1000, 4000, 10, 5, new int[] {32, 100, 200, 500}, new int[] {D * D * D}, D,
                    new int[] {100, 200}, new int[] {100, 200}, 999);
        }

        int largestN() {
            return ns[ns.length - 1];
        }

        /** Where the per-seed η₁ = 0 control runs: the smallest n with n ≥ d² (cheap, and where the claim starts). */
        int noStepSeedN() {
            for (int n : ns) {
                if (DlsHypotheses.atLeastDSquared(n, D)) {
                    return n;
                }
            }
            throw new IllegalStateException("no n >= d^2 in the grid");
        }

        /** The control's pretraining size first, then {@code sources}: the instance's draw order. */
        int[] allSources() {
            int[] all = new int[sources.length + 1];
            all[0] = controlSource;
            System.arraycopy(sources, 0, all, 1, sources.length);
            return all;
        }

        /** Sizes as report rows show them. */
        Provenance provenance(long seed, String backend) {
            return Provenance.of(seed, backend, "d", D, "p", P, "m", m, "test", test, "seeds", seeds,
                    "medianSeeds", medianSeeds).withActivation("relu");
        }
    }

    /**
     * Every seed's run with the sizes and the run's provenance (base seed, sizes, backend), and DLS-1's rank trends
     * (Spearman ρ of the per-seed share against n over all (n, seed) pairs, one-sided permutation p), on f*'s labels
     * and on the permuted ones.
     */
    public record Measurement(Sizes sizes, Provenance provenance, List<FeatureLearningRun> runs, RankTrend shareTrend,
            RankTrend permutedTrend) {
    }

    public FeatureLearningCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    FeatureLearningCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("DLS-1", "DLS-2", "DLS-3");
    }

    @Override
    public Measurement measure(Sizes z, CheckContext ctx) {
        TwoLayerFeatureLearner learner = new TwoLayerFeatureLearner(ctx.backend(), z.m());
        FeatureLearningMeasurer measurer = new FeatureLearningMeasurer(learner,
                new BiasedReluNtk(ctx.backend(), 1.0 / D), z);
        SeedStream seeds = SeedStream.of(ctx.seed(), "DLS-1..3");
        List<FeatureLearningRun> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < z.seeds(); s++) {
            long seed = seeds.seed(s);
            boolean full = s < z.medianSeeds();
            FeatureLearningRun r = measurer.measure(FeatureLearningInstance.build(seed, z), full,
                    z.provenance(seed, ctx.backend().name()));
            runs.add(r);
            FeatureLearningRun.AtSize last = r.at(z.largestN());
            ctx.progress(NumberText.format("DLS-1..3 seed %d/%d: n = %d test MSE Algorithm 1 %.3f, random features "
                    + "%.3f%s (%.1f s)", s + 1, z.seeds(), z.largestN(),
                    last.mse(FeatureLearningRun.Method.ALGORITHM_ONE),
                    last.mse(FeatureLearningRun.Method.RANDOM_FEATURES), full ? NumberText.format(", NTK %.3f",
                            last.mse(FeatureLearningRun.Method.NTK)) : "", (System.nanoTime() - start) * 1e-9));
        }
        SeedStream trend = SeedStream.of(ctx.seed(), "DLS-1/trend");
        return new Measurement(z, z.provenance(ctx.seed(), ctx.backend().name()), runs,
                trend(runs, FeatureLearningRun.AtSize::share, z.permutations(), trend.seed(0)),
                trend(runs, FeatureLearningRun.AtSize::permutedShare, z.permutations(), trend.seed(1)));
    }

    /** CLAIMS.md DLS-1: Spearman ρ between the per-seed share and ln n over all (n, seed) pairs, one-sided. */
    static RankTrend trend(List<FeatureLearningRun> runs, ToDoubleFunction<FeatureLearningRun.AtSize> share,
            int permutations, long seed) {
        List<double[]> pairs = new ArrayList<>();
        for (FeatureLearningRun r : runs) {
            for (FeatureLearningRun.AtSize a : r.sizes()) {
                pairs.add(new double[] {Math.log(a.n()), share.applyAsDouble(a)});
            }
        }
        double[] x = new double[pairs.size()], y = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        return RankTrend.spearman(x, y, RankTrend.Direction.INCREASING, permutations, seed);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        out.addAll(FeatureLearningVerdicts.subspace(m));
        out.addAll(FeatureLearningVerdicts.comparison(m));
        out.addAll(FeatureLearningVerdicts.transfer(m));
        return out;
    }

    @Override
    public List<Table> tables(Measurement m) {
        return List.of(FeatureLearningReport.comparisonTable(m), FeatureLearningReport.transferTable(m));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        return List.of(FeatureLearningReport.shareFigure(m), FeatureLearningReport.mseFigure(m),
                FeatureLearningReport.transferFigure(m));
    }
}
