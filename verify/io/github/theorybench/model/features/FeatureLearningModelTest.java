package io.github.theorybench.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.model.TwoLayerInit;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.polynomials.PolynomialFunction;
import org.hipparchus.analysis.polynomials.PolynomialsUtils;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DLS building blocks (seed 004): the Hermite targets, the first-layer gradient and step, the NTK with bias. */
class FeatureLearningModelTest {
    private static final Backend B = Backends.byName(Backends.DEFAULT);

    /** E_{z ~ N(0,1)} h(z) = π^{-1/2} ∫ h(√2 t) e^{−t²} dt by 40-point Gauss–Hermite (exact for degree < 80). */
    static double gaussianMean(java.util.function.DoubleUnaryOperator h) {
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(40);
        return rule.integrate(t -> h.applyAsDouble(Math.sqrt(2) * t)) / Math.sqrt(Math.PI);
    }

    @Test
    @DisplayName("He_k by the 3-term recurrence equals 2^{-k/2} H_k(x/sqrt 2) from Hipparchus' physicists' polynomials")
    void hermiteRecurrenceMatchesHipparchus() {
        for (int k = 0; k <= 6; k++) {
            PolynomialFunction hk = PolynomialsUtils.createHermitePolynomial(k);
            for (double x : new double[] {-2.7, -1, 0, 0.3, 1.9, 3.5}) {
                double expected = Math.pow(2, -k / 2.0) * hk.value(x / Math.sqrt(2));
                assertThat(SingleIndexTask.hermite(k, x)).as("He_%d(%s)", k, x)
                        .isCloseTo(expected, within(1e-10 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    @DisplayName("E g^2 = 1 for g = He2/2 + He4/sqrt(2 4!) and for He3/sqrt(3!) (quadrature and the sampler)")
    void targetsHaveUnitSecondMoment() {
        SingleIndexTask task = SingleIndexTask.hermite(10, 4, RandomMatrices.rng(1));
        SingleIndexTask transfer = task.transferTarget();
        assertThat(gaussianMean(z -> task.target(z) * task.target(z))).isCloseTo(1.0, within(1e-10));
        assertThat(gaussianMean(z -> transfer.target(z) * transfer.target(z))).isCloseTo(1.0, within(1e-10));
        // the two halves: E(He2/2)^2 = 1/2 (what a model that learns only the quadratic part leaves: MSE 1/2)
        assertThat(gaussianMean(z -> task.quadraticPart(z) * task.quadraticPart(z))).isCloseTo(0.5, within(1e-10));
        // no constant and no linear part (the preprocessing removes nothing of f*)
        assertThat(gaussianMean(task::target)).isCloseTo(0.0, within(1e-10));
        assertThat(gaussianMean(z -> z * task.target(z))).isCloseTo(0.0, within(1e-10));
        // the sampler: x ~ N(0, I_d), u a unit vector, labels = f* ± zeta
        int n = 200_000;
        SingleIndexTask.Sample s = task.sample(n, 0.1, RandomMatrices.rng(2));
        double sum = 0, sumSq = 0;
        int plus = 0;
        for (int i = 0; i < n; i++) {
            double g2 = s.clean()[i] * s.clean()[i];
            sum += g2;
            sumSq += g2 * g2;
            double eps = s.labels()[i] - s.clean()[i];
            assertThat(Math.abs(eps)).isCloseTo(0.1, within(1e-12));
            plus += eps > 0 ? 1 : 0;
        }
        double mean = sum / n, se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertThat(mean).isCloseTo(1.0, within(5 * se));
        assertThat(plus / (double) n).isCloseTo(0.5, within(0.01));
        double norm = 0;
        for (double v : task.direction()) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-12));
    }

    @Test
    @DisplayName("first-layer gradient (D . r)^T X matches central finite differences of L = (1/2n) sum (f - y)^2")
    void firstLayerGradientMatchesFiniteDifferences() {
        int n = 20, d = 5, m = 8;
        RandomGenerator rng = RandomMatrices.rng(7);
        TwoLayerFeatureLearner learner = new TwoLayerFeatureLearner(B, m);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0 / Math.sqrt(d), rng);
        double[] b = RandomMatrices.gaussianVector(m, 1.0, rng);
        double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
        DenseMatrix g = learner.lossGradient(x, y, w, b, a);
        double h = 1e-6, worst = 0, scale = 0;
        for (int p = 0; p < m * d; p++) {
            DenseMatrix wp = w.copy(), wm = w.copy();
            wp.data()[p] += h;
            wm.data()[p] -= h;
            double fd = (learner.loss(x, y, wp, b, a) - learner.loss(x, y, wm, b, a)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - g.data()[p]));
            scale = Math.max(scale, Math.abs(fd));
        }
        assertThat(scale).isGreaterThan(1e-2);
        assertThat(worst / scale).isLessThan(1e-6);
    }

    @Test
    @DisplayName("symmetric init gives f = 0; the first step is W1 = -eta1 grad L (lambda1 = 1/eta1); a frozen layer keeps W0")
    void symmetricInitAndFirstStep() {
        int n = 50, d = 6, m = 40;
        RandomGenerator rng = RandomMatrices.rng(11);
        TwoLayerFeatureLearner learner = new TwoLayerFeatureLearner(B, m);
        TwoLayerInit init = learner.initialize(d, rng);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        for (double f : learner.outputs(x, init.weights(), new double[m], init.signs())) {
            assertThat(f).isCloseTo(0.0, within(1e-12));
        }
        double[] biases = RandomMatrices.gaussianVector(m, 1.0, rng);
        double eta1 = TwoLayerFeatureLearner.paperEta1(d);
        DenseMatrix grad = learner.lossGradient(x, y, init.weights(), new double[m], init.signs());
        assertThat(DenseMatrix.relativeDifference(learner.initialGradient(init, x, y), grad)).isZero();
        TwoLayerFeatureLearner.Layer layer = TwoLayerFeatureLearner.firstStep(grad, eta1, biases);
        assertThat(DenseMatrix.relativeDifference(layer.w(), grad.scale(-eta1))).isLessThan(1e-12);
        assertThat(layer.b()).isSameAs(biases);
        TwoLayerFeatureLearner.Layer none = TwoLayerFeatureLearner.frozen(init.weights(), biases);
        assertThat(none.direction()).isSameAs(init.weights());
    }

    @Test
    @DisplayName("eta1 = sqrt(2) pi Gamma((d+1)/2)/Gamma(d/2) = sqrt(2 pi)/E|u.w_hat| (Monte Carlo) -> pi sqrt(d)")
    void paperEta1IsThePopulationNormalization() {
        int d = 10, samples = 400_000;
        RandomGenerator rng = RandomMatrices.rng(5);
        DenseMatrix w = RandomMatrices.unitRows(samples, d, rng);
        double s = 0;
        for (int i = 0; i < samples; i++) {
            s += Math.abs(w.get(i, 0));
        }
        double meanAbs = s / samples;
        assertThat(TwoLayerFeatureLearner.paperEta1(d)).isCloseTo(Math.sqrt(2 * Math.PI) / meanAbs,
                within(0.01 * TwoLayerFeatureLearner.paperEta1(d)));
        assertThat(TwoLayerFeatureLearner.paperEta1(4000) / (Math.PI * Math.sqrt(4000))).isCloseTo(1.0, within(1e-3));
    }

    @Test
    @DisplayName("NTK with bias: closed form equals the empirical NTK of a^T ReLU(Wx + b) at w ~ N(0, I/d), b = 0 (m = 2e5)")
    void ntkWithBiasMatchesWideNet() {
        int d = 4, m = 200_000;
        RandomGenerator rng = RandomMatrices.rng(9);
        DenseMatrix x = RandomMatrices.gaussian(3, d, 1.0, rng);
        DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0 / Math.sqrt(d), rng);
        DenseMatrix k = new BiasedReluNtk(B, 1.0 / d).matrix(x, x);
        DenseMatrix older = ReluKernels.ntkWithBiasMatrix(B, x, x, 1.0 / d);   // the model package's other form
        for (int i = 0; i < 3; i++) {
            for (int l = 0; l < 3; l++) {
                double dot = 0, ni = 0, nl = 0;
                for (int q = 0; q < d; q++) {
                    dot += x.get(i, q) * x.get(l, q);
                    ni += x.get(i, q) * x.get(i, q);
                    nl += x.get(l, q) * x.get(l, q);
                }
                ni = Math.sqrt(ni);
                nl = Math.sqrt(nl);
                assertThat(k.get(i, l)).isCloseTo(older.get(i, l), within(1e-13 * Math.max(1, Math.abs(k.get(i, l)))));
                // the one-acos form equals the composition of the NTK-2 pieces
                assertThat(k.get(i, l)).isCloseTo((dot + 1) * ReluKernels.derivativeKernel(dot, ni, nl)
                        + ReluKernels.nngp(dot, ni, nl) / d, within(1e-12 * Math.max(1, Math.abs(k.get(i, l)))));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int l = 0; l < 3; l++) {
                double dot = 0;
                for (int q = 0; q < d; q++) {
                    dot += x.get(i, q) * x.get(l, q);
                }
                double emp = 0;
                for (int j = 0; j < m; j++) {
                    double zi = 0, zl = 0;
                    for (int q = 0; q < d; q++) {
                        zi += w.get(j, q) * x.get(i, q);
                        zl += w.get(j, q) * x.get(l, q);
                    }
                    // d f/d a_j, d f/d w_j (a_j^2 = 1), d f/d b_j
                    emp += Math.max(zi, 0) * Math.max(zl, 0) + (zi > 0 && zl > 0 ? dot + 1 : 0);
                }
                emp /= m;
                assertThat(k.get(i, l)).as("K(%d,%d)", i, l).isCloseTo(emp, within(0.02 * Math.max(1, Math.abs(emp))));
            }
        }
    }
}
