package io.github.theorybench.model;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep linear net and its square loss (seed 003_e3d7742aedb82e06.txt, CLAIMS.md DLN):
 * ℓ(W₁, …, W_L) = ½‖c·W_L⋯W₁X − Y‖_F², W_l ∈ R^{d_l × d_{l−1}}, X ∈ R^{d_0 × n}, Y ∈ R^{d_L × n}.
 * <ul>
 * <li>Du &amp; Hu (003 eq. (1), DLN-2): c = (m^{L−1} d_out)^{−1/2}.</li>
 * <li>Wu, Wang &amp; E (003 Thm 4.3, DLN-1): R = ½‖W_L⋯W₁ − Φ‖_F² is X = I, Y = Φ, c = 1.</li>
 * <li>Kawaguchi / Baldi–Hornik (003 Thm 2.3, DLN-3): c = 1, L = 2.</li>
 * </ul>
 * Everything is GEMMs in the backend's storage. Forward: H₀ = X, H_l = W_l H_{l−1}, E = cH_L − Y. Backward:
 * T_L = E, T_{l−1} = W_lᵀ T_l, so ∂ℓ/∂W_l = c T_l H_{l−1}ᵀ (chain rule on the product). A gradient step fuses the
 * update into that last GEMM (β = 1). The Hessian-vector product is the forward-mode derivative of the same
 * recursion: δH_l = V_l H_{l−1} + W_l δH_{l−1}, δT_L = c δH_L, δT_{l−1} = V_lᵀT_l + W_lᵀδT_l,
 * δ(∂ℓ/∂W_l) = c(δT_l H_{l−1}ᵀ + T_l δH_{l−1}ᵀ).
 */
public final class DeepLinearNet {
    private final Backend b;
    private final int[] dims;
    private final double c;
    private final Matrix x;
    private final Matrix y;

    /**
     * @param dims d_0 (input), d_1, …, d_L (output)
     * @param x    d_0 × n inputs (any storage; adopted into the backend's)
     * @param y    d_L × n targets
     */
    public DeepLinearNet(Backend backend, int[] dims, double scale, DenseMatrix x, DenseMatrix y) {
        if (dims.length < 2) {
            throw new IllegalArgumentException("a deep linear net needs at least one layer, got dims of length "
                    + dims.length);
        }
        if (x.rows() != dims[0] || y.rows() != dims[dims.length - 1] || x.cols() != y.cols()) {
            throw new IllegalArgumentException("X is " + x.shape() + ", Y is " + y.shape() + ", dims d_0 = " + dims[0]
                    + ", d_L = " + dims[dims.length - 1]);
        }
        this.b = backend;
        this.dims = dims.clone();
        this.c = scale;
        this.x = backend.adopt(x);
        this.y = backend.adopt(y);
    }

    public int depth() {
        return dims.length - 1;
    }

    public int[] dims() {
        return dims.clone();
    }

    public double scale() {
        return c;
    }

    public Backend backend() {
        return b;
    }

    /** Number of trainable weights Σ_l d_l d_{l−1}. */
    public int parameterCount() {
        int p = 0;
        for (int l = 1; l < dims.length; l++) {
            p += dims[l] * dims[l - 1];
        }
        return p;
    }

    /** The layers adopted into the backend's storage (copies). */
    public List<Matrix> adopt(List<DenseMatrix> weights) {
        requireShapes(weights);
        List<Matrix> out = new ArrayList<>();
        for (DenseMatrix w : weights) {
            out.add(b.adopt(w.copy()));
        }
        return out;
    }

    private void requireShapes(List<? extends Matrix> w) {
        if (w.size() != depth()) {
            throw new IllegalArgumentException("expected " + depth() + " layers, got " + w.size());
        }
        for (int l = 1; l <= depth(); l++) {
            Matrix m = w.get(l - 1);
            if (m.rows() != dims[l] || m.cols() != dims[l - 1]) {
                throw new IllegalArgumentException("layer " + l + " is " + m.shape() + ", expected " + dims[l] + "x"
                        + dims[l - 1]);
            }
        }
    }

    /** Forward pass: H_0..H_L (H_0 = X) and the residual E = cH_L − Y. */
    public record Forward(List<Matrix> h, Matrix residual, double loss) {
    }

    public Forward forward(List<? extends Matrix> w) {
        requireShapes(w);
        List<Matrix> h = new ArrayList<>();
        h.add(x);
        for (int l = 1; l <= depth(); l++) {
            h.add(b.multiply(false, false, w.get(l - 1), h.get(l - 1)));      // H_l = W_l H_{l−1}
        }
        Matrix e = b.zeros(y.rows(), y.cols());
        double loss = 0;
        Matrix hl = h.get(depth());
        for (int k = 0, s = e.size(); k < s; k++) {
            double r = c * hl.getFlat(k) - y.getFlat(k);                     // E = cH_L − Y
            e.setFlat(k, r);
            loss += 0.5 * r * r;
        }
        return new Forward(h, e, loss);
    }

    /** T_L = E, T_{l−1} = W_lᵀ T_l; returns T_1..T_L (index l−1). */
    private List<Matrix> backward(List<? extends Matrix> w, Matrix e) {
        Matrix[] t = new Matrix[depth()];
        t[depth() - 1] = e;
        for (int l = depth(); l >= 2; l--) {
            t[l - 2] = b.multiply(true, false, w.get(l - 1), t[l - 1]);
        }
        return List.of(t);
    }

