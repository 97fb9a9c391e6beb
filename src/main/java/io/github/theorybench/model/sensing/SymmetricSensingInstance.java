package io.github.theorybench.model.sensing;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.MeasurementOperator;
import org.hipparchus.random.RandomGenerator;

/**
 * Symmetric sensing instance of CLAIMS.md PWR: M* = XXᵀ with X ∈ R^{d×r*} having orthonormal columns scaled by
 * (1, 0.8, 0.6, …) (distinct eigenvalues, ‖XXᵀ‖₂ = 1), symmetric Gaussian measurements, y = 𝒜(XXᵀ),
 * L(U) = ¼‖𝒜(UUᵀ) − y‖², Z = 𝒜*𝒜(XXᵀ) = 𝒜*(y) with eigen-decomposition (ascending).
 */
public record SymmetricSensingInstance(long seed, int d, int rStar, int n, FactorizedSensing loss, DenseMatrix target,
        DenseMatrix z, SymmetricEigen zEigen, SymmetricEigen targetEigen) {

    /** X's k = rStar columns scaled to eigenvalues 1, 0.8, 0.6, … of M* = XXᵀ (1 − 0.2j), drawn from {@code seed}. */
    public static SymmetricSensingInstance build(Backend b, long seed, int d, int rStar, int n) {
        double[] eigenvalues = new double[rStar];
        for (int j = 0; j < rStar; j++) {
            eigenvalues[j] = 1.0 - 0.2 * j;
        }
        return build(b, seed, RandomMatrices.rng(seed), d, n, eigenvalues);
    }

    /**
     * The same construction with a given target spectrum, every draw from {@code rng} in a fixed order (X's Gaussian
     * d × k matrix, then the n symmetric measurements), so that a caller can go on drawing its initializations from
     * the same generator: X = (left singular vectors of a Gaussian d × k matrix)·diag(sqrt(eigenvalues)), M* = XXᵀ
     * with eigenvalues {@code eigenvalues} (descending) and rank k = eigenvalues.length. PWR-2's control uses
     * (1, 0.8, 0.8): the top-2 eigenspace is not separated from the third direction.
     */
    public static SymmetricSensingInstance build(Backend b, long seed, RandomGenerator rng, int d, int n,
            double[] eigenvalues) {
        int k = eigenvalues.length;
        DenseMatrix x = b.svd(RandomMatrices.gaussian(d, k, 1, rng)).u();
        for (int j = 0; j < k; j++) {
            double s = Math.sqrt(eigenvalues[j]);
            for (int i = 0; i < d; i++) {
                x.set(i, j, x.get(i, j) * s);
            }
        }
        DenseMatrix target = b.multiply(false, true, x, x).toDense();
        MeasurementOperator op = MeasurementOperator.symmetricGaussian(b, n, d, rng);
        double[] y = op.apply(target);
        DenseMatrix z = op.adjoint(y);                         // Z = 𝒜*𝒜(XXᵀ) = (1/n) Σ ⟨A_i, XXᵀ⟩ A_i
        return new SymmetricSensingInstance(seed, d, k, n, new FactorizedSensing(op, y), target, z, b.eigSym(z),
                b.eigSym(target));
    }

    /**
     * sin of the largest principal angle between the top-k left singular subspace of A (k = Q's columns) and span(Q)
     * (Q orthonormal): ‖(I − QQᵀ)Â_k‖₂ with Â_k the first k left singular vectors of A. Equal to {@link #sinAngle}
     * when A has k columns; PWR-2 and PWR-7 use it for r ≥ r* columns.
     */
    public static double sinTopAngle(Backend b, DenseMatrix a, DenseMatrix q) {
        int k = q.cols();
        DenseMatrix full = b.svd(a).u();
        DenseMatrix qa = DenseMatrix.zeros(a.rows(), k);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < k; j++) {
                qa.set(i, j, full.get(i, j));
            }
        }
        DenseMatrix proj = b.multiply(false, false, q, b.multiply(true, false, q, qa)).toDense();
        return b.svd(qa.plusScaled(-1, proj)).max();
    }

    /** λ_k(Z) in descending order, k = 1, 2, …. */
    public double lambda(int k) {
        return zEigen.values()[d - k];
    }

    /** The top-k eigenvectors (columns) of a symmetric eigen-decomposition. */
    public static DenseMatrix top(SymmetricEigen e, int k) {
        int d = e.values().length;
        DenseMatrix v = DenseMatrix.zeros(d, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                v.set(i, j, e.vectors().get(i, d - 1 - j));
            }
        }
        return v;
    }

    /** sin of the largest principal angle between span(A) and span(Q) (Q orthonormal, k columns): ‖(I − QQᵀ)Â‖₂. */
    public static double sinAngle(Backend b, DenseMatrix a, DenseMatrix q) {
        DenseMatrix qa = b.svd(a).u();
        DenseMatrix proj = b.multiply(false, false, q, b.multiply(true, false, q, qa)).toDense();
        DenseMatrix resid = qa.plusScaled(-1, proj);
        return b.svd(resid).max();
    }
}
