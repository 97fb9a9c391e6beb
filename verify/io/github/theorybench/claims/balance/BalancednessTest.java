package io.github.theorybench.claims.balance;

import io.github.theorybench.model.sensing.SensingInstance;
import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.FactorizedSensing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** BAL family (002, balancedness): d1 = d2 = 20, r* = 2, n = 800, seed 1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalancednessTest {
    private CheckResult r;

    @BeforeAll
    void descend() {
        r = new BalancednessCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
    }

    private void claimsHoldAndControlBites(String id) {
        for (Verdict v : r.verdicts(id)) {
            if (v.role() == Verdict.Role.CONTROL) {
                assertThat(v).isViolated();
            } else if (v.hypothesisMet()) {
                assertThat(v).holds();
            }
        }
        assertThat(r.verdicts(id).stream().filter(v -> v.role() == Verdict.Role.CONTROL)).hasSize(1);
    }

    @Test
    @DisplayName("BAL-1 U^T grad_U L = (grad_V L)^T V at every iterate; a loss not of the form f(UV^T) breaks it")
    void bal1() {
        claimsHoldAndControlBites("BAL-1");
    }

    @Test
    @DisplayName("BAL-2 one GD step: ||B_{t+1} - B_t||_F <= mu^2 (||grad_U||^2 + ||grad_V||^2); half the bound bites")
    void bal2() {
        claimsHoldAndControlBites("BAL-2");
    }

    @Test
    @DisplayName("BAL-3 ||B_t|| <= ||B_0|| + 2 mu (L_0 - L_t) on a stable run; the breaking step size violates the hypothesis")
    void bal3() {
        claimsHoldAndControlBites("BAL-3");
        Verdict stable = r.verdict("BAL-3", "balancedness lemma, mu = 0.10, alpha = 1e-03, r = 4");
        assertThat(stable).hypothesisMet().holds();
        Verdict breaking = r.verdict("BAL-3", "balancedness lemma, mu = 0.50, alpha = 3e-01, r = 20");
        assertThat(breaking).hypothesisNotMet();
        assertThat(breaking.measurements().get("hypothesisFailures")).isPositive();
    }

    @Test
    @DisplayName("BAL-4 gradient flow conserves B: GD drift falls like mu (slope in [0.9, 1.1])")
    void bal4() {
        CheckResult d = new DriftScalingCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
        assertThat(d.verdict("BAL-4", "drift of B under GD against mu, same mu T")).holds();
    }

    @Test
    void sensingGradientsMatchFiniteDifferences() {
        SensingInstance inst = SensingInstance.build(Backends.byName("ejml"), 3, 5, 4, 2, 3, 60, 0.5);
        DenseMatrix u = inst.u0(), v = inst.v0();
        FactorizedSensing.Evaluation ev = inst.loss().asymmetric(u, v);
        double h = 1e-6;
        for (int k = 0; k < u.size(); k++) {
            DenseMatrix up = u.copy(), um = u.copy();
            up.data()[k] += h;
            um.data()[k] -= h;
            double fd = (inst.loss().asymmetric(up, v).loss() - inst.loss().asymmetric(um, v).loss()) / (2 * h);
            assertThat(ev.gradU().data()[k]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-7));
        }
        for (int k = 0; k < v.size(); k++) {
            DenseMatrix vp = v.copy(), vm = v.copy();
            vp.data()[k] += h;
            vm.data()[k] -= h;
            double fd = (inst.loss().asymmetric(u, vp).loss() - inst.loss().asymmetric(u, vm).loss()) / (2 * h);
            assertThat(ev.gradV().data()[k]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-7));
        }
        // symmetric loss 1/4 ||A(UU^T) - y||^2
        var op = io.github.theorybench.model.sensing.MeasurementOperator.symmetricGaussian(Backends.byName("ejml"), 50,
                4, RandomMatrices.rng(4));
        DenseMatrix x = RandomMatrices.gaussian(4, 2, 1, RandomMatrices.rng(5));
        FactorizedSensing sym = new FactorizedSensing(op,
                op.apply(Backends.byName("ejml").multiply(false, true, x, x).toDense()));
        DenseMatrix w = RandomMatrices.gaussian(4, 3, 1, RandomMatrices.rng(6));
        FactorizedSensing.Evaluation es = sym.symmetric(w);
        for (int k = 0; k < w.size(); k++) {
            DenseMatrix wp = w.copy(), wm = w.copy();
            wp.data()[k] += h;
            wm.data()[k] -= h;
            double fd = (sym.symmetric(wp).loss() - sym.symmetric(wm).loss()) / (2 * h);
            assertThat(es.gradU().data()[k]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
