package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The two-layer net's Jacobian against finite differences, and structured = explicit on every backend. */
class TwoLayerNetTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Backend be : Backends.all()) {
            for (Activation a : Activation.values()) {
                for (boolean outer : new boolean[] {false, true}) {
                    b.add(Arguments.of(be.name(), a, outer));
                }
            }
        }
        return b.build();
    }

    record Instance(DenseMatrix x, TwoLayerInit init) {
    }

    static Instance instance(int n, int m, int d, long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        return new Instance(RandomMatrices.unitRows(n, d, rng), TwoLayerInit.randomSign(m, d, 1.0, rng));
    }

    @ParameterizedTest(name = "{0} {1} trainOuter={2}")
    @MethodSource("cases")
    void jacobianMatchesCentralFiniteDifferences(String backend, Activation act, boolean outer) {
        Instance in = instance(5, 6, 3, 3);
        TwoLayerNet net = new TwoLayerNet(Backends.byName(backend), in.x(), in.init().signs(), act, 0.8, outer);
        DenseMatrix w = in.init().weights();
        DenseMatrix j = net.jacobianExplicit(w);
        assertThat(j.rows()).isEqualTo(5);
        assertThat(j.cols()).isEqualTo(net.parameterCount());
        double h = 1e-6;
        int md = 6 * 3;
        for (int p = 0; p < md; p++) {
            DenseMatrix wp = w.copy(), wm = w.copy();
            wp.data()[p] += h;
            wm.data()[p] -= h;
            double[] fp = net.predictions(wp), fm = net.predictions(wm);
            for (int i = 0; i < 5; i++) {
                double z = 0;
                for (int k = 0; k < 3; k++) {
                    z += w.get(p / 3, k) * in.x().get(i, k);
                }
                if (act == Activation.RELU && Math.abs(z) < 1e-4) {
                    continue; // at a kink the derivative is one-sided
                }
                assertThat(j.get(i, p)).as("dF_%d/dW_%d", i, p).isCloseTo((fp[i] - fm[i]) / (2 * h),
                        org.assertj.core.data.Offset.offset(1e-7));
            }
        }
        if (outer) {
            // ∂f/∂a_j = c σ(w_jᵀx): f is linear in a, so the columns equal the predictions of unit outer weights
            for (int jj = 0; jj < 6; jj++) {
                double[] unit = new double[6];
                unit[jj] = 1;
                TwoLayerNet single = new TwoLayerNet(Backends.byName(backend), in.x(), unit, act, 0.8, false);
                double[] f = single.predictions(w);
                for (int i = 0; i < 5; i++) {
                    assertThat(j.get(i, md + jj)).isCloseTo(f[i], org.assertj.core.data.Offset.offset(1e-14));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} trainOuter={2}")
    @MethodSource("cases")
    void structuredEqualsExplicit(String backend, Activation act, boolean outer) {
        for (int[] s : new int[][] {{7, 4, 3}, {1, 1, 1}, {40, 2, 3}, {3, 20, 5}}) {
            Instance in = instance(s[0], s[1], s[2], 17);
            TwoLayerNet net = new TwoLayerNet(Backends.byName(backend), in.x(), in.init().signs(), act, 1.3, outer);
            DenseMatrix w = in.init().weights();
            assertThat(DenseMatrix.relativeDifference(net.gramStructured(w), net.gramExplicit(w))).isLessThan(1e-12);
            double[] r = RandomMatrices.gaussianVector(s[0], 1, RandomMatrices.rng(2));
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(net.gradientStructured(w, r)),
                    DenseMatrix.columnVector(net.gradientExplicit(w, r)))).isLessThan(1e-12);
        }
    }

    @Test
    void backendsAgreeOnTheTwoLayerKernels() {
        Instance in = instance(30, 40, 6, 21);
        List<Backend> all = Backends.all();
        TwoLayerNet ref = TwoLayerNet.withFixedSigns(all.get(0), in.x(), in.init().signs(), Activation.TANH);
        double[] r = RandomMatrices.gaussianVector(30, 1, RandomMatrices.rng(4));
        for (Backend b : all) {
            TwoLayerNet net = TwoLayerNet.withFixedSigns(b, in.x(), in.init().signs(), Activation.TANH);
            assertThat(DenseMatrix.relativeDifference(net.gramStructured(in.init().weights()),
                    ref.gramStructured(in.init().weights()))).isLessThan(1e-10);
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(net.predictions(in.init().weights())),
                    DenseMatrix.columnVector(ref.predictions(in.init().weights())))).isLessThan(1e-10);
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(net.gradientStructured(
                    in.init().weights(), r)), DenseMatrix.columnVector(ref.gradientStructured(in.init().weights(), r))))
                    .isLessThan(1e-10);
        }
    }

    @Test
    void antisymmetricInitPredictsZeroUpToRoundOff() {
        RandomGenerator rng = RandomMatrices.rng(5);
        TwoLayerInit init = TwoLayerInit.antisymmetric(10, 4, 1.0, rng);
        DenseMatrix x = RandomMatrices.unitRows(8, 4, rng);
        for (Backend b : Backends.all()) {
            double[] f = TwoLayerNet.withFixedSigns(b, x, init.signs(), Activation.TANH).predictions(init.weights());
            // pairs cancel exactly in exact arithmetic; the floating-point sum leaves O(m ε) at most
            for (double v : f) {
                assertThat(Math.abs(v)).isLessThan(1e-14);
            }
        }
        assertThatThrownBy(() -> TwoLayerInit.antisymmetric(5, 2, 1, rng)).hasMessageContaining("even width");
    }

    @Test
    void badArgumentsAreNamed() {
        Instance in = instance(4, 3, 2, 1);
        TwoLayerNet net = TwoLayerNet.withFixedSigns(Backends.byName("ejml"), in.x(), in.init().signs(),
                Activation.TANH);
        assertThatThrownBy(() -> net.predictions(DenseMatrix.zeros(2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x2").hasMessageContaining("2x3");
        assertThatThrownBy(() -> net.gradientStructured(in.init().weights(), new double[3]))
                .hasMessageContaining("length n = 4");
        DenseMatrix bad = in.init().weights().copy();
        bad.set(0, 0, Double.NaN);
        assertThatThrownBy(() -> net.gramStructured(bad)).hasMessageContaining("non-finite");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationDerivativesMatchFiniteDifferencesAndBeta0IsTheSupremum(Activation a) {
        double h = 1e-5, maxSecond = 0;
        for (double x = -6; x <= 6; x += 0.001) {
            if (a == Activation.RELU && Math.abs(x) < 2 * h) {
                continue;
            }
            assertThat(a.derivative(x)).isCloseTo((a.value(x + h) - a.value(x - h)) / (2 * h),
                    org.assertj.core.data.Offset.offset(1e-8));
            assertThat(a.secondDerivative(x)).isCloseTo((a.derivative(x + h) - a.derivative(x - h)) / (2 * h),
                    org.assertj.core.data.Offset.offset(1e-7));
            maxSecond = Math.max(maxSecond, Math.abs(a.secondDerivative(x)));
        }
        if (a.isSmooth()) {
            // the grid maximum approaches β₀ from below (grid step 1e-3)
            assertThat(maxSecond).isLessThanOrEqualTo(a.beta0()).isGreaterThan(a.beta0() * (1 - 1e-5));
        } else {
            assertThat(a.beta0()).isInfinite();
        }
        assertThat(Activation.parse(a.label())).isEqualTo(a);
    }
}
