package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.FirstLayer;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.stat.descriptive.rank.Median;

/**
 * DLS-1..3 (CLAIMS.md; seed 004: Damian, Lee, Soltanolkotabi, Algorithm 1, the d = 10, p = 4 experiment and
 * transfer learning). Algorithm 1 against random features (first layer frozen, same net) and the infinite-width NTK
 * of the same net ({@link TwoLayerFeatureLearner} states the η₁ rule, the ridge rule and the kernel). Test MSE is
 * against the clean target on {@value #TEST} fresh points; every asserted number is a median over {@value #SEEDS}
 * seeds; m = {@value #M}, ζ = 0.1 in both modes. Quick mode only drops sample sizes (n ∈ {100, 200, 1000},
 * N ∈ {100, 200}, n_src = d³). Seed s fixes the direction u and, through {@link #stream}, every other draw.
 */
public final class FeatureLearningCheck implements ClaimCheck {
    static final int D = 10, P = 4, M = 2000, SEEDS = 5, TEST = 2000;
    static final double ZETA = 0.1;
    /** DLS-1 threshold on the median share at n = 2d² (CLAIMS.md). */
    static final double SHARE_BOUND = 0.4;
    /** DLS-2/3: Algorithm 1 (or pretrained) median must be below this fraction of the baselines' medians. */
    static final double RATIO_BOUND = 0.5;
    static final String[] METHODS = {"Algorithm 1", "random features", "NTK"};

    // stream tags (one independent RNG stream per purpose, seed and size)
    static final int TASK = 1, TEST_SET = 2, TRAIN = 3, ALG = 4, RF = 5, T_TEST = 6, SOURCE = 7, PRE = 8,
            T_TRAIN = 9, T_RF = 10;

    /**
     * Width, test-set size and sample-size grids of one run. {@link #run} needs 2d² in {@code ns}, 100 and 200 in
     * {@code targetNs} and d³ in {@code sources} (the sizes the verdicts are about).
     */
    record Sizes(int m, int test, int[] ns, int[] targetNs, int[] sources) {
    }

    /** CLAIMS.md sizes, and the quick grid (only the sample sizes drop). */
    static final Sizes FULL = new Sizes(M, TEST, new int[] {10, 32, 100, 200, 500, 1000},
            new int[] {10, 32, 100, 200, 500, 1000}, new int[] {D, 2 * D * D, D * D * D});
    static final Sizes QUICK = new Sizes(M, TEST, new int[] {100, 200, 1000}, new int[] {100, 200},
            new int[] {D * D * D});

    /** Sizes for every run regardless of {@code ctx.quick()}, or null for {@link #FULL} / {@link #QUICK}. */
    private final Sizes fixed;

    public FeatureLearningCheck() {
        this(null);
    }

    /** A check on fixed sizes (tests: a small width and test set, so the whole check runs in about a second). */
    FeatureLearningCheck(Sizes fixed) {
        this.fixed = fixed;
    }

    Sizes sizes(CheckContext ctx) {
        return fixed != null ? fixed : ctx.quick() ? QUICK : FULL;
    }

    @Override
    public List<String> ids() {
        return List.of("DLS-1", "DLS-2", "DLS-3");
    }

    /** An independent seed for (base seed, purpose, size): SplitMix64 finalizer over the three. */
    static long stream(long seed, int tag, int size) {
        long z = seed * 0x9E3779B97F4A7C15L + tag * 0xBF58476D1CE4E5B9L + size * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    static RandomGenerator rng(long seed, int tag, int size) {
        return RandomMatrices.rng(stream(seed, tag, size));
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

    /** A freshly drawn net (symmetric init) and re-drawn biases b ~ N(0, 1), from one stream. */
    record Draw(TwoLayerInit init, double[] biases) {
        static Draw of(TwoLayerFeatureLearner learner, RandomGenerator r) {
            TwoLayerInit init = learner.initialize(D, r);
            return new Draw(init, RandomMatrices.gaussianVector(learner.width(), 1.0, r));
        }
    }

    /**
     * The DLS-2/DLS-3 comparison, shared by claims and controls: median(candidate) / min(median(baselines)); the
     * claim is that this is below {@link #RATIO_BOUND} (i.e. below half of every baseline).
     */
    static double ratioToBaselines(double[] candidate, double[]... baselines) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] b : baselines) {
            best = Math.min(best, median(b));
        }
        return median(candidate) / best;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Sizes z = sizes(ctx);
        int[] ns = z.ns(), targetNs = z.targetNs(), sources = z.sources();
        int shareN = 2 * D * D, lastN = ns[ns.length - 1], mainSource = D * D * D;
        TwoLayerFeatureLearner learner = new TwoLayerFeatureLearner(ctx.backend(), z.m());
        TwoLayerFeatureLearner.Kernel ntk = learner.ntk(D);
        double eta1Paper = TwoLayerFeatureLearner.paperEta1(D);

