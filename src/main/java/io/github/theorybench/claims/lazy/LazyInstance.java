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
 * labels y_i iid N(0, 1), antisymmetric init with w_j iid N(0, I_d) (so f(W₀) = 0 and R₀ = ½‖y‖² for every α), and
 * the theorem's constants: σ_min = σ_min(J₀), σ_max = ‖J₀‖₂, β = β₀·sqrt(Σ‖x_i‖⁴), α* = β·sqrt(1152 σ_max² R₀)/σ_min³.
 */
public record LazyInstance(long seed, DenseMatrix x, double[] y, DenseMatrix w0, double[] signs, Activation activation,
        TwoLayerNet net, double sigmaMin, double sigmaMax, double beta, double r0, double alphaStar) {

    public static LazyInstance build(Backend backend, long seed, int n, int d, int m, Activation act) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
        TwoLayerInit init = TwoLayerInit.antisymmetric(m, d, 1.0, rng);
        TwoLayerNet net = TwoLayerNet.withFixedSigns(backend, x, init.signs(), act);
        SymmetricEigen g0 = backend.eigSym(net.gramStructured(init.weights()));
        double sigmaMin = Math.sqrt(Math.max(0, g0.min()));
        double sigmaMax = Math.sqrt(g0.max());
        double sum4 = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += x.get(i, k) * x.get(i, k);
            }
            sum4 += s * s;
        }
        double beta = act.beta0() * Math.sqrt(sum4);                                   // LAZY-4's constant
        double[] f0 = net.predictions(init.weights());
        double r0 = 0;
        for (int i = 0; i < n; i++) {
            r0 += 0.5 * (f0[i] - y[i]) * (f0[i] - y[i]);                               // R₀ = ½‖αf(W₀) − y‖², f(W₀) = 0
        }
        double alphaStar = beta * Math.sqrt(1152 * sigmaMax * sigmaMax * r0) / Math.pow(sigmaMin, 3); // CLAIMS LAZY
        return new LazyInstance(seed, x, y, init.weights(), init.signs(), act, net, sigmaMin, sigmaMax, beta, r0,
                alphaStar);
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
        e.put("R0", r0);
        e.put("alphaStar", alphaStar);
        return e;
    }
}
