package io.github.theorybench.model;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import org.hipparchus.random.RandomGenerator;

/**
 * Deep ReLU net with L hidden layers of width m in the parametrization of CLAIMS.md NTK-3 (Arora et al. 2019, cited in
 * seed 003_e3d7742aedb82e06.txt), all weights N(0,1), no bias:
 * <pre>
 *   F₁ = W₁ x (unscaled; W₁ ∈ R^{m×d}),   G_l = sqrt(c_σ/m) σ(F_l),   F_l = W_l G_{l−1} (l = 2..L; W_l ∈ R^{m×m}),
 *   f(x) = v G_L  (v = W_{L+1} ∈ R^{1×m}),   c_σ = 2.
 * </pre>
 * Every layer's weights are trained. With B_l = ∂f/∂F_l (backprop: B_{L+1} = 1, B_l = sqrt(c_σ/m) σ′(F_l) ⊙
 * (B_{l+1} W_{l+1})) and G₀ = x, ∂f/∂W_l = B_l G_{l−1}ᵀ, so the empirical NTK is
 * Θ_m = Σ_{l=1..L+1} (B_l B_lᵀ) ⊙ (G_{l−1} G_{l−1}ᵀ) (structured form) or J Jᵀ with J materialised (explicit form).
 * Rows of the n×· matrices below are the n inputs. Parameter vector: W₁, …, W_L, v, each row-major.
 */
public final class DeepReluNet {
    private final Backend backend;
    private final DenseMatrix[] weights; // W₁ … W_L, then v (1×m)
    private final int d;
    private final int m;
    private final int hidden;
    private final boolean widthScaled;
    /** The weights in the backend's storage, adopted once and shared with {@link #withoutWidthScaling()}. */
    private final Matrix[] adopted;

    public DeepReluNet(Backend backend, DenseMatrix[] weights) {
        this(backend, weights, true);
    }

    /**
     * With {@code widthScaled = false} every sqrt(c_σ/m) becomes sqrt(c_σ): the width normalization the NTK limit
     * relies on removed (NTK-3's control). ReLU is positively homogeneous, so then G_l and f grow by m^{l/2} and
     * m^{L/2}, every layer's term of Θ_m by m^L: Θ_m(unscaled) = m^L Θ_m exactly.
     */
    public DeepReluNet(Backend backend, DenseMatrix[] weights, boolean widthScaled) {
        this(backend, weights, widthScaled, new Matrix[weights.length]);
    }

    private DeepReluNet(Backend backend, DenseMatrix[] weights, boolean widthScaled, Matrix[] adopted) {
        this.adopted = adopted;
        this.widthScaled = widthScaled;
        this.backend = backend;
        this.weights = weights.clone();
        this.hidden = weights.length - 1;
        this.m = weights[0].rows();
        this.d = weights[0].cols();
        if (hidden < 1) {
            throw new IllegalArgumentException("DeepReluNet: need at least one hidden layer");
        }
        for (int l = 1; l < hidden; l++) {
            if (weights[l].rows() != m || weights[l].cols() != m) {
                throw new IllegalArgumentException("DeepReluNet: W_" + (l + 1) + " must be " + m + "x" + m
                        + ", got " + weights[l].shape());
            }
        }
        if (weights[hidden].rows() != 1 || weights[hidden].cols() != m) {
            throw new IllegalArgumentException("DeepReluNet: output weights must be 1x" + m);
        }
    }

    /** Weights iid N(0,1) from {@code rng}: W₁ (m×d), W₂..W_L (m×m), v (1×m), in that order. */
    public static DeepReluNet gaussian(Backend backend, int d, int width, int hiddenLayers, RandomGenerator rng) {
        DenseMatrix[] w = new DenseMatrix[hiddenLayers + 1];
        w[0] = RandomMatrices.gaussian(width, d, 1.0, rng);
        for (int l = 1; l < hiddenLayers; l++) {
            w[l] = RandomMatrices.gaussian(width, width, 1.0, rng);
        }
        w[hiddenLayers] = RandomMatrices.gaussian(1, width, 1.0, rng);
        return new DeepReluNet(backend, w);
    }

    /** The same weights without the width normalization (see the constructor). */
    public DeepReluNet withoutWidthScaling() {
        return new DeepReluNet(backend, weights, false, adopted);
    }

    public boolean widthScaled() {
        return widthScaled;
    }

    public int hiddenLayers() {
        return hidden;
    }

    public int width() {
        return m;
    }

    public int parameterCount() {
        int p = 0;
        for (DenseMatrix w : weights) {
            p += w.size();
        }
        return p;
    }

    /** Copy of the weights with parameter k (in the order of the parameter vector) shifted by h. */
    public DeepReluNet perturbed(int k, double h) {
        DenseMatrix[] w = new DenseMatrix[weights.length];
        int off = 0;
        for (int l = 0; l < weights.length; l++) {
            w[l] = weights[l].copy();
            if (k >= off && k < off + w[l].size()) {
                w[l].setFlat(k - off, w[l].getFlat(k - off) + h);
            }
            off += weights[l].size();
        }
        return new DeepReluNet(backend, w, widthScaled);
    }

