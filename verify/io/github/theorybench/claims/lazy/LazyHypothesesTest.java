package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The LAZY flow claims' hypothesis predicates (Trust rule 1), each on a case where it holds and one where it fails. */
@SmallInstances
class LazyHypothesesTest {
    @Test
    @DisplayName("LAZY-1/2/3 hypothesis alpha >= alpha*: holds at alpha = alpha* exactly and above, fails one ulp below (no allowance)")
    void alphaAtLeastAlphaStar() {
        double alphaStar = 47.6;
        assertThat(LazyHypotheses.alphaAtLeastAlphaStar(alphaStar, alphaStar)).isTrue();
        assertThat(LazyHypotheses.alphaAtLeastAlphaStar(2 * alphaStar, alphaStar)).isTrue();
        assertThat(LazyHypotheses.alphaAtLeastAlphaStar(Math.nextDown(alphaStar), alphaStar)).isFalse();
        assertThat(LazyHypotheses.alphaAtLeastAlphaStar(3e-5 * alphaStar, alphaStar)).isFalse();
        assertThat(new LazyConstants(alphaStar, alphaStar, 4, 23, 2.4, 5).hypothesisMet()).isTrue();
        assertThat(new LazyConstants(Math.nextDown(alphaStar), alphaStar, 4, 23, 2.4, 5).hypothesisMet()).isFalse();
    }

    @Test
    @DisplayName("LAZY-5 hypothesis lambda = inf lambda_min(Q) > 0: holds for a positive infimum, fails at 0 and below")
    void uniformlyPositiveDefinite() {
        assertThat(LazyHypotheses.uniformlyPositiveDefinite(Double.MIN_VALUE)).isTrue();
        assertThat(LazyHypotheses.uniformlyPositiveDefinite(3.5e4)).isTrue();
        assertThat(LazyHypotheses.uniformlyPositiveDefinite(0.0)).isFalse();
        assertThat(LazyHypotheses.uniformlyPositiveDefinite(-1e-12)).isFalse();
    }

    @Test
    @DisplayName("LAZY-6 hypothesis 0 < lambda <= lambda_1 < inf: holds inside, fails for lambda = 0, lambda_1 infinite or lambda > lambda_1")
    void spectrumInWindow() {
        assertThat(LazyHypotheses.spectrumInWindow(1.0, 9.0)).isTrue();
        assertThat(LazyHypotheses.spectrumInWindow(4.0, 4.0)).isTrue();
        assertThat(LazyHypotheses.spectrumInWindow(0.0, 9.0)).isFalse();
        assertThat(LazyHypotheses.spectrumInWindow(1.0, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(LazyHypotheses.spectrumInWindow(Math.nextUp(4.0), 4.0)).isFalse();
    }

    @Test
    @DisplayName("LAZY-10 hypothesis f(W0) = 0: alpha_max ||f(W0)|| <= 1e-9 ||y|| holds at the edge and for round-off, fails one ulp beyond and for random signs")
    void zeroInitialOutput() {
        double y = 3.0, alpha = 100;
        double edge = LazyHypotheses.ZERO_OUTPUT_TOLERANCE * y / alpha;
        assertThat(LazyHypotheses.zeroInitialOutput(alpha, 1.8e-14, y)).isTrue();      // antisymmetric: round-off
        assertThat(LazyHypotheses.zeroInitialOutput(alpha, 0.0, y)).isTrue();
        double at = alpha * edge <= LazyHypotheses.ZERO_OUTPUT_TOLERANCE * y ? edge : Math.nextDown(edge);
        assertThat(LazyHypotheses.zeroInitialOutput(alpha, at, y)).isTrue();
        assertThat(LazyHypotheses.zeroInitialOutput(alpha, Math.nextUp(Math.nextUp(at)), y)).isFalse();
        assertThat(LazyHypotheses.zeroInitialOutput(alpha, 39.0, y)).isFalse();       // random signs: ||f0|| ~ 40
    }

    @Test
    @DisplayName("LAZY-12 hypothesis alpha ||f(W0)|| >> ||y|| (||y|| <= 4e-4 alpha ||f(W0)||): holds at 1000 x 40 vs 3, fails at alpha = 10")
    void dominantInitialOutput() {
        assertThat(LazyHypotheses.dominantInitialOutput(1000, 40, 3)).isTrue();       // 3 <= 16
        assertThat(LazyHypotheses.dominantInitialOutput(10, 40, 3)).isFalse();         // 3 > 0.16
        assertThat(LazyHypotheses.dominantInitialOutput(1000, 0, 3)).isFalse();        // antisymmetric
        assertThat(LazyHypotheses.dominantInitialOutput(2500, 3, 3)).isTrue();         // exactly 4e-4 * 2500 * 3 = 3
        assertThat(LazyHypotheses.dominantInitialOutput(2500, 3, Math.nextUp(3.0))).isFalse();
    }
}
