package io.github.theorybench.claims.lazy;

/**
 * A risk path against a decay bound R(t) ≤ R₀·exp(−rate(t)·t) (CLAIMS.md LAZY-1/2/5 and "Slack of a decay bound"),
 * compared at every recorded time whose bound is above {@link #FLOOR}·R₀ (below it the integrated risk sits at its
 * round-off floor).
 *
 * @param slack max R/bound over recorded t ≥ 1/rate (CLAIMS.md's slack: at t = 0 the ratio is 1 by construction)
 * @param earlySlack max R/bound over recorded t ≥ 1/(2·rate): for LAZY-1/2's rate α²σ_min²/2 this is t ≥ 1/(α²σ_min²),
 * the window of CLAIMS.md's LAZY-1 calibration
 * @param smallestRateMultiple min over those t of −ln(R/R₀)/(rate·t): the measured decay rate over the bound's
 * @param worstExcess max over compared t of (R − bound)/R₀ (0 when every risk is below its bound)
 */
public record DecayComparison(double slack, double earlySlack, double smallestRateMultiple, double worstExcess) {
    /** Below this multiple of R₀ a bound is not compared. */
    public static final double FLOOR = 1e-10;
    /**
     * The slack windows start at rate·t = 1 and 1/2, where the LAZY flows record exactly (τ = 2 and 1); rate·t computed
     * there may round to 1 − 1ulp, so the window's start is compared with this relative allowance.
     */
    static final double WINDOW_ROUND_OFF = 1e-12;

    /** Compares {@code risk} at times {@code t} with R₀·exp(−rate_k·t_k). */
    public static DecayComparison of(double[] t, double[] risk, double r0, double[] rate) {
        double slack = 0, early = 0, multiple = Double.POSITIVE_INFINITY, worst = 0;
        for (int k = 0; k < t.length; k++) {
            double bound = r0 * Math.exp(-rate[k] * t[k]);
            if (bound < FLOOR * r0) {
                continue;
            }
            worst = Math.max(worst, (risk[k] - bound) / r0);
            boolean resolved = risk[k] > FLOOR * r0 * 1e-3;                // above the integrated risk's round-off
            double rt = rate[k] * t[k] * (1 + WINDOW_ROUND_OFF);
            if (rt >= 0.5 && resolved) {
                early = Math.max(early, risk[k] / bound);
            }
            if (rt >= 1 && resolved) {
                slack = Math.max(slack, risk[k] / bound);
                multiple = Math.min(multiple, -Math.log(risk[k] / r0) / (rate[k] * t[k]));
            }
        }
        return new DecayComparison(slack, early, multiple, worst);
    }

    /** {@code k} copies of a constant rate. */
    public static double[] constant(int k, double v) {
        double[] a = new double[k];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
