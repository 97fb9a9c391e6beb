package io.github.theorybench.bench;

import static io.github.theorybench.bench.BenchTables.f;

import io.github.theorybench.bench.BenchTables.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sections of the benchmark page, ratios before absolute numbers. */
final class BenchReport {
    private BenchReport() {
    }

    static void head(StringBuilder sb, BenchTables t, BenchTables.Context c) {
        BenchSuite.Plan p = c.plan();
        sb.append(p.quick() ? "**Quick mode** (one size, one fork, short iterations): a smoke test, not a reference.\n\n"
                : "");
        sb.append("Every number below is from **one run on one machine**; compare them only as the ratios given here "
                + "(time over the fastest backend, share of the same run's DGEMM rate, NumPy over theorybench in the same "
                + "session, multiple of the same run's machine-limit floor). Absolute times come last in each table, "
                + "and move by tens of percent between runs and days on a shared machine. Each operation starts from "
                + "the weights W, as one step of the dynamics does: P = X Wᵀ, D = s ⊙ tanh′(P), then the loop's "
                + "formula; X Xᵀ is fixed for a data set and precomputed. Raw results: [jmh.json](jmh.json)"
                + (Double.isNaN(t.numpyMs("dgemm", "")) ? "" : ", [numpy.json](numpy.json)") + ".\n\n");
        long precise = t.rows().stream().filter(Row::precise).count();
        sb.append(String.format(Locale.ROOT, "**%d of %d rows** have a 99.9%% error below %.0f%% of their mean; "
                + "the others are marked ⚠️ (see [Precision](#precision)). JMH time %.0f s, whole run %.0f s.%n%n",
                precise, t.rows().size(), 100 * BenchTables.ERROR_TARGET, c.jmhSeconds(), c.wallSeconds()));
    }

    /** Consecutive sizes with the same fastest backend. */
    record Segment(String backend, List<String> sizes) {
    }

    static List<Segment> segments(BenchTables t, String loop) {
        List<Segment> out = new ArrayList<>();
        for (String size : t.sizes()) {
            Optional<Row> best = t.fastest(loop, "structured", size);
            if (best.isEmpty()) {
                continue;
            }
            if (out.isEmpty() || !out.get(out.size() - 1).backend().equals(best.get().backend())) {
                out.add(new Segment(best.get().backend(), new ArrayList<>()));
            }
            out.get(out.size() - 1).sizes().add(size);
        }
        return out;
    }

    /** The runner-up of a loop at a size and the fastest's lead over it (runner-up median / fastest median). */
    static Optional<String> lead(BenchTables t, String loop, String size) {
        List<Row> rs = t.rows().stream().filter(r -> r.loop().equals(loop) && r.form().equals("structured")
                && r.size().equals(size)).sorted(Comparator.comparingDouble(Row::median)).toList();
        if (rs.size() < 2) {
            return Optional.empty();
        }
        Row a = rs.get(0), b = rs.get(1);
        double ratio = b.median() / a.median();
        boolean tie = ratio - 1 < Math.max(a.relativeError(), b.relativeError());
        return Optional.of(tie ? "a tie with " + b.backend() + " (" + f(ratio) + "×, within the error)"
                : f(ratio) + "× faster than " + b.backend() + ", the next");
    }

