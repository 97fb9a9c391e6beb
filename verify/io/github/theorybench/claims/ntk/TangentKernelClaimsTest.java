package io.github.theorybench.claims.ntk;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TangentKernelClaimsTest {
    private static CheckContext ctx(long seed) {
        return CheckContext.of(Backends.byName(Backends.DEFAULT), seed, true);
    }

    @Test
    @DisplayName("NTK-1 empirical NTK with both layers trained equals K1 + K2 to 1e-12; dropped or perturbed K2 is flagged")
    void kernelSplit() {
        CheckResult r = new KernelSplitCheck().run(ctx(3));
        for (String act : new String[] {"tanh", "relu"}) {
            assertThat(r.verdict("NTK-1", "J J^T (full Jacobian) = K1 + K2 (" + act + ")")).holds();
            assertThat(r.verdict("NTK-1", "structured Gram = K1 + K2 (" + act + ")")).holds();
            assertThat(r.verdict("NTK-1", "control: K2 dropped (" + act + ")")).isViolated();
            assertThat(r.verdict("NTK-1", "control: K2 perturbed by 1e-9 (" + act + ")")).isViolated();
        }
    }

    @Test
    @DisplayName("NTK-2 two-layer ReLU empirical NTK error falls like m^-1/2 (slope of the seed mean in [-0.6, -0.4], m 64..16384)")
    void twoLayerConvergence() {
        CheckResult r = new TwoLayerKernelConvergenceCheck().run(ctx(5));
        assertThat(r.verdict("NTK-2", "kernel error slope in m (mean over seeds)")).holds();
    }

    @Test
    @DisplayName("NTK-3 deep ReLU empirical NTK converges to the Arora et al. recursion at m^-1/2 (L = 2, 3; 10 seeds); wrong conventions are flagged")
    void deepConvergence() {
        CheckResult r = new DeepKernelConvergenceCheck().run(ctx(7));
        for (int l : new int[] {2, 3}) {
            Verdict v = r.verdict("NTK-3", "kernel error slope in m (mean over seeds) (L = " + l + ")");
            assertThat(v).holds();
            org.assertj.core.api.Assertions.assertThat(v.measurements().get("theta_xx_unit_input"))
                    .isCloseTo(l + 1.0, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.verdict("NTK-3", "control: recursion without the output layer's Sigma^(L) term (L = " + l
                    + ")")).isViolated();
            assertThat(r.verdict("NTK-3", "control: recursion without c_sigma in Sigma-dot (L = " + l + ")"))
                    .isViolated();
        }
    }

    @Test
    @DisplayName("NTK-4 rank(J0) = min(n, md) at init; GD from a full-rank tanh init reaches 1e-8 R0 with travel <= 2||J0^+ r0||")
    void rankAtInit() {
        CheckResult r = new JacobianRankCheck().run(ctx(11));
        for (Verdict v : r.verdicts("NTK-4")) {
            if (v.activation().equals("relu") && !v.hypothesisMet()) {
                assertThat(v).hypothesisNotMet();
                continue;
            }
            assertThat(v).hypothesisMet().holds();
        }
    }
}
