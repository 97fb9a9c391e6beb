package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import org.hipparchus.random.RandomGenerator;

/**
 * Algorithm 1 of 004 (Damian, Lee, Soltanolkotabi) and its two baselines, all with the same preprocessing and the
 * same ridge rule:
 * <ol>
 * <li>preprocess: α = mean(y), β = (1/n) Σ y_i x_i, y ← y − α − βᵀx (prediction adds α + βᵀx back);</li>
 * <li>net f = aᵀReLU(Wx + b), symmetric init (pairs (w, a), (w, −a): f₀ = 0), a_j ∈ {±1}, w_j ~ N(0, I/d), b = 0;</li>
 * <li>one step W₁ = W₀ − η₁(∇_W L + λ₁W₀) with λ₁ = 1/η₁, i.e. W₁ = −η₁∇_W L(θ₀), L = (1/2n)Σ(f − y)²; η₁ follows
 * Theorem 1's η₁ = Θ̃(√d) with the constant fixed so that the rows of W₁ have mean norm 1, the scale of the
 * re-drawn biases b ~ N(0, 1);</li>
 * <li>the head a by ridge on ReLU(W₁x + b), relative ridge c (nλ = c·tr(K)/n) chosen on a held-out 20% of the
 * training set from the log grid {1e−6, …, 10}.</li>
 * </ol>
 * Random features: the same net with W₁ = W₀ (first layer frozen), re-drawn biases, same head. NTK: kernel ridge with
 * the infinite-width two-layer ReLU NTK of {@link ReluKernels} on x (bias-free parametrization at init, b = 0).
 */
