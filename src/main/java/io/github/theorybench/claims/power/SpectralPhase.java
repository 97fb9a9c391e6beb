package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.LineFit;
import java.util.List;

/**
 * What PWR-1, 2 and 4 measure on one symmetric instance (d, n, r* = 2, μ = 0.1): the spectral runs of r = r* over
 * α = 1e−2 … 1e−8 from one Ū, and the statistics the verdicts judge.
 *
 * @param provenance seed and sizes of the instance
 * @param lambdas λ₁, λ₂, λ₃ of Z = 𝒜*𝒜(XXᵀ)
 * @param concentrationFloor sin of the largest angle between Z's and XXᵀ's top-r* eigenspaces
 * @param runs the r = r* runs, one per α, in the order of {@link PowerMethodCheck#ALPHAS}
 * @param halfwayDeviationFit log-log fit of the deviation at t_spec/2 against α (PWR-1)
 * @param alignmentFitFrom first t of PWR-2's rate fit on the smallest α's run
 * @param alignmentFitTo end (exclusive) of that fit
 * @param fittedRate exp(slope of ln sin∠(U_t, Z) against t) over that window (PWR-2)
 * @param q the power-iteration rate (1 + μλ₃)/(1 + μλ₂)
 * @param tSpecFit fit of t_spec against ln(1/α) (PWR-4)
 * @param predictedTSpecSlope 1/ln(1 + μλ₁)
 */
record SpectralPhase(Provenance provenance, double[] lambdas, double concentrationFloor, List<SpectralRuns.Run> runs,
        LineFit halfwayDeviationFit, int alignmentFitFrom, int alignmentFitTo, double fittedRate, double q,
        LineFit tSpecFit, double predictedTSpecSlope) {

    /** max over α of max_{t ≤ t_spec} ‖U_t − Ũ_t‖_F/‖Ũ_t‖_F. */
    double maxDeviation() {
        return runs.stream().mapToDouble(SpectralRuns.Run::maxDeviation).max().orElse(Double.NaN);
    }

    /** The run of the smallest α (the longest power phase). */
    SpectralRuns.Run smallestAlpha() {
        return runs.get(runs.size() - 1);
    }

    double lambda(int k) {
        return lambdas[k - 1];
    }
}
