package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.FirstLayer;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.stat.descriptive.rank.Median;

/**
 * DLS-1..3 (CLAIMS.md; seed 004: Damian, Lee, Soltanolkotabi, Algorithm 1, the d = 10, p = 4 experiment and
 * transfer learning). Algorithm 1 against random features (first layer frozen, same net) and the infinite-width NTK
 * of the same net ({@link TwoLayerFeatureLearner} states the η₁ rule, the ridge rule and the kernel). Seeds are
 * drawn by {@link FeatureLearningInstance}, measured into {@link FeatureLearningRun}s, and judged here.
 */
public final class FeatureLearningCheck
        extends MeasuredCheck<FeatureLearningCheck.Sizes, FeatureLearningCheck.Measurement> {
    static final int D = 10, P = 4;
    static final double ZETA = 0.1;
    /** DLS-1 threshold on the median share at n = 2d² (CLAIMS.md). */
    static final double SHARE_BOUND = 0.4;
    /** DLS-2/3: Algorithm 1 (or pretrained) median must be below this fraction of the baselines' medians. */
    static final double RATIO_BOUND = 0.5;
    static final String[] METHODS = {"Algorithm 1", "random features", "NTK"};

    public static final Criterion SHARE_AT_TWO_D_SQUARED = Criterion.claim("DLS-1", "shareAtTwoDSquared");
    public static final Criterion SHARE_GROWS = Criterion.claim("DLS-1", "shareGrowsWithN");
    public static final Criterion SHARE_NO_STEP = Criterion.control("DLS-1", "shareWithoutStep");
    public static final Criterion MEDIAN_RATIO = Criterion.claim("DLS-2", "medianRatioAtLargestN");
    public static final Criterion EVERY_SEED = Criterion.claim("DLS-2", "beatsRandomFeaturesEverySeed");
    public static final Criterion MEDIAN_RATIO_NO_STEP = Criterion.control("DLS-2", "medianRatioWithoutStep");
    public static final Criterion TRANSFER_RATIO = Criterion.claim("DLS-3", "transferRatio");
    public static final Criterion TRANSFER_RATIO_NO_STEP = Criterion.control("DLS-3", "transferRatioWithoutStep");

    /**
     * Width, test-set size, seeds and sample-size grids. The verdicts need 2d² in {@code ns}, 100 and 200 in
     * {@code targetNs} and d³ in {@code sources}.
     */
    public record Sizes(int m, int test, int seeds, int[] ns, int[] targetNs, int[] sources) {
        /** CLAIMS.md: d = 10, m = 2000, n and N in {10, 32, 100, 200, 500, 1000}, n_src in {d, 2d², d³}. */
        public static Sizes claims() {
            return new Sizes(2000, 2000, 5, new int[] {10, 32, 100, 200, 500, 1000},
                    new int[] {10, 32, 100, 200, 500, 1000}, new int[] {D, 2 * D * D, D * D * D});
        }

        /** Only the sample-size grids drop. */
        public static Sizes quick() {
            return new Sizes(2000, 2000, 5, new int[] {100, 200, 1000}, new int[] {100, 200},
                    new int[] {D * D * D});
        }
    }

    /** Every seed's run, with the sizes, the base provenance and the η₁ used. */
    public record Measurement(Sizes sizes, Provenance provenance, double eta1, List<FeatureLearningRun> runs) {
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
        TwoLayerFeatureLearner.Kernel ntk = learner.ntk(D);
        double eta1 = TwoLayerFeatureLearner.paperEta1(D);
        List<FeatureLearningRun> runs = new ArrayList<>();
        long start = System.nanoTime();
        int last = z.ns().length - 1;
        SeedStream seeds = SeedStream.of(ctx.seed(), "DLS-1..3");
        for (int s = 0; s < z.seeds(); s++) {
            long seed = seeds.seed(s);
            FeatureLearningRun r = FeatureLearningRun.measure(FeatureLearningInstance.build(seed, z), learner, ntk,
                    eta1);
            runs.add(r);
            ctx.progress(String.format(Locale.ROOT, "DLS seed %d: n = %d test MSE alg1 %.3f rf %.3f ntk %.3f "
                    + "(eta1 = 0: %.3f); transfer N = %d pretrained(n_src = %d) %.3f rf %.3f (%.1f s)", seed,
                    z.ns()[last], r.mse()[last][0], r.mse()[last][1], r.mse()[last][2], r.noStep(), z.targetNs()[0],
                    z.sources()[z.sources().length - 1], r.pretrained()[z.sources().length - 1][0],
                    r.targetRf()[0], (System.nanoTime() - start) * 1e-9));
        }
        Provenance prov = new Provenance(ctx.seed(), java.util.Map.of(), ctx.backend().name(), "relu");
        return new Measurement(z, prov, eta1, runs);
    }

    /** [n index][method][seed] from the runs. */
    static double[][][] mseBySize(Measurement m) {
        int kn = m.sizes().ns().length, ns = m.runs().size();
        double[][][] out = new double[kn][3][ns];
        for (int s = 0; s < ns; s++) {
            for (int k = 0; k < kn; k++) {
                for (int q = 0; q < 3; q++) {
                    out[k][q][s] = m.runs().get(s).mse()[k][q];
                }
            }
        }
        return out;
    }

    static double[][][] ridgeBySize(Measurement m) {
        int kn = m.sizes().ns().length, ns = m.runs().size();
        double[][][] out = new double[kn][3][ns];
        for (int s = 0; s < ns; s++) {
            for (int k = 0; k < kn; k++) {
                for (int q = 0; q < 3; q++) {
                    out[k][q][s] = m.runs().get(s).ridge()[k][q];
                }
            }
        }
        return out;
    }

    /** [index][seed] of a per-seed vector field. */
    static double[][] bySeed(Measurement m, java.util.function.Function<FeatureLearningRun, double[]> f) {
        int ns = m.runs().size(), kn = f.apply(m.runs().get(0)).length;
        double[][] out = new double[kn][ns];
        for (int s = 0; s < ns; s++) {
            double[] v = f.apply(m.runs().get(s));
            for (int k = 0; k < kn; k++) {
                out[k][s] = v[k];
            }
        }
        return out;
    }

    static double[] perSeedScalar(Measurement m, java.util.function.ToDoubleFunction<FeatureLearningRun> f) {
        return m.runs().stream().mapToDouble(f).toArray();
    }

    /** [q][t][seed] of the pretrained MSEs. */
    static double[][][] pretrainedBySource(Measurement m) {
        int qn = m.sizes().sources().length, tn = m.sizes().targetNs().length, ns = m.runs().size();
        double[][][] out = new double[qn][tn][ns];
        for (int s = 0; s < ns; s++) {
            for (int q = 0; q < qn; q++) {
                for (int t = 0; t < tn; t++) {
                    out[q][t][s] = m.runs().get(s).pretrained()[q][t];
                }
            }
        }
        return out;
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        Sizes z = m.sizes();
        CheckResult out = new CheckResult();
        addShareVerdicts(out, m, bySeed(m, FeatureLearningRun::share), perSeedScalar(m, FeatureLearningRun::share0));
        addComparisonVerdicts(out, m, mseBySize(m), perSeedScalar(m, FeatureLearningRun::noStep));
        addTransferVerdicts(out, m, pretrainedBySource(m), bySeed(m, FeatureLearningRun::pretrainedNoStep),
                bySeed(m, FeatureLearningRun::targetRf), bySeed(m, FeatureLearningRun::targetNtk));
        return out.verdicts();
    }

    @Override
    public List<Table> tables(Measurement m) {
        return render(m).tables();
    }

    @Override
    public List<Figure> figures(Measurement m) {
        return render(m).figures();
    }

    private CheckResult render(Measurement m) {
        CheckResult out = new CheckResult();
        addFigureAndTables(out, m.sizes(), m.sizes().ns(), mseBySize(m), bySeed(m, FeatureLearningRun::share),
                bySeed(m, FeatureLearningRun::rowNorm), m.eta1(), ridgeBySize(m), m.sizes().sources(),
                m.sizes().targetNs(), pretrainedBySource(m), bySeed(m, FeatureLearningRun::pretrainedNoStep),
                bySeed(m, FeatureLearningRun::targetRf), bySeed(m, FeatureLearningRun::targetNtk));
        return out;
    }

    static double median(double[] v) {
        return new Median().evaluate(v);
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String band(double[] v) {
        return f(median(v)) + " [" + f(min(v)) + ", " + f(max(v)) + "]";
    }

    static String perSeed(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return sb.append(']').toString();
    }

    static double ratioToBaselines(double[] candidate, double[]... baselines) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] b : baselines) {
            best = Math.min(best, median(b));
        }
        return median(candidate) / best;
    }

    static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException(v + " not in " + Arrays.toString(a));
    }

    /** DLS-1: median share of ‖W₁‖_F² along span(u) at n = 2d² ≥ 0.4; the η₁ = 0 layer (W₀) must fail it. */
    static void addShareVerdicts(CheckResult out, Measurement mm, double[][] share, double[] share0) {
        int[] ns = mm.sizes().ns();
        int shareN = 2 * D * D;
        double[] at = share[indexOf(ns, shareN)];
        double med = median(at);
        out.add(base(SHARE_AT_TWO_D_SQUARED, mm).check("median share of ||W1||_F^2 along u at n = 2d^2").observed(med)
                .bound(SHARE_BOUND).holds(med >= SHARE_BOUND).size("n", shareN)
                .measure("minShare", min(at)).measure("maxShare", max(at)).measure("randomDirectionShare", 1.0 / D)
                .detail(String.format(Locale.ROOT, "shares per seed %s at n = %d (random directions: 1/d = %.2f); "
                        + "holds when median >= %.2f", perSeed(at), shareN, 1.0 / D, SHARE_BOUND)).build());
        double[] meds = new double[ns.length];
        boolean grows = true;
        for (int k = 0; k < ns.length; k++) {
            meds[k] = median(share[k]);
            if (k > 0 && meds[k] <= meds[k - 1]) {
                grows = false;
            }
        }
        out.add(base(SHARE_GROWS, mm).check("median share increases along the n grid")
                .observed(meds[ns.length - 1] - meds[0]).bound(0.0).holds(grows)
                .measure("shareAtSmallestN", meds[0]).measure("shareAtLargestN", meds[ns.length - 1])
                .detail("median shares at n = " + Arrays.toString(ns) + ": " + perSeed(meds)
                        + "; holds when strictly increasing").build());
        double med0 = median(share0);
        out.add(base(SHARE_NO_STEP, mm).check("control: eta_1 = 0 (W1 = W0), same share test at n = 2d^2")
                .observed(med0).bound(SHARE_BOUND).holds(med0 >= SHARE_BOUND).size("n", shareN)
                .detail(String.format(Locale.ROOT, "shares of W0 per seed %s; 1/d = %.2f", perSeed(share0), 1.0 / D))
                .build());
    }

    /** DLS-2: at the largest n Algorithm 1 < 0.5 × both baselines (medians); beats RF on every seed for n ≥ 100. */
    static void addComparisonVerdicts(CheckResult out, Measurement mm, double[][][] mse, double[] noStep) {
        int[] ns = mm.sizes().ns();
        int seeds = mm.runs().size();
        int last = ns.length - 1;
        double ratio = ratioToBaselines(mse[last][0], mse[last][1], mse[last][2]);
        out.add(base(MEDIAN_RATIO, mm).check("median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)").observed(ratio)
                .bound(RATIO_BOUND).holds(ratio < RATIO_BOUND).size("n", ns[last])
                .measure("alg1Median", median(mse[last][0])).measure("rfMedian", median(mse[last][1]))
                .measure("ntkMedian", median(mse[last][2])).measure("he2Only", 0.5)
                .detail(String.format(Locale.ROOT, "medians over %d seeds: Algorithm 1 %.4f, random features %.4f, "
                        + "NTK %.4f (He2 part alone 0.5); holds when ratio < %.1f", seeds, median(mse[last][0]),
                        median(mse[last][1]), median(mse[last][2]), RATIO_BOUND)).build());
        for (int k = 0; k < ns.length; k++) {
            if (ns[k] < 100) {
                continue;
            }
            double[] ratios = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                ratios[s] = mse[k][0][s] / mse[k][1][s];
            }
            double worst = max(ratios);
            out.add(base(EVERY_SEED, mm).check("every seed at n = " + ns[k] + ": max Algorithm 1 MSE / RF MSE")
                    .observed(worst).bound(1.0).holds(worst < 1.0).size("n", ns[k])
                    .detail(String.format(Locale.ROOT, "per-seed ratios %s (Algorithm 1 %s, random features %s); "
                            + "holds when every ratio < 1", perSeed(ratios), perSeed(mse[k][0]), perSeed(mse[k][1])))
                    .build());
        }
        double ctrl = ratioToBaselines(noStep, mse[last][1], mse[last][2]);
        out.add(base(MEDIAN_RATIO_NO_STEP, mm).check("control: eta_1 = 0, same comparison at n = 1000")
                .observed(ctrl).bound(RATIO_BOUND).holds(ctrl < RATIO_BOUND).size("n", ns[last])
                .measure("noStepMedian", median(noStep)).measure("noStepOverRf", median(noStep) / median(mse[last][1]))
                .detail(String.format(Locale.ROOT, "Algorithm 1 with eta_1 = 0 (same init and biases): median %.4f "
                        + "(per seed %s) vs random features %.4f, NTK %.4f", median(noStep), perSeed(noStep),
                        median(mse[last][1]), median(mse[last][2]))).build());
    }

    /** DLS-3: pretrained (n_src = d³) < 0.5 × random features at N ∈ {100, 200}, medians; η₁ = 0 pretraining fails. */
    static void addTransferVerdicts(CheckResult out, Measurement mm, double[][][] pre, double[][] preNoStep,
            double[][] tRf, double[][] tNtk) {
        int[] sources = mm.sizes().sources(), targetNs = mm.sizes().targetNs();
        int mainSource = D * D * D;
        int q = indexOf(sources, mainSource);
        double worst = 0, worstCtrl = 0;
        List<String> parts = new ArrayList<>(), ctrlParts = new ArrayList<>();
        for (int bigN : new int[] {100, 200}) {
            int t = indexOf(targetNs, bigN);
            double r = ratioToBaselines(pre[q][t], tRf[t]), c = ratioToBaselines(preNoStep[t], tRf[t]);
            worst = Math.max(worst, r);
            worstCtrl = Math.max(worstCtrl, c);
            parts.add(String.format(Locale.ROOT, "N=%d: pretrained %.4f, RF %.4f, NTK %.4f (ratio %.3f)", bigN,
                    median(pre[q][t]), median(tRf[t]), median(tNtk[t]), r));
            ctrlParts.add(String.format(Locale.ROOT, "N=%d: eta_1 = 0 pretrained %.4f vs RF %.4f (ratio %.3f)", bigN,
                    median(preNoStep[t]), median(tRf[t]), c));
        }
        out.add(base(TRANSFER_RATIO, mm).check("max over N in {100, 200}: median pretrained / median RF, n_src = d^3")
                .observed(worst).bound(RATIO_BOUND).holds(worst < RATIO_BOUND).size("n_src", mainSource)
                .detail(String.join("; ", parts) + "; holds when every ratio < 0.5").build());
        out.add(base(TRANSFER_RATIO_NO_STEP, mm).check("control: pretraining with eta_1 = 0, same comparison")
                .observed(worstCtrl).bound(RATIO_BOUND).holds(worstCtrl < RATIO_BOUND).size("n_src", mainSource)
                .detail(String.join("; ", ctrlParts)).build());
    }

    static void addFigureAndTables(CheckResult out, Sizes z, int[] ns, double[][][] mse, double[][] share,
            double[][] rowNorm, double eta1, double[][][] ridge, int[] sources, int[] targetNs, double[][][] pre, double[][] preNoStep,
            double[][] tRf, double[][] tNtk) {
        double[] nx = Arrays.stream(ns).asDoubleStream().toArray();
        List<Figure.Series> series = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int q = 0; q < 3; q++) {
            double[] med = new double[ns.length], lo = new double[ns.length], hi = new double[ns.length];
            for (int k = 0; k < ns.length; k++) {
                med[k] = median(mse[k][q]);
                lo[k] = min(mse[k][q]);
                hi[k] = max(mse[k][q]);
            }
            String median = METHODS[q] + " (median)";
            series.add(new Figure.Series(median, nx, med, false));
            series.add(Figure.Series.band(METHODS[q] + " min (band)", median, nx, lo));
            series.add(Figure.Series.band(METHODS[q] + " max (band)", median, nx, hi));
        }
        double[] half = new double[ns.length];
        Arrays.fill(half, 0.5);
        series.add(new Figure.Series("He2 part alone (0.5)", nx, half, true));
        out.figure(new Figure("DLS-2-test-mse", String.format(Locale.ROOT,
                "DLS-2: test MSE vs n (d = %d, p = %d, m = %d, %d seeds: median, dashed min-max band)", D, P, z.m(), z.seeds()),
                "training samples n", "test MSE vs clean f*", true, true, series));
        for (int k = 0; k < ns.length; k++) {
            rows.add(List.of(Integer.toString(ns[k]), band(mse[k][0]), band(mse[k][1]), band(mse[k][2]),
                    band(share[k]), band(rowNorm[k]), String.format(Locale.ROOT, "%.0e / %.0e / %.0e",
                            median(ridge[k][0]), median(ridge[k][1]), median(ridge[k][2]))));
        }
        out.table(new Table("DLS-2-mse", String.format(Locale.ROOT,
                "DLS-2: test MSE against clean f*, median [min, max] over %d seeds", z.seeds()),
                List.of("n", "Algorithm 1", "random features", "NTK", "DLS-1 share of ||W1||^2 along u",
                        "mean row norm of W1", "ridge c (Alg1 / RF / NTK)"), rows, String.format(Locale.ROOT,
                "d = %d, p = %d, m = %d, zeta = %.1f, %d clean test points; eta_1 = sqrt(2) pi Gamma((d+1)/2)/Gamma(d/2) "
                        + "= %.3f = Theta(sqrt d) (population rows of W1 have mean norm 1), lambda_1 = 1/eta_1; relative ridge c "
                        + "(n lambda = c tr(K)/n) from 1e-6..10 on a held-out 20%% of the training sample, same rule "
                        + "for all three; NTK = (x.x' + 1)(pi - theta)/(2 pi) + |x||x'|(sin theta + (pi - theta) "
                        + "cos theta)/(2 pi d). He2 part alone: 0.5.", D, P, z.m(), ZETA, z.test(), eta1)));
        // transfer table and figure
        List<List<String>> tRows = new ArrayList<>();
        double[] nxT = Arrays.stream(targetNs).asDoubleStream().toArray();
        List<Figure.Series> tSeries = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("N"));
        for (int src : sources) {
            header.add("pretrained, n_src = " + src);
        }
        header.addAll(List.of("pretrained with eta_1 = 0, n_src = " + sources[sources.length - 1], "random features",
                "NTK"));
        double[][] meds = new double[sources.length + 3][targetNs.length];
        for (int t = 0; t < targetNs.length; t++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(targetNs[t])));
            for (int q = 0; q < sources.length; q++) {
                row.add(band(pre[q][t]));
                meds[q][t] = median(pre[q][t]);
            }
            row.add(band(preNoStep[t]));
            row.add(band(tRf[t]));
            row.add(band(tNtk[t]));
            meds[sources.length][t] = median(preNoStep[t]);
            meds[sources.length + 1][t] = median(tRf[t]);
            meds[sources.length + 2][t] = median(tNtk[t]);
            tRows.add(row);
        }
        for (int q = 0; q < meds.length; q++) {
            tSeries.add(new Figure.Series(header.get(q + 1) + " (median)", nxT, meds[q], false));
        }
        out.figure(new Figure("DLS-3-transfer", "DLS-3: transfer to He3(u.x)/sqrt(6), median test MSE vs N",
                "target samples N", "test MSE vs clean target", true, true, tSeries));
        out.table(new Table("DLS-3-transfer", String.format(Locale.ROOT,
                "DLS-3: transfer to He3(u.x)/sqrt(3!), test MSE median [min, max] over %d seeds", z.seeds()), header, tRows,
                String.format(Locale.ROOT, "W1 pretrained by Algorithm 1 on n_src samples of the DLS-2 target "
                        + "(same u), then only the head (ridge, held-out rule) on N target samples; d = %d, m = %d, "
                        + "zeta = %.1f, %d clean test points", D, z.m(), ZETA, z.test())));
    }

    static Verdict.Builder base(Criterion c, Measurement mm) {
        return Verdict.builder(c).at(mm.provenance()).size("d", D).size("p", P).size("m", mm.sizes().m())
                .size("seeds", mm.runs().size()).measure("zeta", ZETA);
    }
}