public final class TwoLayerFeatureLearner {
    /** Grid of the relative ridge c (nλ = c·tr(K)/n) for the held-out choice; the same for every method. */
    static final double[] LAMBDAS = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10};

    /** What was learned: the first layer, biases, head and preprocessing. */
    public record Model(DenseMatrix w, double[] b, double[] a, double alpha, double[] beta, double lambda) {
    }

    private final Backend backend;
    private final int m;

    public TwoLayerFeatureLearner(Backend backend, int m) {
        if (m <= 0 || m % 2 != 0) {
            throw new IllegalArgumentException("width must be even and positive, got " + m);
        }
        this.backend = backend;
        this.m = m;
    }

    /** Residual labels after removing the constant and linear parts, with α and β. */
    record Preprocessed(double[] y, double alpha, double[] beta) {
    }

    static Preprocessed preprocess(DenseMatrix x, double[] y) {
        int n = y.length, d = x.cols();
        double alpha = 0;
        for (double v : y) {
            alpha += v / n;
        }
        double[] beta = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                beta[k] += y[i] * x.get(i, k) / n;
            }
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double lin = alpha;
            for (int k = 0; k < d; k++) {
                lin += beta[k] * x.get(i, k);
            }
            r[i] = y[i] - lin;
        }
        return new Preprocessed(r, alpha, beta);
    }

    /** The symmetric initialization: rows j and j + m/2 share w, opposite a; b = 0. */
    public TwoLayerInit initialize(int d, RandomGenerator rng) {
        return TwoLayerInit.antisymmetric(m, d, 1.0 / Math.sqrt(d), rng);
    }

    /** W₁ = −η₁ ∇_W L(θ₀) with mean row norm 1 (Algorithm 1's single step with λ₁ = 1/η₁). */
    public DenseMatrix firstStep(TwoLayerInit init, DenseMatrix x, double[] residual) {
        TwoLayerNet net = new TwoLayerNet(backend, x, init.signs(), Activation.RELU, 1.0, false);
        int n = residual.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = -residual[i] / n;                         // ∇L = (1/n) Jᵀ(f₀ − y), f₀ = 0
        }
        DenseMatrix grad = DenseMatrix.wrap(m, x.cols(), net.gradientStructured(init.weights(), r));
        double meanNorm = 0;
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int k = 0; k < x.cols(); k++) {
                s += grad.get(j, k) * grad.get(j, k);
            }
            meanNorm += Math.sqrt(s) / m;
        }
        double eta1 = 1.0 / meanNorm;
        return grad.scale(-eta1);
    }

    /** ReLU(X Wᵀ + 1 bᵀ), n × m. */
    public DenseMatrix features(DenseMatrix x, DenseMatrix w, double[] b) {
        Matrix p = backend.multiply(false, true, backend.adopt(x), backend.adopt(w));
        DenseMatrix phi = p.toDense();
        double[] a = phi.data();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < m; j++) {
                double v = a[i * m + j] + b[j];
                a[i * m + j] = v > 0 ? v : 0;
            }
        }
        return phi;
    }

    /** Fits the head on (W, b) with the held-out ridge rule. */
    public Model fitHead(DenseMatrix w, double[] b, DenseMatrix x, double[] y) {
        Preprocessed pre = preprocess(x, y);
        DenseMatrix phi = features(x, w, b);
        double lambda = chooseLambda(phi, pre.y(), (train, valid, lam) -> {
            double[] a = RidgeHead.fit(backend, rows(phi, train), select(pre.y(), train), lam);
            return mse(RidgeHead.predict(backend, rows(phi, valid), a), select(pre.y(), valid));
        });
        double[] a = RidgeHead.fit(backend, phi, pre.y(), lambda);
        return new Model(w, b, a, pre.alpha(), pre.beta(), lambda);
    }

    /** Algorithm 1 on (x, y): first step, re-drawn biases, ridge head. η₁ = 0 (step removed) keeps W₀. */
    public Model algorithmOne(DenseMatrix x, double[] y, boolean takeStep, RandomGenerator rng) {
        TwoLayerInit init = initialize(x.cols(), rng);
        Preprocessed pre = preprocess(x, y);
        DenseMatrix w1 = takeStep ? firstStep(init, x, pre.y()) : init.weights();
        return fitHead(w1, RandomMatrices.gaussianVector(m, 1.0, rng), x, y);
    }

    /** Random features: first layer frozen at W₀, biases re-drawn as in Algorithm 1, ridge head. */
    public Model randomFeatures(DenseMatrix x, double[] y, RandomGenerator rng) {
        return algorithmOne(x, y, false, rng);
    }

    public double[] predict(Model model, DenseMatrix x) {
        double[] f = RidgeHead.predict(backend, features(x, model.w(), model.b()), model.a());
        for (int i = 0; i < f.length; i++) {
            f[i] += model.alpha();
            for (int k = 0; k < x.cols(); k++) {
                f[i] += model.beta()[k] * x.get(i, k);
            }
        }
        return f;
    }

    /** Kernel ridge with the infinite-width ReLU NTK: test predictions after the same preprocessing and λ rule. */
    public double[] ntkPredict(DenseMatrix x, double[] y, DenseMatrix test) {
        Preprocessed pre = preprocess(x, y);
        DenseMatrix k = ReluKernels.ntkMatrix(x, x);
        double lambda = chooseLambda(k, pre.y(), (train, valid, lam) -> {
            double[] c = RidgeHead.dualCoefficients(backend, sub(k, train, train), select(pre.y(), train), lam);
            return mse(RidgeHead.predict(backend, sub(k, valid, train), c), select(pre.y(), valid));
        });
        double[] c = RidgeHead.dualCoefficients(backend, k, pre.y(), lambda);
        double[] f = RidgeHead.predict(backend, ReluKernels.ntkMatrix(test, x), c);
        for (int i = 0; i < f.length; i++) {
            f[i] += pre.alpha();
            for (int q = 0; q < test.cols(); q++) {
                f[i] += pre.beta()[q] * test.get(i, q);
            }
        }
        return f;
    }

    interface Validation {
        double error(int[] train, int[] valid, double lambda);
    }

    /** λ with the smallest held-out error: the last 20% of the (already random) training order is held out. */
    static double chooseLambda(DenseMatrix rowsSource, double[] y, Validation v) {
        int n = y.length, nValid = Math.max(1, n / 5), nTrain = n - nValid;
        int[] train = new int[nTrain], valid = new int[nValid];
        for (int i = 0; i < n; i++) {
            if (i < nTrain) {
                train[i] = i;
            } else {
                valid[i - nTrain] = i;
            }
        }
        double best = Double.POSITIVE_INFINITY, bestLambda = LAMBDAS[LAMBDAS.length - 1];
        for (double lam : LAMBDAS) {
            double e;
            try {
                e = v.error(train, valid, lam);
            } catch (ArithmeticException singular) {
                continue;
            }
            if (e < best) {
                best = e;
                bestLambda = lam;
            }
        }
        return bestLambda;
    }

    static DenseMatrix rows(DenseMatrix a, int[] idx) {
        DenseMatrix out = DenseMatrix.zeros(idx.length, a.cols());
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(a.data(), idx[i] * a.cols(), out.data(), i * a.cols(), a.cols());
        }
        return out;
    }

    static DenseMatrix sub(DenseMatrix a, int[] r, int[] c) {
        DenseMatrix out = DenseMatrix.zeros(r.length, c.length);
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < c.length; j++) {
                out.set(i, j, a.get(r[i], c[j]));
            }
        }
        return out;
    }

    static double[] select(double[] y, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }

    public static double mse(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s / f.length;
    }

    /** Share of ‖W‖_F² along span(u): Σ_j (uᵀw_j)² / ‖W‖_F² (DLS-1; 1/d for random directions). */
    public static double subspaceShare(DenseMatrix w, double[] u) {
        double along = 0, total = 0;
        for (int j = 0; j < w.rows(); j++) {
            double dot = 0;
            for (int k = 0; k < w.cols(); k++) {
                dot += u[k] * w.get(j, k);
                total += w.get(j, k) * w.get(j, k);
            }
            along += dot * dot;
        }
        return along / total;
    }
}
