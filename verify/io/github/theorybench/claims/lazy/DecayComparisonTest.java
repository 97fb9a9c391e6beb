package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link DecayComparison} on hand-made risk paths with known answers (CLAIMS.md LAZY-1: R(t) ≤ R₀ exp(−rate·t)). */
@SmallInstances
class DecayComparisonTest {
    @Test
    @DisplayName("LAZY-1 decay comparison: an exact exp(-2t) risk against rate 1: no excess, slack = max R/bound over t >= 1/rate, early slack over t >= 1/(2 rate), multiple 2")
    void exactExponential() {
        double[] t = {0, 0.5, 1, 2, 3};
        double[] risk = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            risk[k] = 4.0 * Math.exp(-2 * t[k]);
        }
        DecayComparison c = DecayComparison.of(t, risk, 4.0, DecayComparison.constant(t.length, 1.0));
        assertThat(c.worstExcess()).isZero();                        // 0 at t = 0, negative after
        assertThat(c.slack()).isCloseTo(Math.exp(-1), within(1e-15));             // R/bound = e^{−t}, t ≥ 1
        assertThat(c.earlySlack()).isCloseTo(Math.exp(-0.5), within(1e-15));      // t ≥ 0.5
        assertThat(c.smallestRateMultiple()).isCloseTo(2.0, within(1e-14));
        // with rate 3 the bound is violated from t = 0.5 on: worst excess max(e^{−2t} − e^{−3t})
        DecayComparison c3 = DecayComparison.of(t, risk, 4.0, DecayComparison.constant(t.length, 3.0));
        double worst = 0;
        for (double tk : t) {
            worst = Math.max(worst, Math.exp(-2 * tk) - Math.exp(-3 * tk));
        }
        assertThat(c3.worstExcess()).isCloseTo(worst, within(1e-15));
        assertThat(c3.slack()).isCloseTo(Math.exp(3), within(1e-13));          // R/bound = e^{t}, largest at t = 3
        assertThat(c3.smallestRateMultiple()).isCloseTo(2.0 / 3, within(1e-14));
    }

    @Test
    @DisplayName("LAZY-1 decay comparison: per-point rates, bounds below 1e-10 R0 skipped, a risk at its round-off floor left out of slack and multiple")
    void edges() {
        double[] t = {0, 1, 2};
        DecayComparison c = DecayComparison.of(t, new double[] {1, Math.exp(-1), Math.exp(-1)}, 1.0,
                new double[] {5, 1, 0.5});
        assertThat(c.slack()).isCloseTo(1.0, within(1e-15));
        assertThat(c.smallestRateMultiple()).isCloseTo(1.0, within(1e-15));
        assertThat(DecayComparison.of(t, new double[] {1 + 2e-9, 0.1, 0.1}, 1.0, DecayComparison.constant(3, 1.0))
                .worstExcess()).isCloseTo(2e-9, within(1e-15));
        // a bound below FLOOR·R₀ = 1e-10 R₀ is not compared, however large the risk there
        DecayComparison floor = DecayComparison.of(t, new double[] {1, 0.1, 0.5}, 1.0, new double[] {1, 1, 12});
        assertThat(floor.worstExcess()).isZero();
        assertThat(floor.slack()).isCloseTo(0.1 / Math.exp(-1), within(1e-14));
        // the floor scales with R₀: at R₀ = 4 a bound of 4e^{−24} ≈ 1.5e-10 is below 1e-10·R₀ = 4e-10, so skipped
        assertThat(DecayComparison.of(t, new double[] {4, 0.4, 2}, 4.0, new double[] {1, 1, 12}).worstExcess())
                .isZero();
        double atFloor = DecayComparison.FLOOR * 4.0 * 1e-3;
        DecayComparison round = DecayComparison.of(new double[] {0, 2}, new double[] {4, atFloor}, 4.0,
                DecayComparison.constant(2, 1.0));
        assertThat(round.slack()).isZero();
        assertThat(round.earlySlack()).isZero();
        assertThat(round.smallestRateMultiple()).isEqualTo(Double.POSITIVE_INFINITY);
        DecayComparison above = DecayComparison.of(new double[] {0, 2}, new double[] {4, 2 * atFloor}, 4.0,
                DecayComparison.constant(2, 1.0));
        assertThat(above.slack()).isCloseTo(2 * atFloor / (4 * Math.exp(-2)), within(1e-25));
        assertThat(above.smallestRateMultiple()).isCloseTo(-Math.log(2 * atFloor / 4) / 2, within(1e-12));
        // before rate·t reaches 1/2 nothing enters either slack
        DecayComparison early = DecayComparison.of(new double[] {0, 0.4}, new double[] {1, 0.9}, 1.0,
                DecayComparison.constant(2, 1.0));
        assertThat(early.slack()).isZero();
        assertThat(early.earlySlack()).isZero();
        assertThat(DecayComparison.constant(3, 2.5)).containsExactly(2.5, 2.5, 2.5);
    }
}
