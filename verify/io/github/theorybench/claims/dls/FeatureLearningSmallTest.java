package io.github.theorybench.claims.dls;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.ALG;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.D;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.P;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.PRE;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.RF;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.SEEDS;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.SOURCE;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.TASK;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.TEST_SET;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.TRAIN;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.T_RF;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.T_TEST;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.T_TRAIN;
import static io.github.theorybench.claims.dls.FeatureLearningCheck.rng;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.hipparchus.random.RandomGenerator;

/**
 * DLS-1..3 on a small instance (d = 10, p = 4 and 5 seeds as in CLAIMS.md, but width m = 40, 200 test points, n ∈
 * {32, 200}, N ∈ {100, 200}, n_src ∈ {2d², d³}): the whole check in well under a second. The test recomputes
 * every per-seed number from the instance (seed 004, Algorithm 1: preprocessing, one step with η₁ = paperEta1,
 * re-drawn biases, ridge head; random features frozen at W₀; NTK kernel ridge; test MSE against the clean target)
 * with the model's public API, then pins every verdict, measurement, figure series and table cell to it.
 */
@SmallInstances
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureLearningSmallTest {
    static final int M = 40, TEST = 200;
    static final int[] NS = {32, 200}, TARGET_NS = {100, 200}, SOURCES = {2 * D * D, D * D * D};
    static final long BASE_SEED = 3;
    static final double ZETA = 0.1;

    private final Backend backend = Backends.byName(Backends.DEFAULT);
    private final List<String> progress = new ArrayList<>();
    private CheckResult result;
    // recomputed per-seed numbers: [n index][method: alg1, rf, ntk][seed]
    private final double[][][] mse = new double[NS.length][3][SEEDS], ridge = new double[NS.length][3][SEEDS];
    private final double[][] share = new double[NS.length][SEEDS], rowNorm = new double[NS.length][SEEDS];
    private final double[] share0 = new double[SEEDS], noStep = new double[SEEDS];
    // transfer: [source][N][seed], and [N][seed]
    private final double[][][] pre = new double[SOURCES.length][TARGET_NS.length][SEEDS];
    private final double[][] preNoStep = new double[TARGET_NS.length][SEEDS], tRf = new double[TARGET_NS.length][SEEDS],
            tNtk = new double[TARGET_NS.length][SEEDS];
    private double eta1;

    /** A net at the symmetric init (w ~ N(0, I/d), a = ±1 mirrored) and biases b ~ N(0, 1), drawn in that order. */
    private record Net(TwoLayerInit init, double[] b) {
        static Net draw(RandomGenerator r) {
            TwoLayerInit init = TwoLayerInit.antisymmetric(M, D, 1.0 / Math.sqrt(D), r);
            return new Net(init, RandomMatrices.gaussianVector(M, 1.0, r));
        }
    }

    /** The recomputation (model API only); the check itself runs inside the test method, see {@link #smallInstance}. */
    @BeforeAll
    void recompute() {
        TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(backend, M);
        TwoLayerFeatureLearner.Kernel ntk = l.ntk(D);
        // 004, Theorem 1 / TwoLayerFeatureLearner: eta_1 = sqrt(2) pi Gamma((d+1)/2)/Gamma(d/2); at d = 10
        // Gamma(11/2) = (945/32) sqrt(pi), Gamma(5) = 24, so eta_1 = sqrt(2) pi 945 sqrt(pi) / 768
        eta1 = Math.sqrt(2) * Math.PI * 945 * Math.sqrt(Math.PI) / 768;
        for (int s = 0; s < SEEDS; s++) {
            long seed = BASE_SEED + s;
            SingleIndexTask task = SingleIndexTask.hermite(D, P, rng(seed, TASK, 0));
            double[] u = task.direction();
            SingleIndexTask.Sample test = task.sample(TEST, 0.0, rng(seed, TEST_SET, 0));
            for (int k = 0; k < NS.length; k++) {
                int n = NS[k];
                SingleIndexTask.Sample train = task.sample(n, ZETA, rng(seed, TRAIN, n));
                Net a = Net.draw(rng(seed, ALG, n)), r = Net.draw(rng(seed, RF, n));
                var alg = l.fit(l.algorithmOne(a.init(), a.b(), eta1), train.x(), train.labels());
                var rf = l.fit(TwoLayerFeatureLearner.frozen(r.init().weights(), r.b()), train.x(), train.labels());
                var kr = l.kernelRidge(ntk, train.x(), train.labels(), test.x());
                mse[k][0][s] = mse(l.predict(alg, test.x()), test.clean());
                mse[k][1][s] = mse(l.predict(rf, test.x()), test.clean());
                mse[k][2][s] = mse(kr.predictions(), test.clean());
                ridge[k][0][s] = alg.ridge();
                ridge[k][1][s] = rf.ridge();
                ridge[k][2][s] = kr.ridge();
                // DLS-1: ||W1 u||^2 / ||W1||_F^2 for the layer fitted on all n samples
                DenseMatrix w1 = alg.w();
                share[k][s] = shareAlong(w1, u);
                rowNorm[k][s] = meanRowNorm(w1);
                if (n == 2 * D * D) {
                    share0[s] = shareAlong(a.init().weights(), u);
                }
                if (n == NS[NS.length - 1]) {
                    // eta_1 = 0: W1 = W0 with the same re-drawn biases, i.e. random features on Algorithm 1's draw
                    var ablated = l.fit(TwoLayerFeatureLearner.frozen(a.init().weights(), a.b()), train.x(),
                            train.labels());
                    noStep[s] = mse(l.predict(ablated, test.x()), test.clean());
                }
            }
            SingleIndexTask target = task.transferTarget();
            SingleIndexTask.Sample targetTest = target.sample(TEST, 0.0, rng(seed, T_TEST, 0));
            DenseMatrix[] w = new DenseMatrix[SOURCES.length];
            double[][] b = new double[SOURCES.length][];
            DenseMatrix w0 = null;
            for (int q = 0; q < SOURCES.length; q++) {
                SingleIndexTask.Sample src = task.sample(SOURCES[q], ZETA, rng(seed, SOURCE, SOURCES[q]));
                Net dr = Net.draw(rng(seed, PRE, SOURCES[q]));
                double[] residual = l.preprocess(src.x(), src.labels()).y();
                // W1 = -eta1 grad_W L(theta0) on the preprocessed source labels (004, Algorithm 1, lambda1 = 1/eta1)
                w[q] = l.lossGradient(src.x(), residual, dr.init().weights(), new double[M], dr.init().signs())
                        .scale(-eta1);
                b[q] = dr.b();
                if (q == SOURCES.length - 1) {
                    w0 = dr.init().weights();
                }
            }
            for (int t = 0; t < TARGET_NS.length; t++) {
                int bigN = TARGET_NS[t];
                SingleIndexTask.Sample tr = target.sample(bigN, ZETA, rng(seed, T_TRAIN, bigN));
                for (int q = 0; q < SOURCES.length; q++) {
                    var head = l.fit(TwoLayerFeatureLearner.frozen(w[q], b[q]), tr.x(), tr.labels());
                    pre[q][t][s] = mse(l.predict(head, targetTest.x()), targetTest.clean());
                }
                var head0 = l.fit(TwoLayerFeatureLearner.frozen(w0, b[SOURCES.length - 1]), tr.x(), tr.labels());
                preNoStep[t][s] = mse(l.predict(head0, targetTest.x()), targetTest.clean());
                Net r = Net.draw(rng(seed, T_RF, bigN));
                var rf = l.fit(TwoLayerFeatureLearner.frozen(r.init().weights(), r.b()), tr.x(), tr.labels());
                tRf[t][s] = mse(l.predict(rf, targetTest.x()), targetTest.clean());
                tNtk[t][s] = mse(l.kernelRidge(ntk, tr.x(), tr.labels(), targetTest.x()).predictions(),
                        targetTest.clean());
            }
        }
    }

    // ---- independent small helpers (not the check's) ----

    static double mse(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s / f.length;
    }

    /** DLS-1 share of ||W||_F^2 along the unit vector u: sum_j (w_j.u)^2 / sum_jk w_jk^2. */
    static double shareAlong(DenseMatrix w, double[] u) {
        double along = 0, total = 0;
        for (int j = 0; j < w.rows(); j++) {
            double dot = 0;
            for (int k = 0; k < w.cols(); k++) {
                dot += w.get(j, k) * u[k];
                total += w.get(j, k) * w.get(j, k);
            }
            along += dot * dot;
        }
        return along / total;
    }

    static double meanRowNorm(DenseMatrix w) {
        double s = 0;
        for (int j = 0; j < w.rows(); j++) {
            double q = 0;
            for (int k = 0; k < w.cols(); k++) {
                q += w.get(j, k) * w.get(j, k);
            }
            s += Math.sqrt(q);
        }
        return s / w.rows();
    }

    /** Median of an odd number of values (5 seeds): the middle order statistic. */
    static double med(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static double lo(double[] v) {
        return Arrays.stream(v).min().getAsDouble();
    }

    static double hi(double[] v) {
        return Arrays.stream(v).max().getAsDouble();
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String band(double[] v) {
        return f4(med(v)) + " [" + f4(lo(v)) + ", " + f4(hi(v)) + "]";
    }

    static String seeds3(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", x));
        }
        return "[" + sb + "]";
    }

    static void close(double actual, double expected, String what) {
        Assertions.assertThat(actual).as(what).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    private void decorated(Verdict v, String id, Verdict.Role role, Object n, String sizeName) {
        Assertions.assertThat(v.id()).isEqualTo(id);
        Assertions.assertThat(v.kind()).isEqualTo(ClaimKind.PHENOMENON);
        Assertions.assertThat(v.role()).isEqualTo(role);
        Assertions.assertThat(v.seed()).isEqualTo(BASE_SEED);
        Assertions.assertThat(v.backend()).isEqualTo(backend.name());
        Assertions.assertThat(v.activation()).isEqualTo("relu");
        Assertions.assertThat(v.sizes()).containsExactly(Map.entry("d", D), Map.entry("p", P), Map.entry("m", M),
                Map.entry("seeds", SEEDS), Map.entry(sizeName, n));
        Assertions.assertThat(v.measurements()).containsEntry("zeta", ZETA);
        Assertions.assertThat(v.hypothesisMet()).isTrue();
        Assertions.assertThat(v.error()).isNull();
    }

    // ---- the test ----

    /*
     * One test method, not one per part with the check run in @BeforeAll: PIT's JUnit 5 plugin attributes code run in
     * @BeforeAll to the class container, and re-running that container for a mutant runs no assertion, so mutants of
     * the check's run() survived every assertion below. Run here, the check's lines are covered by this method.
     */
    @Test
    @DisplayName("DLS-1..3 small instance (m = 40, n in {32, 200}, N in {100, 200}, n_src in {2d^2, d^3}): every verdict, measurement, figure series, table cell and progress line equals the recomputation")
    void smallInstance() {
        FeatureLearningCheck.Sizes sizes = new FeatureLearningCheck.Sizes(M, TEST, NS, TARGET_NS, SOURCES);
        result = new FeatureLearningCheck(sizes).run(new CheckContext(backend, BASE_SEED, false, progress::add));
        org.junit.jupiter.api.Assertions.assertAll(this::shareVerdict, this::growthVerdict, this::shareControl,
                this::comparisonVerdict, this::perSeedVerdicts, this::comparisonControl, this::transferVerdicts,
                this::mseFigure, this::mseTable, this::transferTableAndFigure, this::progressLines);
    }

    /**
     * DLS-1 small instance: share verdict = median of recomputed ||W1 u||^2/||W1||_F^2 at n = 2d^2, min/max/1/d
     * measured, holds iff >= 0.4.
     */
    void shareVerdict() {
        int k = 1;   // n = 200 = 2d^2
        Verdict v = result.verdict("DLS-1", "median share of ||W1||_F^2 along u at n = 2d^2");
        decorated(v, "DLS-1", Verdict.Role.CLAIM, 200, "n");
        close(v.observed(), med(share[k]), "median share");
        Assertions.assertThat(v.bound()).isEqualTo(0.4);
        Assertions.assertThat(v.holds()).isEqualTo(med(share[k]) >= 0.4);
        assertThat(v).hasMeasurementCloseTo("minShare", lo(share[k]), 1e-12, "min over seeds")
                .hasMeasurementCloseTo("maxShare", hi(share[k]), 1e-12, "max over seeds")
                .hasMeasurementCloseTo("randomDirectionShare", 0.1, 1e-15, "1/d");
        Assertions.assertThat(v.detail()).isEqualTo("shares per seed " + seeds3(share[k])
                + " at n = 200 (random directions: 1/d = 0.10); holds when median >= 0.40");
        // at this width and n the step already finds u on most seeds (share >> 1/d)
        Assertions.assertThat(v.observed()).isGreaterThan(0.3);
    }

    /** DLS-1 small instance: growth verdict compares the recomputed medians along n; observed = last - first. */
    void growthVerdict() {
        Verdict v = result.verdict("DLS-1", "median share increases along the n grid");
        double[] meds = {med(share[0]), med(share[1])};
        close(v.observed(), meds[1] - meds[0], "largest - smallest n");
        Assertions.assertThat(v.bound()).isZero();
        Assertions.assertThat(v.holds()).isEqualTo(meds[0] < meds[1]);
        assertThat(v).hasMeasurementCloseTo("shareAtSmallestN", meds[0], 1e-12, "median at n = 32")
                .hasMeasurementCloseTo("shareAtLargestN", meds[1], 1e-12, "median at n = 200");
        Assertions.assertThat(v.detail()).isEqualTo("median shares at n = [32, 200]: " + seeds3(meds)
                + "; holds when strictly increasing");
        Assertions.assertThat(v.sizes()).doesNotContainKey("n");
    }

    /** DLS-1 small instance: control eta_1 = 0 measures the share of W0 itself (~1/d) and is flagged. */
    void shareControl() {
        Verdict v = result.verdict("DLS-1", "control: eta_1 = 0 (W1 = W0), same share test at n = 2d^2");
        decorated(v, "DLS-1", Verdict.Role.CONTROL, 200, "n");
        close(v.observed(), med(share0), "median share of W0");
        Assertions.assertThat(v.bound()).isEqualTo(0.4);
        assertThat(v).isViolated().hasObservedWithin(0.02, 0.3);   // random rows: 1/d = 0.1 in expectation
        Assertions.assertThat(v.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        Assertions.assertThat(v.detail()).isEqualTo("shares of W0 per seed " + seeds3(share0) + "; 1/d = 0.10");
    }

    /** DLS-2 small instance: median ratio Algorithm 1 / min(RF, NTK) at the largest n from recomputed test MSEs. */
    void comparisonVerdict() {
        int k = 1;
        Verdict v = result.verdict("DLS-2", "median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)");
        decorated(v, "DLS-2", Verdict.Role.CLAIM, 200, "n");
        double ratio = med(mse[k][0]) / Math.min(med(mse[k][1]), med(mse[k][2]));
        close(v.observed(), ratio, "median alg1 / min(median rf, median ntk)");
        Assertions.assertThat(v.bound()).isEqualTo(0.5);
        Assertions.assertThat(v.holds()).isEqualTo(ratio < 0.5);
        assertThat(v).hasMeasurementCloseTo("alg1Median", med(mse[k][0]), 1e-12, "median alg1 MSE")
                .hasMeasurementCloseTo("rfMedian", med(mse[k][1]), 1e-12, "median RF MSE")
                .hasMeasurementCloseTo("ntkMedian", med(mse[k][2]), 1e-12, "median NTK MSE")
                .hasMeasurementCloseTo("he2Only", 0.5, 0, "E (He2/2)^2 = 1/2");
        Assertions.assertThat(v.detail()).isEqualTo(String.format(Locale.ROOT, "medians over 5 seeds: Algorithm 1 "
                + "%.4f, random features %.4f, NTK %.4f (He2 part alone 0.5); holds when ratio < 0.5",
                med(mse[k][0]), med(mse[k][1]), med(mse[k][2])));
    }

    /**
     * DLS-2 small instance: per-seed verdict only for n >= 100 (not 32), observed = max over seeds of alg1 / RF MSE.
     */
    void perSeedVerdicts() {
        Assertions.assertThat(result.verdicts("DLS-2")).extracting(Verdict::check).containsExactly(
                "median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)",
                "every seed at n = 200: max Algorithm 1 MSE / RF MSE",
                "control: eta_1 = 0, same comparison at n = 1000");
        for (int k = 1; k < NS.length; k++) {
            Verdict v = result.verdict("DLS-2", "every seed at n = " + NS[k] + ": max Algorithm 1 MSE / RF MSE");
            decorated(v, "DLS-2", Verdict.Role.CLAIM, NS[k], "n");
            double[] ratios = new double[SEEDS];
            for (int s = 0; s < SEEDS; s++) {
                ratios[s] = mse[k][0][s] / mse[k][1][s];
            }
            close(v.observed(), hi(ratios), "max_s alg1_s / rf_s at n = " + NS[k]);
            Assertions.assertThat(v.bound()).isEqualTo(1.0);
            Assertions.assertThat(v.holds()).isEqualTo(hi(ratios) < 1.0);
            Assertions.assertThat(v.detail()).isEqualTo("per-seed ratios " + seeds3(ratios) + " (Algorithm 1 "
                    + seeds3(mse[k][0]) + ", random features " + seeds3(mse[k][1]) + "); holds when every ratio < 1");
        }
    }

    /** DLS-2 small instance: control eta_1 = 0 (same init and biases) is random features and is flagged. */
    void comparisonControl() {
        int k = 1;
        Verdict v = result.verdict("DLS-2", "control: eta_1 = 0, same comparison at n = 1000");
        decorated(v, "DLS-2", Verdict.Role.CONTROL, 200, "n");
        double ratio = med(noStep) / Math.min(med(mse[k][1]), med(mse[k][2]));
        close(v.observed(), ratio, "median no-step / min(median rf, median ntk)");
        assertThat(v).isViolated().hasMeasurementCloseTo("noStepMedian", med(noStep), 1e-12, "median no-step MSE")
                .hasMeasurementCloseTo("noStepOverRf", med(noStep) / med(mse[k][1]), 1e-12, "no-step / RF");
        Assertions.assertThat(v.bound()).isEqualTo(0.5);
        Assertions.assertThat(v.detail()).isEqualTo(String.format(Locale.ROOT, "Algorithm 1 with eta_1 = 0 (same "
                + "init and biases): median %.4f (per seed %s) vs random features %.4f, NTK %.4f", med(noStep),
                seeds3(noStep), med(mse[k][1]), med(mse[k][2])));
    }

    /**
     * DLS-3 small instance: worst over N in {100, 200} of median pretrained(n_src = d^3) / median RF; eta_1 = 0
     * pretraining.
     */
    void transferVerdicts() {
        int q = SOURCES.length - 1;   // n_src = d^3
        double worst = 0, worstCtrl = 0;
        List<String> parts = new ArrayList<>(), ctrlParts = new ArrayList<>();
        for (int t = 0; t < TARGET_NS.length; t++) {
            double r = med(pre[q][t]) / med(tRf[t]), c = med(preNoStep[t]) / med(tRf[t]);
            worst = Math.max(worst, r);
            worstCtrl = Math.max(worstCtrl, c);
            parts.add(String.format(Locale.ROOT, "N=%d: pretrained %.4f, RF %.4f, NTK %.4f (ratio %.3f)",
                    TARGET_NS[t], med(pre[q][t]), med(tRf[t]), med(tNtk[t]), r));
            ctrlParts.add(String.format(Locale.ROOT, "N=%d: eta_1 = 0 pretrained %.4f vs RF %.4f (ratio %.3f)",
                    TARGET_NS[t], med(preNoStep[t]), med(tRf[t]), c));
        }
        Verdict v = result.verdict("DLS-3", "max over N in {100, 200}: median pretrained / median RF, n_src = d^3");
        decorated(v, "DLS-3", Verdict.Role.CLAIM, 1000, "n_src");
        close(v.observed(), worst, "max_N median pretrained / median RF");
        Assertions.assertThat(v.bound()).isEqualTo(0.5);
        Assertions.assertThat(v.holds()).isEqualTo(worst < 0.5);
        Assertions.assertThat(v.detail()).isEqualTo(String.join("; ", parts) + "; holds when every ratio < 0.5");
        Verdict c = result.verdict("DLS-3", "control: pretraining with eta_1 = 0, same comparison");
        decorated(c, "DLS-3", Verdict.Role.CONTROL, 1000, "n_src");
        close(c.observed(), worstCtrl, "max_N median eta1=0 pretrained / median RF");
        Assertions.assertThat(c.bound()).isEqualTo(0.5);
        assertThat(c).isViolated();
        Assertions.assertThat(c.detail()).isEqualTo(String.join("; ", ctrlParts));
        Assertions.assertThat(result.verdicts()).hasSize(3 + 3 + 2);
    }

    /** DLS-2 small instance: figure series are the recomputed medians, min and max per method, and the He2 line 0.5. */
    void mseFigure() {
        Figure fig = result.figures().stream().filter(f -> f.name().equals("DLS-2-test-mse")).findFirst()
                .orElseThrow();
        Assertions.assertThat(fig.title()).isEqualTo(
                "DLS-2: test MSE vs n (d = 10, p = 4, m = 40, 5 seeds: median, dashed min-max band)");
        Assertions.assertThat(fig.xLabel()).isEqualTo("training samples n");
        Assertions.assertThat(fig.yLabel()).isEqualTo("test MSE vs clean f*");
        Assertions.assertThat(fig.logX()).isTrue();
        Assertions.assertThat(fig.logY()).isTrue();
        String[] methods = {"Algorithm 1", "random features", "NTK"};
        Assertions.assertThat(fig.series()).hasSize(10);
        for (int q = 0; q < 3; q++) {
            Figure.Series median = fig.series().get(3 * q), min = fig.series().get(3 * q + 1),
                    max = fig.series().get(3 * q + 2);
            Assertions.assertThat(median.label()).isEqualTo(methods[q] + " (median)");
            Assertions.assertThat(median.reference()).isFalse();
            Assertions.assertThat(median.bandOf()).isNull();
            Assertions.assertThat(min.label()).isEqualTo(methods[q] + " min (band)");
            Assertions.assertThat(max.label()).isEqualTo(methods[q] + " max (band)");
            Assertions.assertThat(min.bandOf()).isEqualTo(median.label());
            Assertions.assertThat(max.bandOf()).isEqualTo(median.label());
            for (Figure.Series s : List.of(median, min, max)) {
                Assertions.assertThat(s.x()).containsExactly(32, 200);
            }
            for (int k = 0; k < NS.length; k++) {
                close(median.y()[k], med(mse[k][q]), methods[q] + " median at n = " + NS[k]);
                close(min.y()[k], lo(mse[k][q]), methods[q] + " min at n = " + NS[k]);
                close(max.y()[k], hi(mse[k][q]), methods[q] + " max at n = " + NS[k]);
            }
        }
        Figure.Series he2 = fig.series().get(9);
        Assertions.assertThat(he2.label()).isEqualTo("He2 part alone (0.5)");
        Assertions.assertThat(he2.reference()).isTrue();
        Assertions.assertThat(he2.x()).containsExactly(32, 200);
        Assertions.assertThat(he2.y()).containsExactly(0.5, 0.5);
        // the figure and the DLS-2 verdict report the same medians
        Verdict v = result.verdict("DLS-2", "median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)");
        Assertions.assertThat(fig.series().get(0).y()[1]).isEqualTo(v.measurements().get("alg1Median"));
    }

    /**
     * DLS-2 small instance: table rows are the recomputed MSE bands, DLS-1 shares, row norms of W1 and chosen ridges.
     */
    void mseTable() {
        Table t = result.tables().stream().filter(x -> x.name().equals("DLS-2-mse")).findFirst().orElseThrow();
        Assertions.assertThat(t.title()).isEqualTo("DLS-2: test MSE against clean f*, median [min, max] over 5 seeds");
        Assertions.assertThat(t.header()).containsExactly("n", "Algorithm 1", "random features", "NTK",
                "DLS-1 share of ||W1||^2 along u", "mean row norm of W1", "ridge c (Alg1 / RF / NTK)");
        Assertions.assertThat(t.rows()).hasSize(NS.length);
        for (int k = 0; k < NS.length; k++) {
            Assertions.assertThat(t.rows().get(k)).containsExactly(Integer.toString(NS[k]), band(mse[k][0]),
                    band(mse[k][1]), band(mse[k][2]), band(share[k]), band(rowNorm[k]),
                    String.format(Locale.ROOT, "%.0e / %.0e / %.0e", med(ridge[k][0]), med(ridge[k][1]),
                            med(ridge[k][2])));
        }
        Assertions.assertThat(t.note()).startsWith("d = 10, p = 4, m = 40, zeta = 0.1, 200 clean test points; "
                + "eta_1 = sqrt(2) pi Gamma((d+1)/2)/Gamma(d/2) = " + String.format(Locale.ROOT, "%.3f", eta1)
                + " = Theta(sqrt d)");
    }

    /**
     * DLS-3 small instance: transfer table and figure carry the recomputed medians for every n_src, eta_1 = 0, RF and
     * NTK.
     */
    void transferTableAndFigure() {
        Table t = result.tables().stream().filter(x -> x.name().equals("DLS-3-transfer")).findFirst().orElseThrow();
        Assertions.assertThat(t.header()).containsExactly("N", "pretrained, n_src = 200", "pretrained, n_src = 1000",
                "pretrained with eta_1 = 0, n_src = 1000", "random features", "NTK");
        Assertions.assertThat(t.title()).isEqualTo(
                "DLS-3: transfer to He3(u.x)/sqrt(3!), test MSE median [min, max] over 5 seeds");
        Assertions.assertThat(t.note()).endsWith("d = 10, m = 40, zeta = 0.1, 200 clean test points");
        Figure fig = result.figures().stream().filter(f -> f.name().equals("DLS-3-transfer")).findFirst()
                .orElseThrow();
        Assertions.assertThat(fig.title()).isEqualTo("DLS-3: transfer to He3(u.x)/sqrt(6), median test MSE vs N");
        Assertions.assertThat(fig.xLabel()).isEqualTo("target samples N");
        Assertions.assertThat(fig.yLabel()).isEqualTo("test MSE vs clean target");
        Assertions.assertThat(fig.logX()).isTrue();
        Assertions.assertThat(fig.logY()).isTrue();
        Assertions.assertThat(fig.series()).hasSize(5);
        double[][][] columns = {pre[0], pre[1], preNoStep, tRf, tNtk};
        for (int c = 0; c < columns.length; c++) {
            Figure.Series s = fig.series().get(c);
            Assertions.assertThat(s.label()).isEqualTo(t.header().get(c + 1) + " (median)");
            Assertions.assertThat(s.reference()).isFalse();
            Assertions.assertThat(s.x()).containsExactly(100, 200);
            for (int n = 0; n < TARGET_NS.length; n++) {
                close(s.y()[n], med(columns[c][n]), s.label() + " at N = " + TARGET_NS[n]);
            }
        }
        Assertions.assertThat(t.rows()).hasSize(TARGET_NS.length);
        for (int n = 0; n < TARGET_NS.length; n++) {
            Assertions.assertThat(t.rows().get(n)).containsExactly(Integer.toString(TARGET_NS[n]),
                    band(pre[0][n]), band(pre[1][n]), band(preNoStep[n]), band(tRf[n]), band(tNtk[n]));
        }
        Assertions.assertThat(result.figures()).extracting(Figure::name).containsExactly("DLS-2-test-mse",
                "DLS-3-transfer");
        Assertions.assertThat(result.tables()).extracting(Table::name).containsExactly("DLS-2-mse", "DLS-3-transfer");
    }

    /** DLS small instance: two progress lines per seed with the seed's recomputed numbers. */
    void progressLines() {
        Assertions.assertThat(progress).hasSize(2 * SEEDS);
        for (int s = 0; s < SEEDS; s++) {
            Assertions.assertThat(progress.get(2 * s)).startsWith(String.format(Locale.ROOT,
                    "DLS seed %d: n = 200 test MSE alg1 %.3f rf %.3f ntk %.3f (eta1 = 0: %.3f) (", BASE_SEED + s,
                    mse[1][0][s], mse[1][1][s], mse[1][2][s], noStep[s]));
            Assertions.assertThat(progress.get(2 * s + 1)).startsWith(String.format(Locale.ROOT,
                    "DLS seed %d: transfer N = 100 pretrained(n_src = 1000) %.3f rf %.3f ntk %.3f (", BASE_SEED + s,
                    pre[1][0][s], tRf[0][s], tNtk[0][s]));
        }
    }
}
