package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The deep ReLU net of CLAIMS.md NTK-3 (seed 003; Arora et al. 2019): forward pass recomputed with plain loops, the
 * backprop Jacobian against central finite differences, and the structured NTK Σ_l (B_l B_lᵀ) ⊙ (G_{l−1} G_{l−1}ᵀ)
 * against J Jᵀ of a hand-built Jacobian, at L = 1, 2, 3 hidden layers on small sizes.
 */
class DeepReluNetTest {
    private static final Backend B = Backends.byName(Backends.DEFAULT);
    private static final int N = 4, D = 3, M = 5;

    /** f(x) = v G_L, G_l = sqrt(2/m) relu(W_l G_{l−1}), G₀ = x (DeepReluNet's javadoc, c_σ = 2), by plain loops. */
    private static double forward(DenseMatrix[] w, double[] x) {
        double[] g = x;
        int hidden = w.length - 1;
        for (int l = 0; l < hidden; l++) {
            int m = w[l].rows();
            double[] next = new double[m];
            for (int a = 0; a < m; a++) {
                double f = 0;
                for (int c = 0; c < g.length; c++) {
                    f += w[l].get(a, c) * g[c];
                }
                next[a] = Math.sqrt(2.0 / m) * Math.max(f, 0);
            }
            g = next;
        }
        double out = 0;
        for (int a = 0; a < g.length; a++) {
            out += w[hidden].get(0, a) * g[a];
        }
        return out;
    }

