package io.github.theorybench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark sizes (n, m, d) and the flop and byte counts the tables use. Flops are GEMM-equivalent: a SYRK that
 * computes D Dᵀ is counted as the 2n²m of the GEMM it replaces (NumPy's {@code D @ D.T} also dispatches to SYRK), so
 * the rate compares directly with DGEMM's and with the same formula in NumPy. The machine-limit floor
 * ({@link #floorFlops}, {@link #floorBytes}) counts what must be done instead: SYRK's n²m, and each element-wise pass's
 * memory traffic.
 */
public record HotLoopSizes(int n, int m, int d) {
    /**
     * Largest Jacobian (n × md doubles) the explicit forms materialize: 2^23 doubles = 64 MiB. Beyond it one explicit
     * Gram costs seconds per operation on the pure-Java backends (2n²md flops: 8.6 GFLOP at 256×1024×64), which the
     * suite's budget cannot carry; the structured forms are what the claims use anyway.
     */
    public static final long EXPLICIT_LIMIT = 1L << 23;

    /** Fixed aspect ratios of the size sweep: m = 4n hidden units, d = n/4 input dimensions. */
    public static final int M_PER_N = 4;
    public static final int N_PER_D = 4;

    /** The default sweep: n = 32 … 1024 at m = 4n, d = n/4 (DESIGN.md's 512×2048×128 and 1024×4096×256 included). */
    public static final List<HotLoopSizes> SWEEP = List.of(sweep(32), sweep(64), sweep(128), sweep(256), sweep(512),
            sweep(1024));

    /** The largest size any user may ask for: every matrix the benchmark allocates stays below 2^28 elements. */
    static final long MAX_ELEMENTS = 1L << 28;

    public HotLoopSizes {
        if (n < 1 || m < 1 || d < 1) {
            throw new IllegalArgumentException("size " + n + "x" + m + "x" + d + ": n, m and d must be positive");
        }
        long biggest = Math.max(Math.max((long) n * m, (long) m * d), Math.max((long) n * n, (long) n * d));
        if (biggest > MAX_ELEMENTS) {
            throw new IllegalArgumentException("size " + n + "x" + m + "x" + d + " needs a matrix of " + biggest
                    + " elements, beyond the benchmark's limit of 2^28");
        }
    }

    static HotLoopSizes sweep(int n) {
        return new HotLoopSizes(n, M_PER_N * n, n / N_PER_D);
    }

    /** "NxMxD" → size; an {@link IllegalArgumentException} with a one-line reason otherwise. */
    public static HotLoopSizes parse(String s) {
        String[] p = s.trim().split("x", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("size '" + s + "' must be NxMxD, e.g. 128x256x32");
        }
        int[] v = new int[3];
        for (int k = 0; k < 3; k++) {
            try {
                v[k] = Integer.parseInt(p[k]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("size '" + s + "' must be NxMxD with positive integers, e.g. 128x256x32");
            }
        }
        return new HotLoopSizes(v[0], v[1], v[2]);
    }

    /** "128x256x32,256x512x64" → sizes in the order given; duplicates and empty items are refused. */
    public static List<HotLoopSizes> parseList(String list) {
        List<HotLoopSizes> out = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("--sizes '" + list + "' has an empty item");
            }
            HotLoopSizes s = parse(item);
            if (out.contains(s)) {
                throw new IllegalArgumentException("--sizes names " + s.label() + " twice");
            }
            out.add(s);
        }
        return out;
    }

    public String label() {
        return n + "x" + m + "x" + d;
    }

    public long jacobianElements() {
        return (long) n * m * d;
    }

    /** Whether the explicit forms run at this size. */
    public boolean explicitRuns() {
        return jacobianElements() <= EXPLICIT_LIMIT;
    }

    /** Why the explicit forms are skipped at this size, or null if they run. */
    public String explicitSkipReason() {
        long el = jacobianElements();
        if (el <= EXPLICIT_LIMIT) {
            return null;
        }
        return String.format(Locale.ROOT, "explicit J would be %d x %d = %.2e doubles (%.2f GB), beyond the suite's"
                + " limit of 2^23 doubles (64 MiB; explicit Gram = 2n²md = %.1f GFLOP)", n, (long) m * d, (double) el,
                el * 8 / 1e9, 2.0 * n * n * m * (double) d / 1e9);
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
            default -> throw new IllegalArgumentException("no flop count for " + benchmark);
        };
    }

    /**
     * BLAS-3 flops a structured loop must do (the floor's compute part): P = X Wᵀ (2nmd), then for Gram the SYRK
     * D Dᵀ (n²m: one triangle, half a GEMM's flops), for the gradient the GEMM Dᵀ (r ⊙ X) (2nmd).
     */
    public double floorFlops(String loop) {
        double nmd = (double) n * m * d;
        return switch (loop) {
            case "jacobian" -> 2 * nmd;
            case "gram" -> 2 * nmd + (double) n * n * m;
            case "gradient" -> 4 * nmd;
            default -> throw new IllegalArgumentException("no floor for " + loop);
        };
    }

    /**
     * Bytes the element-wise passes of a structured loop must move (the floor's memory part), 8 bytes a double: D =
     * s ⊙ σ′(P) reads P and writes D (16nm); Gram's ⊙ X Xᵀ reads the SYRK result and X Xᵀ and writes the result
     * (24n²); the gradient's r ⊙ X reads X and writes the scaled copy (16nd).
     */
    public double floorBytes(String loop) {
        double nm = (double) n * m;
        return switch (loop) {
            case "jacobian" -> 16 * nm;
            case "gram" -> 16 * nm + 24.0 * n * n;
            case "gradient" -> 16 * nm + 16.0 * n * d;
            default -> throw new IllegalArgumentException("no floor for " + loop);
        };
    }
}
