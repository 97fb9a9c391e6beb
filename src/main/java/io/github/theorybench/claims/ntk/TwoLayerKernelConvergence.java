package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;

/**
 * What NTK-2 measures: ‖K_m − K∞‖_F/‖K∞‖_F over widths and weight draws.
 *
 * @param provenance base seed, sizes (n, d, widths, seeds), backend, activation
 * @param ntk errors of the net in NTK parametrization f = m^{−1/2} Σ_j a_j σ(w_jᵀx)
 */
public record TwoLayerKernelConvergence(Provenance provenance, WidthSweep ntk) {
}
