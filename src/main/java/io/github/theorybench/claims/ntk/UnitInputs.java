package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;

/**
 * Seeded inputs of the kernel claims (CLAIMS.md NTK-2, NTK-3, NTK-5): n points drawn uniformly on the unit sphere
 * of R^d (Gaussian rows normalised), from one generator.
 */
public record UnitInputs(long seed, DenseMatrix x) {
    public static UnitInputs build(long seed, int n, int d) {
        return new UnitInputs(seed, RandomMatrices.unitRows(n, d, RandomMatrices.rng(seed)));
    }
}
