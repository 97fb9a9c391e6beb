package io.github.theorybench.claims.mem;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.MemorizingReluNet;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MEM-1 (003, Zhang et al. Theorem 1) replayed once on n ∈ {10, 60}, d = 10, two seeds: the construction's
 * thresholds recomputed by sorting projections in the test, its backward error in exact (BigDecimal) arithmetic,
 * f(x_i) by loops, and the one-neuron-fewer control at the last point in closed form.
 */
@SmallInstances
class MemorizationSmallTest {
    static final int D = 10;
    static final long SEED = 2;
    static final List<Integer> NS = List.of(10, 60);
    static final double EPS = Math.ulp(1.0);
    private final Backend b = Backends.byName(Backends.DEFAULT);

    @Test
    @DisplayName("MEM-1 small instances (n = 10, 60): thresholds, weights, residuals, backward error, control and figure recomputed")
    void smallInstances() {
        MemorizationCheck check = new MemorizationCheck(new MemorizationCheck.Sizes(NS, 2, D));
        CheckContext ctx = CheckContext.of(b, SEED, false);
        MemorizationCheck.Measurement m = check.measure(check.sizes(ctx), ctx);
        CheckResult r = check.result(m);
        assertThat(check.ids()).containsExactly("MEM-1");
        assertThat(MemorizationCheck.Sizes.claims()).isEqualTo(new MemorizationCheck.Sizes(List.of(10, 100, 500,
                1000, 2000), 5, 10));
        assertThat(m.fits()).hasSize(4);
        assertThat(m.ablated()).hasSize(2);
        SeedStream seeds = SeedStream.of(SEED, "MEM-1");
        int k = 0;
        for (int n : NS) {
            for (int s = 0; s < 2; s++) {
                MemorizationInstance inst = MemorizationInstance.build(seeds.seed(s), n, D);
                construction(inst, m.fits().get(k++));
                if (n == 60) {
                    control(inst, m.ablated().get(s));
                }
            }
        }
        assertThat(r.verdicts(MemorizationCheck.INTERPOLATION)).hasSize(4)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(r.verdicts(MemorizationCheck.INTERPOLATION_FEWER_WEIGHTS)).hasSize(2)
                .allSatisfy(v -> assertThat(v).controlBit());
        Figure f = r.figures().get(0);
        assertThat(f.series().get(0).x()).containsExactly(10, 60);
        assertThat(f.series().get(0).y()[1]).isEqualTo(Math.max(m.fits().get(2).relativeResidual(),
                m.fits().get(3).relativeResidual()));
        assertThat(r.tables().get(0).rows()).hasSize(4);
        duplicatePoints(seeds.seed(0));
    }

