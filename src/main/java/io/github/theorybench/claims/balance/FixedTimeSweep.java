package io.github.theorybench.claims.balance;

/**
 * BAL-4's hypothesis (002: "gradient flow conserves B"; CLAIMS.md BAL-4): gradient descent approximates the flow as
 * μ → 0 at a fixed total time τ = μT, so the sweep must hold μ_k·T_k at one value while μ spans two decades. Then the
 * drift, a sum of T = τ/μ terms of size μ², falls like μ; with T fixed instead, it falls like μ².
 *
 * @param mus the step sizes
 * @param steps T_k for each μ_k
 */
public record FixedTimeSweep(double[] mus, int[] steps) {
    /** μ_k·T_k may differ by rounding T = round(τ/μ) only: 1%. */
    static final double TIME_SPREAD = 1.01;
    /** "μ spanning two decades". */
    static final double DECADES = 100;

    /** Steps T_k = round(τ/μ_k). */
    public static FixedTimeSweep atTotalTime(double[] mus, double tau) {
        int[] steps = new int[mus.length];
        for (int k = 0; k < mus.length; k++) {
            steps[k] = (int) Math.round(tau / mus[k]);
        }
        return new FixedTimeSweep(mus.clone(), steps);
    }

    /** The same step count T for every μ (the control: the claim's normalization removed). */
    public static FixedTimeSweep atStepCount(double[] mus, int t) {
        int[] steps = new int[mus.length];
        java.util.Arrays.fill(steps, t);
        return new FixedTimeSweep(mus.clone(), steps);
    }

    /** max_k μ_k T_k / min_k μ_k T_k. */
    public double timeSpread() {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int k = 0; k < mus.length; k++) {
            double tk = mus[k] * steps[k];
            lo = Math.min(lo, tk);
            hi = Math.max(hi, tk);
        }
        return hi / lo;
    }

    /** max μ / min μ. */
    public double span() {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double mu : mus) {
            lo = Math.min(lo, mu);
            hi = Math.max(hi, mu);
        }
        return hi / lo;
    }

    /** The named predicate: one total time μT (to rounding) over at least two decades of μ. */
    public boolean approximatesFlow() {
        return timeSpread() <= TIME_SPREAD && span() >= DECADES;
    }
}
