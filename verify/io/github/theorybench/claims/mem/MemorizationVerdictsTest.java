package io.github.theorybench.claims.mem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.model.MemorizingReluNet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MEM-1 verdict rules on hand-made measurements, exactly at each threshold and one ulp (or one weight) beyond. */
@SmallInstances
class MemorizationVerdictsTest {
    private static MemorizationFit fit(int params, double backward, double ratio, boolean distinct) {
        return new MemorizationFit(Provenance.of(9, "ejml", "n", 100, "d", 10), 100, params, backward, 1e-9, ratio,
                1e6, 2.0, 1e-4, distinct);
    }

    private static Verdict row(List<Verdict> vs, Criterion c) {
        return vs.stream().filter(v -> v.criterion().equals(c)).findFirst().orElseThrow();
    }

    private static Verdict.Status status(MemorizationFit f, Criterion c) {
        return row(new MemorizationCheck().verdicts(new MemorizationCheck.Measurement(List.of(f), List.of(f))), c)
                .status();
    }

    @Test
    @DisplayName("MEM-1 verdict: parameter count exactly 2n + d, backward error <= 1e-13, residual ratio <= 1; the one-neuron-fewer control bites above 1")
    void thresholds() {
        assertThat(status(fit(210, 1e-13, 1.0, true), MemorizationCheck.PARAMETER_COUNT))
                .isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(fit(209, 1e-13, 1.0, true), MemorizationCheck.PARAMETER_COUNT))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(fit(211, 1e-13, 1.0, true), MemorizationCheck.PARAMETER_COUNT))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(fit(210, 1e-13, 1.0, true), MemorizationCheck.BACKWARD_ERROR))
                .isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(fit(210, Math.nextUp(1e-13), 1.0, true), MemorizationCheck.BACKWARD_ERROR))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(fit(210, 1e-13, 1.0, true), MemorizationCheck.INTERPOLATION))
                .isEqualTo(Verdict.Status.HOLDS);
        assertThat(status(fit(210, 1e-13, Math.nextUp(1.0), true), MemorizationCheck.INTERPOLATION))
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(status(fit(208, 1e-13, 1.0, true), MemorizationCheck.INTERPOLATION_FEWER_WEIGHTS))
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(status(fit(208, 1e-13, Math.nextUp(1.0), true), MemorizationCheck.INTERPOLATION_FEWER_WEIGHTS))
                .isEqualTo(Verdict.Status.CONTROL_BIT);
        Verdict v = row(MemorizationCheck.verdicts(fit(210, 1e-15, 0.5, true)), MemorizationCheck.INTERPOLATION);
        assertThat(v.measurements()).containsEntry("amplification", 5e5).containsEntry("residualOverMaxY", 5e-10)
                .containsEntry("minGap", 1e-4).containsEntry("params", 210.0);
    }

    @Test
    @DisplayName("MEM-1 hypothesis: without distinct projections a^T x_i every claim row reports 'hypothesis not met'")
    void hypothesis() {
        List<Verdict> vs = MemorizationCheck.verdicts(fit(210, 1e-15, 0.5, false));
        assertThat(vs).hasSize(3).allSatisfy(v -> assertThat(v.status()).isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET));
        // gaps against the projections' round-off: 0.5 at round-off 0.5 is not distinct, one ulp more is
        assertThat(MemorizingReluNet.distinctProjections(new double[] {0.5, -1, 2}, 0.5)).isTrue();
        assertThat(MemorizingReluNet.distinctProjections(new double[] {1.0, 0.5, 2}, 0.5)).isFalse();
        assertThat(MemorizingReluNet.distinctProjections(new double[] {1.0, 0.5, 2}, Math.nextDown(0.5))).isTrue();
        assertThat(MemorizingReluNet.distinctProjections(new double[] {0.3, -1, 0.3}, 0)).isFalse();
        // 2 d eps max_i sum_k |a_k x_ik|: d = 2, the larger row sum is 1*3 + 2*0.5 = 4
        assertThat(MemorizingReluNet.projectionRoundOff(io.github.theorybench.linalg.DenseMatrix.of(2, 2, 1, 1, -3,
                0.5), new double[] {1, 2})).isEqualTo(2 * 2 * Math.ulp(1.0) * 4);
    }
}
