package io.github.theorybench.linalg;

import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;

import java.nio.DoubleBuffer;
import org.bytedeco.openblas.global.openblas;

/**
 * Native OpenBLAS + LAPACKE through {@code org.bytedeco:openblas} (which ships OpenBLAS, LAPACKE and the gfortran
 * runtime). Its storage is {@link DirectMatrix}: CBLAS gets the buffers' addresses in row-major layout, no copy and
 * no transposed copy (transposes are CBLAS flags). Heap matrices passed in are copied into direct buffers for the
 * call (the same copy JNI would make). LAPACK routines (not hot) run on heap copies. Every call allocates its own
 * buffers (no state is kept between calls), and OpenBLAS 0.3.28's threaded build locks its own buffer pool, so
 * checks on several Java threads may share this backend; with OpenBLAS on 1 thread each call runs on its caller's
 * thread and gives the same bits whatever else runs ({@link NativeLibraries#useSingleThreadedOpenBlas}).
 */
public final class OpenBlasBackend implements Backend {
    private final String version;

    OpenBlasBackend() {
        this.version = LibraryVersions.mavenVersion("org.bytedeco", "openblas");
    }

    @Override
    public String name() {
        return "openblas";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String description() {
        return "OpenBLAS " + version + " via org.bytedeco (DYNAMIC_ARCH build, kernel "
                + NativeLibraries.openBlasCoreType() + ", LAPACKE, " + NativeLibraries.openBlasThreads()
                + ", off-heap storage)";
    }

    @Override
    public Matrix zeros(int rows, int cols) {
        return new DirectMatrix(rows, cols);
    }

    @Override
    public Matrix adopt(DenseMatrix m) {
        DirectMatrix d = new DirectMatrix(m.rows(), m.cols());
        d.copyFrom(m);
        return d;
    }

    private DirectMatrix direct(Matrix m) {
        return m instanceof DirectMatrix d ? d : (DirectMatrix) adopt((DenseMatrix) m);
    }

    /** Writes a direct result back into a heap output matrix, when the caller passed one. */
    private static void copyBack(DirectMatrix from, Matrix to) {
        if (to instanceof DenseMatrix h) {
            from.buffer().get(0, h.data(), 0, h.size());
        }
    }

    private static int ld(int cols) {
        return Math.max(1, cols);
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        Shapes.requireGemm(transA, transB, alpha, a, b, beta, c);
        if (c.size() == 0) {
            return;
        }
        int k = transA ? a.rows() : a.cols();
        DirectMatrix da = direct(a), db = direct(b), dc = direct(c);
        openblas.cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                c.rows(), c.cols(), k, alpha, da.buffer(), ld(a.cols()), db.buffer(), ld(b.cols()), beta,
                dc.buffer(), ld(c.cols()));
        copyBack(dc, c);
    }

    @Override
    public void syrk(boolean trans, double alpha, Matrix a, double beta, Matrix c) {
        syrk(trans, alpha, a, beta, c, true);
    }

    /** DSYRK into the lower triangle only: the structured Gram mirrors while it multiplies by X Xᵀ (one pass, not two). */
    @Override
    public void syrkLower(boolean trans, double alpha, Matrix a, double beta, Matrix c) {
        syrk(trans, alpha, a, beta, c, false);
    }

    private void syrk(boolean trans, double alpha, Matrix a, double beta, Matrix c, boolean mirror) {
        Shapes.requireSyrk(trans, alpha, a, beta, c);
        int n = c.rows();
        if (n == 0) {
            return;
        }
        int k = trans ? a.rows() : a.cols();
        DirectMatrix da = direct(a), dc = direct(c);
        openblas.cblas_dsyrk(CblasRowMajor, CblasLower, trans ? CblasTrans : CblasNoTrans, n, k, alpha,
                da.buffer(), ld(a.cols()), beta, dc.buffer(), n);
        if (mirror) {
            mirrorLowerToUpper(dc.buffer(), n);
        }
        copyBack(dc, c);
    }

    /** DSYRK writes one triangle; fill the other, in cache-sized tiles (the strided side is the slow one). */
    static void mirrorLowerToUpper(DoubleBuffer c, int n) {
        final int tile = 64;
        for (int ib = 0; ib < n; ib += tile) {
            int ie = Math.min(n, ib + tile);
            for (int jb = 0; jb <= ib; jb += tile) {
                int je = Math.min(n, jb + tile);
                for (int i = ib; i < ie; i++) {
                    int rowI = i * n;
                    for (int j = jb; j < Math.min(je, i); j++) {
                        c.put(j * n + i, c.get(rowI + j));
                    }
                }
            }
        }
    }

