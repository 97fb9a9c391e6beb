package io.github.theorybench.model;

import io.github.theorybench.linalg.DenseMatrix;
import java.util.Arrays;

/**
 * Squared loss R(θ) = ½‖f(X; θ) − y‖² of the two-layer net f(x; θ) = c Σ_j a_j σ(w_jᵀx) (CLAIMS.md LAZY model), in
 * the structured form: with P = X Wᵀ and r = f − y,
 * <pre>
 *   ∇_{w_j} R = c a_j Σ_i r_i σ′(p_ij) x_i   (the rows of Dᵀ(r ⊙ X), D = c σ′(P) diag(a)),
 *   ∇_{a_j} R = c Σ_i r_i σ(p_ij)            (Sᵀ r, S = c σ(P); only when the outer weights are trained),
 * </pre>
 * never forming the n × (md + m) Jacobian. NTK-4 trains W with fixed signs a = s (c = 1, tanh); NTK-5 trains both
 * layers (c = κ/√m, ReLU).
 * <p>Why heap loops and not the backend's GEMMs: these claims have n = 10 rows and d = 5, so each GEMM is a thin pass
 * over m neurons whose cost is memory traffic and per-call overhead (JNI, off-heap copies of W in and of P and ∇W
 * out), not flops: at m = 8 a step through {@link TwoLayerNet} on OpenBLAS took ~70 µs, almost all of it overhead.
 * The iterate keeps W transposed (d × m, {@link Params#wt}) so that the loops run over the neurons j innermost and
 * contiguous (the JIT vectorizes them), and the gradient pass recomputes P in blocks of {@value #BLOCK} neurons
 * instead of streaming an n × m array through memory twice. {@link TwoLayerNet} computes the same outputs and gradient
 * with the backend (tested equal). One instance per descent: it keeps P between calls (not thread-safe).
 */
public final class TwoLayerRegression {
    /** Neurons per block of P held at once. */
    static final int BLOCK = 256;

    /**
     * θ = (W, a) with W stored transposed: {@code wt} is d × m, row k holding the k-th input weight of every neuron
     * (w_jk = wt[k][j]); outer weights a ∈ R^m.
     */
    public record Params(DenseMatrix wt, double[] a) {
        /** θ from W in the usual m × d layout. */
        public static Params of(DenseMatrix w, double[] a) {
            if (w.rows() != a.length) {
                throw new IllegalArgumentException("Params: W is " + w.shape() + " for " + a.length + " outer weights");
            }
            return new Params(transpose(w), a.clone());
        }

        public int m() {
            return a.length;
        }

        /** W in the usual m × d layout. */
        public DenseMatrix w() {
            return transpose(wt);
        }

        /** θ − η g, as new arrays. */
        public Params minus(double eta, Params g) {
            double[] w2 = wt.data().clone(), a2 = a.clone(), gw = g.wt().data(), ga = g.a();
            for (int k = 0; k < w2.length; k++) {
                w2[k] -= eta * gw[k];
            }
            for (int j = 0; j < a2.length; j++) {
                a2[j] -= eta * ga[j];
            }
            return new Params(DenseMatrix.wrap(wt.rows(), wt.cols(), w2), a2);
        }

        /** ‖θ − θ′‖ over both layers (Frobenius on W, Euclidean on a). */
        public double distance(Params o) {
            double s = 0;
            double[] x = wt.data(), y = o.wt().data();
            for (int k = 0; k < x.length; k++) {
                s += (x[k] - y[k]) * (x[k] - y[k]);
            }
            for (int j = 0; j < a.length; j++) {
                s += (a[j] - o.a()[j]) * (a[j] - o.a()[j]);
            }
            return Math.sqrt(s);
        }
    }

    /** R(θ), the residual r = f(X; θ) − y and ∇R (in θ's layout; ∇_a R = 0 when a is not trained). */
    public record Evaluation(double loss, double[] residual, Params gradient) {
    }

    private final Activation activation;
    private final double scale;
    private final boolean trainOuter;
    private final DenseMatrix x;
    private final double[] y;
    /** P = X Wᵀ of the last evaluation, reused (one instance per descent: not thread-safe). */
    private double[][] scratch;