    /** The recommendation paragraph, computed from the structured rows of the run. */
    static String recommendationText(BenchTables t) {
        List<String> sizes = t.sizes();
        if (sizes.isEmpty()) {
            return "No hot-loop rows in this run.";
        }
        String largest = sizes.get(sizes.size() - 1);
        List<String> parts = new ArrayList<>();
        for (String loop : BenchTables.LOOPS) {
            List<Segment> segs = segments(t, loop);
            if (segs.isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (int k = 0; k < segs.size(); k++) {
                Segment s = segs.get(k);
                String range = segs.size() == 1 ? "at every size" : k == 0 ? "up to " + last(s.sizes())
                        : k == segs.size() - 1 ? "from " + s.sizes().get(0) + " on" : "from " + s.sizes().get(0)
                                + " to " + last(s.sizes());
                words.add(s.backend() + " " + range);
            }
            parts.add("structured " + loop + ": " + String.join(", ", words) + lead(t, loop, largest)
                    .map(l -> " (at " + largest + " " + l + ")").orElse(""));
        }
        StringBuilder sb = new StringBuilder("Fastest backend by median time, from this run: ")
                .append(String.join("; ", parts)).append(". ");
        String winner = commonWinner(t, largest);
        if (winner != null) {
            String from = crossover(t, winner);
            List<String> below = new ArrayList<>();
            for (String loop : BenchTables.LOOPS) {
                for (Segment s : segments(t, loop)) {
                    if (!s.backend().equals(winner) && !below.contains(s.backend())) {
                        below.add(s.backend());
                    }
                }
            }
            if (from == null || from.equals(sizes.get(0))) {
                sb.append("So: use ").append(winner).append(" at every size measured here (").append(sizes.get(0))
                        .append(" to ").append(largest).append(", n:m:d = 4:16:1 in the default sweep).");
            } else {
                sb.append("So: below n ≈ ").append(HotLoopSizes.parse(from).n()).append(" (").append(from)
                        .append(") ").append(String.join(" or ", below)).append(" is as fast or faster — the JNI and "
                        + "buffer set-up of a native call costs more than the arithmetic there; from ").append(from)
                        .append(" on use ").append(winner).append(", whose lead grows with the size.");
            }
        }
        return sb.toString();
    }

    private static String last(List<String> l) {
        return l.get(l.size() - 1);
    }

    /** The backend fastest in every loop at {@code size}, or null. */
    static String commonWinner(BenchTables t, String size) {
        String w = null;
        for (String loop : BenchTables.LOOPS) {
            Optional<Row> best = t.fastest(loop, "structured", size);
            if (best.isEmpty()) {
                continue;
            }
            if (w != null && !w.equals(best.get().backend())) {
                return null;
            }
            w = best.get().backend();
        }
        return w;
    }

    /** The smallest size from which {@code winner} is fastest in every loop at every larger size, or null. */
    static String crossover(BenchTables t, String winner) {
        List<String> sizes = t.sizes();
        String from = null;
        for (int k = sizes.size() - 1; k >= 0; k--) {
            if (!winner.equals(commonWinner(t, sizes.get(k)))) {
                break;
            }
            from = sizes.get(k);
        }
        return from;
    }

    static void recommendation(StringBuilder sb, BenchTables t) {
        sb.append("## Which backend for my sizes\n\n").append(recommendationText(t)).append("\n\n");
        List<String> backends = t.backends();
        sb.append("Time over the fastest backend (structured forms, by median; 1.00× = fastest):\n\n| size n×m×d |");
        for (String loop : BenchTables.LOOPS) {
            for (String b : backends) {
                sb.append(' ').append(loop).append(' ').append(b).append(" |");
            }
        }
        sb.append("\n|---|").append("---|".repeat(BenchTables.LOOPS.size() * backends.size())).append('\n');
        for (String size : t.sizes()) {
            sb.append("| ").append(size).append(" |");
            for (String loop : BenchTables.LOOPS) {
                double best = t.fastest(loop, "structured", size).map(Row::median).orElse(Double.NaN);
                for (String b : backends) {
                    Optional<Row> r = t.find(loop, "structured", b, size);
                    sb.append(' ').append(r.map(x -> (x.median() == best ? "**" : "") + f(x.median() / best) + "×"
                            + (x.median() == best ? "**" : "") + (x.precise() ? "" : " ⚠️")).orElse("–")).append(" |");
                }
            }
            sb.append('\n');
        }
        sb.append('\n');
        for (String loop : BenchTables.LOOPS) {
            sb.append("![").append(loop).append(" crossover](crossover-").append(loop).append(".png)\n");
        }
        sb.append('\n');
    }

    static void loops(StringBuilder sb, BenchTables t) {
        double peak = t.peakGflops();
        for (String loop : BenchTables.LOOPS) {
            List<Row> rows = new ArrayList<>(t.loop(loop));
            if (rows.isEmpty()) {
                continue;
            }
            sb.append("## ").append(BenchTables.capitalize(loop)).append("\n\n");
            sb.append("| size n×m×d | backend | form | × fastest | % of best DGEMM | NumPy / this | structured "
                    + "speed-up | heap alloc / op | mean ms ± 99.9% error | median ms | samples |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|\n");
            rows.sort(Comparator.comparingDouble((Row r) -> r.sizes().flops("gramStructured"))
                    .thenComparing(Row::form, Comparator.reverseOrder()).thenComparingDouble(Row::median));
            for (Row r : rows) {
                double fastest = t.fastest(loop, r.form(), r.size()).map(Row::median).orElse(Double.NaN);
                double np = r.form().equals("structured") ? t.numpyMs(loop, r.size()) : Double.NaN;
                String speedup = r.form().equals("structured") ? t.find(loop, "explicit", r.backend(), r.size())
                        .map(e -> f(e.median() / r.median()) + "×").orElse("–") : "–";
                sb.append("| ").append(r.size()).append(" | ").append(r.backend()).append(" | ").append(r.form())
                        .append(" | ").append(f(r.median() / fastest)).append("× | ")
                        .append(f(100 * r.gflops() / peak)).append("% | ")
                        .append(Double.isNaN(np) ? "–" : f(np / r.median()) + "×").append(" | ").append(speedup)
                        .append(" | ").append(BenchTables.bytes(r.allocBytes())).append(" | ")
                        .append(BenchTables.meanWithError(r)).append(" | ").append(f(r.median())).append(" | ")
                        .append(r.samples()).append(r.forks() > 1 ? " (" + r.forks() + " forks)" : "").append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("NumPy / this > 1: theorybench is faster (medians of the same session). Heap alloc / op is JMH's "
                + "`gc.alloc.rate.norm`: Java-heap bytes per operation. It does not see native memory, so a JNI copy "
                + "made by `GetDoubleArrayElements` (how jblas passes `double[]` to its BLAS) shows up as time, not as "
                + "bytes here; OpenBLAS gets its off-heap buffers by address and EJML works in place.\n\n");
    }

    static void floor(StringBuilder sb, BenchTables t, BenchSuite.Plan plan) {
        HotLoopSizes s = plan.largest();
        double bw = t.triadGbPerSecond();
        sb.append("## Machine limit at ").append(s.label()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "The floor of a structured loop is its BLAS-3 part at the backend's DGEMM "
                + "rate in this run plus its element-wise passes at this run's STREAM triad bandwidth (%s GB/s): Gram "
                + "= P = X Wᵀ (2nmd) + SYRK D Dᵀ (n²m, half a GEMM) + 16nm bytes for D + 24n² for ⊙ X Xᵀ; gradient = "
                + "two GEMMs (4nmd) + 16nm bytes for D + 16nd for r ⊙ X. Aim: measured ≤ %.1f× floor.%n%n", f(bw),
                BenchTables.FLOOR_TARGET));
        sb.append("| loop | backend | BLAS-3 GFLOP at its DGEMM rate | element-wise MB at triad | floor ms | measured "
                + "median ms | × floor | NumPy × floor |\n|---|---|---|---|---|---|---|---|\n");
        for (String loop : List.of("gram", "gradient")) {
            for (String b : t.backends()) {
                Optional<Row> r = t.find(loop, "structured", b, s.label());
                if (r.isEmpty()) {
                    continue;
                }
                double floor = t.floorMs(loop, b, s), x = r.get().median() / floor;
                double blasMs = s.floorFlops(loop) / (t.dgemmGflops(b) * 1e9) * 1e3;
                double memMs = s.floorBytes(loop) / (bw * 1e9) * 1e3;
                sb.append("| ").append(loop).append(" | ").append(b).append(" | ")
                        .append(f(s.floorFlops(loop) / 1e9)).append(" @ ").append(f(t.dgemmGflops(b)))
                        .append(" GFLOP/s = ").append(f(blasMs)).append(" ms | ").append(f(s.floorBytes(loop) / 1e6))
                        .append(" = ").append(f(memMs)).append(" ms | ").append(f(floor)).append(" | ")
                        .append(f(r.get().median())).append(" | ").append(x <= BenchTables.FLOOR_TARGET ? f(x) + "×"
                                : "**" + f(x) + "×**").append(" | ")
                        .append(Double.isNaN(t.numpyMs(loop, s.label())) ? "–" : f(t.numpyMs(loop, s.label()) / floor)
                                + "×").append(" |\n");
            }
        }
        sb.append('\n');
    }

    static void references(StringBuilder sb, BenchTables t) {
        double peak = t.peakGflops();
        sb.append("## References: DGEMM and memory bandwidth\n\nDGEMM n = ").append(DgemmBenchmark.N)
                .append(" (2n³ flops), the peak every \"% of DGEMM\" divides by:\n\n| backend | % of best | GFLOP/s | "
                        + "heap alloc / op | mean ms ± 99.9% error | median ms |\n|---|---|---|---|---|---|\n");
        for (Row r : t.loop("dgemm")) {
            sb.append("| ").append(r.backend()).append(" | ").append(f(100 * r.gflops() / peak)).append("% | ")
                    .append(f(r.gflops())).append(" | ").append(BenchTables.bytes(r.allocBytes())).append(" | ")
                    .append(BenchTables.meanWithError(r)).append(" | ").append(f(r.median())).append(" |\n");
        }
        double np = t.numpyMs("dgemm", "dgemm");
        if (!Double.isNaN(np)) {
            sb.append("| NumPy (same session) | ").append(f(100 * DgemmBenchmark.FLOPS / (np * 1e-3) / 1e9 / peak))
                    .append("% | ").append(f(DgemmBenchmark.FLOPS / (np * 1e-3) / 1e9)).append(" | – | – | ")
                    .append(f(np)).append(" |\n");
        }
        sb.append("\nSTREAM on ").append(StreamBenchmark.N).append(" doubles per array, every core (the element-wise "
                + "kernels' split):\n\n| kernel | GB/s | mean ms ± 99.9% error | median ms |\n|---|---|---|---|\n");
        for (Row r : t.loop("stream")) {
            sb.append("| ").append(r.form()).append(" | ").append(f(r.gbPerSecond())).append(" | ")
                    .append(BenchTables.meanWithError(r)).append(" | ").append(f(r.median())).append(" |\n");
        }
        sb.append('\n');
    }

    static void precision(StringBuilder sb, BenchTables t, BenchTables.Context c) {
        BenchSuite.Plan p = c.plan();
        sb.append("## Precision\n\nEvery row's 99.9% error (JMH: t-distribution over all samples of all forks) is "
                + "held to ").append(f(100 * BenchTables.ERROR_TARGET)).append("% of its mean. Budget of this run:\n\n"
                        + "| tier | used for | forks | warm-up | measured | samples per row |\n|---|---|---|---|---|---|\n");
        List<BenchSuite.Tier> tiers = new ArrayList<>();
        p.sizes().forEach(s -> {
            if (!tiers.contains(p.tier(s))) {
                tiers.add(p.tier(s));
            }
        });
        if (!tiers.contains(p.referenceTier())) {
            tiers.add(p.referenceTier());
        }
        for (BenchSuite.Tier tier : tiers) {
            List<String> used = new ArrayList<>(p.sizes().stream().filter(s -> p.tier(s).equals(tier))
                    .map(HotLoopSizes::label).toList());
            if (tier.equals(p.referenceTier())) {
                used.add("DGEMM, STREAM");
            }
            sb.append("| ").append(tier.name()).append(" | ").append(String.join(", ", used)).append(" | ")
                    .append(tier.forks()).append(" | ").append(tier.warmups()).append(" × ")
                    .append(f(tier.warmupSeconds())).append(" s | ").append(tier.iterations()).append(" × ")
                    .append(f(tier.iterationSeconds())).append(" s | ").append(tier.forks() * tier.iterations())
                    .append(" |\n");
        }
        List<Row> missed = t.rows().stream().filter(r -> !r.precise()).toList();
        sb.append(String.format(Locale.ROOT, "%nWall time of the JMH runs: %.0f s (whole run with NumPy: %.0f s). ",
                c.jmhSeconds(), c.wallSeconds()));
        if (missed.isEmpty()) {
            sb.append("Every row met the target.\n\n");
            return;
        }
        sb.append(missed.size()).append(" row(s) missed the target (a noisy machine, or too few samples for the "
                + "operation's spread; rerun on a quiet machine):\n\n");
        for (Row r : missed) {
            sb.append("- ").append(r.loop()).append(' ').append(r.form()).append(' ').append(r.backend()).append(' ')
                    .append(r.size()).append(": ").append(BenchTables.meanWithError(r)).append(" ms\n");
        }
        sb.append('\n');
    }

    /** The project's speed targets, each judged from this run's numbers only: met, missed, or not measured. */
    static void targets(StringBuilder sb, BenchTables t, BenchSuite.Plan plan) {
        sb.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        String largest = plan.largest().label();
        double peak = t.peakGflops();
        Optional<Row> bestGram = t.fastest("gram", "structured", largest);
        target(sb, "best structured Gram at " + largest + " ≥ 80% of the best DGEMM rate",
                bestGram.map(r -> r.backend() + ": " + f(100 * r.gflops() / peak) + "%").orElse(null),
                bestGram.map(r -> r.gflops() >= 0.8 * peak).orElse(null));
        for (String loop : List.of("gram", "gradient")) {
            Optional<Row> best = t.fastest(loop, "structured", largest);
            double np = t.numpyMs(loop, largest);
            boolean have = best.isPresent() && !Double.isNaN(np);
            target(sb, "best structured " + loop + " at " + largest + " at least as fast as NumPy (medians)",
                    have ? best.get().backend() + " " + f(best.get().median()) + " ms vs NumPy " + f(np) + " ms" : null,
                    have ? best.get().median() <= np : null);
            target(sb, "best structured " + loop + " at " + largest + " ≤ " + f(BenchTables.FLOOR_TARGET)
                    + "× its floor", best.map(r -> r.backend() + " " + f(r.median() / t.floorMs(loop, r.backend(),
                            plan.largest())) + "×").orElse(null), best.map(r -> r.median() / t.floorMs(loop,
                                    r.backend(), plan.largest()) <= BenchTables.FLOOR_TARGET).orElse(null));
        }
        Optional<String> explicitSize = t.sizes().stream().filter(s -> t.loop("gram").stream()
                .anyMatch(r -> r.form().equals("explicit") && r.size().equals(s))).reduce((a, b) -> b);
        for (String loop : List.of("gram", "gradient")) {
            List<String> parts = new ArrayList<>();
            Boolean all = null;
            for (Row r : t.loop(loop)) {
                if (explicitSize.isEmpty() || !r.form().equals("structured") || !r.size().equals(explicitSize.get())) {
                    continue;
                }
                Optional<Row> e = t.find(loop, "explicit", r.backend(), r.size());
                if (e.isPresent()) {
                    double x = e.get().median() / r.median();
                    parts.add(r.backend() + " " + f(x) + "×");
                    all = (all == null || all) && x >= 10;
                }
            }
            target(sb, "structured " + loop + " ≥ 10× explicit at the largest explicit size"
                    + explicitSize.map(s -> " (" + s + ")").orElse("") + ", every backend",
                    parts.isEmpty() ? null : String.join(", ", parts), all);
        }
        sb.append('\n');
    }

    private static void target(StringBuilder sb, String what, String measured, Boolean met) {
        sb.append("| ").append(what).append(" | ").append(measured == null ? "not measured in this run" : measured)
                .append(" | ").append(met == null ? "–" : met ? "met" : "**missed**").append(" |\n");
    }

    static void setup(StringBuilder sb, BenchTables.Context c) {
        sb.append("## Setup\n\nJMH ").append(BenchTables.jmhVersion()).append(" with its GC profiler; machine: ")
                .append(c.machine()).append(".\n\nBackends (the benchmarks keep each library's threaded default):\n");
        c.backends().forEach(b -> sb.append("- `").append(b.name()).append("`: ").append(b.description()).append('\n'));
        sb.append("\nElement-wise D = s ⊙ tanh′(P) (shared by every backend): ").append(BenchTables.kernelLine())
                .append(". NumPy ").append(c.numpyVersion() == null ? "not available" : c.numpyVersion())
                .append(" (`bench/numpy_reference.py`, its own BLAS, median of ≥ 5 repeats).\n\n")
                .append("GEMM-equivalent flop counts (a SYRK for D Dᵀ counts as the 2n²m GEMM it replaces):\n\n"
                        + "| benchmark | flops |\n|---|---|\n"
                        + "| jacobian structured (D) | 2nmd + nm |\n| jacobian explicit (J, n × md) | 3nmd + nm |\n"
                        + "| gram structured (D Dᵀ) ⊙ (X Xᵀ) | 2nmd + 2n²m + n² |\n| gram explicit J Jᵀ | 3nmd + 2n²md |\n"
                        + "| gradient structured (D ⊙ r)ᵀ X = Dᵀ (r ⊙ X) | 4nmd + nm + nd |\n"
                        + "| gradient explicit Jᵀ r | 5nmd |\n| dgemm (n = 1024) | 2n³ |\n\n");
    }
}
