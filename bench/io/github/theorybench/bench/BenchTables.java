package io.github.theorybench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.model.ActivationKernels;
import io.github.theorybench.report.RunInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** JMH results as rows, the same-run ratios computed from them, and the Markdown page of the benchmark report. */
public final class BenchTables {
    /** The hot loops, in report order. */
    public static final List<String> LOOPS = List.of("jacobian", "gram", "gradient");
    /** The forms of each loop, structured first. */
    public static final List<String> FORMS = List.of("structured", "explicit");
    /** Every reported row must have a 99.9% error below this fraction of its score, or be marked. */
    public static final double ERROR_TARGET = 0.10;
    /** The issue-20 aim for the structured Gram and gradient at the largest size: at most this multiple of the floor. */
    public static final double FLOOR_TARGET = 1.3;

    /**
     * One measured benchmark: loop (jacobian, gram, gradient; dgemm; stream), form (structured/explicit; dgemm;
     * copy/triad), backend ("java" for STREAM), size label, mean ms, its 99.9% error, median ms, sample count, forks,
     * and heap bytes allocated per operation (JMH's gc.alloc.rate.norm; NaN when not measured).
     */
    public record Row(String loop, String form, String backend, String size, double ms, double error, double median,
            long samples, int forks, double allocBytes) {
        /** The 99.9% error is below {@link #ERROR_TARGET} of the mean (false when it could not be computed). */
        public boolean precise() {
            return error < ERROR_TARGET * ms;
        }

        public double relativeError() {
            return error / ms;
        }

        /** GEMM-equivalent GFLOP/s of the mean time (NaN for STREAM). */
        public double gflops() {
            if (loop.equals("dgemm")) {
                return DgemmBenchmark.FLOPS / (ms * 1e-3) / 1e9;
            }
            if (loop.equals("stream")) {
                return Double.NaN;
            }
            return sizes().flops(loop + capitalize(form)) / (ms * 1e-3) / 1e9;
        }

        /** STREAM bandwidth in GB/s (NaN for other rows). */
        public double gbPerSecond() {
            if (!loop.equals("stream")) {
                return Double.NaN;
            }
            double bytes = form.equals("copy") ? StreamBenchmark.COPY_BYTES : StreamBenchmark.TRIAD_BYTES;
            return bytes / (ms * 1e-3) / 1e9;
        }

        HotLoopSizes sizes() {
            return HotLoopSizes.parse(size);
        }
    }

    /** What the page says about the run besides the rows. */
    public record Context(BenchSuite.Plan plan, List<String> skipped, List<Backend> backends, String numpyVersion,
            double jmhSeconds, double wallSeconds, String machine) {
    }

    private final List<Row> rows;
    private final JsonNode numpy;

    BenchTables(List<Row> rows, JsonNode numpy) {
        this.rows = List.copyOf(rows);
        this.numpy = numpy;
    }

