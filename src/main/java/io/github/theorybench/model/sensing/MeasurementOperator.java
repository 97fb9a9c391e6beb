package io.github.theorybench.model.sensing;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * Gaussian measurement operator of low-rank matrix sensing (002; CLAIMS.md BAL/PWR): 𝒜(M)_i = ⟨A_i, M⟩/sqrt(n) and its
 * adjoint 𝒜*(e) = Σ_i e_i A_i / sqrt(n). The A_i are stored stacked as the rows of 𝔸 ∈ R^{n × d₁d₂} (row-major
 * vec), so 𝒜 is one GEMV/GEMM with 𝔸 and 𝒜* one with 𝔸ᵀ (transpose flag) — no per-measurement loop.
 * Asymmetric: A_i entries iid N(0, 1). Symmetric: A_i = (G_i + G_iᵀ)/2 with G_i iid N(0, 1) entries, so that
 * E[⟨A, M⟩ A] = M for symmetric M.
 */
public final class MeasurementOperator {
    private final Backend backend;
    private final Matrix stacked;
    private final int n;
    private final int rows;
    private final int cols;

    private MeasurementOperator(Backend backend, DenseMatrix stacked, int rows, int cols) {
        this.backend = backend;
        this.stacked = backend.adopt(stacked);
        this.n = stacked.rows();
        this.rows = rows;
        this.cols = cols;
    }

    public static MeasurementOperator gaussian(Backend backend, int n, int d1, int d2, RandomGenerator rng) {
        return new MeasurementOperator(backend, RandomMatrices.gaussian(n, d1 * d2, 1.0, rng), d1, d2);
    }

