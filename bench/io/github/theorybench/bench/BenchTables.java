package io.github.theorybench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.report.RunInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;

/** JMH results as rows, and the Markdown page of the benchmark report. */
public final class BenchTables {
    /** The hot loops, in report order. */
    public static final List<String> LOOPS = List.of("jacobian", "gram", "gradient");

    /** One measured benchmark: loop (jacobian/gram/gradient/dgemm), form, backend, size label, ms ± error. */
    public record Row(String loop, String form, String backend, String size, double ms, double error) {
        double gflops() {
            String bench = loop.equals("dgemm") ? "dgemm" : loop + capitalize(form);
            HotLoopSizes s = loop.equals("dgemm") ? HotLoopSizes.ALL.get(0) : HotLoopSizes.parse(size);
            return s.flops(bench) / (ms * 1e-3) / 1e9;
        }
    }

    private final List<Row> rows;

    private BenchTables(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static BenchTables of(List<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String backend = r.getParams().getParam("backend");
            double ms = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            if (method.equals("dgemm")) {
                rows.add(new Row("dgemm", "dgemm", backend, "1024", ms, err));
            } else {
                String form = method.endsWith("Structured") ? "structured" : "explicit";
                String loop = method.substring(0, method.length() - capitalize(form).length());
                rows.add(new Row(loop, form, backend, r.getParams().getParam("size"), ms, err));
            }
        }
        return new BenchTables(rows);
    }

    List<Row> loop(String loop) {
        return rows.stream().filter(r -> r.loop().equals(loop)).toList();
    }

    Optional<Row> find(String loop, String form, String backend, String size) {
        return rows.stream().filter(r -> r.loop().equals(loop) && r.form().equals(form)
                && r.backend().equals(backend) && r.size().equals(size)).findFirst();
    }

    /** The same run's best DGEMM rate, GFLOP/s. */
    double peakGflops() {
        return loop("dgemm").stream().mapToDouble(Row::gflops).max().orElse(Double.NaN);
    }

