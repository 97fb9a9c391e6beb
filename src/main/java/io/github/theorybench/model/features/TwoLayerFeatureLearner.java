package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.TwoLayerInit;
import java.util.Arrays;
import org.hipparchus.special.Gamma;

/**
 * Algorithm 1 of seed 004 (Damian, Lee, Soltanolkotabi 2022) on the net f(x) = aᵀReLU(Wx + b), and the pieces its
 * two baselines share with it (CLAIMS.md DLS):
 * <ol>
 * <li>preprocess (004, Algorithm 1): α = (1/n)Σ y_i, β = (1/n)Σ y_i x_i, r = y − α − βᵀx; every prediction adds
 * α + βᵀx back;</li>
 * <li>symmetric init (004, "Initialization"): rows j and j + m/2 share w_j ~ N(0, I/d), a_{j+m/2} = −a_j ∈ {±1},
 * b = 0, so f_{θ₀} = 0;</li>
 * <li>one first-layer step W₁ = W₀ − η₁(∇_W L(θ₀) + λ₁W₀) with λ₁ = 1/η₁, hence W₁ = −η₁∇_W L(θ₀)
 * ({@link #firstStep}); L = (1/2n)Σ(f(x_i) − r_i)²;</li>
 * <li>re-draw b ~ N(0, 1), then the head a by ridge ({@link SpectralRidge}: gradient descent with weight decay on a
 * converges to it), the penalty chosen by exact leave-one-out over {@link #RIDGE_GRID}.</li>
 * </ol>
 * <b>η₁ rules.</b> Theorem 1 takes η₁ = Θ̃(√d) with λ₁ = 1/η₁; its constant sets the scale of the rows of W₁ against
 * the re-drawn biases b ~ N(0, 1). CLAIMS.md DLS-2's calibrated pipeline chooses η₁ so that the rows of W₁ have RMS
 * norm 1 ({@link #rmsOneEta1}: η₁ = √m/‖∇_W L‖_F, data-dependent). The fixed reading {@link #paperEta1} makes the
 * population rows of W₁ have mean norm 1 (Stein's lemma on the He₂ part: the gradient row is ≈ a_j(uᵀŵ_j)u/√(2π),
 * E|uᵀŵ| = Γ(d/2)/(√π Γ((d+1)/2)), so η₁ = √2 π Γ((d+1)/2)/Γ(d/2) → π√d, 9.69 at d = 10); at finite n the
 * gradient's sampling noise makes its row norms depend on n.
 * <p>A first layer is stored as direction·scale: W = {@code scale}·{@code direction} (W₁ = −η₁·∇_W L, W₀ = 1·W₀), so
 * that the two η₁ rules on one gradient share the GEMM of {@link BlockPredictor}.
 */
public final class TwoLayerFeatureLearner {
    /** CLAIMS.md DLS-2: ≥ 30 log-spaced relative ridges; 41 values, 4 per decade from 1e-8 to 1e2. */
    public static final double[] RIDGE_GRID = SpectralRidge.logGrid(1e-8, 1e2, 41);

    /** A first layer W = scale·direction with biases b; {@code eta1} the step that produced it (0: no step). */
    public record Layer(DenseMatrix direction, double scale, double[] b, double eta1) {
        /** W itself (a copy; the features never need it). */
        public DenseMatrix w() {
            return direction.scale(scale);
        }
    }

    /** Labels after removing the constant and linear parts (004, Algorithm 1 preprocessing), with α and β. */
    public record Preprocessed(double[] y, double alpha, double[] beta) {
    }

    /** One layer's features on one input set with their spectrum (one eigendecomposition), for heads on any labels. */
    public record Design(Layer layer, DenseMatrix x, Matrix phi, SpectralRidge spectrum) {
    }

    /** A fitted head: the layer, output weights a, the preprocessing α, β, and the leave-one-out ridge choice. */
    public record Model(Layer layer, double[] a, double alpha, double[] beta, SpectralRidge.Choice ridge) {
    }

    /** Kernel ridge on one input set: the kernel matrix's spectrum. */
    public record KernelDesign(DenseMatrix x, SpectralRidge spectrum) {
    }

