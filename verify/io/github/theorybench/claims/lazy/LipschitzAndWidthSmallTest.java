package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Direction;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.TwoLayerInit;
import java.util.List;
import org.assertj.core.data.Offset;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-4, 7, 8, 9, 11 replayed once each at small sizes, on the instances the checks' builders draw, with the numbers
 * recomputed another way: Jacobians materialized by loops, spectra by Hipparchus' SVD, risks and remainders by loops,
 * slopes of two-width fits in closed form (ln(y₂/y₁)/ln(m₂/m₁)).
 */
@SmallInstances
class LipschitzAndWidthSmallTest {
    private static final long SEED = 5;
    /** Sums of ≤ 10⁴ O(1) terms in another order: relative agreement to this (n·ε with margin). */
    private static final double SUM_ORDER = 1e-10;
    /**
     * Quantities that pass through a cancelling difference or an eigen/singular-value solver (σ′(z + δ) − σ′(z) with
     * δ = 1e-3: ε/δ ≈ 1e-13; a log of a ratio of spectra of κ ≲ 10³ matrices: κε ≈ 1e-13): agreement to 1e-9.
     */
    private static final double SOLVER = 1e-9;
    /** A cancelling difference (the antisymmetric f(W₀), a remainder f − f₀ − J₀Δ): agreement to 1e-9 relative. */
    private static final double CANCELLING_SUM = 1e-9;
    /** The ascent can only reach the exact ReLU maximum, up to rounding of the two evaluations. */
    private static final double EVALUATION_ROUND_OFF = 1e-12;