    public double loss(List<? extends Matrix> w) {
        return forward(w).loss();
    }

    /** Loss and ∂ℓ/∂W_l = c T_l H_{l−1}ᵀ for l = 1..L. */
    public record Evaluation(double loss, List<Matrix> gradients, Matrix residual) {
    }

    public Evaluation evaluate(List<? extends Matrix> w) {
        Forward f = forward(w);
        List<Matrix> t = backward(w, f.residual());
        List<Matrix> g = new ArrayList<>();
        for (int l = 1; l <= depth(); l++) {
            Matrix gl = b.zeros(dims[l], dims[l - 1]);
            b.gemm(false, true, c, t.get(l - 1), f.h().get(l - 1), 0.0, gl);
            g.add(gl);
        }
        return new Evaluation(f.loss(), g, f.residual());
    }

    /**
     * One gradient-descent step W_l ← W_l − η ∂ℓ/∂W_l (all layers from the same current point), in place. Returns the
     * forward pass at the point before the step (its loss and residual), so a loop records ℓ(t) for t = 0, 1, ….
     */
    public Forward step(List<Matrix> w, double eta) {
        Forward f = forward(w);
        List<Matrix> t = backward(w, f.residual());
        for (int l = 1; l <= depth(); l++) {
            b.gemm(false, true, -eta * c, t.get(l - 1), f.h().get(l - 1), 1.0, w.get(l - 1));
        }
        return f;
    }

    /** The Hessian-vector product ∇²ℓ(W)[V] (forward-mode derivative of the backprop recursion, class comment). */
    public List<Matrix> hessianVectorProduct(List<? extends Matrix> w, List<? extends Matrix> v) {
        requireShapes(v);
        Forward f = forward(w);
        List<Matrix> t = backward(w, f.residual());
        int depth = depth();
        Matrix[] dh = new Matrix[depth + 1];           // δH_l; δH_0 = 0 (null)
        for (int l = 1; l <= depth; l++) {
            Matrix d = b.multiply(false, false, v.get(l - 1), f.h().get(l - 1));        // V_l H_{l−1}
            if (dh[l - 1] != null) {
                b.gemm(false, false, 1.0, w.get(l - 1), dh[l - 1], 1.0, d);             // + W_l δH_{l−1}
            }
            dh[l] = d;
        }
        Matrix[] dt = new Matrix[depth];
        Matrix dtl = b.zeros(dims[depth], y.cols());
        for (int k = 0, s = dtl.size(); k < s; k++) {
            dtl.setFlat(k, c * dh[depth].getFlat(k));                                   // δT_L = c δH_L
        }
        dt[depth - 1] = dtl;
        for (int l = depth; l >= 2; l--) {
            Matrix d = b.multiply(true, false, v.get(l - 1), t.get(l - 1));             // V_lᵀ T_l
            b.gemm(true, false, 1.0, w.get(l - 1), dt[l - 1], 1.0, d);                  // + W_lᵀ δT_l
            dt[l - 2] = d;
        }
        List<Matrix> out = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            Matrix g = b.zeros(dims[l], dims[l - 1]);
            b.gemm(false, true, c, dt[l - 1], f.h().get(l - 1), 0.0, g);               // c δT_l H_{l−1}ᵀ
            if (dh[l - 1] != null) {
                b.gemm(false, true, c, t.get(l - 1), dh[l - 1], 1.0, g);               // + c T_l δH_{l−1}ᵀ
            }
            out.add(g);
        }
        return out;
    }

    /** The full Hessian (p × p, p = {@link #parameterCount()}) from p Hessian-vector products on unit vectors. */
    public DenseMatrix hessian(List<? extends Matrix> w) {
        int p = parameterCount();
        DenseMatrix hess = DenseMatrix.zeros(p, p);
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1.0;
            double[] col = flatten(hessianVectorProduct(w, unflatten(e)));
            for (int i = 0; i < p; i++) {
                hess.data()[i * p + j] = col[i];
            }
        }
        return hess;
    }

    /** Layers concatenated in order, each row-major. */
    public static double[] flatten(List<? extends Matrix> layers) {
        int p = 0;
        for (Matrix m : layers) {
            p += m.size();
        }
        double[] out = new double[p];
        int k = 0;
        for (Matrix m : layers) {
            for (int i = 0, s = m.size(); i < s; i++) {
                out[k++] = m.getFlat(i);
            }
        }
        return out;
    }

    /** The inverse of {@link #flatten}, into the backend's storage. */
    public List<Matrix> unflatten(double[] theta) {
        if (theta.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + theta.length);
        }
        List<Matrix> out = new ArrayList<>();
        int k = 0;
        for (int l = 1; l <= depth(); l++) {
            Matrix m = b.zeros(dims[l], dims[l - 1]);
            for (int i = 0, s = m.size(); i < s; i++) {
                m.setFlat(i, theta[k++]);
            }
            out.add(m);
        }
        return out;
    }

    /** The end-to-end matrix c·W_L⋯W₁ (d_L × d_0). */
    public DenseMatrix endToEnd(List<? extends Matrix> w) {
        requireShapes(w);
        Matrix p = w.get(0);
        for (int l = 2; l <= depth(); l++) {
            p = b.multiply(false, false, w.get(l - 1), p);
        }
        return p.toDense().scale(c);
    }
}
