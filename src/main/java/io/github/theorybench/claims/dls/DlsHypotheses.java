package io.github.theorybench.claims.dls;

import io.github.theorybench.model.features.SingleIndexTask;

/**
 * The hypothesis predicates of DLS-1..5 (Trust rule 1), from seed 004 as CLAIMS.md states them:
 * <ul>
 * <li>{@link #assumptionTwo}: Assumption 2, H = E[∇²f*(x)] has rank r (= 1 for a single-index target). For
 * f* = g(uᵀx), H = E[g″(z)]·uuᵀ and E[g″(z)] = E[g(z)He₂(z)] (Stein's lemma twice), so Assumption 2 holds iff
 * g has a He₂ part. The DLS target He₂/2 + He₄/√48 has E g″ = 1; the He₄-only target (DLS-4's exploratory rows) and
 * the transfer target He₃/√6 have E g″ = 0.</li>
 * <li>{@link #atLeastTwoDSquared}: n ≥ 2d², the sample size at which CLAIMS.md asserts DLS-1's share and the
 * pretraining size of DLS-3 and DLS-5 (Theorems 1 and 3 need n ≳ d²; n_src = d is the controls' broken hypothesis).</li>
 * <li>{@link #atLeastDSquared}: n ≥ d², where DLS-2 asserts Algorithm 1 beating random features seed by seed
 * (CLAIMS.md: "at each n ≥ 100", d = 10).</li>
 * </ul>
 */
final class DlsHypotheses {
    /** The trapezoidal rule on [−Z_MAX, Z_MAX] with this many intervals (see {@link #hessianScale}). */
    static final int INTERVALS = 4000;
    static final double Z_MAX = 14.0;
    /** |E g″| below this counts as zero (the quadrature of an exact zero leaves round-off of order 1e-15). */
    static final double HESSIAN_ZERO = 1e-10;

    private DlsHypotheses() {
    }

    /**
     * E[g″(z)] = E[g(z)(z² − 1)], z ~ N(0, 1), by the trapezoidal rule against the normal density on [−14, 14]: for
     * a polynomial times e^{−z²/2} the rule converges faster than any power of the step (the integrand is analytic
     * and its derivatives vanish at the ends to far below round-off), so 4000 intervals give ~1e-15 for the degree-6
     * integrands here, without the multi-precision node computation of a Gauss–Hermite rule.
     */
    static double hessianScale(SingleIndexTask task) {
        double h = 2 * Z_MAX / INTERVALS, s = 0;
        for (int k = 0; k <= INTERVALS; k++) {
            double z = -Z_MAX + k * h, w = k == 0 || k == INTERVALS ? 0.5 : 1.0;
            s += w * task.target(z) * (z * z - 1) * Math.exp(-0.5 * z * z);
        }
        return s * h / Math.sqrt(2 * Math.PI);
    }

    /** 004's Assumption 2 for a single-index target: E[∇²f*] = E[g″]uuᵀ has rank 1. */
    static boolean assumptionTwo(SingleIndexTask task) {
        return Math.abs(hessianScale(task)) > HESSIAN_ZERO;
    }

    /** n ≥ 2d². */
    static boolean atLeastTwoDSquared(int n, int d) {
        return n >= 2L * d * d;
    }

    /** n ≥ d². */
    static boolean atLeastDSquared(int n, int d) {
        return n >= (long) d * d;
    }
}
