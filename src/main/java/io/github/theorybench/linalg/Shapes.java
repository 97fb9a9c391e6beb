package io.github.theorybench.linalg;

/** Argument checks shared by every backend; each failure names the operation and the shapes involved. */
public final class Shapes {
    private Shapes() {
    }

    public static void requireSameShape(String op, Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(op + ": shapes differ, " + a.shape() + " vs " + b.shape());
        }
    }

    public static void requireSquare(String op, Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException(op + ": needs a square matrix, got " + a.shape());
        }
    }

    public static void requireVector(String op, String name, Matrix v, int length) {
        if (v.cols() != 1 || v.rows() != length) {
            throw new IllegalArgumentException(
                    op + ": " + name + " must be a " + length + "x1 column vector, got " + v.shape());
        }
    }

    /** Rejects NaN and infinities: BLAS would propagate them silently and LAPACK may loop or return garbage. */
    public static void requireFinite(String op, String name, Matrix m) {
        int k = m.firstNonFinite();
        if (k >= 0) {
            int c = Math.max(1, m.cols());
            throw new IllegalArgumentException(op + ": " + name + " (" + m.shape() + ") has non-finite element "
                    + m.getFlat(k) + " at (" + k / c + ", " + k % c + ")");
        }
    }

    /** alpha and beta must be finite: a NaN or infinite coefficient would poison every output element silently. */
    public static void requireFiniteScalars(String op, double alpha, double beta) {
        if (!Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException(op + ": non-finite coefficient alpha=" + alpha + ", beta=" + beta);
        }
    }

    /**
     * C = alpha op(A) op(B) + beta C: checks op(A) is r x k, op(B) is k x c and C is r x c, that alpha, beta, A, B
     * are finite, and C too when beta != 0 (then C is an input; with beta = 0 it is overwritten, as in BLAS).
     */
    public static void requireGemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta,
            Matrix c) {
        int ar = transA ? a.cols() : a.rows();
        int ak = transA ? a.rows() : a.cols();
        int bk = transB ? b.cols() : b.rows();
        int bc = transB ? b.rows() : b.cols();
        if (ak != bk || c.rows() != ar || c.cols() != bc) {
            throw new IllegalArgumentException("gemm: op(A)" + (transA ? "=A^T" : "=A") + " from A " + a.shape()
                    + ", op(B)" + (transB ? "=B^T" : "=B") + " from B " + b.shape() + " into C " + c.shape()
                    + ": need op(A) r x k, op(B) k x c, C r x c");
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("gemm: C must not alias A or B");
        }
        requireFiniteScalars("gemm", alpha, beta);
        requireFinite("gemm", "A", a);
        requireFinite("gemm", "B", b);
        if (beta != 0.0) {
            requireFinite("gemm", "C", c);
        }
    }

    /** y = alpha op(A) x + beta y: shapes, finiteness of alpha, beta, A, x, and of y when beta != 0. */
    public static void requireGemv(boolean trans, double alpha, Matrix a, Matrix x, double beta, Matrix y) {
        int rows = trans ? a.cols() : a.rows();
        int cols = trans ? a.rows() : a.cols();
        if (x.cols() != 1 || y.cols() != 1 || x.rows() != cols || y.rows() != rows) {
            throw new IllegalArgumentException("gemv: op(A)" + (trans ? "=A^T" : "=A") + " from A " + a.shape()
                    + ", x " + x.shape() + ", y " + y.shape() + ": need x " + cols + "x1 and y " + rows + "x1");
        }
        if (y == x || y == a) {
            throw new IllegalArgumentException("gemv: y must not alias A or x");
        }
        requireFiniteScalars("gemv", alpha, beta);
        requireFinite("gemv", "A", a);
        requireFinite("gemv", "x", x);
        if (beta != 0.0) {
            requireFinite("gemv", "y", y);
        }
    }

    /** C = alpha A Aᵀ + beta C (or Aᵀ A): shapes, finiteness of alpha, beta, A, and of C when beta != 0. */
    public static void requireSyrk(boolean trans, double alpha, Matrix a, double beta, Matrix c) {
        int n = trans ? a.cols() : a.rows();
        if (c.rows() != n || c.cols() != n) {
            throw new IllegalArgumentException("syrk: " + (trans ? "A^T A" : "A A^T") + " from A " + a.shape()
                    + " is " + n + "x" + n + ", but C is " + c.shape());
        }
        if (c == a) {
            throw new IllegalArgumentException("syrk: C must not alias A");
        }
        requireFiniteScalars("syrk", alpha, beta);
        requireFinite("syrk", "A", a);
        if (beta != 0.0) {
            requireFinite("syrk", "C", c);
        }
    }

    /** A X = B: A square, B with A's row count, both finite. */
    static void requireSolve(Matrix a, Matrix b) {
        requireSquare("solve", a);
        if (b.rows() != a.rows()) {
            throw new IllegalArgumentException("solve: A is " + a.shape() + " but B is " + b.shape());
        }
        requireFinite("solve", "A", a);
        requireFinite("solve", "B", b);
    }
}
