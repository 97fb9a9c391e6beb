package io.github.theorybench.linalg;

/**
 * The linear algebra the claims and hot loops need. Each implementation owns a storage ({@link #zeros}); hot loops
 * allocate with {@link #zeros} and convert with {@link #adopt}/{@link Matrix#toDense()} only at the edges.
 * Matrices are row-major; transposes are passed as flags, never materialised.
 *
 * <p>Every method validates shapes and rejects non-finite inputs with an {@link IllegalArgumentException} naming
 * the operation and shapes.
 */
public interface Backend {
    /** Short name used on the command line and in reports: ejml, ejml-mt, jblas, openblas. */
    String name();

    /** One line: library, version, native library and thread count. */
    String description();

    /** The library version, e.g. "0.44.0". */
    String version();

    /** A zero matrix in this backend's storage. */
    Matrix zeros(int rows, int cols);

    /**
     * This backend's view of a neutral matrix: the same object when the storage is shared (EJML, jblas), a copy into
     * native memory otherwise (OpenBLAS).
     */
    Matrix adopt(DenseMatrix m);

    /** C = alpha op(A) op(B) + beta C (DGEMM). */
    void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c);

    /**
     * C = alpha A Aᵀ + beta C ({@code trans=false}) or alpha Aᵀ A + beta C ({@code trans=true}), DSYRK; both
     * triangles of C are filled on return.
     */
    void syrk(boolean trans, double alpha, Matrix a, double beta, Matrix c);

    /**
     * {@link #syrk}, except that only the lower triangle of C is defined on return (the upper one may hold anything):
     * for callers that read the lower triangle only, such as {@link ElementwiseKernels#symmetricHadamardFromLower},
     * which fills both triangles in the same pass instead of mirroring first. Default: {@link #syrk}.
     */
    default void syrkLower(boolean trans, double alpha, Matrix a, double beta, Matrix c) {
        syrk(trans, alpha, a, beta, c);
    }

    /** y = alpha op(A) x + beta y (DGEMV); x and y are column vectors. */
    void gemv(boolean trans, double alpha, Matrix a, Matrix x, double beta, Matrix y);

    /** C = A ⊙ B element-wise (C may alias A or B). */
    default void hadamard(Matrix a, Matrix b, Matrix c) {
        Shapes.requireSameShape("hadamard", a, b);
        Shapes.requireSameShape("hadamard", a, c);
        Shapes.requireFinite("hadamard", "A", a);
        Shapes.requireFinite("hadamard", "B", b);
        ElementwiseKernels.hadamard(a, b, c);
    }

    /** Eigen-decomposition of a symmetric matrix, eigenvalues ascending. Only the lower triangle is read. */
    SymmetricEigen eigSym(Matrix a);

    /** Thin SVD A = U diag(s) Vᵀ, singular values descending. */
    SingularValues svd(Matrix a);

    /** X with A X = B for square non-singular A (LU with partial pivoting). */
    DenseMatrix solve(Matrix a, Matrix b);

    /** The minimum-norm least-squares solution of A X ≈ B (SVD-based, any shape or rank). */
    DenseMatrix leastSquares(Matrix a, Matrix b);

    /** A new matrix C = op(A) op(B) in this backend's storage. */
    default Matrix multiply(boolean transA, boolean transB, Matrix a, Matrix b) {
        Matrix c = zeros(transA ? a.cols() : a.rows(), transB ? b.rows() : b.cols());
        gemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    /** A new matrix A Aᵀ (or Aᵀ A) in this backend's storage. */
    default Matrix gram(boolean trans, Matrix a) {
        int n = trans ? a.cols() : a.rows();
        Matrix c = zeros(n, n);
        syrk(trans, 1.0, a, 0.0, c);
        return c;
    }
}
