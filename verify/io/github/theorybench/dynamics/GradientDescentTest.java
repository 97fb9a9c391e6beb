package io.github.theorybench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Gradient descent against the closed form on a quadratic: L(x) = ½ Σ a_i x_i² has x_t,i = (1 − η a_i)^t x_0,i, so
 * the iterates, the loss and the contraction rate max_i |1 − η a_i| are known exactly for every step size.
 */
class GradientDescentTest {
    static final double[] A = {0.5, 2.0, 8.0};
    static final double[] X0 = {1.0, -2.0, 0.5};
    /** Relative agreement of t products of (1 − ηa) with t rounded steps: a few ulps per step. */
    static final double ITERATE_TOLERANCE = 1e-13;

    static final GradientDescent.VectorProblem QUADRATIC = x -> {
        double loss = 0;
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            loss += 0.5 * A[i] * x[i] * x[i];
            g[i] = A[i] * x[i];
        }
        return new GradientDescent.Evaluation<>(loss, g);
    };

    @ParameterizedTest(name = "eta = {0} / a_max")
    @ValueSource(doubles = {0.1, 0.5, 1.0, 1.5, 1.9})
    @DisplayName("GD on a quadratic: every iterate equals (1 - eta a_i)^t x0 and the fitted rate is max_i |1 - eta a_i|")
    void closedFormAcrossStepSizes(double fraction) {
        double eta = fraction / 8.0;
        List<double[]> iterates = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        GradientDescent.Result<double[]> r = new GradientDescent<>(QUADRATIC, eta, 60).run(X0,
                (t, x, e) -> {
                    iterates.add(x);
                    losses.add(e.loss());
                });
        assertThat(r.reason()).isEqualTo(GradientDescent.Stop.MAX_STEPS);
        assertThat(r.steps()).isEqualTo(60);
        assertThat(iterates).hasSize(61);
        double rate = 0;
        for (double a : A) {
            rate = Math.max(rate, Math.abs(1 - eta * a));
        }
        for (int t = 0; t <= 60; t++) {
            double loss = 0;
            for (int i = 0; i < A.length; i++) {
                double expected = Math.pow(1 - eta * A[i], t) * X0[i];
                assertThat(iterates.get(t)[i]).isCloseTo(expected, within(ITERATE_TOLERANCE * Math.abs(X0[i])));
                loss += 0.5 * A[i] * expected * expected;
            }
            assertThat(losses.get(t)).isCloseTo(loss, within(1e-12 * losses.get(0)));
        }
        // each mode contracts by exactly 1 − ηa_i per step, so ‖x_t‖ ≤ rate^t ‖x_0‖ with rate = max_i |1 − ηa_i|
        for (int t = 1; t <= 60; t++) {
            for (int i = 0; i < A.length; i++) {
                if (iterates.get(t - 1)[i] != 0) {       // at ηa_i = 1 the mode is 0 after one step
                    assertThat(iterates.get(t)[i] / iterates.get(t - 1)[i]).isCloseTo(1 - eta * A[i],
                            within(1e-12));
                }
            }
            assertThat(norm(iterates.get(t))).isLessThanOrEqualTo(Math.pow(rate, t) * norm(X0) * (1 + 1e-12));
        }
    }

    @Test
    @DisplayName("GD beyond eta = 2/a_max diverges and reports it; the stop rule ends a run early; the recorder sees t = 0..last")
    void stopReasons() {
        GradientDescent.Result<double[]> diverged = new GradientDescent<>(QUADRATIC, 2.5 / 8.0, 100_000).run(X0,
                GradientDescent.noRecorder());
        assertThat(diverged.reason()).isEqualTo(GradientDescent.Stop.DIVERGED);
        assertThat(diverged.lastEvaluation().loss()).isInfinite();

        List<Integer> seen = new ArrayList<>();
        GradientDescent.Result<double[]> stopped = new GradientDescent<>(QUADRATIC, 0.1, 1000).run(X0,
                (t, x, e) -> e.loss() < 1e-6, (t, x, e) -> seen.add(t));
        assertThat(stopped.reason()).isEqualTo(GradientDescent.Stop.RULE);
        assertThat(stopped.lastEvaluation().loss()).isLessThan(1e-6);
        assertThat(seen).hasSize(stopped.steps() + 1);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(stopped.steps());

        GradientDescent.Result<double[]> none = new GradientDescent<>(QUADRATIC, 0.1, 0).run(X0,
                GradientDescent.noRecorder());
        assertThat(none.steps()).isZero();
        assertThat(none.last()).isSameAs(X0);
        assertThat(X0).containsExactly(1.0, -2.0, 0.5);

        assertThatThrownBy(() -> new GradientDescent<>(QUADRATIC, 0, 10)).hasMessageContaining("step size");
        assertThatThrownBy(() -> new GradientDescent<>(QUADRATIC, Double.NaN, 10)).hasMessageContaining("step size");
        assertThatThrownBy(() -> new GradientDescent<>(QUADRATIC, 0.1, -1)).hasMessageContaining("budget");
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
