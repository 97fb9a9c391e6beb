package io.github.theorybench.claims.ntk;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NTK-4 instance by instance (fast: the seeds below converge in a few thousand GD steps; {@link TangentKernelClaimsTest}
 * runs the check's own seeds). Numbers are recomputed from the instance (X, W₀, signs drawn in the check's order).
 */
@SmallInstances
class JacobianRankSmallTest {
    private final Backend backend = Backends.byName(Backends.DEFAULT);
    private final CheckContext ctx = CheckContext.of(backend, 11, true);

    /** The check's instance: X ~ N(0,1)^{n×d}, W₀ ~ N(0,1)^{m×d}, signs ±1, in that draw order. */
    private record Inst(DenseMatrix x, DenseMatrix w0, TwoLayerNet net, DenseMatrix j0) {
    }

    private Inst inst(long seed, Activation act, int n, int d, int m) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        DenseMatrix w0 = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] signs = new double[m];
        for (int j = 0; j < m; j++) {
            signs[j] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        TwoLayerNet net = TwoLayerNet.withFixedSigns(backend, x, signs, act);
        return new Inst(x, w0, net, net.jacobianExplicit(w0));
    }

    private static void assertBase(Verdict v, long seed, int n, int d, int m, String act) {
        Assertions.assertThat(v.id()).isEqualTo("NTK-4");
        Assertions.assertThat(v.seed()).isEqualTo(seed);
        Assertions.assertThat(v.sizes()).containsEntry("n", n).containsEntry("d", d).containsEntry("m", m)
                .containsEntry("md", m * d);
        Assertions.assertThat(v.activation()).isEqualTo(act);
    }

    @Test
    @DisplayName("NTK-4 n > md (n = 30, md = 12): |lambda_min|/lambda_max < 1e-12 and the md-th largest eigenvalue is not")
    void rankDeficient() {
        long seed = 6;
        Verdict v = JacobianRankCheck.rankDeficient(ctx, seed, Activation.TANH, 30, 3, 4);
        assertBase(v, seed, 30, 3, 4, "tanh");
        Inst in = inst(seed, Activation.TANH, 30, 3, 4);
        SymmetricEigen e = backend.eigSym(in.net().gramExplicit(in.w0()));
        double[] ev = e.values().clone();
        java.util.Arrays.sort(ev);
        double top = ev[29];
        // rank md = 12: eigenvalues 30-12 = 18 and above (ascending) are positive, the 18 below are round-off
        Assertions.assertThat(v.observed()).isCloseTo(Math.abs(ev[0]) / top, within(1e-20));
        Assertions.assertThat(v.bound()).isEqualTo(1e-12);
        assertThat(v).holds().hasMeasurementCloseTo("lambda_md_over_lambda_max", ev[18] / top, 1e-9,
                "12-th largest / largest");
        Assertions.assertThat(ev[17] / top).isLessThan(1e-12);
        Assertions.assertThat(ev[18] / top).isGreaterThan(1e-12);
        Assertions.assertThat(v.detail()).contains("(numerical rank md = 12 of n = 30)");
    }

    @Test
    @DisplayName("NTK-4 n <= md (tanh): sigma_min/sigma_max of J0 > 1e-6, slack 1e-6/ratio, no activation-pattern bound")
    void fullRankTanh() {
        long seed = 6;
        Verdict v = JacobianRankCheck.fullRank(ctx, seed, Activation.TANH, 12, 3, 4);
        assertBase(v, seed, 12, 3, 4, "tanh");
        double[] s = backend.svd(inst(seed, Activation.TANH, 12, 3, 4).j0()).s();
        double ratio = s[s.length - 1] / s[0];
        Assertions.assertThat(v.observed()).isCloseTo(ratio, within(1e-12 * ratio));
        Assertions.assertThat(v.bound()).isEqualTo(1e-6);
        Assertions.assertThat(v.slack()).isCloseTo(1e-6 / ratio, within(1e-9 * 1e-6 / ratio));
        assertThat(v).hypothesisMet().holds().hasMeasurementCloseTo("activation_pattern_rank_bound", 12, 0, "n")
                .hasMeasurementCloseTo("points_inactive_on_every_neuron", 0, 0, "none for tanh");
        Assertions.assertThat(v.detail()).doesNotContain("activation-pattern bound");
    }

    /** Independent count: rank(J₀) ≤ Σ over distinct nonzero ReLU patterns of min(#points, d) (NTK-4, ReLU note). */
    private static int[] patternStats(Inst in, int d) {
        int n = in.x().rows(), m = in.w0().rows();
        List<boolean[]> pats = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int inactive = 0;
        for (int i = 0; i < n; i++) {
            boolean[] p = new boolean[m];
            boolean any = false;
            for (int j = 0; j < m; j++) {
                double z = 0;
                for (int c = 0; c < d; c++) {
                    z += in.w0().get(j, c) * in.x().get(i, c);
                }
                p[j] = z > 0;
                any |= p[j];
            }
            if (!any) {
                inactive++;
                continue;
            }
            int found = -1;
            for (int q = 0; q < pats.size(); q++) {
                if (java.util.Arrays.equals(pats.get(q), p)) {
                    found = q;
                }
            }
            if (found < 0) {
                pats.add(p);
                counts.add(1);
            } else {
                counts.set(found, counts.get(found) + 1);
            }
        }
        int bound = 0;
        for (int k : counts) {
            bound += Math.min(k, d);
        }
        return new int[] {inactive, bound};
    }

    @Test
    @DisplayName("NTK-4 ReLU hypothesis: met when no point is inactive and the pattern bound reaches n; not met otherwise (both ways)")
    void reluHypothesis() {
        // seed 6: all active, bound 12 = n (met, full rank); seed 0: 3 inactive points; seed 1: none inactive but
        // the pattern bound is 11 < n = 12 (so each half of the hypothesis is exercised on its own)
        for (long seed : new long[] {6, 0, 1}) {
            Verdict v = JacobianRankCheck.fullRank(ctx, seed, Activation.RELU, 12, 3, 4);
            assertBase(v, seed, 12, 3, 4, "relu");
            Inst in = inst(seed, Activation.RELU, 12, 3, 4);
            int[] st = patternStats(in, 3);
            boolean met = st[0] == 0 && st[1] >= 12;
            assertThat(v).hasMeasurementCloseTo("points_inactive_on_every_neuron", st[0], 0, "points with W0 x <= 0")
                    .hasMeasurementCloseTo("activation_pattern_rank_bound", st[1], 0, "sum min(#pattern, d)");
            Assertions.assertThat(v.hypothesisMet()).as("seed %d", seed).isEqualTo(met);
            double[] s = backend.svd(in.j0()).s();
            Assertions.assertThat(v.observed()).isCloseTo(s[s.length - 1] / s[0], within(1e-12 * s[0]));
            Assertions.assertThat(v.detail()).contains("activation-pattern bound on rank(J0): " + st[1]);
            if (met) {
                assertThat(v).holds();
                Assertions.assertThat(v.detail()).doesNotContain("hypothesis not met");
            } else {
                assertThat(v).isViolated();       // forced rank loss: sigma_min ~ round-off
                Assertions.assertThat(v.detail()).contains("hypothesis not met");
            }
        }
        Assertions.assertThat(patternStats(inst(0, Activation.RELU, 12, 3, 4), 3)[0]).isEqualTo(3);
        int[] s1 = patternStats(inst(1, Activation.RELU, 12, 3, 4), 3);
        Assertions.assertThat(s1).containsExactly(0, 11);
    }

    @Test
    @DisplayName("NTK-4 GD (tanh, n = md/2 = 10): R_T <= 1e-8 R_0, travel <= 2||J0^+ r0||, eta = 0.5/||J0||^2; n = 11 > md/2 breaks the hypothesis")
    void descent() {
        long seed = 6;
        Verdict v = JacobianRankCheck.descent(ctx, seed, 10, 5, 4);
        assertBase(v, seed, 10, 5, 4, "tanh");
        Inst in = inst(seed, Activation.TANH, 10, 5, 4);
        double[] s = backend.svd(in.j0()).s();
        double[] y = RandomMatrices.gaussianVector(10, 1.0, RandomMatrices.rng(seed + 777));
        double[] f0 = in.net().predictions(in.w0());
        double[] r0 = new double[10];
        for (int i = 0; i < 10; i++) {
            r0[i] = f0[i] - y[i];
        }
        // ||J0^+ r0||: J0 has full row rank, so J0^+ r0 = J0^T (J0 J0^T)^-1 r0 and ||.||^2 = r0^T (J0 J0^T)^-1 r0
        DenseMatrix gram = in.net().gramExplicit(in.w0());
        DenseMatrix sol = backend.solve(backend.adopt(gram), backend.adopt(DenseMatrix.columnVector(r0)));
        double pinv = Math.sqrt(JacobianRankCheck.dot(r0, sol.data()));
        Assertions.assertThat(v.bound()).isCloseTo(2 * pinv, within(1e-8 * pinv));
        assertThat(v).hypothesisMet().holds()
                .hasMeasurementCloseTo("eta", 0.5 / (s[0] * s[0]), 1e-12, "0.5/||J0||_2^2")
                .hasMeasurementCloseTo("sigma_ratio_J0", s[s.length - 1] / s[0], 1e-12, "sigma_min/sigma_max of J0")
                .hasMeasurementCloseTo("travel_over_pinv", v.observed() / pinv, 1e-8, "travel / ||J0^+ r0||")
                .hasMeasurementWithin("risk_ratio", 0, 1e-8).hasMeasurementWithin("iterations", 1, 400_000)
                .hasMeasurementWithin("sigma_ratio_J_T", 1e-6, 1);
        Assertions.assertThat(v.observed()).isGreaterThan(0).isLessThanOrEqualTo(2 * pinv);
        // replay the GD W <- W - eta J_W^T (f(W) - y) with the explicit Jacobian's gradient (NTK-4), stopping at the
        // first iterate with R <= 1e-8 R0, R = 1/2 ||f(W) - y||^2
        double eta = 0.5 / (s[0] * s[0]);
        double risk0 = 0.5 * JacobianRankCheck.dot(r0, r0);
        DenseMatrix w = in.w0().copy();
        double[] res = r0.clone();
        double risk = risk0;
        int it = 0;
        while (risk > 1e-8 * risk0) {
            double[] g = in.net().gradientExplicit(w, res);
            for (int k = 0; k < g.length; k++) {
                w.data()[k] -= eta * g[k];
            }
            double[] f = in.net().predictions(w);
            for (int i = 0; i < 10; i++) {
                res[i] = f[i] - y[i];
            }
            risk = 0.5 * JacobianRankCheck.dot(res, res);
            it++;
        }
        double travel = w.plusScaled(-1.0, in.w0()).frobeniusNorm();
        Assertions.assertThat(v.measurements().get("iterations")).isCloseTo(it, within(2.0));
        Assertions.assertThat(v.observed()).isCloseTo(travel, within(1e-6 * travel));
        Assertions.assertThat(v.measurements().get("risk_ratio")).isCloseTo(risk / risk0, within(1e-2 * risk / risk0));
        double[] sT = backend.svd(in.net().jacobianExplicit(w)).s();
        assertThat(v).hasMeasurementCloseTo("sigma_ratio_J_T", sT[sT.length - 1] / sT[0], 1e-4, "cond of J at W_T");
        Assertions.assertThat(v.detail()).contains(String.format(java.util.Locale.ROOT,
                "R_T/R_0 = %.3g after %d iterations", v.measurements().get("risk_ratio"),
                v.measurements().get("iterations").intValue()), String.format(java.util.Locale.ROOT,
                "(ratio %.3f, bound 2)", v.measurements().get("travel_over_pinv")), String.format(java.util.Locale.ROOT,
                "at init %.3g", v.measurements().get("sigma_ratio_J0")));
        Verdict over = JacobianRankCheck.descent(ctx, seed, 11, 5, 4);
        assertThat(over).hypothesisNotMet();           // n = 11 > md/2 = 10
        Assertions.assertThat(over.sizes()).containsEntry("n", 11);
        // it still converges, and travel <= 2 ||J0^+ r0|| there too
        Assertions.assertThat(over.holds()).isEqualTo(over.measurements().get("risk_ratio") <= 1e-8
                && over.observed() <= over.bound()).isTrue();
    }

    @Test
    @DisplayName("NTK-4 dot and norm helpers")
    void helpers() {
        Assertions.assertThat(JacobianRankCheck.dot(new double[] {1, 2, 3}, new double[] {4, -5, 6})).isEqualTo(12);
        Assertions.assertThat(JacobianRankCheck.norm(new double[] {3, 4})).isEqualTo(5);
    }

    @Test
    @DisplayName("NTK-4 quick run: 2 seeds x (rank-deficient, tanh, relu, GD) at the check's own seeds 1000 s + k")
    void quickRun() {
        CheckResult r = new JacobianRankCheck().run(ctx);
        Assertions.assertThat(r.verdicts("NTK-4")).hasSize(8);
        Assertions.assertThat(r.verdicts("NTK-4").stream().map(Verdict::seed).distinct())
                .containsExactly(11_000L, 11_001L);
        Assertions.assertThat(new JacobianRankCheck().ids()).containsExactly("NTK-4");
    }
}
