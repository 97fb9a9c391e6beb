package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.ScaledTwoLayerFlow;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.random.RandomGenerator;

/**
 * A lazy-training instance (CLAIMS.md LAZY; 001 Theorem 8.1): unit-norm inputs x_i (rows iid uniform on the sphere),
 * labels y_i iid N(0, 1), first-layer rows w_j iid N(0, I_d) under one of CLAIMS.md's two inits, and the theorem's
 * constants σ_min = σ_min(J₀), σ_max = ‖J₀‖₂, β = β₀·sqrt(Σ‖x_i‖⁴), R₀ = ½‖αf(W₀) − y‖², α* = β·sqrt(1152 σ_max² R₀)/σ_min³.
 * With the antisymmetric init f(W₀) = 0, so R₀ = ½‖y‖² and α* do not depend on α; with random signs both grow with α.
 * <p>{@link #build} draws, from one generator in this order: X (n × d), y (n), the init (W₀ then s), then m iid signs
 * {@code ablationSigns} for the LAZY-10 control (the same X, y, W₀ with f(W₀) ≠ 0) — so a test that rebuilds an
 * instance from its seed gets the same numbers.
 *
 * @param seed the seed the draws came from
 * @param init which init drew W₀ and s
 * @param x the inputs X, n × d
 * @param y the labels
 * @param w0 W₀, m × d
 * @param signs the fixed outer signs s
 * @param ablationSigns m iid ±1 signs, drawn last
 * @param activation σ
 * @param net the net f(x; W) = Σ_j s_j σ(w_jᵀx) on X
 * @param f0 f(W₀) at the n inputs
 * @param sigmaMin σ_min(J₀)
 * @param sigmaMax ‖J₀‖₂
 * @param beta β₀·sqrt(Σ‖x_i‖⁴) (LAZY-4's constant)
 * @param r0 R₀ at α = 1, ½‖f(W₀) − y‖² (= ½‖y‖² for the antisymmetric init, at every α)
 * @param alphaStar α* at α = 1 (the α-free α* of the antisymmetric init)
 */
