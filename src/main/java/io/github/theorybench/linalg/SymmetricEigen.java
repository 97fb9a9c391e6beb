package io.github.theorybench.linalg;

/**
 * A = V diag(values) Vᵀ with eigenvalues ascending and orthonormal eigenvectors in the columns of V.
 */
public record SymmetricEigen(double[] values, DenseMatrix vectors) {
    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }
}
