package io.github.theorybench.claims.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BAL-4..6's rows, tables and figures on hand-made measurements with dyadic numbers (every ratio exact), the
 * rebalancing draw of BAL-1/2's predicate, BAL-4's plan predicate at its edge, and the CLAIMS.md sizes.
 */
@SmallInstances
class BalanceRenderingVerdictsTest {
    private static final Provenance PROV = Provenance.of(5, "test", "d1", 20, "d2", 20, "rStar", 2, "r", 8, "n", 800,
            "steps", 600);
    /** Quotients of dyadic numbers and log/exp round trips: a few ulps. */
    private static final double ULPS = 1e-14;

    private static MultiplicativeBalanceCheck.Run run(double mu, double alpha, double b0, double maxNorm,
            double drift, double loss0) {
        return new MultiplicativeBalanceCheck.Run(mu, alpha, b0, maxNorm, drift, loss0, loss0 / 4,
                new double[] {1, maxNorm / b0});
    }

    @Test
    @DisplayName("BAL-5 rendering: measurements, finding numbers, table yes/no at ratio 2, both figures and the far-point reference")
    void multiplicative() {
        double a1 = 0.5, a2 = 0x1p-7, a3 = 0x1p-10;
        // mu = 1/4: ratio exactly 2 at the largest alpha; x = mu L_0 / B_0 = 1, 1024 (far), 4
        // mu = 1/2: ratio one ulp above 2; x = 0.5, exactly 100 (far, the edge), 2
        List<MultiplicativeBalanceCheck.Run> runs = List.of(
                run(0.25, a1, 0.5, 1.0, 0.125, 2),
                run(0.25, a2, 0x1p-14, 0x1p-14 + 0x1p-6, 0x1p-6, 0.25),
                run(0.25, a3, 0x1p-16, 0x1p-16 + 0x1p-6, 0x1p-6, 0x1p-12),
                run(0.5, a1, 0.5, Math.nextUp(1.0), 0.25, 0.5),
                run(0.5, a2, 0x1p-10, 0x1p-10 + 0x1p-5, 0x1p-5, 200 * 0x1p-10),
                run(0.5, a3, 0x1p-16, 0x1p-16 + 0x1p-5, 0x1p-5, 0x1p-14));
        MultiplicativeBalanceCheck.Measurement m = new MultiplicativeBalanceCheck.Measurement(PROV, runs);
        MultiplicativeBalanceCheck check = new MultiplicativeBalanceCheck(MultiplicativeBalanceCheck.Sizes.quick());
        assertThat(MultiplicativeBalanceCheck.Sizes.claims()).isEqualTo(new MultiplicativeBalanceCheck.Sizes(20, 800,
                8, 600, List.of(0.05, 0.1, 0.2), List.of(1e-1, 1e-2, 1e-3, 1e-4)));
        assertThat(MultiplicativeBalanceCheck.Sizes.quick()).isEqualTo(new MultiplicativeBalanceCheck.Sizes(20, 800,
                8, 300, List.of(0.05, 0.2), List.of(1e-1, 1e-3, 1e-4)));
        assertThat(runs.get(0).additiveTerm()).isEqualTo(2 * 0.25 * (2 - 0.5));
        assertThat(runs.get(4).additiveTerm()).isEqualTo(2 * 0.5 * (0.75 * 200 * 0x1p-10));

        Verdict v = MultiplicativeBalanceCheck.row(MultiplicativeBalanceCheck.MULTIPLICATIVE, runs.get(4), m);
        assertThat(v.measurements().get("b0OverAlphaSquared")).isEqualTo(0x1p-10 / 0x1p-14);   // = 16
        assertThat(v.measurements().get("driftOverMu")).isEqualTo(0x1p-4);
        assertThat(v.measurements().get("muL0OverB0")).isEqualTo(100.0);
        assertThat(v.measurements().get("additiveTerm")).isEqualTo(0.75 * 200 * 0x1p-10);
        assertThat(v.finding()).contains("||B_0|| = 0.000977 scales like alpha^2 (||B_0||/alpha^2 = 16.0 at every "
                + "alpha), while the drift 0.0313 is set by the step size (drift/mu = 0.0625,")
                .contains("2 mu (L_0 - L_T) = 0.146.");

        List<List<String>> rows = check.tables(m).get(0).rows();
        assertThat(rows).extracting(r -> r.get(6)).containsExactly("yes", "no", "no", "no", "no", "no");

        List<Figure> figs = check.figures(m);
        List<Figure.Series> ratio = figs.get(0).series();
        assertThat(ratio).hasSize(3);
        assertThat(ratio.get(0).label()).isEqualTo("mu = 0.25");
        assertThat(ratio.get(0).x()).containsExactly(a1, a2, a3);
        assertThat(ratio.get(0).y()).containsExactly(2, 1 + 0x1p8, 1 + 0x1p10);
        assertThat(ratio.get(1).y()).containsExactly(Math.nextUp(2.0), 1 + 0x1p5, 1 + 0x1p11);
        assertThat(ratio.get(2).x()).containsExactly(a1, a2, a3);
        assertThat(ratio.get(2).y()).containsExactly(2, 2, 2);
        assertThat(ratio.get(2).reference()).isTrue();
        List<Figure.Series> collapse = figs.get(1).series();
        assertThat(collapse.get(0).x()).containsExactly(1, 1024, 4);
        assertThat(collapse.get(0).y()).containsExactly(0.25, 0x1p8, 0x1p10);
        assertThat(collapse.get(1).x()).containsExactly(0.5, 100, 2);
        assertThat(collapse.get(1).y()).containsExactly(0.5, 0x1p5, 0x1p11);
        // the two far points (x >= 100), sorted by x; a slope-1 line through their geometric mean
        assertThat(collapse).hasSize(3);
        Figure.Series ref = collapse.get(2);
        assertThat(ref.x()).containsExactly(100, 1024);
        double c = Math.sqrt((0x1p5 / 100) * (0x1p8 / 1024.0));
        assertThat(ref.y()[0]).isCloseTo(c * 100, within(ULPS * c * 100));
        assertThat(ref.y()[1]).isCloseTo(c * 1024, within(ULPS * c * 1024));

        // one far point only: no reference line
        MultiplicativeBalanceCheck.Measurement one = new MultiplicativeBalanceCheck.Measurement(PROV, List.of(
                runs.get(0), runs.get(1), runs.get(3), run(0.5, a2, 0x1p-10, 0x1p-10 + 0x1p-5, 0x1p-5, 0.125)));
        assertThat(check.figures(one).get(1).series()).hasSize(2);

        // the far points in stream order already ascending (100 at mu = 1/4, then 512 at mu = 1/2): the sort keeps them
        MultiplicativeBalanceCheck.Measurement ascending = new MultiplicativeBalanceCheck.Measurement(PROV, List.of(
                run(0.25, a1, 0.5, 1.0, 0.125, 2), run(0.25, a2, 0x1p-10, 0x1p-10 + 0x1p-6, 0x1p-6, 400 * 0x1p-10),
                run(0.5, a1, 0.5, 0.75, 0.25, 0.5), run(0.5, a2, 0x1p-14, 0x1p-14 + 0x1p-6, 0x1p-6, 0x1p-4)));
        List<Figure.Series> kept = check.figures(ascending).get(1).series();
        assertThat(kept).hasSize(3);
        assertThat(kept.get(2).x()).containsExactly(100, 512);
    }

