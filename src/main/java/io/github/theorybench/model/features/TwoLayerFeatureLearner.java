package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.DirectMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.model.TwoLayerInit;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.hipparchus.special.Gamma;

/**
 * Algorithm 1 of seed 004 (Damian, Lee, Soltanolkotabi 2022) on the net f(x) = aᵀReLU(Wx + b), and its two
 * baselines, all with the same preprocessing and the same held-out ridge rule (CLAIMS.md DLS):
 * <ol>
 * <li>preprocess (004, Algorithm 1): α = (1/n)Σ y_i, β = (1/n)Σ y_i x_i, y ← y − α − βᵀx; every prediction adds
 * α + βᵀx back;</li>
 * <li>symmetric init (004, "Initialization"): rows j and j + m/2 share w_j ~ N(0, I/d), a_{j+m/2} = −a_j ∈ {±1},
 * b = 0, so f_{θ₀} = 0;</li>
 * <li>one first-layer step W₁ = W₀ − η₁(∇_W L(θ₀) + λ₁W₀), L = (1/2n)Σ(f(x_i) − y_i)², λ₁ = 1/η₁, hence
 * W₁ = −η₁∇_W L(θ₀); η₁ = 0 means the step is not taken (W₁ = W₀: the weight decay belongs to the step);</li>
 * <li>re-draw b ~ N(0, 1), then the head a by ridge ({@link RidgeHead}; GD with weight decay on a converges to it).</li>
 * </ol>
 * <b>η₁ rule.</b> Theorem 1 of 004 takes η₁ = Θ̃(√d) with λ₁ = 1/η₁ (so W₁ = −η₁∇_W L(θ₀)), a data-independent
 * schedule; its constant sets the scale of the rows w_j⁽¹⁾ against the re-drawn biases b ~ N(0, 1). We fix it at the
 * population level: for f* = g(uᵀx) the gradient row is −∇_{w_j}L → a_j E[g′(uᵀx)σ′(w_jᵀx)] u + … ≈
 * a_j (uᵀŵ_j) u/√(2π) (Stein's lemma; the He₂ part, E[z 1{z > 0}] = 1/√(2π)), and E|uᵀŵ| =
 * Γ(d/2)/(√π Γ((d+1)/2)) for ŵ uniform on the sphere; {@link #paperEta1} = √(2π)/E|uᵀŵ| =
 * √2 π Γ((d+1)/2)/Γ(d/2) (→ π√d, = 9.69 at d = 10) makes the population rows of W₁ have mean norm 1, the
 * biases' scale. At finite n the sampling noise of the gradient adds to the row norms; the report shows them.
 * <p><b>Ridge rule</b> (the same for every method, never the test set): the last 20% of the training sample (iid, so
 * a random split) is held out; the whole method (preprocessing, first step, features) is fitted on the other 80%,
 * the relative ridge c (nλ = c·tr(ΦΦᵀ)/n) is chosen from {@link #RIDGE_GRID} by the held-out error against the noisy
 * labels, and the method is refitted on all n samples with that c.
 * <p><b>Baselines.</b> Random features: the same net with the first layer frozen at W₀ and re-drawn biases, same
 * head. NTK: kernel ridge with {@link ReluKernels#ntkWithBias} — the infinite-width NTK of this net (parameters a, W
 * and b, one learning rate) at Algorithm 1's initialization (w ~ N(0, I/d), b = 0), i.e.
 * K = (xᵀx' + 1)(π − θ)/(2π) + (1/d)‖x‖‖x'‖(sin θ + (π − θ)cos θ)/(2π).
 */
