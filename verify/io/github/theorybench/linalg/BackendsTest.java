package io.github.theorybench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The set of backends, and what only OpenBLAS does (mixed heap and off-heap operands). */
class BackendsTest {
    @Test
    @DisplayName("OpenBLAS accepts heap and off-heap operands alike")
    void openBlasMixedStorage() {
        Backend b = Backends.byName("openblas");
        RandomGenerator rng = RandomMatrices.rng(9);
        DenseMatrix a = RandomMatrices.gaussian(6, 4, 1, rng), c = RandomMatrices.gaussian(4, 5, 1, rng);
        Matrix direct = b.zeros(6, 5);
        b.gemm(false, false, 1, b.adopt(a), c, 0, direct);
        DenseMatrix heap = DenseMatrix.zeros(6, 5);
        b.gemm(false, false, 1, a, b.adopt(c), 0, heap);
        assertThat(direct).isInstanceOf(DirectMatrix.class);
        assertThat(DenseMatrix.relativeDifference(heap, ReferenceLinearAlgebra.product(a, c))).isLessThan(LinalgTolerances.AGREEMENT);
        assertThat(DenseMatrix.relativeDifference(direct.toDense(), heap)).isLessThan(LinalgTolerances.AGREEMENT);
    }

    @Test
    @DisplayName("every promised backend loads (a missing one fails the build with a one-line cause)")
    void everyPromisedBackendLoads() {
        assertThat(Backends.all()).extracting(Backend::name).containsExactlyElementsOf(Backends.NAMES);
        for (Backend b : Backends.all()) {
            assertThat(b.description()).doesNotContain("\n").contains(b.version());
        }
        assertThatThrownBy(() -> Backends.byName("cuda")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown backend 'cuda'");
    }
}
