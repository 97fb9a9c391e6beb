package io.github.theorybench.claims.power;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PWR family (002, small initialization as a power method): d = 30, r* = 2, n = 1000 (quick), seed 1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PowerMethodTest {
    private CheckResult r;

    @BeforeAll
    void descend() {
        r = new PowerMethodCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
    }

    @Test
    @DisplayName("PWR-1 GD tracks the power iterates (I + mu Z)^t U0 until t_spec (<= 0.1); deviation at t_spec/2 falls like alpha")
    void pwr1() {
        assertThat(r.verdict("PWR-1", "max_{t <= t_spec} ||U_t - U~_t|| / ||U~_t||")).holds();
        assertThat(r.verdict("PWR-1", "deviation at t_spec/2 against alpha, fitted slope")).holds();
    }

    @Test
    @DisplayName("PWR-2 alignment with Z's top eigenspace decays at the power-iteration rate q (within 10%); angle <= 0.1 at t_spec")
    void pwr2() {
        assertThat(r.verdict("PWR-2", "fitted alignment rate / q")).holds();
        assertThat(r.verdict("PWR-2", "angle to Z's eigenspace at t_spec, alpha = 1e-8, r = r*")).holds();
    }

    @Test
    @DisplayName("PWR-3 concentration: ||Z - XX^T||/||XX^T|| falls like n^-1/2 (slope in [-0.6, -0.4])")
    void pwr3() {
        CheckResult c = new ConcentrationCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true));
        assertThat(c.verdict("PWR-3", "||Z - XX^T||_2/||XX^T||_2 against n")).holds();
    }

    @Test
    @DisplayName("PWR-4 spectral phase length t_spec is linear in ln(1/alpha), slope within 20% of 1/ln(1 + mu lambda_1)")
    void pwr4() {
        assertThat(r.verdict("PWR-4", "t_spec against ln(1/alpha): fitted slope / (1/ln(1 + mu lambda_1))")).holds();
    }
}
