package io.github.theorybench.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.EjmlVersion;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.ejml.dense.row.mult.MatrixMultProduct_DDRM;
import org.ejml.dense.row.mult.MatrixMultProduct_MT_DDRM;
import org.ejml.dense.row.mult.MatrixVectorMult_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Pure-Java EJML backend. Operates on {@link DenseMatrix} arrays through {@code DMatrixRMaj.wrap} (no copy). With
 * {@code concurrent = true} the multiplications use EJML's {@code *_MT_*} facades (one worker per core). Those split
 * the rows of the result over the workers and compute each row with the single-threaded loop, so {@code ejml-mt}
 * returns the same bits as {@code ejml} whatever the scheduling (tested in {@code RunDeterminismTest}); decompositions
 * and solvers are single-threaded in both, and every call builds its own workspaces, so both are safe to share between
 * threads.
 */
public final class EjmlBackend implements Backend {
    private final boolean concurrent;

    public EjmlBackend(boolean concurrent) {
        this.concurrent = concurrent;
    }

    @Override
    public String name() {
        return concurrent ? "ejml-mt" : "ejml";
    }

    @Override
    public String version() {
        return EjmlVersion.VERSION;
    }

    @Override
    public String description() {
        return "EJML " + version() + " (pure Java, " + (concurrent
                ? "concurrent ops on " + Runtime.getRuntime().availableProcessors()
                        + " threads, rows split over them: same bits as 1 thread)"
                : "1 thread)");
    }

    @Override
    public Matrix zeros(int rows, int cols) {
        return DenseMatrix.zeros(rows, cols);
    }

    @Override
    public Matrix adopt(DenseMatrix m) {
        return m;
    }

    static DMatrixRMaj wrap(Matrix m) {
        if (!(m instanceof DenseMatrix d)) {
            throw new IllegalArgumentException("this backend works on heap matrices; got a "
                    + m.getClass().getSimpleName() + " " + m.shape() + " (convert with toDense() at the edge)");
        }
        return DMatrixRMaj.wrap(d.rows(), d.cols(), d.data());
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        Shapes.requireGemm(transA, transB, alpha, a, b, beta, c);
        DMatrixRMaj ea = wrap(a), eb = wrap(b), ec = wrap(c);
        if (beta == 0.0) {
            if (concurrent) {
                if (!transA && !transB) CommonOps_MT_DDRM.mult(alpha, ea, eb, ec);
                else if (transA && !transB) CommonOps_MT_DDRM.multTransA(alpha, ea, eb, ec);
                else if (!transA) CommonOps_MT_DDRM.multTransB(alpha, ea, eb, ec);
                else CommonOps_MT_DDRM.multTransAB(alpha, ea, eb, ec);
            } else {
                if (!transA && !transB) CommonOps_DDRM.mult(alpha, ea, eb, ec);
                else if (transA && !transB) CommonOps_DDRM.multTransA(alpha, ea, eb, ec);
                else if (!transA) CommonOps_DDRM.multTransB(alpha, ea, eb, ec);
                else CommonOps_DDRM.multTransAB(alpha, ea, eb, ec);
            }
            return;
        }
        if (beta != 1.0) {
            CommonOps_DDRM.scale(beta, ec);
        }
        if (concurrent) {
            if (!transA && !transB) CommonOps_MT_DDRM.multAdd(alpha, ea, eb, ec);
            else if (transA && !transB) CommonOps_MT_DDRM.multAddTransA(alpha, ea, eb, ec);
            else if (!transA) CommonOps_MT_DDRM.multAddTransB(alpha, ea, eb, ec);
            else CommonOps_MT_DDRM.multAddTransAB(alpha, ea, eb, ec);
        } else {
            if (!transA && !transB) CommonOps_DDRM.multAdd(alpha, ea, eb, ec);
            else if (transA && !transB) CommonOps_DDRM.multAddTransA(alpha, ea, eb, ec);
            else if (!transA) CommonOps_DDRM.multAddTransB(alpha, ea, eb, ec);
            else CommonOps_DDRM.multAddTransAB(alpha, ea, eb, ec);
        }
    }

    @Override
    public void syrk(boolean trans, double alpha, Matrix a, double beta, Matrix c) {
        Shapes.requireSyrk(trans, alpha, a, beta, c);
        DMatrixRMaj ea = wrap(a), ec = wrap(c);
        if (a.size() == 0) {
            // an empty inner dimension: the product is zero (EJML's inner_reorder_upper indexes out of bounds on it)
            for (int k = 0, n = c.size(); k < n; k++) {
                ec.data[k] = beta == 0.0 ? 0.0 : beta * ec.data[k];
            }
            return;
        }
        // EJML's symmetric products fill the full result and overwrite C; combine with beta C through a temporary.
        DMatrixRMaj target = beta == 0.0 && alpha == 1.0 ? ec : new DMatrixRMaj(ec.numRows, ec.numCols);
        if (trans) {
            if (concurrent) MatrixMultProduct_MT_DDRM.inner_reorder_upper(ea, target);
            else MatrixMultProduct_DDRM.inner_reorder_upper(ea, target);
            for (int i = 0; i < target.numRows; i++) {
                for (int j = 0; j < i; j++) {
                    target.unsafe_set(i, j, target.unsafe_get(j, i));
                }
            }
        } else {
            if (concurrent) MatrixMultProduct_MT_DDRM.outer(ea, target);
            else MatrixMultProduct_DDRM.outer(ea, target);
        }
        if (target != ec) {
            double[] t = target.data, cc = ec.data;
            for (int k = 0, n = c.size(); k < n; k++) {
                cc[k] = alpha * t[k] + (beta == 0.0 ? 0.0 : beta * cc[k]);
            }
        }
    }

