package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;

/**
 * Ridge regression, the limit of gradient descent with weight decay on the output layer (004, Algorithm 1's second
 * phase): minimize (1/2n)‖Φa − y‖² + (λ/2)‖a‖². Solved in whichever form is smaller — dual
 * a = Φᵀ(ΦΦᵀ + nλI)⁻¹y (n × n, SYRK) or primal a = (ΦᵀΦ + nλI)⁻¹Φᵀy (m × m) — by the backend's LAPACK path,
 * with nλ = c·tr(ΦΦᵀ)/n: the relative ridge c is what the held-out rule chooses.
 * A kernel version takes the Gram matrix K = ΦΦᵀ directly (kernel ridge regression).
 */
public final class RidgeHead {
    private RidgeHead() {
    }

    /**
     * Dual coefficients c = (K + nλI)⁻¹ y for a kernel (or feature Gram) matrix K, with the scale-free regularization
     * nλ = c·tr(K)/n used by every method here (so one grid of c serves features and kernels of any scale).
     */
    public static double[] dualCoefficients(Backend b, DenseMatrix k, double[] y, double c) {
        int n = y.length;
        DenseMatrix reg = k.copy();
        double shift = c * trace(k) / n;
        for (int i = 0; i < n; i++) {
            reg.set(i, i, reg.get(i, i) + shift);
        }
        return b.solve(reg, DenseMatrix.columnVector(y)).data();
    }

    static double trace(DenseMatrix k) {
        double t = 0;
        for (int i = 0; i < Math.min(k.rows(), k.cols()); i++) {
            t += k.get(i, i);
        }
        return t;
    }

    /** Output weights a for features Φ (n × m), regularization nλ = c·tr(ΦΦᵀ)/n (= c·tr(ΦᵀΦ)/n). */
    public static double[] fit(Backend b, DenseMatrix phi, double[] y, double c) {
        int n = phi.rows(), m = phi.cols();
        Matrix pb = b.adopt(phi);
        if (n <= m) {
            double[] coef = dualCoefficients(b, b.gram(false, pb).toDense(), y, c);
            Matrix a = b.zeros(m, 1);
            b.gemv(true, 1.0, pb, b.adopt(DenseMatrix.columnVector(coef)), 0.0, a);
            return a.toDense().data().clone();
        }
        DenseMatrix g = b.gram(true, pb).toDense();
        double shift = c * trace(g) / n;
        for (int j = 0; j < m; j++) {
            g.set(j, j, g.get(j, j) + shift);
        }
        Matrix rhs = b.zeros(m, 1);
        b.gemv(true, 1.0, pb, b.adopt(DenseMatrix.columnVector(y)), 0.0, rhs);
        return b.solve(g, rhs.toDense()).data();
    }

    public static double[] predict(Backend b, DenseMatrix phi, double[] a) {
        Matrix out = b.zeros(phi.rows(), 1);
        b.gemv(false, 1.0, b.adopt(phi), b.adopt(DenseMatrix.columnVector(a)), 0.0, out);
        return out.toDense().data().clone();
    }
}
