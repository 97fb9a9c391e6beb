package io.github.theorybench.model.sensing;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.MeasurementOperator;
import org.hipparchus.random.RandomGenerator;

/**
 * Asymmetric sensing instance of CLAIMS.md BAL: d₁ × d₂ target XYᵀ of rank r* with X, Y having orthonormal columns
 * (so ‖XYᵀ‖₂ = 1 and the step-size scale is μ ~ 1), n Gaussian measurements, y = 𝒜(XYᵀ), and U₀ = αŪ, V₀ = αV̄
 * with r columns, Ū, V̄ iid N(0, 1).
 */
public record SensingInstance(long seed, int d1, int d2, int rStar, int r, int n, double alpha, FactorizedSensing loss,
        DenseMatrix target, DenseMatrix u0, DenseMatrix v0) {

    public static SensingInstance build(Backend b, long seed, int d1, int d2, int rStar, int r, int n, double alpha) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = orthonormalColumns(b, d1, rStar, rng), y = orthonormalColumns(b, d2, rStar, rng);
        DenseMatrix target = b.multiply(false, true, x, y).toDense();
        MeasurementOperator op = MeasurementOperator.gaussian(b, n, d1, d2, rng);
        FactorizedSensing loss = new FactorizedSensing(op, op.apply(target));
        return new SensingInstance(seed, d1, d2, rStar, r, n, alpha, loss, target,
                RandomMatrices.gaussian(d1, r, 1, rng).scale(alpha), RandomMatrices.gaussian(d2, r, 1, rng).scale(alpha));
    }

    /**
     * The construction with a given spectrum, every draw from {@code rng} in a fixed order (X's and Y's Gaussian
     * matrices, the n measurements, Ū, V̄), so that a caller can go on drawing from the same generator: target
     * X diag(σ) Yᵀ with X, Y orthonormal (‖XYᵀ‖₂ = σ₁, κ = σ₁/σ_{r*}); PWR-5's second-wave setup uses σ = (1, 0.5).
     */
    public static SensingInstance build(Backend b, long seed, RandomGenerator rng, int d1, int d2,
            double[] singularValues, int r, int n, double alpha) {
        int rStar = singularValues.length;
        DenseMatrix x = orthonormalColumns(b, d1, rStar, rng), y = orthonormalColumns(b, d2, rStar, rng);
        DenseMatrix xs = x.copy();
        for (int j = 0; j < rStar; j++) {
            for (int i = 0; i < d1; i++) {
                xs.set(i, j, x.get(i, j) * singularValues[j]);
            }
        }
        DenseMatrix target = b.multiply(false, true, xs, y).toDense();
        MeasurementOperator op = MeasurementOperator.gaussian(b, n, d1, d2, rng);
        FactorizedSensing loss = new FactorizedSensing(op, op.apply(target));
        return new SensingInstance(seed, d1, d2, rStar, r, n, alpha, loss, target,
                RandomMatrices.gaussian(d1, r, 1, rng).scale(alpha), RandomMatrices.gaussian(d2, r, 1, rng).scale(alpha));
    }

    /**
     * The same target, measurements and labels with the initialization U₀ = αŪ, V₀ = αV̄ given (Ū, V̄ drawn by the
     * caller): runs that differ only in r, α or the init share one operator.
     */
    public SensingInstance withInit(DenseMatrix uBar, DenseMatrix vBar, double newAlpha) {
        return new SensingInstance(seed, d1, d2, rStar, uBar.cols(), n, newAlpha, loss, target, uBar.scale(newAlpha),
                vBar.scale(newAlpha));
    }

    /**
     * The same target, measurements and labels with a new initialization U₀ = αŪ, V₀ = αV̄ (r columns, Ū, V̄ iid N(0, 1)
     * drawn from {@code initSeed}): runs that differ only in r, α or the init share one operator (PWR-5 batches them).
     */
    public SensingInstance reinitialized(int newR, double newAlpha, long initSeed) {
        RandomGenerator rng = RandomMatrices.rng(initSeed);
        return new SensingInstance(seed, d1, d2, rStar, newR, n, newAlpha, loss, target,
                RandomMatrices.gaussian(d1, newR, 1, rng).scale(newAlpha),
                RandomMatrices.gaussian(d2, newR, 1, rng).scale(newAlpha));
    }

    /**
     * The left singular vectors of a Gaussian d × k matrix: orthonormal columns, each signed so that its entry of
     * largest magnitude is positive. A singular vector is defined up to sign and backends choose differently; X and Y
     * are signed separately, so without a convention the target X diag(σ) Yᵀ (a sum of σ_j x_j y_jᵀ) would depend on
     * the backend, not only on the seed (found by {@code theorybench parity}: PWR-5 differed between backends).
     */
    static DenseMatrix orthonormalColumns(Backend b, int d, int k, RandomGenerator rng) {
        DenseMatrix u = b.svd(RandomMatrices.gaussian(d, k, 1, rng)).u().copy();
        for (int j = 0; j < u.cols(); j++) {
            int arg = 0;
            for (int i = 1; i < u.rows(); i++) {
                if (Math.abs(u.get(i, j)) > Math.abs(u.get(arg, j))) {
                    arg = i;
                }
            }
            if (u.get(arg, j) < 0) {
                for (int i = 0; i < u.rows(); i++) {
                    u.set(i, j, -u.get(i, j));
                }
            }
        }
        return u;
    }

    /** B = UᵀU − VᵀV (002, balancedness). */
    public static DenseMatrix imbalance(Backend b, DenseMatrix u, DenseMatrix v) {
        return b.gram(true, u).toDense().plusScaled(-1, b.gram(true, v));
    }
}
