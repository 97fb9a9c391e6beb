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

    /** Tile edge of the symmetric pass: two 64 × 64 tiles of doubles (64 KiB) stay in L2 while one is read by rows
     *  and the other written by columns. */
    private static final int TILE = 64;

    /**
     * C = sym(lower(A)) ⊙ B for a symmetric B (CLAIMS.md LAZY, the structured Gram (D Dᵀ) ⊙ (X Xᵀ)): the lower
     * triangle of A times B's, written to both triangles of C in one pass over the lower triangle, tiled so the
     * transposed writes stay in cache. It replaces a mirroring pass after SYRK and a full Hadamard pass. A's upper
     * triangle is never read (so A may come from {@link Backend#syrkLower}); C may alias A. Shapes are checked, values
     * not: the inputs come from backend calls that checked theirs.
     */
    public static void symmetricHadamardFromLower(Matrix a, Matrix b, Matrix c) {
        Shapes.requireSquare("symmetricHadamard", a);
        Shapes.requireSameShape("symmetricHadamard", a, b);
        Shapes.requireSameShape("symmetricHadamard", a, c);
        int n = a.rows();
        if (a instanceof DirectMatrix da && b instanceof DirectMatrix db && c instanceof DirectMatrix dc) {
            DoubleBuffer x = da.buffer(), y = db.buffer(), z = dc.buffer();
            for (int ib = 0; ib < n; ib += TILE) {
                for (int jb = 0; jb <= ib; jb += TILE) {
                    for (int i = ib, ie = Math.min(n, ib + TILE); i < ie; i++) {
                        for (int j = jb, je = Math.min(Math.min(n, jb + TILE), i + 1); j < je; j++) {
                            double v = x.get(i * n + j) * y.get(i * n + j);
                            z.put(i * n + j, v);
                            z.put(j * n + i, v);
                        }
                    }
                }
            }
        } else if (a instanceof DenseMatrix da && b instanceof DenseMatrix db && c instanceof DenseMatrix dc) {
            double[] x = da.data(), y = db.data(), z = dc.data();
            for (int ib = 0; ib < n; ib += TILE) {
                for (int jb = 0; jb <= ib; jb += TILE) {
                    for (int i = ib, ie = Math.min(n, ib + TILE); i < ie; i++) {
                        for (int j = jb, je = Math.min(Math.min(n, jb + TILE), i + 1); j < je; j++) {
                            double v = x[i * n + j] * y[i * n + j];
                            z[i * n + j] = v;
                            z[j * n + i] = v;
                        }
                    }
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = a.get(i, j) * b.get(i, j);
                    c.set(i, j, v);
                    c.set(j, i, v);
                }
            }
        }
    }

    /**
     * To = diag(v) From (row i of From times v[i]), in one pass: the structured gradient's r ⊙ X into its scratch, in
     * place of a copy followed by an in-place scaling.
     */
    public static void scaledRowsCopy(Matrix from, double[] v, Matrix to) {
        Shapes.requireSameShape("scaledRowsCopy", from, to);
        if (v.length != from.rows()) {
            throw new IllegalArgumentException("scaledRowsCopy: " + v.length + " scales for a " + from.shape()
                    + " matrix");
        }
        int cols = from.cols();
        if (from instanceof DenseMatrix f && to instanceof DenseMatrix t) {
            double[] x = f.data(), y = t.data();
            for (int i = 0; i < v.length; i++) {
                double s = v[i];
                for (int j = i * cols, e = j + cols; j < e; j++) {
                    y[j] = s * x[j];
                }
            }
        } else {
            for (int i = 0; i < v.length; i++) {
                double s = v[i];
                for (int j = i * cols, e = j + cols; j < e; j++) {
                    to.setFlat(j, s * from.getFlat(j));
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
