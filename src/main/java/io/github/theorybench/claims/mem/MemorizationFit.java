package io.github.theorybench.claims.mem;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.model.MemorizingReluNet;

/**
 * What MEM-1 measures on one {@link MemorizationInstance}: the Zhang et al. construction ({@link MemorizingReluNet})
 * and the net's own evaluation on the training points.
 *
 * @param provenance seed and sizes of the instance
 * @param n points
 * @param params |a| + |b| + |w|
 * @param backwardError componentwise backward error of the triangular solve, max_i |y − Aw|_i / (|A||w| + |y|)_i
 * @param residual max_i |f(x_i) − y_i|
 * @param residualRatio max_i |f(x_i) − y_i| / (10 ε Σ_j |A_ij||w_j|)
 * @param scale max_i Σ_j |A_ij||w_j|
 * @param maxY max_i |y_i|
 * @param minGap smallest gap between sorted projections aᵀx_i
 * @param distinctProjections MEM-1's hypothesis: the projections aᵀx_i are pairwise distinct (beyond their rounding)
 */
public record MemorizationFit(Provenance provenance, int n, int params, double backwardError, double residual,
        double residualRatio, double scale, double maxY, double minGap, boolean distinctProjections) {
    /** Machine epsilon 2^−52, the ε of MEM-1's residual rule. */
    static final double EPS = Math.ulp(1.0);
    /** MEM-1's residual rule: |f(x_i) − y_i| ≤ ROUNDING_FACTOR·ε·Σ_j |A_ij||w_j| (CLAIMS.md). */
    static final double ROUNDING_FACTOR = 10;

    /** max_i Σ_j|A_ij||w_j| / max|y|: how much the construction amplifies the labels' size. */
    public double amplification() {
        return scale / maxY;
    }

    /** max_i |f(x_i) − y_i| / max|y|. */
    public double relativeResidual() {
        return residual / maxY;
    }

    /** The construction with all n neurons (2n + d weights). */
    public static MemorizationFit measure(Backend b, MemorizationInstance inst) {
        return measure(b, inst, inst.n());
    }

    /**
     * The construction with the first {@code neurons} thresholds only (2·neurons + d weights): with n − 1 the net
     * interpolates the n − 1 smallest projections and the last point gets the affine continuation, which its label
     * does not enter (MEM-1's control).
     */
    public static MemorizationFit measure(Backend b, MemorizationInstance inst, int neurons) {
        boolean distinct = MemorizingReluNet.distinctProjections(MemorizingReluNet.project(b, inst.x(), inst.a()),
                MemorizingReluNet.projectionRoundOff(inst.x(), inst.a()));
        Provenance prov = Provenance.of(inst.seed(), b.name(), "n", inst.n(), "d", inst.d());
        if (!distinct) {            // outside the hypothesis the construction does not exist
            return new MemorizationFit(prov, inst.n(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    0.0, false);
        }
        MemorizingReluNet net = MemorizingReluNet.construct(b, inst.x(), inst.y(), inst.a(), neurons);
        double[] f = net.evaluate(b, inst.x());
        double[] abs = net.absoluteProducts(b, inst.x());
        double[] y = inst.y();
        double res = 0, ratio = 0, maxY = 0, scale = 0;
        for (int i = 0; i < y.length; i++) {
            double r = Math.abs(f[i] - y[i]);
            res = Math.max(res, r);
            ratio = Math.max(ratio, r / (ROUNDING_FACTOR * EPS * abs[i]));  // MEM-1: |f − y| / (10 ε Σ_j|A_ij||w_j|)
            maxY = Math.max(maxY, Math.abs(y[i]));
            scale = Math.max(scale, abs[i]);
        }
        return new MemorizationFit(prov, inst.n(), net.parameterCount(), net.backwardError(b), res, ratio, scale, maxY,
                net.minGap(), distinct);
    }
}
