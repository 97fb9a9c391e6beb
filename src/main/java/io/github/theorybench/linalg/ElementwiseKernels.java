package io.github.theorybench.linalg;

import java.nio.DoubleBuffer;

/**
 * Element-wise loops written once per storage, so the JIT sees monomorphic array or buffer accesses (no per-element
 * virtual call).
 */
public final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    /** C = A ⊙ B. */
    public static void hadamard(Matrix a, Matrix b, Matrix c) {
        int n = a.size();
        if (a instanceof DenseMatrix da && b instanceof DenseMatrix db && c instanceof DenseMatrix dc) {
            double[] x = da.data(), y = db.data(), z = dc.data();
            for (int k = 0; k < n; k++) {
                z[k] = x[k] * y[k];
            }
        } else if (a instanceof DirectMatrix da && b instanceof DirectMatrix db && c instanceof DirectMatrix dc) {
            DoubleBuffer x = da.buffer(), y = db.buffer(), z = dc.buffer();
            for (int k = 0; k < n; k++) {
                z.put(k, x.get(k) * y.get(k));
            }
        } else {
            for (int k = 0; k < n; k++) {
                c.setFlat(k, a.getFlat(k) * b.getFlat(k));
            }
        }
    }

    /** Row i of M multiplied by v[i], in place (M ← diag(v) M). */
    public static void scaleRows(Matrix m, double[] v) {
        if (v.length != m.rows()) {
            throw new IllegalArgumentException("scaleRows: " + v.length + " scales for a " + m.shape() + " matrix");
        }
        int cols = m.cols();
        if (m instanceof DenseMatrix dm) {
            double[] x = dm.data();
            for (int i = 0; i < v.length; i++) {
                double s = v[i];
                for (int j = i * cols, e = j + cols; j < e; j++) {
                    x[j] *= s;
                }
            }
        } else {
            DoubleBuffer x = ((DirectMatrix) m).buffer();
            for (int i = 0; i < v.length; i++) {
                double s = v[i];
                for (int j = i * cols, e = j + cols; j < e; j++) {
                    x.put(j, x.get(j) * s);
                }
            }
        }
    }

    /** Copies the lower triangle of a square matrix into its upper triangle. */
    public static void symmetrizeFromLower(Matrix c) {
        int n = c.rows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                c.set(j, i, c.get(i, j));
            }
        }
    }
}
