package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;

/**
 * What NTK-5 measures: the gap to the NTK predictor over widths and seeds, for the claim's setting (antisymmetric
 * init, κ = 1), the control (random init, κ = 1) and κ = 0.1 (antisymmetric, reported as exploratory).
 *
 * @param provenance the run's seed, sizes, backend, activation
 * @param claim antisymmetric init, κ = 1
 * @param randomInit random init, κ = 1
 * @param smallKappa antisymmetric init, κ = 0.1
 */
public record KernelPredictorGap(Provenance provenance, PredictorSweep claim, PredictorSweep randomInit,
        PredictorSweep smallKappa) {
}
