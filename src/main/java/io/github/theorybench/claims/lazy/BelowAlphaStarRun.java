package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.ScaledFlowPath;

/**
 * LAZY-1's decay bound on the nonlinear flow at α far below α* (hypothesis not met; CLAIMS.md calibrates that the
 * bound genuinely fails at 3e−5·α*).
 *
 * @param provenance seed, sizes, backend, activation
 * @param alpha the scale the flow ran at
 * @param alphaStar the instance's α*
 * @param sigmaMin σ_min(J₀)
 * @param sigmaMax ‖J₀‖₂
 * @param beta β
 * @param r0 R₀
 * @param decay the risk against R₀·exp(−t α²σ_min²/2)
 * @param curve τ and R/R₀ (figure)
 */
public record BelowAlphaStarRun(Provenance provenance, double alpha, double alphaStar, double sigmaMin,
        double sigmaMax, double beta, double r0, DecayComparison decay, LazyFlowRun.RiskCurve curve) {

    static BelowAlphaStarRun measure(LazyInstance inst, double alpha, double tauMax, int points) {
        ScaledFlowPath p = ScaledFlowPath.integrate(inst.flow(alpha, false),
                LazyFlowRun.times(alpha, inst.sigmaMin(), tauMax, points));
        return new BelowAlphaStarRun(inst.provenance(), alpha, inst.alphaStar(), inst.sigmaMin(), inst.sigmaMax(),
                inst.beta(), inst.r0(), LazyFlowRun.decay(p, inst.r0(), inst.decayRate(alpha)),
                LazyFlowRun.RiskCurve.of(p, inst.alphaStar(), inst.sigmaMin(), inst.r0()));
    }
}