    public List<Row> rows() {
        return rows;
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static BenchTables of(List<RunResult> results, JsonNode numpy) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String cls = bench.substring(0, bench.lastIndexOf('.'));
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String backend = r.getParams().getParam("backend");
            String size = r.getParams().getParam("size");
            int forks = r.getParams().getForks();
            if (cls.endsWith("DgemmBenchmark")) {
                rows.add(row("dgemm", "dgemm", backend, Integer.toString(DgemmBenchmark.N), r, forks));
            } else if (cls.endsWith("StreamBenchmark")) {
                rows.add(row("stream", method, "java", Integer.toString(StreamBenchmark.N), r, forks));
            } else {
                String form = method.endsWith("Structured") ? "structured" : "explicit";
                String loop = method.substring(0, method.length() - form.length());
                rows.add(row(loop, form, backend, size, r, forks));
            }
        }
        return new BenchTables(rows, numpy);
    }

    private static Row row(String loop, String form, String backend, String size, RunResult r, int forks) {
        Result<?> primary = r.getPrimaryResult();
        Statistics st = primary.getStatistics();
        return new Row(loop, form, backend, size, primary.getScore(), primary.getScoreError(), st.getPercentile(50),
                st.getN(), forks, allocation(r.getSecondaryResults()));
    }

    /** gc.alloc.rate.norm (bytes per operation) from JMH's GC profiler; JMH labels it with or without a "·". */
    static double allocation(Map<String, Result> secondary) {
        for (String k : List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm")) {
            if (secondary.containsKey(k)) {
                return secondary.get(k).getScore();
            }
        }
        return Double.NaN;
    }

    List<Row> loop(String loop) {
        return rows.stream().filter(r -> r.loop().equals(loop)).toList();
    }

    Optional<Row> find(String loop, String form, String backend, String size) {
        return rows.stream().filter(r -> r.loop().equals(loop) && r.form().equals(form)
                && r.backend().equals(backend) && r.size().equals(size)).findFirst();
    }

    /** Sizes of the hot-loop rows, smallest structured Gram first. */
    List<String> sizes() {
        Set<String> out = new LinkedHashSet<>();
        rows.stream().filter(r -> LOOPS.contains(r.loop()))
                .sorted(Comparator.comparingDouble((Row r) -> r.sizes().flops("gramStructured")))
                .forEach(r -> out.add(r.size()));
        return List.copyOf(out);
    }

    /** Backends of the hot-loop rows, in first-seen order. */
    List<String> backends() {
        Set<String> out = new LinkedHashSet<>();
        rows.stream().filter(r -> LOOPS.contains(r.loop())).forEach(r -> out.add(r.backend()));
        return List.copyOf(out);
    }

    /** The same run's best DGEMM rate, GFLOP/s. */
    double peakGflops() {
        return loop("dgemm").stream().mapToDouble(Row::gflops).max().orElse(Double.NaN);
    }

    /** The DGEMM rate of one backend in this run, GFLOP/s. */
    double dgemmGflops(String backend) {
        return find("dgemm", "dgemm", backend, Integer.toString(DgemmBenchmark.N)).map(Row::gflops).orElse(Double.NaN);
    }

    /** The same run's STREAM triad bandwidth, GB/s (the floor's memory rate). */
    double triadGbPerSecond() {
        return loop("stream").stream().filter(r -> r.form().equals("triad")).mapToDouble(Row::gbPerSecond).max()
                .orElse(Double.NaN);
    }

    /** The fastest row (by median) of one loop, form and size. */
    Optional<Row> fastest(String loop, String form, String size) {
        return rows.stream().filter(r -> r.loop().equals(loop) && r.form().equals(form) && r.size().equals(size))
                .min(Comparator.comparingDouble(Row::median));
    }

    /** NumPy's median ms for a structured loop at a size (or DGEMM with size "dgemm"), NaN if not measured. */
    double numpyMs(String loop, String size) {
        if (numpy == null) {
            return Double.NaN;
        }
        JsonNode n = loop.equals("dgemm") ? numpy.path("dgemm") : numpy.path("sizes").path(size).path(loop + "Structured");
        return n.has("median") ? n.get("median").asDouble() : Double.NaN;
    }

    /** The machine-limit floor of a structured loop on a backend, in ms: BLAS-3 at its DGEMM rate + bytes at triad. */
    double floorMs(String loop, String backend, HotLoopSizes s) {
        return (s.floorFlops(loop) / (dgemmGflops(backend) * 1e9) + s.floorBytes(loop) / (triadGbPerSecond() * 1e9))
                * 1e3;
    }

    static String f(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.1 ? "%.2f" : "%.3g", v);
    }

    static String bytes(double b) {
        if (!Double.isFinite(b)) {
            return "–";
        }
        if (b < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        return b < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", b / 1024)
                : String.format(Locale.ROOT, "%.1f MiB", b / (1 << 20));
    }

    /** "12.3 ± 0.4 (3.2%)", with a mark when the error misses the target. */
    static String meanWithError(Row r) {
        String pct = Double.isFinite(r.relativeError()) ? String.format(Locale.ROOT, "%.1f%%", 100 * r.relativeError())
                : "n/a";
        return f(r.ms()) + " ± " + f(r.error()) + " (" + pct + (r.precise() ? ")" : ") ⚠️");
    }

    static String markdown(BenchTables t, Context c) {
        StringBuilder sb = new StringBuilder("# theorybench backend benchmarks\n\n");
        BenchReport.head(sb, t, c);
        BenchReport.recommendation(sb, t);
        BenchReport.loops(sb, t);
        BenchReport.floor(sb, t, c.plan());
        BenchReport.references(sb, t);
        BenchReport.precision(sb, t, c);
        BenchReport.targets(sb, t, c.plan());
        if (!c.skipped().isEmpty()) {
            sb.append("## Skipped\n\n");
            c.skipped().forEach(s -> sb.append("- ").append(s).append('\n'));
            sb.append('\n');
        }
        BenchReport.setup(sb, c);
        return sb.toString();
    }

    /** Backends' descriptions, the tanh′ kernel and the flop table, for the setup section. */
    static String kernelLine() {
        return ActivationKernels.tanhDerivativeKernel();
    }

    static String jmhVersion() {
        return RunInfo.libraries().get("jmh");
    }
}
