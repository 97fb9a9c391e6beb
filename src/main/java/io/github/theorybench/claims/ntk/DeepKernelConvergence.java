package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;

/**
 * What NTK-3 measures at one depth L: ‖Θ_m − Θ‖_F/‖Θ‖_F over widths and weight draws, against the Arora et al.
 * recursion and against the two convention errors CLAIMS.md names.
 *
 * @param provenance base seed, sizes (L, n, d, widths, seeds), backend, activation
 * @param hiddenLayers L
 * @param ntk errors against the recursion Θ
 * @param noOutputTerm errors against the recursion without the output layer's Σ⁽ᴸ⁾ term
 * @param noCSigmaDot errors against the recursion without c_σ in Σ̇
 * @param thetaDiagonal Θ(x₁, x₁) of the recursion (L + 1 for unit inputs)
 */
public record DeepKernelConvergence(Provenance provenance, int hiddenLayers, WidthSweep ntk, WidthSweep noOutputTerm,
        WidthSweep noCSigmaDot, double thetaDiagonal) {
}