        double[][][] mse = new double[ns.length][3][SEEDS];
        double[][] share = new double[ns.length][SEEDS], rowNorm = new double[ns.length][SEEDS];
        double[][][] ridge = new double[ns.length][3][SEEDS];
        double[] share0 = new double[SEEDS], noStep = new double[SEEDS];
        // transfer: [source index or control][N][seed]; baselines [N][seed]
        double[][][] pre = new double[sources.length][targetNs.length][SEEDS];
        double[][] preNoStep = new double[targetNs.length][SEEDS];
        double[][] tRf = new double[targetNs.length][SEEDS], tNtk = new double[targetNs.length][SEEDS];
        long start = System.nanoTime();
        for (int s = 0; s < SEEDS; s++) {
            long seed = ctx.seed() + s;
            SingleIndexTask task = SingleIndexTask.hermite(D, P, rng(seed, TASK, 0));
            double[] u = task.direction();
            SingleIndexTask.Sample test = task.sample(z.test(), 0.0, rng(seed, TEST_SET, 0));
            for (int k = 0; k < ns.length; k++) {
                int n = ns[k];
                SingleIndexTask.Sample train = task.sample(n, ZETA, rng(seed, TRAIN, n));
                Draw a = Draw.of(learner, rng(seed, ALG, n)), r = Draw.of(learner, rng(seed, RF, n));
                var alg = learner.fit(learner.algorithmOne(a.init(), a.biases(), eta1Paper), train.x(), train.labels());
                var rf = learner.fit(TwoLayerFeatureLearner.frozen(r.init().weights(), r.biases()), train.x(),
                        train.labels());
                var kr = learner.kernelRidge(ntk, train.x(), train.labels(), test.x());
                mse[k][0][s] = TwoLayerFeatureLearner.mse(learner.predict(alg, test.x()), test.clean());
                mse[k][1][s] = TwoLayerFeatureLearner.mse(learner.predict(rf, test.x()), test.clean());
                mse[k][2][s] = TwoLayerFeatureLearner.mse(kr.predictions(), test.clean());
                ridge[k][0][s] = alg.ridge();
                ridge[k][1][s] = rf.ridge();
                ridge[k][2][s] = kr.ridge();
                share[k][s] = learner.subspaceShare(alg.w(), u);
                rowNorm[k][s] = TwoLayerFeatureLearner.meanRowNorm(alg.w());
                if (n == shareN) {
                    share0[s] = learner.subspaceShare(a.init().weights(), u);   // DLS-1 control: η₁ = 0, W₁ = W₀
                }
                if (n == lastN) {
                    // DLS-2 control: the same Algorithm 1 run (same init and biases) with η₁ = 0
                    var ablated = learner.fit(learner.algorithmOne(a.init(), a.biases(), 0.0), train.x(),
                            train.labels());
                    noStep[s] = TwoLayerFeatureLearner.mse(learner.predict(ablated, test.x()), test.clean());
                }
            }
            ctx.progress(String.format(Locale.ROOT, "DLS seed %d: n = %d test MSE alg1 %.3f rf %.3f ntk %.3f "
                    + "(eta1 = 0: %.3f) (%.1f s)", seed, lastN, mse[ns.length - 1][0][s], mse[ns.length - 1][1][s],
                    mse[ns.length - 1][2][s], noStep[s], (System.nanoTime() - start) * 1e-9));
            // DLS-3 (004, transfer learning): pretrain W₁ on n_src source samples, fit only the head on N target samples
            SingleIndexTask target = task.transferTarget();
            SingleIndexTask.Sample targetTest = target.sample(z.test(), 0.0, rng(seed, T_TEST, 0));
            Layer[] layers = new Layer[sources.length];
            Layer noStepLayer = null;
            for (int q = 0; q < sources.length; q++) {
                int nSrc = sources[q];
                SingleIndexTask.Sample src = task.sample(nSrc, ZETA, rng(seed, SOURCE, nSrc));
                Draw dr = Draw.of(learner, rng(seed, PRE, nSrc));
                double[] residual = learner.preprocess(src.x(), src.labels()).y();
                layers[q] = learner.algorithmOne(dr.init(), dr.biases(), eta1Paper).fit(src.x(), residual);
                if (nSrc == mainSource) {
                    noStepLayer = learner.algorithmOne(dr.init(), dr.biases(), 0.0).fit(src.x(), residual);
                }
            }
            for (int t = 0; t < targetNs.length; t++) {
                int bigN = targetNs[t];
                SingleIndexTask.Sample tr = target.sample(bigN, ZETA, rng(seed, T_TRAIN, bigN));
                for (int q = 0; q < sources.length; q++) {
                    var head = learner.fit(frozen(layers[q]), tr.x(), tr.labels());
                    pre[q][t][s] = TwoLayerFeatureLearner.mse(learner.predict(head, targetTest.x()),
                            targetTest.clean());
                }
                var headNoStep = learner.fit(frozen(noStepLayer), tr.x(), tr.labels());
                preNoStep[t][s] = TwoLayerFeatureLearner.mse(learner.predict(headNoStep, targetTest.x()),
                        targetTest.clean());
                Draw r = Draw.of(learner, rng(seed, T_RF, bigN));
                var rf = learner.fit(TwoLayerFeatureLearner.frozen(r.init().weights(), r.biases()), tr.x(),
                        tr.labels());
                tRf[t][s] = TwoLayerFeatureLearner.mse(learner.predict(rf, targetTest.x()), targetTest.clean());
                tNtk[t][s] = TwoLayerFeatureLearner.mse(learner.kernelRidge(ntk, tr.x(), tr.labels(), targetTest.x())
                        .predictions(), targetTest.clean());
            }
            ctx.progress(String.format(Locale.ROOT, "DLS seed %d: transfer N = %d pretrained(n_src = %d) %.3f rf %.3f "
                    + "ntk %.3f (%.1f s)", seed, targetNs[0], mainSource, pre[sources.length - 1][0][s], tRf[0][s],
                    tNtk[0][s], (System.nanoTime() - start) * 1e-9));
        }

