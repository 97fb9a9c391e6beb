package io.github.theorybench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.claims.support.LineFit;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ODE wrapper against flows with closed forms (Hipparchus' TestProblem pattern), tested for convergence — the
 * error falls as the tolerance tightens across decades (Hipparchus' doTestIncreasingTolerance) — not at one tolerance.
 */
class GradientFlowTest {
    /**
     * ẏ = −diag(λ) y: y(t) = e^{−λt} y₀, rates spanning 1.7 decades. (With a rate of 30 over t ≤ 20 the fast mode
     * decays to 1e−260 and the step size becomes stability-limited: its error then sits at the absolute tolerance
     * whatever the relative one, so a convergence test would measure the stability boundary, not the accuracy.)
     */
    static final double[] LAMBDA = {0.1, 1.0, 5.0};
    static final double[] Y0 = {1, -2, 3};
    static final VectorField LINEAR = new VectorField() {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public void evaluate(double[] y, double[] dy) {
            for (int i = 0; i < 3; i++) {
                dy[i] = -LAMBDA[i] * y[i];
            }
        }
    };
    /** The logistic flow ẏ = y(1 − y) = −∇L for L = y³/3 − y²/2: y(t) = 1/(1 + e^{−t}(1 − y₀)/y₀). */
    static final VectorField LOGISTIC = new VectorField() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void evaluate(double[] y, double[] dy) {
            dy[0] = y[0] * (1 - y[0]);
        }
    };

    /** The largest error over the recorded times, relative to the largest |y| of the exact solution. */
    static double maxError(VectorField f, double[] y0, double tol, double[] times, DoubleUnaryOperator[] exact) {
        Trajectory tr = new GradientFlow(tol * 1e-3, tol).integrate(f, y0, times);
        double worst = 0, size = 0;
        for (int k = 0; k < tr.size(); k++) {
            for (int i = 0; i < y0.length; i++) {
                size = Math.max(size, Math.abs(exact[i].applyAsDouble(times[k])));
            }
        }
        for (int k = 0; k < tr.size(); k++) {
            for (int i = 0; i < y0.length; i++) {
                double e = exact[i].applyAsDouble(times[k]);
                worst = Math.max(worst, Math.abs(tr.state(k)[i] - e) / size);
            }
        }
        return worst;
    }

    static void assertConverges(VectorField f, double[] y0, double[] times, DoubleUnaryOperator[] exact) {
        double[] tols = {1e-4, 1e-6, 1e-8, 1e-10, 1e-12};
        double[] errors = new double[tols.length];
        for (int k = 0; k < tols.length; k++) {
            errors[k] = maxError(f, y0, tols[k], times, exact);
            // a global error within two decades of the local tolerance (DP853 controls the local error only)
            assertThat(errors[k]).as("error at tolerance %.0e", tols[k]).isLessThan(100 * tols[k]);
            if (k > 0) {
                assertThat(errors[k]).as("error falls from tolerance %.0e to %.0e", tols[k - 1], tols[k])
                        .isLessThan(errors[k - 1] / 3);
            }
        }
        // the error follows the tolerance: fitted exponent near 1 across eight decades
        assertThat(LineFit.logLog(tols, errors).slope()).isBetween(0.7, 1.3);
    }

    @Test
    @DisplayName("GradientFlow on a linear flow: the error against e^{-lambda t} y0 falls with the tolerance across 8 decades")
    void linearFlowConverges() {
        DoubleUnaryOperator[] exact = new DoubleUnaryOperator[3];
        for (int i = 0; i < 3; i++) {
            final int c = i;
            exact[i] = t -> Y0[c] * Math.exp(-LAMBDA[c] * t);
        }
        assertConverges(LINEAR, Y0, GradientFlow.logSpacedTimes(1e-3, 20, 15), exact);
    }

    @Test
    @DisplayName("GradientFlow on the logistic gradient flow: the error against the closed form falls with the tolerance")
    void nonlinearFlowConverges() {
        double y0 = 0.01;
        DoubleUnaryOperator[] exact = {t -> 1 / (1 + Math.exp(-t) * (1 - y0) / y0)};
        assertConverges(LOGISTIC, new double[] {y0}, GradientFlow.logSpacedTimes(1e-2, 15, 12), exact);
    }

    @Test
    @DisplayName("GradientFlow records the initial state, its tolerances and effort; rejects unordered times and bad tolerances")
    void recordsAndRejects() {
        double[] times = GradientFlow.logSpacedTimes(1e-3, 20, 15);
        Trajectory tr = new GradientFlow(1e-12, 1e-10).integrate(LINEAR, Y0, times);
        assertThat(tr.size()).isEqualTo(16);
        assertThat(tr.state(0)).containsExactly(1, -2, 3);
        assertThat(tr.evaluations()).isPositive();
        assertThat(tr.relativeTolerance()).isEqualTo(1e-10);
        assertThat(tr.absoluteTolerance()).isEqualTo(1e-12);
        assertThatThrownBy(() -> new GradientFlow(1e-12, 1e-10).integrate(LINEAR, Y0, new double[] {0, 2, 1}))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> new GradientFlow(0, 1e-10)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new GradientFlow(1e-12, 1e-10).integrate(LINEAR, new double[] {1}, times))
                .hasMessageContaining("dimension");
    }
}
