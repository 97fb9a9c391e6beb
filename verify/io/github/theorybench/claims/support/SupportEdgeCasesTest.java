package io.github.theorybench.claims.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The degenerate inputs of the shared statistics, where a formula has a defined value instead of 0/0. */
class SupportEdgeCasesTest {
    @Test
    @DisplayName("rank trend on a constant y: rho is 0 (not 0/0) and every permutation ties it, so p = 1; three pairs are enough")
    void constantRankTrend() {
        double[] x = {1, 2, 3, 4, 5}, flat = {7, 7, 7, 7, 7};
        RankTrend t = RankTrend.spearman(x, flat, RankTrend.Direction.INCREASING, 99, 1);
        assertThat(t.rho()).isEqualTo(0.0);
        assertThat(t.pValue()).isEqualTo(1.0);         // (1 + 99)/(1 + 99): rho >= rho - 1e-12 on every relabelling
        RankTrend sym = RankTrend.spearman(flat, x, RankTrend.Direction.INCREASING, 99, 1);
        assertThat(sym.rho()).isEqualTo(0.0);
        RankTrend three = RankTrend.spearman(new double[] {1, 2, 3}, new double[] {1, 3, 2},
                RankTrend.Direction.INCREASING, 9, 1);
        assertThat(three.points()).isEqualTo(3);
        assertThat(three.rho()).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-15)); // 1 - 6*2/(3*8)
    }

    @Test
    @DisplayName("line fits: a constant y is fitted exactly (R^2 = 1, not 0/0); two points have no slope interval (NaN half-width)")
    void degenerateLineFits() {
        LineFit flat = LineFit.linear(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5});
        assertThat(flat.slope()).isEqualTo(0.0);
        assertThat(flat.rSquared()).isEqualTo(1.0);
        LineFit two = LineFit.linear(new double[] {1, 2}, new double[] {1, 3});
        assertThat(two.slope()).isEqualTo(2.0);
        assertThat(two.slopeHalfWidth(0.95)).isNaN();
        assertThat(two.slopeStdErr()).isNaN();
    }

    @Test
    @DisplayName("a seed stream reports the base it was made from")
    void seedStreamBase() {
        assertThat(SeedStream.of(42, "LSQ-1").base()).isEqualTo(42L);
    }
}
