package io.github.theorybench.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link SpectralRidge} against brute force: every leave-one-out error refitted from scratch without the left-out
 * row (Hipparchus' Cholesky on the primal normal equations), for the dual form (n ≤ m), the primal form (n &gt; m),
 * a rank-deficient design and a kernel matrix, on every backend.
 */
class SpectralRidgeTest {
    private static final List<Backend> BACKENDS = List.of(Backends.byName("ejml"), Backends.byName("jblas"),
            Backends.byName("openblas"));
    /**
     * LOO errors agree to this relative tolerance: both sides solve systems of condition number up to
     * λ_max/s ≈ 1/c·n (c ≥ 1e-3 here, n ≤ 30), so ~1e5·ε from each, far below 1e-8.
     */
    private static final double LOO_TOLERANCE = 1e-8;
    private static final double[] GRID = {1e-3, 1e-2, 0.1, 1, 10};

    /** Features with a few duplicated rows (rank below n when n ≤ m is forced by duplication). */
    static DenseMatrix design(int n, int m, int duplicates, RandomGenerator rng) {
        DenseMatrix phi = RandomMatrices.gaussian(n, m, 1.0, rng);
        for (int k = 0; k < duplicates; k++) {
            System.arraycopy(phi.data(), k * m, phi.data(), (n - 1 - k) * m, m);
        }
        return phi;
    }

    /** (1/n) Σ_i (r_i − φ_iᵀ a_{−i})², a_{−i} = (Φ_{−i}ᵀΦ_{−i} + sI)⁻¹Φ_{−i}ᵀ r_{−i}, s = c·tr(ΦΦᵀ)/n (all n rows). */
    static double bruteLoo(DenseMatrix phi, double[] r, double c) {
        int n = phi.rows(), m = phi.cols();
        double s = c * Math.pow(phi.frobeniusNorm(), 2) / n, total = 0;
        for (int out = 0; out < n; out++) {
            RealMatrix a = new Array2DRowRealMatrix(m, m);
            double[] rhs = new double[m];
            for (int i = 0; i < n; i++) {
                if (i == out) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    rhs[j] += phi.get(i, j) * r[i];
                    for (int k = 0; k < m; k++) {
                        a.addToEntry(j, k, phi.get(i, j) * phi.get(i, k));
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                a.addToEntry(j, j, s);
            }
            double[] w = new CholeskyDecomposition(a).getSolver().solve(new ArrayRealVector(rhs)).toArray();
            double f = 0;
            for (int j = 0; j < m; j++) {
                f += phi.get(out, j) * w[j];
            }
            total += (r[out] - f) * (r[out] - f);
        }
        return total / n;
    }

    private static void assertLoo(SpectralRidge sr, DenseMatrix phi, double[] r, String what) {
        double[] loo = sr.looMse(r, GRID);
        for (int j = 0; j < GRID.length; j++) {
            double expected = bruteLoo(phi, r, GRID[j]);
            assertThat(loo[j]).as("%s, c = %s", what, GRID[j]).isCloseTo(expected,
                    within(LOO_TOLERANCE * expected));
        }
    }

    @Test
    @DisplayName("leave-one-out errors equal refits without each row: dual (n < m), primal (n > m), duplicated rows, every backend")
    void looEqualsBruteForce() {
        for (Backend b : BACKENDS) {
            RandomGenerator rng = RandomMatrices.rng(5);
            for (int[] shape : new int[][] {{12, 20, 0}, {30, 8, 0}, {14, 20, 3}, {30, 8, 4}}) {
                DenseMatrix phi = design(shape[0], shape[1], shape[2], rng);
                double[] r = RandomMatrices.gaussianVector(shape[0], 1.0, rng);
                SpectralRidge sr = SpectralRidge.ofFeatures(b, b.adopt(phi));
                assertThat(sr.rank()).isEqualTo(Math.min(shape[0], shape[1]));
                assertLoo(sr, phi, r, b.name() + " " + shape[0] + "x" + shape[1] + " dup " + shape[2]);
            }
        }
    }

    @Test
    @DisplayName("a kernel matrix K = Phi Phi^T gives the same leave-one-out errors and dual coefficients as its features")
    void kernelMatchesFeatures() {
        Backend b = Backends.byName(Backends.DEFAULT);
        RandomGenerator rng = RandomMatrices.rng(8);
        DenseMatrix phi = RandomMatrices.gaussian(15, 25, 1.0, rng);
        double[] r = RandomMatrices.gaussianVector(15, 1.0, rng);
        SpectralRidge k = SpectralRidge.ofKernel(b, b.gram(false, b.adopt(phi)));
        assertLoo(k, phi, r, "kernel");
        double[] alpha = k.dualCoefficients(r, 0.1);
        // (K + sI) α = r with s = 0.1·tr(K)/n
        double s = 0.1 * Math.pow(phi.frobeniusNorm(), 2) / 15;
        DenseMatrix kk = b.gram(false, b.adopt(phi)).toDense();
        for (int i = 0; i < 15; i++) {
            double lhs = s * alpha[i];
            for (int j = 0; j < 15; j++) {
                lhs += kk.get(i, j) * alpha[j];
            }
            assertThat(lhs).isCloseTo(r[i], within(1e-10));
        }
        assertThat(k.shift(0.1)).isCloseTo(s, within(1e-12 * s));
    }

    @Test
    @DisplayName("choose: the first grid value with the smallest LOO error; the head a = Phi^T alpha solves the ridge normal equations; grid-edge flag")
    void choiceAndHead() {
        Backend b = Backends.byName(Backends.DEFAULT);
        RandomGenerator rng = RandomMatrices.rng(2);
        for (int[] shape : new int[][] {{10, 20}, {25, 6}}) {
            DenseMatrix phi = RandomMatrices.gaussian(shape[0], shape[1], 1.0, rng);
            double[] r = RandomMatrices.gaussianVector(shape[0], 1.0, rng);
            SpectralRidge sr = SpectralRidge.ofFeatures(b, b.adopt(phi));
            SpectralRidge.Choice c = sr.choose(r, GRID);
            int best = 0;
            for (int j = 1; j < GRID.length; j++) {
                best = c.looMse()[j] < c.looMse()[best] ? j : best;
            }
            assertThat(c.index()).isEqualTo(best);
            assertThat(c.relativeRidge()).isEqualTo(GRID[best]);
            assertThat(c.atGridEdge()).isEqualTo(best == 0 || best == GRID.length - 1);
            double[] a = SpectralRidge.head(b, b.adopt(phi), c.dual());
            // (ΦᵀΦ + sI) a = Φᵀ r
            RealMatrix p = new Array2DRowRealMatrix(phi.toArray2d());
            RealMatrix lhs = p.transpose().multiply(p);
            for (int j = 0; j < shape[1]; j++) {
                lhs.addToEntry(j, j, c.shift());
            }
            double[] expected = new CholeskyDecomposition(lhs).getSolver()
                    .solve(p.transpose().operate(new ArrayRealVector(r))).toArray();
            for (int j = 0; j < shape[1]; j++) {
                assertThat(a[j]).isCloseTo(expected[j], within(1e-9 * Math.max(1, Math.abs(expected[j]))));
            }
        }
        SpectralRidge.Choice tie = new SpectralRidge.Choice(1, 0.1, 0.2, new double[] {2, 1, 1}, new double[0]);
        assertThat(tie.atGridEdge()).isFalse();
    }

    @Test
    @DisplayName("logGrid: count values from low to high, log-spaced, both ends exact; the DLS grid has 41 values in [1e-8, 1e2]")
    void grid() {
        double[] g = SpectralRidge.logGrid(1e-4, 1e2, 7);
        assertThat(g).hasSize(7);
        assertThat(g[0]).isEqualTo(1e-4);
        assertThat(g[6]).isEqualTo(1e2);
        for (int i = 1; i < 7; i++) {
            assertThat(g[i] / g[i - 1]).isCloseTo(10.0, within(1e-12));
        }
        assertThat(TwoLayerFeatureLearner.RIDGE_GRID).hasSize(41);
        assertThat(TwoLayerFeatureLearner.RIDGE_GRID[0]).isEqualTo(1e-8);
        assertThat(TwoLayerFeatureLearner.RIDGE_GRID[40]).isEqualTo(1e2);
        Backend b = Backends.byName(Backends.DEFAULT);
        SpectralRidge sr = SpectralRidge.ofFeatures(b, b.adopt(RandomMatrices.gaussian(4, 6, 1, RandomMatrices.rng(1))));
        assertThatThrownBy(() -> sr.looMse(new double[3], GRID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ridge: 3 labels for 4 rows");
    }
}
