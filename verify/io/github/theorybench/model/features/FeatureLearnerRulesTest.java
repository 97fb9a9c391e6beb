package io.github.theorybench.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.model.TwoLayerInit;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Algorithm 1 of seed 004 and its baselines, rule by rule on tiny instances, against loops written here and
 * Hipparchus' LU: preprocessing, features, σ′(0) = 0, the held-out ridge rule (split, grid, arg-min), predictions,
 * kernel ridge, the ridge head's forms and checks, the Hermite targets and the sampler.
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

    /** Ridge a = (ΦᵀΦ + nλ I)⁻¹ Φᵀ r with nλ = c·tr(ΦΦᵀ)/n (RidgeHead's scale-free rule), by Hipparchus' LU. */
    static double[] ridge(double[][] phi, double[] r, double c) {
        RealMatrix p = new Array2DRowRealMatrix(phi);
        double tr = 0;
        for (double[] row : phi) {
            for (double v : row) {
                tr += v * v;
            }
        }
        RealMatrix a = p.transpose().multiply(p);
        for (int j = 0; j < a.getRowDimension(); j++) {
            a.addToEntry(j, j, c * tr / phi.length);
        }
        return new LUDecomposition(a).getSolver().solve(p.transpose().operate(new ArrayRealVector(r))).toArray();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[][] rowsOf(DenseMatrix x, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = x.row(i);
        }
        return out;
    }

    /** The held-out rule: first n − round(0.2 n) samples fit, the rest choose c (first minimum of the grid). */
    static double chosenRidge(DenseMatrix w, double[] b, DenseMatrix x, double[] y) {
        int n = y.length, nv = Math.max(1, (int) Math.round(0.2 * n)), nt = n - nv;
        double[][] xt = rowsOf(x, 0, nt), xv = rowsOf(x, nt, n);
        Pre p = Pre.of(xt, Arrays.copyOfRange(y, 0, nt));
        double[][] phiT = relu(DenseMatrix.fromRows(xt), w, b), phiV = relu(DenseMatrix.fromRows(xv), w, b);
        double best = Double.POSITIVE_INFINITY, bestC = Double.NaN;
        for (double c : new double[] {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10}) {
            double[] a = ridge(phiT, p.r(), c);
            double e = 0;
            for (int i = 0; i < xv.length; i++) {
                double f = dot(phiV[i], a) + lin(p.alpha(), p.beta(), xv[i]) - y[nt + i];
                e += f * f;
            }
            if (e < best) {
                best = e;
                bestC = c;
            }
        }
        return bestC;
    }

    static void closeArrays(double[] actual, double[] expected, double tol, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(tol * Math.max(1, scale)));
        }
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
            DenseMatrix got = l.features(x, new TwoLayerFeatureLearner.Layer(w, bias, 0)).toDense();
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
        assertThatThrownBy(() -> l.features(x, DenseMatrix.zeros(2, 2), new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need W 4 x d and 4 biases");
        assertThatThrownBy(() -> l.features(x, DenseMatrix.zeros(4, 3), new double[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.features(x, DenseMatrix.zeros(4, 2), new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.lossGradient(x, new double[3], DenseMatrix.zeros(4, 3), new double[4],
                new double[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first layer: W 4x3, 4 biases, inputs 3x2; need W 4 x d and 4 biases");
        assertThatThrownBy(() -> l.lossGradient(x, new double[3], DenseMatrix.zeros(4, 2), new double[3],
                new double[4])).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("first layer");
        assertThat(l.features(x, DenseMatrix.zeros(4, 2), new double[4]).toDense().data()).containsOnly(0.0);
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
    @DisplayName("meanRowNorm = (1/m) sum_j ||w_j||; subspaceShare = ||W u||^2 / ||W||_F^2; mse = (1/N) sum (f - y)^2")
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
        assertThat(TwoLayerFeatureLearner.mseShifted(new double[] {1, 2}, new double[] {1, -1}, new double[] {0, 0}))
                .isEqualTo(2.5);
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
    @DisplayName("algorithmOne: eta1 must be finite and >= 0; eta1 = 0 is a frozen layer at W0 (eta 0); eta1 > 0 records eta1")
    void algorithmOneArguments() {
        TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(BACKENDS.get(0), 4);
        TwoLayerInit init = l.initialize(3, RandomMatrices.rng(1));
        double[] b = {1, 2, 3, 4};
        for (double bad : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> l.algorithmOne(init, b, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("eta_1 must be finite and non-negative, got " + bad);
        }
        TwoLayerFeatureLearner.FirstLayer zero = l.algorithmOne(init, b, 0.0);
        assertThat(zero).isInstanceOf(TwoLayerFeatureLearner.Frozen.class);
        TwoLayerFeatureLearner.Layer z = ((TwoLayerFeatureLearner.Frozen) zero).layer();
        assertThat(z.w()).isSameAs(init.weights());
        assertThat(z.b()).isSameAs(b);
        assertThat(z.eta1()).isZero();
        DenseMatrix x = RandomMatrices.gaussian(5, 3, 1.0, RandomMatrices.rng(2));
        TwoLayerFeatureLearner.FirstLayer step = l.algorithmOne(init, b, 2.5);
        assertThat(step).isNotInstanceOf(TwoLayerFeatureLearner.Frozen.class);
        TwoLayerFeatureLearner.Layer s = step.fit(x, new double[] {1, -1, 2, 0.5, -3});
        assertThat(s.eta1()).isEqualTo(2.5);
        assertThat(s.b()).isSameAs(b);
        TwoLayerFeatureLearner.FirstLayer fr = TwoLayerFeatureLearner.frozen(init.weights(), b);
        TwoLayerFeatureLearner.Layer fl = fr.fit(x, new double[5]);
        assertThat(fl.w()).isSameAs(init.weights());
        assertThat(fl.b()).isSameAs(b);
        assertThat(fl.eta1()).isZero();
        assertThat(((TwoLayerFeatureLearner.Frozen) fr).layer()).isSameAs(fl);
    }

    @Test
    @DisplayName("held-out split: n_valid = max(1, round(0.2 n)); block and rows copy the right entries")
    void splitHelpers() {
        int[][] cases = {{1, 1}, {2, 1}, {5, 1}, {7, 1}, {8, 2}, {10, 2}, {12, 2}, {13, 3}, {1000, 200}};
        for (int[] c : cases) {
            assertThat(TwoLayerFeatureLearner.validationSize(c[0])).as("n = %d", c[0]).isEqualTo(c[1]);
        }
        DenseMatrix a = DenseMatrix.of(3, 4, 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23);
        assertThat(TwoLayerFeatureLearner.block(a, 1, 3, 2, 4).toArray2d())
                .isEqualTo(new double[][] {{12, 13}, {22, 23}});
        assertThat(TwoLayerFeatureLearner.block(a, 0, 1, 0, 3).toArray2d()).isEqualTo(new double[][] {{0, 1, 2}});
        assertThat(TwoLayerFeatureLearner.rows(a, 1, 3).toArray2d())
                .isEqualTo(new double[][] {{10, 11, 12, 13}, {20, 21, 22, 23}});
    }

    @Test
    @DisplayName("fit (held-out ridge rule): the chosen c, the head a and alpha, beta match an independent LU computation, for frozen and Algorithm 1 layers, dual and primal sizes")
    void fitMatchesReference() {
        int d = 3;
        RandomGenerator rng = RandomMatrices.rng(77);
        for (int[] nm : new int[][] {{10, 12}, {30, 6}, {12, 12}}) {
            int n = nm[0], m = nm[1];
            DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double z = x.get(i, 0);
                y[i] = z * z - 1 + 0.5 * x.get(i, 1) + 0.3 + 0.1 * rng.nextGaussian();
            }
            for (Backend be : List.of(Backends.byName(Backends.DEFAULT))) {   // EJML's solve rejects c = 1e-6 here
                TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(be, m);
                TwoLayerInit init = l.initialize(d, RandomMatrices.rng(n + m));
                double[] bias = RandomMatrices.gaussianVector(m, 1.0, RandomMatrices.rng(n * m));
                double eta1 = TwoLayerFeatureLearner.paperEta1(d);
                Pre all = Pre.of(x.toArray2d(), y);
                // frozen (random features)
                var rf = l.fit(TwoLayerFeatureLearner.frozen(init.weights(), bias), x, y);
                double cRf = chosenRidge(init.weights(), bias, x, y);
                assertThat(rf.ridge()).as("RF ridge n=%d m=%d %s", n, m, be.name()).isEqualTo(cRf);
                closeArrays(rf.a(), ridge(relu(x, init.weights(), bias), all.r(), cRf), 1e-7, "RF head");
                assertThat(rf.alpha()).isCloseTo(all.alpha(), within(1e-13));
                closeArrays(rf.beta(), all.beta(), 1e-13, "beta");
                assertThat(rf.layer().w()).isSameAs(init.weights());
                // Algorithm 1: W1 = -eta1 grad L(theta0) on the residual of the part it is fitted on
                java.util.function.BiFunction<double[][], double[], DenseMatrix> step = (xs, ys) -> l.lossGradient(
                        DenseMatrix.fromRows(xs), Pre.of(xs, ys).r(), init.weights(), new double[m], init.signs())
                        .scale(-eta1);
                int nt = n - Math.max(1, (int) Math.round(0.2 * n));
                DenseMatrix wSplit = step.apply(rowsOf(x, 0, nt), Arrays.copyOfRange(y, 0, nt));
                var alg = l.fit(l.algorithmOne(init, bias, eta1), x, y);
                double cAlg = chosenRidge(wSplit, bias, x, y);
                assertThat(alg.ridge()).as("Alg1 ridge n=%d m=%d %s", n, m, be.name()).isEqualTo(cAlg);
                DenseMatrix w1 = step.apply(x.toArray2d(), y);
                assertThat(DenseMatrix.relativeDifference(alg.w(), w1)).isLessThan(1e-12);
                closeArrays(alg.a(), ridge(relu(x, w1, bias), all.r(), cAlg), 1e-7, "Alg1 head");
                // predict adds alpha + beta^T x back
                DenseMatrix xs = RandomMatrices.gaussian(4, d, 1.0, rng);
                double[][] phiS = relu(xs, w1, bias);
                double[] expected = new double[4];
                for (int i = 0; i < 4; i++) {
                    expected[i] = dot(phiS[i], alg.a()) + lin(all.alpha(), all.beta(), xs.row(i));
                }
                closeArrays(l.predict(alg, xs), expected, 1e-12, "predict");
            }
        }
    }

    @Test
    @DisplayName("kernelRidge: predictions K(test, x)(K + c tr(K)/n I)^{-1} r + alpha + beta^T x with c by the held-out rule; ntk(d) is ntkWithBias at variance 1/d")
    void kernelRidge() {
        int n = 15, d = 3;
        RandomGenerator rng = RandomMatrices.rng(31);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng), test = RandomMatrices.gaussian(4, d, 1.0, rng);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(2 * x.get(i, 0)) + 0.2 + 0.05 * rng.nextGaussian();
        }
        for (Backend be : List.of(Backends.byName(Backends.DEFAULT))) {   // EJML's solve rejects c = 1e-6 here
            TwoLayerFeatureLearner l = new TwoLayerFeatureLearner(be, 4);
            DenseMatrix ka = RandomMatrices.gaussian(2, d, 1.0, rng);
            assertThat(l.ntk(d).matrix(ka, x).data())
                    .containsExactly(ReluKernels.ntkWithBiasMatrix(be, ka, x, 1.0 / d).data());
            TwoLayerFeatureLearner.Kernel k = l.ntk(d);
            var fit = l.kernelRidge(k, x, y, test);
            // reference: dual form by LU, the same held-out rule
            int nv = Math.max(1, (int) Math.round(0.2 * n)), nt = n - nv;
            double[][] xt = rowsOf(x, 0, nt), xv = rowsOf(x, nt, n);
            Pre pt = Pre.of(xt, Arrays.copyOfRange(y, 0, nt));
            RealMatrix ktt = new Array2DRowRealMatrix(k.matrix(DenseMatrix.fromRows(xt), DenseMatrix.fromRows(xt))
                    .toArray2d());
            RealMatrix kvt = new Array2DRowRealMatrix(k.matrix(DenseMatrix.fromRows(xv), DenseMatrix.fromRows(xt))
                    .toArray2d());
            double best = Double.POSITIVE_INFINITY, bestC = Double.NaN;
            for (double c : TwoLayerFeatureLearner.RIDGE_GRID) {
                double[] alpha = dual(ktt, pt.r(), c);
                double[] fv = kvt.operate(alpha);
                double e = 0;
                for (int i = 0; i < nv; i++) {
                    double r = fv[i] + lin(pt.alpha(), pt.beta(), xv[i]) - y[nt + i];
                    e += r * r;
                }
                if (e < best) {
                    best = e;
                    bestC = c;
                }
            }
            assertThat(fit.ridge()).isEqualTo(bestC);
            Pre all = Pre.of(x.toArray2d(), y);
            double[] coef = dual(new Array2DRowRealMatrix(k.matrix(x, x).toArray2d()), all.r(), bestC);
            double[] pred = new Array2DRowRealMatrix(k.matrix(test, x).toArray2d()).operate(coef);
            for (int i = 0; i < pred.length; i++) {
                pred[i] += lin(all.alpha(), all.beta(), test.row(i));
            }
            closeArrays(fit.predictions(), pred, 1e-8, "kernel ridge predictions");
        }
        assertThat(TwoLayerFeatureLearner.RIDGE_GRID).containsExactly(1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10);
        assertThat(TwoLayerFeatureLearner.VALIDATION_SHARE).isEqualTo(0.2);
    }

    /** (K + c tr(K)/n I)⁻¹ y by LU. */
    static double[] dual(RealMatrix k, double[] y, double c) {
        RealMatrix a = k.copy();
        double tr = a.getTrace();
        for (int i = 0; i < a.getRowDimension(); i++) {
            a.addToEntry(i, i, c * tr / y.length);
        }
        return new LUDecomposition(a).getSolver().solve(new ArrayRealVector(y)).toArray();
    }

    // ---- RidgeHead ----

    @Test
    @DisplayName("RidgeHead: the smaller form (n <= m dual, else primal), weights and dual coefficients against LU, shape checks")
    void ridgeHead() {
        assertThat(RidgeHead.Form.smaller(5, 5)).isEqualTo(RidgeHead.Form.DUAL);
        assertThat(RidgeHead.Form.smaller(4, 5)).isEqualTo(RidgeHead.Form.DUAL);
        assertThat(RidgeHead.Form.smaller(6, 5)).isEqualTo(RidgeHead.Form.PRIMAL);
        RandomGenerator rng = RandomMatrices.rng(13);
        for (Backend be : BACKENDS) {
            for (int[] shape : new int[][] {{4, 7}, {7, 4}, {5, 5}}) {
                DenseMatrix phi = RandomMatrices.gaussian(shape[0], shape[1], 1.0, rng);
                double[] y = RandomMatrices.gaussianVector(shape[0], 1.0, rng);
                RidgeHead.Path path = RidgeHead.path(be, be.adopt(phi), y);
                assertThat(path.form()).isEqualTo(RidgeHead.Form.smaller(shape[0], shape[1]));
                for (double c : new double[] {1e-3, 0.5}) {
                    double[] ref = ridge(phi.toArray2d(), y, c);
                    closeArrays(path.weights(c), ref, 1e-9, "weights");
                    closeArrays(RidgeHead.fit(be, be.adopt(phi), y, c), ref, 1e-9, "fit");
                }
                double[] a = RandomMatrices.gaussianVector(shape[1], 1.0, rng);
                closeArrays(RidgeHead.predict(be, be.adopt(phi), a), new Array2DRowRealMatrix(phi.toArray2d())
                        .operate(a), 1e-13, "predict");
            }
            DenseMatrix phi = RandomMatrices.gaussian(4, 6, 1.0, rng);
            RealMatrix ph = new Array2DRowRealMatrix(phi.toArray2d());
            DenseMatrix gram = DenseMatrix.fromRows(ph.multiply(ph.transpose()).getData());
            double[] y = RandomMatrices.gaussianVector(4, 1.0, rng);
            RidgeHead.Path withGram = RidgeHead.path(be, be.adopt(phi), gram, y);
            assertThat(withGram.form()).isEqualTo(RidgeHead.Form.DUAL);
            closeArrays(withGram.weights(0.1), ridge(phi.toArray2d(), y, 0.1), 1e-9, "weights with the caller's Gram");
            assertThat(RidgeHead.path(be, be.adopt(phi), y, RidgeHead.Form.PRIMAL).form())
                    .isEqualTo(RidgeHead.Form.PRIMAL);
            closeArrays(RidgeHead.dualCoefficients(be, gram, y, 0.1), dual(new Array2DRowRealMatrix(gram.toArray2d()),
                    y, 0.1), 1e-9, "dual coefficients");
            assertThatThrownBy(() -> RidgeHead.path(be, be.adopt(phi), new double[3]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 labels");
            assertThatThrownBy(() -> RidgeHead.path(be, be.adopt(phi), DenseMatrix.zeros(3, 4), y))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ridge: Gram");
            assertThatThrownBy(() -> RidgeHead.path(be, be.adopt(phi), DenseMatrix.zeros(4, 3), y))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RidgeHead.dualCoefficients(be, DenseMatrix.zeros(3, 4), new double[3], 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for 3 labels");
            assertThatThrownBy(() -> RidgeHead.dualCoefficients(be, DenseMatrix.zeros(4, 3), new double[3], 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        DenseMatrix k = DenseMatrix.of(2, 2, 1, 2, 3, 4);
        assertThat(RidgeHead.trace(k)).isEqualTo(5.0);
        assertThat(RidgeHead.shifted(k, 0.5).data()).containsExactly(1.5, 2, 3, 4.5);
        assertThat(k.data()).containsExactly(1, 2, 3, 4);
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
    }
}
