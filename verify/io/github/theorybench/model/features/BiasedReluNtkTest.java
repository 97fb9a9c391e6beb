package io.github.theorybench.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The DLS NTK against its closed form written with Math's acos, sin and cos (the wide-net check is in
 * FeatureLearningModelTest).
 */
class BiasedReluNtkTest {
    private static final Backend B = Backends.byName(Backends.DEFAULT);
    /** Two evaluations of the same closed form (sin θ as √(1 − cos²θ) against sin(acos(·))): a few ulps of O(1) terms. */
    private static final double FORM_TOLERANCE = 1e-13;

    @Test
    @DisplayName("matrix and blockwise predictions equal the closed form by loops (Math.acos/sin/cos); x = 0 gives 0; shapes checked")
    void matrixAndPredict() {
        RandomGenerator rng = RandomMatrices.rng(4);
        DenseMatrix a = RandomMatrices.gaussian(300, 5, 1.0, rng), t = RandomMatrices.gaussian(7, 5, 1.0, rng);
        t.data()[0] = t.data()[1] = t.data()[2] = t.data()[3] = t.data()[4] = 0;   // a zero training point
        BiasedReluNtk k = new BiasedReluNtk(B, 0.2);
        DenseMatrix km = k.matrix(a, t);
        DenseMatrix coef = RandomMatrices.gaussian(2, 7, 1.0, rng);
        double[][] f = k.predict(a, t, coef);
        for (int i = 0; i < 300; i++) {
            double[] expected = new double[2];
            for (int j = 0; j < 7; j++) {
                double kij = j == 0 ? 0 : BiasedReluNtkReference.closedForm(a.row(i), t.row(j), 0.2);
                assertThat(km.get(i, j)).isCloseTo(kij, within(FORM_TOLERANCE * Math.max(1, Math.abs(kij))));
                expected[0] += kij * coef.get(0, j);
                expected[1] += kij * coef.get(1, j);
            }
            assertThat(f[0][i]).isCloseTo(expected[0], within(1e-12 * Math.max(1, Math.abs(expected[0]))));
            assertThat(f[1][i]).isCloseTo(expected[1], within(1e-12 * Math.max(1, Math.abs(expected[1]))));
        }
        assertThat(BiasedReluNtk.value(1.0, 0, 2, 0.1)).isZero();
        assertThatThrownBy(() -> k.matrix(a, RandomMatrices.gaussian(2, 4, 1, rng)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> k.predict(a, t, DenseMatrix.zeros(1, 6))).isInstanceOf(IllegalArgumentException.class);
    }
}
