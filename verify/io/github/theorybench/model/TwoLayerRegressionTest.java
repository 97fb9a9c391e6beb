package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The heap-loop loss and gradient of {@link TwoLayerRegression} (NTK-4: tanh, fixed signs, c = 1; NTK-5: ReLU, both
 * layers, c = κ/√m) against {@link TwoLayerNet}'s backend forms and against the explicit Jacobian: R = ½‖f − y‖²,
 * ∇R = Jᵀ(f − y), at widths across the block size (the gradient pass works in blocks of 256 neurons).
 */
class TwoLayerRegressionTest {
    private static final Backend B = Backends.byName(Backends.DEFAULT);
    /** Sums of at most a few thousand O(1) terms in a different order: round-off well under 1e−12 relative. */
    private static final double ROUND_OFF = 1e-12;

    @ParameterizedTest(name = "{0}, m = {1}, outer trained = {2}")
    @CsvSource({"RELU, 7, true", "RELU, 300, true", "RELU, 513, false", "TANH, 9, false", "TANH, 300, true"})
    void lossAndGradientEqualTheBackendForms(Activation act, int m, boolean trainOuter) {
        RandomGenerator rng = RandomMatrices.rng(17 + m);
        int n = 6, d = 4;
        DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
        double c = 0.7 / Math.sqrt(m);
        TwoLayerRegression loss = new TwoLayerRegression(act, c, trainOuter, x, y);
        TwoLayerNet net = new TwoLayerNet(B, x, a, act, c, trainOuter);
        TwoLayerRegression.Params theta = TwoLayerRegression.Params.of(w, a);
        double[] f = net.predictions(w), r = new double[n];
        double risk = 0;
        for (int i = 0; i < n; i++) {
            r[i] = f[i] - y[i];
            risk += 0.5 * r[i] * r[i];
        }
        TwoLayerRegression.Evaluation e = loss.evaluate(theta);
        assertThat(e.loss()).isCloseTo(risk, within(ROUND_OFF * (1 + risk)));
        assertThat(e.residual()).containsExactly(r, within(ROUND_OFF));
        assertThat(loss.outputs(theta, x)).containsExactly(f, within(ROUND_OFF));
        // ∇R = Jᵀ r from the materialized Jacobian (θ = W row-major, then a when trained)
        double[] g = net.gradientExplicit(w, r);
        DenseMatrix gw = e.gradient().w();
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                assertThat(gw.get(j, k)).as("dR/dw_%d%d", j, k).isCloseTo(g[j * d + k], within(ROUND_OFF));
            }
            assertThat(e.gradient().a()[j]).as("dR/da_%d", j).isCloseTo(trainOuter ? g[m * d + j] : 0.0,
                    within(ROUND_OFF));
        }
        assertThat(loss.scale()).isEqualTo(c);
        assertThat(loss.trainsOuter()).isEqualTo(trainOuter);
        // a second evaluation (the scratch P reused) gives the same numbers
        assertThat(loss.evaluate(theta).gradient().wt().data()).containsExactly(e.gradient().wt().data());
    }

    @Test
    void paramsKeepTheTransposedLayoutAndStep() {
        DenseMatrix w = DenseMatrix.of(3, 2, 1, 2, 3, 4, 5, 6);
        TwoLayerRegression.Params p = TwoLayerRegression.Params.of(w, new double[] {1, -1, 2});
        assertThat(p.wt().rows()).isEqualTo(2);
        assertThat(p.wt().get(1, 2)).isEqualTo(6.0);
        assertThat(p.w().data()).containsExactly(w.data());
        assertThat(p.m()).isEqualTo(3);
        TwoLayerRegression.Params q = p.minus(0.5, p);
        assertThat(q.w().data()).containsExactly(0.5, 1, 1.5, 2, 2.5, 3);
        assertThat(q.a()).containsExactly(0.5, -0.5, 1);
        assertThat(p.w().data()).containsExactly(w.data());        // p unchanged
        // ‖θ − θ/2‖ = ½‖θ‖: ‖W‖² = 91, ‖a‖² = 6
        assertThat(q.distance(p)).isCloseTo(0.5 * Math.sqrt(97), within(1e-15));
        assertThatThrownBy(() -> TwoLayerRegression.Params.of(w, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x2");
    }

    @Test
    void badShapesAreNamed() {
        DenseMatrix x = DenseMatrix.zeros(3, 2);
        assertThatThrownBy(() -> new TwoLayerRegression(Activation.RELU, 1, true, x, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 labels for 3 inputs");
        TwoLayerRegression loss = new TwoLayerRegression(Activation.RELU, 1, true, x, new double[3]);
        assertThatThrownBy(() -> loss.evaluate(TwoLayerRegression.Params.of(DenseMatrix.zeros(4, 3), new double[4])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2x4");
    }
}
