package io.github.theorybench.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link BlockPredictor} against Σ_j a_j max(s w_j·x + b_j, 0) by loops, across blocks, variants and backends. */
class BlockPredictorTest {
    /** Sums of m = 50 terms of size O(1) in another order: a few hundred ulps at most. */
    private static final double TOLERANCE = 1e-12;

    @Test
    @DisplayName("predictions equal loops for two scales sharing W, one and three heads, n not a multiple of the block, heap and off-heap backends")
    void matchesLoops() {
        for (Backend b : List.of(Backends.byName("ejml"), Backends.byName("openblas"))) {
            RandomGenerator rng = RandomMatrices.rng(3);
            int n = 2 * BlockPredictor.BLOCK_ROWS + 37, m = 50, d = 6;
            DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng), w = RandomMatrices.gaussian(m, d, 1.0, rng);
            double[] b1 = RandomMatrices.gaussianVector(m, 1.0, rng), b2 = RandomMatrices.gaussianVector(m, 1.0, rng);
            DenseMatrix h1 = RandomMatrices.gaussian(1, m, 1.0, rng), h3 = RandomMatrices.gaussian(3, m, 1.0, rng);
            List<BlockPredictor.Variant> vs = List.of(new BlockPredictor.Variant(-2.5, b1, h1),
                    new BlockPredictor.Variant(0.7, b2, h3));
            double[][][] out = BlockPredictor.predict(b, x, w, vs);
            for (int v = 0; v < 2; v++) {
                for (int h = 0; h < vs.get(v).heads().rows(); h++) {
                    for (int i = 0; i < n; i++) {
                        double e = 0;
                        for (int j = 0; j < m; j++) {
                            double z = vs.get(v).biases()[j];
                            for (int k = 0; k < d; k++) {
                                z += vs.get(v).scale() * w.get(j, k) * x.get(i, k);
                            }
                            e += vs.get(v).heads().get(h, j) * Math.max(z, 0);
                        }
                        assertThat(out[v][h][i]).as("%s v%d h%d i%d", b.name(), v, h, i)
                                .isCloseTo(e, within(TOLERANCE * Math.max(1, Math.abs(e))));
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("shape checks: W's columns must match the inputs, biases and heads the width")
    void shapes() {
        Backend b = Backends.byName(Backends.DEFAULT);
        DenseMatrix x = DenseMatrix.zeros(3, 2), w = DenseMatrix.zeros(4, 2);
        assertThatThrownBy(() -> BlockPredictor.predict(b, x, DenseMatrix.zeros(4, 3), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for inputs");
        assertThatThrownBy(() -> BlockPredictor.predict(b, x, w, List.of(new BlockPredictor.Variant(1, new double[3],
                DenseMatrix.zeros(1, 4))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 biases");
    }
}
