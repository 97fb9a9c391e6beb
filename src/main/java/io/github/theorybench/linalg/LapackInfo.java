package io.github.theorybench.linalg;

/** LAPACK's INFO codes turned into exceptions that name the routine and the shape. */
final class LapackInfo {
    private LapackInfo() {
    }

    static void check(String routine, int info, Matrix a) {
        if (info < 0) {
            throw new IllegalArgumentException(routine + ": argument " + (-info) + " illegal for A " + a.shape());
        }
        if (info > 0) {
            throw new ArithmeticException(routine + " failed on A " + a.shape() + " (INFO=" + info
                    + ": singular or not converged)");
        }
    }

    /**
     * Relative cut-off below which singular values count as zero in minimum-norm least squares: max(m, n)·ε, the
     * usual pseudo-inverse tolerance (NumPy's pinv and EJML's pseudo-inverse use the same form).
     */
    static double pinvRcond(int m, int n) {
        return Math.max(m, n) * Math.ulp(1.0);
    }

    /** LIWORK of DGELSD: 3·minmn·nlvl + 11·minmn with nlvl = max(0, ⌊log2(minmn/(SMLSIZ+1))⌋ + 1), SMLSIZ = 25. */
    static int gelsdIworkSize(int m, int n) {
        int minmn = Math.max(1, Math.min(m, n));
        int nlvl = Math.max(0, (int) Math.floor(Math.log((double) minmn / 26.0) / Math.log(2)) + 1);
        return Math.max(1, 3 * minmn * nlvl + 11 * minmn);
    }
}