    public static MeasurementOperator symmetricGaussian(Backend backend, int n, int d, RandomGenerator rng) {
        DenseMatrix a = RandomMatrices.gaussian(n, d * d, 1.0, rng);
        double[] x = a.data();
        for (int i = 0; i < n; i++) {
            int off = i * d * d;
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < p; q++) {
                    double s = 0.5 * (x[off + p * d + q] + x[off + q * d + p]);
                    x[off + p * d + q] = s;
                    x[off + q * d + p] = s;
                }
            }
        }
        return new MeasurementOperator(backend, a, d, d);
    }

    public int measurements() {
        return n;
    }

    public Backend backend() {
        return backend;
    }

    /** 𝒜(M) = 𝔸 vec(M)/sqrt(n). */
    public double[] apply(DenseMatrix m) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException("measurement operator on " + rows + "x" + cols + " matrices, got "
                    + m.shape());
        }
        Matrix out = backend.zeros(n, 1);
        backend.gemv(false, 1.0 / Math.sqrt(n), stacked, backend.adopt(m.reshape(rows * cols, 1)), 0.0, out);
        return out.toDense().data().clone();
    }

    /** 𝒜*(e) = reshape(𝔸ᵀ e)/sqrt(n), a d₁ × d₂ matrix. */
    public DenseMatrix adjoint(double[] e) {
        if (e.length != n) {
            throw new IllegalArgumentException("adjoint needs " + n + " residuals, got " + e.length);
        }
        Matrix out = backend.zeros(rows * cols, 1);
        backend.gemv(true, 1.0 / Math.sqrt(n), stacked, backend.adopt(DenseMatrix.columnVector(e)), 0.0, out);
        return DenseMatrix.wrap(rows, cols, out.toDense().data().clone());
    }

    /**
     * 𝒜 on K matrices at once: row k of {@code rows} (K × d₁d₂) is vec(M_k); returns the K × n matrix (row-major)
     * whose row k is 𝒜(M_k) = 𝔸 vec(M_k)/√n — one GEMM rows·𝔸ᵀ/√n, the transpose a flag.
     */
    public double[] applyRows(DenseMatrix rows) {
        if (rows.cols() != this.rows * cols) {
            throw new IllegalArgumentException("applyRows needs rows of length " + this.rows * cols + ", got "
                    + rows.shape());
        }
        Matrix out = backend.zeros(rows.rows(), n);
        backend.gemm(false, true, 1.0 / Math.sqrt(n), backend.adopt(rows), stacked, 0.0, out);
        return out.toDense().data();
    }

    /**
     * 𝒜* on K residual vectors at once: row k of {@code e} (K × n) is e_k; returns the K × d₁d₂ matrix (row-major)
     * whose row k is vec(𝒜*(e_k)) = 𝔸ᵀe_k/√n — one GEMM e·𝔸/√n.
     */
    public double[] adjointRows(DenseMatrix e) {
        if (e.cols() != n) {
            throw new IllegalArgumentException("adjointRows needs rows of " + n + " residuals, got " + e.shape());
        }
        Matrix out = backend.zeros(e.rows(), rows * cols);
        backend.gemm(false, false, 1.0 / Math.sqrt(n), backend.adopt(e), stacked, 0.0, out);
        return out.toDense().data();
    }

    /**
     * 𝒜*𝒜 on K matrices in one pass over 𝔸: row k of {@code rows} (K × d₁d₂) is vec(M_k); returns the K × d₁d₂
     * matrix (row-major) whose row k is vec(𝒜*𝒜(M_k)) = 𝔸ᵀ𝔸 vec(M_k)/n, and sets {@code squares[k]} = ‖𝒜(M_k)‖².
     * 𝔸 is taken in blocks of rows small enough to stay in cache between the block's two GEMMs (E_b = rows·𝔸_bᵀ/√n,
     * then G += E_b·𝔸_b/√n), so memory sees 𝔸 once per call rather than twice — what bounds a descent step when K is
     * small and 𝔸 (PWR-5: up to 1200 × 1600, 15 MB) does not fit in cache.
     */
    public double[] normalRows(DenseMatrix rows, double[] squares) {
        if (rows.cols() != this.rows * cols || squares.length != rows.rows()) {
            throw new IllegalArgumentException("normalRows needs K rows of length " + this.rows * cols + " and K "
                    + "squares, got " + rows.shape() + " and " + squares.length);
        }
        int k = rows.rows();
        double scale = 1.0 / Math.sqrt(n);
        Matrix in = backend.adopt(rows);
        Matrix out = backend.zeros(k, this.rows * cols);
        java.util.Arrays.fill(squares, 0.0);
        for (Matrix block : blocks()) {
            Matrix e = backend.zeros(k, block.rows());
            backend.gemm(false, true, scale, in, block, 0.0, e);              // E_b = rows 𝔸_bᵀ/√n
            double[] ed = e.toDense().data();
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < block.rows(); i++) {
                    s += ed[j * block.rows() + i] * ed[j * block.rows() + i];
                }
                squares[j] += s;
            }
            backend.gemm(false, false, scale, e, block, 1.0, out);            // G += E_b 𝔸_b/√n
        }
        return out.toDense().data();
    }

    /** About this many bytes of 𝔸 per block of {@link #normalRows} (fits a core's L2 cache on this machine kind). */
    static final int BLOCK_BYTES = 512 * 1024;

    private java.util.List<Matrix> blocks;

    /** 𝔸 as consecutive row blocks, each its own matrix in the backend's storage (built once). */
    private java.util.List<Matrix> blocks() {
        if (blocks == null) {
            int len = rows * cols;
            int per = Math.max(1, Math.min(n, BLOCK_BYTES / (8 * len)));
            DenseMatrix all = stacked.toDense();
            java.util.List<Matrix> out = new java.util.ArrayList<>();
            for (int from = 0; from < n; from += per) {
                int to = Math.min(n, from + per);
                double[] part = new double[(to - from) * len];
                System.arraycopy(all.data(), from * len, part, 0, part.length);
                out.add(backend.adopt(DenseMatrix.wrap(to - from, len, part)));
            }
            blocks = out;
        }
        return blocks;
    }

    /** The Gram matrix H = 𝔸ᵀ𝔸/n (d₁d₂ × d₁d₂, one SYRK), so that 𝒜*𝒜(M) = reshape(H vec(M)). */
    public Matrix gram() {
        Matrix h = backend.zeros(rows * cols, rows * cols);
        backend.syrk(true, 1.0 / n, stacked, 0.0, h);
        return h;
    }
}
