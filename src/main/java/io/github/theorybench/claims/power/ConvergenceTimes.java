package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.Quantiles;
import java.util.Arrays;
import java.util.List;

/**
 * What PWR-6 measures: per setting (init scale α, step μ), the median iterations to L_T ≤ 1e−3 L₀ over init seeds for
 * each r ∈ {r*, 4r*, 10r*}, split into the spectral phase and the rest; and, at the asserted setting, the saddle
 * delay of r = r* against its prediction from the inits.
 *
 * @param provenance instance seed and sizes
 * @param rs the ranks
 * @param initSeeds init seeds per r
 * @param targetNorm ‖XXᵀ‖₂
 * @param summaries one per setting: the asserted one first, then the control, then the reported ablations
 * @param delay the r = r* delay at the asserted setting
 */
record ConvergenceTimes(Provenance provenance, int[] rs, int initSeeds, double targetNorm, List<Summary> summaries,
        Delay delay) {

    Summary asserted() {
        return summaries.get(0);
    }

    Summary control() {
        return summaries.get(1);
    }

    /**
     * Medians per r of one setting's runs.
     *
     * @param label what the setting is ("asserted", "control", an ablation)
     * @param alpha the init scale
     * @param mu the step size
     * @param total median T
     * @param spectral median t_spec
     * @param rest median T − t_spec
     * @param minTotal smallest T over init seeds
     * @param maxTotal largest T over init seeds
     * @param reached every run reached L ≤ 1e−3 L₀ and t_spec within the cap
     * @param maxInitNorm largest ‖U₀‖₂ over the runs (the hypothesis: ‖U₀U₀ᵀ‖₂ &lt; 0.01‖XXᵀ‖₂)
     */
    record Summary(String label, double alpha, double mu, double[] total, double[] spectral, double[] rest,
            double[] minTotal, double[] maxTotal, boolean reached, double maxInitNorm) {
        static Summary of(String label, double alpha, double mu, int[] rs, List<ConvergenceRuns.Run> runs,
                double maxInitNorm) {
            int m = rs.length;
            double[] tot = new double[m], spec = new double[m], rest = new double[m], lo = new double[m],
                    hi = new double[m];
            boolean reached = true;
            for (int i = 0; i < m; i++) {
                int r = rs[i];
                List<ConvergenceRuns.Run> mine = runs.stream().filter(x -> x.r() == r).toList();
                reached &= mine.stream().allMatch(x -> x.total() >= 0 && x.tSpec() >= 0);
                double[] t = mine.stream().mapToDouble(ConvergenceRuns.Run::total).toArray();
                tot[i] = Quantiles.median(t);
                spec[i] = Quantiles.median(mine.stream().mapToDouble(ConvergenceRuns.Run::tSpec).toArray());
                rest[i] = Quantiles.median(mine.stream().mapToDouble(x -> x.total() - x.tSpec()).toArray());
                lo[i] = Arrays.stream(t).min().orElse(Double.NaN);
                hi[i] = Arrays.stream(t).max().orElse(Double.NaN);
            }
            return new Summary(label, alpha, mu, tot, spec, rest, lo, hi, reached, maxInitNorm);
        }

        /** T(4r*)/T(10r*), the asserted statistic. */
        double overparameterizedRatio() {
            return total[1] / total[2];
        }

        /** T(r*)/T(4r*) (CLAIMS.md's calibrated 2.5). */
        double rStarRatio() {
            return total[0] / total[1];
        }
    }

    /**
     * The extra steps r = r* takes over r = 4r*, init by init (init s of r* against init s of 4r*), against the
     * prediction ln(σ_{r*}(QᵀŪ_{4r*})/σ_{r*}(QᵀŪ_{r*}))/ln(1 + μλ_{r*}) (Q: Z's top-r* eigenvectors): the weakest
     * signal direction grows by 1 + μλ_{r*} a step from a start set by the smallest singular value of the inits'
     * r* × r signal block.
     *
     * @param measured T(r*, s) − T(4r*, s) per init s
     * @param predicted the prediction per init s
     */
    record Delay(double[] measured, double[] predicted) {
        double medianMeasured() {
            return Quantiles.median(measured);
        }

        double medianPredicted() {
            return Quantiles.median(predicted);
        }

        /** Pearson correlation of measured and predicted delays over the inits. */
        double correlation() {
            int n = measured.length;
            double mx = 0, my = 0;
            for (int i = 0; i < n; i++) {
                mx += measured[i] / n;
                my += predicted[i] / n;
            }
            double sxy = 0, sxx = 0, syy = 0;
            for (int i = 0; i < n; i++) {
                sxy += (measured[i] - mx) * (predicted[i] - my);
                sxx += (measured[i] - mx) * (measured[i] - mx);
                syy += (predicted[i] - my) * (predicted[i] - my);
            }
            return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
        }
    }
}
