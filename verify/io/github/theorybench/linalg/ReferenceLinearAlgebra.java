package io.github.theorybench.linalg;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The references every backend is held against, written once and independently of all four backends: products by
 * their definition in loops, decompositions and solves by Hipparchus (a library none of the backends uses). A backend
 * is never compared with itself.
 */
final class ReferenceLinearAlgebra {
    private ReferenceLinearAlgebra() {
    }

    /** op(A) op(B) by the definition, Σ_l op(A)_il op(B)_lj. */
    static DenseMatrix product(DenseMatrix a, boolean ta, DenseMatrix b, boolean tb) {
        int r = ta ? a.cols() : a.rows(), k = ta ? a.rows() : a.cols(), c = tb ? b.rows() : b.cols();
        DenseMatrix out = DenseMatrix.zeros(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += (ta ? a.get(l, i) : a.get(i, l)) * (tb ? b.get(j, l) : b.get(l, j));
                }
                out.set(i, j, s);
            }
        }
        return out;
    }

    static DenseMatrix product(DenseMatrix a, DenseMatrix b) {
        return product(a, false, b, false);
    }

    /** Eigenvalues of a symmetric matrix, ascending. */
    static double[] symmetricEigenvalues(DenseMatrix s) {
        if (s.rows() == 0) {
            return new double[0];
        }
        double[] d = new EigenDecompositionSymmetric(real(s)).getEigenvalues();   // descending
        double[] asc = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            asc[i] = d[d.length - 1 - i];
        }
        return asc;
    }

    /** Singular values, descending. */
    static double[] singularValues(DenseMatrix a) {
        if (a.rows() == 0 || a.cols() == 0) {
            return new double[0];
        }
        return new SingularValueDecomposition(real(a)).getSingularValues();
    }

    /** A⁻¹B for square non-singular A. */
    static DenseMatrix solve(DenseMatrix a, DenseMatrix b) {
        if (a.rows() == 0 || b.cols() == 0) {
            return DenseMatrix.zeros(a.cols(), b.cols());
        }
        // pivot threshold 0: Hipparchus' default (1e-11, absolute) would call a well-conditioned matrix scaled by 1e-150 singular
        return dense(new LUDecomposition(real(a), 0.0).getSolver().solve(real(b)));
    }

    /** The minimum-norm least-squares solution A⁺B (pseudo-inverse by SVD). */
    static DenseMatrix minimumNormLeastSquares(DenseMatrix a, DenseMatrix b) {
        if (a.rows() == 0 || a.cols() == 0 || b.cols() == 0) {
            return DenseMatrix.zeros(a.cols(), b.cols());
        }
        return dense(new SingularValueDecomposition(real(a)).getSolver().getInverse().multiply(real(b)));
    }

    static RealMatrix real(DenseMatrix m) {
        return new Array2DRowRealMatrix(m.toArray2d(), false);
    }

    static DenseMatrix dense(RealMatrix m) {
        DenseMatrix out = DenseMatrix.zeros(m.getRowDimension(), m.getColumnDimension());
        for (int i = 0; i < out.rows(); i++) {
            for (int j = 0; j < out.cols(); j++) {
                out.set(i, j, m.getEntry(i, j));
            }
        }
        return out;
    }

    /**
     * A square matrix U diag(σ) Vᵀ with σ spread log-uniformly from 1 down to 1/κ (condition number κ in the 2-norm);
     * U, V are the Q factors of Hipparchus' QR of Gaussian matrices drawn from {@code seed}.
     */
    static DenseMatrix withCondition(int n, double kappa, long seed) {
        org.hipparchus.random.RandomGenerator rng = io.github.theorybench.model.RandomMatrices.rng(seed);
        RealMatrix u = new org.hipparchus.linear.QRDecomposition(real(io.github.theorybench.model.RandomMatrices
                .gaussian(n, n, 1, rng))).getQ();
        RealMatrix v = new org.hipparchus.linear.QRDecomposition(real(io.github.theorybench.model.RandomMatrices
                .gaussian(n, n, 1, rng))).getQ();
        RealMatrix s = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            s.setEntry(i, i, Math.pow(kappa, -(double) i / (n - 1)));
        }
        return dense(u.multiply(s).multiply(v.transpose()));
    }

    /** Normwise backward error ‖A x − b‖∞ / (‖A‖∞ ‖x‖∞ + ‖b‖∞) (Rigal–Gaches), by loops. */
    static double backwardError(DenseMatrix a, DenseMatrix x, DenseMatrix b) {
        DenseMatrix r = product(a, x).plusScaled(-1, b);
        return infNorm(r) / (infNorm(a) * infNorm(x) + infNorm(b));
    }

    static double infNorm(DenseMatrix m) {
        double max = 0;
        for (int i = 0; i < m.rows(); i++) {
            double s = 0;
            for (int j = 0; j < m.cols(); j++) {
                s += Math.abs(m.get(i, j));
            }
            max = Math.max(max, s);
        }
        return max;
    }
}
