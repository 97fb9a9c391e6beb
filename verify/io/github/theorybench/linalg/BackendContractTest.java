package io.github.theorybench.linalg;

import static io.github.theorybench.linalg.LinalgTolerances.AGREEMENT;
import static io.github.theorybench.linalg.LinalgTolerances.BACKWARD_STABLE;
import static io.github.theorybench.linalg.LinalgTolerances.ILL_FORWARD_PER_KAPPA;
import static io.github.theorybench.linalg.LinalgTolerances.RECONSTRUCTION;
import static io.github.theorybench.linalg.LinalgTolerances.ROW_SPACE;
import static io.github.theorybench.linalg.ReferenceLinearAlgebra.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Backend} must do (EJML's {@code GenericCholeskyTests_DDRM} pattern): each backend gets a
 * three-line subclass that says how to {@link #create()} it and inherits every check. A new backend is covered by
 * construction. References come from {@link ReferenceLinearAlgebra} (loops and Hipparchus), never from a backend.
 */
abstract class BackendContractTest {
    /** The backend under test. */
    abstract Backend create();

    /** (rows of op(A), k, cols of op(B)) including 1×1, tall, wide, and k = 1. */
    private static final int[][] GEMM_SHAPES = {{1, 1, 1}, {7, 5, 4}, {1, 9, 1}, {300, 3, 2}, {2, 3, 300},
        {5, 1, 6}, {64, 64, 64}, {33, 17, 1}};

    @Test
    @DisplayName("gemm: C = alpha op(A) op(B) + beta C for every transpose pair and edge shape, against the loop product")
    void gemmMatchesReference() {
        Backend b = create();
        for (int[] s : GEMM_SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                RandomGenerator rng = RandomMatrices.rng(s[0] * 1000L + s[1] * 10L + s[2] + t);
                DenseMatrix opA = RandomMatrices.gaussian(s[0], s[1], 1, rng);
                DenseMatrix opB = RandomMatrices.gaussian(s[1], s[2], 1, rng);
                DenseMatrix c0 = RandomMatrices.gaussian(s[0], s[2], 1, rng);
                // pass the stored (untransposed) operand and let the flag transpose it
                Matrix a = b.adopt(ta ? opA.transpose() : opA), bb = b.adopt(tb ? opB.transpose() : opB);
                Matrix out = b.adopt(c0.copy());
                b.gemm(ta, tb, 1.5, a, bb, -0.5, out);
                DenseMatrix expected = product(opA, opB).scale(1.5).plusScaled(-0.5, c0);
                assertThat(DenseMatrix.relativeDifference(out.toDense(), expected))
                        .as("%s gemm %dx%dx%d transA=%s transB=%s", b.name(), s[0], s[1], s[2], ta, tb)
                        .isLessThan(AGREEMENT);
            }
        }
    }

    @Test
    @DisplayName("syrk, gemv (both transposes) and the Hadamard product against loop references")
    void syrkGemvHadamardMatchReference() {
        Backend b = create();
        RandomGenerator rng = RandomMatrices.rng(11);
        for (int[] s : new int[][] {{1, 1}, {6, 40}, {40, 6}, {1, 50}}) {
            DenseMatrix a = RandomMatrices.gaussian(s[0], s[1], 1, rng);
            DenseMatrix c0 = RandomMatrices.gaussian(s[0], s[0], 1, rng);
            c0 = c0.plusScaled(1, c0.transpose());
            Matrix c = b.adopt(c0.copy());
            b.syrk(false, 2.0, b.adopt(a), 0.25, c);
            assertThat(DenseMatrix.relativeDifference(c.toDense(),
                    product(a, false, a, true).scale(2.0).plusScaled(0.25, c0))).isLessThan(AGREEMENT);
            Matrix ct = b.zeros(s[1], s[1]);
            b.syrk(true, 1.0, b.adopt(a), 0.0, ct);
            assertThat(DenseMatrix.relativeDifference(ct.toDense(), product(a, true, a, false)))
                    .isLessThan(AGREEMENT);
            DenseMatrix x = RandomMatrices.gaussian(s[1], 1, 1, rng), y0 = RandomMatrices.gaussian(s[0], 1, 1, rng);
            Matrix y = b.adopt(y0.copy());
            b.gemv(false, 0.5, b.adopt(a), b.adopt(x), 2.0, y);
            assertThat(DenseMatrix.relativeDifference(y.toDense(), product(a, x).scale(0.5).plusScaled(2.0, y0)))
                    .isLessThan(AGREEMENT);
            DenseMatrix z = RandomMatrices.gaussian(s[0], 1, 1, rng);
            Matrix yt = b.zeros(s[1], 1);
            b.gemv(true, 1.0, b.adopt(a), b.adopt(z), 0.0, yt);
            assertThat(DenseMatrix.relativeDifference(yt.toDense(), product(a, true, z, false)))
                    .isLessThan(AGREEMENT);
            DenseMatrix h = RandomMatrices.gaussian(s[0], s[1], 1, rng);
            Matrix hc = b.zeros(s[0], s[1]);
            b.hadamard(b.adopt(a), b.adopt(h), hc);
            for (int k = 0; k < a.size(); k++) {
                assertThat(hc.getFlat(k)).isEqualTo(a.getFlat(k) * h.getFlat(k));   // one rounding: exact
            }
        }
    }

    @Test
    @DisplayName("structured Gram pieces: syrkLower, then symmetricHadamardFromLower (in place, across 64-wide tiles), "
            + "give C(i,j) = C(j,i) = (A Aᵀ)(i,j)·G(i,j) from the lower triangle; the two-pass form's bits where syrk is "
            + "symmetric bit for bit (all but jblas); scaledRowsCopy the bits of copy then scaleRows")
    void fusedStructuredPiecesSameBitsAsTheTwoPassForms() {
        Backend b = create();
        RandomGenerator rng = RandomMatrices.rng(23);
        for (int n : new int[] {1, 5, 63, 64, 65, 130}) {
            DenseMatrix d = RandomMatrices.gaussian(n, 9, 1, rng), x = RandomMatrices.gaussian(n, 4, 1, rng);
            Matrix xxt = b.gram(false, b.adopt(x));   // symmetric bit for bit, as TwoLayerNet.inputGram is
            Matrix twoPass = b.zeros(n, n);
            b.syrk(false, 1.0, b.adopt(d), 0.0, twoPass);
            b.hadamard(twoPass, xxt, twoPass);
            Matrix fused = b.zeros(n, n);
            b.syrkLower(false, 1.0, b.adopt(d), 0.0, fused);
            ElementwiseKernels.symmetricHadamardFromLower(fused, xxt, fused);
            Matrix full = b.zeros(n, n);
            b.syrk(false, 1.0, b.adopt(d), 0.0, full);
            DenseMatrix s = full.toDense(), g = xxt.toDense(), actual = fused.toDense(), two = twoPass.toDense();
            boolean symmetricBits = true;   // jblas's syrk is a GEMM: its upper triangle may differ in the last bit
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    long lower = Double.doubleToLongBits(s.get(i, j) * g.get(i, j));   // one rounding, as the kernel
                    assertThat(Double.doubleToLongBits(actual.get(i, j))).as("%s n=%d (%d,%d)", b.name(), n, i, j)
                            .isEqualTo(lower);
                    assertThat(Double.doubleToLongBits(actual.get(j, i))).as("%s n=%d (%d,%d)", b.name(), n, j, i)
                            .isEqualTo(lower);
                    symmetricBits &= s.get(i, j) == s.get(j, i) && g.get(i, j) == g.get(j, i);
                }
            }
            if (symmetricBits) {   // then the fused form changes no bit of the two-pass one (claims' numbers unchanged)
                for (int k = 0; k < n * n; k++) {
                    assertThat(Double.doubleToLongBits(actual.getFlat(k))).isEqualTo(Double.doubleToLongBits(two.getFlat(k)));
                }
            } else {
                assertThat(DenseMatrix.relativeDifference(actual, two)).isLessThan(AGREEMENT);
            }
            if (!b.name().equals("jblas")) {
                assertThat(symmetricBits).as("%s: syrk and gram symmetric bit for bit", b.name()).isTrue();
            }
            double[] r = RandomMatrices.gaussian(n, 1, 1, rng).data();
            Matrix scaled = b.zeros(n, 4);
            ElementwiseKernels.scaledRowsCopy(b.adopt(x), r, scaled);
            DenseMatrix reference = x.copy();
            ElementwiseKernels.scaleRows(reference, r);
            for (int k = 0; k < x.size(); k++) {
                assertThat(scaled.getFlat(k)).isEqualTo(reference.getFlat(k));
            }
        }
        assertThatThrownBy(() -> ElementwiseKernels.scaledRowsCopy(b.zeros(3, 2), new double[2], b.zeros(3, 2)))
                .hasMessageContaining("scaledRowsCopy");
    }

    @Test
    @DisplayName("eigSym: V diag(lambda) V^T = S, V^T V = I, ascending eigenvalues equal Hipparchus'")
    void symmetricEigenReconstructsAndIsOrthogonal() {
        Backend b = create();
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
            assertThat(DenseMatrix.relativeDifference(product(lv, false, v, true), s)).isLessThan(RECONSTRUCTION);
            assertThat(DenseMatrix.relativeDifference(product(v, true, v, false), DenseMatrix.identity(n)))
                    .isLessThan(RECONSTRUCTION);
            for (int i = 1; i < n; i++) {
                assertThat(e.values()[i]).isGreaterThanOrEqualTo(e.values()[i - 1]);
            }
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(e.values()),
                    DenseMatrix.columnVector(ReferenceLinearAlgebra.symmetricEigenvalues(s)))).isLessThan(AGREEMENT);
        }
    }

    @Test
    @DisplayName("svd: U diag(s) V^T = A with orthonormal U and V, singular values equal Hipparchus'")
    void svdReconstructsAndIsOrthogonal() {
        Backend b = create();
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
            assertThat(DenseMatrix.relativeDifference(product(us, false, svd.v(), true), a))
                    .isLessThan(RECONSTRUCTION);
            assertThat(DenseMatrix.relativeDifference(product(svd.u(), true, svd.u(), false),
                    DenseMatrix.identity(k))).isLessThan(RECONSTRUCTION);
            assertThat(DenseMatrix.relativeDifference(product(svd.v(), true, svd.v(), false),
                    DenseMatrix.identity(k))).isLessThan(RECONSTRUCTION);
            assertThat(DenseMatrix.relativeDifference(DenseMatrix.columnVector(svd.s()),
                    DenseMatrix.columnVector(ReferenceLinearAlgebra.singularValues(a)))).isLessThan(AGREEMENT);
        }
    }

    @Test
    @DisplayName("solve against Hipparchus' LU; least squares (tall, wide, rank-deficient) is the minimum-norm solution")
    void solveAndMinimumNormLeastSquares() {
        Backend b = create();
        RandomGenerator rng = RandomMatrices.rng(8);
        DenseMatrix a = RandomMatrices.gaussian(12, 12, 1, rng).plusScaled(5, DenseMatrix.identity(12));
        DenseMatrix rhs = RandomMatrices.gaussian(12, 3, 1, rng);
        DenseMatrix x = b.solve(b.adopt(a), b.adopt(rhs));
        assertThat(DenseMatrix.relativeDifference(x, ReferenceLinearAlgebra.solve(a, rhs))).isLessThan(AGREEMENT);
        for (int[] s : new int[][] {{20, 5}, {5, 20}}) {
            DenseMatrix m = RandomMatrices.gaussian(s[0], s[1], 1, rng);
            DenseMatrix y = RandomMatrices.gaussian(s[0], 2, 1, rng);
            DenseMatrix got = b.leastSquares(b.adopt(m), b.adopt(y));
            assertThat(DenseMatrix.relativeDifference(got, ReferenceLinearAlgebra.minimumNormLeastSquares(m, y)))
                    .isLessThan(AGREEMENT);
        }
        DenseMatrix u = RandomMatrices.gaussian(10, 3, 1, rng), v = RandomMatrices.gaussian(3, 8, 1, rng);
        DenseMatrix rankThree = product(u, v);
        DenseMatrix y = RandomMatrices.gaussian(10, 1, 1, rng);
        DenseMatrix got = b.leastSquares(b.adopt(rankThree), b.adopt(y));
        // the minimum-norm solution lies in the row space: got = Vᵀ (V Vᵀ)^{-1} V got
        DenseMatrix vvt = product(v, false, v, true);
        DenseMatrix proj = product(v, true, ReferenceLinearAlgebra.solve(vvt, product(v, got)), false);
        assertThat(DenseMatrix.relativeDifference(proj, got)).isLessThan(ROW_SPACE);
    }

    @Test
    @DisplayName("solve: an 80x80 system of condition 1e14 (ill-conditioned, not singular) is solved backward-stably as LAPACK's DGESV solves it; an exactly singular one (a zero column) is refused")
    void solveIllConditionedButNonSingular() {
        Backend b = create();
        DenseMatrix a = ReferenceLinearAlgebra.withCondition(ILL_N, ILL_CONDITION, 14);
        DenseMatrix xTrue = RandomMatrices.gaussian(ILL_N, 2, 1, RandomMatrices.rng(15));
        DenseMatrix rhs = product(a, xTrue);
        DenseMatrix x = b.solve(b.adopt(a), b.adopt(rhs));
        assertThat(ReferenceLinearAlgebra.backwardError(a, x, rhs)).as("%s: ||Ax - b|| / (||A|| ||x|| + ||b||)",
                b.name()).isLessThan(BACKWARD_STABLE);
        // forward error of a backward-stable solve: up to κ·ε ≈ 1e14 · 1.1e-16 ≈ 1e-2 (times a modest factor)
        assertThat(DenseMatrix.relativeDifference(x, xTrue)).isLessThan(ILL_CONDITION * ILL_FORWARD_PER_KAPPA);
        DenseMatrix singular = a.copy();
        for (int i = 0; i < ILL_N; i++) {
            singular.set(i, 17, 0.0);
        }
        assertThatThrownBy(() -> b.solve(b.adopt(singular), b.adopt(rhs))).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("80x80");
    }

    /** The ill-conditioned system: DLS-1..3's ridge system is 80×80 (issue 20); κ = 1e14 is far from singular to LU. */
    static final int ILL_N = 80;
    static final double ILL_CONDITION = 1e14;

    @Test
    @DisplayName("bad arguments: a one-line message naming the operation and the shapes; non-finite input rejected; singular solve refused")
    void badArgumentsNameTheOperationAndShapes() {
        Backend b = create();
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
        assertThat(b.description()).doesNotContain("\n").contains(b.version());
    }
}
