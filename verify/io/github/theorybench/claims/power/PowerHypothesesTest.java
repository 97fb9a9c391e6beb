package io.github.theorybench.claims.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Trust rule 1: each PWR hypothesis predicate on an instance where it holds and one where it fails. */
@SmallInstances
class PowerHypothesesTest {
    @Test
    @DisplayName("PWR-1/4/6 hypothesis: the spectral phase exists iff ||U0||_2^2 < 0.01 ||XX^T||_2")
    void spectralPhaseExists() {
        assertThat(PowerHypotheses.spectralPhaseExists(0.099, 1.0)).isTrue();
        assertThat(PowerHypotheses.spectralPhaseExists(0.1, 1.0)).isFalse();       // 0.1^2 = 0.01: on the threshold
        assertThat(PowerHypotheses.spectralPhaseExists(0.3, 4.0)).isFalse();
        assertThat(PowerHypotheses.spectralPhaseExists(0.19, 4.0)).isTrue();
        assertThat(PowerHypotheses.spectralPhaseExists(0.5, 25.0)).isFalse();      // 0.25 = 0.01 * 25 exactly: strict
        assertThat(PowerHypotheses.spectralPhaseExists(Math.nextDown(0.5), 25.0)).isTrue();
    }

    @Test
    @DisplayName("PWR-2 hypothesis: a separated target (lambda_r* > lambda_r*+1) and the alignment regime (alpha <= 1e-8 at r = r*, <= 1e-5 at r >= 4r*)")
    void alignment() {
        assertThat(PowerHypotheses.separatedTarget(new double[] {1, 0.8}, 2)).isTrue();
        assertThat(PowerHypotheses.separatedTarget(new double[] {1, 0.8, 0.8}, 2)).isFalse();
        assertThat(PowerHypotheses.separatedTarget(new double[] {1, 0.8, 0.5}, 2)).isTrue();
        assertThat(PowerHypotheses.alignmentRegime(1e-8, 2, 2)).isTrue();
        assertThat(PowerHypotheses.alignmentRegime(1e-7, 2, 2)).isFalse();
        assertThat(PowerHypotheses.alignmentRegime(1e-5, 8, 2)).isTrue();
        assertThat(PowerHypotheses.alignmentRegime(1e-4, 8, 2)).isFalse();
        assertThat(PowerHypotheses.alignmentRegime(1e-8, 6, 2)).isFalse();        // 2 < r < 4r*: neither case
    }

    @Test
    @DisplayName("PWR-3 hypothesis: Z is the normalized estimator (scale 1) with n >= d")
    void normalizedEstimator() {
        assertThat(PowerHypotheses.normalizedEstimator(1.0, 250, 30)).isTrue();
        assertThat(PowerHypotheses.normalizedEstimator(Math.sqrt(250), 250, 30)).isFalse();
        assertThat(PowerHypotheses.normalizedEstimator(1.0, 20, 30)).isFalse();
        assertThat(PowerHypotheses.normalizedEstimator(1.0, 30, 30)).isTrue();       // n = d: at least d
        assertThat(PowerHypotheses.normalizedEstimator(1.0, 29, 30)).isFalse();
    }

    @Test
    @DisplayName("PWR-5 hypothesis: r > r*, r*^2 (d1 + d2) <= n < d1 d2 (A not injective)")
    void belowInjectivity() {
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 8, 400)).isTrue();
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 8, 1200)).isTrue();
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 8, 1600)).isFalse();   // n = d1 d2: injective
        assertThat(PowerHypotheses.belowInjectivity(20, 20, 2, 8, 800)).isFalse();
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 8, 319)).isFalse();    // n < r*^2 (d1 + d2) = 320
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 2, 800)).isFalse();    // r = r*
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 3, 800)).isTrue();     // r = r* + 1
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 8, 320)).isTrue();     // n = r*^2 (d1 + d2) exactly
        assertThat(PowerHypotheses.belowInjectivity(40, 40, 2, 8, 1599)).isTrue();    // n = d1 d2 - 1
    }

    @Test
    @DisplayName("PWR-7 hypothesis: r independent init columns (rank min(r, d)) and a gap after r*")
    void independentColumns() {
        assertThat(PowerHypotheses.independentColumns(8, 8, 30, 0.4, 0.2)).isTrue();
        assertThat(PowerHypotheses.independentColumns(30, 60, 30, 0.4, 0.2)).isTrue();
        assertThat(PowerHypotheses.independentColumns(2, 8, 30, 0.4, 0.2)).isFalse();  // rank-r* init (the control)
        assertThat(PowerHypotheses.independentColumns(8, 8, 30, 0.4, 0.4)).isFalse();
    }
}
