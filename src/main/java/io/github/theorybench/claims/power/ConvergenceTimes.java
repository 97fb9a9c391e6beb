package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.Quantiles;
import java.util.Arrays;
import java.util.List;

/**
 * What PWR-6 measures: per init scale α, the median iterations to L_T ≤ 1e−3 L₀ over init seeds for each
 * r ∈ {r*, 4r*, 10r*}, split into the spectral phase and the rest.
 *
 * @param provenance instance seed and sizes
 * @param rs the ranks
 * @param initSeeds init seeds per r
 * @param summaries one per α, the asserted α first
 */
record ConvergenceTimes(Provenance provenance, int[] rs, int initSeeds, List<Summary> summaries) {

    /**
     * Medians per r of one α's runs.
     *
     * @param alpha the init scale
     * @param total median T
     * @param spectral median t_spec
     * @param rest median T − t_spec
     * @param minTotal smallest T over init seeds
     * @param maxTotal largest T over init seeds
     * @param reached every run reached L ≤ 1e−3 L₀ and t_spec within the cap
     */
    record Summary(double alpha, double[] total, double[] spectral, double[] rest, double[] minTotal,
            double[] maxTotal, boolean reached) {
        static Summary of(double alpha, int[] rs, List<ConvergenceRuns.Run> runs) {
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
            return new Summary(alpha, tot, spec, rest, lo, hi, reached);
        }
    }
}