    private static DenseMatrix[] weights(long seed, int hidden) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix[] w = new DenseMatrix[hidden + 1];
        w[0] = RandomMatrices.gaussian(M, D, 1.0, rng);
        for (int l = 1; l < hidden; l++) {
            w[l] = RandomMatrices.gaussian(M, M, 1.0, rng);
        }
        w[hidden] = RandomMatrices.gaussian(1, M, 1.0, rng);
        return w;
    }

    private static DenseMatrix inputs(long seed) {
        return RandomMatrices.gaussian(N, D, 1.0, RandomMatrices.rng(seed));
    }

    @ParameterizedTest(name = "L = {0} hidden layers")
    @ValueSource(ints = {1, 2, 3})
    void forwardJacobianAndKernelAgreeWithIndependentComputations(int hidden) {
        DenseMatrix[] w = weights(40 + hidden, hidden);
        DeepReluNet net = new DeepReluNet(B, w);
        DenseMatrix x = inputs(7);
        int p = M * D + (hidden - 1) * M * M + M;                      // W₁ (m×d), W₂..W_L (m×m), v (1×m)
        assertThat(net.hiddenLayers()).isEqualTo(hidden);
        assertThat(net.width()).isEqualTo(M);
        assertThat(net.parameterCount()).isEqualTo(p);

        double[] f = net.predictions(x);
        for (int i = 0; i < N; i++) {
            assertThat(f[i]).isCloseTo(forward(w, x.row(i)), within(1e-12 * (1 + Math.abs(f[i]))));
        }

        // ∂f/∂θ_k by central differences on hand-perturbed weights (parameter order W₁, …, W_L, v, row-major)
        DenseMatrix j = net.jacobianExplicit(x);
        assertThat(j.rows()).isEqualTo(N);
        assertThat(j.cols()).isEqualTo(p);
        double h = 1e-6;
        int off = 0;
        for (int l = 0; l < w.length; l++) {
            for (int q = 0; q < w[l].size(); q++) {
                DenseMatrix[] plus = w.clone(), minus = w.clone();
                plus[l] = w[l].copy();
                minus[l] = w[l].copy();
                plus[l].setFlat(q, w[l].getFlat(q) + h);
                minus[l].setFlat(q, w[l].getFlat(q) - h);
                DeepReluNet shifted = net.perturbed(off + q, h);
                for (int i = 0; i < N; i++) {
                    double fd = (forward(plus, x.row(i)) - forward(minus, x.row(i))) / (2 * h);
                    assertThat(j.get(i, off + q)).as("dF(x_%d)/dtheta_%d", i, off + q)
                            .isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
                    // perturbed(k, h) shifts exactly parameter k of the same vector
                    assertThat(shifted.predictions(x)[i]).isCloseTo(forward(plus, x.row(i)), within(1e-12));
                }
            }
            off += w[l].size();
        }
        assertThat(net.perturbed(p, 1.0).predictions(x)).containsExactly(f); // k past the end shifts nothing

        // Θ = J Jᵀ by loops; the structured form and the backend Gram of J must agree with it (NTK-1's identity)
        DenseMatrix theta = DenseMatrix.zeros(N, N);
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += j.get(a, k) * j.get(b, k);
                }
                theta.set(a, b, s);
            }
        }
        assertThat(DenseMatrix.relativeDifference(net.gramStructured(x), theta)).isLessThan(1e-12);
        assertThat(DenseMatrix.relativeDifference(net.gramExplicit(x), theta)).isLessThan(1e-12);
    }

    @ParameterizedTest(name = "L = {0} hidden layers")
    @ValueSource(ints = {1, 2, 3})
    void withoutWidthScalingTheKernelIsMToTheLTimesTheScaledOne(int hidden) {
        // NTK-3's control: scale sqrt(2) instead of sqrt(2/m); ReLU is positively homogeneous, so G_l grows by
        // m^{l/2}, f by m^{L/2}, and every term of Θ by m^L — checked against the forward pass by loops with the
        // unscaled factor, and against the scaled net's Gram
        DenseMatrix[] w = weights(60 + hidden, hidden);
        DeepReluNet net = new DeepReluNet(B, w);
        DeepReluNet unscaled = net.withoutWidthScaling();
        assertThat(net.widthScaled()).isTrue();
        assertThat(unscaled.widthScaled()).isFalse();
        DenseMatrix x = inputs(9);
        double grow = Math.pow(M, hidden / 2.0);
        for (int i = 0; i < N; i++) {
            assertThat(unscaled.predictions(x)[i]).isCloseTo(grow * forward(w, x.row(i)),
                    within(1e-12 * grow * (1 + Math.abs(forward(w, x.row(i))))));
        }
        DenseMatrix expected = net.gramStructured(x);
        double mL = Math.pow(M, hidden);
        for (int k = 0; k < expected.size(); k++) {
            expected.setFlat(k, mL * expected.getFlat(k));
        }
        assertThat(DenseMatrix.relativeDifference(unscaled.gramStructured(x), expected)).isLessThan(1e-12);
        assertThat(DenseMatrix.relativeDifference(unscaled.gramExplicit(x), expected)).isLessThan(1e-12);
        // the scaled net is unchanged by having built its twin (they share the adopted weights)
        assertThat(net.predictions(x)[0]).isCloseTo(forward(w, x.row(0)), within(1e-12));
    }

    @Test
    void gaussianDrawsTheLayersInParameterOrder() {
        DeepReluNet net = DeepReluNet.gaussian(B, D, M, 3, RandomMatrices.rng(11));
        DenseMatrix[] w = weights(11, 3);
        DenseMatrix x = inputs(8);
        for (int i = 0; i < N; i++) {
            assertThat(net.predictions(x)[i]).isEqualTo(forward(w, x.row(i)), within(1e-12));
        }
        assertThat(net.parameterCount()).isEqualTo(M * D + 2 * M * M + M);
    }

    @Test
    void shapesAreChecked() {
        DenseMatrix w1 = DenseMatrix.zeros(M, D);
        assertThatThrownBy(() -> new DeepReluNet(B, new DenseMatrix[] {w1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one hidden layer");
        assertThatThrownBy(() -> new DeepReluNet(B, new DenseMatrix[] {w1, DenseMatrix.zeros(M, M + 1),
                DenseMatrix.zeros(1, M)})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W_2");
        assertThatThrownBy(() -> new DeepReluNet(B, new DenseMatrix[] {w1, DenseMatrix.zeros(M + 1, M),
                DenseMatrix.zeros(1, M)})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W_2");
        assertThatThrownBy(() -> new DeepReluNet(B, new DenseMatrix[] {w1, DenseMatrix.zeros(2, M)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output weights must be 1x" + M);
        assertThatThrownBy(() -> new DeepReluNet(B, new DenseMatrix[] {w1, DenseMatrix.zeros(1, M + 1)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output weights must be 1x" + M);
        // one hidden layer: no m×m layers to check, v must be 1×m
        assertThat(new DeepReluNet(B, new DenseMatrix[] {w1, DenseMatrix.zeros(1, M)}).hiddenLayers()).isEqualTo(1);
    }
}
