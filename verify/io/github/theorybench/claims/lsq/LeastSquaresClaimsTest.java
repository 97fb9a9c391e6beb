package io.github.theorybench.claims.lsq;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeastSquaresClaimsTest {
    private static CheckResult result;
    private static final String[] INSTANCES = {"sqrt(n)-limited", "kappa^2-limited"};

    @BeforeAll
    static void run() {
        result = new LeastSquaresDescentCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 13, true));
    }

    @Test
    @DisplayName("LSQ-1 GD residual <= (1 - eta sigma_min^2)^t r0 at every checked t; rate x 2 is flagged")
    void residualDecay() {
        for (String inst : INSTANCES) {
            result.verdicts("LSQ-1").stream().filter(v -> v.check().equals("residual decay (" + inst + ")"))
                    .forEach(v -> assertThat(v).hypothesisMet().holds());
            result.verdicts("LSQ-1").stream().filter(v -> v.check().equals("control: rate x 2 (" + inst + ")"))
                    .forEach(v -> assertThat(v).isViolated());
        }
        org.assertj.core.api.Assertions.assertThat(result.verdicts("LSQ-1")).hasSize(8);
    }

    @Test
    @DisplayName("LSQ-2 GD converges to theta* = theta0 + X^+(y - X theta0) to 1e-8, closer to theta0 than other minimizers; X^+ y is not the limit")
    void limitIsClosestMinimizer() {
        result.verdicts("LSQ-2").forEach(v -> {
            if (v.role() == io.github.theorybench.claims.Verdict.Role.CONTROL) {
                assertThat(v).isViolated();
            } else {
                assertThat(v).holds();
            }
        });
        org.assertj.core.api.Assertions.assertThat(result.verdicts("LSQ-2")).hasSize(8);
    }

    @Test
    @DisplayName("LSQ-3 path length <= min(sqrt(n), kappa^2) ||theta* - theta0||; bound/2 is flagged on the kappa^2-limited instance (n=50, p=2000)")
    void shortPath() {
        result.verdicts("LSQ-3").forEach(v -> {
            if (v.role() == io.github.theorybench.claims.Verdict.Role.CONTROL) {
                org.assertj.core.api.Assertions.assertThat(v.sizes().get("p")).isEqualTo(2000);
                assertThat(v).isViolated();
            } else {
                assertThat(v).holds();
            }
        });
        org.assertj.core.api.Assertions.assertThat(result.verdicts("LSQ-3").stream()
                .filter(v -> v.role() == io.github.theorybench.claims.Verdict.Role.CONTROL)).hasSize(2);
    }
}