public final class TwoLayerFeatureLearner {
    /** Grid of the relative ridge c (nλ = c·tr(K)/n) for the held-out choice; the same for every method. */
    public static final double[] RIDGE_GRID = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10};
    /** Share of the training sample held out to choose the ridge. */
    public static final double VALIDATION_SHARE = 0.2;

    /** A first layer: weights, biases, and the η₁ that produced it (0 for a frozen layer). */
    public record Layer(DenseMatrix w, double[] b, double eta1) {
    }

    /** What was learned: the first layer, the head, the preprocessing, and the chosen relative ridge. */
    public record Model(Layer layer, double[] a, double alpha, double[] beta, double ridge) {
        public DenseMatrix w() {
            return layer.w();
        }
    }

    /** Labels after removing the constant and linear parts (004, Algorithm 1 preprocessing), with α and β. */
    public record Preprocessed(double[] y, double alpha, double[] beta) {
    }

    /** How a method builds its first layer from training inputs and preprocessed labels. */
    @FunctionalInterface
    public interface FirstLayer {
        Layer fit(DenseMatrix x, double[] residual);
    }

    /** A kernel k(A, B) as a |A| × |B| matrix. */
    @FunctionalInterface
    public interface Kernel {
        DenseMatrix matrix(DenseMatrix a, DenseMatrix b);
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

    public int width() {
        return m;
    }

    /** α = mean y, β = Xᵀy/n (one GEMV, transpose flag), residual y − α − Xβ (one GEMV). 004, Algorithm 1. */
    public Preprocessed preprocess(DenseMatrix x, double[] y) {
        int n = y.length;
        double alpha = Arrays.stream(y).sum() / n;
        Matrix xb = backend.adopt(x);
        Matrix beta = backend.zeros(x.cols(), 1);
        backend.gemv(true, 1.0 / n, xb, backend.adopt(DenseMatrix.columnVector(y)), 0.0, beta);
        double[] betaV = beta.toDense().data().clone();
        double[] lin = linearPart(x, alpha, betaV);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - lin[i];
        }
        return new Preprocessed(r, alpha, betaV);
    }

    /** α + Xβ (one GEMV). */
    double[] linearPart(DenseMatrix x, double alpha, double[] beta) {
        Matrix out = backend.zeros(x.rows(), 1);
        backend.gemv(false, 1.0, backend.adopt(x), backend.adopt(DenseMatrix.columnVector(beta)), 0.0, out);
        double[] v = out.toDense().data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += alpha;
        }
        return v;
    }

    /** 004's symmetric initialization: w_j ~ N(0, I/d) shared by rows j and j + m/2, opposite signs a; b = 0. */
    public TwoLayerInit initialize(int d, org.hipparchus.random.RandomGenerator rng) {
        return TwoLayerInit.antisymmetric(m, d, 1.0 / Math.sqrt(d), rng);
    }

    private void requireLayer(DenseMatrix x, DenseMatrix w, double[] b) {
        if (w.rows() != m || w.cols() != x.cols() || b.length != m) {
            throw new IllegalArgumentException("first layer: W " + w.shape() + ", " + b.length + " biases, inputs "
                    + x.shape() + "; need W " + m + " x d and " + m + " biases");
        }
    }

    /** Φ = ReLU(X Wᵀ + 1 bᵀ), n × m, in the backend's storage. */
    public Matrix features(DenseMatrix x, Layer layer) {
        return features(x, layer.w(), layer.b());
    }

    /** Φ = ReLU(X Wᵀ + 1 bᵀ): one GEMM (transpose by flag), then bias and ReLU fused in place, rows over the cores. */
    public Matrix features(DenseMatrix x, DenseMatrix w, double[] b) {
        requireLayer(x, w, b);
        Matrix p = backend.multiply(false, true, backend.adopt(x), backend.adopt(w));
        int n = x.rows();
        if (p instanceof DenseMatrix h) {
            double[] v = h.data();
            IntStream.range(0, n).parallel().forEach(i -> biasRelu(v, i * m, b));
        } else {
            DoubleBuffer buf = ((DirectMatrix) p).buffer();
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] row = new double[m];
                buf.get(i * m, row, 0, m);
                biasRelu(row, 0, b);
                buf.put(i * m, row, 0, m);
            });
        }
        return p;
    }

    private void biasRelu(double[] v, int off, double[] b) {
        for (int j = 0; j < m; j++) {
            v[off + j] = Math.max(v[off + j] + b[j], 0.0);
        }
    }

    /** f(x_i) = aᵀReLU(W x_i + b) for every row of X (one GEMV). */
    public double[] outputs(DenseMatrix x, DenseMatrix w, double[] b, double[] a) {
        return RidgeHead.predict(backend, features(x, w, b), a);
    }

    /** L = (1/2n) Σ (f(x_i) − y_i)² (004's square loss). */
    public double loss(DenseMatrix x, double[] y, DenseMatrix w, double[] b, double[] a) {
        double[] f = outputs(x, w, b, a);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s / (2.0 * y.length);
    }

    /**
     * ∇_W L = (1/n) Σ_i (f(x_i) − y_i) ∂f(x_i)/∂W with ∂f(x_i)/∂w_j = a_j σ′(w_jᵀx_i + b_j) x_i, i.e.
     * ∇_W L = (D ⊙ r)ᵀ X with D_ij = a_j σ′(P_ij), P = XWᵀ + 1bᵀ, r = (f − y)/n: one GEMM (m × d, transpose flag).
     * σ′(0) = 0 (the kink is met with probability 0 except at b = 0, x = 0).
     */
    public DenseMatrix lossGradient(DenseMatrix x, double[] y, DenseMatrix w, double[] b, double[] a) {
        requireLayer(x, w, b);
        int n = y.length;
        DenseMatrix p = backend.multiply(false, true, backend.adopt(x), backend.adopt(w)).toDense();
        double[] v = p.data();
        IntStream.range(0, n).parallel().forEach(i -> {
            int off = i * m;
            double f = 0;
            for (int j = 0; j < m; j++) {
                double z = v[off + j] + b[j];
                f += a[j] * Math.max(z, 0.0);
                v[off + j] = z > 0 ? a[j] : 0.0;                  // D_ij = a_j σ′(P_ij)
            }
            double r = (f - y[i]) / n;
            for (int j = 0; j < m; j++) {
                v[off + j] *= r;                                    // (D ⊙ r)_ij
            }
        });
        Matrix g = backend.zeros(m, x.cols());
        backend.gemm(true, false, 1.0, backend.adopt(p), backend.adopt(x), 0.0, g);
        return g.toDense();
    }

    /** Mean row norm (1/m) Σ_j ‖g_j‖ (the scale of the rows of W₁, reported next to η₁). */
    public static double meanRowNorm(DenseMatrix g) {
        double s = 0;
        for (int j = 0; j < g.rows(); j++) {
            double q = 0;
            for (int k = 0; k < g.cols(); k++) {
                q += g.get(j, k) * g.get(j, k);
            }
            s += Math.sqrt(q);
        }
        return s / g.rows();
    }

    /** η₁ = √(2π)/E|uᵀŵ| = √2 π Γ((d+1)/2)/Γ(d/2) = Θ(√d): the class's η₁ rule (see above; 004, Theorem 1). */
    public static double paperEta1(int d) {
        return Math.sqrt(2) * Math.PI * Math.exp(Gamma.logGamma((d + 1) / 2.0) - Gamma.logGamma(d / 2.0));
    }

    /**
     * Algorithm 1's first layer (004): the step W₁ = W₀ − η₁(∇_W L(θ₀) + λ₁W₀) with λ₁ = 1/η₁ at the symmetric
     * init (b = 0), then the re-drawn biases {@code redrawnBiases} ~ N(0, 1). η₁ = 0 means no step: W₁ = W₀ (the
     * DLS controls).
     */
    public FirstLayer algorithmOne(TwoLayerInit init, double[] redrawnBiases, double eta1) {
        if (!(eta1 >= 0) || Double.isInfinite(eta1)) {
            throw new IllegalArgumentException("eta_1 must be finite and non-negative, got " + eta1);
        }
        if (eta1 == 0) {
            Layer frozen = new Layer(init.weights(), redrawnBiases, 0.0);
            return (Frozen) () -> frozen;
        }
        return (x, residual) -> {
            DenseMatrix grad = lossGradient(x, residual, init.weights(), new double[m], init.signs());
            double lambda1 = 1.0 / eta1;
            // W₁ = (1 − η₁λ₁) W₀ − η₁ ∇L = −η₁ ∇L
            DenseMatrix w1 = init.weights().scale(1.0 - eta1 * lambda1).plusScaled(-eta1, grad);
            return new Layer(w1, redrawnBiases, eta1);
        };
    }

    /** A first layer that does not depend on the data (random features at W₀, or a pretrained layer). */
    @FunctionalInterface
    public interface Frozen extends FirstLayer {
        Layer layer();

        @Override
        default Layer fit(DenseMatrix x, double[] residual) {
            return layer();
        }
    }

    public static FirstLayer frozen(DenseMatrix w, double[] b) {
        Layer layer = new Layer(w, b, 0.0);
        return (Frozen) () -> layer;
    }

    /** Index split of the held-out rule: the first n − n_valid samples fit, the last n_valid choose the ridge. */
    static int validationSize(int n) {
        return Math.max(1, (int) Math.round(VALIDATION_SHARE * n));
    }

    /** The training part of the held-out split: inputs, noisy labels, and their preprocessing. */
    private record Split(int nTrain, DenseMatrix xt, DenseMatrix xv, double[] yv, Preprocessed pt, double[] baseV) {
    }

    private Split split(DenseMatrix x, double[] y) {
        int n = y.length, nTrain = n - validationSize(n);
        DenseMatrix xt = rows(x, 0, nTrain), xv = rows(x, nTrain, n);
        Preprocessed pt = preprocess(xt, Arrays.copyOfRange(y, 0, nTrain));
        return new Split(nTrain, xt, xv, Arrays.copyOfRange(y, nTrain, n), pt,
                linearPart(xv, pt.alpha(), pt.beta()));
    }

    /**
     * The held-out choice in kernel (dual) form: for each c, α = (K_tt + c·tr(K_tt)/n_t I)⁻¹ r_t, validation
     * predictions α_t + β_tᵀx + K_vt α, error against the noisy validation labels; the smallest error wins.
     */
    private double chooseRidge(Split sp, DenseMatrix ktt, Matrix kvt) {
        double best = Double.POSITIVE_INFINITY, bestC = RIDGE_GRID[RIDGE_GRID.length - 1];
        for (double c : RIDGE_GRID) {
            double[] fv = RidgeHead.predict(backend, kvt, RidgeHead.dualCoefficients(backend, ktt, sp.pt().y(), c));
            double e = mseShifted(fv, sp.baseV(), sp.yv());
            if (e < best) {
                best = e;
                bestC = c;
            }
        }
        return bestC;
    }

    /** The same choice in primal form (n_t > m): a = (Φ_tᵀΦ_t + c·tr/n_t I)⁻¹Φ_tᵀr_t, predictions Φ_v a. */
    private double chooseRidgePrimal(Split sp, Matrix phiT, Matrix phiV) {
        RidgeHead.Path path = RidgeHead.path(backend, phiT, sp.pt().y(), RidgeHead.Form.PRIMAL);
        double best = Double.POSITIVE_INFINITY, bestC = RIDGE_GRID[RIDGE_GRID.length - 1];
        for (double c : RIDGE_GRID) {
            double e = mseShifted(RidgeHead.predict(backend, phiV, path.weights(c)), sp.baseV(), sp.yv());
            if (e < best) {
                best = e;
                bestC = c;
            }
        }
        return bestC;
    }

    /**
     * Fits a method (first layer, then ridge head) with the held-out ridge rule. A data-dependent first layer
     * (Algorithm 1) is refitted on the 80% split for the choice; a {@link Frozen} one with n ≤ m reuses the full
     * Gram ΦΦᵀ (one SYRK), whose blocks are the split's K_tt and K_vt.
     */
    public Model fit(FirstLayer method, DenseMatrix x, double[] y) {
        int n = y.length;
        Split sp = split(x, y);
        Preprocessed p = preprocess(x, y);
        if (method instanceof Frozen frozen && n <= m) {
            Layer layer = frozen.layer();
            Matrix phi = features(x, layer);
            DenseMatrix gram = backend.gram(false, phi).toDense();
            double c = chooseRidge(sp, block(gram, 0, sp.nTrain(), 0, sp.nTrain()),
                    backend.adopt(block(gram, sp.nTrain(), n, 0, sp.nTrain())));
            double[] a = RidgeHead.path(backend, phi, gram, p.y()).weights(c);
            return new Model(layer, a, p.alpha(), p.beta(), c);
        }
        Layer lt = method.fit(sp.xt(), sp.pt().y());
        Matrix phiT = features(sp.xt(), lt), phiV = features(sp.xv(), lt);
        double c;
        if (RidgeHead.Form.smaller(sp.nTrain(), m) == RidgeHead.Form.DUAL) {
            DenseMatrix ktt = backend.gram(false, phiT).toDense();                  // Φ_tΦ_tᵀ (SYRK)
            Matrix kvt = backend.multiply(false, true, phiV, phiT);                 // Φ_vΦ_tᵀ (GEMM, transpose flag)
            c = chooseRidge(sp, ktt, kvt);
        } else {
            c = chooseRidgePrimal(sp, phiT, phiV);
        }
        Layer layer = method.fit(x, p.y());
        double[] a = RidgeHead.fit(backend, features(x, layer), p.y(), c);
        return new Model(layer, a, p.alpha(), p.beta(), c);
    }

    /** α + βᵀx + aᵀReLU(Wx + b) at the rows of X (004, Algorithm 1's returned predictor). */
    public double[] predict(Model model, DenseMatrix x) {
        double[] f = RidgeHead.predict(backend, features(x, model.layer()), model.a());
        double[] lin = linearPart(x, model.alpha(), model.beta());
        for (int i = 0; i < f.length; i++) {
            f[i] += lin[i];
        }
        return f;
    }

    /** Kernel ridge predictions and the chosen relative ridge. */
    public record KernelFit(double[] predictions, double ridge) {
    }

    /** The DLS NTK baseline: {@link ReluKernels#ntkWithBias} with weight variance 1/d (w ~ N(0, I/d)). */
    public Kernel ntk(int d) {
        return (a, b) -> ReluKernels.ntkWithBiasMatrix(backend, a, b, 1.0 / d);
    }

    /**
     * Kernel ridge regression on the preprocessed labels with the same held-out rule (K(x, x) computed once; the
     * split's K_tt and K_vt are its blocks), predictions at {@code test} plus α + βᵀx.
     */
    public KernelFit kernelRidge(Kernel kernel, DenseMatrix x, double[] y, DenseMatrix test) {
        int n = y.length;
        Split sp = split(x, y);
        DenseMatrix k = kernel.matrix(x, x);
        double c = chooseRidge(sp, block(k, 0, sp.nTrain(), 0, sp.nTrain()),
                backend.adopt(block(k, sp.nTrain(), n, 0, sp.nTrain())));
        Preprocessed p = preprocess(x, y);
        double[] coef = RidgeHead.dualCoefficients(backend, k, p.y(), c);
        double[] f = RidgeHead.predict(backend, backend.adopt(kernel.matrix(test, x)), coef);
        double[] lin = linearPart(test, p.alpha(), p.beta());
        for (int i = 0; i < f.length; i++) {
            f[i] += lin[i];
        }
        return new KernelFit(f, c);
    }

    /** Block [r0, r1) × [c0, c1) of A (row copies). */
    static DenseMatrix block(DenseMatrix a, int r0, int r1, int c0, int c1) {
        DenseMatrix out = DenseMatrix.zeros(r1 - r0, c1 - c0);
        for (int i = r0; i < r1; i++) {
            System.arraycopy(a.data(), i * a.cols() + c0, out.data(), (i - r0) * (c1 - c0), c1 - c0);
        }
        return out;
    }

    /** Rows [from, to) of X (one array copy). */
    static DenseMatrix rows(DenseMatrix a, int from, int to) {
        int c = a.cols();
        return DenseMatrix.wrap(to - from, c, Arrays.copyOfRange(a.data(), from * c, to * c));
    }

    static double mseShifted(double[] f, double[] shift, double[] y) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double e = f[i] + shift[i] - y[i];
            s += e * e;
        }
        return s / f.length;
    }

    /** (1/N) Σ (f_i − y_i)². */
    public static double mse(double[] f, double[] y) {
        return mseShifted(f, new double[f.length], y);
    }

    /** Share of ‖W‖_F² along span(u) for a unit u: ‖Wu‖² / ‖W‖_F² (DLS-1; 1/d in expectation for random rows). */
    public double subspaceShare(DenseMatrix w, double[] u) {
        Matrix wu = backend.zeros(w.rows(), 1);
        backend.gemv(false, 1.0, backend.adopt(w), backend.adopt(DenseMatrix.columnVector(u)), 0.0, wu);
        double along = 0;
        for (double v : wu.toDense().data()) {
            along += v * v;
        }
        double total = w.frobeniusNorm();
        return along / (total * total);
    }
}
