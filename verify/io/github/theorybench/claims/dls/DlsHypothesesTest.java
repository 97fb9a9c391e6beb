package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.features.SingleIndexTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DLS hypothesis predicates (Trust rule 1), each on an instance where it holds and one where it fails. */
@SmallInstances
class DlsHypothesesTest {
    /** The trapezoidal rule's error on these degree-6 polynomial integrands is at round-off level. */
    private static final double QUADRATURE = 1e-12;

    @Test
    @DisplayName("DLS-1/2/4 Assumption 2: E g'' = 1 for He2/2 + He4/sqrt(48) (holds); 0 for He4/sqrt(24) and He3/sqrt(6) (fails)")
    void assumptionTwo() {
        SingleIndexTask task = SingleIndexTask.hermite(10, 4, RandomMatrices.rng(1));
        // E[g''] = E[(He2/2)''] = 1; He4'' = 12 He2 and He3'' = 6 He1 have mean 0
        assertThat(DlsHypotheses.hessianScale(task)).isCloseTo(1.0, within(QUADRATURE));
        assertThat(DlsHypotheses.assumptionTwo(task)).isTrue();
        assertThat(DlsHypotheses.hessianScale(task.pureHermite(4))).isCloseTo(0.0, within(QUADRATURE));
        assertThat(DlsHypotheses.assumptionTwo(task.pureHermite(4))).isFalse();
        assertThat(DlsHypotheses.assumptionTwo(task.transferTarget())).isFalse();
        // He2/sqrt(2) alone: E g'' = 2/sqrt(2)
        assertThat(DlsHypotheses.hessianScale(task.pureHermite(2))).isCloseTo(2 / Math.sqrt(2), within(QUADRATURE));
    }

    @Test
    @DisplayName("DLS-1/3/5 n >= 2d^2 and DLS-2 n >= d^2: at the threshold they hold, one sample below they fail")
    void sampleSizes() {
        assertThat(DlsHypotheses.atLeastTwoDSquared(200, 10)).isTrue();
        assertThat(DlsHypotheses.atLeastTwoDSquared(199, 10)).isFalse();
        assertThat(DlsHypotheses.atLeastTwoDSquared(1000, 10)).isTrue();   // n_src = d^3
        assertThat(DlsHypotheses.atLeastTwoDSquared(10, 10)).isFalse();    // n_src = d (the controls)
        assertThat(DlsHypotheses.atLeastDSquared(100, 10)).isTrue();
        assertThat(DlsHypotheses.atLeastDSquared(99, 10)).isFalse();
    }
}
