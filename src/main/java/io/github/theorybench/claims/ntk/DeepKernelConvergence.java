package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;

/**
 * What NTK-3 measures at one depth L: ‖Θ_m − Θ‖_F/‖Θ‖_F over widths and weight draws, against the Arora et al.
 * recursion Θ; the same for the net without its width normalization (the control); and, on the claim's net, the
 * errors against the recursion with either convention error CLAIMS.md names (calibrated: they plateau at 0.2–1.5).
 *
 * @param provenance base seed, sizes (L, n, d, widths, seeds), backend, activation
 * @param hiddenLayers L
 * @param ntk errors of Θ_m (layer scale sqrt(c_σ/m)) against Θ
 * @param unscaled errors of Θ_m with layer scale sqrt(c_σ) (= m^L Θ_m) against Θ
 * @param noOutputTerm errors of Θ_m against the recursion without the output layer's Σ⁽ᴸ⁾ term
 * @param noCSigmaDot errors of Θ_m against the recursion without c_σ in Σ̇
 * @param thetaDiagonal Θ(x₁, x₁) of the recursion (L + 1 for unit inputs)
 */
public record DeepKernelConvergence(Provenance provenance, int hiddenLayers, WidthSweep ntk, WidthSweep unscaled,
        WidthSweep noOutputTerm, WidthSweep noCSigmaDot, double thetaDiagonal) {
    public int seeds() {
        return ntk.seeds();
    }
}
