package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * LAZY-4, 7, 8 (CLAIMS.md) on the default backend. LAZY-1, 2, 3, 5, 6, 10, 12 are in {@link LazyFlowClaimsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LazyTrainingTest {
    @Test
    @DisplayName("LAZY-4 ||J_W - J_V||_F <= beta0 sqrt(sum ||x_i||^4) ||W - V||_F; the tight n = 1 case against bound/2 bites")
    void lazy4() {
        CheckResult r = new JacobianLipschitzCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
        for (Verdict v : r.verdicts("LAZY-4")) {
            if (v.role() == Verdict.Role.CLAIM) {
                assertThat(v).holds();
            } else {
                assertThat(v).isViolated();
            }
        }
        Verdict tight = r.verdict("LAZY-4", "tight n = 1 case at argmax |sigma''|");
        assertThat(tight.observed()).isGreaterThan(0.9999).isLessThanOrEqualTo(1.0);
    }

    @Test
    @DisplayName("LAZY-7 sigma_min, sigma_max of J0 grow like sqrt(m); J0 J0^T/m -> K_inf at rate m^-1/2 (16 draws)")
    void lazy7() {
        CheckResult r = new WidthScalingCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
        assertThat(r.verdicts("LAZY-7")).hasSize(3);
        for (Verdict v : r.verdicts("LAZY-7")) {
            assertThat(v).holds();
        }
    }

    @Test
    @DisplayName("LAZY-8 random-sign init: R0/(alpha^2 m n) stays in one band of ratio <= 4 (means over 5 seeds)")
    void lazy8() {
        CheckResult r = new InitialRiskScalingCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
        assertThat(r.verdict("LAZY-8", "band of R0/(alpha^2 m n) over alpha, m, n")).holds();
    }
}
