package io.github.theorybench.claims.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.ReluRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MEM-1/MEM-2 rows, tables and figures on hand-made measurements (every median, maximum and rank correlation
 * recomputed here: sorting, loops, Hipparchus' Spearman), and MEM-2's instance, permutation and one zero-step run
 * replayed from their seeds.
 */
@SmallInstances
class MemRenderingVerdictsTest {
    private static final Provenance PROV = Provenance.of(3, "test", "n", 100, "d", 10, "width", 200);
    static final double[] LEVELS = {0, 0.5, 1};
    /** Per seed (rows) and level (columns): values chosen non-monotone so each statistic has its own ranks. */
    static final double[][] TEST_ERROR = {{0.20, 0.31, 0.38}, {0.25, 0.27, 0.45}, {0.22, 0.35, 0.33}};
    static final int[][] TO_ACCURACY = {{100, 160, 330}, {120, 150, 220}, {90, 300, 240}};
    static final int[][] TO_FIT = {{2100, 2300, 2200}, {2250, 2150, 10000}, {2050, 2350, 2120}};
    static final double[][] FINAL_MSE = {{8e-5, 7e-5, 9e-5}, {6e-5, 9.5e-5, 2e-4}, {8.5e-5, 4e-5, 9.9e-5}};
    static final int[] PERMUTATION = {8, 7, 6, 5, 4, 3, 2, 1, 0};

    private static RandomizationCheck.Measurement measurement() {
        List<RandomizationRun> runs = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int k = 0; k < 3; k++) {
                runs.add(new RandomizationRun(PROV.withSize("corruption", LEVELS[k]), LEVELS[k], 200, 2200,
                        FINAL_MSE[s][k] < 1e-4, TO_FIT[s][k], TO_ACCURACY[s][k], FINAL_MSE[s][k], TEST_ERROR[s][k],
                        0.01));
            }
        }
        List<RandomizationRun> controls = List.of(
                new RandomizationRun(PROV, 1, 5, 55, false, 10000, 10000, 0.5, 0.48, 0.1),
                new RandomizationRun(PROV, 1, 5, 55, false, 10000, 10000, 0.7, 0.52, 0.1));
        return new RandomizationCheck.Measurement(runs, controls, PERMUTATION.clone(), 7, 99, 100, "loop");
    }

    private static double median(double... v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double[] column(double[][] v, int k) {
        return new double[] {v[0][k], v[1][k], v[2][k]};
    }

    private static double[] column(int[][] v, int k) {
        return new double[] {v[0][k], v[1][k], v[2][k]};
    }

    private static double[] flat(double[][] v) {
        return Arrays.stream(v).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] flat(int[][] v) {
        return Arrays.stream(v).flatMapToInt(Arrays::stream).asDoubleStream().toArray();
    }

    @Test
    @DisplayName("MEM-2 rendering: per-level fit rows (medians, max, counts), trends' rho on true and permuted levels, table, figures")
    void randomizationRendering() {
        RandomizationCheck.Measurement m = measurement();
        RandomizationCheck check = new RandomizationCheck(RandomizationCheck.Sizes.quick());
        assertThat(RandomizationCheck.Sizes.quick()).isEqualTo(new RandomizationCheck.Sizes(100, 10, 200, 5,
                List.of(0.0, 0.5, 1.0), 8, 2, 10_000, 1000, 4999));
        List<Verdict> vs = check.verdicts(m);
        for (int k = 0; k < 3; k++) {
            Verdict v = vs.get(k);
            assertThat(v.measurements().get("medianStepsToFit")).isEqualTo(median(column(TO_FIT, k)));
            assertThat(v.measurements().get("medianStepsToAccuracy")).isEqualTo(median(column(TO_ACCURACY, k)));
            assertThat(v.measurements().get("medianTestError")).isEqualTo(median(column(TEST_ERROR, k)));
            assertThat(v.measurements().get("maxStepsToFit")).isEqualTo(Arrays.stream(column(TO_FIT, k)).max()
                    .orElseThrow());
        }
        assertThat(vs.get(1).detail()).isEqualTo("3 of 3 runs reached train MSE < 1e-4 within 2350 steps (2200 "
                + "parameters, n = 100); median steps " + NumberText.sig3(2300) + "; final MSE 4.00e-05 .. 9.50e-05; "
                + "loop loop");
        assertThat(vs.get(2).detail()).startsWith("2 of 3 runs reached train MSE < 1e-4 within 10000 steps");
        assertThat(vs.get(2).observed()).isEqualTo(2 / 3.0);

        // trends: x the runs' levels (seed-major), permuted by PERMUTATION for the controls
        double[] x = new double[9], px = new double[9];
        for (int i = 0; i < 9; i++) {
            x[i] = LEVELS[i % 3];
            px[i] = LEVELS[PERMUTATION[i] % 3];
        }
        SpearmansCorrelation sp = new SpearmansCorrelation();
        double[][] rows = {
            {sp.correlation(x, flat(TEST_ERROR))}, {sp.correlation(px, flat(TEST_ERROR))},
            {sp.correlation(x, flat(TO_ACCURACY))}, {sp.correlation(px, flat(TO_ACCURACY))},
            {sp.correlation(x, flat(TO_FIT))}};
        String[] checks = {"test error rises with corruption",
            "control: test error rises with corruption (levels permuted across runs)",
            "steps to 100% train accuracy rises with corruption",
            "control: steps to 100% train accuracy rises with corruption (levels permuted across runs)",
            "steps to train MSE < 1e-4 rises with corruption"};
        for (int r = 0; r < 5; r++) {
            Verdict v = vs.get(4 + r);
            assertThat(v.measurements().get("rho")).as(checks[r]).isCloseTo(rows[r][0], within(1e-12));
            assertThat(v.check()).isEqualTo(checks[r]);
            assertThat(v.sizes()).containsEntry("seeds", 3).containsEntry("corruption", "all");
        }

        Table t = check.tables(m).get(0);
        for (int k = 0; k < 3; k++) {
            assertThat(t.rows().get(k)).containsExactly(NumberText.fixed(LEVELS[k], 2),
                    (k == 1 ? 3 : k == 2 ? 2 : 3) + "/3", NumberText.sig3(median(column(TEST_ERROR, k))),
                    NumberText.sig3(median(column(TO_ACCURACY, k))), NumberText.sig3(median(column(TO_FIT, k))));
        }
        assertThat(t.rows().get(3)).containsExactly("1.00 (width 5)", "0/2", NumberText.sig3(0.5), "-",
                "- (final MSE " + NumberText.sig3(0.6) + ")");

        List<Figure> figs = check.figures(m);
        double[][][] per = {TEST_ERROR, toDouble(TO_ACCURACY), toDouble(TO_FIT)};
        for (int f = 0; f < 3; f++) {
            List<Figure.Series> s = figs.get(f).series();
            assertThat(s).hasSize(4);
            assertThat(s.get(0).label()).isEqualTo("median over seeds");
            assertThat(s.get(0).x()).containsExactly(LEVELS);
            assertThat(s.get(0).y()).containsExactly(median(column(per[f], 0)), median(column(per[f], 1)),
                    median(column(per[f], 2)));
            for (int seed = 0; seed < 3; seed++) {
                assertThat(s.get(1 + seed).label()).isEqualTo("seed " + seed);
                assertThat(s.get(1 + seed).y()).containsExactly(per[f][seed]);
            }
        }
    }

    private static double[][] toDouble(int[][] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = Arrays.stream(v[i]).asDoubleStream().toArray();
        }
        return out;
    }

    @Test
    @DisplayName("MEM-2 small instance: the draws in their order, the levels' Fisher-Yates permutation, a zero-step run's MSE and test error")
    void randomizationReplay() {
        long seed = 41;
        RandomizationInstance inst = RandomizationInstance.build(seed, 12, 3, 4, 2, 5);
        RandomGenerator rng = RandomMatrices.rng(seed);
        double[] u = RandomMatrices.gaussianVector(3, 1.0, rng);
        DenseMatrix x = RandomMatrices.gaussian(12, 3, 1 / Math.sqrt(3), rng);
        int[] order = new int[12];
        for (int i = 0; i < 12; i++) {
            order[i] = i;
        }
        for (int i = 11; i > 0; i--) {
            int j = rng.nextInt(i + 1), tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        double[] signs = new double[12];
        for (int i = 0; i < 12; i++) {
            signs[i] = rng.nextBoolean() ? 1 : -1;
        }
        double[] theta = ReluRegression.pack(RandomMatrices.gaussian(4, 3, 1.0, rng),
                RandomMatrices.gaussianVector(4, 1.0, rng));
        double[] control = ReluRegression.pack(RandomMatrices.gaussian(2, 3, 1.0, rng),
                RandomMatrices.gaussianVector(2, 1.0, rng));
        DenseMatrix test = RandomMatrices.gaussian(5, 3, 1 / Math.sqrt(3), rng);
        assertThat(inst.teacher()).containsExactly(u);
        assertThat(inst.x().data()).containsExactly(x.data());
        assertThat(inst.corruptionOrder()).containsExactly(order);
        assertThat(inst.randomSigns()).containsExactly(signs);
        assertThat(inst.theta0()).containsExactly(theta);
        assertThat(inst.controlTheta0()).containsExactly(control);
        assertThat(inst.testX().data()).containsExactly(test.data());
        assertThat(inst.n()).isEqualTo(12);
        assertThat(inst.d()).isEqualTo(3);
        // sign(u'z) is +1 at exactly 0
        assertThat(inst.teacherLabels(DenseMatrix.zeros(2, 3))).containsExactly(1, 1);

        // the levels' permutation: Fisher-Yates from the seed's generator
        int[] p = RandomizationCheck.permutation(10, 99);
        RandomGenerator g = RandomMatrices.rng(99);
        int[] q = new int[10];
        for (int i = 0; i < 10; i++) {
            q[i] = i;
        }
        for (int i = 9; i > 0; i--) {
            int j = g.nextInt(i + 1), tmp = q[i];
            q[i] = q[j];
            q[j] = tmp;
        }
        assertThat(p).containsExactly(q);

        // zero steps: the run reports theta_0's training MSE and test error, recomputed from the net's predictions
        RandomizationRun run = RandomizationRun.train(inst, 0.5, false, 0.01, 0, PROV);
        double[] f = ReluRegression.predict(inst.x(), inst.theta0(), 4), y = inst.labels(0.5);
        double mse = 0;
        for (int i = 0; i < 12; i++) {
            mse += (f[i] - y[i]) * (f[i] - y[i]) / 12;
        }
        double[] ft = ReluRegression.predict(test, theta, 4);
        int wrong = 0;
        for (int i = 0; i < 5; i++) {
            double s = u[0] * test.get(i, 0) + u[1] * test.get(i, 1) + u[2] * test.get(i, 2);
            wrong += (ft[i] > 0) == (s >= 0) && ft[i] != 0 ? 0 : 1;
        }
        assertThat(run.finalMse()).isCloseTo(mse, within(1e-12 * mse));   // sums of 12 O(1) squares
        assertThat(run.testError()).isEqualTo(wrong / 5.0);
        assertThat(run.fitted()).isFalse();
        assertThat(run.params()).isEqualTo(4 * (3 + 1));
        assertThat(run.width()).isEqualTo(4);
    }

    private static MemorizationFit fit(int n, int seed, double residual, double scale, double maxY) {
        return new MemorizationFit(Provenance.of(seed, "test", "n", n, "d", 10), n, 2 * n + 10, 1e-17, residual, 0.1,
                scale, maxY, 1e-3, true);
    }

    @Test
    @DisplayName("MEM-1 rendering: parameter-count bound 2n + d, figure maxima over seeds and the claim's scale, control series, table title")
    void memorizationRendering() {
        MemorizationCheck check = new MemorizationCheck(MemorizationCheck.Sizes.quick());
        assertThat(MemorizationCheck.Sizes.quick()).isEqualTo(new MemorizationCheck.Sizes(List.of(10, 100, 2000), 2,
                10));
        List<MemorizationFit> fits = List.of(fit(10, 1, 1e-15, 4, 2), fit(10, 2, 3e-15, 3, 0.5), fit(100, 1, 2e-14, 10,
                4), fit(100, 2, 1e-14, 12, 2));
        List<MemorizationFit> ablated = List.of(fit(100, 1, 0.5, 10, 4));
        MemorizationCheck.Measurement m = new MemorizationCheck.Measurement(fits, ablated);
        Verdict count = MemorizationCheck.verdicts(fits.get(2)).get(0);
        assertThat(count.bound()).isEqualTo(2 * 100 + 10);
        assertThat(count.holds()).isTrue();
        assertThat(count.detail()).isEqualTo("|a| + |b| + |w| = 210, 2n + d = 210");
        assertThat(MemorizationCheck.verdicts(new MemorizationFit(Provenance.of(1, "test", "n", 100, "d", 10), 100,
                209, 1e-17, 1e-15, 0.1, 1, 1, 1e-3, true)).get(0).holds()).isFalse();
        List<Figure.Series> s = check.figures(m).get(0).series();
        assertThat(s).hasSize(3);
        assertThat(s.get(0).x()).containsExactly(10, 100);
        assertThat(s.get(0).y()).containsExactly(Math.max(1e-15 / 2, 3e-15 / 0.5), Math.max(2e-14 / 4, 1e-14 / 2));
        double eps = Math.ulp(1.0);
        assertThat(s.get(1).y()[0]).isCloseTo(10 * eps * Math.max(4 / 2.0, 3 / 0.5), within(1e-30));
        assertThat(s.get(1).y()[1]).isCloseTo(10 * eps * Math.max(10 / 4.0, 12 / 2.0), within(1e-30));
        assertThat(s.get(2).x()).containsExactly(100);
        assertThat(s.get(2).y()).containsExactly(0.5 / 4);
        assertThat(check.figures(new MemorizationCheck.Measurement(fits, List.of())).get(0).series()).hasSize(2);
        assertThat(check.tables(m).get(0).title()).contains("in d = 10 ");
        assertThat(check.tables(new MemorizationCheck.Measurement(List.of(), List.of())).get(0).title())
                .contains("in d = 0 ");
        assertThat(MemorizationInstance.build(5, 7, 3).d()).isEqualTo(3);
        MemorizationClaims family = new MemorizationClaims();
        assertThat(family.name()).isEqualTo("MEM");
        assertThat(family.title()).isNotBlank();
        assertThat(family.entries()).isNotEmpty();
        assertThat(family.calibrations()).isNotEmpty();
        assertThat(family.checks()).hasSize(2).hasAtLeastOneElementOfType(MemorizationCheck.class)
                .hasAtLeastOneElementOfType(RandomizationCheck.class);
    }
}
