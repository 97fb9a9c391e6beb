package io.github.theorybench.claims.lazy;

/**
 * The hypotheses of the LAZY flow claims as named predicates (Trust rule 1), each taken from CLAIMS.md and 001:
 * a verdict's "hypothesis met" is one of these, evaluated on the instance's own numbers.
 */
public final class LazyHypotheses {
    /**
     * LAZY-10, LAZY-12: "f(W₀) = 0" up to round-off — the antisymmetric init's R₀ = ½‖y‖² for every α. Relative to
     * ‖y‖, the largest scaled initial output α‖f(W₀)‖ may be this large (the antisymmetric sum cancels to ~1e−14).
     */
    static final double ZERO_OUTPUT_TOLERANCE = 1e-9;
    /**
     * LAZY-12: "α‖f(W₀)‖ ≫ ‖y‖", made quantitative by the precision the claim is asserted to: α* / α ∝ ‖αf(W₀) − y‖/α
     * differs from its α → ∞ limit ‖f(W₀)‖ by at most ‖y‖/α (triangle inequality), so ‖y‖ ≤ 4e−4·α‖f(W₀)‖ at both
     * ends of a comparison keeps their ratio within 1e−3 (8.0e−4 at worst).
     */
    static final double DOMINANT_OUTPUT_RATIO = 4e-4;

    private LazyHypotheses() {
    }

    /**
     * LAZY-1, 2, 3 (001 Theorem 8.1): α ≥ α* = β·sqrt(1152 σ_max² R₀)/σ_min³, exactly as CLAIMS.md defines α* (no
     * allowance: a run at α = α* uses the very number α* it is compared with).
     */
    public static boolean alphaAtLeastAlphaStar(double alpha, double alphaStar) {
        return alpha >= alphaStar;
    }

    /**
     * LAZY-5 (001 Lemma 8.1): λ = inf_{s ∈ [0, τ]} λ_min(Q(s)) &gt; 0, here Q = α² J_s J_sᵀ and the infimum over the
     * recorded times.
     */
    public static boolean uniformlyPositiveDefinite(double lambdaInf) {
        return lambdaInf > 0;
    }

    /**
     * LAZY-6 (001 Lemma 8.2): every eigenvalue of S_s S_sᵀ lies in [λ, λ₁] for s ∈ [0, τ] with 0 &lt; λ ≤ λ₁ &lt; ∞
     * (the bound divides by λ), S = αJ, over the recorded times.
     */
    public static boolean spectrumInWindow(double lambdaInf, double lambdaSup) {
        return lambdaInf > 0 && lambdaInf <= lambdaSup && lambdaSup < Double.POSITIVE_INFINITY;
    }

    /**
     * LAZY-10 (the LAZY setup, antisymmetric init): f(W₀) = 0, so that R₀ and α* do not depend on α, checked at the
     * sweep's largest α: α_max‖f(W₀)‖ ≤ 1e−9·‖y‖.
     */
    public static boolean zeroInitialOutput(double alphaMax, double f0Norm, double yNorm) {
        return alphaMax * f0Norm <= ZERO_OUTPUT_TOLERANCE * yNorm;
    }

    /**
     * LAZY-12 (CLAIMS.md: "for α‖f(W₀)‖ ≫ ‖y‖"): ‖y‖ ≤ 4e−4·α‖f(W₀)‖, the regime where α* / α is within 1e−3 of its
     * α-free limit.
     */
    public static boolean dominantInitialOutput(double alpha, double f0Norm, double yNorm) {
        return yNorm <= DOMINANT_OUTPUT_RATIO * alpha * f0Norm;
    }
}
