package io.github.theorybench.linalg;

/** Thin SVD A = U diag(s) Vᵀ: U is m×k, s descending (length k = min(m, n)), V is n×k. */
public record SingularValues(DenseMatrix u, double[] s, DenseMatrix v) {
    public double max() {
        return s.length == 0 ? 0 : s[0];
    }

    public double min() {
        return s.length == 0 ? 0 : s[s.length - 1];
    }
}
