package io.github.theorybench.linalg;

/** Named tolerances of the linear-algebra tests, each with the argument for its size. */
final class LinalgTolerances {
    private LinalgTolerances() {
    }

    /**
     * Backends against the references, max|x − y|/max|y|: a product of Gaussian matrices with inner dimension k ≤ 300
     * has forward error ≲ k·ε·‖A‖‖B‖/‖AB‖ ≈ 300·2.2e−16·O(10) ≈ 1e−12; decompositions of the well-conditioned random
     * matrices used here (κ ≲ 1e3) lose at most κ·ε ≈ 1e−13. 1e−10 leaves two decades of margin and still catches any
     * wrong transpose, stride or sign (errors of order 1).
     */
    static final double AGREEMENT = 1e-10;

    /**
     * Orthogonality and reconstruction of eigen- and singular vectors: backward stable algorithms give residuals of
     * order n·ε‖A‖ (n ≤ 50 here), far below this.
     */
    static final double RECONSTRUCTION = 1e-10;

    /** A minimum-norm solution projected on the row space of a rank-3 matrix: κ(VVᵀ)·ε with κ ≲ 1e4 here. */
    static final double ROW_SPACE = 1e-8;

    /**
     * Backward error ‖A x − b‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞) of LU with partial pivoting: ≤ c·n·ε·ρ with growth ρ = O(1) on
     * random matrices; n = 80 gives 80 · 2.2e−16 ≈ 2e−14, so 1e−12 leaves a factor 50 for ρ and c, independent of κ.
     * A solver that refuses, or solves a perturbed (regularized) system, misses it by decades.
     */
    static final double BACKWARD_STABLE = 1e-12;

    /**
     * Forward error per unit of condition number: a backward-stable solve has ‖x − x*‖/‖x*‖ ≲ κ·n·ε in the worst case,
     * κ·ε ≈ 1.1e−16·κ typically; 1e−15 · κ (= 0.1 at κ = 1e14) sits between the two.
     */
    static final double ILL_FORWARD_PER_KAPPA = 1e-15;
}
