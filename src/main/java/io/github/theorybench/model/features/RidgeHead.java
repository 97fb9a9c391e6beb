package io.github.theorybench.model.features;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;

/**
 * Ridge regression, the limit of gradient descent with weight decay on the output layer (seed 004, Algorithm 1,
 * steps t ≥ 2: the objective is strongly convex, so GD with weight decay converges to its unique minimizer):
 * minimize (1/2n)‖Φa − y‖² + (λ/2)‖a‖², i.e. (ΦᵀΦ + nλI) a = Φᵀy, equivalently a = Φᵀ(ΦΦᵀ + nλI)⁻¹y.
 * The regularization is scale-free, nλ = c·tr(ΦΦᵀ)/n, so one grid of the relative ridge c serves every feature map
 * and kernel; c is what the held-out rule chooses.
 *
 * <p>Solved in the smaller form by the backend's BLAS-3/LAPACK path: for n ≤ m the dual n × n system
 * (Gram ΦΦᵀ by SYRK, LU solve, then a = Φᵀα by GEMV with the transpose flag); for n > m the primal m × m one
 * (ΦᵀΦ by SYRK with the transpose flag, Φᵀy by GEMV). A {@link Path} keeps the Gram so a λ grid costs one SYRK.
 */
public final class RidgeHead {
    private RidgeHead() {
    }

    /** Which normal equations are solved. */
    public enum Form {
        DUAL, PRIMAL;

        /** The smaller system for an n × m design. */
        public static Form smaller(int n, int m) {
            return n <= m ? DUAL : PRIMAL;
        }
    }

    /** The normal equations of one design Φ and label vector y, ready to be solved for any relative ridge c. */
    public static final class Path {
        private final Backend backend;
        private final Matrix phi;
        private final Form form;
        private final DenseMatrix gram;
        private final DenseMatrix rhs;
        private final double shiftPerC;

        private Path(Backend backend, Matrix phi, double[] y, Form form, DenseMatrix dualGram) {
            if (y.length != phi.rows()) {
                throw new IllegalArgumentException("ridge: " + y.length + " labels for a " + phi.shape() + " design");
            }
            this.backend = backend;
            this.phi = phi;
            this.form = form;
            int n = phi.rows();
            Matrix yv = backend.adopt(DenseMatrix.columnVector(y));
            if (form == Form.DUAL) {
                gram = dualGram != null ? dualGram : backend.gram(false, phi).toDense();   // ΦΦᵀ, n × n (SYRK)
                rhs = DenseMatrix.columnVector(y);
            } else {
                gram = backend.gram(true, phi).toDense();           // ΦᵀΦ, m × m (SYRK, transpose flag)
                Matrix r = backend.zeros(phi.cols(), 1);
                backend.gemv(true, 1.0, phi, yv, 0.0, r);             // Φᵀy
                rhs = r.toDense();
            }
            this.shiftPerC = trace(gram) / Math.max(1, n);          // nλ = c·tr(ΦΦᵀ)/n (tr ΦΦᵀ = tr ΦᵀΦ)
        }

        public Form form() {
            return form;
        }

        /** The ridge output weights a (length m) for relative ridge c. */
        public double[] weights(double c) {
            DenseMatrix sol = backend.solve(shifted(gram, c * shiftPerC), rhs);
            if (form == Form.PRIMAL) {
                return sol.data();
            }
            Matrix a = backend.zeros(phi.cols(), 1);
            backend.gemv(true, 1.0, phi, backend.adopt(sol), 0.0, a);   // a = Φᵀα
            return a.toDense().data().clone();
        }
    }

    /** Normal equations for Φ (backend storage) and y in the smaller form. */
    public static Path path(Backend b, Matrix phi, double[] y) {
        return new Path(b, phi, y, Form.smaller(phi.rows(), phi.cols()), null);
    }

    /** Dual normal equations with the Gram ΦΦᵀ already computed (the caller's SYRK). */
    public static Path path(Backend b, Matrix phi, DenseMatrix gram, double[] y) {
        if (gram.rows() != phi.rows() || gram.cols() != phi.rows()) {
            throw new IllegalArgumentException("ridge: Gram " + gram.shape() + " for a " + phi.shape() + " design");
        }
        return new Path(b, phi, y, Form.DUAL, gram);
    }

    /** Normal equations in a forced form (tests compare the two). */
    public static Path path(Backend b, Matrix phi, double[] y, Form form) {
        return new Path(b, phi, y, form, null);
    }

    /** Output weights a for features Φ (n × m), nλ = c·tr(ΦΦᵀ)/n, in the smaller form. */
    public static double[] fit(Backend b, Matrix phi, double[] y, double c) {
        return path(b, phi, y).weights(c);
    }

    /** Φ a (one GEMV). */
    public static double[] predict(Backend b, Matrix phi, double[] a) {
        Matrix out = b.zeros(phi.rows(), 1);
        b.gemv(false, 1.0, phi, b.adopt(DenseMatrix.columnVector(a)), 0.0, out);
        return out.toDense().data().clone();
    }

    /**
     * Kernel ridge: dual coefficients α = (K + nλI)⁻¹ y for a kernel matrix K (n × n), with the same scale-free
     * nλ = c·tr(K)/n; predictions at new points are K(new, train) α.
     */
    public static double[] dualCoefficients(Backend b, DenseMatrix k, double[] y, double c) {
        int n = y.length;
        if (k.rows() != n || k.cols() != n) {
            throw new IllegalArgumentException("kernel ridge: K is " + k.shape() + " for " + n + " labels");
        }
        return b.solve(shifted(k, c * trace(k) / Math.max(1, n)), DenseMatrix.columnVector(y)).data();
    }

    static DenseMatrix shifted(DenseMatrix k, double shift) {
        DenseMatrix reg = k.copy();
        for (int i = 0; i < k.rows(); i++) {
            reg.set(i, i, reg.get(i, i) + shift);
        }
        return reg;
    }

    static double trace(DenseMatrix k) {
        double t = 0;
        for (int i = 0; i < Math.min(k.rows(), k.cols()); i++) {
            t += k.get(i, i);
        }
        return t;
    }
}