    /** Sorted projections z_(i) = aᵀx_(i) by loops. */
    private static double[][] sorted(MemorizationInstance inst) {
        int n = inst.n();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < D; c++) {
                z[i] += inst.x().get(i, c) * inst.a()[c];
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (p, q) -> Double.compare(z[p], z[q]));
        double[] zs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            zs[i] = z[order[i]];
            ys[i] = inst.y()[order[i]];
        }
        return new double[][] {zs, ys};
    }

    /** Thresholds interleaved with the sorted projections: b_1 = z_1 − (z_2 − z_1)/2, b_j = (z_{j−1} + z_j)/2. */
    private static double[] thresholds(double[] zs, int k) {
        double[] t = new double[k];
        t[0] = zs[0] - (zs[1] - zs[0]) / 2;
        for (int j = 1; j < k; j++) {
            t[j] = (zs[j - 1] + zs[j]) / 2;
        }
        return t;
    }

    private void construction(MemorizationInstance inst, MemorizationFit got) {
        int n = inst.n();
        double[][] zy = sorted(inst);
        MemorizingReluNet net = MemorizingReluNet.construct(b, inst.x(), inst.y(), inst.a());
        double[] t = thresholds(zy[0], n);
        assertThat(net.thresholds()).containsExactly(t, within(1e-15));
        double[] w = net.outputWeights();
        // the check judges its own system A (projections by one GEMV); ours (by loops) differs in the last bits
        DenseMatrix a = net.system();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(a.get(i, j)).isCloseTo(Math.max(0, zy[0][i] - t[j]), within(1e-14));
            }
        }
        // componentwise backward error max_i |y − Aw|_i / (|A||w| + |y|)_i, the residual in exact arithmetic
        double worst = 0, ratio = 0, maxY = 0, scale = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal res = new BigDecimal(zy[1][i]);
            double abs = 0, f = 0;
            for (int j = 0; j <= i; j++) {
                double aij = a.get(i, j);
                res = res.subtract(new BigDecimal(aij).multiply(new BigDecimal(w[j])));
                abs += aij * Math.abs(w[j]);
                f += aij * w[j];
            }
            worst = Math.max(worst, Math.abs(res.doubleValue()) / (abs + Math.abs(zy[1][i])));
            ratio = Math.max(ratio, Math.abs(f - zy[1][i]) / (10 * EPS * abs));      // MEM-1's rule, by loops
            maxY = Math.max(maxY, Math.abs(zy[1][i]));
            scale = Math.max(scale, abs);
        }
        assertThat(got.params()).isEqualTo(2 * n + D);
        assertThat(got.distinctProjections()).isTrue();
        assertThat(got.backwardError()).isCloseTo(worst, within(1e-6 * worst + 1e-30));
        assertThat(got.backwardError()).isLessThanOrEqualTo(1e-13);
        // the residual is round-off of a cancelling sum: another summation order gives another round-off, both
        // under the rule; the amplification has no cancellation
        assertThat(ratio).isLessThanOrEqualTo(1.0);
        assertThat(got.residualRatio()).isLessThanOrEqualTo(1.0);
        assertThat(got.amplification()).isCloseTo(scale / maxY, within(1e-12 * scale / maxY));
        assertThat(got.maxY()).isEqualTo(maxY);
        double gap = IntStream.range(1, n).mapToDouble(i -> zy[0][i] - zy[0][i - 1]).min().orElseThrow();
        assertThat(got.minGap()).isCloseTo(gap, within(1e-12 * gap));  // projections by GEMV vs by loops
    }

    /** n − 1 neurons: f(x_(n)) = Σ_j w_j (z_(n) − b_j), whose miss of y_(n) is far above 10 ε Σ_j |A_nj||w_j|. */
    private void control(MemorizationInstance inst, MemorizationFit got) {
        int n = inst.n();
        double[][] zy = sorted(inst);
        double[] t = thresholds(zy[0], n - 1);
        double[] w = MemorizingReluNet.construct(b, inst.x(), inst.y(), inst.a(), n - 1).outputWeights();
        assertThat(w).hasSize(n - 1);
        double f = 0, abs = 0;
        for (int j = 0; j < n - 1; j++) {
            f += w[j] * (zy[0][n - 1] - t[j]);
            abs += Math.abs(w[j]) * (zy[0][n - 1] - t[j]);
        }
        double ratio = Math.abs(f - zy[1][n - 1]) / (10 * EPS * abs);
        assertThat(got.params()).isEqualTo(2 * (n - 1) + D);
        assertThat(got.residualRatio()).isCloseTo(ratio, within(1e-6 * ratio)).isGreaterThan(1e6);
    }

    /** A point repeated: equal projections, the hypothesis fails and every claim row says so. */
    private void duplicatePoints(long seed) {
        MemorizationInstance drawn = MemorizationInstance.build(seed, 10, D);
        double[][] x = drawn.x().toArray2d();
        x[9] = x[3].clone();
        MemorizationInstance dup = new MemorizationInstance(seed, DenseMatrix.fromRows(x), drawn.y(), drawn.a());
        MemorizationFit f = MemorizationFit.measure(b, dup);
        assertThat(f.distinctProjections()).isFalse();
        for (Verdict v : MemorizationCheck.verdicts(f)) {
            assertThat(v).hypothesisNotMet();
        }
        assertThat(MemorizationFit.measure(b, drawn).distinctProjections()).isTrue();
    }
}
