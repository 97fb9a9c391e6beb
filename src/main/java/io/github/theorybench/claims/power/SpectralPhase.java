package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.LineFit;
import java.util.ArrayList;
import java.util.List;

/**
 * What PWR-1, 2 and 4 measure: the spectral runs on the family's symmetric instance (d, n, r* = 2, target eigenvalues
 * 1, 0.8, μ = 0.1), with the statistics the verdicts judge.
 *
 * @param provenance seed and sizes of the main instance
 * @param targetNorm ‖XXᵀ‖₂
 * @param lambdas λ₁ … λ₄ of Z = 𝒜*𝒜(XXᵀ)
 * @param concentrationFloor sin of the largest angle between Z's and XXᵀ's top-r* eigenspaces
 * @param runs every run on the main instance
 * @param tracking PWR-1's statistics on the r = r* runs over α = 1e−2 … 1e−8
 * @param alignment PWR-2's statistics
 * @param tSpecFits PWR-4's fits, one per rank, then the control's (α without a spectral phase)
 */
record SpectralPhase(Provenance provenance, double targetNorm, double[] lambdas, double concentrationFloor,
        List<SpectralRuns.Run> runs, Tracking tracking, Alignment alignment, List<TSpecFit> tSpecFits) {

    double lambda(int k) {
        return lambdas[k - 1];
    }

    /** The runs of rank r over the α grid {@code alphas}, in grid order. */
    List<SpectralRuns.Run> runs(int r, double[] alphas) {
        List<SpectralRuns.Run> out = new ArrayList<>();
        for (double a : alphas) {
            runs.stream().filter(x -> x.r() == r && x.alpha() == a).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** The claim's t_spec fits (every rank). */
    List<TSpecFit> claimFits() {
        return tSpecFits.subList(0, tSpecFits.size() - 1);
    }

    TSpecFit noPhaseFit() {
        return tSpecFits.get(tSpecFits.size() - 1);
    }

    /**
     * PWR-1 on the r = r* runs.
     *
     * @param maxDeviation max over α and t ≤ t_spec of ‖U_t − Ũ_t‖_F/‖Ũ_t‖_F
     * @param halfwayFit log-log fit of the deviation at t_spec/2 against α
     * @param maxDeviationPastSmallInit max over α and t up to ‖U_tU_tᵀ‖₂ ≥ ½‖XXᵀ‖₂ of the deviation (control)
     * @param smallInit every run starts inside the spectral phase ({@link PowerHypotheses#spectralPhaseExists})
     */
    record Tracking(double maxDeviation, LineFit halfwayFit, double maxDeviationPastSmallInit, boolean smallInit) {
    }

    /**
     * PWR-2.
     *
     * @param fitFrom first t of the rate fit on the smallest α's r = r* run
     * @param fitTo end (exclusive) of that fit
     * @param fittedRate exp(slope of ln sin∠(U_t, Z) against t)
     * @param q (1 + μλ₃)/(1 + μλ₂)
     * @param sinRStar sin of the angle to Z's top-r* eigenspace at t_spec, α = 1e−8, r = r*
     * @param sinTargetRStar the same angle to XXᵀ's top-r* eigenspace
     * @param sinOverparameterized max over r ≥ 4r* and α ≤ 1e−5 of the sin at t_spec
     * @param worstR the r of that maximum
     * @param worstAlpha the α of that maximum
     * @param separated the target's top-r* eigenspace is separated ({@link PowerHypotheses#separatedTarget})
     * @param sinLargeAlpha the control: sin at t_spec for r = r*, α = 1e−2 (outside α ≤ 1e−8)
     * @param tSpecLargeAlpha that run's t_spec
     * @param initSinLargeAlpha that run's sin at t = 0
     */
    record Alignment(int fitFrom, int fitTo, double fittedRate, double q, double sinRStar, double sinTargetRStar,
            double sinOverparameterized, int worstR, double worstAlpha, boolean separated, double sinLargeAlpha,
            int tSpecLargeAlpha, double initSinLargeAlpha) {
        /** The power method's prediction for the control: tan θ₀·q^{t_spec}, as a sine. */
        double predictedSinLargeAlpha() {
            double tan0 = initSinLargeAlpha / Math.sqrt(Math.max(1e-300, 1 - initSinLargeAlpha * initSinLargeAlpha));
            double tan = tan0 * Math.pow(q, tSpecLargeAlpha);
            return tan / Math.sqrt(1 + tan * tan);
        }
    }

    /**
     * PWR-4: t_spec against ln(1/α) for one rank.
     *
     * @param r columns of U
     * @param alphas the α grid
     * @param tSpec t_spec per α
     * @param phase per α, whether the spectral phase exists ({@link PowerHypotheses#spectralPhaseExists})
     * @param fit the fit over the α with a phase (over all α for the control)
     * @param predicted 1/ln(1 + μλ₁)
     */
    record TSpecFit(int r, double[] alphas, int[] tSpec, boolean[] phase, LineFit fit, double predicted) {
        double ratio() {
            return fit.slope() / predicted;
        }

        int withPhase() {
            int c = 0;
            for (boolean p : phase) {
                c += p ? 1 : 0;
            }
            return c;
        }
    }
}
