package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;

/**
 * What NTK-2 measures: ‖K_m − K∞‖_F/‖K∞‖_F over widths and weight draws, for the net in NTK parametrization and,
 * as the control, for the same weights in standard parametrization.
 *
 * @param provenance base seed, sizes (n, d, widths, seeds), backend, activation
 * @param ntk errors of f = m^{−1/2} Σ_j a_j σ(w_jᵀx) (output scale m^{−1/2}: exponent 1/2)
 * @param standard errors of f = Σ_j a_j σ(w_jᵀx) on the same weights (exponent 0: K_m = m·K_m^{NTK})
 */
public record TwoLayerKernelConvergence(Provenance provenance, WidthSweep ntk, WidthSweep standard) {
    /** The output scale is m^{−exponent}: NTK parametrization. */
    public static final double NTK_EXPONENT = 0.5;
    /** Standard parametrization, the normalization NTK-2 relies on removed. */
    public static final double STANDARD_EXPONENT = 0.0;
}
