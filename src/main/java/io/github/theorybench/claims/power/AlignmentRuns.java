package io.github.theorybench.claims.power;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;

/**
 * PWR-7's spectral phase (002, "U_t ≈ (I + μZ)^t U₀"; CLAIMS.md PWR-7): the power iterates W_t = (I + μZ)^t U₀ — GD's
 * spectral phase, which PWR-1 shows GD tracks while UUᵀ is small — and the first t at which the largest principal
 * angle between W_t's top-r* left singular subspace and Z's top-r* eigenspace is ≤ 0.1. The iterates are kept in
 * Z's eigenbasis, where I + μZ is diagonal (entries 1 + μλ_i), and rescaled every step (the subspace does not see
 * the scale).
 */
final class AlignmentRuns {
    private AlignmentRuns() {
    }

    /**
     * Steps from U₀ to alignment (angle ≤ {@code angle} radians), or −1 if not within {@code cap} steps.
     */
    static int stepsToAlignment(Backend b, SymmetricSensingInstance inst, DenseMatrix u0, int rStar, double mu,
            double angle, int cap) {
        int d = inst.d(), r = u0.cols();
        double[] lambda = inst.zEigen().values();                              // ascending
        DenseMatrix w = b.multiply(true, false, inst.zEigen().vectors(), u0).toDense();    // W₀ = Vᵀ U₀
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = (1 + mu * lambda[i]) / (1 + mu * lambda[d - 1]);             // I + μZ, scaled by its largest entry
        }
        double sinBound = Math.sin(angle);
        for (int t = 0; t <= cap; t++) {
            if (sinToTop(b, w, rStar) <= sinBound) {
                return t;
            }
            double[] wd = w.data();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < r; j++) {
                    wd[i * r + j] *= p[i];
                }
            }
        }
        return -1;
    }

    /**
     * sin of the largest principal angle between the top-k left singular subspace of W (in Z's eigenbasis, eigenvalues
     * ascending) and the span of the last k basis vectors: the spectral norm of the first d − k rows of W's top-k left
     * singular vectors.
     */
    static double sinToTop(Backend b, DenseMatrix w, int k) {
        int d = w.rows();
        DenseMatrix u = b.svd(w).u();
        DenseMatrix rest = DenseMatrix.zeros(d - k, k);
        for (int i = 0; i < d - k; i++) {
            for (int j = 0; j < k; j++) {
                rest.set(i, j, u.get(i, j));
            }
        }
        return b.svd(rest).max();
    }
}
