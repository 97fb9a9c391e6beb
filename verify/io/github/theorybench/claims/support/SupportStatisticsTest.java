package io.github.theorybench.claims.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared statistics of the claims, each against an independent computation or a closed form. */
class SupportStatisticsTest {
    @Test
    @DisplayName("LineFit: exact power law recovered; slope SE and R^2 agree with Hipparchus' SimpleRegression on noisy points")
    void lineFit() {
        double[] x = {64, 128, 256, 512, 1024};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3.0 * Math.pow(x[i], -0.5);
        }
        LineFit exact = LineFit.logLog(x, y);
        assertThat(exact.slope()).isCloseTo(-0.5, within(1e-14));
        assertThat(exact.rSquared()).isCloseTo(1.0, within(1e-14));
        assertThat(exact.at(300)).isCloseTo(3.0 / Math.sqrt(300), within(1e-12));

        double[] noisy = {1.1, 0.9, 0.52, 0.31, 0.17};
        LineFit fit = LineFit.logLog(x, noisy);
        SimpleRegression ref = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            ref.addData(Math.log(x[i]), Math.log(noisy[i]));
        }
        assertThat(fit.slope()).isCloseTo(ref.getSlope(), within(1e-12));
        assertThat(fit.intercept()).isCloseTo(ref.getIntercept(), within(1e-12));
        assertThat(fit.slopeStdErr()).isCloseTo(ref.getSlopeStdErr(), within(1e-12));
        assertThat(fit.rSquared()).isCloseTo(ref.getRSquare(), within(1e-12));
        assertThat(fit.slopeHalfWidth(0.95)).isCloseTo(ref.getSlopeConfidenceInterval(0.05), within(1e-10));

        LineFit semi = LineFit.semiLogX(new double[] {1, Math.E, Math.E * Math.E}, new double[] {5, 7, 9});
        assertThat(semi.slope()).isCloseTo(2.0, within(1e-14));
        assertThat(LineFit.linear(new double[] {0, 1}, new double[] {1, 3}).slopeStdErr()).isNaN();
        assertThatThrownBy(() -> LineFit.logLog(new double[] {1, 2}, new double[] {1, 0}))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> LineFit.linear(new double[] {2, 2}, new double[] {1, 3}))
                .hasMessageContaining("distinct");
    }

    @Test
    @DisplayName("SeedStream: deterministic, distinct across streams, indices and bases, non-negative; pinned values")
    void seedStream() {
        SeedStream s = SeedStream.of(1, "LSQ");
        assertThat(s.seed(0)).isEqualTo(SeedStream.derive(1, "LSQ", 0)).isNotNegative();
        Set<Long> seen = new HashSet<>();
        for (long base = 0; base < 50; base++) {
            for (String name : new String[] {"LSQ", "LAZY", "LAZY/adversarial"}) {
                for (int k = 0; k < 50; k++) {
                    long v = SeedStream.derive(base, name, k);
                    assertThat(v).isNotNegative();
                    seen.add(v);
                }
            }
        }
        assertThat(seen).hasSize(50 * 3 * 50);
        assertThat(s.child("kappa").name()).isEqualTo("LSQ/kappa");
        assertThat(s.child("kappa").seed(3)).isEqualTo(SeedStream.derive(1, "LSQ/kappa", 3));
        // pinned: a change of the derivation changes every instance, and must be deliberate
        assertThat(SeedStream.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(SeedStream.mix64(0)).isZero();
        assertThatThrownBy(() -> s.seed(-1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> SeedStream.of(1, "")).hasMessageContaining("name");
    }

    @Test
    @DisplayName("RankTrend: Spearman rho equals Hipparchus' on tied data; permutation p small for a clear trend, ~uniform for none, deterministic")
    void rankTrend() {
        double[] x = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        double[] y = {0.1, 0.3, 0.2, 0.5, 0.4, 0.6, 0.8, 0.7, 0.9, 1.0};
        RankTrend up = RankTrend.spearman(x, y, RankTrend.Direction.INCREASING, 9999, 5);
        assertThat(up.rho()).isCloseTo(new SpearmansCorrelation().correlation(x, y), within(1e-12));
        assertThat(up.pValue()).isLessThan(0.01);
        assertThat(up.significant(0.01)).isTrue();
        assertThat(RankTrend.spearman(x, y, RankTrend.Direction.DECREASING, 9999, 5).pValue()).isGreaterThan(0.99);
        assertThat(RankTrend.spearman(x, y, RankTrend.Direction.INCREASING, 9999, 5)).isEqualTo(up);
        double[] flat = {0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.0};
        double[] xs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(RankTrend.spearman(xs, flat, RankTrend.Direction.INCREASING, 9999, 5).pValue())
                .isBetween(0.05, 0.95);
        assertThat(RankTrend.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
    }

    @Test
    @DisplayName("WilsonInterval against the closed form at 0/20, 19/20, 20/20; Quantiles type 7; bootstrap interval brackets the median")
    void wilsonAndQuantiles() {
        WilsonInterval all = WilsonInterval.of95(20, 20);
        assertThat(all.high()).isEqualTo(1.0);
        double z2 = WilsonInterval.Z95 * WilsonInterval.Z95;
        assertThat(all.low()).isCloseTo(20 / (20 + z2), within(1e-12));    // n/(n + z²) at p = 1
        assertThat(WilsonInterval.of95(0, 20).low()).isZero();
        WilsonInterval w = WilsonInterval.of95(19, 20);
        assertThat(w.rate()).isEqualTo(0.95);
        assertThat(w.low()).isCloseTo(0.7639, within(1e-4));              // tabulated Wilson 95% for 19/20
        assertThat(w.high()).isCloseTo(0.9911, within(1e-4));
        assertThatThrownBy(() -> WilsonInterval.of95(3, 2)).hasMessageContaining("successes");

        assertThat(Quantiles.median(new double[] {3, 1, 2})).isEqualTo(2.0);
        assertThat(Quantiles.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
        assertThat(Quantiles.of(new double[] {1, 2, 3, 4, 5}, 0.1)).isCloseTo(1.4, within(1e-15));
        double[] v = {5, 1, 4, 2, 3, 9, 7, 6, 8, 10};
        double[] ci = Quantiles.bootstrapMedian(v, 0.95, 2000, 3);
        assertThat(ci[0]).isLessThanOrEqualTo(5.5);
        assertThat(ci[1]).isGreaterThanOrEqualTo(5.5);
        assertThat(Quantiles.bootstrapMedian(v, 0.95, 2000, 3)).containsExactly(ci);
    }
}
