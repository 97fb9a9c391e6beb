package io.github.theorybench.claims.lsq;

/**
 * The hypothesis of LSQ-1..3 (CLAIMS.md LSQ; 002): X ∈ R^{n×p} with n ≤ p and full row rank, and a step
 * η ≤ 1/‖X‖₂². Full row rank is judged numerically as σ_n(X) > max(n, p)·ε·σ_1(X) (the rank threshold of LAPACK's
 * and NumPy's {@code matrix_rank}).
 *
 * @param n rows
 * @param p columns
 * @param sigmaMin σ_n(X) (0 when n > p)
 * @param sigmaMax σ_1(X)
 * @param eta the step size
 */
public record LeastSquaresHypothesis(int n, int p, double sigmaMin, double sigmaMax, double eta) {
    static final double EPS = Math.ulp(1.0);

    /** n ≤ p: more parameters than equations. */
    public boolean overparameterized() {
        return n <= p;
    }

    /** σ_n(X) > max(n, p)·ε·σ_1(X). */
    public boolean fullRowRank() {
        return sigmaMin > Math.max(n, p) * EPS * sigmaMax;
    }

    /** η ≤ 1/‖X‖₂². */
    public boolean stepWithinBound() {
        return eta <= 1.0 / (sigmaMax * sigmaMax);
    }

    /** The named predicate: all three. */
    public boolean holds() {
        return overparameterized() && fullRowRank() && stepWithinBound();
    }
}
