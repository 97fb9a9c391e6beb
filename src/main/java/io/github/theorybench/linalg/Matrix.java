package io.github.theorybench.linalg;

/**
 * A dense row-major matrix of doubles. Two storages exist: {@link DenseMatrix} (a heap {@code double[]}, the
 * neutral type used at the edges and shared zero-copy with EJML and jblas) and {@link DirectMatrix} (an off-heap
 * direct buffer owned by the native OpenBLAS backend, passed to BLAS without a copy). Element {@code (i, j)} is
 * at flat index {@code i * cols + j} in both.
 */
public abstract sealed class Matrix permits DenseMatrix, DirectMatrix {
    protected final int rows;
    protected final int cols;

    protected Matrix(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " has more than 2^31 elements");
        }
        this.rows = rows;
        this.cols = cols;
    }

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    public final int size() {
        return rows * cols;
    }

    /** "rows x cols", for error messages. */
    public final String shape() {
        return rows + "x" + cols;
    }

    public abstract double getFlat(int k);

    public abstract void setFlat(int k, double v);

    public final double get(int i, int j) {
        return getFlat(i * cols + j);
    }

    public final void set(int i, int j, double v) {
        setFlat(i * cols + j, v);
    }

    /** A heap copy (or this object itself if it already is a {@link DenseMatrix}, when {@code share} is true). */
    public abstract DenseMatrix toDense();

    /** Index of the first non-finite element, or -1. */
    public int firstNonFinite() {
        int n = size();
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(getFlat(k))) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(' ').append(shape());
        if (size() <= 64) {
            for (int i = 0; i < rows; i++) {
                sb.append(i == 0 ? " [" : "; ");
                for (int j = 0; j < cols; j++) {
                    sb.append(j == 0 ? "" : ", ").append(get(i, j));
                }
            }
            sb.append(rows > 0 ? "]" : "");
        }
        return sb.toString();
    }
}
