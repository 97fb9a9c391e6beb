package io.github.theorybench.claims.dln;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded DLN-4 instance (CLAIMS.md DLN-4; 003 Theorem 2.3 (iv), Kawaguchi): the regression of
 * {@link BaldiHornikInstance} (X, Y drawn first, with the same draws as {@code BaldiHornikInstance.build(seed, …)}),
 * a deep linear net Ȳ = W_{H+1}W_H⋯W_1X with H hidden layers of width k (so p = min_l d_l = k), and H random k×k
 * rotations R_1..R_H (Gaussian matrices orthonormalized by Gram–Schmidt, drawn after X and Y).
 * <p>The critical point of an index set I splits the depth-2 Baldi–Hornik point U_I·(U_IᵀΦ̂) across the layers,
 * balanced and rotated: with M = U_IᵀΦ̂ and s = ‖M‖₂^{1/(H+1)},
 * W_1 = R_1M/s^H, W_l = s·R_lR_{l−1}ᵀ (l = 2..H), W_{H+1} = s·U_IR_Hᵀ, so W_{H+1}⋯W_1 = U_IU_IᵀΦ̂. Every gradient
 * c·(W_{H+1}⋯W_{l+1})ᵀ(P − Φ̂)XXᵀ(W_{l−1}⋯W_1)ᵀ vanishes because U_Iᵀ(U_IU_Iᵀ − I) = 0, and W_H⋯W_2 = s^{H−1}R_HR_1ᵀ
 * has rank k = p: the rank condition of (iv) holds. W = 0 is a critical point too (every gradient is a product with
 * a zero layer), not a minimum, with rank(W_H⋯W_2) = 0 &lt; p.
 */
public record DeepSaddleInstance(long seed, BaldiHornikInstance data, int hidden, int width,
        List<DenseMatrix> rotations) {

    public static DeepSaddleInstance build(long seed, int dx, int dy, int n, int hidden, int width) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(dx, n, 1 / Math.sqrt(n), rng);
        DenseMatrix y = RandomMatrices.gaussian(dy, n, 1 / Math.sqrt(n), rng);
        List<DenseMatrix> rotations = new ArrayList<>();
        for (int l = 0; l < hidden; l++) {
            rotations.add(orthonormalize(RandomMatrices.gaussian(width, width, 1.0, rng)));
        }
        return new DeepSaddleInstance(seed, new BaldiHornikInstance(seed, x, y), hidden, width, rotations);
    }

    /** Modified Gram–Schmidt on the columns (a square Gaussian matrix has full rank almost surely). */
    static DenseMatrix orthonormalize(DenseMatrix a) {
        int k = a.rows();
        DenseMatrix q = a.copy();
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < j; i++) {
                double dot = 0;
                for (int r = 0; r < k; r++) {
                    dot += q.get(r, i) * q.get(r, j);
                }
                for (int r = 0; r < k; r++) {
                    q.set(r, j, q.get(r, j) - dot * q.get(r, i));
                }
            }
            double norm = 0;
            for (int r = 0; r < k; r++) {
                norm += q.get(r, j) * q.get(r, j);
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < k; r++) {
                q.set(r, j, q.get(r, j) / norm);
            }
        }
        return q;
    }

    /** d_x, k, …, k (H times), d_y. */
    public int[] dims() {
        int[] dims = new int[hidden + 2];
        dims[0] = data.dx();
        for (int l = 1; l <= hidden; l++) {
            dims[l] = width;
        }
        dims[hidden + 1] = data.dy();
        return dims;
    }

    /** p = min{d_H, …, d_1} of Kawaguchi's theorem. */
    public int p() {
        return width;
    }

    public DeepLinearNet net(Backend b) {
        return data.net(b, dims());
    }

    /** The split critical point of eigenvector index set {@code idx} (0 = largest eigenvalue). */
    public List<Matrix> criticalPoint(Backend b, BaldiHornikInstance.Fit fit, int[] idx) {
        DenseMatrix ui = fit.eigenvectors(idx);
        Matrix mat = b.multiply(true, false, b.adopt(ui), b.adopt(fit.phiHat()));     // M = U_IᵀΦ̂
        double s = Math.pow(b.svd(mat).max(), 1.0 / (hidden + 1));
        List<Matrix> w = new ArrayList<>();
        Matrix w1 = b.multiply(false, false, b.adopt(rotations.get(0)), mat);          // R_1 M / s^H
        w.add(b.adopt(w1.toDense().scale(Math.pow(s, -hidden))));
        for (int l = 1; l < hidden; l++) {                                              // s R_{l+1} R_lᵀ
            w.add(b.adopt(b.multiply(false, true, b.adopt(rotations.get(l)), b.adopt(rotations.get(l - 1)))
                    .toDense().scale(s)));
        }
        w.add(b.adopt(b.multiply(false, true, b.adopt(ui), b.adopt(rotations.get(hidden - 1))).toDense()
                .scale(s)));                                                            // s U_I R_Hᵀ
        return w;
    }

    /** W = 0 in every layer. */
    public List<Matrix> zeroPoint(Backend b) {
        int[] dims = dims();
        List<Matrix> w = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            w.add(b.zeros(dims[l], dims[l - 1]));
        }
        return w;
    }

    /** W_H⋯W_2 (k×k), the product whose rank (iv) asks for. */
    public static Matrix middleProduct(Backend b, List<Matrix> w) {
        Matrix prod = w.get(1);
        for (int l = 2; l < w.size() - 1; l++) {
            prod = b.multiply(false, false, w.get(l), prod);
        }
        return prod;
    }

    /** The rank condition of 003 Thm 2.3 (iv): rank(W_H⋯W_2) = p, from the product's singular values. */
    public static boolean rankCondition(double[] singularValues, int p) {
        return BaldiHornikInstance.numericalRank(singularValues) == p;
    }
}
