package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.linalg.Matrix;
import java.util.Arrays;

/**
 * The infinite-width NTK of 004's net f = aᵀReLU(Wx + b) (parameters a, W, b, one learning rate) at Algorithm 1's
 * initialization w ~ N(0, v I_d), b = 0, a = ±1 — the DLS-2 kernel baseline (CLAIMS.md DLS-2; the same closed form
 * as {@code ReluKernels.ntkWithBias}): with θ = angle(x, x'),
 * <pre>
 *   K(x, x') = (xᵀx' + 1)(π − θ)/(2π) + v‖x‖‖x'‖(sin θ + (π − θ) cos θ)/(2π)
 * </pre>
 * (∂f/∂a gives v·NNGP, ∂f/∂w gives xᵀx'·E[σ′σ′], ∂f/∂b gives E[σ′σ′] = (π − θ)/(2π)). cos θ is the clamped
 * xᵀx'/(‖x‖‖x'‖) itself and sin θ = √(1 − cos²θ); the one transcendental per entry is {@link ArcCos#acos}. The inner
 * products come from one GEMM; test-set predictions are formed a block of rows at a time.
 */
public final class BiasedReluNtk {
    private static final double TWO_PI = 2 * Math.PI;
    private final Backend backend;
    private final double weightVariance;

    public BiasedReluNtk(Backend backend, double weightVariance) {
        this.backend = backend;
        this.weightVariance = weightVariance;
    }

    /** K(x, x') from xᵀx', ‖x‖ and ‖x'‖; 0 when either point is 0 (σ(0) = σ′(0) = 0). */
    public static double value(double dot, double nx, double ny, double v) {
        if (nx == 0 || ny == 0) {
            return 0;
        }
        double c = Math.max(-1.0, Math.min(1.0, dot / (nx * ny)));
        double t = ArcCos.acos(c), rest = Math.PI - t;
        return (dot + 1.0) * rest / TWO_PI + v * nx * ny * (Math.sqrt(1.0 - c * c) + rest * c) / TWO_PI;
    }

    /** K_ij = K(a_i, b_j) between the rows of A (p × d) and B (q × d), heap storage. */
    public DenseMatrix matrix(DenseMatrix a, DenseMatrix b) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("kernel matrix: rows of A " + a.shape() + " and B " + b.shape()
                    + " differ in dimension");
        }
        DenseMatrix k = backend.multiply(false, true, backend.adopt(a), backend.adopt(b)).toDense();
        apply(k, ReluKernels.rowNorms(a), ReluKernels.rowNorms(b));
        return k;
    }

    private void apply(DenseMatrix k, double[] na, double[] nb) {
        double[] out = k.data();
        int q = k.cols();
        for (int i = 0; i < k.rows(); i++) {
            for (int j = 0, off = i * q; j < q; j++) {
                out[off + j] = value(out[off + j], na[i], nb[j], weightVariance);
            }
        }
    }

    /**
     * out[h][i] = Σ_j K(test_i, train_j)·coefficients[h][j] for every test point, blocks of
     * {@link BlockPredictor#BLOCK_ROWS} rows (K(test, train) never exists whole).
     */
    public double[][] predict(DenseMatrix test, DenseMatrix train, DenseMatrix coefficients) {
        int n = test.rows(), d = test.cols(), h = coefficients.rows();
        if (coefficients.cols() != train.rows()) {
            throw new IllegalArgumentException("kernel predict: coefficients " + coefficients.shape() + " for "
                    + train.rows() + " training points");
        }
        double[] nb = ReluKernels.rowNorms(train);
        Matrix trainB = backend.adopt(train), coef = backend.adopt(coefficients);
        double[][] out = new double[h][n];
        for (int r0 = 0; r0 < n; r0 += BlockPredictor.BLOCK_ROWS) {
            int rows = Math.min(BlockPredictor.BLOCK_ROWS, n - r0);
            DenseMatrix xb = DenseMatrix.wrap(rows, d, Arrays.copyOfRange(test.data(), r0 * d, (r0 + rows) * d));
            DenseMatrix k = backend.multiply(false, true, backend.adopt(xb), trainB).toDense();
            apply(k, ReluKernels.rowNorms(xb), nb);
            DenseMatrix f = backend.multiply(false, true, backend.adopt(k), coef).toDense();
            for (int c = 0; c < h; c++) {
                for (int i = 0; i < rows; i++) {
                    out[c][r0 + i] = f.get(i, c);
                }
            }
        }
        return out;
    }
}
