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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH suite ({@link HotLoopBenchmark}, {@link DgemmBenchmark}) with JMH's own runner and writes
 * {@code jmh.json} (JMH's JSON format, all runs combined), {@code README.md} (tables) and one PNG bar chart per hot
 * loop, staged and moved into place. Quick mode: smallest size, one fork, short iterations (the CI smoke run).
 */
public final class BenchSuite {
    private BenchSuite() {
    }

    /** Settings of one suite run, recorded in the report. */
    public record Plan(boolean quick, List<HotLoopSizes> sizes, int forks, int warmups, int iterations,
            double iterationSeconds) {
        static Plan of(boolean quick) {
            return quick ? new Plan(true, List.of(HotLoopSizes.ALL.get(0)), 1, 1, 2, 0.2)
                    : new Plan(false, HotLoopSizes.ALL, 1, 2, 3, 1.0);
        }
    }

    public static int run(boolean quick, Path outDir, PrintStream progress) throws Exception {
        return run(quick, outDir, progress, List.of());
    }

    /**
     * As {@link #run(boolean, Path, PrintStream)}, with JMH profilers ({@code --prof NAME[:OPTIONS]}, issue 16): with
     * {@code gc} the README gains bytes allocated per operation, with {@code async} the flame graphs go to
     * {@code prof-async/}.
     */
    public static int run(boolean quick, Path outDir, PrintStream progress, List<String> prof) throws Exception {
        Plan plan = Plan.of(quick);
        Path asyncDir = Files.createTempDirectory("theorybench-jmh-async-");
        List<JmhProfilers.Spec> profilers;
        try {
            profilers = JmhProfilers.parse(prof, asyncDir);
        } catch (RuntimeException e) {
            ReportFiles.deleteTree(asyncDir);
            throw e;
        }
        // Fail before any benchmark if a promised backend cannot load (one line, from Backends).
        List<Backend> backends = Backends.all();
        backends.forEach(b -> progress.println("bench: " + b.name() + ": " + b.description()));
        ReportFiles.prepareOutput(outDir);
        long start = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String[] allSizes = plan.sizes().stream().map(HotLoopSizes::label).toArray(String[]::new);
        String[] explicitSizes = plan.sizes().stream().filter(s -> s.explicitSkipReason() == null)
                .map(HotLoopSizes::label).toArray(String[]::new);
        for (HotLoopSizes s : plan.sizes()) {
            if (s.explicitSkipReason() != null) {
                String line = "explicit forms skipped at (" + s.n() + ", " + s.m() + ", " + s.d() + "): "
                        + s.explicitSkipReason();
                progress.println("bench: " + line);
                skipped.add(line);
            }
        }
        progress.println("bench: structured forms at " + String.join(", ", allSizes));
        results.addAll(runJmh(plan, HotLoopBenchmark.class.getName() + "\\.\\w+Structured$", allSizes, profilers));
        if (explicitSizes.length > 0) {
            progress.println("bench: explicit forms at " + String.join(", ", explicitSizes));
            results.addAll(runJmh(plan, HotLoopBenchmark.class.getName() + "\\.\\w+Explicit$", explicitSizes, profilers));
        }
        progress.println("bench: DGEMM n = " + DgemmBenchmark.N + " (peak reference)");
        results.addAll(runJmh(plan, DgemmBenchmark.class.getName() + "\\.dgemm$", null, profilers));
        double wall = (System.nanoTime() - start) / 1e9;

        HotLoopSizes largest = plan.sizes().get(plan.sizes().size() - 1);
        JsonNode numpy = numpyReference(largest, progress);

        Path staging = ReportFiles.staging(outDir);
        try {
            try (PrintStream json = new PrintStream(Files.newOutputStream(staging.resolve("jmh.json")), true,
                    StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
            }
            BenchTables tables = BenchTables.of(results);
            for (String loop : BenchTables.LOOPS) {
                BenchCharts.render(tables, loop, staging.resolve("bench-" + loop + ".png"));
            }
            BenchCharts.renderDgemm(tables, staging.resolve("bench-dgemm.png"));
            Files.writeString(staging.resolve("README.md"),
                    BenchTables.markdown(tables, plan, skipped, backends, numpy, largest, wall)
                            + JmhProfilers.allocationMarkdown(results));
            try (var entries = Files.list(asyncDir)) {
                if (entries.findAny().isPresent()) {
                    Files.move(asyncDir, staging.resolve("prof-async")); // JMH -prof async flame graphs
                }
            }
            ReportFiles.publish(staging, outDir);
        } finally {
            ReportFiles.deleteTree(staging);
            ReportFiles.deleteTree(asyncDir);
        }
        progress.printf(Locale.ROOT, "bench: %d results in %.0f s -> %s%n", results.size(), wall,
                outDir.resolve("README.md"));
        return 0;
    }

    private static Collection<RunResult> runJmh(Plan plan, String include, String[] sizes,
            List<JmhProfilers.Spec> profilers) throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder().include(include).forks(plan.forks())
                .warmupIterations(plan.warmups()).measurementIterations(plan.iterations())
                .warmupTime(TimeValue.milliseconds((long) (plan.iterationSeconds() * 1000)))
                .measurementTime(TimeValue.milliseconds((long) (plan.iterationSeconds() * 1000)))
                .timeUnit(TimeUnit.MILLISECONDS).shouldFailOnError(true).verbosity(VerboseMode.NORMAL)
                .jvmArgs("-Xmx12g", "-Xms1g", "--add-modules", "jdk.incubator.vector");
        if (sizes != null) {
            o = o.param("size", sizes);
        }
        return new Runner(JmhProfilers.apply(o, profilers).build()).run();
    }

    /** Times the same structured formulas in NumPy on this machine, if python3 with NumPy is available. */
    static JsonNode numpyReference(HotLoopSizes size, PrintStream progress) {
        Path script = Path.of("bench", "numpy_reference.py");
        if (!Files.exists(script)) {
            progress.println("bench: NumPy reference skipped: " + script + " not found (run from the repository root)");
            return null;
        }
        try {
            Process p = new ProcessBuilder("python3", script.toString(), size.label(), "10")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out = r.lines().reduce("", (a, b2) -> a + b2);
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isBlank()) {
                progress.println("bench: NumPy reference skipped: python3 " + script + " failed (no NumPy?)");
                return null;
            }
            progress.println("bench: NumPy reference " + out);
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
        System.exit(run(quick, Path.of("reports", "bench"), System.err));
    }

    static String machineLine() {
        List<String> parts = new ArrayList<>();
        RunInfo.machine().forEach((k, v) -> parts.add(k + " " + v));
        return String.join("; ", parts);
    }
}
