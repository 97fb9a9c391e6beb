package io.github.theorybench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.profile.JmhProfilers;
import io.github.theorybench.report.ReportFiles;
import io.github.theorybench.report.RunInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH suite ({@link HotLoopBenchmark} over a size sweep, {@link DgemmBenchmark}, {@link StreamBenchmark})
 * with JMH's own runner and its GC profiler (allocation per operation), then NumPy on the same sizes, and writes
 * {@code jmh.json} (JMH's JSON, all runs combined), {@code numpy.json}, {@code README.md} (ratios first) and the PNG
 * charts, staged and moved into place. Quick mode: smallest size, one fork, short iterations (the CI smoke run).
 */
public final class BenchSuite {
    private BenchSuite() {
    }

    /**
     * How long one group of benchmarks is measured. The 99.9% error JMH reports is t(0.9995, N−1)·s/√N over N =
     * forks × iterations samples: with N = 8–10 it stays below 10% of the score when the samples' coefficient of
     * variation is below ≈ 5–6%, which a quiet machine gives (a row that misses is marked in the report).
     */
    public record Tier(String name, int forks, int warmups, double warmupSeconds, int iterations,
            double iterationSeconds) {
        /** Lower bound of the seconds one benchmark takes, fork start-up excluded. */
        double seconds() {
            return forks * (warmups * warmupSeconds + iterations * iterationSeconds);
        }
    }

    /** Sizes whose structured Gram is below this many GEMM-equivalent flops are timed in the "small" tier. */
    static final double SMALL_FLOPS = 2e8;
    /**
     * Sub-millisecond to millisecond operations: one fork, 0.4 s of warm-up (the Vector API loop is already compiled:
     * {@link HotLoopBenchmark} warms it in its setup), ten 0.1 s samples of hundreds of operations each.
     */
    static final Tier SMALL = new Tier("small", 1, 2, 0.2, 10, 0.1);
    /**
     * 10–2000 ms operations: two forks (so fork-to-fork variance is in the error), one 0.5 s warm-up iteration (the
     * kernel is warmed in setup; BLAS needs no JIT), four 0.5 s samples each.
     */
    static final Tier LARGE = new Tier("large", 2, 1, 0.5, 4, 0.5);
    /** The peak and bandwidth references the ratios and the floor divide by: measured like the large sizes. */
    static final Tier REFERENCE = LARGE;
    static final Tier QUICK = new Tier("quick", 1, 2, 0.2, 3, 0.1);

    /** Settings of one suite run, recorded in the report. */
    public record Plan(boolean quick, boolean userSizes, List<HotLoopSizes> sizes) {
        public static Plan of(boolean quick, List<HotLoopSizes> userSizes) {
            if (userSizes != null && !userSizes.isEmpty()) {
                return new Plan(quick, true, List.copyOf(userSizes));
            }
            return new Plan(quick, false, quick ? List.of(HotLoopSizes.SWEEP.get(2)) : HotLoopSizes.SWEEP);
        }

        Tier tier(HotLoopSizes s) {
            return quick ? QUICK : s.flops("gramStructured") < SMALL_FLOPS ? SMALL : LARGE;
        }

        Tier referenceTier() {
            return quick ? QUICK : REFERENCE;
        }

        /** The size the floor and the headline NumPy comparison use: the largest by flops. */
        HotLoopSizes largest() {
            return sizes.stream().max(java.util.Comparator.comparingDouble(s -> s.flops("gramStructured")))
                    .orElseThrow();
        }
    }

    public static int run(Plan plan, Path outDir, PrintStream progress) throws Exception {
        return run(plan, outDir, progress, List.of());
    }

    /**
     * As {@link #run(Plan, Path, PrintStream)}, with JMH profilers ({@code --prof NAME[:OPTIONS]}, issue 16): with
     * {@code async} the flame graphs go to {@code prof-async/}; {@code stack} prints to the log. JMH's GC profiler
     * always runs (the tables show bytes allocated per operation), so {@code gc} adds nothing.
     */
    public static int run(Plan plan, Path outDir, PrintStream progress, List<String> prof) throws Exception {
        // JMH's async profiler writes its flame graphs here; moved into the report or deleted, whatever happens
        Path asyncDir = Files.createTempDirectory("theorybench-jmh-async-");
        try {
            List<JmhProfilers.Spec> profilers = JmhProfilers.parse(prof, asyncDir).stream()
                    .filter(sp -> !sp.name().equals("gc")).toList();
            return run(plan, outDir, progress, profilers, asyncDir);
        } finally {
            ReportFiles.deleteTree(asyncDir);
        }
    }

    private static int run(Plan plan, Path outDir, PrintStream progress, List<JmhProfilers.Spec> profilers,
            Path asyncDir) throws Exception {
        // Fail before any benchmark if a promised backend cannot load (one line, from Backends).
        List<Backend> backends = Backends.all();
        backends.forEach(b -> progress.println("bench: " + b.name() + ": " + b.description()));
        ReportFiles.prepareOutput(outDir);
        long start = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (HotLoopSizes s : plan.sizes()) {
            if (!s.explicitRuns()) {
                skipped.add("explicit forms skipped at " + s.label() + ": " + s.explicitSkipReason());
            }
        }
        skipped.forEach(line -> progress.println("bench: " + line));
        Map<Tier, List<HotLoopSizes>> byTier = new LinkedHashMap<>();
        plan.sizes().forEach(s -> byTier.computeIfAbsent(plan.tier(s), t -> new ArrayList<>()).add(s));
        for (Map.Entry<Tier, List<HotLoopSizes>> e : byTier.entrySet()) {
            String[] all = e.getValue().stream().map(HotLoopSizes::label).toArray(String[]::new);
            String[] explicit = e.getValue().stream().filter(HotLoopSizes::explicitRuns).map(HotLoopSizes::label)
                    .toArray(String[]::new);
            progress.println("bench: structured forms at " + String.join(", ", all) + " (" + e.getKey() + ")");
            results.addAll(runJmh(e.getKey(), HotLoopBenchmark.class.getName() + "\\.\\w+Structured$", all, profilers));
            if (explicit.length > 0) {
                progress.println("bench: explicit forms at " + String.join(", ", explicit) + " (" + e.getKey() + ")");
                results.addAll(runJmh(e.getKey(), HotLoopBenchmark.class.getName() + "\\.\\w+Explicit$", explicit, profilers));
            }
        }
        progress.println("bench: DGEMM n = " + DgemmBenchmark.N + " (peak reference) and STREAM copy/triad ("
                + StreamBenchmark.N + " doubles, bandwidth reference)");
        results.addAll(runJmh(plan.referenceTier(), DgemmBenchmark.class.getName() + "\\.dgemm$", null, profilers));
        results.addAll(runJmh(plan.referenceTier(), StreamBenchmark.class.getName() + "\\.\\w+$", null, profilers));
        double jmhWall = (System.nanoTime() - start) / 1e9;
        JsonNode numpy = numpyReference(plan.sizes(), progress);
        double wall = (System.nanoTime() - start) / 1e9;

        Path staging = ReportFiles.staging(outDir);
        try {
            try (PrintStream json = new PrintStream(Files.newOutputStream(staging.resolve("jmh.json")), true,
                    StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
            }
            if (numpy != null) {
                Files.writeString(staging.resolve("numpy.json"), numpy.toPrettyString() + "\n");
            }
            BenchTables tables = BenchTables.of(results, numpy);
            for (String loop : BenchTables.LOOPS) {
                BenchCharts.crossover(tables, loop, staging.resolve("crossover-" + loop + ".png"));
            }
            Files.writeString(staging.resolve("README.md"), BenchTables.markdown(tables, new BenchTables.Context(plan,
                    skipped, backends, numpy == null ? null : numpy.path("numpy").asText(), jmhWall, wall,
                    machineLine())));
            try (var entries = Files.list(asyncDir)) {
                if (entries.findAny().isPresent()) {
                    Files.move(asyncDir, staging.resolve("prof-async")); // JMH -prof async flame graphs
                }
            }
            ReportFiles.publish(staging, outDir);
        } finally {
            ReportFiles.deleteTree(staging);
        }
        progress.printf(Locale.ROOT, "bench: %d results in %.0f s -> %s%n", results.size(), wall,
                outDir.resolve("README.md"));
        return 0;
    }

    private static List<RunResult> runJmh(Tier tier, String include, String[] sizes,
            List<JmhProfilers.Spec> profilers) throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder().include(include).forks(tier.forks())
                .warmupIterations(tier.warmups()).measurementIterations(tier.iterations())
                .warmupTime(TimeValue.milliseconds((long) (tier.warmupSeconds() * 1000)))
                .measurementTime(TimeValue.milliseconds((long) (tier.iterationSeconds() * 1000)))
                .timeUnit(TimeUnit.MILLISECONDS).shouldFailOnError(true).verbosity(VerboseMode.NORMAL)
                .addProfiler(GCProfiler.class)
                .jvmArgs("-Xmx12g", "-Xms1g", "--add-modules", "jdk.incubator.vector");
        if (sizes != null) {
            o = o.param("size", sizes);
        }
        return new ArrayList<>(new Runner(JmhProfilers.apply(o, profilers).build()).run());
    }

    /**
     * Times the same structured formulas in NumPy on this machine at every size, right after the JMH runs (so the
     * ratios compare one session), if python3 with NumPy is available; null otherwise.
     */
    static JsonNode numpyReference(List<HotLoopSizes> sizes, PrintStream progress) {
        Path script = Path.of("bench", "numpy_reference.py");
        if (!Files.exists(script)) {
            progress.println("bench: NumPy reference skipped: " + script + " not found (run from the repository root)");
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
        sizes.forEach(s -> cmd.add(s.label()));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out = r.lines().reduce("", (a, b2) -> a + b2);
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isBlank()) {
                progress.println("bench: NumPy reference skipped: python3 " + script + " failed (no NumPy?)");
                return null;
            }
            progress.println("bench: NumPy reference done");
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            progress.println("bench: NumPy reference skipped: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        System.exit(run(Plan.of(quick, null), Path.of("reports", "bench"), System.err));
    }

    static String machineLine() {
        List<String> parts = new ArrayList<>();
        RunInfo.machine().forEach((k, v) -> parts.add(k + " " + v));
        return String.join("; ", parts);
    }
}
