package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.DirectMatrix;
import io.github.theorybench.linalg.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * Outputs aᵀReLU(s·Wx + b) of many heads a on a large point set (DLS: 10⁴ test points × m = 2000 units), a block of
 * points at a time so that the feature matrix never exists whole. Per block one GEMM forms the pre-activations
 * transposed, Pᵀ = W X_blkᵀ (m × rows, transpose by flag); then, for each {@link Variant} (a scale s and biases b
 * sharing that W), unit by unit: the ReLU of one row of s·Pᵀ + b_j, added with weight a_hj into each head's outputs.
 * The loops over the block's points have no reduction, so the JIT vectorizes them; every output is summed over units
 * j in ascending order, the same order on every run.
 *
 * <p>Variants exist because Algorithm 1 with two η₁ rules gives first layers that differ only by a factor
 * (W₁ = −η₁∇_W L), so both share the GEMM.
 */
public final class BlockPredictor {
    /** Points per block: Pᵀ is m × 128 (2 MB at m = 2000), which stays in cache between the GEMM and the loops. */
    public static final int BLOCK_ROWS = 128;

    private BlockPredictor() {
    }

    /**
     * One first layer sharing W: features ReLU(scale·XWᵀ + 1bᵀ) and the heads (rows of {@code heads}, each of
     * length m) evaluated on them.
     */
    public record Variant(double scale, double[] biases, DenseMatrix heads) {
    }

    /**
     * out[v][h][i] = Σ_j heads_v[h][j]·ReLU(scale_v·w_jᵀx_i + b_v[j]) for every point x_i (row of {@code x}).
     */
    public static double[][][] predict(Backend b, DenseMatrix x, DenseMatrix w, List<Variant> variants) {
        int n = x.rows(), m = w.rows(), d = x.cols();
        if (w.cols() != d) {
            throw new IllegalArgumentException("predict: W " + w.shape() + " for inputs " + x.shape());
        }
        double[][][] out = new double[variants.size()][][];
        for (int v = 0; v < variants.size(); v++) {
            Variant var = variants.get(v);
            if (var.biases().length != m || var.heads().cols() != m) {
                throw new IllegalArgumentException("predict: variant " + v + " has " + var.biases().length
                        + " biases and heads " + var.heads().shape() + " for width " + m);
            }
            out[v] = new double[var.heads().rows()][n];
        }
        Matrix wb = b.adopt(w);
        int full = Math.min(BLOCK_ROWS, n);
        Matrix pre = b.zeros(m, full);
        double[] heap = pre instanceof DenseMatrix h ? h.data() : new double[m * full];
        for (int r0 = 0; r0 < n; r0 += BLOCK_ROWS) {
            int rows = Math.min(BLOCK_ROWS, n - r0);
            Matrix p = rows == full ? pre : b.zeros(m, rows);
            DenseMatrix xb = DenseMatrix.wrap(rows, d, Arrays.copyOfRange(x.data(), r0 * d, (r0 + rows) * d));
            b.gemm(false, true, 1.0, wb, b.adopt(xb), 0.0, p);                    // Pᵀ = W X_blkᵀ
            double[] pt = p instanceof DenseMatrix h ? h.data() : heap;
            if (p instanceof DirectMatrix dm) {
                dm.buffer().get(0, pt, 0, m * rows);
            }
            for (int v = 0; v < variants.size(); v++) {
                accumulate(pt, m, rows, variants.get(v), out[v], r0);
            }
        }
        return out;
    }

    /** out[h][r0 + i] = Σ_j a_hj·max(s·Pᵀ_ji + b_j, 0), units in ascending order. */
    static void accumulate(double[] pt, int m, int rows, Variant var, double[][] out, int r0) {
        int heads = var.heads().rows();
        double s = var.scale();
        double[] bias = var.biases(), a = var.heads().data(), relu = new double[rows];
        double[][] acc = new double[heads][rows];
        for (int j = 0; j < m; j++) {
            int off = j * rows;
            double bj = bias[j];
            for (int i = 0; i < rows; i++) {
                relu[i] = Math.max(s * pt[off + i] + bj, 0.0);
            }
            for (int h = 0; h < heads; h++) {
                double ahj = a[h * m + j];
                double[] ah = acc[h];
                for (int i = 0; i < rows; i++) {
                    ah[i] += ahj * relu[i];
                }
            }
        }
        for (int h = 0; h < heads; h++) {
            System.arraycopy(acc[h], 0, out[h], r0, rows);
        }
    }
}
