package io.github.theorybench.linalg;

import org.jblas.NativeBlas;

/**
 * jblas backend on {@link DenseMatrix} arrays, no copies for BLAS calls. A row-major r×c matrix is, to
 * column-major BLAS, its c×r transpose; so C = op(A) op(B) is computed as Cᵀ = op(B)ᵀ op(A)ᵀ, i.e. dgemm with the
 * operands swapped and the same transpose flags. jblas has no DSYRK binding, so {@link #syrk} is a DGEMM.
 * LAPACK calls (not hot) work on column-major copies.
 *
 * <p>Threads: libjblas.so links a static OpenBLAS built without threads (it imports no pthread_create), so each call
 * runs on the caller's thread and its results do not depend on scheduling. Whether that build locks its buffer
 * allocator for concurrent callers cannot be read off the binary, so the native calls are serialized on this
 * instance ({@link Backends} hands out one): checks running on several workers share it safely.
 */
public final class JblasBackend implements Backend {
    private final String version;

    JblasBackend() {
        this.version = LibraryVersions.mavenVersion("org.jblas", "jblas");
    }

    @Override
    public String name() {
        return "jblas";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String description() {
        return "jblas " + version + " (JNI to its bundled OpenBLAS/LAPACK build, libjblas.so; 1 thread per call,"
                + " calls serialized across threads)";
    }

    @Override
    public Matrix zeros(int rows, int cols) {
        return DenseMatrix.zeros(rows, cols);
    }

    @Override
    public Matrix adopt(DenseMatrix m) {
        return m;
    }

    private static double[] array(Matrix m) {
        return EjmlBackend.wrap(m).data;
    }

    private static int ld(int cols) {
        return Math.max(1, cols);
    }

    @Override
    public synchronized void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta,
            Matrix c) {
        Shapes.requireGemm(transA, transB, alpha, a, b, beta, c);
        int k = transA ? a.rows() : a.cols();
        if (c.size() == 0) {
            return;
        }
        NativeBlas.dgemm(transB ? 'T' : 'N', transA ? 'T' : 'N', c.cols(), c.rows(), k, alpha,
                array(b), 0, ld(b.cols()), array(a), 0, ld(a.cols()), beta, array(c), 0, ld(c.cols()));
    }

    @Override
    public synchronized void syrk(boolean trans, double alpha, Matrix a, double beta, Matrix c) {
        Shapes.requireSyrk(trans, alpha, a, beta, c);
        // A Aᵀ = gemm(A, Aᵀ); Aᵀ A = gemm(Aᵀ, A). Same array twice, no copy.
        int k = trans ? a.rows() : a.cols();
        if (c.size() == 0) {
            return;
        }
        double[] x = array(a);
        NativeBlas.dgemm(trans ? 'N' : 'T', trans ? 'T' : 'N', c.cols(), c.rows(), k, alpha,
                x, 0, ld(a.cols()), x, 0, ld(a.cols()), beta, array(c), 0, ld(c.cols()));
    }

    @Override
    public synchronized void gemv(boolean trans, double alpha, Matrix a, Matrix x, double beta, Matrix y) {
        Shapes.requireGemv(trans, alpha, a, x, beta, y);
        if (y.size() == 0) {
            return;
        }
        if (x.size() == 0) {
            double[] yy = array(y);
            for (int i = 0; i < yy.length; i++) yy[i] = beta == 0.0 ? 0.0 : beta * yy[i];
            return;
        }
        // The column-major view of row-major A (r×c) is Aᵀ (c×r): A x is 'T' on it, Aᵀ x is 'N'.
        NativeBlas.dgemv(trans ? 'N' : 'T', a.cols(), a.rows(), alpha, array(a), 0, ld(a.cols()),
                array(x), 0, 1, beta, array(y), 0, 1);
    }

