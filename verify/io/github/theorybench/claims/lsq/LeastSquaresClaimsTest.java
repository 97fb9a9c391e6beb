package io.github.theorybench.claims.lsq;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.LIMIT_UNSTABLE_STEP;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.LIMIT_IS_THETA_STAR;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.PATH_LENGTH;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.PATH_LENGTH_HALF_BOUND;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.RESIDUAL_DECAY;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.RESIDUAL_DECAY_RATE_X2;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LSQ-1..3 at CLAIMS.md's sizes (n = 50, p = 100 and 2000), five seeds; every control bites by >= 5%. */
class LeastSquaresClaimsTest {
    /** Trust rule 2: a control's statistic lies at least 5% beyond its threshold. */
    static final double MARGIN = 0.05;
    private static CheckResult result;

    @BeforeAll
    static void run() {
        result = new LeastSquaresDescentCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 13, false));
    }

    @Test
    @DisplayName("LSQ-1 GD residual <= (1 - eta sigma_min^2)^t r0 at every checked t; rate x 2 is flagged")
    void residualDecay() {
        assertThat(result.verdicts(RESIDUAL_DECAY)).hasSize(10)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(RESIDUAL_DECAY_RATE_X2)).hasSize(10).allSatisfy(v -> {
            assertThat(v).controlBit();
            assertThat(v.margin()).isGreaterThanOrEqualTo(MARGIN);
        });
    }

    @Test
    @DisplayName("LSQ-2 GD converges to theta* = theta0 + X^+(y - X theta0) to 1e-8, closer to theta0 than other minimizers; with eta = 2.1/||X||^2 it does not")
    void limitIsClosestMinimizer() {
        assertThat(result.verdicts(LIMIT_IS_THETA_STAR)).hasSize(10).allSatisfy(v -> assertThat(v).hypothesisMet()
                .holds());
        assertThat(result.verdicts(LIMIT_UNSTABLE_STEP)).hasSize(10).allSatisfy(v -> {
            assertThat(v).controlBit();
            assertThat(v.margin()).isGreaterThanOrEqualTo(MARGIN);
        });
    }

    @Test
    @DisplayName("LSQ-3 path length <= min(sqrt(n), kappa^2) ||theta* - theta0||; bound/2 is flagged on the kappa^2-limited instance (n=50, p=2000)")
    void shortPath() {
        assertThat(result.verdicts(PATH_LENGTH)).hasSize(10).allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(PATH_LENGTH_HALF_BOUND)).hasSize(5).allSatisfy(v -> {
            assertThat(v.sizes().get("p")).isEqualTo(2000);
            assertThat(v).controlBit();
            assertThat(v.margin()).isGreaterThanOrEqualTo(MARGIN);
        });
    }
}
