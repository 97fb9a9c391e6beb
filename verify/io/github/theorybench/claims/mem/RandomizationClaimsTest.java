package io.github.theorybench.claims.mem;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MEM-2 at the quick sizes (CLAIMS.md's nets and data, n = 100, d = 10, width 200 and 5; levels {0, 0.5, 1} and 8
 * seeds instead of 5 levels and 20): the CLAIMS.md sizes take ~12 s of CPU, too long for every mvn verify; the
 * report runs them, and the operating characteristics were measured there (20 seed blocks).
 */
class RandomizationClaimsTest {
    /** Trust rule 2: a control's statistic lies at least 5% beyond its threshold. */
    static final double MARGIN = 0.05;
    private static CheckResult result;

    @BeforeAll
    static void run() {
        result = new RandomizationCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
    }

    @Test
    @DisplayName("MEM-2 Zhang et al. randomization: width 200 (2200 parameters > n = 100) fits at every corruption level; width 5 does not")
    void everyRunFits() {
        assertThat(result.verdicts(RandomizationCheck.FITS)).hasSize(3)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        Verdict control = result.verdict(RandomizationCheck.NARROW_FITS);
        assertThat(control).controlBit();
        assertThat(control.hypothesisMet()).isFalse();
        assertThat(control.margin()).isGreaterThanOrEqualTo(MARGIN);
        assertThat(control.measurements().get("minFinalMse")).isGreaterThan(0.1);
    }

    @Test
    @DisplayName("MEM-2 test error and steps to 100% train accuracy rise with corruption (Spearman, permutation p < 0.01); not with the levels permuted")
    void trends() {
        assertThat(result.verdict(RandomizationCheck.TEST_ERROR_TREND)).holds();
        assertThat(result.verdict(RandomizationCheck.ACCURACY_TIME_TREND)).holds();
        for (var c : java.util.List.of(RandomizationCheck.TEST_ERROR_TREND_PERMUTED,
                RandomizationCheck.ACCURACY_TIME_TREND_PERMUTED)) {
            assertThat(result.verdict(c)).controlBit();
            assertThat(result.verdict(c).margin()).isGreaterThanOrEqualTo(MARGIN);
        }
        assertThat(result.verdict(RandomizationCheck.MSE_TIME_TREND).status()).isEqualTo(Verdict.Status.EXPLORATORY);
    }
}
