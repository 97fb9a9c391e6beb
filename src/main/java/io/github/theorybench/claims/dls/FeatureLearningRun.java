package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.Provenance;
import java.util.List;

/**
 * What DLS-1..3 measure on one seed ({@link FeatureLearningInstance}, measured by {@link FeatureLearningMeasurer}).
 * Test MSEs are against the clean target on the instance's test points; a method not run on this seed (the
 * {@code full} methods run only on the first {@code medianSeeds} seeds) has NaN.
 *
 * @param provenance the seed and sizes of the instance
 * @param full whether the NTK, the fixed-η₁ variant, the η₁ = 0 control at the largest n and DLS-3 ran here
 * @param hessianScale E[g″(uᵀx)] of the instance's target (Assumption 2 holds iff it is not 0)
 * @param sizes one entry per training size n
 * @param transfers one entry per target size N of DLS-3 (empty when not full)
 * @param randomFeatureDirections distinct rows of the random-features W₀ (m/2: the symmetric init mirrors them)
 * @param randomFeatureUnits distinct rows of [W₀ | b] once the biases are re-drawn (m)
 */
record FeatureLearningRun(Provenance provenance, boolean full, double hessianScale, List<AtSize> sizes,
        List<Transfer> transfers, int randomFeatureDirections, int randomFeatureUnits) {

    /** The predictors DLS-2 compares (and its ablations). */
    enum Method {
        ALGORITHM_ONE("Algorithm 1"),
        RANDOM_FEATURES("random features"),
        NTK("NTK"),
        FIXED_ETA("Algorithm 1, fixed eta_1"),
        NO_STEP("Algorithm 1 with eta_1 = 0");

        final String label;

        Method(String label) {
            this.label = label;
        }
    }

    /**
     * One training size n.
     *
     * @param n training samples
     * @param share DLS-1: share of ‖W₁‖_F² along span(u) (scale-free, so the same for both η₁ rules)
     * @param permutedShare the same with f*'s labels permuted against x (DLS-1's control)
     * @param eta1 the RMS-1 step η₁ = √m/‖∇_W L‖_F
     * @param fixedRowNorm mean row norm of W₁ under the fixed η₁ of the paper's constants (NaN if not run)
     * @param mse test MSE by {@link Method} ordinal
     * @param ridge chosen relative ridge by {@link Method} ordinal
     * @param ridgeAtGridEdge how many of this size's ridge choices sit on an end of the grid
     */
    record AtSize(int n, double share, double permutedShare, double eta1, double fixedRowNorm, double[] mse,
            double[] ridge, int ridgeAtGridEdge) {
        double mse(Method m) {
            return mse[m.ordinal()];
        }
    }

    /**
     * One DLS-3 target size N (the target's inputs are DLS-2's training inputs of size N).
     *
     * @param bigN target samples
     * @param pretrained test MSE of the head on each pretrained layer, by the sizes' {@code sources} order
     * @param control the same on the layer pretrained on n_src = d samples (NaN where not run)
     * @param randomFeatures the head on the random-features layer
     * @param ntk kernel ridge with the NTK
     */
    record Transfer(int bigN, double[] pretrained, double control, double randomFeatures, double ntk) {
    }

    AtSize at(int n) {
        return sizes.stream().filter(a -> a.n() == n).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no measurement at n = " + n));
    }

    Transfer transfer(int bigN) {
        return transfers.stream().filter(t -> t.bigN() == bigN).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no transfer measurement at N = " + bigN));
    }
}
