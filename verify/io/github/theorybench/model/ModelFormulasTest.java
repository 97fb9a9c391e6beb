package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.MeasurementOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Closed forms and initialisations pinned to exact values; each kills mutants PIT found surviving
 * (reports/mutation/SUMMARY.md) in formulas whose errors the structured-vs-explicit tests cannot see.
 */
class ModelFormulasTest {

    @Test
    @DisplayName("ReLU kernels at known angles and norms (Cho-Saul arc-cosine closed forms)")
    void reluClosedForms() {
        // orthogonal: θ = π/2, NNGP = ‖x‖‖x'‖(1 + 0)/(2π), derivative kernel (π − π/2)/(2π) = 1/4
        assertThat(ReluKernels.nngp(0, 2, 3)).isCloseTo(6 / (2 * Math.PI), within(1e-15));
        assertThat(ReluKernels.derivativeKernel(0, 2, 3)).isCloseTo(0.25, within(1e-15));
        // dot = 3 with norms 2, 3: cos θ = 1/2, θ = π/3
        double t = Math.PI / 3;
        assertThat(ReluKernels.nngp(3, 2, 3))
                .isCloseTo(6 * (Math.sin(t) + (Math.PI - t) * Math.cos(t)) / (2 * Math.PI), within(1e-14));
        assertThat(ReluKernels.derivativeKernel(3, 2, 3)).isCloseTo((Math.PI - t) / (2 * Math.PI), within(1e-15));
        // parallel: NNGP = ‖x‖²/2 for x = x'
        assertThat(ReluKernels.nngp(4, 2, 2)).isCloseTo(2.0, within(1e-14));
        assertThat(ReluKernels.derivativeKernel(1, 0, 3)).isZero();
    }

    @Test
    @DisplayName("antisymmetric init: w_{j+m/2} = w_j, s_{j+m/2} = -s_j, s in {±1}; odd or zero width rejected")
    void antisymmetricInit() {
        TwoLayerInit init = TwoLayerInit.antisymmetric(6, 3, 2.0, RandomMatrices.rng(4));
        for (int j = 0; j < 3; j++) {
            assertThat(Math.abs(init.signs()[j])).isEqualTo(1.0);
            assertThat(init.signs()[j + 3]).isEqualTo(-init.signs()[j]);
            for (int k = 0; k < 3; k++) {
                assertThat(init.weights().get(j + 3, k)).isEqualTo(init.weights().get(j, k));
            }
        }
        // w_jk = weightStd · (the rng's Gaussian draws, in order)
        var draws = RandomMatrices.rng(4);
        for (int k = 0; k < 3; k++) {
            assertThat(init.weights().get(0, k)).isEqualTo(2.0 * draws.nextGaussian());
        }
        TwoLayerInit rs = TwoLayerInit.randomSign(5, 2, 1.0, RandomMatrices.rng(8));
        for (double sj : rs.signs()) {
            assertThat(Math.abs(sj)).isEqualTo(1.0);
        }
        assertThatThrownBy(() -> TwoLayerInit.randomSign(0, 3, 1, RandomMatrices.rng(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> TwoLayerInit.antisymmetric(5, 3, 1, RandomMatrices.rng(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
        assertThatThrownBy(() -> TwoLayerInit.antisymmetric(0, 3, 1, RandomMatrices.rng(1)))
                .isInstanceOf(IllegalArgumentException.class);
        TwoLayerInit two = TwoLayerInit.antisymmetric(2, 1, 1, RandomMatrices.rng(2));
        assertThat(two.signs()[1]).isEqualTo(-two.signs()[0]);
    }

    @Test
    @DisplayName("symmetric Gaussian sensing matrices are (G + Gᵀ)/2 of the Gaussian draw, applied with 1/sqrt(n)")
    void symmetricSensing() {
        int n = 3, d = 4;
        MeasurementOperator op = MeasurementOperator.symmetricGaussian(Backends.byName("ejml"), n, d,
                RandomMatrices.rng(9));
        DenseMatrix g = RandomMatrices.gaussian(n, d * d, 1.0, RandomMatrices.rng(9));
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    DenseMatrix e = DenseMatrix.zeros(d, d);
                    e.set(p, q, 1);
                    double want = 0.5 * (g.get(i, p * d + q) + g.get(i, q * d + p)) / Math.sqrt(n);
                    // 𝒜(E_pq)_i = <A_i, E_pq>/sqrt(n) = (A_i)_pq/sqrt(n)
                    assertThat(op.apply(e)[i]).isCloseTo(want, within(1e-14));
                }
            }
        }
    }

    @Test
    @DisplayName("factorized sensing: residual A(U Vᵀ) - y and ‖∇‖² = ‖∇U‖² + ‖∇V‖²")
    void factorizedSensingResidualAndGradientNorm() {
        MeasurementOperator op = MeasurementOperator.gaussian(Backends.byName("ejml"), 5, 3, 2, RandomMatrices.rng(3));
        DenseMatrix u = RandomMatrices.gaussian(3, 2, 1, RandomMatrices.rng(5));
        DenseMatrix v = RandomMatrices.gaussian(2, 2, 1, RandomMatrices.rng(6));
        double[] y = RandomMatrices.gaussianVector(5, 1, RandomMatrices.rng(7));
        FactorizedSensing.Evaluation ev = new FactorizedSensing(op, y).asymmetric(u, v);
        DenseMatrix uvt = DenseMatrix.zeros(3, 2);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double s = 0;
                for (int k = 0; k < 2; k++) {
                    s += u.get(i, k) * v.get(j, k);
                }
                uvt.set(i, j, s);
            }
        }
        double[] pred = op.apply(uvt);
        double loss = 0;
        for (int i = 0; i < 5; i++) {
            loss += (pred[i] - y[i]) * (pred[i] - y[i]);
        }
        assertThat(ev.loss() / loss).as("loss is a fixed multiple of ‖A(UVᵀ) − y‖²").isIn(0.5, 1.0, 0.5 / 5, 1.0 / 5);
        double gu = ev.gradU().frobeniusNorm(), gv = ev.gradV().frobeniusNorm();
        assertThat(gu).isPositive();
        assertThat(gv).isPositive();
        assertThat(ev.gradientNormSquared()).isCloseTo(gu * gu + gv * gv, within(1e-12 * (gu * gu + gv * gv)));
        assertThat(new FactorizedSensing.Evaluation(1, DenseMatrix.of(1, 2, 3, 4), null).gradientNormSquared())
                .isCloseTo(25.0, within(1e-12));
    }
}
