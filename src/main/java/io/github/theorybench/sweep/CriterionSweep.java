package io.github.theorybench.sweep;

import io.github.theorybench.claims.support.WilsonInterval;
import java.util.List;

/**
 * One criterion over a sweep's seed blocks: its outcome per block, pass (or flag) count over the counted blocks with
 * a Wilson 95% interval, the distribution of its statistic, the worst block, and whether Trust rule 3 marks it.
 *
 * @param id claim ID
 * @param name the criterion's key, or its display label for a check not yet converted ({@code keyed} false)
 * @param role claim, control or exploratory
 * @param checks the display labels of its rows, in order of first appearance
 * @param outcomes one {@link BlockOutcome#letter()} per seed of {@code seeds}
 * @param interval null when no block counted
 * @param worst null when no block counted
 * @param mark why rule 3 marks it; empty when it does not
 */
public record CriterionSweep(String id, String name, boolean keyed, String role, String kind, List<String> checks,
        List<Long> seeds, String outcomes, int successes, int trials, int notApplicable, int absent, int errors,
        WilsonInterval interval, Statistic statistic, Worst worst, String mark) {

    /** Trust rule 3: power (flag rate) of at least 95% over at least 20 blocks. */
    public static final double REQUIRED_RATE = 0.95;
    public static final int REQUIRED_BLOCKS = 20;

    public CriterionSweep {
        seeds = List.copyOf(seeds);
        checks = List.copyOf(checks);
    }

    public boolean marked() {
        return !mark.isEmpty();
    }

    public double rate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** A stem for file names: ID, name and role with anything but letters, digits, '.', '-' replaced by '_'. */
    public String stem() {
        return (id + "-" + name + "-" + role).replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /**
     * The values plotted for this criterion: each counted row's {@code observed} against the common threshold
     * ({@code bound}, or {@code windowLow..windowHigh}) when every row shares one; otherwise each row's margin
     * ({@link io.github.theorybench.claims.Verdict#margin()}) against 0. {@code ok[i]} says whether row i held (bit).
     */
    public record Statistic(String name, double[] values, boolean[] ok, double bound, double windowLow,
            double windowHigh, double min, double median, double max, int nonFinite) {
        public boolean hasWindow() {
            return !Double.isNaN(windowLow);
        }

        public boolean hasBound() {
            return !Double.isNaN(bound);
        }
    }

    /** The block that came closest to failing (or failed worst), with its worst row's numbers and the rerun line. */
    public record Worst(long seed, BlockOutcome outcome, double margin, double observed, String rerun) {
    }
}