        CheckResult out = new CheckResult();
        addShareVerdicts(out, ctx, z.m(), ns, share, share0, shareN);
        addComparisonVerdicts(out, ctx, z.m(), ns, mse, noStep);
        addTransferVerdicts(out, ctx, z.m(), sources, targetNs, pre, preNoStep, tRf, tNtk, mainSource);
        addFigureAndTables(out, z, ns, mse, share, rowNorm, eta1Paper, ridge, sources, targetNs, pre, preNoStep, tRf,
                tNtk);
        return out;
    }

    static FirstLayer frozen(Layer layer) {
        return TwoLayerFeatureLearner.frozen(layer.w(), layer.b());
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
    static void addShareVerdicts(CheckResult out, CheckContext ctx, int m, int[] ns, double[][] share, double[] share0,
            int shareN) {
        double[] at = share[indexOf(ns, shareN)];
        double med = median(at);
        out.add(base("DLS-1", ctx, m).check("median share of ||W1||_F^2 along u at n = 2d^2").observed(med)
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
        out.add(base("DLS-1", ctx, m).check("median share increases along the n grid")
                .observed(meds[ns.length - 1] - meds[0]).bound(0.0).holds(grows)
                .measure("shareAtSmallestN", meds[0]).measure("shareAtLargestN", meds[ns.length - 1])
                .detail("median shares at n = " + Arrays.toString(ns) + ": " + perSeed(meds)
                        + "; holds when strictly increasing").build());
        double med0 = median(share0);
        out.add(base("DLS-1", ctx, m).control().check("control: eta_1 = 0 (W1 = W0), same share test at n = 2d^2")
                .observed(med0).bound(SHARE_BOUND).holds(med0 >= SHARE_BOUND).size("n", shareN)
                .detail(String.format(Locale.ROOT, "shares of W0 per seed %s; 1/d = %.2f", perSeed(share0), 1.0 / D))
                .build());
    }

    /** DLS-2: at the largest n Algorithm 1 < 0.5 × both baselines (medians); beats RF on every seed for n ≥ 100. */
    static void addComparisonVerdicts(CheckResult out, CheckContext ctx, int m, int[] ns, double[][][] mse,
            double[] noStep) {
        int last = ns.length - 1;
        double ratio = ratioToBaselines(mse[last][0], mse[last][1], mse[last][2]);
        out.add(base("DLS-2", ctx, m).check("median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)").observed(ratio)
                .bound(RATIO_BOUND).holds(ratio < RATIO_BOUND).size("n", ns[last])
                .measure("alg1Median", median(mse[last][0])).measure("rfMedian", median(mse[last][1]))
                .measure("ntkMedian", median(mse[last][2])).measure("he2Only", 0.5)
                .detail(String.format(Locale.ROOT, "medians over %d seeds: Algorithm 1 %.4f, random features %.4f, "
                        + "NTK %.4f (He2 part alone 0.5); holds when ratio < %.1f", SEEDS, median(mse[last][0]),
                        median(mse[last][1]), median(mse[last][2]), RATIO_BOUND)).build());
        for (int k = 0; k < ns.length; k++) {
            if (ns[k] < 100) {
                continue;
            }
            double[] ratios = new double[SEEDS];
            for (int s = 0; s < SEEDS; s++) {
                ratios[s] = mse[k][0][s] / mse[k][1][s];
            }
            double worst = max(ratios);
            out.add(base("DLS-2", ctx, m).check("every seed at n = " + ns[k] + ": max Algorithm 1 MSE / RF MSE")
                    .observed(worst).bound(1.0).holds(worst < 1.0).size("n", ns[k])
                    .detail(String.format(Locale.ROOT, "per-seed ratios %s (Algorithm 1 %s, random features %s); "
                            + "holds when every ratio < 1", perSeed(ratios), perSeed(mse[k][0]), perSeed(mse[k][1])))
                    .build());
        }
        double ctrl = ratioToBaselines(noStep, mse[last][1], mse[last][2]);
        out.add(base("DLS-2", ctx, m).control().check("control: eta_1 = 0, same comparison at n = 1000")
                .observed(ctrl).bound(RATIO_BOUND).holds(ctrl < RATIO_BOUND).size("n", ns[last])
                .measure("noStepMedian", median(noStep)).measure("noStepOverRf", median(noStep) / median(mse[last][1]))
                .detail(String.format(Locale.ROOT, "Algorithm 1 with eta_1 = 0 (same init and biases): median %.4f "
                        + "(per seed %s) vs random features %.4f, NTK %.4f", median(noStep), perSeed(noStep),
                        median(mse[last][1]), median(mse[last][2]))).build());
    }

    /** DLS-3: pretrained (n_src = d³) < 0.5 × random features at N ∈ {100, 200}, medians; η₁ = 0 pretraining fails. */
    static void addTransferVerdicts(CheckResult out, CheckContext ctx, int m, int[] sources, int[] targetNs,
            double[][][] pre, double[][] preNoStep, double[][] tRf, double[][] tNtk, int mainSource) {
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
        out.add(base("DLS-3", ctx, m).check("max over N in {100, 200}: median pretrained / median RF, n_src = d^3")
                .observed(worst).bound(RATIO_BOUND).holds(worst < RATIO_BOUND).size("n_src", mainSource)
                .detail(String.join("; ", parts) + "; holds when every ratio < 0.5").build());
        out.add(base("DLS-3", ctx, m).control().check("control: pretraining with eta_1 = 0, same comparison")
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
                "DLS-2: test MSE vs n (d = %d, p = %d, m = %d, %d seeds: median, dashed min-max band)", D, P, z.m(), SEEDS),
                "training samples n", "test MSE vs clean f*", true, true, series));
        for (int k = 0; k < ns.length; k++) {
            rows.add(List.of(Integer.toString(ns[k]), band(mse[k][0]), band(mse[k][1]), band(mse[k][2]),
                    band(share[k]), band(rowNorm[k]), String.format(Locale.ROOT, "%.0e / %.0e / %.0e",
                            median(ridge[k][0]), median(ridge[k][1]), median(ridge[k][2]))));
        }
        out.table(new Table("DLS-2-mse", String.format(Locale.ROOT,
                "DLS-2: test MSE against clean f*, median [min, max] over %d seeds", SEEDS),
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
                "DLS-3: transfer to He3(u.x)/sqrt(3!), test MSE median [min, max] over %d seeds", SEEDS), header, tRows,
                String.format(Locale.ROOT, "W1 pretrained by Algorithm 1 on n_src samples of the DLS-2 target "
                        + "(same u), then only the head (ridge, held-out rule) on N target samples; d = %d, m = %d, "
                        + "zeta = %.1f, %d clean test points", D, z.m(), ZETA, z.test())));
    }

    static Verdict.Builder base(String id, CheckContext ctx, int m) {
        return Verdict.builder(id).seed(ctx.seed()).backend(ctx.backend().name()).activation("relu").size("d", D)
                .size("p", P).size("m", m).size("seeds", SEEDS).measure("zeta", ZETA);
    }
}
