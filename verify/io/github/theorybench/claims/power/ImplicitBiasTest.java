package io.github.theorybench.claims.power;

import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import static io.github.theorybench.assertions.VerdictAssert.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.model.sensing.SensingInstance;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.FactorizedSensing;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PWR-5 (final error after convergence against α, asymmetric BAL setup) and PWR-6 (iterations to L ≤ 1e−3 L₀ against
 * r, symmetric PWR-1..4 setup), quick mode, seed 1: PWR-5 at n ∈ {800, 3200}, r ∈ {r*, 8}, α ∈ {1e−2, 10^−3.5, 1e−5};
 * PWR-6 with 3 init seeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplicitBiasTest {
    private CheckResult scaling;
    private CheckResult time;

    @BeforeAll
    void run() {
        Backend b = Backends.byName(Backends.DEFAULT);
        scaling = new FinalErrorScalingCheck().run(CheckContext.of(b, 1, true));
        time = new ConvergenceTimeCheck().run(CheckContext.of(b, 1, true));
    }

    @Test
    @DisplayName("PWR-5 r > r*, n = 3200 >= 10 r*^2 (d1+d2): final error exponent in alpha >= 21/16 - 0.1; alpha^2 (no noise growth) rejected")
    void pwr5Exponent() {
        Verdict v = scaling.verdict("PWR-5", "final error exponent in alpha, n = 3200, r = 8");
        assertThat(v).hypothesisMet().holds();
        assertThat(scaling.verdict("PWR-5", "control: exponent >= 2 - tolerance (no spectral-phase noise growth)"))
                .isViolated();
    }

    @Test
    @DisplayName("PWR-5 n = 800 (hypothesis n >= 10 r*^2 (d1+d2) not met): reported, and its exponent is below n = 3200's")
    void pwr5SmallSample() {
        Verdict small = scaling.verdict("PWR-5", "final error exponent in alpha, n = 800, r = 8");
        Verdict large = scaling.verdict("PWR-5", "final error exponent in alpha, n = 3200, r = 8");
        assertThat(small).hypothesisNotMet();
        // the exponent grows with n, as the heuristic 2(1 - ln(1+mu l3)/ln(1+mu l1)) does
        Assertions.assertThat(small.observed()).isLessThan(large.observed() - 0.2);
        Assertions.assertThat(small.measurements().get("heuristicExponent"))
                .isLessThan(large.measurements().get("heuristicExponent"));
    }

    @Test
    @DisplayName("PWR-5 r = r*: exact parameterization, GD reaches machine precision (<= 1e-12) at every alpha")
    void pwr5Exact() {
        for (Verdict v : scaling.verdicts("PWR-5")) {
            if (v.check().startsWith("r = r*")) {
                assertThat(v).holds();
            }
        }
        Assertions.assertThat(scaling.verdicts("PWR-5").stream().filter(v -> v.check().startsWith("r = r*")))
                .hasSize(2);
    }

    @Test
    @DisplayName("PWR-6 iterations to L <= 1e-3 L0: r = 4r* and 10r* agree (ratio in [0.8, 1.25]); r* vs 4r* is flagged")
    void pwr6() {
        assertThat(time.verdict("PWR-6", "T(4 r*) / T(10 r*) within [0.8, 1.25]")).holds();
        Verdict control = time.verdict("PWR-6", "control: T(r*) / T(4 r*) within [0.8, 1.25]");
        assertThat(control).isViolated();
        // finding: r* is slower, but by ~1.1-1.4x here, not the calibrated 2.5x (see ConvergenceTimeCheck)
        assertThat(control).hasObservedWithin(1.1, 1.6);
    }

    @Test
    void gramFormMatchesExplicitEvaluation() {
        Backend b = Backends.byName(Backends.DEFAULT);
        SensingInstance inst = SensingInstance.build(b, 7, 6, 5, 2, 3, 90, 0.7);
        FactorizedSensing.GramForm g = inst.loss().gramForm(inst.target());
        SensingInstance other = inst.reinitialized(3, 0.2, 8);
        List<FactorizedSensing.Evaluation> batch = g.asymmetric(List.of(inst.u0(), other.u0()),
                List.of(inst.v0(), other.v0()));
        for (int k = 0; k < 2; k++) {
            SensingInstance s = k == 0 ? inst : other;
            FactorizedSensing.Evaluation e = inst.loss().asymmetric(s.u0(), s.v0());
            Assertions.assertThat(Math.abs(batch.get(k).loss() - e.loss())).isLessThan(1e-12 * e.loss());
            Assertions.assertThat(DenseMatrix.relativeDifference(batch.get(k).gradU(), e.gradU())).isLessThan(1e-12);
            Assertions.assertThat(DenseMatrix.relativeDifference(batch.get(k).gradV(), e.gradV())).isLessThan(1e-12);
        }
        SymmetricSensingInstance sym = SymmetricSensingInstance.build(b, 3, 5, 2, 80);
        DenseMatrix u = RandomMatrices.gaussian(5, 4, 1, RandomMatrices.rng(9));
        FactorizedSensing.Evaluation es = sym.loss().symmetric(u);
        FactorizedSensing.Evaluation gs = sym.loss().gramForm(sym.target()).symmetric(List.of(u)).get(0);
        Assertions.assertThat(Math.abs(gs.loss() - es.loss())).isLessThan(1e-12 * es.loss());
        Assertions.assertThat(DenseMatrix.relativeDifference(gs.gradU(), es.gradU())).isLessThan(1e-12);
        // labels that are not A(target) are refused
        Assertions.assertThatThrownBy(() -> inst.loss().gramForm(inst.target().scale(1.01)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
