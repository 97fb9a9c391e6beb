package io.github.theorybench.model;

import io.github.theorybench.dynamics.GradientDescent;
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
 * T_L = E, T_{l−1} = W_lᵀ T_l, so ∂ℓ/∂W_l = c T_l H_{l−1}ᵀ (chain rule on the product). The Hessian-vector
 * product is the forward-mode derivative of the same recursion: δH_l = V_l H_{l−1} + W_l δH_{l−1}, δT_L = c δH_L,
 * δT_{l−1} = V_lᵀT_l + W_lᵀδT_l,
 * δ(∂ℓ/∂W_l) = c(δT_l H_{l−1}ᵀ + T_l δH_{l−1}ᵀ).
 * <p>Gradient descent runs through {@link io.github.theorybench.dynamics.GradientDescent} with {@link Descent} as the
 * problem and {@link Layers} as the iterate.
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

    /** Gradient descent on ℓ over the layers, in preallocated buffers ({@link Descent}). */
    public Descent descent() {
        return new Descent();
    }

    /** The layers as a {@link Layers} iterate (copies in the backend's storage). */
    public Layers layers(List<DenseMatrix> weights) {
        return Layers.of(b, adopt(weights));
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

    /**
     * Gradient descent on ℓ: {@link GradientDescent}'s problem, the iterate being the list of layers. It works in the
     * end-to-end form, where every product has d_L (the output dimension) rows or columns:
     * <ul>
     * <li>top-down, P_L = I and P_{l−1} = P_l W_l, so P_l = W_L⋯W_{l+1} and P_0 = W_L⋯W_1; the residual is
     * E = cP_0X − Y;</li>
     * <li>bottom-up, R_1 = XEᵀ and R_{l+1} = W_l R_l, so R_l = W_{l−1}⋯W_1XEᵀ;</li>
     * <li>∂ℓ/∂W_l = c·W_{l+1}ᵀ⋯W_Lᵀ E Xᵀ W_1ᵀ⋯W_{l−1}ᵀ = c·P_lᵀR_lᵀ, of rank ≤ d_L, kept factored.</li>
     * </ul>
     * A step reads each W_l twice (one product in each chain) and updates it with one GEMM of inner dimension d_L,
     * where the forward/backward form (H_l = W_lH_{l−1}, T_{l−1} = W_lᵀT_l, ∂ℓ/∂W_l = cT_lH_{l−1}ᵀ) costs three
     * products of inner or outer dimension n: for DLN-2's width-1024 layers (d_L = 2, n = 20) about 1.7× less time.
     * <p>Everything lives in buffers allocated once in the backend's storage (on these nets' small matrices an
     * allocation costs several times the GEMM it feeds, and off-heap buffers are freed only by a GC). The gradient
     * returned by {@link #evaluate} and {@link #residual()} are valid until the next {@code evaluate}; {@link #step}
     * writes W_l − η ∂ℓ/∂W_l onto a copy of W_l, alternating between two sets of buffers: the iterate it returns is not
     * the one it was given (which is never modified) and stays valid until the step after next. A recorder that keeps
     * an iterate copies it ({@link Layers#toDense()}).
     */
    public final class Descent implements GradientDescent.Problem<Layers> {
        private final Matrix[] p = new Matrix[depth() + 1];       // P_0..P_L (P_L = I)
        private final Matrix[] r = new Matrix[depth() + 1];       // R_1..R_L (index l)
        private final Matrix out;                                 // cP_0X
        private final Matrix e;                                   // E = cP_0X − Y
        private final Layers[] next = new Layers[2];

        private Descent() {
            int dl = dims[depth()], n = x.cols();
            p[depth()] = b.adopt(DenseMatrix.identity(dl));
            for (int l = 0; l < depth(); l++) {
                p[l] = b.zeros(dl, dims[l]);
            }
            for (int l = 1; l <= depth(); l++) {
                r[l] = b.zeros(dims[l - 1], dl);
            }
            out = b.zeros(dl, n);
            e = b.zeros(dl, n);
            for (int k = 0; k < 2; k++) {
                List<Matrix> w = new ArrayList<>();
                for (int l = 1; l <= depth(); l++) {
                    w.add(b.zeros(dims[l], dims[l - 1]));
                }
                next[k] = Layers.of(b, w);
            }
        }

        @Override
        public GradientDescent.Evaluation<Layers> evaluate(Layers layers) {
            List<Matrix> w = layers.list();
            requireShapes(w);
            copy(w.get(depth() - 1), p[depth() - 1]);                              // P_{L−1} = W_L
            for (int l = depth() - 1; l >= 1; l--) {
                b.gemm(false, false, 1.0, p[l], w.get(l - 1), 0.0, p[l - 1]);       // P_{l−1} = P_l W_l
            }
            b.gemm(false, false, c, p[0], x, 0.0, out);                             // cP_0X = cW_L⋯W_1X
            double loss = 0;
            for (int k = 0, s = e.size(); k < s; k++) {
                double res = out.getFlat(k) - y.getFlat(k);                         // E = cP_0X − Y
                e.setFlat(k, res);
                loss += 0.5 * res * res;
            }
            b.gemm(false, true, 1.0, x, e, 0.0, r[1]);                              // R_1 = XEᵀ
            for (int l = 1; l < depth(); l++) {
                b.gemm(false, false, 1.0, w.get(l - 1), r[l], 0.0, r[l + 1]);       // R_{l+1} = W_l R_l
            }
            Matrix[] left = new Matrix[depth()], right = new Matrix[depth()];
            for (int l = 1; l <= depth(); l++) {
                left[l - 1] = p[l];
                right[l - 1] = r[l];
            }
            return new GradientDescent.Evaluation<>(loss, Layers.factoredTransposed(b, c, left, right));
        }

        @Override
        public Layers step(Layers x, Layers gradient, double eta) {
            Layers out = next[next[0] == x ? 1 : 0];
            for (int l = 0; l < depth(); l++) {
                Matrix o = out.list().get(l);
                copy(x.list().get(l), o);
                gradient.addScaledTo(-eta, l, o);                                  // W_l − η ∂ℓ/∂W_l
            }
            return out;
        }

        /** The residual E = cW_L⋯W_1X − Y at the iterate last evaluated. */
        public Matrix residual() {
            return e;
        }
    }

    /** dst ← src (same shape, any storages). */
    static void copy(Matrix src, Matrix dst) {
        if (src instanceof io.github.theorybench.linalg.DirectMatrix s
                && dst instanceof io.github.theorybench.linalg.DirectMatrix d) {
            d.buffer().put(0, s.buffer(), 0, src.size());
        } else if (src instanceof DenseMatrix s && dst instanceof DenseMatrix d) {
            System.arraycopy(s.data(), 0, d.data(), 0, src.size());
        } else {
            for (int k = 0, n = src.size(); k < n; k++) {
                dst.setFlat(k, src.getFlat(k));
            }
        }
    }

    /**
     * The layers (W_1, …, W_L) of a deep linear net — the iterate of {@link Descent} — or a direction in the same
     * space. A gradient is kept factored, D_l = s·A_lᵀB_lᵀ with thin A_l, B_l (c·P_lᵀR_lᵀ has rank ≤ d_L), so a descent
     * step is one GEMM per layer; {@link #layer} forms D_l when a caller needs the matrix.
     */
    public static final class Layers {
        private final Backend b;
        private final List<Matrix> w;          // the layers, or null for a factored direction
        private final Matrix[] left;
        private final Matrix[] right;
        private final double s;

        private Layers(Backend b, List<Matrix> w, Matrix[] left, Matrix[] right, double s) {
            this.b = b;
            this.w = w;
            this.left = left;
            this.right = right;
            this.s = s;
        }

        /** The given matrices (not copied). */
        public static Layers of(Backend b, List<Matrix> layers) {
            return new Layers(b, List.copyOf(layers), null, null, Double.NaN);
        }

        /** D_l = s·left[l]ᵀ right[l]ᵀ (not copied). */
        public static Layers factoredTransposed(Backend b, double s, Matrix[] left, Matrix[] right) {
            if (left.length != right.length) {
                throw new IllegalArgumentException(left.length + " left factors, " + right.length + " right factors");
            }
            return new Layers(b, null, left, right, s);
        }

        public int depth() {
            return w != null ? w.size() : left.length;
        }

        /** The layers as matrices (a factored direction is formed, in new matrices). */
        public List<Matrix> list() {
            if (w != null) {
                return w;
            }
            List<Matrix> out = new ArrayList<>();
            for (int l = 0; l < depth(); l++) {
                out.add(layer(l));
            }
            return out;
        }

        /** Layer {@code l} (0-based): W_{l+1}. */
        public Matrix layer(int l) {
            if (w != null) {
                return w.get(l);
            }
            Matrix out = b.zeros(left[l].cols(), right[l].rows());
            b.gemm(true, true, s, left[l], right[l], 0.0, out);
            return out;
        }

        /** target ← target + α·(layer l), one GEMM when factored. */
        void addScaledTo(double alpha, int l, Matrix target) {
            if (w != null) {
                Matrix d = w.get(l);
                for (int k = 0, n = d.size(); k < n; k++) {
                    target.setFlat(k, target.getFlat(k) + alpha * d.getFlat(k));
                }
            } else {
                b.gemm(true, true, alpha * s, left[l], right[l], 1.0, target);
            }
        }

        /** Heap copies of the layers. */
        public List<DenseMatrix> toDense() {
            List<DenseMatrix> out = new ArrayList<>();
            for (int l = 0; l < depth(); l++) {
                out.add(layer(l).toDense().copy());
            }
            return out;
        }
    }
}
