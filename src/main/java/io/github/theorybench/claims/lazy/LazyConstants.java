package io.github.theorybench.claims.lazy;

/**
 * The numbers of 001 Theorem 8.1 on one instance at one scale (CLAIMS.md LAZY), as the verdicts see them.
 *
 * @param alpha the scale α the flow ran at
 * @param alphaStar α* = β·sqrt(1152 σ_max² R₀)/σ_min³
 * @param sigmaMin σ_min(J₀)
 * @param sigmaMax ‖J₀‖₂
 * @param beta β = β₀·sqrt(Σ‖x_i‖⁴)
 * @param r0 R₀ = ½‖αf(W₀) − y‖²
 */
public record LazyConstants(double alpha, double alphaStar, double sigmaMin, double sigmaMax, double beta, double r0) {

    /** The instance's constants at scale α (antisymmetric init: R₀ and α* do not depend on α). */
    static LazyConstants of(LazyInstance inst, double alpha) {
        return new LazyConstants(alpha, inst.alphaStar(), inst.sigmaMin(), inst.sigmaMax(), inst.beta(), inst.r0());
    }

    /** Theorem 8.1's hypothesis α ≥ α* ({@link LazyHypotheses#alphaAtLeastAlphaStar}). */
    public boolean hypothesisMet() {
        return LazyHypotheses.alphaAtLeastAlphaStar(alpha, alphaStar);
    }

    /** LAZY-3's bound sqrt(72 σ_max² R₀)/(α σ_min²). */
    public double travelBound() {
        return Math.sqrt(72 * sigmaMax * sigmaMax * r0) / (alpha * sigmaMin * sigmaMin);
    }

    /** The rate α²σ_min²/2 of LAZY-1's bound R₀·exp(−t α²σ_min²/2). */
    public double decayRate() {
        return alpha * alpha * sigmaMin * sigmaMin / 2;
    }

    /** The proof's ball radius σ_min/(2β) (001 Theorem 8.1's proof plan). */
    public double radius() {
        return sigmaMin / (2 * beta);
    }

    /** α/α*. */
    public double c() {
        return alpha / alphaStar;
    }
}
