package io.github.theorybench.claims.mem;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MEM-1 at CLAIMS.md's sizes (n = 10 … 2000, d = 10, five seeds), seed 1. */
class MemorizationClaimsTest {
    /** Trust rule 2: a control's statistic lies at least 5% beyond its threshold. */
    static final double MARGIN = 0.05;
    private static CheckResult result;

    @BeforeAll
    static void run() {
        result = new MemorizationCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, false));
    }

    @Test
    @DisplayName("MEM-1 Zhang et al.: 2n + d weights interpolate random labels (backward error <= 1e-13, residual <= 10 eps sum|A||w|); one neuron fewer does not")
    void memorization() {
        assertThat(result.verdicts(MemorizationCheck.PARAMETER_COUNT)).hasSize(25)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(MemorizationCheck.BACKWARD_ERROR)).hasSize(25)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(MemorizationCheck.INTERPOLATION)).hasSize(25)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(MemorizationCheck.INTERPOLATION_FEWER_WEIGHTS)).hasSize(5).allSatisfy(v -> {
            assertThat(v).controlBit();
            assertThat(v.margin()).isGreaterThanOrEqualTo(MARGIN);
            assertThat(v.sizes().get("n")).isEqualTo(2000);
            assertThat(v.measurements().get("params")).isEqualTo(2.0 * 1999 + 10);
        });
        // the amplification grows from O(10) at n = 10 to ~1e9-1e10 at n = 2000 (CLAIMS.md: up to 8e10)
        result.verdicts(MemorizationCheck.INTERPOLATION).stream().filter(v -> v.sizes().get("n").equals(2000))
                .forEach(v -> assertThat(v.measurements().get("amplification")).isBetween(1e8, 1e12));
    }
}