    @Test
    @DisplayName("BAL-6 rendering: figure lines over L, identity series, Gram row as max defect/scale, constants in the detail")
    void symmetrized() {
        SymmetrizedLossCheck.Point p1 = new SymmetrizedLossCheck.Point("start", 2, 16, 64, 1e-20, 4);
        SymmetrizedLossCheck.Point p2 = new SymmetrizedLossCheck.Point("random pair 1", 0.5, 4, 16.5, 3e-20, 2);
        SymmetrizedLossCheck.Measurement m = new SymmetrizedLossCheck.Measurement(PROV, List.of(p1, p2), 0);
        SymmetrizedLossCheck check = new SymmetrizedLossCheck(SymmetrizedLossCheck.Sizes.quick());
        assertThat(SymmetrizedLossCheck.Sizes.claims()).isEqualTo(new SymmetrizedLossCheck.Sizes(20, 800, 4, 4));
        assertThat(SymmetrizedLossCheck.Sizes.quick()).isEqualTo(new SymmetrizedLossCheck.Sizes(20, 800, 4, 2));
        List<Figure.Series> s = check.figures(m).get(0).series();
        assertThat(s.get(0).x()).containsExactly(1, 2);
        assertThat(s.get(0).y()).containsExactly(16 / 8.0 / 2, 4 / 8.0 / 0.5);
        assertThat(s.get(1).y()).containsExactly(64 / 32.0 / 2, 16.5 / 32 / 0.5);
        assertThat(s.get(2).y()).containsExactly(16 / 4.0 / 2, 4 / 4.0 / 0.5);
        assertThat(s.get(3).y()).containsExactly(64 / 4.0 / 2, 16.5 / 4 / 0.5);
        assertThat(s.get(4).y()).containsExactly(1, 1);
        List<Verdict> vs = check.verdicts(m);
        assertThat(vs.get(2).observed()).isEqualTo(Math.max(1e-20 / 4, 3e-20 / 2));
        assertThat(vs.get(0).detail()).contains("with c = 1/8:");
        assertThat(vs.get(1).detail()).contains("with c = 1/32:");
        assertThat(vs.get(3).detail()).contains("with c = 1/4:");
        assertThat(vs.get(4).detail()).contains("with c = 1/4:");
        assertThat(vs.get(1).observed()).isEqualTo(Math.abs(16.5 / 32 / 0.5 - 1));
    }

