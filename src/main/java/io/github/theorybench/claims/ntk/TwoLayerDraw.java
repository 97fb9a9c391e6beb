package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * One seeded draw of NTK-2's two-layer ReLU net at width m (CLAIMS.md NTK-2): first-layer rows w_j ~ N(0, I_d), then
 * outer weights a_j ~ N(0, 1), in that order.
 */
public record TwoLayerDraw(DenseMatrix w, double[] a) {
    public static TwoLayerDraw build(long seed, int d, int m) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
        return new TwoLayerDraw(w, a);
    }

    public int m() {
        return a.length;
    }
}