    static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v) : "–";
    }

    static String markdown(BenchTables t, BenchSuite.Plan plan, List<String> skipped, List<Backend> backends,
            JsonNode numpy, HotLoopSizes largest, double wallSeconds) {
        StringBuilder sb = new StringBuilder("# theorybench backend benchmarks\n\n");
        sb.append("JMH ").append(RunInfo.libraries().get("jmh")).append(", ").append(plan.forks())
                .append(" fork(s), ").append(plan.warmups()).append(" warm-up + ").append(plan.iterations())
                .append(String.format(Locale.ROOT, " measured iterations of %.1f s", plan.iterationSeconds()))
                .append(plan.quick() ? " (**quick mode**: smallest size only, a smoke test, not a reference)" : "")
                .append(String.format(Locale.ROOT, "; wall time %.0f s. Raw results: [jmh.json](jmh.json).\n\n",
                        wallSeconds));
        sb.append("Machine: ").append(BenchSuite.machineLine()).append(".\n\nBackends:\n");
        backends.forEach(b -> sb.append("- `").append(b.name()).append("`: ").append(b.description()).append('\n'));
        sb.append("\nElement-wise D = s ⊙ tanh′(P) (shared by every backend): ")
                .append(io.github.theorybench.model.ActivationKernels.tanhDerivativeKernel())
                .append(" (the forked JMH JVMs get the same --add-modules flag).\n");
        sb.append("\nTimes are ms per operation (JMH average time ± 99.9% error). Compare timings as ratios within "
                + "this run only. Every operation starts from the weights W, as one step of the dynamics does: "
                + "P = X Wᵀ, D = s ⊙ tanh′(P), then the loop's formula. X Xᵀ is fixed for a data set and "
                + "precomputed. GEMM-equivalent flop counts (a SYRK for D Dᵀ counts as the 2n²m GEMM it replaces):\n\n"
                + "| benchmark | flops |\n|---|---|\n"
                + "| jacobian structured (D) | 2nmd + nm |\n| jacobian explicit (J, n × md) | 3nmd + nm |\n"
                + "| gram structured (D Dᵀ) ⊙ (X Xᵀ) | 2nmd + 2n²m + n² |\n| gram explicit J Jᵀ | 3nmd + 2n²md |\n"
                + "| gradient structured (D ⊙ r)ᵀ X = Dᵀ (r ⊙ X) | 4nmd + nm + nd |\n| gradient explicit Jᵀ r | 5nmd |\n"
                + "| dgemm (n = 1024) | 2n³ |\n\n");
        double peak = t.peakGflops();
        sb.append("## DGEMM peak reference (n = 1024)\n\n| backend | ms | GFLOP/s | % of best |\n|---|---|---|---|\n");
        for (Row r : t.loop("dgemm")) {
            sb.append("| ").append(r.backend()).append(" | ").append(f(r.ms())).append(" ± ").append(f(r.error()))
                    .append(" | ").append(f(r.gflops())).append(" | ").append(f(100 * r.gflops() / peak))
                    .append(" |\n");
        }
        sb.append("\n![DGEMM](bench-dgemm.png)\n\n");
        for (String loop : LOOPS) {
            sb.append("## ").append(capitalize(loop)).append("\n\n");
            sb.append("| size n×m×d | backend | form | ms | GFLOP/s | % of best DGEMM | structured speed-up | "
                    + "time / fastest backend |\n|---|---|---|---|---|---|---|---|\n");
            List<Row> rows = new ArrayList<>(t.loop(loop));
            rows.sort(Comparator.comparing((Row r) -> HotLoopSizes.parse(r.size()).jacobianElements())
                    .thenComparing(Row::form, Comparator.reverseOrder()).thenComparing(Row::ms));
            for (Row r : rows) {
                double fastest = rows.stream().filter(o -> o.size().equals(r.size()) && o.form().equals(r.form()))
                        .mapToDouble(Row::ms).min().orElse(Double.NaN);
                String speedup = "–";
                if (r.form().equals("structured")) {
                    speedup = t.find(loop, "explicit", r.backend(), r.size()).map(e -> f(e.ms() / r.ms()) + "×")
                            .orElse("explicit skipped");
                }
                sb.append("| ").append(r.size()).append(" | ").append(r.backend()).append(" | ").append(r.form())
                        .append(" | ").append(f(r.ms())).append(" ± ").append(f(r.error())).append(" | ")
                        .append(f(r.gflops())).append(" | ").append(f(100 * r.gflops() / peak)).append(" | ")
                        .append(speedup).append(" | ").append(f(r.ms() / fastest)).append("× |\n");
            }
            sb.append("\n![").append(loop).append("](bench-").append(loop).append(".png)\n\n");
        }
        targets(sb, t, numpy, largest);
        if (!skipped.isEmpty()) {
            sb.append("## Skipped\n\n");
            skipped.forEach(s -> sb.append("- ").append(s).append('\n'));
            sb.append('\n');
        }
        sb.append("## Against NumPy (same formulas, same machine, same session)\n\n");
        if (numpy == null) {
            sb.append("Not measured: python3 with NumPy was not available to this run.\n");
        } else {
            sb.append("`bench/numpy_reference.py` at ").append(largest.label()).append(", NumPy ")
                    .append(numpy.path("numpy").asText()).append(", best of 10 (NumPy's own BLAS):\n\n")
                    .append("| benchmark | NumPy ms | best theorybench backend | its ms | NumPy / theorybench |\n"
                            + "|---|---|---|---|---|\n");
            for (String loop : LOOPS) {
                String key = loop + "Structured";
                Optional<Row> best = t.loop(loop).stream().filter(r -> r.form().equals("structured")
                        && r.size().equals(largest.label())).min(Comparator.comparingDouble(Row::ms));
                if (numpy.has(key) && best.isPresent()) {
                    double np = numpy.get(key).asDouble();
                    sb.append("| ").append(key).append(" | ").append(f(np)).append(" | ").append(best.get().backend())
                            .append(" | ").append(f(best.get().ms())).append(" | ").append(f(np / best.get().ms()))
                            .append("× |\n");
                }
            }
            t.loop("dgemm").stream().min(Comparator.comparingDouble(Row::ms)).ifPresent(r -> {
                double np = numpy.path("dgemm").asDouble();
                sb.append("| dgemm 1024 | ").append(f(np)).append(" | ").append(r.backend()).append(" | ")
                        .append(f(r.ms())).append(" | ").append(f(np / r.ms())).append("× |\n");
            });
            sb.append("\nA ratio above 1 means theorybench is faster. NumPy was timed by `time.perf_counter` "
                    + "(best of 10), theorybench by JMH (mean): the comparison favours NumPy slightly.\n");
        }
        return sb.toString();
    }

    /**
     * The project's speed targets (issue "JMH benchmarks"), each judged from this run's numbers only: met, missed, or
     * not measured. Timings stay out of the tests; this table is where they are held to account.
     */
    static void targets(StringBuilder sb, BenchTables t, JsonNode numpy, HotLoopSizes largest) {
        sb.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        double peak = t.peakGflops();
        Optional<Row> bestGram = t.loop("gram").stream()
                .filter(r -> r.form().equals("structured") && r.size().equals(largest.label()))
                .min(Comparator.comparingDouble(Row::ms));
        target(sb, "best structured Gram at " + largest.label() + " >= 80% of the best DGEMM rate",
                bestGram.map(r -> r.backend() + ": " + f(100 * r.gflops() / peak) + "%").orElse(null),
                bestGram.map(r -> r.gflops() >= 0.8 * peak).orElse(null));
        for (String loop : List.of("gram", "gradient")) {
            String key = loop + "Structured";
            Optional<Row> best = t.loop(loop).stream()
                    .filter(r -> r.form().equals("structured") && r.size().equals(largest.label()))
                    .min(Comparator.comparingDouble(Row::ms));
            boolean have = numpy != null && numpy.has(key) && best.isPresent();
            target(sb, "best structured " + loop + " at " + largest.label() + " at least as fast as NumPy",
                    have ? best.get().backend() + " " + f(best.get().ms()) + " ms vs NumPy " + f(numpy.get(key)
                            .asDouble()) + " ms" : null, have ? best.get().ms() <= numpy.get(key).asDouble() : null);
        }
        String smallest = HotLoopSizes.ALL.get(0).label();
        for (String loop : List.of("gram", "gradient")) {
            List<String> parts = new ArrayList<>();
            Boolean all = null;
            for (Row r : t.loop(loop)) {
                if (!r.form().equals("structured") || !r.size().equals(smallest)) {
                    continue;
                }
                Optional<Row> e = t.find(loop, "explicit", r.backend(), smallest);
                if (e.isPresent()) {
                    double x = e.get().ms() / r.ms();
                    parts.add(r.backend() + " " + f(x) + "×");
                    all = (all == null || all) && x >= 10;
                }
            }
            target(sb, "structured " + loop + " >= 10x explicit at " + smallest + " (every backend)",
                    parts.isEmpty() ? null : String.join(", ", parts), all);
        }
        sb.append('\n');
    }

    private static void target(StringBuilder sb, String what, String measured, Boolean met) {
        sb.append("| ").append(what).append(" | ").append(measured == null ? "not measured in this run" : measured)
                .append(" | ").append(met == null ? "–" : met ? "met" : "**missed**").append(" |\n");
    }
}
