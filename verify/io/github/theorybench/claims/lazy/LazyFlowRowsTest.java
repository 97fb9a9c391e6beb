package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-1/2 decay rows on a hand-made run whose nonlinear and linearized flows carry different decay comparisons and
 * ODE evaluation counts, so that each row must read its own flow.
 */
@SmallInstances
class LazyFlowRowsTest {
    private static Verdict row(List<Verdict> vs, Criterion c) {
        List<Verdict> hits = vs.stream().filter(v -> v.criterion().equals(c)).toList();
        assertThat(hits).as("%s", c).hasSize(1);
        return hits.get(0);
    }

    @Test
    @DisplayName("LAZY-1/2 decay rows: nonlinear rows read the nonlinear flow's comparisons and evaluations, linearized rows the linearized flow's; rate x8 controls likewise")
    void rowsReadTheirOwnFlow() {
        DecayComparison nl = new DecayComparison(0.01, 0.05, 4.5, 0.0), lin = new DecayComparison(0.02, 0.07, 4.1, 0.0);
        DecayComparison nl8 = new DecayComparison(680, 2, 0.4, 0.01), lin8 = new DecayComparison(500, 3, 0.5, 0.02);
        LazyFlowRun.RiskCurve curve = new LazyFlowRun.RiskCurve(false, 1, new double[] {0, 1}, new double[] {1, .1});
        LazyFlowRun run = new LazyFlowRun(LazyFlowVerdictsTest.AT, LazyFlowVerdictsTest.K, nl, lin, nl8, lin8, 3000,
                1700, 0.007, 0.007, 0.007, 0.007, 0.007, new DecayComparison(0.3, 0.5, 1.2, 0.0),
                new DecayComparison(680, 2, 0.6, 0.01), new LazyFlowRun.Lemma82(3.5e4, 1.4e6, 0.1, 0.54, 0.92),
                new LazyFlowRun.Lemma82(3.5e4, 1.4e6, 0.05, 1.0, 1.0), new LazyFlowRun.InnerSteps(0.9999, 1.0001,
                        0.01), curve, curve, new LazyFlowRun.LemmaCurves(new double[] {1}, new double[] {.1},
                                new double[] {.5}, new double[] {1}, new double[] {.5}), Map.of());
        List<Verdict> vs = LazyTrainingCheck.verdicts(run);
        Verdict n = row(vs, LazyTrainingCheck.RISK_DECAY), l = row(vs, LazyTrainingCheck.LINEARIZED_RISK_DECAY);
        assertThat(n.observed()).isEqualTo(0.01);
        assertThat(l.observed()).isEqualTo(0.02);
        assertThat(n.measurements()).containsEntry("slackOverTauGe1", 0.05).containsEntry("odeEvaluations", 3000.0);
        assertThat(l.measurements()).containsEntry("slackOverTauGe1", 0.07).containsEntry("odeEvaluations", 1700.0);
        assertThat(n.check()).isEqualTo("risk decay, nonlinear flow");
        assertThat(l.check()).isEqualTo("risk decay, linearized flow");
        assertThat(n.detail()).contains("0.0500", "4.50x");
        assertThat(l.detail()).contains("0.0700", "4.10x");
        Verdict n8 = row(vs, LazyTrainingCheck.RISK_DECAY_RATE_X8);
        Verdict l8 = row(vs, LazyTrainingCheck.LINEARIZED_RISK_DECAY_RATE_X8);
        assertThat(n8.observed()).isEqualTo(680.0);
        assertThat(l8.observed()).isEqualTo(500.0);
        assertThat(n8.check()).isEqualTo("rate x8 control, nonlinear flow");
        assertThat(l8.check()).isEqualTo("rate x8 control, linearized flow");
    }
}
