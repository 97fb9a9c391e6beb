package io.github.theorybench.claims.dls;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-1..3 in quick mode: the CLAIMS.md thresholds and widths (d = 10, p = 4, m = 2000, ζ = 0.1), medians over 5
 * seeds; only the grid of sample sizes is smaller (n ∈ {100, 200, 1000}, N ∈ {100, 200}, n_src = d³). Base seed 1,
 * the report's default: every draw depends only on (seed, purpose, size), so these numbers are the report's at the
 * same sizes.
 */
class FeatureLearningClaimsTest {
    private static CheckResult result;

    @BeforeAll
    static void run() {
        result = new FeatureLearningCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
    }

    @Test
    @DisplayName("DLS-1 one step recovers span(u): median share of ||W1||_F^2 along u >= 0.4 at n = 2d^2 = 200 and grows over n = 100, 200, 1000; W0 (eta1 = 0) is flagged")
    void subspaceRecovery() {
        assertThat(result.verdict("DLS-1", "median share of ||W1||_F^2 along u at n = 2d^2")).hypothesisMet().holds();
        assertThat(result.verdict("DLS-1", "median share increases along the n grid")).holds();
        Verdict control = result.verdict("DLS-1", "control: eta_1 = 0 (W1 = W0), same share test at n = 2d^2");
        assertThat(control).isViolated().hasObservedWithin(0.05, 0.2);   // random rows: 1/d = 0.1
        org.assertj.core.api.Assertions.assertThat(control.role()).isEqualTo(Verdict.Role.CONTROL);
    }

    @Test
    @DisplayName("DLS-2 at n = 1000 Algorithm 1 < 0.5 x random features and NTK (medians, 5 seeds), beats RF on every seed at n = 200, 1000; eta1 = 0 is flagged; FINDING: at n = 100 = d^2 it does not beat RF on every seed")
    void beatsKernels() {
        assertThat(result.verdict("DLS-2", "median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)")).holds();
        assertThat(result.verdict("DLS-2", "every seed at n = 200: max Algorithm 1 MSE / RF MSE")).holds();
        assertThat(result.verdict("DLS-2", "every seed at n = 1000: max Algorithm 1 MSE / RF MSE")).holds();
        // Finding (CLAIMS.md asks n >= 100): at n = d^2 the step barely finds u on some seeds (share 0.10-0.25) and
        // Algorithm 1 ties or loses to random features there; seed 1 loses by 1.47x (1.77 vs 1.21).
        assertThat(result.verdict("DLS-2", "every seed at n = 100: max Algorithm 1 MSE / RF MSE")).isViolated()
                .hasObservedWithin(1.0, 2.0);
        Verdict control = result.verdict("DLS-2", "control: eta_1 = 0, same comparison at n = 1000");
        assertThat(control).isViolated().hasObservedWithin(0.8, 1.5);   // eta1 = 0 is random features: ratio ~ 1
        org.assertj.core.api.Assertions.assertThat(control.role()).isEqualTo(Verdict.Role.CONTROL);
        org.assertj.core.api.Assertions.assertThat(result.figures()).anyMatch(f -> f.name().equals("DLS-2-test-mse"));
        org.assertj.core.api.Assertions.assertThat(result.tables()).anyMatch(t -> t.name().equals("DLS-2-mse"));
    }

    @Test
    @DisplayName("DLS-3 transfer: head-only fit on a first layer pretrained on n_src = d^3 samples < 0.5 x random features at N = 100, 200 (medians, 5 seeds); eta1 = 0 pretraining is flagged")
    void transfer() {
        assertThat(result.verdict("DLS-3", "max over N in {100, 200}: median pretrained / median RF, n_src = d^3"))
                .hypothesisMet().holds();
        Verdict control = result.verdict("DLS-3", "control: pretraining with eta_1 = 0, same comparison");
        assertThat(control).isViolated().hasObservedWithin(0.7, 1.5);
        org.assertj.core.api.Assertions.assertThat(result.tables()).anyMatch(t -> t.name().equals("DLS-3-transfer"));
    }
}