    @Override
    public synchronized SymmetricEigen eigSym(Matrix a) {
        Shapes.requireSquare("eigSym", a);
        Shapes.requireFinite("eigSym", "A", a);
        int n = a.rows();
        // The row-major lower triangle is the column-major upper triangle.
        double[] work = array(a).clone();
        double[] w = new double[n];
        if (n > 0) {
            int info = NativeBlas.dsyevd('V', 'U', n, work, 0, n, w, 0);
            LapackInfo.check("jblas dsyevd", info, a);
        }
        // Column-major eigenvectors (column k = vector k) read row-major are rows: transpose once.
        return new SymmetricEigen(w, DenseMatrix.wrap(n, n, work).transpose());
    }

    @Override
    public synchronized SingularValues svd(Matrix a) {
        Shapes.requireFinite("svd", "A", a);
        int m = a.rows(), n = a.cols(), k = Math.min(m, n);
        if (k == 0) {
            return new SingularValues(DenseMatrix.zeros(m, 0), new double[0], DenseMatrix.zeros(n, 0));
        }
        // Column-major view is Aᵀ (n×m) = U' S V'ᵀ, so A = V' S U'ᵀ: U_A = V', V_A = U'.
        double[] work = array(a).clone();
        double[] s = new double[k];
        double[] uPrime = new double[n * k];
        double[] vtPrime = new double[k * m];
        int info = NativeBlas.dgesvd('S', 'S', n, m, work, 0, n, s, 0, uPrime, 0, n, vtPrime, 0, k);
        LapackInfo.check("jblas dgesvd", info, a);
        // V'ᵀ is k×m column-major, whose array read row-major is V' (m×k) = U_A.
        DenseMatrix u = DenseMatrix.wrap(m, k, vtPrime);
        // U' is n×k column-major; its array read row-major is U'ᵀ (k×n).
        DenseMatrix v = DenseMatrix.wrap(k, n, uPrime).transpose();
        return new SingularValues(u, s, v);
    }

    @Override
    public synchronized DenseMatrix solve(Matrix a, Matrix b) {
        Shapes.requireSolve(a, b);
        int n = a.rows(), nrhs = b.cols();
        double[] acm = a.toDense().transpose().data();
        double[] bcm = b.toDense().transpose().data();
        if (n > 0 && nrhs > 0) {
            int info = NativeBlas.dgesv(n, nrhs, acm, 0, n, new int[n], 0, bcm, 0, n);
            LapackInfo.check("jblas dgesv", info, a);
        }
        return DenseMatrix.wrap(nrhs, n, bcm).transpose();
    }

    @Override
    public synchronized DenseMatrix leastSquares(Matrix a, Matrix b) {
        if (b.rows() != a.rows()) {
            throw new IllegalArgumentException("leastSquares: A is " + a.shape() + " but B is " + b.shape());
        }
        Shapes.requireFinite("leastSquares", "A", a);
        Shapes.requireFinite("leastSquares", "B", b);
        int m = a.rows(), n = a.cols(), nrhs = b.cols(), ldb = Math.max(1, Math.max(m, n));
        if (m == 0 || n == 0 || nrhs == 0) {
            return DenseMatrix.zeros(n, nrhs);
        }
        double[] acm = a.toDense().transpose().data();
        double[] bcm = new double[ldb * nrhs];
        for (int j = 0; j < nrhs; j++) {
            for (int i = 0; i < m; i++) {
                bcm[j * ldb + i] = b.get(i, j);
            }
        }
        int info = NativeBlas.dgelsd(m, n, nrhs, acm, 0, m, bcm, 0, ldb, new double[Math.min(m, n)], 0,
                LapackInfo.pinvRcond(m, n), new int[1], 0, new int[LapackInfo.gelsdIworkSize(m, n)], 0);
        LapackInfo.check("jblas dgelsd", info, a);
        DenseMatrix x = DenseMatrix.zeros(n, nrhs);
        for (int j = 0; j < nrhs; j++) {
            for (int i = 0; i < n; i++) {
                x.set(i, j, bcm[j * ldb + i]);
            }
        }
        return x;
    }
}