    @Test
    @DisplayName("BAL-4 rendering: rows' texts and mu T range, fit series, window edges; the plan predicate at two decades exactly")
    void driftScaling() {
        double[] mus = {0.1, 0.01, 0.001};
        FixedTimeSweep claim = FixedTimeSweep.atTotalTime(mus, 3), control = FixedTimeSweep.atStepCount(mus, 30);
        double[] d1 = {0.05, 0.005, 0.0005}, d2 = {0.005, 0.00005, 0.0000005};   // 0.5 mu and 0.5 mu^2
        DriftScalingCheck.Measurement m = new DriftScalingCheck.Measurement(PROV, 3.0,
                new DriftScalingCheck.Sweep(claim, d1, LineFit.logLog(mus, d1)),
                new DriftScalingCheck.Sweep(control, d2, LineFit.logLog(mus, d2)));
        DriftScalingCheck check = new DriftScalingCheck(DriftScalingCheck.Sizes.quick());
        assertThat(DriftScalingCheck.Sizes.claims()).isEqualTo(new DriftScalingCheck.Sizes(20, 800, List.of(0.1, 0.05,
                0.02, 0.01, 0.005, 0.002, 0.001), 3.0));
        assertThat(DriftScalingCheck.Sizes.quick()).isEqualTo(new DriftScalingCheck.Sizes(20, 800, List.of(0.1, 0.03,
                0.01, 0.003, 0.001), 3.0));
        List<Verdict> vs = check.verdicts(m);
        assertThat(vs.get(0).check()).isEqualTo("drift of B under GD against mu, same mu T = 3.00");
        assertThat(vs.get(1).check()).isEqualTo("drift of B under GD against mu, control: same step count T = 30 for "
                + "every mu");
        assertThat(vs.get(0).detail()).contains("over mu = 0.00100 .. 0.100:").endsWith("mu T from 3.00 to 3.00");
        assertThat(vs.get(1).detail()).endsWith("mu T from 0.0300 to 3.00");
        List<Figure.Series> s = check.figures(m).get(0).series();
        for (int k = 0; k < 3; k++) {
            assertThat(s.get(1).y()[k]).isCloseTo(0.5 * mus[k], within(1e-12 * mus[k]));      // the fit: 0.5 mu
        }
        assertThat(s.get(4).y()).containsExactly(d2);
        // mu span exactly two decades (dyadic: 100 / 1), equal total time: the predicate holds; just below it fails
        assertThat(new FixedTimeSweep(new double[] {100, 1}, new int[] {1, 100}).approximatesFlow()).isTrue();
        assertThat(new FixedTimeSweep(new double[] {Math.nextDown(100.0), 1}, new int[] {1, 100}).approximatesFlow())
                .isFalse();
        // total times 100 and 101: spread 1.01 exactly, the edge of the 1% rounding allowance
        assertThat(new FixedTimeSweep(new double[] {100, 1}, new int[] {1, 101}).approximatesFlow()).isTrue();
        assertThat(new FixedTimeSweep(new double[] {100, 1}, new int[] {1, 102}).approximatesFlow()).isFalse();
    }

    @Test
    @DisplayName("BAL-1/2 predicate's rebalancing G = I + N(0, 1/(4r)): the draw recomputed; the family's catalogue names")
    void rebalancing() {
        long seed = SeedStream.of(11, "BAL").child("rebalancing").seed(0);
        DenseMatrix g = ProductInvariance.rebalancing(4, seed);
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix n = RandomMatrices.gaussian(4, 4, 0.25, rng);                 // 0.5 / sqrt(4)
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(g.get(i, j)).isEqualTo(n.get(i, j) + (i == j ? 1 : 0));
            }
        }
        BalancednessClaims family = new BalancednessClaims();
        assertThat(family.name()).isEqualTo("BAL");
        assertThat(family.title()).isNotBlank();
        assertThat(family.entries()).isNotEmpty();
        assertThat(family.calibrations()).isNotEmpty();
        assertThat(family.errata()).isNotEmpty();
        assertThat(family.checks()).hasSize(4).hasAtLeastOneElementOfType(BalancednessCheck.class)
                .hasAtLeastOneElementOfType(DriftScalingCheck.class)
                .hasAtLeastOneElementOfType(MultiplicativeBalanceCheck.class)
                .hasAtLeastOneElementOfType(SymmetrizedLossCheck.class);
    }
}
