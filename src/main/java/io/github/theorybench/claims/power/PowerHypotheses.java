package io.github.theorybench.claims.power;

/**
 * The hypotheses of PWR-1..7 as named predicates (Trust rule 1; CLAIMS.md PWR and its second wave), each a pure
 * function of numbers a measurement records, so a verdict states whether its instance was inside the claim's regime.
 */
final class PowerHypotheses {
    private PowerHypotheses() {
    }

    /**
     * PWR-1, PWR-4, PWR-6 — small initialization: the spectral phase exists, i.e. U₀U₀ᵀ is below t_spec's threshold,
     * ‖U₀U₀ᵀ‖₂ &lt; 0.01‖XXᵀ‖₂ (so t_spec ≥ 1 and the dropped term 𝒜*𝒜(UUᵀ)U of the power-method approximation is
     * at most 1% of the kept one ZU until t_spec).
     *
     * @param initSpectralNorm ‖U₀‖₂ (‖U₀U₀ᵀ‖₂ = ‖U₀‖₂²)
     * @param targetNorm ‖XXᵀ‖₂
     */
    static boolean spectralPhaseExists(double initSpectralNorm, double targetNorm) {
        return initSpectralNorm * initSpectralNorm < SpectralRuns.T_SPEC_FRACTION * targetNorm;
    }

    /**
     * PWR-2, PWR-7 — the target's top-r* eigenspace is separated: M* = XXᵀ has λ_{r*+1}(M*) &lt; λ_{r*}(M*)
     * (CLAIMS.md's setup, X ∈ R^{d×r*}, has λ_{r*+1} = 0). Without a gap Z's top-r* eigenspace is set by sampling
     * noise and the power-iteration rate q = (1 + μλ_{r*+1})/(1 + μλ_{r*}) is ≈ 1.
     *
     * @param targetEigenvalues the nominal eigenvalues of M*, descending (length ≥ r*; missing ones are 0)
     */
    static boolean separatedTarget(double[] targetEigenvalues, int rStar) {
        double next = targetEigenvalues.length > rStar ? targetEigenvalues[rStar] : 0.0;
        return targetEigenvalues[rStar - 1] > next;
    }

    /**
     * PWR-2's angle at t_spec (CLAIMS.md): "≤ 0.1 for α ≤ 1e−8 with r = r*, and for α ≤ 1e−5 with r ≥ 4r*".
     */
    static boolean alignmentRegime(double alpha, int r, int rStar) {
        return r == rStar ? alpha <= 1e-8 : r >= 4 * rStar && alpha <= 1e-5;
    }

    /**
     * PWR-3 — an unbiased, normalized estimator: 𝒜(M)_i = ⟨A_i, M⟩/√n with 𝒜* its adjoint, so that
     * E[Z] = E[𝒜*𝒜(XXᵀ)] = XXᵀ, and at least d measurements.
     *
     * @param scale the factor Z carries beyond 𝒜*𝒜(XXᵀ) (1 for the claim; √n with 𝒜's 1/√n removed)
     */
    static boolean normalizedEstimator(double scale, int n, int d) {
        return scale == 1.0 && n >= d;
    }

    /**
     * PWR-5 (second wave) — the theorem's regime below injectivity: r &gt; r*, n ≥ r*²(d₁ + d₂) (the "≳" read with
     * constant 1, as CLAIMS.md gives no constant) and n &lt; d₁d₂, so that 𝒜 is not injective and the final error
     * is set by the implicit bias, not by how long GD runs (at n ≥ d₁d₂, XYᵀ is the unique zero of the loss).
     */
    static boolean belowInjectivity(int d1, int d2, int rStar, int r, int n) {
        return r > rStar && n >= rStar * rStar * (d1 + d2) && n < d1 * d2;
    }

    /**
     * PWR-7 — the r columns of U₀ are r independent random directions (rank U₀ = min(r, d)), the source of the
     * ln r gain, and Z has a gap after r*.
     */
    static boolean independentColumns(int initRank, int r, int d, double lambdaRStar, double lambdaNext) {
        return initRank == Math.min(r, d) && lambdaRStar > lambdaNext;
    }
}
