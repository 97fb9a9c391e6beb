package io.github.theorybench.sweep;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.NativeLibraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bits of a check's rows, one line per row: every number as its raw IEEE-754 bits in hex, so two runs compare
 * equal only when they are bit-identical (timings are not part of a row). Its {@link #main} prints them for a check
 * run in a fresh JVM.
 */
final class RowBits {
    private RowBits() {
    }

    /** Runs the check covering {@code id} on single-threaded OpenBLAS at base seed {@code seed}. */
    static List<Verdict> run(String id, long seed, boolean quick) {
        NativeLibraries.useSingleThreadedOpenBlas();
        List<ClaimCheck> checks = ClaimRegistry.covering(List.of(id));
        if (checks.size() != 1) {
            throw new IllegalStateException(checks.size() + " checks cover " + id);
        }
        return checks.get(0).run(CheckContext.of(Backends.byName(Backends.DEFAULT), seed, quick)).verdicts();
    }

    static List<String> of(List<Verdict> rows) {
        List<String> out = new ArrayList<>();
        for (Verdict v : rows) {
            StringBuilder sb = new StringBuilder();
            sb.append(v.id()).append('|').append(v.key()).append('|').append(v.check()).append('|')
                    .append(v.status().label()).append('|').append(v.seed()).append('|').append(v.sizes()).append('|');
            for (double d : new double[] {v.observed(), v.bound(), v.slack(), v.windowLow(), v.windowHigh(),
                v.tolerance()}) {
                sb.append(Long.toHexString(Double.doubleToRawLongBits(d))).append(',');
            }
            for (Map.Entry<String, Double> m : v.measurements().entrySet()) {
                sb.append(m.getKey()).append('=').append(Long.toHexString(Double.doubleToRawLongBits(m.getValue())))
                        .append(',');
            }
            sb.append('|').append(v.detail());
            out.add(sb.toString());
        }
        return out;
    }

    /** {@code RowBits ID SEED quick|claims}: prints the rows' bits, one line each. */
    public static void main(String[] args) {
        of(run(args[0], Long.parseLong(args[1]), args[2].equals("quick"))).forEach(System.out::println);
        System.out.flush();
        System.exit(0);
    }
}
