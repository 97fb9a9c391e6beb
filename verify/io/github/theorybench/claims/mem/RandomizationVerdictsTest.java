package io.github.theorybench.claims.mem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MEM-2 verdict rules on hand-made runs: every-run-fits at its window, the trend's p at 0.01 exactly, the roles. */
@SmallInstances
class RandomizationVerdictsTest {
    private static final Provenance PROV = Provenance.of(3, "ejml", "n", 100, "d", 10, "width", 200);

    private static RandomizationRun run(double c, boolean fitted, int toAccuracy, double testError, int width) {
        return new RandomizationRun(PROV.withSize("corruption", c), c, width, width * 11, fitted, fitted ? 2000 : 10000,
                toAccuracy, fitted ? 9e-5 : 0.5, testError, 0.01);
    }

    /** Seeds × levels {0, 0.5, 1} with test error and steps rising with c (strictly, so every permutation loses). */
    private static RandomizationCheck.Measurement measurement(int seeds, boolean allFit, int permutations) {
        List<RandomizationRun> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (double c : new double[] {0, 0.5, 1}) {
                runs.add(run(c, allFit || c < 1 || s > 0, (int) (100 + 200 * c + s), 0.2 + 0.3 * c + 0.001 * s, 200));
            }
        }
        List<RandomizationRun> controls = List.of(run(1, false, 10000, 0.5, 5), run(1, false, 10000, 0.5, 5));
        int[] identity = new int[runs.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new RandomizationCheck.Measurement(runs, controls, identity, 7, permutations, 100, "test");
    }

    private static Verdict row(List<Verdict> vs, Criterion c) {
        return vs.stream().filter(v -> v.criterion().equals(c)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("MEM-2 verdict: every run fits iff the share of fitted runs is 1; width 5 (55 < n parameters) is outside the hypothesis and bites")
    void fits() {
        List<Verdict> all = new RandomizationCheck().verdicts(measurement(4, true, 99));
        assertThat(all.stream().filter(v -> v.criterion().equals(RandomizationCheck.FITS)))
                .hasSize(3).allSatisfy(v -> assertThat(v.status()).isEqualTo(Verdict.Status.HOLDS));
        List<Verdict> one = new RandomizationCheck().verdicts(measurement(4, false, 99));
        Verdict atOne = one.stream().filter(v -> v.criterion().equals(RandomizationCheck.FITS)).toList().get(2);
        assertThat(atOne.observed()).isEqualTo(0.75);                 // 3 of 4 seeds fitted at c = 1
        assertThat(atOne.status()).isEqualTo(Verdict.Status.VIOLATED);
        Verdict control = row(all, RandomizationCheck.NARROW_FITS);
        assertThat(control.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(control.hypothesisMet()).isFalse();
        assertThat(control.margin()).isEqualTo(1.0);
        assertThat(RandomizationCheck.overparameterized(101, 100)).isTrue();
        assertThat(RandomizationCheck.overparameterized(100, 100)).isFalse();
        assertThat(RandomizationCheck.overparameterized(55, 100)).isFalse();
    }

    @Test
    @DisplayName("MEM-2 verdict: a trend holds iff p < 0.01 — a perfect trend over 99 permutations gives p = 1/100 exactly (not < 0.01), over 100 p = 1/101")
    void trendAtThreshold() {
        Verdict at = row(new RandomizationCheck().verdicts(measurement(4, true, 99)),
                RandomizationCheck.TEST_ERROR_TREND);
        assertThat(at.observed()).isEqualTo(0.01);
        assertThat(at.status()).isEqualTo(Verdict.Status.VIOLATED);
        Verdict below = row(new RandomizationCheck().verdicts(measurement(4, true, 100)),
                RandomizationCheck.TEST_ERROR_TREND);
        assertThat(below.observed()).isEqualTo(1.0 / 101);
        assertThat(below.status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(below.measurements().get("rho")).isGreaterThan(0.9);       // ranks of c are tied within a level
        // the permuted control with the identity permutation is the claim's own statistic: it cannot bite
        List<Verdict> vs = new RandomizationCheck().verdicts(measurement(4, true, 100));
        assertThat(row(vs, RandomizationCheck.TEST_ERROR_TREND_PERMUTED).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(row(vs, RandomizationCheck.ACCURACY_TIME_TREND).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(row(vs, RandomizationCheck.MSE_TIME_TREND).status()).isEqualTo(Verdict.Status.EXPLORATORY);
    }
}