public record LazyInstance(long seed, Init init, DenseMatrix x, double[] y, DenseMatrix w0, double[] signs,
        double[] ablationSigns, Activation activation, TwoLayerNet net, double[] f0, double sigmaMin, double sigmaMax,
        double beta, double r0, double alphaStar) {

    /** CLAIMS.md LAZY's inits. */
    public enum Init {
        /** m even, w_{j+m/2} = w_j, s_{j+m/2} = −s_j: f(W₀) = 0. */
        ANTISYMMETRIC("antisymmetric"),
        /** s_j iid uniform ±1, w_j iid N(0, I_d). */
        RANDOM_SIGN("random-sign");

        private final String label;

        Init(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The antisymmetric instance of the LAZY flow claims. */
    public static LazyInstance build(Backend backend, long seed, int n, int d, int m, Activation act) {
        return build(backend, seed, n, d, m, act, Init.ANTISYMMETRIC);
    }

    public static LazyInstance build(Backend backend, long seed, int n, int d, int m, Activation act, Init init) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        TwoLayerInit w = init == Init.ANTISYMMETRIC ? TwoLayerInit.antisymmetric(m, d, 1.0, rng)
                : TwoLayerInit.randomSign(m, d, 1.0, rng);
        double[] ablation = new double[m];
        for (int j = 0; j < m; j++) {
            ablation[j] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return of(backend, seed, init, x, y, w.weights(), w.signs(), ablation, act);
    }

    /** The constants of the net with signs s on (X, y, W₀). */
    private static LazyInstance of(Backend backend, long seed, Init init, DenseMatrix x, double[] y, DenseMatrix w0,
            double[] signs, double[] ablation, Activation act) {
        TwoLayerNet net = TwoLayerNet.withFixedSigns(backend, x, signs, act);
        SymmetricEigen g0 = backend.eigSym(net.gramStructured(w0));          // J₀J₀ᵀ = (DDᵀ) ⊙ (XXᵀ)
        double sigmaMin = Math.sqrt(Math.max(0, g0.min()));
        double sigmaMax = Math.sqrt(g0.max());
        double sum4 = 0;
        for (int i = 0; i < x.rows(); i++) {
            double s = 0;
            for (int k = 0; k < x.cols(); k++) {
                s += x.get(i, k) * x.get(i, k);
            }
            sum4 += s * s;
        }
        double beta = act.beta0() * Math.sqrt(sum4);                                   // LAZY-4's constant
        double[] f0 = net.predictions(w0);
        double r0 = 0;
        for (int i = 0; i < y.length; i++) {
            r0 += 0.5 * (f0[i] - y[i]) * (f0[i] - y[i]);                               // R₀ = ½‖αf(W₀) − y‖², α = 1
        }
        double alphaStar = beta * Math.sqrt(1152 * sigmaMax * sigmaMax * r0) / Math.pow(sigmaMin, 3); // CLAIMS LAZY
        return new LazyInstance(seed, init, x, y, w0, signs, ablation, act, net, f0, sigmaMin, sigmaMax, beta, r0,
                alphaStar);
    }

    /**
     * The LAZY-10 control's instance: the same X, y, W₀ with the outer signs replaced by {@code ablationSigns}, so
     * f(W₀) ≠ 0 while J₀J₀ᵀ (which depends on the signs only through s_j² = 1), σ_min, σ_max and β stay the same.
     */
    public LazyInstance withAblationSigns() {
        return of(net.backend(), seed, Init.RANDOM_SIGN, x, y, w0, ablationSigns, ablationSigns, activation);
    }

    /**
     * The LAZY-6 control's instance: the same X, W₀, s with the labels replaced by ‖y‖·v₁, v₁ the top eigenvector of
     * J₀J₀ᵀ. With f(W₀) = 0 the residual starts in the top eigenspace, where ‖J₀ᵀr‖ = sqrt(λ_max)‖r‖: Lemma 8.2's
     * middle step is tight there (and R₀, α* are unchanged, ‖y‖ being kept).
     */
    public LazyInstance withTopEigenvectorLabels() {
        SymmetricEigen g0 = net.backend().eigSym(net.gramStructured(w0));
        double[] top = new double[n()];
        double yNorm = yNorm();
        for (int i = 0; i < top.length; i++) {
            top[i] = yNorm * g0.vectors().get(i, top.length - 1);          // eigenvalues ascending: last column
        }
        return of(net.backend(), seed, init, x, top, w0, signs, ablationSigns, activation);
    }

    public int n() {
        return x.rows();
    }

    public int d() {
        return x.cols();
    }

    public int m() {
        return w0.rows();
    }

    /** ‖y‖. */
    public double yNorm() {
        return norm(y);
    }

    /** ‖f(W₀)‖. */
    public double f0Norm() {
        return norm(f0);
    }

    /** R₀(α) = ½‖αf(W₀) − y‖². */
    public double r0(double alpha) {
        double r = 0;
        for (int i = 0; i < y.length; i++) {
            r += 0.5 * (alpha * f0[i] - y[i]) * (alpha * f0[i] - y[i]);
        }
        return r;
    }

    /** α*(α) = β·sqrt(1152 σ_max² R₀(α))/σ_min³ (CLAIMS.md LAZY), R₀ taken at the scale α. */
    public double alphaStar(double alpha) {
        return beta * Math.sqrt(1152 * sigmaMax * sigmaMax * r0(alpha)) / Math.pow(sigmaMin, 3);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }

    /** LAZY-3's travel bound sqrt(72 σ_max² R₀)/(α σ_min²). */
    public double travelBound(double alpha) {
        return Math.sqrt(72 * sigmaMax * sigmaMax * r0) / (alpha * sigmaMin * sigmaMin);
    }

    /** The exponential rate α² σ_min²/2 of LAZY-1's decay bound. */
    public double decayRate(double alpha) {
        return alpha * alpha * sigmaMin * sigmaMin / 2;
    }

    /** The gradient flow of α·f from W₀ toward y on this instance (nonlinear, or linearized at W₀). */
    public ScaledTwoLayerFlow flow(double alpha, boolean linearized) {
        return new ScaledTwoLayerFlow(net, w0, y, alpha, linearized);
    }

    /** Seed, sizes n, d, m, the backend and the activation of this instance. */
    public Provenance provenance() {
        return new Provenance(seed, sizes(), net.backend().name(), activation.label());
    }

    public Map<String, Object> sizes() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("n", n());
        s.put("d", d());
        s.put("m", m());
        return s;
    }

    /** Everything needed to recompute σ_min, σ_max, β and α* independently (reports/instances/…json). */
    public Map<String, Object> export(double alpha) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seed", seed);
        e.put("init", init.label());
        e.put("activation", activation.label());
        e.put("alpha", alpha);
        e.put("model", "f(x; W) = sum_j s_j sigma(w_j . x), scaled by alpha; risk R = 1/2 ||alpha f - y||^2");
        e.put("X", x.toArray2d());
        e.put("y", y);
        e.put("W0", w0.toArray2d());
        e.put("s", signs);
        e.put("sigmaMin", sigmaMin);
        e.put("sigmaMax", sigmaMax);
        e.put("beta", beta);
        e.put("R0", r0(alpha));
        e.put("alphaStar", alphaStar(alpha));
        return e;
    }
}
