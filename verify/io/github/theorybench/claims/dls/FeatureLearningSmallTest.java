package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.dls.FeatureLearningRun.AtSize;
import io.github.theorybench.claims.dls.FeatureLearningRun.Method;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-1..3 replayed once on a small instance (d = 10, m = 40, 150 test points, 3 seeds of which 2 full, n ∈ {32, 100,
 * 200}, n_src ∈ {2d², d³}, N ∈ {100, 200}) inside the asserting test, then recomputed another way on the instances
 * {@link FeatureLearningInstance#build} draws: {@link DlsReference} (loops, brute-force leave-one-out, the NTK with
 * Math's acos) for the per-seed numbers, sorting for the medians, a hand-written rank correlation for the trend.
 */
@SmallInstances
class FeatureLearningSmallTest {
    static final long BASE_SEED = 3;
    static final FeatureLearningCheck.Sizes SIZES = new FeatureLearningCheck.Sizes(40, 150, 3, 2,
            new int[] {32, 100, 200}, new int[] {200, 1000}, 10, new int[] {100, 200}, new int[] {100, 200}, 199);
    /** Per-seed numbers agree to this: both sides solve ridge systems of condition up to ~1e8 at the chosen ridge. */
    static final double TOL = 1e-7;
    static final double[] GRID = TwoLayerFeatureLearner.RIDGE_GRID;

    private final Backend backend = Backends.byName(Backends.DEFAULT);

    static void close(double actual, double expected, String what) {
        Assertions.assertThat(actual).as(what).isCloseTo(expected, within(TOL * Math.max(1, Math.abs(expected))));
    }

    @Test
    @DisplayName("DLS-1..3 small instance (m = 40, n in {32, 100, 200}, N in {100, 200}): per-seed shares, eta1, test MSEs and ridge choices, medians, win rates, trend, table and figures equal an independent recomputation")
    void smallInstance() {
        FeatureLearningCheck check = new FeatureLearningCheck(SIZES);
        List<String> progress = new ArrayList<>();
        FeatureLearningCheck.Measurement m = check.measure(SIZES, new CheckContext(backend, BASE_SEED, false,
                progress::add));
        List<Verdict> vs = check.verdicts(m);
        SeedStream seeds = SeedStream.of(BASE_SEED, "DLS-1..3");
        org.junit.jupiter.api.Assertions.assertAll(
                () -> shares(m, seeds),
                () -> comparisonAt100(m, FeatureLearningInstance.build(seeds.seed(0), SIZES)),
                () -> baselinesAt32(m, FeatureLearningInstance.build(seeds.seed(2), SIZES)),
                () -> transferAt100(m, FeatureLearningInstance.build(seeds.seed(1), SIZES)),
                () -> verdictArithmetic(m, vs),
                () -> rendering(check, m),
                () -> Assertions.assertThat(progress).hasSize(3).allMatch(l -> l.startsWith("DLS-1..3 seed ")));
    }

    /** DLS-1: every seed's share, permuted share and RMS-1 η₁ at every n, from loops. */
    void shares(FeatureLearningCheck.Measurement m, SeedStream seeds) {
        for (int s = 0; s < SIZES.seeds(); s++) {
            FeatureLearningInstance inst = FeatureLearningInstance.build(seeds.seed(s), SIZES);
            Assertions.assertThat(m.runs().get(s).provenance().seed()).isEqualTo(seeds.seed(s));
            Assertions.assertThat(m.runs().get(s).full()).isEqualTo(s < SIZES.medianSeeds());
            for (FeatureLearningInstance.Train tr : inst.trains()) {
                DenseMatrix g = DlsReference.gradient(inst.algorithmOne().init(), tr.sample().x(),
                        DlsReference.preprocess(tr.sample().x(), tr.sample().labels()).r());
                DenseMatrix gp = DlsReference.gradient(inst.algorithmOne().init(), tr.sample().x(),
                        DlsReference.preprocess(tr.sample().x(), tr.permutedLabels()).r());
                AtSize a = m.runs().get(s).at(tr.n());
                double[] u = inst.task().direction();
                close(a.share(), DlsReference.share(g, u), "share s" + s + " n" + tr.n());
                close(a.permutedShare(), DlsReference.share(gp, u), "permuted share s" + s + " n" + tr.n());
                close(a.eta1(), Math.sqrt(SIZES.m()) / DlsReference.frobenius(g), "eta1 s" + s + " n" + tr.n());
            }
        }
    }

    /** A network head on layer W = scale·direction: brute-force ridge, test MSE by loops. */
    static double[] head(FeatureLearningInstance inst, SingleIndexTask.Sample s, DenseMatrix w, double scale,
            double[] b, double[] y, double[] clean) {
        DlsReference.Pre pre = DlsReference.preprocess(s.x(), y);
        DlsReference.Head h = DlsReference.ridge(DlsReference.features(s.x(), w, scale, b), pre.r(), GRID);
        return new double[] {DlsReference.testMse(inst.testX(), clean, w, scale, b, pre, h.a()), GRID[h.index()]};
    }

    /** DLS-2 at n = 100 on a full seed: Algorithm 1, its fixed-η₁ variant, η₁ = 0 and the NTK. */
    void comparisonAt100(FeatureLearningCheck.Measurement m, FeatureLearningInstance inst) {
        FeatureLearningInstance.Train tr = inst.train(100);
        SingleIndexTask.Sample s = tr.sample();
        FeatureLearningInstance.Net alg = inst.algorithmOne();
        DenseMatrix g = DlsReference.gradient(alg.init(), s.x(), DlsReference.preprocess(s.x(), s.labels()).r());
        double eta = Math.sqrt(SIZES.m()) / DlsReference.frobenius(g);
        AtSize a = m.runs().get(0).at(100);
        double[] rms = head(inst, s, g, -eta, alg.biases(), s.labels(), inst.testClean());
        close(a.mse(Method.ALGORITHM_ONE), rms[0], "Algorithm 1");
        Assertions.assertThat(a.ridge()[Method.ALGORITHM_ONE.ordinal()]).isEqualTo(rms[1]);
        double fixedEta = TwoLayerFeatureLearner.paperEta1(FeatureLearningCheck.D);
        close(a.mse(Method.FIXED_ETA), head(inst, s, g, -fixedEta, alg.biases(), s.labels(), inst.testClean())[0],
                "fixed eta1");
        close(a.mse(Method.NO_STEP), head(inst, s, alg.init().weights(), 1, alg.biases(), s.labels(),
                inst.testClean())[0], "eta1 = 0");
        DlsReference.Pre pre = DlsReference.preprocess(s.x(), s.labels());
        DlsReference.Head k = DlsReference.kernelRidge(s.x(), pre.r(), GRID, 1.0 / FeatureLearningCheck.D);
        close(a.mse(Method.NTK), DlsReference.kernelTestMse(inst.testX(), inst.testClean(), s.x(), k.a(), pre,
                1.0 / FeatureLearningCheck.D), "NTK");
        Assertions.assertThat(a.ridge()[Method.NTK.ordinal()]).isEqualTo(GRID[k.index()]);
    }

    /** DLS-2 at n = 32 on a lite seed: Algorithm 1 and random features run, the full-seed methods do not. */
    void baselinesAt32(FeatureLearningCheck.Measurement m, FeatureLearningInstance inst) {
        SingleIndexTask.Sample s = inst.train(32).sample();
        FeatureLearningInstance.Net rf = inst.randomFeatures();
        AtSize a = m.runs().get(2).at(32);
        close(a.mse(Method.RANDOM_FEATURES), head(inst, s, rf.init().weights(), 1, rf.biases(), s.labels(),
                inst.testClean())[0], "random features");
        Assertions.assertThat(a.mse(Method.NTK)).isNaN();
        Assertions.assertThat(a.mse(Method.FIXED_ETA)).isNaN();
        Assertions.assertThat(a.mse(Method.NO_STEP)).isNaN();      // η₁ = 0 runs at n = 100 only on lite seeds
        Assertions.assertThat(m.runs().get(2).at(100).mse(Method.NO_STEP)).isFinite();
        Assertions.assertThat(m.runs().get(2).transfers()).isEmpty();
        Assertions.assertThat(m.runs().get(2).randomFeatureDirections()).isEqualTo(SIZES.m() / 2);
        Assertions.assertThat(m.runs().get(2).randomFeatureUnits()).isEqualTo(SIZES.m());
    }

    /** DLS-3 at N = 100 on the second full seed: heads on the d³- and d-pretrained layers and on random features. */
    void transferAt100(FeatureLearningCheck.Measurement m, FeatureLearningInstance inst) {
        FeatureLearningInstance.Train tr = inst.train(100);
        FeatureLearningRun.Transfer t = m.runs().get(1).transfer(100);
        FeatureLearningInstance.Net alg = inst.algorithmOne(), rf = inst.randomFeatures();
        double[] y = tr.transfer().labels(), clean = inst.testTransferClean();
        int[] sources = {1000, 10};
        double[] measured = {t.pretrained()[1], t.control()};
        for (int q = 0; q < 2; q++) {
            SingleIndexTask.Sample src = inst.source(sources[q]).sample();
            DenseMatrix g = DlsReference.gradient(alg.init(), src.x(), DlsReference.preprocess(src.x(),
                    src.labels()).r());
            double eta = Math.sqrt(SIZES.m()) / DlsReference.frobenius(g);
            close(measured[q], head(inst, tr.sample(), g, -eta, alg.biases(), y, clean)[0], "pretrained n_src = "
                    + sources[q]);
        }
        close(t.randomFeatures(), head(inst, tr.sample(), rf.init().weights(), 1, rf.biases(), y, clean)[0],
                "transfer random features");
    }

    /** Medians by sorting, win counts, ρ by a hand-written Spearman. */
    void verdictArithmetic(FeatureLearningCheck.Measurement m, List<Verdict> vs) {
        double[] share200 = m.runs().stream().mapToDouble(r -> r.at(200).share()).toArray();
        Verdict share = only(vs, FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED);
        close(share.observed(), DlsReference.median(share200), "median share");
        Verdict trend = only(vs, FeatureLearningCheck.SHARE_TREND);
        close(trend.measurements().get("rho"), spearman(m), "Spearman rho");
        Assertions.assertThat(trend.observed()).isBetween(1.0 / 200, 1.0);
        double[] alg = full(m, 200, Method.ALGORITHM_ONE), rf = full(m, 200, Method.RANDOM_FEATURES),
                ntk = full(m, 200, Method.NTK);
        close(only(vs, FeatureLearningCheck.MEDIAN_RATIO).observed(), DlsReference.median(alg)
                / Math.min(DlsReference.median(rf), DlsReference.median(ntk)), "median ratio at n = 200");
        int wins = 0;
        for (FeatureLearningRun r : m.runs()) {
            wins += r.at(100).mse(Method.ALGORITHM_ONE) < r.at(100).mse(Method.RANDOM_FEATURES) ? 1 : 0;
        }
        Verdict win = vs.stream().filter(v -> v.criterion().equals(FeatureLearningCheck.BEATS_RANDOM_FEATURES)
                && v.sizes().get("n").equals(100)).findFirst().orElseThrow();
        Assertions.assertThat(win.observed()).isEqualTo(wins / 3.0);
        Assertions.assertThat(vs.stream().filter(v -> v.criterion().equals(FeatureLearningCheck.BEATS_RANDOM_FEATURES))
                .count()).isEqualTo(2);                              // n = 100 and 200 (not 32 < d^2)
        double[] pre = m.runs().stream().filter(FeatureLearningRun::full).mapToDouble(r -> r.transfer(200)
                .pretrained()[1]).toArray();
        double[] rft = m.runs().stream().filter(FeatureLearningRun::full).mapToDouble(r -> r.transfer(200)
                .randomFeatures()).toArray();
        Verdict tr = vs.stream().filter(v -> v.criterion().equals(FeatureLearningCheck.TRANSFER_RATIO)
                && v.sizes().get("N").equals(200)).findFirst().orElseThrow();
        close(tr.observed(), DlsReference.median(pre) / DlsReference.median(rft), "transfer ratio at N = 200");
        Assertions.assertThat(vs).extracting(Verdict::id).containsOnly("DLS-1", "DLS-2", "DLS-3");
    }

    static double[] full(FeatureLearningCheck.Measurement m, int n, Method method) {
        return m.runs().stream().filter(FeatureLearningRun::full).mapToDouble(r -> r.at(n).mse(method)).toArray();
    }

    static Verdict only(List<Verdict> vs, io.github.theorybench.claims.Criterion c) {
        List<Verdict> hits = vs.stream().filter(v -> v.criterion().equals(c)).toList();
        Assertions.assertThat(hits).hasSize(1);
        return hits.get(0);
    }

    /** Spearman's ρ over all (n, seed) pairs with average ranks for ties, written out. */
    static double spearman(FeatureLearningCheck.Measurement m) {
        List<double[]> pts = new ArrayList<>();
        for (FeatureLearningRun r : m.runs()) {
            for (AtSize a : r.sizes()) {
                pts.add(new double[] {a.n(), a.share()});
            }
        }
        double[] rx = ranks(pts, 0), ry = ranks(pts, 1);
        double mx = 0, my = 0;
        for (int i = 0; i < rx.length; i++) {
            mx += rx[i] / rx.length;
            my += ry[i] / ry.length;
        }
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(List<double[]> pts, int col) {
        double[] r = new double[pts.size()];
        for (int i = 0; i < r.length; i++) {
            int below = 0, equal = 0;
            for (double[] q : pts) {
                below += q[col] < pts.get(i)[col] ? 1 : 0;
                equal += q[col] == pts.get(i)[col] ? 1 : 0;
            }
            r[i] = below + (equal + 1) / 2.0;
        }
        return r;
    }

    /** Table cells and figure series come from the same numbers. */
    void rendering(FeatureLearningCheck check, FeatureLearningCheck.Measurement m) {
        Table t = check.tables(m).get(0);
        Assertions.assertThat(t.name()).isEqualTo("DLS-2-mse");
        Assertions.assertThat(t.rows()).hasSize(3);
        Assertions.assertThat(t.rows().get(1).get(0)).isEqualTo("100");
        double[] alg100 = m.runs().stream().mapToDouble(r -> r.at(100).mse(Method.ALGORITHM_ONE)).toArray();
        Assertions.assertThat(t.rows().get(1).get(1)).startsWith(io.github.theorybench.claims.support.NumberText
                .format("%.4f [", DlsReference.median(alg100)));
        Assertions.assertThat(t.rows().get(0).get(3)).isEqualTo(FeatureLearningReport.band(full(m, 32, Method.NTK)));
        List<Figure> figs = check.figures(m);
        Assertions.assertThat(figs).extracting(Figure::name).containsExactly("DLS-1-share", "DLS-2-test-mse",
                "DLS-3-transfer");
        Figure mse = figs.get(1);
        Assertions.assertThat(mse.series().get(0).label()).isEqualTo("Algorithm 1 (median)");
        close(mse.series().get(0).y()[1], DlsReference.median(alg100), "figure median at n = 100");
        Assertions.assertThat(mse.series().get(mse.series().size() - 1).reference()).isTrue();
        Figure share = figs.get(0);
        Assertions.assertThat(share.series()).anyMatch(s -> s.label().startsWith("random directions")
                && s.y()[0] == 0.1);
        Assertions.assertThat(check.tables(m).get(1).rows()).hasSize(2);
    }
}
