package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.ScaledFlowPath;

/**
 * LAZY-1's decay bound on the nonlinear flow at α far below α* (hypothesis not met; CLAIMS.md calibrates that the
 * bound genuinely fails at 3e−5·α*).
 *
 * @param provenance seed, sizes, backend, activation
 * @param constants α (= 3e−5·α*), α*, σ_min, σ_max, β, R₀
 * @param decay the risk against R₀·exp(−t α²σ_min²/2)
 * @param curve τ and R/R₀ (figure)
 */
public record BelowAlphaStarRun(Provenance provenance, LazyConstants constants, DecayComparison decay,
        LazyFlowRun.RiskCurve curve) {

    static BelowAlphaStarRun measure(LazyInstance inst, double alpha, double tauMax, int points) {
        LazyConstants k = LazyConstants.of(inst, alpha);
        ScaledFlowPath p = ScaledFlowPath.integrate(inst.flow(alpha, false),
                LazyFlowRun.times(alpha, inst.sigmaMin(), tauMax, points));
        return new BelowAlphaStarRun(inst.provenance(), k, LazyFlowRun.decay(p, k.r0(), k.decayRate()),
                LazyFlowRun.RiskCurve.of(p, k));
    }
}
