package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SingularValues;

/**
 * The ReLU activation pattern D_ij = 1[w_jᵀx_i > 0] of an NTK-4 instance and CLAIMS.md's hypothesis on it: "the
 * activation pattern admits full row rank". With D fixed, the rows [s_j D_ij z_iᵀ]_{j=1..m} for fresh Gaussian z_i
 * have rank n almost surely iff some z does, and J₀'s rows are the same with z_i = x_i, a point of the open cell
 * the pattern fixes: so the rank with fresh z is the generic rank of J₀ on that cell, the exact test
 * ({@link #admitsFullRowRank}). A rank loss is attributed to the first of these causes that is present (CLAIMS.md's
 * order): a point inactive on every neuron (a zero row); more than d points sharing one pattern (their rows lie in
 * one d-dimensional space); two neurons whose active sets differ on fewer than d points (their blocks span at most
 * d + |A_j Δ A_k| dimensions, not 2d); a neuron active on fewer than d points (its block has rank &lt; d); otherwise
 * "other".
 *
 * @param active active[i][j] = 1[w_jᵀx_i > 0]
 * @param d input dimension
 * @param genericRank rank of the rows [s_j D_ij z_iᵀ]_j for the instance's fresh z
 * @param dependentPoints a witness of a rank loss: the points (0-based) in the support of a left null vector of those
 *     rows (entries above 1e−8 of its largest), empty at full row rank
 */
public record ReluPattern(boolean[][] active, int d, int genericRank, int[] dependentPoints) {
    /**
     * Singular values below this multiple of the largest count as zero in the generic rank: an exact zero comes out
     * at ~1e−16 σ_max (round-off of an SVD of a matrix with O(1) entries), while a generic Gaussian n × n matrix has
     * σ_min/σ_max below ε with probability of order nε — 1e−9 for ε = 1e−10 at n = 12.
     */
    static final double RANK_TOLERANCE = 1e-10;
    /** Entries of a left null vector above this share of its largest belong to the dependent set (round-off ~1e−15). */
    static final double WITNESS_CUT = 1e-8;

    /** Why the pattern does not admit full row rank. */
    public enum Cause {
        NONE("full row rank"),
        INACTIVE_POINT("a point inactive on every neuron"),
        SHARED_PATTERN("more than d points sharing one activation pattern"),
        CLOSE_NEURON_PAIR("two neurons whose active sets differ on fewer than d points"),
        SPARSE_NEURON("a neuron active on fewer than d points"),
        OTHER("other (no single-pattern, pair or neuron cause)");

        private final String description;

        Cause(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The pattern of {@code inst} and its generic rank (from the instance's z) on {@code backend}. */
    public static ReluPattern of(Backend backend, RankInstance inst) {
        int n = inst.n(), m = inst.m(), d = inst.d();
        boolean[][] act = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double p = 0;
                for (int c = 0; c < d; c++) {
                    p += inst.w0().get(j, c) * inst.x().get(i, c);
                }
                act[i][j] = p > 0;
            }
        }
        DenseMatrix rows = DenseMatrix.zeros(n, m * d);      // [s_j D_ij z_iᵀ]_j
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < d; c++) {
                    rows.set(i, j * d + c, act[i][j] ? inst.signs()[j] * inst.z().get(i, c) : 0.0);
                }
            }
        }
        SingularValues svd = backend.svd(backend.adopt(rows));
        double[] s = svd.s();
        int rank = 0;
        for (double v : s) {
            if (v > RANK_TOLERANCE * s[0]) {
                rank++;
            }
        }
        return new ReluPattern(act, d, rank, rank == n ? new int[0] : support(svd.u(), n - 1));
    }

    /** Indices where column {@code col} of U is above 1e−8 of its largest entry in magnitude. */
    private static int[] support(DenseMatrix u, int col) {
        double top = 0;
        for (int i = 0; i < u.rows(); i++) {
            top = Math.max(top, Math.abs(u.get(i, col)));
        }
        double cut = WITNESS_CUT * top;
        return java.util.stream.IntStream.range(0, u.rows()).filter(i -> Math.abs(u.get(i, col)) > cut).toArray();
    }

    public int n() {
        return active.length;
    }

    public int m() {
        return active[0].length;
    }

    /** CLAIMS.md NTK-4's ReLU hypothesis: the pattern admits rank n. */
    public boolean admitsFullRowRank() {
        return genericRank == n();
    }

    /** Points inactive on every neuron. */
    public int inactivePoints() {
        int count = 0;
        for (boolean[] row : active) {
            boolean any = false;
            for (boolean a : row) {
                any |= a;
            }
            count += any ? 0 : 1;
        }
        return count;
    }

    /** The largest number of points sharing one nonzero pattern. */
    public int maxPointsSharingOnePattern() {
        int best = 0;
        for (int i = 0; i < n(); i++) {
            if (!anyActive(i)) {
                continue;
            }
            int same = 0;
            for (int k = 0; k < n(); k++) {
                same += java.util.Arrays.equals(active[i], active[k]) ? 1 : 0;
            }
            best = Math.max(best, same);
        }
        return best;
    }

    /** min over neuron pairs j &lt; k of |A_j Δ A_k| (points where exactly one of the two is active). */
    public int minActiveSetDifference() {
        int best = Integer.MAX_VALUE;
        for (int j = 0; j < m(); j++) {
            for (int k = j + 1; k < m(); k++) {
                int diff = 0;
                for (boolean[] row : active) {
                    diff += row[j] != row[k] ? 1 : 0;
                }
                best = Math.min(best, diff);
            }
        }
        return best;
    }

    /** min over neurons of |A_j|. */
    public int minActiveSetSize() {
        int best = Integer.MAX_VALUE;
        for (int j = 0; j < m(); j++) {
            int size = 0;
            for (boolean[] row : active) {
                size += row[j] ? 1 : 0;
            }
            best = Math.min(best, size);
        }
        return best;
    }

    /** The first cause present, in CLAIMS.md's order; {@link Cause#NONE} when the pattern admits full row rank. */
    public Cause cause() {
        if (admitsFullRowRank()) {
            return Cause.NONE;
        }
        if (inactivePoints() > 0) {
            return Cause.INACTIVE_POINT;
        }
        if (maxPointsSharingOnePattern() > d) {
            return Cause.SHARED_PATTERN;
        }
        if (m() > 1 && minActiveSetDifference() < d) {
            return Cause.CLOSE_NEURON_PAIR;
        }
        if (minActiveSetSize() < d) {
            return Cause.SPARSE_NEURON;
        }
        return Cause.OTHER;
    }

    private boolean anyActive(int i) {
        for (boolean a : active[i]) {
            if (a) {
                return true;
            }
        }
        return false;
    }
}
