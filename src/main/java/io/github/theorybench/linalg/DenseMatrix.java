package io.github.theorybench.linalg;

import java.util.Arrays;

/** The neutral matrix: row-major heap {@code double[]} plus shape. EJML and jblas operate on its array directly. */
public final class DenseMatrix extends Matrix {
    private final double[] data;

    private DenseMatrix(int rows, int cols, double[] data) {
        super(rows, cols);
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(
                    "data of length " + data.length + " does not fit a " + rows + "x" + cols + " matrix");
        }
        this.data = data;
    }

    public static DenseMatrix zeros(int rows, int cols) {
        return new DenseMatrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Wraps (does not copy) a row-major array. */
    public static DenseMatrix wrap(int rows, int cols, double[] rowMajor) {
        return new DenseMatrix(rows, cols, rowMajor);
    }

    /** Copies a row-major array. */
    public static DenseMatrix of(int rows, int cols, double... rowMajor) {
        return new DenseMatrix(rows, cols, rowMajor.clone());
    }

    public static DenseMatrix fromRows(double[][] rowsData) {
        int r = rowsData.length;
        int c = r == 0 ? 0 : rowsData[0].length;
        DenseMatrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (rowsData[i].length != c) {
                throw new IllegalArgumentException("ragged rows: row 0 has " + c + " columns, row " + i + " has "
                        + rowsData[i].length);
            }
            System.arraycopy(rowsData[i], 0, m.data, i * c, c);
        }
        return m;
    }

    public static DenseMatrix columnVector(double... v) {
        return new DenseMatrix(v.length, 1, v.clone());
    }

    public static DenseMatrix identity(int n) {
        DenseMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /** The backing row-major array (not a copy). */
    public double[] data() {
        return data;
    }

    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    public double[][] toArray2d() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    @Override
    public double getFlat(int k) {
        return data[k];
    }

    @Override
    public void setFlat(int k, double v) {
        data[k] = v;
    }

    public DenseMatrix copy() {
        return new DenseMatrix(rows, cols, data.clone());
    }

    /** Same data, read as a {@code newRows x newCols} matrix (row-major reshape, no copy). */
    public DenseMatrix reshape(int newRows, int newCols) {
        return new DenseMatrix(newRows, newCols, data);
    }

    @Override
    public DenseMatrix toDense() {
        return this;
    }

    @Override
    public int firstNonFinite() {
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                return k;
            }
        }
        return -1;
    }

    public double frobeniusNorm() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    public DenseMatrix transpose() {
        DenseMatrix t = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    /** this + c * other, as a new matrix. */
    public DenseMatrix plusScaled(double c, Matrix other) {
        Shapes.requireSameShape("plusScaled", this, other);
        DenseMatrix out = copy();
        for (int k = 0; k < data.length; k++) {
            out.data[k] += c * other.getFlat(k);
        }
        return out;
    }

    public DenseMatrix scale(double c) {
        DenseMatrix out = copy();
        for (int k = 0; k < data.length; k++) {
            out.data[k] *= c;
        }
        return out;
    }

    /** max_ij |a_ij - b_ij| / max(1, max_ij |b_ij|): relative difference used by the agreement tests. */
    public static double relativeDifference(Matrix a, Matrix b) {
        Shapes.requireSameShape("relativeDifference", a, b);
        double diff = 0;
        double scale = 0;
        for (int k = 0, n = a.size(); k < n; k++) {
            diff = Math.max(diff, Math.abs(a.getFlat(k) - b.getFlat(k)));
            scale = Math.max(scale, Math.abs(b.getFlat(k)));
        }
        return diff / Math.max(scale, Double.MIN_NORMAL);
    }
}
