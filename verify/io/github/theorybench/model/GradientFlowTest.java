package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.dynamics.GradientFlow;
import io.github.theorybench.dynamics.Trajectory;
import io.github.theorybench.dynamics.VectorField;
import org.junit.jupiter.api.Test;

/** The ODE integrator against a linear flow with a closed form: ẏ = −diag(λ) y, y(t) = e^{−λt} y₀. */
class GradientFlowTest {
    @Test
    void linearFlowMatchesClosedFormWithinTolerance() {
        double[] lambda = {0.1, 1.0, 30.0};
        VectorField f = new VectorField() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void evaluate(double[] y, double[] dy) {
                for (int i = 0; i < 3; i++) {
                    dy[i] = -lambda[i] * y[i];
                }
            }
        };
        double[] times = GradientFlow.logSpacedTimes(1e-3, 20, 15);
        Trajectory tr = new GradientFlow(1e-12, 1e-10).integrate(f, new double[] {1, -2, 3}, times);
        assertThat(tr.size()).isEqualTo(16);
        assertThat(tr.state(0)).containsExactly(1, -2, 3);
        for (int k = 0; k < tr.size(); k++) {
            for (int i = 0; i < 3; i++) {
                double exact = new double[] {1, -2, 3}[i] * Math.exp(-lambda[i] * times[k]);
                assertThat(tr.state(k)[i]).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-8)); // global error of a local-error-controlled integrator
            }
        }
        assertThat(tr.evaluations()).isPositive();
        assertThat(tr.relativeTolerance()).isEqualTo(1e-10);
        assertThatThrownBy(() -> new GradientFlow(1e-12, 1e-10).integrate(f, new double[] {1, 2, 3},
                new double[] {0, 2, 1})).hasMessageContaining("ascending");
    }
}
