package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** DeepLinearNet: gradient and Hessian-vector product against finite differences, the fused GD step. */
class DeepLinearNetTest {
    private static final int[] DIMS = {4, 5, 3, 2};      // L = 3, non-square layers
    /**
     * The descent's end-to-end products and the forward/backward pass associate the same sums differently: a few
     * hundred ulps of the largest entry for products of three layers and six samples.
     */
    private static final double ASSOCIATION_ROUND_OFF = 1e-13;

    private static DeepLinearNet net(Backend b) {
        RandomGenerator rng = RandomMatrices.rng(21);
        return new DeepLinearNet(b, DIMS, 0.7, RandomMatrices.gaussian(4, 6, 1, rng),
                RandomMatrices.gaussian(2, 6, 1, rng));
    }

    private static double[] point(DeepLinearNet net, long seed) {
        return RandomMatrices.gaussianVector(net.parameterCount(), 1.0, RandomMatrices.rng(seed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void gradientMatchesFiniteDifferences(String backend) {
        DeepLinearNet net = net(Backends.byName(backend));
        double[] theta = point(net, 3);
        double[] g = DeepLinearNet.flatten(net.evaluate(net.unflatten(theta)).gradients());
        double h = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double[] p = theta.clone(), m = theta.clone();
            p[k] += h;
            m[k] -= h;
            double fd = (net.loss(net.unflatten(p)) - net.loss(net.unflatten(m))) / (2 * h);
            assertThat(g[k]).as("dl/dtheta_%d", k).isCloseTo(fd, Offset.offset(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void hessianVectorProductMatchesFiniteDifferencesOfTheGradient(String backend) {
        DeepLinearNet net = net(Backends.byName(backend));
        double[] theta = point(net, 4);
        double[] v = point(net, 5);
        double[] hv = DeepLinearNet.flatten(net.hessianVectorProduct(net.unflatten(theta), net.unflatten(v)));
        double h = 1e-5;
        double[] p = theta.clone(), m = theta.clone();
        for (int k = 0; k < theta.length; k++) {
            p[k] += h * v[k];
            m[k] -= h * v[k];
        }
        double[] gp = DeepLinearNet.flatten(net.evaluate(net.unflatten(p)).gradients());
        double[] gm = DeepLinearNet.flatten(net.evaluate(net.unflatten(m)).gradients());
        for (int k = 0; k < theta.length; k++) {
            double fd = (gp[k] - gm[k]) / (2 * h);
            assertThat(hv[k]).as("(Hv)_%d", k).isCloseTo(fd, Offset.offset(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void hessianIsSymmetricAndMatchesDepthTwoClosedForm() {
        Backend b = Backends.byName("ejml");
        RandomGenerator rng = RandomMatrices.rng(8);
        DenseMatrix x = RandomMatrices.gaussian(3, 5, 1, rng), y = RandomMatrices.gaussian(2, 5, 1, rng);
        DeepLinearNet net = new DeepLinearNet(b, new int[] {3, 2, 2}, 1.0, x, y);
        double[] theta = point(net, 9);
        DenseMatrix h = net.hessian(net.unflatten(theta));
        assertThat(DenseMatrix.relativeDifference(h, h.transpose())).isLessThan(1e-13);
        // d²l[V,V] = ||(V2 W1 + W2 V1) X||² + 2 <W2 W1 X - Y, V2 V1 X> (depth 2, c = 1)
        double[] v = point(net, 10);
        List<Matrix> w = net.unflatten(theta), dv = net.unflatten(v);
        DenseMatrix w1 = w.get(0).toDense(), w2 = w.get(1).toDense(), v1 = dv.get(0).toDense(),
                v2 = dv.get(1).toDense();
        DenseMatrix lin = b.multiply(false, false, b.multiply(false, false, v2, w1).toDense().plusScaled(1,
                b.multiply(false, false, w2, v1)), x).toDense();
        DenseMatrix e = b.multiply(false, false, b.multiply(false, false, w2, w1), x).toDense().plusScaled(-1, y);
        DenseMatrix vvx = b.multiply(false, false, b.multiply(false, false, v2, v1), x).toDense();
        double inner = 0;
        for (int k = 0; k < e.size(); k++) {
            inner += e.data()[k] * vvx.data()[k];
        }
        double expected = Math.pow(lin.frobeniusNorm(), 2) + 2 * inner;
        double quad = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                quad += v[i] * h.get(i, j) * v[j];
            }
        }
        assertThat(quad).isCloseTo(expected, Offset.offset(1e-11 * Math.abs(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void descentStepIsThetaMinusEtaGradientAndLeavesItsInputAlone(String backend) {
        DeepLinearNet net = net(Backends.byName(backend));
        double[] theta = point(net, 6);
        double[] g = DeepLinearNet.flatten(net.evaluate(net.unflatten(theta)).gradients());
        DeepLinearNet.Descent descent = net.descent();
        DeepLinearNet.Layers w = DeepLinearNet.Layers.of(net.backend(), net.unflatten(theta));
        var at = descent.evaluate(w);
        // the descent multiplies end to end (W_L⋯W_1)X where the forward pass multiplies W_l(⋯(W_1X)): round-off apart
        double loss = net.loss(net.unflatten(theta));
        assertThat(at.loss()).isCloseTo(loss, Offset.offset(ASSOCIATION_ROUND_OFF * loss));
        double gmax = java.util.Arrays.stream(g).map(Math::abs).max().orElseThrow();
        assertThat(DeepLinearNet.flatten(at.gradient().list())).containsExactly(g,
                Offset.offset(ASSOCIATION_ROUND_OFF * gmax));
        DeepLinearNet.Layers next = descent.step(w, at.gradient(), 0.01);
        assertThat(next).isNotSameAs(w);
        assertThat(DeepLinearNet.flatten(w.list())).containsExactly(theta);          // the input is not modified
        double[] after = DeepLinearNet.flatten(next.list());
        for (int k = 0; k < theta.length; k++) {
            assertThat(after[k]).isCloseTo(theta[k] - 0.01 * g[k], Offset.offset(1e-14));
        }
        // the next step writes the other buffer set: x_1 stays intact while x_2 is formed
        DeepLinearNet.Layers third = descent.step(next, descent.evaluate(next).gradient(), 0.01);
        assertThat(third).isNotSameAs(next).isNotSameAs(w);
        assertThat(DeepLinearNet.flatten(next.list())).containsExactly(after);
        assertThat(descent.step(third, descent.evaluate(third).gradient(), 0.01)).isSameAs(next);
    }

    @Test
    void endToEndAndShapeChecks() {
        Backend b = Backends.byName("ejml");
        DeepLinearNet net = net(b);
        double[] theta = point(net, 7);
        List<Matrix> w = net.unflatten(theta);
        DenseMatrix p = net.endToEnd(w);
        DenseMatrix ref = b.multiply(false, false, w.get(2), b.multiply(false, false, w.get(1), w.get(0))).toDense()
                .scale(0.7);
        assertThat(DenseMatrix.relativeDifference(p, ref)).isLessThan(1e-15);
        assertThat(net.parameterCount()).isEqualTo(5 * 4 + 3 * 5 + 2 * 3);
        List<Matrix> bad = new ArrayList<>(w);
        bad.set(1, b.zeros(5, 3));
        assertThatThrownBy(() -> net.loss(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 2");
    }
}
