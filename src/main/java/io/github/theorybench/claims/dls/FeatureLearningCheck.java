package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;

/**
 * DLS-1..3 (004, the d = 10, p = 4 experiment and transfer learning): Algorithm 1 against random features and the
 * infinite-width NTK, test MSE against the clean target on 2000 fresh points, medians over 5 seeds, m = 2000,
 * ζ = 0.1. Seed s fixes the direction u and every draw of that seed's runs.
 */
public final class FeatureLearningCheck implements ClaimCheck {
    static final int D = 10, P = 4, M = 2000, SEEDS = 5, TEST = 2000;
    static final double ZETA = 0.1;

    @Override
    public List<String> ids() {
        return List.of("DLS-1", "DLS-2", "DLS-3");
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        int[] ns = ctx.quick() ? new int[] {100, 200, 1000} : new int[] {10, 32, 100, 200, 500, 1000};
        int[] targetNs = ctx.quick() ? new int[] {100, 200} : new int[] {100, 200, 500, 1000};
        int[] sources = ctx.quick() ? new int[] {D * D * D} : new int[] {2 * D * D, D * D * D};
        TwoLayerFeatureLearner learner = new TwoLayerFeatureLearner(ctx.backend(), M);
        String[] methods = {"Algorithm 1", "random features", "NTK"};
        double[][][] mse = new double[ns.length][3][SEEDS];
        double[] noStep = new double[SEEDS];
        double[] share = new double[SEEDS];
        Map<String, double[]> transfer = new LinkedHashMap<>();
        for (int s = 0; s < SEEDS; s++) {
            long seed = ctx.seed() + s;
            RandomGenerator taskRng = RandomMatrices.rng(seed);
            SingleIndexTask task = SingleIndexTask.hermite(D, P, taskRng);
            SingleIndexTask.Sample test = task.sample(TEST, 0.0, RandomMatrices.rng(seed * 31 + 7));
            for (int k = 0; k < ns.length; k++) {
                int n = ns[k];
                SingleIndexTask.Sample train = task.sample(n, ZETA, RandomMatrices.rng(seed * 1009 + n));
                var alg = learner.algorithmOne(train.x(), train.labels(), true, RandomMatrices.rng(seed * 17 + n));
                var rf = learner.randomFeatures(train.x(), train.labels(), RandomMatrices.rng(seed * 19 + n));
                mse[k][0][s] = TwoLayerFeatureLearner.mse(learner.predict(alg, test.x()), test.clean());
                mse[k][1][s] = TwoLayerFeatureLearner.mse(learner.predict(rf, test.x()), test.clean());
                mse[k][2][s] = TwoLayerFeatureLearner.mse(learner.ntkPredict(train.x(), train.labels(), test.x()),
                        test.clean());
                if (n == 200) {
                    share[s] = TwoLayerFeatureLearner.subspaceShare(alg.w(), task.direction());
                }
                if (n == 1000) {
                    var ablated = learner.algorithmOne(train.x(), train.labels(), false,
                            RandomMatrices.rng(seed * 23 + n));
                    noStep[s] = TwoLayerFeatureLearner.mse(learner.predict(ablated, test.x()), test.clean());
                }
            }
            ctx.progress(String.format(Locale.ROOT, "DLS seed %d: n = 1000 MSE alg1 %.3f rf %.3f ntk %.3f", seed,
                    mse[ns.length - 1][0][s], mse[ns.length - 1][1][s], mse[ns.length - 1][2][s]));
            // DLS-3: pretrain W₁ on n_src source samples, fit only the head on N target samples
            SingleIndexTask target = task.transferTarget();
            SingleIndexTask.Sample targetTest = target.sample(TEST, 0.0, RandomMatrices.rng(seed * 37 + 11));
            for (int nSrc : sources) {
                SingleIndexTask.Sample src = task.sample(nSrc, ZETA, RandomMatrices.rng(seed * 41 + nSrc));
                var pre = learner.algorithmOne(src.x(), src.labels(), true, RandomMatrices.rng(seed * 43 + nSrc));
                for (int bigN : targetNs) {
                    SingleIndexTask.Sample tr = target.sample(bigN, ZETA, RandomMatrices.rng(seed * 47 + bigN));
                    var head = learner.fitHead(pre.w(), pre.b(), tr.x(), tr.labels());
                    var rf = learner.randomFeatures(tr.x(), tr.labels(), RandomMatrices.rng(seed * 53 + bigN));
                    double[] v = transfer.computeIfAbsent(nSrc + "/" + bigN, key -> new double[3 * SEEDS]);
                    v[s] = TwoLayerFeatureLearner.mse(learner.predict(head, targetTest.x()), targetTest.clean());
                    v[SEEDS + s] = TwoLayerFeatureLearner.mse(learner.predict(rf, targetTest.x()), targetTest.clean());
                    v[2 * SEEDS + s] = TwoLayerFeatureLearner.mse(learner.ntkPredict(tr.x(), tr.labels(),
                            targetTest.x()), targetTest.clean());
                }
            }
        }
        CheckResult out = new CheckResult();
        // DLS-1: median share of ‖W₁‖² along u at n = 200 ≥ 0.4 (random directions: 1/d)
        out.add(base("DLS-1", ctx).check("median share of ||W1||_F^2 along u at n = 200").observed(median(share))
                .bound(0.4).holds(median(share) >= 0.4).measure("minShare", Arrays.stream(share).min().orElse(0))
                .measure("maxShare", Arrays.stream(share).max().orElse(0)).measure("randomDirectionShare", 1.0 / D)
                .detail("shares per seed " + Arrays.toString(Arrays.stream(share).map(x -> Math.round(x * 1e4) / 1e4)
                        .toArray()) + "; >= threshold is the claim").build());
        // DLS-2
        int last = ns.length - 1;
        double alg = median(mse[last][0]), rf = median(mse[last][1]), ntk = median(mse[last][2]);
        double ratio = alg / Math.min(rf, ntk);
        out.add(base("DLS-2", ctx).check("median MSE at n = 1000: Algorithm 1 / best baseline").observed(ratio)
                .bound(0.5).holds(ratio < 0.5).measure("alg1Median", alg).measure("rfMedian", rf)
                .measure("ntkMedian", ntk).build());
        double worst = 0;
        for (int k = 0; k < ns.length; k++) {
            if (ns[k] >= 100) {
                for (int s = 0; s < SEEDS; s++) {
                    worst = Math.max(worst, mse[k][0][s] / mse[k][1][s]);
                }
            }
        }
        out.add(base("DLS-2", ctx).check("every seed, n >= 100: Algorithm 1 MSE / random features MSE (max)")
                .observed(worst).bound(1.0).holds(worst < 1.0).build());
        double ablatedRatio = median(noStep) / rf;
        out.add(base("DLS-2", ctx).control().check("first-layer step removed (eta_1 = 0): median MSE / (0.5 x RF)")
                .observed(median(noStep) / Math.min(rf, ntk)).bound(0.5).holds(median(noStep) / Math.min(rf, ntk) < 0.5)
                .measure("noStepOverRf", ablatedRatio).build());
        // DLS-3
        double worstTransfer = 0;
        List<List<String>> tRows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : transfer.entrySet()) {
            double[] v = e.getValue();
            double pm = median(Arrays.copyOfRange(v, 0, SEEDS)), rm = median(Arrays.copyOfRange(v, SEEDS, 2 * SEEDS)),
                    km = median(Arrays.copyOfRange(v, 2 * SEEDS, 3 * SEEDS));
            String[] parts = e.getKey().split("/");
            int nSrc = Integer.parseInt(parts[0]), bigN = Integer.parseInt(parts[1]);
            tRows.add(List.of(parts[0], parts[1], f(pm), f(rm), f(km)));
            if (nSrc == D * D * D && (bigN == 100 || bigN == 200)) {
                worstTransfer = Math.max(worstTransfer, pm / rm);
            }
        }
        out.add(base("DLS-3", ctx).check("pretrained / random features median MSE, n_src = d^3, N in {100, 200} (max)")
                .observed(worstTransfer).bound(0.5).holds(worstTransfer < 0.5).build());
        // tables and the paper's figure
        List<List<String>> rows = new ArrayList<>();
        double[] nx = new double[ns.length];
        List<Figure.Series> series = new ArrayList<>();
        double[][] med = new double[3][ns.length], lo = new double[3][ns.length], hi = new double[3][ns.length];
        for (int k = 0; k < ns.length; k++) {
            nx[k] = ns[k];
            List<String> row = new ArrayList<>(List.of(Integer.toString(ns[k])));
            for (int q = 0; q < 3; q++) {
                med[q][k] = median(mse[k][q]);
                lo[q][k] = Arrays.stream(mse[k][q]).min().orElse(Double.NaN);
                hi[q][k] = Arrays.stream(mse[k][q]).max().orElse(Double.NaN);
                row.add(f(med[q][k]) + " [" + f(lo[q][k]) + ", " + f(hi[q][k]) + "]");
            }
            rows.add(row);
        }
        for (int q = 0; q < 3; q++) {
            series.add(new Figure.Series(methods[q] + " (median)", nx, med[q], false));
            series.add(new Figure.Series(methods[q] + " min", nx, lo[q], true));
            series.add(new Figure.Series(methods[q] + " max", nx, hi[q], true));
        }
        double[] half = new double[ns.length];
        Arrays.fill(half, 0.5);
        series.add(new Figure.Series("He2 part alone (0.5)", nx, half, true));
        out.figure(new Figure("DLS-2-test-mse", "DLS-2: test MSE against n (d = 10, p = 4, m = 2000, 5 seeds)",
                "training samples n", "test MSE vs clean f*", true, true, series));
        out.table(new Table("DLS-2-mse", "DLS-2: median test MSE [min, max] over 5 seeds", List.of("n",
                "Algorithm 1", "random features", "NTK"), rows, String.format(Locale.ROOT,
                "d = %d, p = %d, m = %d, zeta = %.1f, %d test points; eta_1 = Theta(sqrt d) fixed so rows of W1 have "
                        + "mean norm 1; relative ridge c (n lambda = c tr(K)/n) from {1e-6..10} on a held-out 20%% of the training set, the same rule for all three methods",
                D, P, M, ZETA, TEST)));
        out.table(new Table("DLS-3-transfer", "DLS-3: transfer to He3(u.x)/sqrt(6), median test MSE over 5 seeds",
                List.of("n_src", "N", "pretrained", "random features", "NTK"), tRows, ""));
        return out;
    }

    static Verdict.Builder base(String id, CheckContext ctx) {
        return Verdict.builder(id).seed(ctx.seed()).backend(ctx.backend().name()).activation("relu").size("d", D)
                .size("p", P).size("m", M).size("seeds", SEEDS).measure("zeta", ZETA);
    }
}
