package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What PWR-5 measures: per sample size n, the spectrum of Z, the heuristic exponent and, per rank r, the final errors
 * against α with their log-log fit.
 *
 * @param provenance base seed and sizes
 * @param d d₁ = d₂
 * @param alphas the init scales
 * @param sampleSizes one entry per n
 */
record FinalErrors(Provenance provenance, int d, double[] alphas, List<SampleSize> sampleSizes) {

    /**
     * @param n number of measurements
     * @param sigmas σ_k(Z), descending
     * @param heuristic 2(1 − ln(1 + μσ₃)/ln(1 + μσ₁))
     * @param hypothesis whether n meets the sample-size hypothesis
     * @param fits one per r
     */
    record SampleSize(int n, double[] sigmas, double heuristic, boolean hypothesis, List<Fit> fits) {
        /** The fit of rank r, or null. */
        Fit fit(int r) {
            return fits.stream().filter(f -> f.r() == r).findFirst().orElse(null);
        }
    }

    /**
     * One rank's runs over α.
     *
     * @param r columns of U and V
     * @param errors final relative error per α
     * @param steps steps to the plateau per α
     * @param allPlateau every run reached its plateau before the cap
     * @param exponent log-log slope of the final error in α
     * @param fixedExponent the same slope at a fixed T (NaN when not run)
     */
    record Fit(int r, double[] errors, int[] steps, boolean allPlateau, double exponent, double fixedExponent) {
        static Fit of(int r, double[] alphas, List<PlateauRuns.Run> runs, List<PlateauRuns.Run> fixed) {
            double[] err = runs.stream().mapToDouble(PlateauRuns.Run::finalError).toArray();
            int[] steps = runs.stream().mapToInt(PlateauRuns.Run::steps).toArray();
            boolean all = runs.stream().allMatch(PlateauRuns.Run::plateau);
            double exponent = r == FinalErrorScalingCheck.R_STAR ? Double.NaN : LineFit.logLog(alphas, err).slope();
            double fixedExponent = fixed.isEmpty() ? Double.NaN : LineFit.logLog(alphas,
                    fixed.stream().mapToDouble(PlateauRuns.Run::finalError).toArray()).slope();
            return new Fit(r, err, steps, all, exponent, fixedExponent);
        }

        int maxSteps() {
            int m = 0;
            for (int s : steps) {
                m = Math.max(m, s);
            }
            return m;
        }

        double maxError() {
            double m = Double.NEGATIVE_INFINITY;
            for (double e : errors) {
                m = Math.max(m, e);
            }
            return m;
        }

        double minError() {
            double m = Double.POSITIVE_INFINITY;
            for (double e : errors) {
                m = Math.min(m, e);
            }
            return m;
        }

        String errorsText() {
            return java.util.Arrays.stream(errors).mapToObj(e -> NumberText.format("%.2e", e))
                    .collect(Collectors.joining(", "));
        }

        String stepsText() {
            return java.util.Arrays.stream(steps).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        }
    }
}
