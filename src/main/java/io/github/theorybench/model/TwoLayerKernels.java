package io.github.theorybench.model;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.DirectMatrix;
import io.github.theorybench.linalg.ElementwiseKernels;
import io.github.theorybench.linalg.Matrix;
import java.nio.DoubleBuffer;

/**
 * The hot loops of the two-layer net f(x; W) = c Σ_j a_j σ(w_jᵀx) (CLAIMS.md, LAZY model), on matrices in one
 * backend's storage, writing into caller-owned outputs (no allocation in the loop). Notation: X ∈ R^{n×d},
 * W ∈ R^{m×d}, P = X Wᵀ ∈ R^{n×m}, D = c·a ⊙ σ′(P) (column j scaled by c·a_j), S = c·a ⊙ σ(P).
 * Jacobian row i = [D_ij x_iᵀ]_{j=1..m} ∈ R^{md} (CLAIMS.md LAZY: row i = [s_j σ′(w_jᵀx_i) x_iᵀ]_j).
 */
public final class TwoLayerKernels {
    private TwoLayerKernels() {
    }

    /** P = X Wᵀ (one GEMM, transpose by flag). */
    public static void preactivations(Backend b, Matrix x, Matrix w, Matrix p) {
        b.gemm(false, true, 1.0, x, w, 0.0, p);
    }

    /** D = c·a ⊙ σ′(P): the structured substitute for the Jacobian. */
    public static void structuredFactor(Activation act, Matrix p, double[] scaledOuter, Matrix d) {
        ActivationKernels.apply(act, true, p, scaledOuter, d);
    }

    /** J[i, j·d + k] = D_ij · X_ik: the explicit Jacobian ∂f(x_i)/∂W_jk, n × md. */
    public static void jacobian(Matrix dFactor, Matrix x, Matrix j) {
        int n = x.rows(), d = x.cols(), m = dFactor.cols();
        if (dFactor.rows() != n || j.rows() != n || j.cols() != m * d) {
            throw new IllegalArgumentException("jacobian: D " + dFactor.shape() + ", X " + x.shape() + ", J "
                    + j.shape() + ": need D n x m, X n x d, J n x md");
        }
        double[] dRow = new double[m], xRow = new double[d], jRow = new double[m * d];
        for (int i = 0; i < n; i++) {
            readRow(dFactor, i, dRow);
            readRow(x, i, xRow);
            for (int jj = 0; jj < m; jj++) {
                double s = dRow[jj];
                int off = jj * d;
                for (int k = 0; k < d; k++) {
                    jRow[off + k] = s * xRow[k];
                }
            }
            writeRow(j, i, jRow);
        }
    }

    /** Gram J Jᵀ from the materialized Jacobian (one SYRK). */
    public static void gramExplicit(Backend b, Matrix j, Matrix gram) {
        b.syrk(false, 1.0, j, 0.0, gram);
    }

    /**
     * Gram = (D Dᵀ) ⊙ (X Xᵀ): (J Jᵀ)_{ii'} = Σ_j D_ij D_i'j x_iᵀx_i' (CLAIMS.md LAZY, the structured form).
     * {@code xxt} is X Xᵀ, fixed for a data set and computed once by the caller.
     */
    public static void gramStructured(Backend b, Matrix dFactor, Matrix xxt, Matrix gram) {
        // SYRK's lower triangle (half a GEMM's flops), then ⊙ X Xᵀ and the mirror in one tiled pass (issue 20)
        b.syrkLower(false, 1.0, dFactor, 0.0, gram);
        ElementwiseKernels.symmetricHadamardFromLower(gram, xxt, gram);
    }

    /** Jᵀ r from the materialized Jacobian (one GEMV), as an md × 1 vector in W's row-major order. */
    public static void gradientExplicit(Backend b, Matrix j, Matrix r, Matrix g) {
        b.gemv(true, 1.0, j, r, 0.0, g);
    }

    /**
     * Jᵀ r reshaped m × d: (Jᵀr)_{jk} = Σ_i r_i D_ij X_ik (CLAIMS.md LAZY Jacobian rows), i.e. (D ⊙ r)ᵀ X = Dᵀ (r ⊙ X).
     * The row scaling by r is applied to X (n × d) in {@code scratch}, not to D (n × m, m ≫ d), then one GEMM with
     * the transpose by flag.
     */
    public static void gradientStructured(Backend b, Matrix dFactor, double[] r, Matrix x, Matrix scratch,
            Matrix g) {
        if (r.length != x.rows()) {
            throw new IllegalArgumentException("gradient: r has " + r.length + " entries for X " + x.shape());
        }
        ElementwiseKernels.scaledRowsCopy(x, r, scratch);   // r ⊙ X in one pass (was a copy, then a scaling pass)
        b.gemm(true, false, 1.0, dFactor, scratch, 0.0, g);
    }

    /**
     * Jacobian-vector product J V for a first-layer direction V ∈ R^{m×d}, structured (LAZY-9):
     * (J V)_i = Σ_j D_ij v_jᵀx_i = ((X Vᵀ) ⊙ D) 1 — one GEMM for all n points, a Hadamard product, one GEMV with
     * the ones vector; no n × md Jacobian. {@code scratch} is n × m, {@code ones} m × 1 of ones, {@code out} n × 1.
     */
    public static void jvpStructured(Backend b, Matrix dFactor, Matrix x, Matrix v, Matrix scratch, Matrix ones,
            Matrix out) {
        b.gemm(false, true, 1.0, x, v, 0.0, scratch);
        b.hadamard(scratch, dFactor, scratch);
        b.gemv(false, 1.0, scratch, ones, 0.0, out);
    }

    static void copy(Matrix from, Matrix to) {
        if (from.rows() != to.rows() || from.cols() != to.cols()) {
            throw new IllegalArgumentException("copy: " + from.shape() + " into " + to.shape());
        }
        if (from instanceof DenseMatrix f && to instanceof DenseMatrix t) {
            System.arraycopy(f.data(), 0, t.data(), 0, f.size());
        } else if (from instanceof DirectMatrix f && to instanceof DirectMatrix t) {
            DoubleBuffer dst = t.buffer().duplicate();
            dst.put(f.buffer().duplicate().limit(f.size()));
        } else {
            for (int k = 0, n = from.size(); k < n; k++) {
                to.setFlat(k, from.getFlat(k));
            }
        }
    }

    static void readRow(Matrix m, int i, double[] out) {
        int c = m.cols();
        if (m instanceof DenseMatrix h) {
            System.arraycopy(h.data(), i * c, out, 0, c);
        } else {
            ((DirectMatrix) m).buffer().get(i * c, out, 0, c);
        }
    }

    static void writeRow(Matrix m, int i, double[] row) {
        int c = m.cols();
        if (m instanceof DenseMatrix h) {
            System.arraycopy(row, 0, h.data(), i * c, c);
        } else {
            ((DirectMatrix) m).buffer().put(i * c, row, 0, c);
        }
    }
}