    /** A fitted kernel ridge predictor: dual coefficients on the design's inputs, α, β and the ridge choice. */
    public record KernelModel(KernelDesign design, double[] dual, double alpha, double[] beta,
            SpectralRidge.Choice ridge) {
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

    public Backend backend() {
        return backend;
    }

    /** α = mean y, β = Xᵀy/n (one GEMV, transpose flag), residual y − α − Xβ (one GEMV). 004, Algorithm 1. */
    public Preprocessed preprocess(DenseMatrix x, double[] y) {
        int n = y.length;
        double alpha = 0;
        for (double v : y) {
            alpha += v;
        }
        alpha /= n;
        Matrix beta = backend.zeros(x.cols(), 1);
        backend.gemv(true, 1.0 / n, backend.adopt(x), backend.adopt(DenseMatrix.columnVector(y)), 0.0, beta);
        double[] betaV = beta.toDense().data().clone();
        double[] lin = linearPart(x, alpha, betaV);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - lin[i];
        }
        return new Preprocessed(r, alpha, betaV);
    }

    /** α + Xβ (one GEMV). */
    public double[] linearPart(DenseMatrix x, double alpha, double[] beta) {
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

    /** Φ = ReLU(scale·X directionᵀ + 1bᵀ), n × m, in the backend's storage (one GEMM, transpose by flag). */
    public Matrix features(DenseMatrix x, Layer layer) {
        requireLayer(x, layer.direction(), layer.b());
        int n = x.rows();
        DenseMatrix p = backend.multiply(false, true, backend.adopt(x), backend.adopt(layer.direction())).toDense();
        double[] v = p.data(), b = layer.b();
        double s = layer.scale();
        for (int i = 0; i < n; i++) {
            for (int j = 0, off = i * m; j < m; j++) {
                v[off + j] = Math.max(s * v[off + j] + b[j], 0.0);
            }
        }
        return backend.adopt(p);
    }

    /** f(x_i) = aᵀReLU(W x_i + b) for every row of X (one GEMV). */
    public double[] outputs(DenseMatrix x, DenseMatrix w, double[] b, double[] a) {
        Matrix phi = features(x, new Layer(w, 1.0, b, 0.0));
        Matrix out = backend.zeros(x.rows(), 1);
        backend.gemv(false, 1.0, phi, backend.adopt(DenseMatrix.columnVector(a)), 0.0, out);
        return out.toDense().data().clone();
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
        for (int i = 0; i < n; i++) {
            int off = i * m;
            double f = 0;
            for (int j = 0; j < m; j++) {
                double relu = Math.max(v[off + j] + b[j], 0.0);
                f += a[j] * relu;
                v[off + j] = a[j] * step(relu);                     // D_ij = a_j σ′(P_ij)
            }
            double r = (f - y[i]) / n;
            for (int j = 0; j < m; j++) {
                v[off + j] *= r;                                    // (D ⊙ r)_ij
            }
        }
        Matrix g = backend.zeros(m, x.cols());
        backend.gemm(true, false, 1.0, backend.adopt(p), backend.adopt(x), 0.0, g);
        return g.toDense();
    }

    /**
     * σ′ = 1{z &gt; 0} of a ReLU output r = max(z, 0) without a branch: ceil(min(r, 1)) is 1 for r &gt; 0 and 0 for
     * r = 0. The signs of z are random, so a branch here is mispredicted half the time (measured: several times
     * slower than the rest of the loop).
     */
    static double step(double relu) {
        return Math.ceil(Math.min(relu, 1.0));
    }

    /** ∇_W L(θ₀) at the symmetric init (b = 0) on preprocessed labels: the direction of Algorithm 1's step. */
    public DenseMatrix initialGradient(TwoLayerInit init, DenseMatrix x, double[] residual) {
        return lossGradient(x, residual, init.weights(), new double[m], init.signs());
    }

    /**
     * Algorithm 1's first layer (004): W₁ = W₀ − η₁(∇_W L(θ₀) + λ₁W₀) with λ₁ = 1/η₁, i.e. W₁ = −η₁∇_W L(θ₀), with the
     * re-drawn biases {@code redrawnBiases} ~ N(0, 1).
     */
    public static Layer firstStep(DenseMatrix gradient, double eta1, double[] redrawnBiases) {
        if (!(eta1 > 0) || Double.isInfinite(eta1)) {
            throw new IllegalArgumentException("eta_1 must be finite and positive, got " + eta1);
        }
        return new Layer(gradient, -eta1, redrawnBiases, eta1);    // (1 − η₁λ₁)W₀ − η₁∇L = −η₁∇L
    }

    /**
     * Algorithm 1's first layer on (x, y) as CLAIMS.md calibrates it: preprocess, ∇_W L(θ₀) at the symmetric init,
     * W₁ = −η₁∇_W L(θ₀) with the RMS-1 η₁ ({@link #rmsOneEta1}), the re-drawn biases.
     */
    public Layer algorithmOne(TwoLayerInit init, double[] biases, DenseMatrix x, double[] y) {
        DenseMatrix g = initialGradient(init, x, preprocess(x, y).y());
        return firstStep(g, rmsOneEta1(g), biases);
    }

    /** A layer that is not trained: random features at W₀, or Algorithm 1 with η₁ = 0 (W₁ = W₀). */
    public static Layer frozen(DenseMatrix w, double[] biases) {
        return new Layer(w, 1.0, biases, 0.0);
    }

    /** CLAIMS.md DLS-2's rule: η₁ = √m/‖G‖_F, so that the rows of W₁ = −η₁G have RMS norm √(‖W₁‖_F²/m) = 1. */
    public static double rmsOneEta1(DenseMatrix gradient) {
        return Math.sqrt(gradient.rows()) / gradient.frobeniusNorm();
    }

    /** η₁ = √(2π)/E|uᵀŵ| = √2 π Γ((d+1)/2)/Γ(d/2) = Θ(√d): the fixed reading of 004's constant (see above). */
    public static double paperEta1(int d) {
        return Math.sqrt(2) * Math.PI * Math.exp(Gamma.logGamma((d + 1) / 2.0) - Gamma.logGamma(d / 2.0));
    }

    /** The layer's features on X and their spectrum: one GEMM, one SYRK, one eigendecomposition. */
    public Design design(Layer layer, DenseMatrix x) {
        Matrix phi = features(x, layer);
        return new Design(layer, x, phi, SpectralRidge.ofFeatures(backend, phi));
    }

    /** The head on labels y: preprocessing on the design's inputs, leave-one-out ridge over {@code grid}, a = Φᵀα. */
    public Model fit(Design design, double[] y, double[] grid) {
        Preprocessed p = preprocess(design.x(), y);
        SpectralRidge.Choice c = design.spectrum().choose(p.y(), grid);
        return new Model(design.layer(), SpectralRidge.head(backend, design.phi(), c.dual()), p.alpha(), p.beta(),
                c);
    }

    /** The kernel matrix K(x, x) and its spectrum. */
    public KernelDesign kernelDesign(BiasedReluNtk kernel, DenseMatrix x) {
        return new KernelDesign(x, SpectralRidge.ofKernel(backend, backend.adopt(kernel.matrix(x, x))));
    }

    /** Kernel ridge on labels y with the same preprocessing and leave-one-out rule. */
    public KernelModel fit(KernelDesign design, double[] y, double[] grid) {
        Preprocessed p = preprocess(design.x(), y);
        SpectralRidge.Choice c = design.spectrum().choose(p.y(), grid);
        return new KernelModel(design, c.dual(), p.alpha(), p.beta(), c);
    }

    /** (1/N) Σ (f_i − y_i)². */
    public static double mse(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double e = f[i] - y[i];
            s += e * e;
        }
        return s / f.length;
    }

    /** RMS row norm √(‖W‖_F²/m) (1 for Algorithm 1 under {@link #rmsOneEta1}). */
    public static double rmsRowNorm(DenseMatrix w) {
        double f = w.frobeniusNorm();
        return f / Math.sqrt(w.rows());
    }

    /** Mean row norm (1/m) Σ_j ‖w_j‖ (the scale of the rows of W₁ against the biases b ~ N(0, 1)). */
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

    /** Share of ‖W‖_F² along span(u) for a unit u: ‖Wu‖²/‖W‖_F² (DLS-1; 1/d in expectation for random rows). */
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

    /** Rows [from, to) of X (one array copy). */
    public static DenseMatrix rows(DenseMatrix a, int from, int to) {
        int c = a.cols();
        return DenseMatrix.wrap(to - from, c, Arrays.copyOfRange(a.data(), from * c, to * c));
    }
}
