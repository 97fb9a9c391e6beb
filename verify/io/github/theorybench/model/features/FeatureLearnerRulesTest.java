package io.github.theorybench.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Algorithm 1 of seed 004 and its baselines, rule by rule on tiny instances, against loops written here and
 * Hipparchus' Cholesky: preprocessing, features, σ′(0) = 0, the first step and its η₁ rules, the leave-one-out ridge
 * head (chosen penalty against refits without each point), test MSEs grouped by layer, kernel ridge, the Hermite
 * targets and the sampler.
 */
class FeatureLearnerRulesTest {
    private static final List<Backend> BACKENDS = List.of(Backends.byName("ejml"), Backends.byName(Backends.DEFAULT));

    // ---- independent reference computations ----

    static double[][] relu(DenseMatrix x, DenseMatrix w, double[] b) {
        double[][] phi = new double[x.rows()][w.rows()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < w.rows(); j++) {
                double z = b[j];
                for (int k = 0; k < x.cols(); k++) {
                    z += w.get(j, k) * x.get(i, k);
                }
                phi[i][j] = Math.max(z, 0);
            }
        }
        return phi;
    }

    /** (1/n) Σ y, (1/n) Σ y_i x_i, and y − α − Xβ (004, Algorithm 1 preprocessing). */
    record Pre(double alpha, double[] beta, double[] r) {
        static Pre of(double[][] x, double[] y) {
            int n = y.length, d = x[0].length;
            double alpha = Arrays.stream(y).sum() / n;
            double[] beta = new double[d], r = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    beta[k] += y[i] * x[i][k] / n;
                }
            }
            for (int i = 0; i < n; i++) {
                r[i] = y[i] - lin(alpha, beta, x[i]);
            }
            return new Pre(alpha, beta, r);
        }
    }

    static double lin(double alpha, double[] beta, double[] x) {
        double s = alpha;
        for (int k = 0; k < x.length; k++) {
            s += beta[k] * x[k];
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void closeArrays(double[] actual, double[] expected, double tol, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(tol * Math.max(1, scale)));
        }
    }

    /** The relative ridge with the smallest brute-force leave-one-out error (first on ties). */
    static double bruteChoice(DenseMatrix phi, double[] r, double[] grid) {
        int best = 0;
        double bestE = Double.POSITIVE_INFINITY;
        for (int j = 0; j < grid.length; j++) {
            double e = SpectralRidgeTest.bruteLoo(phi, r, grid[j]);
            if (e < bestE) {
                bestE = e;
                best = j;
            }
        }
        return grid[best];
    }

    /** a = (ΦᵀΦ + sI)⁻¹Φᵀr with s = c·tr(ΦΦᵀ)/n, by Hipparchus' Cholesky. */
    static double[] ridge(DenseMatrix phi, double[] r, double c) {
        RealMatrix p = new Array2DRowRealMatrix(phi.toArray2d());
        RealMatrix a = p.transpose().multiply(p);
        double s = c * Math.pow(phi.frobeniusNorm(), 2) / phi.rows();
        for (int j = 0; j < a.getRowDimension(); j++) {
            a.addToEntry(j, j, s);
        }
        return new CholeskyDecomposition(a).getSolver().solve(p.transpose().operate(new ArrayRealVector(r))).toArray();
    }

    // ---- TwoLayerFeatureLearner ----

    @Test
    @DisplayName("width must be even and positive; initialize is the antisymmetric init with w ~ N(0, I/d)")
    void widthAndInit() {
        Backend b = BACKENDS.get(0);
        for (int m : new int[] {0, -2, 3}) {
            assertThatThrownBy(() -> new TwoLayerFeatureLearner(b, m)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("width must be even and positive, got " + m);
        }
        assertThat(new TwoLayerFeatureLearner(b, 2).width()).isEqualTo(2);
        TwoLayerInit init = new TwoLayerFeatureLearner(b, 6).initialize(4, RandomMatrices.rng(3));
        TwoLayerInit ref = TwoLayerInit.antisymmetric(6, 4, 0.5, RandomMatrices.rng(3));   // 1/sqrt(4)
        assertThat(init.weights().data()).containsExactly(ref.weights().data());
        assertThat(init.signs()).containsExactly(ref.signs());
    }

    @Test
    @DisplayName("preprocess: alpha = mean y, beta = X^T y / n, residual y - alpha - X beta (004, Algorithm 1)")
    void preprocess() {
        RandomGenerator rng = RandomMatrices.rng(21);
        DenseMatrix x = RandomMatrices.gaussian(9, 3, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(9, 1.0, rng);
        for (int i = 0; i < 9; i++) {
            y[i] += 2.0;   // a non-zero mean
        }
        Pre ref = Pre.of(x.toArray2d(), y);
        for (Backend b : BACKENDS) {
            TwoLayerFeatureLearner.Preprocessed p = new TwoLayerFeatureLearner(b, 4).preprocess(x, y);
            assertThat(p.alpha()).isCloseTo(ref.alpha(), within(1e-13));
            closeArrays(p.beta(), ref.beta(), 1e-13, "beta");
            closeArrays(p.y(), ref.r(), 1e-13, "residual");
        }
    }

    @Test
    @DisplayName("features ReLU(X W^T + 1 b^T), outputs a^T features, loss (1/2n) sum (f - y)^2, on dense and direct storage")
    void featuresOutputsLoss() {
        RandomGenerator rng = RandomMatrices.rng(5);
        int n = 7, d = 3, m = 6;
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng), w = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] bias = RandomMatrices.gaussianVector(m, 1.0, rng), a = RandomMatrices.gaussianVector(m, 1.0, rng),
                y = RandomMatrices.gaussianVector(n, 1.0, rng);
        double[][] phi = relu(x, w, bias);
        double loss = 0;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = dot(phi[i], a);
            loss += (f[i] - y[i]) * (f[i] - y[i]) / (2.0 * n);
        }
        boolean someZero = false, somePositive = false;
        for (double[] row : phi) {
            for (double v : row) {
                someZero |= v == 0;
                somePositive |= v > 0;
            }
        }
        assertThat(someZero && somePositive).isTrue();   // the ReLU is active on this instance
        for (Backend b : BACKENDS) {
            TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(b, m);
            DenseMatrix got = l.features(x, TwoLayerFeatureLearner.frozen(w, bias)).toDense();
            for (int i = 0; i < n; i++) {
                closeArrays(got.row(i), phi[i], 1e-13, b.name() + " features row " + i);
            }
            closeArrays(l.outputs(x, w, bias, a), f, 1e-13, "outputs");
            assertThat(l.loss(x, y, w, bias, a)).isCloseTo(loss, within(1e-13));
        }
    }

    @Test
    @DisplayName("first layer shape checks: W must be m x d with d = inputs' columns, and m biases")
    void layerShapes() {
        TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(BACKENDS.get(0), 4);
        DenseMatrix x = DenseMatrix.zeros(3, 2);
        assertThatThrownBy(() -> l.features(x, TwoLayerFeatureLearner.frozen(DenseMatrix.zeros(2, 2), new double[4])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need W 4 x d and 4 biases");
        assertThatThrownBy(() -> l.features(x, TwoLayerFeatureLearner.frozen(DenseMatrix.zeros(4, 3), new double[4])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.features(x, TwoLayerFeatureLearner.frozen(DenseMatrix.zeros(4, 2), new double[3])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.lossGradient(x, new double[3], DenseMatrix.zeros(4, 3), new double[4],
                new double[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first layer: W 4x3, 4 biases, inputs 3x2; need W 4 x d and 4 biases");
        assertThatThrownBy(() -> l.lossGradient(x, new double[3], DenseMatrix.zeros(4, 2), new double[3],
                new double[4])).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("first layer");
        assertThat(l.features(x, TwoLayerFeatureLearner.frozen(DenseMatrix.zeros(4, 2), new double[4])).toDense().data())
                .containsOnly(0.0);
    }

    @Test
    @DisplayName("gradient uses sigma'(0) = 0: a unit exactly at its kink (w.x + b = 0, x != 0) contributes nothing")
    void gradientAtTheKink() {
        // m = 2, d = 2, n = 1: unit 0 has w0.x + b0 = 1*2 + 0*5 - 2 = 0 exactly; unit 1 is active
        DenseMatrix x = DenseMatrix.of(1, 2, 2, 5);
        DenseMatrix w = DenseMatrix.of(2, 2, 1, 0, 0.5, 0.25);
        double[] b = {-2, 0}, a = {3, -1}, y = {0.5};
        double f = -1 * (0.5 * 2 + 0.25 * 5);          // only unit 1 is on: f = a1 (w1.x) = -2.25
        double r = (f - y[0]) / 1;                      // (f - y)/n
        for (Backend be : BACKENDS) {
            DenseMatrix g = new TwoLayerFeatureLearner(be, 2).lossGradient(x, y, w, b, a);
            // dL/dw_j = r a_j sigma'(z_j) x
            assertThat(g.row(0)).containsExactly(0.0, 0.0);
            assertThat(g.row(1)[0]).isCloseTo(r * -1 * 2, within(1e-14));
            assertThat(g.row(1)[1]).isCloseTo(r * -1 * 5, within(1e-14));
        }
    }

    @Test
    @DisplayName("meanRowNorm = (1/m) sum_j ||w_j||, rmsRowNorm = ||W||_F/sqrt(m); subspaceShare = ||W u||^2 / ||W||_F^2; mse = (1/N) sum (f - y)^2")
    void smallFormulas() {
        DenseMatrix w = DenseMatrix.of(2, 2, 3, 4, 0, 1);   // row norms 5 and 1
        assertThat(TwoLayerFeatureLearner.meanRowNorm(w)).isEqualTo(3.0);
        for (Backend b : BACKENDS) {
            // W u for u = e1: (3, 0), ||.||^2 = 9; ||W||_F^2 = 26
            assertThat(new TwoLayerFeatureLearner(b, 2).subspaceShare(w, new double[] {1, 0}))
                    .isCloseTo(9.0 / 26, within(1e-15));
            double s = Math.sqrt(0.5);
            // u = (1, 1)/sqrt 2: W u = (7, 1)/sqrt 2, ||.||^2 = 25
            assertThat(new TwoLayerFeatureLearner(b, 2).subspaceShare(w, new double[] {s, s}))
                    .isCloseTo(25.0 / 26, within(1e-14));
        }
        assertThat(TwoLayerFeatureLearner.mse(new double[] {1, 2, 4}, new double[] {0, 2, 1})).isEqualTo(10.0 / 3);
        assertThat(TwoLayerFeatureLearner.rmsRowNorm(w)).isCloseTo(Math.sqrt(13.0), within(1e-15));
    }

    @Test
    @DisplayName("paperEta1 = sqrt(2) pi Gamma((d+1)/2)/Gamma(d/2): sqrt(2 pi) at d = 1, pi^(3/2)/sqrt 2 at d = 2, 945 sqrt(2) pi^(3/2)/768 at d = 10")
    void paperEta1ClosedForms() {
        assertThat(TwoLayerFeatureLearner.paperEta1(1)).isCloseTo(Math.sqrt(2 * Math.PI), within(1e-13));
        assertThat(TwoLayerFeatureLearner.paperEta1(2)).isCloseTo(Math.pow(Math.PI, 1.5) / Math.sqrt(2),
                within(1e-13));
        assertThat(TwoLayerFeatureLearner.paperEta1(10)).isCloseTo(945 * Math.sqrt(2) * Math.pow(Math.PI, 1.5) / 768,
                within(1e-12));
    }

    @Test
    @DisplayName("firstStep: W1 = -eta1 grad (lambda1 = 1/eta1), eta1 > 0 finite; frozen keeps W0 (scale 1); rmsOneEta1 gives rows of RMS norm 1; algorithmOne = both on the preprocessed labels")
    void firstStepAndEtaRules() {
        RandomGenerator rng = RandomMatrices.rng(12);
        DenseMatrix g = RandomMatrices.gaussian(6, 3, 0.2, rng);
        double[] b = RandomMatrices.gaussianVector(6, 1.0, rng);
        for (double bad : new double[] {0, -1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> TwoLayerFeatureLearner.firstStep(g, bad, b))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("eta_1 must be finite and positive, got " + bad);
        }
        TwoLayerFeatureLearner.Layer s = TwoLayerFeatureLearner.firstStep(g, 2.5, b);
        assertThat(s.direction()).isSameAs(g);
        assertThat(s.scale()).isEqualTo(-2.5);
        assertThat(s.eta1()).isEqualTo(2.5);
        assertThat(s.b()).isSameAs(b);
        assertThat(s.w().data()).containsExactly(g.scale(-2.5).data());
        TwoLayerFeatureLearner.Layer f = TwoLayerFeatureLearner.frozen(g, b);
        assertThat(f.scale()).isEqualTo(1.0);
        assertThat(f.eta1()).isZero();
        double eta = TwoLayerFeatureLearner.rmsOneEta1(g);
        double rms = 0;
        for (double v : g.data()) {
            rms += eta * eta * v * v;
        }
        assertThat(Math.sqrt(rms / 6)).isCloseTo(1.0, within(1e-14));
        assertThat(TwoLayerFeatureLearner.rmsRowNorm(TwoLayerFeatureLearner.firstStep(g, eta, b).w()))
                .isCloseTo(1.0, within(1e-14));
        for (Backend be : BACKENDS) {
            TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(be, 6);
            TwoLayerInit init = l.initialize(3, RandomMatrices.rng(13));
            DenseMatrix x = RandomMatrices.gaussian(9, 3, 1.0, rng);
            double[] y = RandomMatrices.gaussianVector(9, 1.0, rng);
            TwoLayerFeatureLearner.Layer a1 = l.algorithmOne(init, b, x, y);
            DenseMatrix grad = l.lossGradient(x, l.preprocess(x, y).y(), init.weights(), new double[6], init.signs());
            assertThat(DenseMatrix.relativeDifference(a1.direction(), grad)).isLessThan(1e-14);
            assertThat(a1.eta1()).isCloseTo(TwoLayerFeatureLearner.rmsOneEta1(grad), within(1e-12));
            // the symmetric init's mirrored units get opposite gradients: W1's rows come in +- pairs
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(a1.direction().get(j + 3, k)).isEqualTo(-a1.direction().get(j, k));
                }
            }
        }
        assertThat(TwoLayerFeatureLearner.step(0.0)).isZero();
        assertThat(TwoLayerFeatureLearner.step(1e-300)).isEqualTo(1.0);
        assertThat(TwoLayerFeatureLearner.step(7.5)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("fit: the head's relative ridge is the brute-force leave-one-out choice, a is the ridge solution there, and test MSEs (grouped by direction) equal loops; dual and primal sizes")
    void fitAndEvaluate() {
        double[] grid = {1e-4, 1e-2, 1, 100};
        for (Backend be : BACKENDS) {
            RandomGenerator rng = RandomMatrices.rng(31);
            int m = 10, d = 3;
            TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(be, m);
            TwoLayerInit init = l.initialize(d, rng);
            double[] b = RandomMatrices.gaussianVector(m, 1.0, rng);
            DenseMatrix xTest = RandomMatrices.gaussian(40, d, 1.0, rng);
            double[] clean = RandomMatrices.gaussianVector(40, 1.0, rng);
            TestEvaluation eval = new TestEvaluation(l, xTest);
            List<TwoLayerFeatureLearner.Model> models = new java.util.ArrayList<>();
            for (int n : new int[] {8, 25}) {
                DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
                double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
                TwoLayerFeatureLearner.Layer layer = l.algorithmOne(init, b, x, y);
                TwoLayerFeatureLearner.Layer other = TwoLayerFeatureLearner.firstStep(layer.direction(), 0.5, b);
                for (TwoLayerFeatureLearner.Layer la : List.of(layer, other,
                        TwoLayerFeatureLearner.frozen(init.weights(), b))) {
                    TwoLayerFeatureLearner.Model model = l.fit(l.design(la, x), y, grid);
                    TwoLayerFeatureLearner.Preprocessed p = l.preprocess(x, y);
                    DenseMatrix phi = DenseMatrix.fromRows(relu(x, la.w(), b));
                    double c = bruteChoice(phi, p.y(), grid);
                    assertThat(model.ridge().relativeRidge()).as("%s n = %d", be.name(), n).isEqualTo(c);
                    closeArrays(model.a(), ridge(phi, p.y(), c), 1e-9, "head");
                    assertThat(model.alpha()).isEqualTo(p.alpha());
                    models.add(model);
                    eval.add(model, clean);
                }
            }
            double[] mse = eval.mse();
            for (int k = 0; k < models.size(); k++) {
                TwoLayerFeatureLearner.Model md = models.get(k);
                double[][] phiT = relu(xTest, md.layer().w(), md.layer().b());
                double e = 0;
                for (int i = 0; i < 40; i++) {
                    double f = dot(phiT[i], md.a()) + lin(md.alpha(), md.beta(), xTest.row(i)) - clean[i];
                    e += f * f / 40;
                }
                assertThat(mse[k]).as("test MSE %d", k).isCloseTo(e, within(1e-12 * e));
            }
        }
    }

    @Test
    @DisplayName("kernel ridge: the NTK design's leave-one-out choice, dual coefficients and test MSE equal brute force on the features' Gram; a kernel predictor needs the kernel")
    void kernelFit() {
        Backend be = BACKENDS.get(1);
        RandomGenerator rng = RandomMatrices.rng(40);
        TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(be, 4);
        BiasedReluNtk ntk = new BiasedReluNtk(be, 0.25);
        DenseMatrix x = RandomMatrices.gaussian(12, 4, 1.0, rng), xTest = RandomMatrices.gaussian(30, 4, 1.0, rng);
        double[] y = RandomMatrices.gaussianVector(12, 1.0, rng), clean = RandomMatrices.gaussianVector(30, 1.0, rng);
        double[] grid = {1e-3, 1e-1, 10};
        TwoLayerFeatureLearner.KernelModel km = l.fit(l.kernelDesign(ntk, x), y, grid);
        TwoLayerFeatureLearner.Preprocessed p = l.preprocess(x, y);
        DenseMatrix k = ntk.matrix(x, x);
        // K = L Lᵀ: the kernel's leave-one-out equals that of features L (Cholesky factor)
        RealMatrix lower = new CholeskyDecomposition(new Array2DRowRealMatrix(k.toArray2d())).getL();
        DenseMatrix feats = DenseMatrix.fromRows(lower.getData());
        assertThat(km.ridge().relativeRidge()).isEqualTo(bruteChoice(feats, p.y(), grid));
        double s = km.ridge().relativeRidge() * SpectralRidge.trace(k) / 12;
        RealMatrix ks = new Array2DRowRealMatrix(k.toArray2d());
        for (int i = 0; i < 12; i++) {
            ks.addToEntry(i, i, s);
        }
        double[] alpha = new CholeskyDecomposition(ks).getSolver().solve(new ArrayRealVector(p.y())).toArray();
        closeArrays(km.dual(), alpha, 1e-9, "dual coefficients");
        TestEvaluation eval = new TestEvaluation(l, xTest);
        eval.add(km, clean);
        assertThatThrownBy(eval::mse).isInstanceOf(IllegalStateException.class);
        double e = 0;
        for (int i = 0; i < 30; i++) {
            double f = lin(p.alpha(), p.beta(), xTest.row(i)) - clean[i];
            for (int j = 0; j < 12; j++) {
                f += BiasedReluNtkReference.closedForm(xTest.row(i), x.row(j), 0.25) * alpha[j];
            }
            e += f * f / 30;
        }
        assertThat(eval.mse(ntk)[0]).isCloseTo(e, within(1e-9 * e));
        assertThatThrownBy(() -> eval.add(km, new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- SingleIndexTask ----

    @Test
    @DisplayName("Hermite targets: He0 = 1, He1 = z, k!; g = He2/2 + He4/sqrt(2 4!), transfer He3/sqrt 6 (no quadratic part)")
    void targets() {
        assertThat(SingleIndexTask.hermite(0, 2.5)).isEqualTo(1.0);
        assertThat(SingleIndexTask.hermite(1, 2.5)).isEqualTo(2.5);
        assertThat(SingleIndexTask.hermite(3, 2.0)).isEqualTo(2.0);          // z^3 - 3z
        assertThat(SingleIndexTask.factorial(0)).isEqualTo(1.0);
        assertThat(SingleIndexTask.factorial(1)).isEqualTo(1.0);
        assertThat(SingleIndexTask.factorial(5)).isEqualTo(120.0);
        SingleIndexTask task = SingleIndexTask.hermite(3, 4, RandomMatrices.rng(4));
        SingleIndexTask transfer = task.transferTarget();
        for (double z : new double[] {-1.5, 0, 0.7, 2}) {
            double he2 = z * z - 1, he3 = z * z * z - 3 * z, he4 = z * z * z * z - 6 * z * z + 3;
            assertThat(task.target(z)).isCloseTo(he2 / 2 + he4 / Math.sqrt(48), within(1e-14));
            assertThat(task.quadraticPart(z)).isCloseTo(he2 / 2, within(1e-15));
            assertThat(transfer.target(z)).isCloseTo(he3 / Math.sqrt(6), within(1e-14));
            assertThat(transfer.quadraticPart(z)).isZero();
        }
        assertThat(transfer.direction()).containsExactly(task.direction());
        double[] u = task.direction();
        u[0] += 1;
        assertThat(task.direction()[0]).isNotEqualTo(u[0]);
        SingleIndexTask he4 = task.pureHermite(4);
        for (double z : new double[] {-1.5, 0, 0.7, 2}) {
            assertThat(he4.target(z)).isCloseTo((z * z * z * z - 6 * z * z + 3) / Math.sqrt(24), within(1e-14));
            assertThat(he4.quadraticPart(z)).isZero();
        }
        assertThat(he4.dimension()).isEqualTo(3);
        assertThatThrownBy(() -> SingleIndexTask.hermite(3, 2, RandomMatrices.rng(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SingleIndexTask.hermite(2, 6, RandomMatrices.rng(4)).target(1.0))
                .isCloseTo(0 + (1 - 15 + 45 - 15) / Math.sqrt(2 * 720), within(1e-14));   // He2(1) = 0, He6(1) = 16
    }

    @Test
    @DisplayName("sampler: x = the rng's N(0, I_d) draws, clean = g(u.x), labels = clean + zeta or - zeta by the next coin flips")
    void sampler() {
        SingleIndexTask task = SingleIndexTask.hermite(3, 4, RandomMatrices.rng(8));
        double[] u = task.direction();
        SingleIndexTask.Sample s = task.sample(6, 0.25, RandomMatrices.rng(9));
        RandomGenerator replay = RandomMatrices.rng(9);
        DenseMatrix x = RandomMatrices.gaussian(6, 3, 1.0, replay);
        assertThat(s.x().data()).containsExactly(x.data());
        for (int i = 0; i < 6; i++) {
            double z = dot(u, x.row(i));
            assertThat(s.clean()[i]).isCloseTo(task.target(z), within(1e-14));
            assertThat(s.labels()[i]).isEqualTo(s.clean()[i] + (replay.nextBoolean() ? 0.25 : -0.25));
        }
        // the transfer target He3/sqrt 6 is odd, so the sign of u.x matters (He2, He4 alone cannot tell)
        SingleIndexTask transfer = task.transferTarget();
        SingleIndexTask.Sample t = transfer.sample(6, 0.0, RandomMatrices.rng(10));
        DenseMatrix xt = RandomMatrices.gaussian(6, 3, 1.0, RandomMatrices.rng(10));
        for (int i = 0; i < 6; i++) {
            double z = dot(u, xt.row(i));
            assertThat(t.clean()[i]).isCloseTo((z * z * z - 3 * z) / Math.sqrt(6), within(1e-13));
            assertThat(t.labels()[i]).isEqualTo(t.clean()[i]);   // zeta = 0: +0 or -0
        }
        // labels on given inputs: the same clean values, one coin flip per point
        SingleIndexTask.Sample at = transfer.sampleAt(x, 0.5, RandomMatrices.rng(11));
        RandomGenerator flips = RandomMatrices.rng(11);
        assertThat(at.x()).isSameAs(x);
        closeArrays(at.clean(), transfer.clean(x), 0, "clean");
        for (int i = 0; i < 6; i++) {
            assertThat(at.labels()[i]).isEqualTo(at.clean()[i] + (flips.nextBoolean() ? 0.5 : -0.5));
        }
    }
}
