package io.github.theorybench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every backend against a plain triple-loop reference and so against every other, to 1e-10 relative, on the same
 * inputs; edge shapes included. Decompositions are checked by reconstruction and orthogonality.
 */
class BackendAgreementTest {
    static final double TOL = 1e-10;

    static List<Backend> backends() {
        return Backends.all();
    }

    /** (rows of op(A), k, cols of op(B)) including 1x1, tall, wide, and k = 1. */
    static Stream<Arguments> gemmCases() {
        int[][] shapes = {{1, 1, 1}, {7, 5, 4}, {1, 9, 1}, {300, 3, 2}, {2, 3, 300}, {5, 1, 6}, {64, 64, 64},
            {33, 17, 1}};
        Stream.Builder<Arguments> b = Stream.builder();
        for (Backend be : backends()) {
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    b.add(Arguments.of(be.name(), s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
                }
            }
        }
        return b.build();
    }

    static DenseMatrix naiveProduct(DenseMatrix a, DenseMatrix b) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int k = 0; k < a.cols(); k++) {
                    s += a.get(i, k) * b.get(k, j);
                }
                c.set(i, j, s);
            }
        }
        return c;
    }

    @ParameterizedTest(name = "{0} gemm {1}x{2}x{3} transA={4} transB={5}")
    @MethodSource("gemmCases")
    void gemmMatchesReference(String name, int r, int k, int c, boolean ta, boolean tb) {
        Backend b = Backends.byName(name);
        RandomGenerator rng = RandomMatrices.rng(r * 1000L + k * 10L + c);
        DenseMatrix opA = RandomMatrices.gaussian(r, k, 1, rng), opB = RandomMatrices.gaussian(k, c, 1, rng);
        DenseMatrix c0 = RandomMatrices.gaussian(r, c, 1, rng);
        // Pass the stored (untransposed) operand and let the flag transpose it.
        Matrix a = b.adopt(ta ? opA.transpose() : opA), bb = b.adopt(tb ? opB.transpose() : opB);
        Matrix out = b.adopt(c0.copy());
        b.gemm(ta, tb, 1.5, a, bb, -0.5, out);
        DenseMatrix expected = naiveProduct(opA, opB).scale(1.5).plusScaled(-0.5, c0);
        assertThat(DenseMatrix.relativeDifference(out.toDense(), expected)).isLessThan(TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void syrkGemvHadamardMatchReference(Backend b) {
        RandomGenerator rng = RandomMatrices.rng(11);
        for (int[] s : new int[][] {{1, 1}, {6, 40}, {40, 6}, {1, 50}}) {
            DenseMatrix a = RandomMatrices.gaussian(s[0], s[1], 1, rng);
            DenseMatrix c0 = RandomMatrices.gaussian(s[0], s[0], 1, rng);
            c0 = c0.plusScaled(1, c0.transpose());
            Matrix c = b.adopt(c0.copy());
            b.syrk(false, 2.0, b.adopt(a), 0.25, c);
            assertThat(DenseMatrix.relativeDifference(c.toDense(),
                    naiveProduct(a, a.transpose()).scale(2.0).plusScaled(0.25, c0))).isLessThan(TOL);
            Matrix ct = b.zeros(s[1], s[1]);
            b.syrk(true, 1.0, b.adopt(a), 0.0, ct);
            assertThat(DenseMatrix.relativeDifference(ct.toDense(), naiveProduct(a.transpose(), a))).isLessThan(TOL);
            DenseMatrix x = RandomMatrices.gaussian(s[1], 1, 1, rng), y0 = RandomMatrices.gaussian(s[0], 1, 1, rng);
            Matrix y = b.adopt(y0.copy());
            b.gemv(false, 0.5, b.adopt(a), b.adopt(x), 2.0, y);
            assertThat(DenseMatrix.relativeDifference(y.toDense(), naiveProduct(a, x).scale(0.5).plusScaled(2.0, y0)))
                    .isLessThan(TOL);
            DenseMatrix z = RandomMatrices.gaussian(s[0], 1, 1, rng);
            Matrix yt = b.zeros(s[1], 1);
            b.gemv(true, 1.0, b.adopt(a), b.adopt(z), 0.0, yt);
            assertThat(DenseMatrix.relativeDifference(yt.toDense(), naiveProduct(a.transpose(), z)))
                    .isLessThan(TOL);
            DenseMatrix h = RandomMatrices.gaussian(s[0], s[1], 1, rng);
            Matrix hc = b.zeros(s[0], s[1]);
            b.hadamard(b.adopt(a), b.adopt(h), hc);
            for (int k = 0; k < a.size(); k++) {
                assertThat(hc.getFlat(k)).isEqualTo(a.getFlat(k) * h.getFlat(k));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void symmetricEigenReconstructsAndIsOrthogonal(Backend b) {
        RandomGenerator rng = RandomMatrices.rng(5);
        for (int n : new int[] {1, 2, 9, 40}) {
            DenseMatrix g = RandomMatrices.gaussian(n, n, 1, rng);
            DenseMatrix s = g.plusScaled(1, g.transpose());
            SymmetricEigen e = b.eigSym(b.adopt(s));
            DenseMatrix v = e.vectors();
            DenseMatrix lv = DenseMatrix.zeros(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    lv.set(i, j, v.get(i, j) * e.values()[j]);
                }
            }
            assertThat(DenseMatrix.relativeDifference(naiveProduct(lv, v.transpose()), s)).isLessThan(TOL);
            assertThat(DenseMatrix.relativeDifference(naiveProduct(v.transpose(), v), DenseMatrix.identity(n)))
                    .isLessThan(TOL);
            for (int i = 1; i < n; i++) {
                assertThat(e.values()[i]).isGreaterThanOrEqualTo(e.values()[i - 1]);
            }
            SymmetricEigen ref = Backends.byName("ejml").eigSym(s);
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(e.values()),
                    DenseMatrix.columnVector(ref.values()))).isLessThan(TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void svdReconstructsAndIsOrthogonal(Backend b) {
        RandomGenerator rng = RandomMatrices.rng(6);
        for (int[] shape : new int[][] {{1, 1}, {8, 3}, {3, 8}, {50, 7}, {1, 12}}) {
            DenseMatrix a = RandomMatrices.gaussian(shape[0], shape[1], 1, rng);
            SingularValues svd = b.svd(b.adopt(a));
            int k = Math.min(shape[0], shape[1]);
            DenseMatrix us = DenseMatrix.zeros(shape[0], k);
            for (int i = 0; i < shape[0]; i++) {
                for (int j = 0; j < k; j++) {
                    us.set(i, j, svd.u().get(i, j) * svd.s()[j]);
                }
            }
            assertThat(DenseMatrix.relativeDifference(naiveProduct(us, svd.v().transpose()), a)).isLessThan(TOL);
            assertThat(DenseMatrix.relativeDifference(naiveProduct(svd.u().transpose(), svd.u()),
                    DenseMatrix.identity(k))).isLessThan(TOL);
            assertThat(DenseMatrix.relativeDifference(naiveProduct(svd.v().transpose(), svd.v()),
                    DenseMatrix.identity(k))).isLessThan(TOL);
            SingularValues ref = Backends.byName("ejml").svd(a);
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(svd.s()),
                    DenseMatrix.columnVector(ref.s()))).isLessThan(TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void solveAndMinimumNormLeastSquares(Backend b) {
        RandomGenerator rng = RandomMatrices.rng(8);
        DenseMatrix a = RandomMatrices.gaussian(12, 12, 1, rng).plusScaled(5, DenseMatrix.identity(12));
        DenseMatrix rhs = RandomMatrices.gaussian(12, 3, 1, rng);
        DenseMatrix x = b.solve(b.adopt(a), b.adopt(rhs));
        assertThat(DenseMatrix.relativeDifference(naiveProduct(a, x), rhs)).isLessThan(TOL);
        // tall (overdetermined), wide (min-norm), rank-deficient (min-norm)
        DenseMatrix ejmlTall = null;
        for (int[] s : new int[][] {{20, 5}, {5, 20}}) {
            DenseMatrix m = RandomMatrices.gaussian(s[0], s[1], 1, rng);
            DenseMatrix y = RandomMatrices.gaussian(s[0], 2, 1, rng);
            DenseMatrix got = b.leastSquares(b.adopt(m), b.adopt(y));
            DenseMatrix ref = Backends.byName("ejml").leastSquares(m, y);
            assertThat(DenseMatrix.relativeDifference(got, ref)).isLessThan(TOL);
            // normal equations: Mᵀ(M x − y) = 0
            DenseMatrix resid = naiveProduct(m.transpose(), naiveProduct(m, got).plusScaled(-1, y));
            assertThat(resid.frobeniusNorm()).isLessThan(1e-9 * y.frobeniusNorm() * m.frobeniusNorm());
        }
        DenseMatrix u = RandomMatrices.gaussian(10, 3, 1, rng), v = RandomMatrices.gaussian(3, 8, 1, rng);
        DenseMatrix rankThree = naiveProduct(u, v);
        DenseMatrix y = RandomMatrices.gaussian(10, 1, 1, rng);
        DenseMatrix got = b.leastSquares(b.adopt(rankThree), b.adopt(y));
        // the minimum-norm solution lies in the row space: got = Vᵀ (V Vᵀ)^{-1} V got
        DenseMatrix vvt = naiveProduct(v, v.transpose());
        DenseMatrix proj = naiveProduct(v.transpose(), Backends.byName("ejml").solve(vvt, naiveProduct(v, got)));
        assertThat(DenseMatrix.relativeDifference(proj, got)).isLessThan(1e-8);
    }

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
        assertThat(DenseMatrix.relativeDifference(heap, naiveProduct(a, c))).isLessThan(TOL);
        assertThat(DenseMatrix.relativeDifference(direct.toDense(), heap)).isLessThan(TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void badArgumentsNameTheOperationAndShapes(Backend b) {
        Matrix a = b.zeros(3, 4), bb = b.zeros(5, 2), c = b.zeros(3, 2);
        assertThatThrownBy(() -> b.gemm(false, false, 1, a, bb, 0, c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gemm").hasMessageContaining("3x4").hasMessageContaining("5x2");
        assertThatThrownBy(() -> b.gemv(false, 1, a, b.zeros(3, 1), 0, b.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gemv").hasMessageContaining("3x4");
        assertThatThrownBy(() -> b.syrk(false, 1, a, 0, b.zeros(4, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("syrk").hasMessageContaining("4x4");
        assertThatThrownBy(() -> b.eigSym(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eigSym").hasMessageContaining("3x4");
        assertThatThrownBy(() -> b.solve(b.zeros(3, 3), b.zeros(4, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("solve").hasMessageContaining("4x1");
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            DenseMatrix nan = DenseMatrix.zeros(3, 4);
            nan.set(1, 2, bad);
            assertThatThrownBy(() -> b.gemm(false, true, 1, b.adopt(nan), b.zeros(2, 4), 0, b.zeros(3, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite")
                    .hasMessageContaining("3x4").hasMessageContaining("(1, 2)");
            assertThatThrownBy(() -> b.svd(b.adopt(nan))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("svd").hasMessageContaining("non-finite");
        }
        assertThatThrownBy(() -> b.solve(b.zeros(3, 3), b.zeros(3, 1))).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("3x3");
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
