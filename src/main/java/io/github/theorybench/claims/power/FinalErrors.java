package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.Quantiles;
import io.github.theorybench.claims.support.RankTrend;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What PWR-5 measures (CLAIMS.md PWR-5 with its second-wave correction): on the non-injective setup (d₁ = d₂ = 40,
 * n &lt; d₁d₂) per (n, seed) the spectrum of Z, the heuristic exponent and per rank the fitted exponents of the error in
 * α at the loss plateau T and at 2T (and, for the control, at the first t with L_t &lt; 0.1 L₀ and twice that), with
 * the rank trend of the exponent in n; on the injective setup (d = 20, n ≥ d₁d₂, exploratory) the previous plateau
 * rule's fits.
 *
 * @param provenance base seed and the main setup's sizes
 * @param alphas the main setup's init scales
 * @param samples one per (n, seed) of the main setup, n-major
 * @param trends per rank r &gt; r*: the rank trend of the exponent in n and the permuted-label control
 * @param injective the injective setup's measurement
 */
record FinalErrors(Provenance provenance, double[] alphas, List<Sample> samples, List<Trend> trends,
        Injective injective) {

    /** The samples of sample size n. */
    List<Sample> samples(int n) {
        return samples.stream().filter(s -> s.n() == n).toList();
    }

    /** The distinct sample sizes, in order. */
    int[] ns() {
        return samples.stream().mapToInt(Sample::n).distinct().toArray();
    }

    /**
     * One (n, seed) instance of the main setup.
     *
     * @param provenance its seed and sizes
     * @param n measurements
     * @param sigmas σ_k(Z) descending, Z = 𝒜*(y)
     * @param heuristic 2(1 − ln(1 + μσ₃)/ln(1 + μσ₁))
     * @param regime {@link PowerHypotheses#belowInjectivity} for every rank
     * @param fits one per rank
     */
    record Sample(Provenance provenance, int n, double[] sigmas, double heuristic, boolean regime, List<Fit> fits) {
        Fit fit(int r) {
            return fits.stream().filter(f -> f.r() == r).findFirst().orElseThrow();
        }
    }

    /**
     * One rank's runs over α on one instance.
     *
     * @param r columns of U and V
     * @param errorT relative error at the plateau T, per α
     * @param error2T the same at 2T
     * @param stepsT T per α
     * @param allPlateau every run reached its plateau and 2T before the cap
     * @param exponentT log-log slope of errorT in α
     * @param exponent2T the same for error2T
     * @param exponentEarly the slope at the first t with L_t &lt; 0.1 L₀ (control)
     * @param exponentEarlyTwice the slope at twice that t (control)
     */
    record Fit(int r, double[] errorT, double[] error2T, int[] stepsT, boolean allPlateau, double exponentT,
            double exponent2T, double exponentEarly, double exponentEarlyTwice) {
        static Fit of(int r, double[] alphas, List<PlateauRuns.Run> runs) {
            double[] eT = runs.stream().mapToDouble(x -> x.mark(0).error()).toArray();
            double[] e2T = runs.stream().mapToDouble(x -> x.mark(0).errorAtTwice()).toArray();
            double[] early = runs.stream().mapToDouble(x -> x.mark(1).error()).toArray();
            double[] early2 = runs.stream().mapToDouble(x -> x.mark(1).errorAtTwice()).toArray();
            boolean all = runs.stream().allMatch(x -> x.plateau() && Double.isFinite(x.mark(0).errorAtTwice())
                    && Double.isFinite(x.mark(1).errorAtTwice()));
            int[] steps = runs.stream().mapToInt(x -> x.mark(0).t()).toArray();
            return new Fit(r, eT, e2T, steps, all, slope(alphas, eT), slope(alphas, e2T), slope(alphas, early),
                    slope(alphas, early2));
        }

        private static double slope(double[] x, double[] y) {
            for (double v : y) {
                if (!(v > 0) || !Double.isFinite(v)) {
                    return Double.NaN;
                }
            }
            return LineFit.logLog(x, y).slope();
        }

        /** |exponent(2T) − exponent(T)|. */
        double shift() {
            return Math.abs(exponent2T - exponentT);
        }

        /** |exponent(2T₁) − exponent(T₁)| at the control's pre-plateau time T₁. */
        double earlyShift() {
            return Math.abs(exponentEarlyTwice - exponentEarly);
        }

        String errorsText(double[] e) {
            return Arrays.stream(e).mapToObj(v -> NumberText.format("%.2e", v)).collect(Collectors.joining(", "));
        }

        String stepsText() {
            return Arrays.stream(stepsT).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        }
    }

    /**
     * The rank trend of the plateau exponent in n over every (n, seed) of one rank, and the same test with the n
     * labels permuted (control).
     *
     * @param r the rank
     * @param trend Spearman trend of exponentT in n, one-sided (increasing)
     * @param permuted the same on permuted n labels
     */
    record Trend(int r, RankTrend trend, RankTrend permuted) {
    }

    /**
     * The injective setup (exploratory): per n, the fits with the first plateau rule.
     *
     * @param d d₁ = d₂
     * @param alphas its init scales
     * @param sampleSizes one per n
     */
    record Injective(int d, double[] alphas, List<SampleSize> sampleSizes) {
    }

    /**
     * @param provenance seed and sizes of the instance
     * @param n number of measurements
     * @param sigmas σ_k(Z), descending
     * @param heuristic 2(1 − ln(1 + μσ₃)/ln(1 + μσ₁))
     * @param fits one per r
     */
    record SampleSize(Provenance provenance, int n, double[] sigmas, double heuristic, List<InjectiveFit> fits) {
    }

    /**
     * One rank's runs over α on the injective setup.
     *
     * @param r columns of U and V
     * @param errors error at the first plateau rule per α
     * @param steps steps to that plateau per α
     * @param allPlateau every run reached the plateau before the cap
     * @param exponent log-log slope of the error in α (NaN for r = r*)
     * @param fixedExponent the same slope at T = 3000 (NaN when not run)
     */
    record InjectiveFit(int r, double[] errors, int[] steps, boolean allPlateau, double exponent,
            double fixedExponent) {
        static InjectiveFit of(int r, double[] alphas, List<PlateauRuns.Run> runs, List<PlateauRuns.Run> fixed) {
            double[] err = runs.stream().mapToDouble(PlateauRuns.Run::finalError).toArray();
            int[] steps = runs.stream().mapToInt(PlateauRuns.Run::steps).toArray();
            boolean all = runs.stream().allMatch(PlateauRuns.Run::plateau);
            double exponent = r == FinalErrorScalingCheck.R_STAR ? Double.NaN : LineFit.logLog(alphas, err).slope();
            double fixedExponent = fixed.isEmpty() ? Double.NaN : LineFit.logLog(alphas,
                    fixed.stream().mapToDouble(PlateauRuns.Run::finalError).toArray()).slope();
            return new InjectiveFit(r, err, steps, all, exponent, fixedExponent);
        }

        double maxError() {
            return Arrays.stream(errors).max().orElse(Double.NaN);
        }

        double minError() {
            return Arrays.stream(errors).min().orElse(Double.NaN);
        }

        String errorsText() {
            return Arrays.stream(errors).mapToObj(e -> NumberText.format("%.2e", e)).collect(Collectors.joining(", "));
        }

        String stepsText() {
            return Arrays.stream(steps).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        }
    }

    /** Median over the samples of size n of a per-fit number of rank r. */
    double median(int n, int r, java.util.function.ToDoubleFunction<Fit> f) {
        return Quantiles.median(samples(n).stream().mapToDouble(s -> f.applyAsDouble(s.fit(r))).toArray());
    }

    /** Median heuristic exponent at n. */
    double medianHeuristic(int n) {
        return Quantiles.median(samples(n).stream().mapToDouble(Sample::heuristic).toArray());
    }
}
