package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.stream.Stream;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structured Jacobian-vector product J_W V = ((X Vᵀ) ⊙ D) 1 (LAZY-9) against the materialized J vec(V) and
 * against central finite differences of the predictions along V, on every backend, in NTK scaling.
 */
class TwoLayerJvpTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Backend be : Backends.all()) {
            for (Activation a : Activation.values()) {
                b.add(Arguments.of(be.name(), a));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void structuredJvpEqualsExplicitAndFiniteDifferences(String backend, Activation act) {
        for (int[] s : new int[][] {{7, 4, 3}, {1, 1, 1}, {10, 64, 5}}) {
            int n = s[0], m = s[1], d = s[2];
            RandomGenerator rng = RandomMatrices.rng(31 + m);
            DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
            TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
            DenseMatrix v = RandomMatrices.gaussian(m, d, 1.0, rng);
            TwoLayerNet net = new TwoLayerNet(Backends.byName(backend), x, init.signs(), act, 1.0 / Math.sqrt(m),
                    false);
            DenseMatrix w = init.weights();
            double[] js = net.jvpStructured(w, v), je = net.jvpExplicit(w, v);
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(js), DenseMatrix.columnVector(je)))
                    .isLessThan(1e-12);
            double h = 1e-6;
            double[] fp = net.predictions(w.plusScaled(h, v)), fm = net.predictions(w.plusScaled(-h, v));
            DenseMatrix p = x.toDense();
            for (int i = 0; i < n; i++) {
                boolean nearKink = false;
                for (int j = 0; j < m && act == Activation.RELU; j++) {
                    double z = 0, dz = 0;
                    for (int k = 0; k < d; k++) {
                        z += w.get(j, k) * p.get(i, k);
                        dz += v.get(j, k) * p.get(i, k);
                    }
                    nearKink |= Math.abs(z) <= 2 * h * Math.abs(dz);
                }
                if (!nearKink) {
                    assertThat(js[i]).as("J V at x_%d", i).isCloseTo((fp[i] - fm[i]) / (2 * h),
                            org.assertj.core.data.Offset.offset(1e-7));
                }
            }
        }
    }

    @Test
    void jvpNeedsAFirstLayerDirectionAndFixedOuterWeights() {
        RandomGenerator rng = RandomMatrices.rng(2);
        DenseMatrix x = RandomMatrices.unitRows(3, 2, rng);
        TwoLayerInit init = TwoLayerInit.randomSign(4, 2, 1.0, rng);
        Backend b = Backends.byName("ejml");
        TwoLayerNet net = TwoLayerNet.withFixedSigns(b, x, init.signs(), Activation.TANH);
        assertThatThrownBy(() -> net.jvpStructured(init.weights(), DenseMatrix.zeros(2, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x2");
        TwoLayerNet both = new TwoLayerNet(b, x, init.signs(), Activation.TANH, 1.0, true);
        assertThatThrownBy(() -> both.jvpStructured(init.weights(), init.weights()))
                .hasMessageContaining("first layer only");
    }
}
