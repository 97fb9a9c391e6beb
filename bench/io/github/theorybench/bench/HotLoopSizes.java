package io.github.theorybench.bench;

import java.util.List;

/**
 * The benchmark sizes (n, m, d) of DESIGN.md and the flop counts the tables use. Flops are GEMM-equivalent: a SYRK
 * that computes D Dᵀ is counted as the 2n²m of the GEMM it replaces (NumPy's {@code D @ D.T} also dispatches to
 * SYRK), so the rate compares directly with DGEMM's and with the same formula in NumPy.
 */
public record HotLoopSizes(int n, int m, int d) {
    /** Largest Jacobian (n × md doubles) the explicit forms materialize: 2^27 doubles = 1 GiB. */
    public static final long EXPLICIT_LIMIT = 1L << 27;

    public static final List<HotLoopSizes> ALL = List.of(new HotLoopSizes(256, 512, 64),
            new HotLoopSizes(512, 2048, 128), new HotLoopSizes(1024, 4096, 256));

    public static HotLoopSizes parse(String s) {
        String[] p = s.split("x");
        if (p.length != 3) {
            throw new IllegalArgumentException("size must be NxMxD, got " + s);
        }
        return new HotLoopSizes(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    public String label() {
        return n + "x" + m + "x" + d;
    }

    public long jacobianElements() {
        return (long) n * m * d;
    }

    /** Why the explicit forms are skipped at this size, or null if they run. */
    public String explicitSkipReason() {
        long el = jacobianElements();
        if (el <= EXPLICIT_LIMIT) {
            return null;
        }
        return String.format(java.util.Locale.ROOT,
                "explicit J would be %d x %d = %.2e doubles (%.1f GB), beyond the %d-element array limit of the"
                        + " heap backends and the 1 GiB budget per matrix", n, m * d, (double) el, el * 8 / 1e9,
                EXPLICIT_LIMIT);
    }

    /** GEMM-equivalent flops of one benchmark operation (each starts from W: P = X Wᵀ is 2nmd). */
    public double flops(String benchmark) {
        double nmd = (double) n * m * d, n2m = (double) n * n * m;
        return switch (benchmark) {
            case "jacobianStructured" -> 2 * nmd + (double) n * m;           // P, then D = s ⊙ σ′(P)
            case "jacobianExplicit" -> 2 * nmd + (double) n * m + nmd;       // P, D, J_ij,k = D_ij X_ik
            case "gramStructured" -> 2 * nmd + 2 * n2m + (double) n * n;     // P, D Dᵀ, ⊙ X Xᵀ
            case "gramExplicit" -> 3 * nmd + 2 * n2m * d;                    // P, J, J Jᵀ
            case "gradientStructured" -> 4 * nmd + (double) n * m + (double) n * d; // P, D, r ⊙ X, Dᵀ (r ⊙ X)
            case "gradientExplicit" -> 3 * nmd + 2 * nmd;                    // P, J, Jᵀ r
            case "dgemm" -> 2.0 * DgemmBenchmark.N * DgemmBenchmark.N * DgemmBenchmark.N;
            default -> throw new IllegalArgumentException("no flop count for " + benchmark);
        };
    }
}