    @Override
    public void gemv(boolean trans, double alpha, Matrix a, Matrix x, double beta, Matrix y) {
        Shapes.requireGemv(trans, alpha, a, x, beta, y);
        DMatrixRMaj ea = wrap(a), ex = wrap(x), ey = wrap(y);
        boolean direct = alpha == 1.0 && (beta == 0.0 || beta == 1.0);
        DMatrixRMaj target = direct ? ey : new DMatrixRMaj(ey.numRows, 1);
        boolean add = direct && beta == 1.0;
        if (trans) {
            if (add) MatrixVectorMult_DDRM.multAddTransA_reorder(ea, ex, target);
            else MatrixVectorMult_DDRM.multTransA_reorder(ea, ex, target);
        } else {
            if (add) MatrixVectorMult_DDRM.multAdd(ea, ex, target);
            else MatrixVectorMult_DDRM.mult(ea, ex, target);
        }
        if (!direct) {
            for (int i = 0; i < ey.numRows; i++) {
                ey.data[i] = alpha * target.data[i] + (beta == 0.0 ? 0.0 : beta * ey.data[i]);
            }
        }
    }

    @Override
    public SymmetricEigen eigSym(Matrix a) {
        Shapes.requireSquare("eigSym", a);
        Shapes.requireFinite("eigSym", "A", a);
        int n = a.rows();
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = a.get(i, j);
                sym.unsafe_set(i, j, v);
                sym.unsafe_set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(sym)) {
            throw new ArithmeticException("eigSym: EJML symmetric eigen-decomposition did not converge on " + a.shape());
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> eig.getEigenvalue(k).real));
        double[] values = new double[n];
        DenseMatrix vectors = DenseMatrix.zeros(n, n);
        for (int c = 0; c < n; c++) {
            values[c] = eig.getEigenvalue(order[c]).real;
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int r = 0; r < n; r++) {
                vectors.set(r, c, v.get(r, 0));
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    @Override
    public SingularValues svd(Matrix a) {
        Shapes.requireFinite("svd", "A", a);
        int m = a.rows(), n = a.cols(), k = Math.min(m, n);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(wrap(a.toDense()).copy())) {
            throw new ArithmeticException("svd: EJML SVD did not converge on " + a.shape());
        }
        double[] s = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -s[i]));
        DenseMatrix uu = DenseMatrix.zeros(m, k), vv = DenseMatrix.zeros(n, k);
        double[] ss = new double[k];
        for (int c = 0; c < k; c++) {
            int o = order[c];
            ss[c] = s[o];
            for (int r = 0; r < m; r++) uu.set(r, c, u.get(r, o));
            for (int r = 0; r < n; r++) vv.set(r, c, v.get(r, o));
        }
        return new SingularValues(uu, ss, vv);
    }

    /**
     * LU with partial pivoting (EJML's {@code LUDecompositionAlt_DDRM}, Crout order), refusing only an exactly
     * singular matrix, as LAPACK's DGESV does (INFO = i when U(i,i) is exactly zero). EJML's own test,
     * {@code LinearSolverDense.quality()} (= |Π U_ii / max|U_ii||, a scaled determinant), is not a singularity test:
     * it falls below ε for an 80×80 ridge system whose pivots merely spread over a few decades (issue 20: DLS-1..3 on
     * ejml threw where LAPACK solved), and {@code isSingular()} compares pivots with an absolute 1e-16, which is not
     * scale-invariant. An ill-conditioned but non-singular system gets the same backward-stable answer as DGESV.
     */
    @Override
    public DenseMatrix solve(Matrix a, Matrix b) {
        Shapes.requireSolve(a, b);
        int n = a.rows();
        if (n == 0) {
            return DenseMatrix.zeros(0, b.cols()); // the empty system (EJML's LU calls a 0x0 matrix singular)
        }
        LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
        LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(lu);   // setA runs lu.decompose on the copy
        if (!solver.setA(wrap(a.toDense()).copy())) {
            throw new ArithmeticException("solve: EJML's LU failed on A (" + a.shape() + ")");
        }
        double[] packed = lu.getLU().data;
        for (int i = 0; i < n; i++) {
            if (packed[i * n + i] == 0.0) {
                throw new ArithmeticException("solve: A (" + a.shape() + ") is singular: U(" + (i + 1) + "," + (i + 1)
                        + ") is exactly zero after LU with partial pivoting (LAPACK's DGESV: INFO = " + (i + 1) + ")");
            }
        }
        DenseMatrix x = DenseMatrix.zeros(a.cols(), b.cols());
        solver.solve(wrap(b.toDense()), wrap(x));
        return x;
    }

    @Override
    public DenseMatrix leastSquares(Matrix a, Matrix b) {
        if (b.rows() != a.rows()) {
            throw new IllegalArgumentException("leastSquares: A is " + a.shape() + " but B is " + b.shape());
        }
        Shapes.requireFinite("leastSquares", "A", a);
        Shapes.requireFinite("leastSquares", "B", b);
        LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!pinv.setA(wrap(a.toDense()).copy())) {
            throw new ArithmeticException("leastSquares: SVD failed on A " + a.shape());
        }
        DenseMatrix x = DenseMatrix.zeros(a.cols(), b.cols());
        pinv.solve(wrap(b.toDense()), wrap(x));
        return x;
    }
}