    private static CheckContext ctx() {
        return CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, false);
    }

    /** J(W) by loops: row i = [s_j σ′(w_jᵀx_i) x_iᵀ]_j (CLAIMS.md LAZY model). */
    private static double[][] jacobian(DenseMatrix x, DenseMatrix w, double[] s, Activation act) {
        int n = x.rows(), d = x.cols(), m = w.rows();
        double[][] j = new double[n][m * d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < m; q++) {
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += w.get(q, k) * x.get(i, k);
                }
                for (int k = 0; k < d; k++) {
                    j[i][q * d + k] = s[q] * act.derivative(z) * x.get(i, k);
                }
            }
        }
        return j;
    }

    private static double[] singularValues(double[][] a) {
        return new SingularValueDecomposition(MatrixUtils.createRealMatrix(a)).getSingularValues();
    }

    @Test
    @DisplayName("LAZY-4 small replay: each pair row's max ratio = ||J_W - J_V||_F from loop-built Jacobians over beta0 sqrt(sum ||x_i||^4) ||W - V||_F")
    void lazy4() {
        JacobianLipschitzCheck.Sizes s = new JacobianLipschitzCheck.Sizes(4, 3, 6, 5, 3, 4);
        CheckResult r = new JacobianLipschitzCheck(s).run(ctx());
        long seed = r.verdict(JacobianLipschitzCheck.TIGHT_CASE).seed();
        assertThat(seed).isNotEqualTo(r.verdicts(JacobianLipschitzCheck.RANDOM_PAIRS).get(0).seed());
        JacobianLipschitzCheck.Pairs p = JacobianLipschitzCheck.Pairs.build(
                r.verdicts(JacobianLipschitzCheck.RANDOM_PAIRS).get(0).seed(), 4, 3, 6, 5);
        for (Activation act : JacobianLipschitzCheck.ACTIVATIONS) {
            double sum4 = 0;
            for (int i = 0; i < 4; i++) {
                double q = 0;
                for (int k = 0; k < 3; k++) {
                    q += p.x().get(i, k) * p.x().get(i, k);
                }
                sum4 += q * q;
            }
            double worst = 0;
            for (int k = 0; k < 5; k++) {
                double[][] a = jacobian(p.x(), p.w().get(k), p.signs(), act);
                double[][] b = jacobian(p.x(), p.v().get(k), p.signs(), act);
                RealMatrix diff = MatrixUtils.createRealMatrix(a).subtract(MatrixUtils.createRealMatrix(b));
                worst = Math.max(worst, diff.getFrobeniusNorm() / (act.beta0() * Math.sqrt(sum4)
                        * p.w().get(k).plusScaled(-1, p.v().get(k)).frobeniusNorm()));
            }
            Verdict v = r.verdicts(JacobianLipschitzCheck.RANDOM_PAIRS).stream()
                    .filter(x -> x.activation().equals(act.label())).findFirst().orElseThrow();
            assertThat(v.observed()).isCloseTo(worst, Offset.offset(CANCELLING_SUM * worst));
        }
        // tight case: the difference quotient |tanh'(z*+delta) - tanh'(z*)| / (beta0 delta)
        double z = JacobianLipschitzCheck.TightCase.Z_STAR, dl = JacobianLipschitzCheck.TIGHT_DELTA;
        double expected = Math.abs(Activation.TANH.derivative(z + dl) - Activation.TANH.derivative(z))
                / (Activation.TANH.beta0() * dl);
        assertThat(r.verdict(JacobianLipschitzCheck.TIGHT_CASE).observed()).isCloseTo(expected, Offset.offset(SOLVER));
    }

    @Test
    @DisplayName("LAZY-7 small replay: mean sigma_min, sigma_max of loop-built J0 (Hipparchus SVD) over the builder's draws give the verdict's two-width slopes")
    void lazy7() {
        WidthScalingCheck.Sizes s = new WidthScalingCheck.Sizes(3, 2, new int[] {8, 32}, 2);
        CheckResult r = new WidthScalingCheck(s).run(ctx());
        WidthScalingCheck.Instance in = WidthScalingCheck.Instance.build(SEED, s);
        double[][] mean = new double[2][2];
        for (int a = 0; a < 2; a++) {
            for (TwoLayerInit init : in.inits().get(a)) {
                double[] sv = singularValues(jacobian(in.x(), init.weights(), init.signs(), Activation.TANH));
                mean[a][0] += sv[sv.length - 1] / 2;
                mean[a][1] += sv[0] / 2;
            }
        }
        double logRatio = Math.log(32.0 / 8);
        assertThat(r.verdict(WidthScalingCheck.SIGMA_MIN_SLOPE).observed())
                .isCloseTo(Math.log(mean[1][0] / mean[0][0]) / logRatio, Offset.offset(SOLVER));
        assertThat(r.verdict(WidthScalingCheck.SIGMA_MAX_SLOPE).observed())
                .isCloseTo(Math.log(mean[1][1] / mean[0][1]) / logRatio, Offset.offset(SOLVER));
        // sigma(J0/sqrt m) = sigma(J0)/sqrt m: the control's slope is the claim's minus 1/2
        assertThat(r.verdict(WidthScalingCheck.SIGMA_MIN_NORMALIZED).observed()).isCloseTo(
                r.verdict(WidthScalingCheck.SIGMA_MIN_SLOPE).observed() - 0.5, Offset.offset(SOLVER));
    }

    @Test
    @DisplayName("LAZY-8 small replay: R0/(alpha^2 m n) by loops over tanh on the builder's instances; the antisymmetric init has f(W0) = 0")
    void lazy8() {
        InitialRiskScalingCheck.Sizes s = new InitialRiskScalingCheck.Sizes(new double[] {10, 100}, new int[] {4, 8},
                new int[] {3}, 2, 2);
        InitialRiskScalingCheck check = new InitialRiskScalingCheck(s);
        InitialRiskScalingCheck.Measurement m = check.measure(s, ctx());
        for (InitialRiskScalingCheck.Cell c : m.cells()) {
            for (int k = 0; k < 2; k++) {
                long seed = io.github.theorybench.claims.support.SeedStream.of(SEED, "LAZY-8")
                        .child("n" + c.n() + "/m" + c.m()).seed(k);
                InitialRiskScalingCheck.Instance in = InitialRiskScalingCheck.Instance.build(seed, c.n(), c.m(), 2);
                assertThat(InitialRiskScalingCheck.randomSignInit(in.init())).isTrue();
                assertThat(InitialRiskScalingCheck.randomSignInit(in.antisymmetric())).isFalse();
                double r0 = 0, a0 = 0;
                for (int i = 0; i < c.n(); i++) {
                    double f = 0, fa = 0;
                    for (int j = 0; j < c.m(); j++) {
                        f += in.init().signs()[j] * Math.tanh(in.init().weights().get(j, 0) * in.x().get(i, 0)
                                + in.init().weights().get(j, 1) * in.x().get(i, 1));
                        fa += in.antisymmetric().signs()[j] * Math.tanh(in.antisymmetric().weights().get(j, 0)
                                * in.x().get(i, 0) + in.antisymmetric().weights().get(j, 1) * in.x().get(i, 1));
                    }
                    r0 += 0.5 * Math.pow(c.alpha() * f - in.y()[i], 2);
                    a0 += 0.5 * Math.pow(c.alpha() * fa - in.y()[i], 2);
                }
                double scale = c.alpha() * c.alpha() * c.m() * c.n();
                assertThat(c.ratios()[k]).isCloseTo(r0 / scale, Offset.offset(SUM_ORDER * r0 / scale));
                assertThat(c.antisymmetricRatios()[k]).isCloseTo(a0 / scale,
                        Offset.offset(CANCELLING_SUM * a0 / scale));
            }
        }
        List<Verdict> vs = check.verdicts(m);
        assertThat(vs).hasSize(2);
        assertThat(check.figures(m)).hasSize(1);
        assertThat(check.tables(m).get(0).rows()).hasSize(4);
    }

    @Test
    @DisplayName("LAZY-9 small replay: the random-direction error by loops on the builder's instance equals the measured one; ascent never beats the exact ReLU worst case")
    void lazy9() {
        LinearizationErrorCheck.Sizes s = new LinearizationErrorCheck.Sizes(new int[] {16, 64}, 16, 2, 6, 1);
        LinearizationErrorCheck check = new LinearizationErrorCheck(s);
        LinearizationErrorCheck.Measurement m = check.measure(s, ctx());
        // 2 widths x 2 seeds x 2 activations at r = 1; 2 seeds x 2 activations x 7 radii at m = 16
        assertThat(m.widthSweep()).hasSize(8);
        assertThat(m.radiusSweep()).hasSize(28);
        LinearizationErrorCheck.Instance in = LinearizationErrorCheck.instance(SEED, 0, 16, s);
        double r = LinearizationErrorCheck.WIDTH_SWEEP_RADIUS, c = 1 / Math.sqrt(16);
        DenseMatrix delta = in.random().scale(r / in.random().frobeniusNorm());
        double worst = 0;
        for (int i = 0; i < in.x().rows(); i++) {
            double e = 0;
            for (int j = 0; j < 16; j++) {
                double z = 0, dz = 0;
                for (int k = 0; k < in.x().cols(); k++) {
                    z += in.w0().get(j, k) * in.x().get(i, k);
                    dz += delta.get(j, k) * in.x().get(i, k);
                }
                e += c * in.signs()[j] * (Math.tanh(z + dz) - Math.tanh(z) - Activation.TANH.derivative(z) * dz);
            }
            worst = Math.max(worst, Math.abs(e));
        }
        LinearizationErrorCheck.Errors got = m.widthSweep().stream().filter(x -> x.activation() == Activation.TANH
                && x.m() == 16 && x.seedIndex() == 0).findFirst().orElseThrow().errors();
        assertThat(got.random()).isCloseTo(worst, Offset.offset(CANCELLING_SUM * worst));
        for (LinearizationErrorCheck.Errors e : m.all(Activation.RELU)) {
            assertThat(e.adversarial()).isLessThanOrEqualTo(e.reluExact() * (1 + EVALUATION_ROUND_OFF));
        }
        for (LinearizationErrorCheck.Errors e : m.all(Activation.TANH)) {
            assertThat(e.adversarial()).isLessThanOrEqualTo(e.taylorBound());
        }
        List<Verdict> vs = check.verdicts(m);
        assertThat(vs).hasSize(14);
        assertThat(vs.stream().filter(v -> v.criterion().equals(LinearizationErrorCheck.reluWidthSlope(
                Direction.ADVERSARIAL)))).hasSize(1);
    }

    @Test
    @DisplayName("LAZY-11 small replay: the optimised pairs' ratios recomputed from loop-built Jacobians, Hipparchus SVD and X*X built as rows x_i (x) x_i")
    void lazy11() {
        SpectralLipschitzCheck.Sizes s = new SpectralLipschitzCheck.Sizes(2, 2, 2, 2, 400, 4, 3, 5, 3);
        SpectralLipschitzCheck check = new SpectralLipschitzCheck(s);
        SpectralLipschitzCheck.Measurement m = check.measure(s, ctx());
        for (SpectralLipschitzCheck.Search search : List.of(m.frobenius(), m.spectral())) {
            SpectralLipschitzCheck.Pair p = search.best();
            int n = p.n(), d = p.d(), mm = p.w().length / d;
            DenseMatrix x = DenseMatrix.wrap(n, d, p.x().clone());
            double[] ones = new double[mm];
            java.util.Arrays.fill(ones, 1.0);
            RealMatrix a = MatrixUtils.createRealMatrix(jacobian(x, DenseMatrix.wrap(mm, d, p.w().clone()), ones,
                    Activation.TANH));
            RealMatrix b = MatrixUtils.createRealMatrix(jacobian(x, DenseMatrix.wrap(mm, d, p.wBar().clone()), ones,
                    Activation.TANH));
            double lhs = singularValues(a.subtract(b).getData())[0];
            double[][] kr = new double[n][d * d];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        kr[i][k * d + l] = p.x()[i * d + k] * p.x()[i * d + l];
                    }
                }
            }
            double[][] diff = new double[mm][d];
            for (int t = 0; t < mm * d; t++) {
                diff[t / d][t % d] = p.w()[t] - p.wBar()[t];
            }
            boolean spectral = search == m.spectral();
            double dist = spectral ? singularValues(diff)[0] : MatrixUtils.createRealMatrix(diff).getFrobeniusNorm();
            double ratio = lhs / (Activation.TANH.beta0() * singularValues(kr)[0] * dist);
            assertThat(search.value()).isCloseTo(ratio, Offset.offset(SOLVER));
        }
        assertThat(m.frobenius().value()).isLessThanOrEqualTo(1 + m.frobenius().tolerance());
        assertThat(check.verdicts(m)).hasSize(7);
        assertThat(check.figures(m)).hasSize(1);
    }
}
