package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The Zhang et al. construction: triangular structure, forward substitution, interpolation, bad input. */
class MemorizingReluNetTest {
    @Test
    void systemIsLowerTriangularWithPositiveDiagonalAndSolveMatchesLu() {
        Backend b = Backends.byName("ejml");
        var rng = RandomMatrices.rng(2);
        DenseMatrix x = RandomMatrices.gaussian(8, 4, 1, rng);
        double[] y = RandomMatrices.gaussianVector(8, 1, rng);
        MemorizingReluNet net = MemorizingReluNet.construct(b, x, y, RandomMatrices.unitRows(1, 4, rng).data());
        DenseMatrix a = net.system();
        for (int i = 0; i < 8; i++) {
            assertThat(a.get(i, i)).isPositive();
            for (int j = i + 1; j < 8; j++) {
                assertThat(a.get(i, j)).isZero();
            }
        }
        double[] lu = b.solve(a, DenseMatrix.columnVector(net.sortedLabels())).data();
        double[] w = net.outputWeights();
        for (int j = 0; j < 8; j++) {
            assertThat(w[j]).isCloseTo(lu[j], Offset.offset(1e-9 * Math.max(1, Math.abs(lu[j]))));
        }
        double[] f = net.evaluate(b, x);
        for (int i = 0; i < 8; i++) {
            assertThat(f[i]).isCloseTo(y[i], Offset.offset(1e-8));
        }
        assertThat(net.parameterCount()).isEqualTo(2 * 8 + 4); // n = 8: small enough that LU does not call A singular
        assertThat(net.backwardError(b)).isLessThan(1e-15);
    }

    @Test
    void oneNeuronFewerInterpolatesAllButTheLargestProjection() {
        Backend b = Backends.byName("ejml");
        var rng = RandomMatrices.rng(3);
        DenseMatrix x = RandomMatrices.gaussian(8, 4, 1, rng);
        double[] y = RandomMatrices.gaussianVector(8, 1, rng);
        double[] a = RandomMatrices.unitRows(1, 4, rng).data();
        MemorizingReluNet full = MemorizingReluNet.construct(b, x, y, a);
        MemorizingReluNet cut = MemorizingReluNet.construct(b, x, y, a, 7);
        assertThat(cut.parameterCount()).isEqualTo(2 * 7 + 4);
        assertThat(cut.thresholds()).containsExactly(java.util.Arrays.copyOf(full.thresholds(), 7));
        assertThat(cut.system().rows()).isEqualTo(7);
        double[] z = MemorizingReluNet.project(b, x, a), f = cut.evaluate(b, x);
        double zMax = java.util.Arrays.stream(z).max().orElseThrow();
        for (int i = 0; i < 8; i++) {
            if (z[i] < zMax) {
                assertThat(f[i]).isCloseTo(y[i], Offset.offset(1e-8));
            } else {
                assertThat(Math.abs(f[i] - y[i])).isGreaterThan(1e-3);   // the affine continuation misses y
            }
        }
        assertThatThrownBy(() -> MemorizingReluNet.construct(b, x, y, a, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemorizingReluNet.construct(b, x, y, a, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardSubstitutionSolvesASmallSystemExactly() {
        DenseMatrix l = DenseMatrix.of(3, 3, 2, 0, 0, 1, 4, 0, -1, 2, 8);
        double[] w = MemorizingReluNet.forwardSubstitution(l, new double[] {2, 5, 9});
        assertThat(w).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void coincidingProjectionsAreRejected() {
        DenseMatrix x = DenseMatrix.of(3, 2, 1, 0, 1, 5, 2, 0);   // a = e_1: the first two project to 1
        assertThatThrownBy(() -> MemorizingReluNet.construct(Backends.byName("ejml"), x, new double[] {1, 2, 3},
                new double[] {1, 0})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
    }
}
