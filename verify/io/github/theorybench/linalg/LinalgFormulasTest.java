package io.github.theorybench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Small formulas of the linear-algebra layer pinned to exact values; each kills mutants PIT found surviving
 * (reports/mutation/SUMMARY.md): the agreement tests only compare results below a tolerance, so a relative
 * difference that always returned 0, or a LAPACK tolerance with × turned into ÷, went unnoticed.
 */
class LinalgFormulasTest {

    @Test
    @DisplayName("relativeDifference is max|a - b| / max|b|, and MIN_NORMAL-guarded for b = 0")
    void relativeDifferenceValue() {
        DenseMatrix a = DenseMatrix.of(2, 2, 1, 2, 3, 4), b = DenseMatrix.of(2, 2, 1, 2.5, 3, 8);
        assertThat(DenseMatrix.relativeDifference(a, b)).isEqualTo(4.0 / 8.0);
        assertThat(DenseMatrix.relativeDifference(b, a)).isEqualTo(4.0 / 4.0);
        assertThat(DenseMatrix.relativeDifference(a, DenseMatrix.zeros(2, 2))).isEqualTo(4.0 / Double.MIN_NORMAL);
        assertThat(DenseMatrix.relativeDifference(a, a.copy())).isZero();
    }

    @Test
    @DisplayName("SymmetricEigen min/max are the first/last of the ascending eigenvalues")
    void eigenExtremes() {
        SymmetricEigen e = Backends.byName("ejml").eigSym(DenseMatrix.of(2, 2, 2, 1, 1, 2));
        assertThat(e.min()).isCloseTo(1.0, within(1e-14));
        assertThat(e.max()).isCloseTo(3.0, within(1e-14));
    }

    @Test
    @DisplayName("LAPACK pseudo-inverse cut-off max(m, n)·ε and DGELSD's LIWORK formula")
    void lapackConstants() {
        assertThat(LapackInfo.pinvRcond(7, 3)).isEqualTo(7 * Math.ulp(1.0));
        assertThat(LapackInfo.pinvRcond(2, 9)).isEqualTo(9 * Math.ulp(1.0));
        // LIWORK = 3·minmn·nlvl + 11·minmn, nlvl = max(0, ⌊log2(minmn/26)⌋ + 1)  (LAPACK dgelsd documentation)
        assertThat(LapackInfo.gelsdIworkSize(10, 5)).isEqualTo(11 * 5);            // nlvl = 0 (minmn < 26)
        assertThat(LapackInfo.gelsdIworkSize(100, 200)).isEqualTo(3 * 100 * 2 + 11 * 100); // ⌊log2(3.85)⌋+1 = 2
        assertThat(LapackInfo.gelsdIworkSize(1000, 1000)).isEqualTo(3 * 1000 * 6 + 11 * 1000); // ⌊log2 38.5⌋+1 = 6
    }

    @Test
    @DisplayName("minimum-norm least squares zeroes singular values below the cut-off on every backend")
    void leastSquaresCutOff() {
        // A = diag(1, 1e-17): 1e-17 < 2·ε, so the second direction counts as null: x = (b₁, 0).
        DenseMatrix a = DenseMatrix.of(2, 2, 1, 0, 0, 1e-17), y = DenseMatrix.columnVector(3, 5);
        for (Backend be : Backends.all()) {
            DenseMatrix x = be.leastSquares(be.adopt(a), be.adopt(y));
            assertThat(x.get(0, 0)).as(be.name()).isCloseTo(3.0, within(1e-12));
            assertThat(x.get(1, 0)).as(be.name()).isCloseTo(0.0, within(1e-12));
        }
    }
}