    /** Weight matrix {@code k} (W_{k+1}, or v for k = L) in the backend's storage, adopted on first use. */
    private Matrix weight(int k) {
        if (adopted[k] == null) {
            adopted[k] = backend.adopt(weights[k]);
        }
        return adopted[k];
    }

    /** Forward and backward pass on the rows of X: G₀..G_L and B₁..B_{L+1}. */
    public Pass pass(DenseMatrix x) {
        int n = x.rows();
        double scale = Math.sqrt(DeepReluKernels.C_SIGMA / (widthScaled ? m : 1));
        DenseMatrix[] g = new DenseMatrix[hidden + 1];
        DenseMatrix[] mask = new DenseMatrix[hidden + 1];
        g[0] = x;
        for (int l = 1; l <= hidden; l++) {
            DenseMatrix f = backend.multiply(false, true, backend.adopt(g[l - 1]), weight(l - 1))
                    .toDense(); // F_l = G_{l−1} W_lᵀ (n×m)
            DenseMatrix gl = DenseMatrix.zeros(n, m);
            DenseMatrix dl = DenseMatrix.zeros(n, m);
            double[] fa = f.data(), ga = gl.data(), da = dl.data();
            for (int k = 0; k < fa.length; k++) {
                boolean on = fa[k] > 0;
                ga[k] = on ? scale * fa[k] : 0.0;
                da[k] = on ? scale : 0.0; // sqrt(c_σ/m) σ′(F_l)
            }
            g[l] = gl;
            mask[l] = dl;
        }
        double[] out = backend.multiply(false, true, backend.adopt(g[hidden]), weight(hidden))
                .toDense().data().clone();
        DenseMatrix[] b = new DenseMatrix[hidden + 2];
        DenseMatrix ones = DenseMatrix.zeros(n, 1);
        java.util.Arrays.fill(ones.data(), 1.0);
        b[hidden + 1] = ones;
        for (int l = hidden; l >= 1; l--) {
            DenseMatrix back = backend.multiply(false, false, backend.adopt(b[l + 1]), weight(l))
                    .toDense(); // B_{l+1} W_{l+1} (n×m)
            double[] ba = back.data(), da = mask[l].data();
            for (int k = 0; k < ba.length; k++) {
                ba[k] *= da[k];
            }
            b[l] = back;
        }
        return new Pass(out, g, b);
    }

    /** Outputs f(x_i). */
    public double[] predictions(DenseMatrix x) {
        return pass(x).outputs();
    }

    /** Θ_m = Σ_l (B_l B_lᵀ) ⊙ (G_{l−1} G_{l−1}ᵀ), n×n (no Jacobian materialised). */
    public DenseMatrix gramStructured(DenseMatrix x) {
        Pass p = pass(x);
        int n = x.rows();
        DenseMatrix theta = DenseMatrix.zeros(n, n);
        for (int l = 1; l <= hidden + 1; l++) {
            DenseMatrix gg = backend.gram(false, backend.adopt(p.g()[l - 1])).toDense();
            DenseMatrix bb = backend.gram(false, backend.adopt(p.b()[l])).toDense();
            double[] t = theta.data(), ga = gg.data(), ba = bb.data();
            for (int k = 0; k < t.length; k++) {
                t[k] += ga[k] * ba[k];
            }
        }
        return theta;
    }

    /** The explicit Jacobian ∂f(x_i)/∂θ, n × P, row i = [vec(B_l[i] ⊗ G_{l−1}[i])]_{l=1..L+1} (backprop). */
    public DenseMatrix jacobianExplicit(DenseMatrix x) {
        Pass p = pass(x);
        int n = x.rows(), total = parameterCount();
        DenseMatrix j = DenseMatrix.zeros(n, total);
        for (int i = 0; i < n; i++) {
            int off = 0;
            for (int l = 1; l <= hidden + 1; l++) {
                double[] bi = p.b()[l].row(i), gi = p.g()[l - 1].row(i);
                for (int a = 0; a < bi.length; a++) {
                    for (int c = 0; c < gi.length; c++) {
                        j.set(i, off + a * gi.length + c, bi[a] * gi[c]);
                    }
                }
                off += bi.length * gi.length;
            }
        }
        return j;
    }

    /** J Jᵀ from the materialised Jacobian. */
    public DenseMatrix gramExplicit(DenseMatrix x) {
        return backend.gram(false, backend.adopt(jacobianExplicit(x))).toDense();
    }

    /** Activations G₀..G_L (G₀ = X), backprop factors B₁..B_{L+1} (index 0 unused), outputs. */
    public record Pass(double[] outputs, DenseMatrix[] g, DenseMatrix[] b) {
    }
}