    /** The loss on inputs X (n × d) and labels y, activation σ, output scale c, outer weights trained or fixed. */
    public TwoLayerRegression(Activation activation, double scale, boolean trainOuter, DenseMatrix x, double[] y) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("TwoLayerRegression: " + y.length + " labels for " + x.rows()
                    + " inputs");
        }
        this.activation = activation;
        this.scale = scale;
        this.trainOuter = trainOuter;
        this.x = x.copy();
        this.y = y.clone();
    }

    public double scale() {
        return scale;
    }

    public boolean trainsOuter() {
        return trainOuter;
    }

    /** Outputs f(x_i; θ) = c Σ_j a_j σ(w_jᵀx_i) at the rows of {@code points}. */
    public double[] outputs(Params theta, DenseMatrix points) {
        int n = points.rows(), m = theta.m();
        double[] out = new double[n], p = new double[BLOCK];
        for (int from = 0; from < m; from += BLOCK) {
            int to = Math.min(m, from + BLOCK);
            for (int i = 0; i < n; i++) {
                preactivations(theta, points, i, from, to, p);
                double s = 0;
                for (int j = from; j < to; j++) {
                    s += theta.a()[j] * value(p[j - from]);
                }
                out[i] += s;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /**
     * R(θ), r and ∇R at θ: P = X Wᵀ and the outputs in one pass over the neurons (P kept, n × m), then the gradient
     * block by block ({@value #BLOCK} neurons, so the block of ∇W stays in cache over the n rows): per row one fused
     * pass for σ(p_ij) and σ′(p_ij), and d passes that accumulate ∇W.
     */
    public Evaluation evaluate(Params theta) {
        int n = x.rows(), d = x.cols(), m = theta.m();
        if (theta.wt().rows() != d || theta.wt().cols() != m) {
            throw new IllegalArgumentException("TwoLayerRegression: W^T is " + theta.wt().shape() + ", expected "
                    + d + "x" + m);
        }
        double[] a = theta.a(), xs = x.data(), r = new double[n];
        if (scratch == null || scratch[0].length != m) {
            scratch = new double[n][m];
        }
        double[][] p = scratch;                                  // P = X Wᵀ, overwritten row by row below
        double loss = 0;
        for (int i = 0; i < n; i++) {
            preactivations(theta, x, i, 0, m, p[i]);
            double f = 0;
            for (int j = 0; j < m; j++) {
                f += a[j] * value(p[i][j]);
            }
            r[i] = scale * f - y[i];
            loss += r[i] * r[i];
        }
        double[] gwt = new double[d * m], ga = new double[m], q = new double[BLOCK];
        for (int from = 0; from < m; from += BLOCK) {        // a block of ∇W stays in L1 over the n rows
            int len = Math.min(m, from + BLOCK) - from;
            for (int i = 0; i < n; i++) {
                double ri = r[i];
                double[] pi = p[i];
                for (int j = 0; j < len; j++) {
                    ga[from + j] += ri * value(pi[from + j]);        // Σ_i r_i σ(p_ij)
                    q[j] = ri * derivative(pi[from + j]);            // r_i σ′(p_ij)
                }
                for (int k = 0; k < d; k++) {
                    double xik = xs[i * d + k];
                    for (int j = 0, off = k * m + from; j < len; j++) {
                        gwt[off + j] += q[j] * xik;                  // Σ_i r_i σ′(p_ij) x_ik
                    }
                }
            }
        }
        for (int j = 0; j < m; j++) {
            double ca = scale * a[j];
            ga[j] = trainOuter ? scale * ga[j] : 0.0;
            for (int k = 0; k < d; k++) {
                gwt[k * m + j] *= ca;
            }
        }
        return new Evaluation(0.5 * loss, r, new Params(DenseMatrix.wrap(d, m, gwt), ga));
    }

    /** p[j − from] = w_jᵀ x_i for the neurons j in [from, to) (part of row i of P = X Wᵀ). */
    private static void preactivations(Params theta, DenseMatrix points, int i, int from, int to, double[] p) {
        int d = points.cols(), m = theta.m(), len = to - from;
        double[] wt = theta.wt().data(), pts = points.data();
        Arrays.fill(p, 0, len, 0.0);
        for (int k = 0; k < d; k++) {
            double xik = pts[i * d + k];
            for (int j = 0, off = k * m + from; j < len; j++) {
                p[j] += xik * wt[off + j];
            }
        }
    }

    /** σ(p); ReLU inline (the JIT folds the branch on the final field). */
    private double value(double p) {
        return activation == Activation.RELU ? Math.max(p, 0.0) : activation.value(p);
    }

    /** σ′(p). */
    private double derivative(double p) {
        return activation == Activation.RELU ? (p > 0 ? 1.0 : 0.0) : activation.derivative(p);
    }

    static DenseMatrix transpose(DenseMatrix a) {
        DenseMatrix t = DenseMatrix.zeros(a.cols(), a.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }
}
