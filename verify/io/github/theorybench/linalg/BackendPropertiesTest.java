package io.github.theorybench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hipparchus.random.RandomGenerator;

/**
 * Property-based complement to {@link BackendContractTest} (which pins fixed shapes against a triple-loop
 * reference): random shapes including zero rows/columns and 1×N, random transpose flags, α and β (0, 1 and
 * others), and entries at magnitudes from 1e-150 to 1e150. Every backend must agree with Hipparchus (and, for the BLAS
 * operations, with a plain reference loop) to 1e-10 relative wherever the result is defined; NaN and ±∞ anywhere
 * in an input are rejected with a message naming the operation and the shape.
 *
 * <p>Relative error is max|x − y| / max|y| ({@link DenseMatrix#relativeDifference}). Tries are set explicitly to
 * keep the class to a few seconds, and every property has a fixed seed so that a failure on one machine reproduces on
 * a clean clone of another (the seeds of failing tries are also kept in target/.jqwik-database).
 */
class BackendPropertiesTest {
    static final double TOL = 1e-10;
    static final List<Backend> BACKENDS = Backends.all();

    @Provide
    Arbitrary<Integer> dim() {
        // 0 and 1 are the degenerate cases; weight them up.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(2, 13)));
    }

    /** Magnitudes of the entries: tiny and huge included (products of two stay inside double range). */
    @Provide
    Arbitrary<Double> scale() {
        return Arbitraries.of(1e-150, 1e-20, 1.0, 1e20, 1e150);
    }

