package io.github.theorybench.claims.balance;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.FactorPair;
import org.hipparchus.random.RandomGenerator;

/**
 * The hypothesis of BAL-1 and BAL-2 (002, "Key idea: Vᵀ∇_V L = ∇_W Lᵀ W"): the loss depends on (U, V) only through
 * the product UVᵀ. Tested as invariance under rebalancing (U, V) → (UG, VG⁻ᵀ), which keeps UVᵀ: the defect
 * |L(UG, VG⁻ᵀ) − L(U, V)| / |L(U, V)| is round-off for a loss of the product (κ(G)·ε-level: the rebalanced factors'
 * product equals UVᵀ to a few ulps) and of the size of the dependence otherwise.
 *
 * @param defect |L(UG, VG⁻ᵀ) − L(U, V)| / |L(U, V)|
 */
public record ProductInvariance(double defect) {
    /** Far above the κ(G)·ε round-off of the rebalanced product (G = I + N(0, 1/(4r)) has κ ≲ 10) and far below a
     * first-order dependence on the factors. */
    static final double TOLERANCE = 1e-10;

    /** The named predicate: the loss is a function of UVᵀ at this point. */
    public boolean holds() {
        return defect <= TOLERANCE;
    }

    /** G = I + N(0, 1/(4r)) entries, drawn from {@code seed}: invertible, moderately conditioned. */
    public static DenseMatrix rebalancing(int r, long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix g = RandomMatrices.gaussian(r, r, 0.5 / Math.sqrt(r), rng);
        for (int i = 0; i < r; i++) {
            g.set(i, i, g.get(i, i) + 1);
        }
        return g;
    }

    public static ProductInvariance measure(Backend b, GradientDescent.Problem<FactorPair> problem, FactorPair x,
            DenseMatrix g) {
        DenseMatrix ug = b.multiply(false, false, x.u(), g).toDense();
        // V G⁻ᵀ = (G⁻¹ Vᵀ)ᵀ: solve G Y = Vᵀ
        DenseMatrix vg = b.solve(b.adopt(g), b.adopt(x.v().transpose())).transpose();
        double l = problem.evaluate(x).loss();
        double lg = problem.evaluate(new FactorPair(ug, vg)).loss();
        return new ProductInvariance(Math.abs(lg - l) / Math.abs(l));
    }
}