    @Override
    public void gemv(boolean trans, double alpha, Matrix a, Matrix x, double beta, Matrix y) {
        Shapes.requireGemv(trans, alpha, a, x, beta, y);
        if (y.size() == 0) {
            return;
        }
        if (x.size() == 0) {
            // op(A) has no columns, so y = beta y; CBLAS returns early here without applying beta
            for (int i = 0, n = y.size(); i < n; i++) {
                y.setFlat(i, beta == 0.0 ? 0.0 : beta * y.getFlat(i));
            }
            return;
        }
        DirectMatrix da = direct(a), dx = direct(x), dy = direct(y);
        openblas.cblas_dgemv(CblasRowMajor, trans ? CblasTrans : CblasNoTrans, a.rows(), a.cols(), alpha,
                da.buffer(), ld(a.cols()), dx.buffer(), 1, beta, dy.buffer(), 1);
        copyBack(dy, y);
    }

    @Override
    public SymmetricEigen eigSym(Matrix a) {
        Shapes.requireSquare("eigSym", a);
        Shapes.requireFinite("eigSym", "A", a);
        int n = a.rows();
        double[] work = a.toDense().data().clone();
        double[] w = new double[n];
        if (n > 0) {
            int info = openblas.LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'L', n, work, n, w);
            LapackInfo.check("LAPACKE_dsyevd", info, a);
        }
        return new SymmetricEigen(w, DenseMatrix.wrap(n, n, work));
    }

    @Override
    public SingularValues svd(Matrix a) {
        Shapes.requireFinite("svd", "A", a);
        int m = a.rows(), n = a.cols(), k = Math.min(m, n);
        if (k == 0) {
            return new SingularValues(DenseMatrix.zeros(m, 0), new double[0], DenseMatrix.zeros(n, 0));
        }
        double[] work = a.toDense().data().clone();
        double[] s = new double[k];
        double[] u = new double[m * k];
        double[] vt = new double[k * n];
        int info = openblas.LAPACKE_dgesdd(LAPACK_ROW_MAJOR, (byte) 'S', m, n, work, n, s, u, k, vt, n);
        LapackInfo.check("LAPACKE_dgesdd", info, a);
        return new SingularValues(DenseMatrix.wrap(m, k, u), s, DenseMatrix.wrap(k, n, vt).transpose());
    }

    @Override
    public DenseMatrix solve(Matrix a, Matrix b) {
        Shapes.requireSolve(a, b);
        int n = a.rows(), nrhs = b.cols();
        double[] work = a.toDense().data().clone();
        double[] x = b.toDense().data().clone();
        if (n > 0 && nrhs > 0) {
            int info = openblas.LAPACKE_dgesv(LAPACK_ROW_MAJOR, n, nrhs, work, n, new int[n], x, nrhs);
            LapackInfo.check("LAPACKE_dgesv", info, a);
        }
        return DenseMatrix.wrap(n, nrhs, x);
    }

    @Override
    public DenseMatrix leastSquares(Matrix a, Matrix b) {
        if (b.rows() != a.rows()) {
            throw new IllegalArgumentException("leastSquares: A is " + a.shape() + " but B is " + b.shape());
        }
        Shapes.requireFinite("leastSquares", "A", a);
        Shapes.requireFinite("leastSquares", "B", b);
        int m = a.rows(), n = a.cols(), nrhs = b.cols();
        if (m == 0 || n == 0 || nrhs == 0) {
            return DenseMatrix.zeros(n, nrhs);
        }
        double[] work = a.toDense().data().clone();
        // Row-major B needs max(m, n) rows: the solution (n rows) is written over it.
        double[] rhs = new double[Math.max(m, n) * nrhs];
        System.arraycopy(b.toDense().data(), 0, rhs, 0, m * nrhs);
        int info = openblas.LAPACKE_dgelsd(LAPACK_ROW_MAJOR, m, n, nrhs, work, n, rhs, nrhs,
                new double[Math.min(m, n)], LapackInfo.pinvRcond(m, n), new int[1]);
        LapackInfo.check("LAPACKE_dgelsd", info, a);
        double[] x = new double[n * nrhs];
        System.arraycopy(rhs, 0, x, 0, n * nrhs);
        return DenseMatrix.wrap(n, nrhs, x);
    }
}
