package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-10 (CLAIMS.md; beyond 001 Theorem 8.1) replayed once by {@link AlphaTightnessCheck} on a small instance
 * (n = 3, d = 3, m = 24, τ up to 8 at 8 times, c ∈ {1, 1e−1, 1e−2, 1e−3}, control c ∈ {1, 1e−1}): the slope refitted in
 * loops from the figure's series, the table's cells against the series, the c = 1 point and the control's first point
 * against {@link LoopFlow}, and the control's instance (same X, y, W₀, random signs) checked to change f(W₀) only.
 */
@SmallInstances
class AlphaTightnessSmallTest {
    static final int N = 3, D = 3, M = 24, POINTS = 8;
    static final double TAU_MAX = 8;
    static final long SEED = 3;
    static final AlphaTightnessCheck.Sizes SIZES = new AlphaTightnessCheck.Sizes(N, D, M, TAU_MAX, POINTS,
            List.of(1.0, 1e-1, 1e-2, 1e-3), List.of(1.0, 1e-1));
    /** Two DP853 integrations at abs 1e−13, rel 1e−12 of one flow agree to ~1e−9; compared to 1e−6. */
    static final double INTEGRATION_AGREEMENT = 1e-6;

    @Test
    @DisplayName("LAZY-10 small sweep (n = 3, d = 3, m = 24): slope refitted from the figure, table = series, c = 1 and the random-sign control recomputed")
    void sweep() {
        Backend backend = Backends.byName(Backends.DEFAULT);
        List<String> progress = new ArrayList<>();
        CheckResult result = new AlphaTightnessCheck(SIZES).run(new CheckContext(backend, SEED, true, progress::add));
        LazyInstance inst = LazyInstance.build(backend, SeedStream.of(SEED, "LAZY-10").seed(0), N, D, M,
                Activation.TANH);
        assertThat(new AlphaTightnessCheck().ids()).containsExactly("LAZY-10");
        assertThat(progress).hasSize(6);
        Verdict claim = result.verdict(AlphaTightnessCheck.RELATIVE_TRAVEL_SLOPE);
        Verdict control = result.verdict(AlphaTightnessCheck.RELATIVE_TRAVEL_SLOPE_RANDOM_SIGNS);
        Figure fig = result.figures().get(0);
        Table table = result.tables().get(0);
        double w0 = Math.sqrt(Arrays.stream(inst.w0().data()).map(v -> v * v).sum());
        // the claim's slope: least squares of log(travel/||W0||) on log alpha over the figure's measured series
        assertThat(claim.observed()).isCloseTo(slope(fig.series().get(0).x(), fig.series().get(0).y(), w0),
                within(1e-12));
        assertThat(control.observed()).isCloseTo(slope(fig.series().get(3).x(), fig.series().get(3).y(), w0),
                within(1e-12));
        assertThat(claim).hypothesisMet();
        assertThat(claim.observed()).isBetween(-1.1, -0.9);
        assertThat(control.hypothesisMet()).isFalse();
        assertThat(control).controlBit();
        assertThat(control.margin()).isGreaterThanOrEqualTo(0.05);
        for (int k = 0; k < 4; k++) {
            double c = SIZES.c().get(k);
            // to round-off, not bitwise: the Vector API tanh' gives other last bits before and after C2 compiles it
            assertThat(fig.series().get(0).x()[k]).isCloseTo(c * inst.alphaStar(), within(1e-12 * inst.alphaStar()));
            double bound = Math.sqrt(72 * inst.sigmaMax() * inst.sigmaMax() * inst.yNorm() * inst.yNorm() / 2)
                    / (c * inst.alphaStar() * inst.sigmaMin() * inst.sigmaMin());           // CLAIMS.md LAZY-3
            assertThat(fig.series().get(1).y()[k]).isCloseTo(bound, within(1e-12 * bound));
            List<String> row = table.rows().get(k);
            assertThat(row.get(0)).isEqualTo(NumberText.format("%.0e", c));
            assertThat(row.get(5)).isEqualTo(NumberText.format("%.3g", fig.series().get(0).y()[k] / bound));
            assertThat(row.get(7)).isEqualTo(NumberText.format("%.4g", fig.series().get(0).y()[k] / w0));
        }
        // slope −1 reference through the measured travels
        double[] ref = fig.series().get(2).y();
        assertThat(ref[0] / ref[1]).isCloseTo(0.1, within(1e-12));
        firstPoints(inst, fig, table);
        assertThat(result.instances()).containsOnlyKeys("LAZY-10-" + inst.seed());
    }

    /** Least-squares slope of log(y/w0) on log x, in loops. */
    static double slope(double[] x, double[] y, double w0) {
        int k = x.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < k; i++) {
            double u = Math.log(x[i]), v = Math.log(y[i] / w0);
            sx += u;
            sy += v;
            sxx += u * u;
            sxy += u * v;
        }
        return (k * sxy - sx * sy) / (k * sxx - sx * sx);
    }

    /** The c = 1 point and the control's c = 1 point integrated again in loops; the control instance's f(W₀) ≠ 0. */
    private static void firstPoints(LazyInstance inst, Figure fig, Table table) {
        double a = inst.alphaStar();
        double[] t = LazyFlowSmallTest.times(a, inst.sigmaMin(), TAU_MAX, POINTS);
        LoopFlow claim = new LoopFlow(inst.x().toArray2d(), inst.y(), inst.signs(), a);
        double[][] st = claim.integrate(inst.w0().data(), t, 1e-13, 1e-12);
        double travel = travel(st[st.length - 1], inst.w0().data());
        assertThat(fig.series().get(0).y()[0]).isCloseTo(travel, within(INTEGRATION_AGREEMENT * travel));
        double rT = claim.risk(Arrays.copyOf(st[st.length - 1], M * D)) / (inst.yNorm() * inst.yNorm() / 2);
        assertThat(Double.parseDouble(table.rows().get(0).get(8))).isCloseTo(rT, within(1e-3 * rT + 1e-18));
        LazyInstance ablation = inst.withAblationSigns();
        assertThat(ablation.sigmaMin()).isCloseTo(inst.sigmaMin(), within(1e-12 * inst.sigmaMin()));   // s_j² = 1
        assertThat(ablation.f0Norm()).isGreaterThan(0.5);
        assertThat(ablation.w0()).isSameAs(inst.w0());
        LoopFlow random = new LoopFlow(inst.x().toArray2d(), inst.y(), inst.ablationSigns(), a);
        double[][] rs = random.integrate(inst.w0().data(), t, 1e-13, 1e-12);
        double rTravel = travel(rs[rs.length - 1], inst.w0().data());
        assertThat(fig.series().get(3).y()[0]).isCloseTo(rTravel, within(INTEGRATION_AGREEMENT * rTravel));
    }

    static double travel(double[] state, double[] w0) {
        double s = 0;
        for (int k = 0; k < w0.length; k++) {
            s += (state[k] - w0[k]) * (state[k] - w0[k]);
        }
        return Math.sqrt(s);
    }
}