    @Provide
    Arbitrary<Double> coefficient() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, 1.0, -1.0),
                Arbitraries.doubles().between(-3, 3).ofScale(6));
    }

    static DenseMatrix gaussian(int r, int c, double scale, RandomGenerator rng) {
        return RandomMatrices.gaussian(r, c, 1, rng).scale(scale);
    }

    static void assertAgrees(String what, Backend b, Matrix got, Matrix expected) {
        assertThat(got.rows()).as("%s rows on %s", what, b.name()).isEqualTo(expected.rows());
        assertThat(got.cols()).as("%s cols on %s", what, b.name()).isEqualTo(expected.cols());
        assertThat(DenseMatrix.relativeDifference(got.toDense(), expected))
                .as("%s on %s: relative difference", what, b.name()).isLessThan(TOL);
    }

    @Property(tries = 1000, seed = "20261207")
    @Label("gemm: C = α op(A) op(B) + β C agrees on every backend, all four transpose combinations")
    void gemmAgrees(@ForAll("dim") int r, @ForAll("dim") int k, @ForAll("dim") int c, @ForAll boolean ta,
            @ForAll boolean tb, @ForAll("coefficient") double alpha, @ForAll("coefficient") double beta,
            @ForAll("scale") double sa, @ForAll("scale") double sb, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix a = ta ? gaussian(k, r, sa, rng) : gaussian(r, k, sa, rng);
        DenseMatrix bm = tb ? gaussian(c, k, sb, rng) : gaussian(k, c, sb, rng);
        DenseMatrix c0 = gaussian(r, c, sa * sb, rng);
        DenseMatrix expected = ReferenceLinearAlgebra.product(a, ta, bm, tb).scale(alpha).plusScaled(beta, c0);
        String what = String.format("gemm(%s, %s) A %dx%d B %dx%d alpha=%s beta=%s", ta ? "T" : "N", tb ? "T" : "N",
                a.rows(), a.cols(), bm.rows(), bm.cols(), alpha, beta);
        for (Backend be : BACKENDS) {
            Matrix out = be.adopt(c0.copy());
            be.gemm(ta, tb, alpha, be.adopt(a), be.adopt(bm), beta, out);
            assertAgrees(what, be, out, expected);
        }
    }

    @Property(tries = 600, seed = "20261208")
    @Label("gemv: y = α op(A) x + β y agrees on every backend, both transposes")
    void gemvAgrees(@ForAll("dim") int r, @ForAll("dim") int c, @ForAll boolean trans,
            @ForAll("coefficient") double alpha, @ForAll("coefficient") double beta, @ForAll("scale") double sa,
            @ForAll("scale") double sx, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix a = gaussian(r, c, sa, rng);
        DenseMatrix x = gaussian(trans ? r : c, 1, sx, rng), y0 = gaussian(trans ? c : r, 1, sa * sx, rng);
        DenseMatrix expected = ReferenceLinearAlgebra.product(a, trans, x, false).scale(alpha).plusScaled(beta, y0);
        String what = String.format("gemv(%s) A %dx%d alpha=%s beta=%s", trans ? "T" : "N", r, c, alpha, beta);
        for (Backend be : BACKENDS) {
            Matrix y = be.adopt(y0.copy());
            be.gemv(trans, alpha, be.adopt(a), be.adopt(x), beta, y);
            assertAgrees(what, be, y, expected);
        }
    }

    @Property(tries = 600, seed = "20261209")
    @Label("syrk: C = α A Aᵀ + β C (or α Aᵀ A + β C) agrees on every backend, both triangles filled")
    void syrkAgrees(@ForAll("dim") int r, @ForAll("dim") int c, @ForAll boolean trans,
            @ForAll("coefficient") double alpha, @ForAll("coefficient") double beta, @ForAll("scale") double sa,
            @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix a = gaussian(r, c, sa, rng);
        int n = trans ? c : r;
        DenseMatrix g = gaussian(n, n, sa * sa, rng);
        DenseMatrix c0 = g.plusScaled(1, g.transpose());
        DenseMatrix expected = ReferenceLinearAlgebra.product(a, trans, a, !trans).scale(alpha).plusScaled(beta, c0);
        String what = String.format("syrk(%s) A %dx%d alpha=%s beta=%s", trans ? "T" : "N", r, c, alpha, beta);
        for (Backend be : BACKENDS) {
            Matrix out = be.adopt(c0.copy());
            be.syrk(trans, alpha, be.adopt(a), beta, out);
            assertAgrees(what, be, out, expected);
        }
    }

    @Property(tries = 200, seed = "20261210")
    @Label("hadamard: element-wise product is exact on every backend, also in place")
    void hadamardIsExact(@ForAll("dim") int r, @ForAll("dim") int c, @ForAll("scale") double sa,
            @ForAll("scale") double sb, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix a = gaussian(r, c, sa, rng), bm = gaussian(r, c, sb, rng);
        for (Backend be : BACKENDS) {
            Matrix out = be.zeros(r, c);
            be.hadamard(be.adopt(a), be.adopt(bm), out);
            Matrix inPlace = be.adopt(a.copy());
            be.hadamard(inPlace, be.adopt(bm), inPlace);
            for (int i = 0; i < a.size(); i++) {
                double want = a.getFlat(i) * bm.getFlat(i);
                assertThat(out.getFlat(i)).as("hadamard %dx%d on %s at %d", r, c, be.name(), i).isEqualTo(want);
                assertThat(inPlace.getFlat(i)).as("in-place hadamard on %s", be.name()).isEqualTo(want);
            }
        }
    }

    @Property(tries = 300, seed = "20261211")
    @Label("eigSym: eigenvalues agree with Hipparchus; V diag(λ) Vᵀ reconstructs A; V is orthogonal")
    void eigSymAgrees(@ForAll @IntRange(min = 0, max = 12) int n, @ForAll("scale") double s, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix g = gaussian(n, n, s, rng);
        DenseMatrix a = g.plusScaled(1, g.transpose());
        double[] ref = ReferenceLinearAlgebra.symmetricEigenvalues(a);
        for (Backend be : BACKENDS) {
            SymmetricEigen e = be.eigSym(be.adopt(a));
            String what = "eigSym " + n + "x" + n + " scale " + s;
            assertThat(e.values()).as(what + " on " + be.name()).hasSize(n);
            assertAgrees(what + " eigenvalues", be, DenseMatrix.columnVector(e.values()),
                    DenseMatrix.columnVector(ref));
            for (int i = 1; i < n; i++) {
                assertThat(e.values()[i]).as(what + " ascending on " + be.name())
                        .isGreaterThanOrEqualTo(e.values()[i - 1]);
            }
            DenseMatrix v = e.vectors(), vl = v.copy();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    vl.set(i, j, v.get(i, j) * e.values()[j]);
                }
            }
            assertAgrees(what + " reconstruction", be, ReferenceLinearAlgebra.product(vl, false, v, true), a);
            assertAgrees(what + " orthogonality", be, ReferenceLinearAlgebra.product(v, true, v, false), DenseMatrix.identity(n));
        }
    }

    @Property(tries = 300, seed = "20261212")
    @Label("svd: singular values agree with Hipparchus (descending); U diag(s) Vᵀ reconstructs A; U, V orthonormal")
    void svdAgrees(@ForAll("dim") int m, @ForAll("dim") int n, @ForAll("scale") double s, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix a = gaussian(m, n, s, rng);
        int k = Math.min(m, n);
        double[] ref = ReferenceLinearAlgebra.singularValues(a);
        for (Backend be : BACKENDS) {
            SingularValues svd = be.svd(be.adopt(a));
            String what = "svd " + m + "x" + n + " scale " + s;
            assertThat(svd.s()).as(what + " on " + be.name()).hasSize(k);
            assertThat(svd.u().rows()).isEqualTo(m);
            assertThat(svd.u().cols()).isEqualTo(k);
            assertThat(svd.v().rows()).isEqualTo(n);
            assertThat(svd.v().cols()).isEqualTo(k);
            assertAgrees(what + " singular values", be, DenseMatrix.columnVector(svd.s()),
                    DenseMatrix.columnVector(ref));
            for (int i = 1; i < k; i++) {
                assertThat(svd.s()[i]).as(what + " descending on " + be.name()).isLessThanOrEqualTo(svd.s()[i - 1]);
            }
            DenseMatrix us = svd.u().copy();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < k; j++) {
                    us.set(i, j, svd.u().get(i, j) * svd.s()[j]);
                }
            }
            assertAgrees(what + " reconstruction", be, ReferenceLinearAlgebra.product(us, false, svd.v(), true), a);
            assertAgrees(what + " UᵀU", be, ReferenceLinearAlgebra.product(svd.u(), true, svd.u(), false), DenseMatrix.identity(k));
            assertAgrees(what + " VᵀV", be, ReferenceLinearAlgebra.product(svd.v(), true, svd.v(), false), DenseMatrix.identity(k));
        }
    }

    @Property(tries = 300, seed = "20261213")
    @Label("solve: A X = B agrees on every backend for well-conditioned A of any size and scale")
    void solveAgrees(@ForAll @IntRange(min = 0, max = 12) int n, @ForAll @IntRange(min = 0, max = 3) int nrhs,
            @ForAll("scale") double sa, @ForAll("scale") double sb, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        // G + 3√n I: condition number O(1), so agreement to 1e-10 is what backward stability promises.
        DenseMatrix a = RandomMatrices.gaussian(n, n, 1, rng).plusScaled(3 * Math.sqrt(n) + 1, DenseMatrix.identity(n))
                .scale(sa);
        DenseMatrix rhs = gaussian(n, nrhs, sb, rng);
        DenseMatrix ref = ReferenceLinearAlgebra.solve(a, rhs);
        String what = "solve A " + n + "x" + n + " B " + n + "x" + nrhs;
        for (Backend be : BACKENDS) {
            assertAgrees(what, be, be.solve(be.adopt(a), be.adopt(rhs)), ref);
        }
    }

    @Property(tries = 500, seed = "20261214")
    @Label("leastSquares: minimum-norm solution agrees on every backend (tall, wide, square, empty)")
    void leastSquaresAgrees(@ForAll("dim") int m, @ForAll("dim") int n, @ForAll @IntRange(min = 0, max = 3) int nrhs,
            @ForAll("scale") double sa, @ForAll("scale") double sb, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix a = gaussian(m, n, sa, rng), rhs = gaussian(m, nrhs, sb, rng);
        double[] sv = ReferenceLinearAlgebra.singularValues(a);
        // Agreement to 1e-10 needs a condition number well below 1e3 (the error of least squares grows like κ²ε).
        Assume.that(sv.length == 0 || sv[sv.length - 1] * 100 >= sv[0]);
        DenseMatrix ref = ReferenceLinearAlgebra.minimumNormLeastSquares(a, rhs);
        String what = "leastSquares A " + m + "x" + n + " B " + m + "x" + nrhs;
        assertThat(ref.rows()).isEqualTo(n);
        assertThat(ref.cols()).isEqualTo(nrhs);
        for (Backend be : BACKENDS) {
            assertAgrees(what, be, be.leastSquares(be.adopt(a), be.adopt(rhs)), ref);
        }
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Property(tries = 300, seed = "20261215")
    @Label("NaN and ±∞ in any operand of any operation are rejected, naming the operation, operand shape and position")
    void nonFiniteInputsAreRejected(@ForAll @IntRange(min = 0, max = 9) int op, @ForAll @IntRange(min = 1, max = 6) int r,
            @ForAll @IntRange(min = 1, max = 6) int c, @ForAll("nonFinite") double bad, @ForAll long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix poisoned = gaussian(r, c, 1, rng);
        int at = rng.nextInt(poisoned.size());
        poisoned.setFlat(at, bad);
        String position = "(" + at / c + ", " + at % c + ")";
        for (Backend be : BACKENDS) {
            Matrix p = be.adopt(poisoned);
            String name;
            ThrowingCallable call;
            switch (op) {
                case 0 -> { name = "gemm"; call = () -> be.gemm(false, false, 1, p, be.zeros(c, 2), 0, be.zeros(r, 2)); }
                case 1 -> { name = "gemm"; call = () -> be.gemm(true, true, 1, be.zeros(c, 2), p, 0, be.zeros(2, r)); }
                case 2 -> { name = "gemm"; call = () -> be.gemm(false, false, 1, be.zeros(r, 2), be.zeros(2, c), 0.5, p); }
                case 3 -> { name = "gemv"; call = () -> be.gemv(true, 1, p, be.zeros(r, 1), 0, be.zeros(c, 1)); }
                case 4 -> { name = "syrk"; call = () -> be.syrk(false, 1, p, 0, be.zeros(r, r)); }
                case 5 -> { name = "hadamard"; call = () -> be.hadamard(be.zeros(r, c), p, be.zeros(r, c)); }
                case 6 -> { name = "svd"; call = () -> be.svd(p); }
                case 7 -> { name = "leastSquares"; call = () -> be.leastSquares(p, be.zeros(r, 1)); }
                case 8 -> { name = "leastSquares"; call = () -> be.leastSquares(be.zeros(r, 3), p); }
                default -> { name = "solve"; call = () -> be.solve(DenseMatrix.identity(r), p); }
            }
            assertThatThrownBy(call).as("%s with %s in %s on %s", name, bad, poisoned.shape(), be.name())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name)
                    .hasMessageContaining("non-finite").hasMessageContaining(poisoned.shape())
                    .hasMessageContaining(position);
        }
    }

    @Property(tries = 30, seed = "20261216")
    @Label("non-finite α or β, and a non-finite C or y read because β ≠ 0, are rejected too")
    void nonFiniteScalarsAndAccumulatorsAreRejected(@ForAll("nonFinite") double bad, @ForAll @IntRange(min = 1, max = 5) int n) {
        for (Backend be : BACKENDS) {
            Matrix a = be.zeros(n, n);
            assertThatThrownBy(() -> be.gemm(false, false, bad, a, be.zeros(n, n), 0, be.zeros(n, n)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gemm").hasMessageContaining("alpha");
            assertThatThrownBy(() -> be.gemv(false, 1, a, be.zeros(n, 1), bad, be.zeros(n, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gemv").hasMessageContaining("beta");
            assertThatThrownBy(() -> be.syrk(true, bad, a, 0, be.zeros(n, n)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syrk").hasMessageContaining("alpha");
            DenseMatrix y = DenseMatrix.zeros(n, 1);
            y.set(n - 1, 0, bad);
            assertThatThrownBy(() -> be.gemv(false, 1, a, be.zeros(n, 1), 2, be.adopt(y)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gemv")
                    .hasMessageContaining("non-finite").hasMessageContaining(n + "x1");
            DenseMatrix cc = DenseMatrix.zeros(n, n);
            cc.set(0, n - 1, bad);
            assertThatThrownBy(() -> be.syrk(false, 1, a, -1, be.adopt(cc)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syrk")
                    .hasMessageContaining("non-finite").hasMessageContaining(n + "x" + n);
            // β = 0: C is not read (BLAS semantics), so a NaN there is overwritten, not rejected.
            Matrix out = be.adopt(cc.copy());
            be.gemm(false, false, 1, a, be.zeros(n, n), 0, out);
            assertThat(out.toDense().frobeniusNorm()).isZero();
        }
    }
}
