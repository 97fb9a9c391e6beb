package io.github.theorybench.profile;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.NativeLibraries;
import io.github.theorybench.report.ClaimsReport;
import io.github.theorybench.report.ClaimsRun;
import io.github.theorybench.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A claims run as {@code theorybench claims} does it — the checks on single-threaded OpenBLAS, on {@code workers}
 * workers, then the claims report (claims.json, claims.md, plots) — written to a scratch directory that is deleted
 * afterwards, so the JSON/plots/report layer is part of the profile.
 */
public final class ClaimsWorkload implements Workload {
    private final String title;
    private final List<ClaimCheck> checks;
    private final List<String> ids;
    private final String backendName;
    private final long seed;
    private final boolean quick;
    private final int workers;
    private final String command;
    private final PrintWriter progress;
    private Backend backend;
    private List<ClaimsRun.Outcome> outcomes = List.of();

    public ClaimsWorkload(String title, List<ClaimCheck> checks, List<String> ids, String backendName, long seed,
            boolean quick, int workers, String command, PrintWriter progress) {
        this.title = title;
        this.checks = List.copyOf(checks);
        this.ids = List.copyOf(ids);
        this.backendName = backendName;
        this.seed = seed;
        this.quick = quick;
        this.workers = workers;
        this.command = command;
        this.progress = progress;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void prepare() {
        NativeLibraries.useSingleThreadedOpenBlas(); // as claim runs do: same bits every run
        backend = Backends.byName(backendName);
        progress.println("profile: backend " + backend.description() + "; " + workers + " check(s) at once");
        progress.flush();
    }

    @Override
    public void run() throws Exception {
        long start = System.nanoTime();
        CheckContext ctx = new CheckContext(backend, seed, quick, line -> {
            progress.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, line);
            progress.flush();
        });
        outcomes = ClaimsRun.run(checks, ids, ctx, workers);
        double wall = (System.nanoTime() - start) / 1e9;
        Path scratch = Files.createTempDirectory("theorybench-profile-report-");
        try {
            ClaimsReport.write(scratch, new ClaimsReport.RunSettings(seed, quick, backend.name(),
                    backend.description(), ids, command), outcomes, wall, Path.of("").toAbsolutePath());
        } finally {
            ReportFiles.deleteTree(scratch);
        }
    }

    /** Counts of the run's rows by status label, in the order of {@link Verdict.Status}. */
    Map<String, Long> statusCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict.Status st : Verdict.Status.values()) {
            long n = outcomes.stream().flatMap(o -> o.result().verdicts().stream()).filter(v -> v.status() == st)
                    .count();
            if (n > 0) {
                counts.put(st.label(), n);
            }
        }
        return counts;
    }

    @Override
    public String markdown(ResourceMeter.Usage usage) {
        StringBuilder sb = new StringBuilder("## What ran\n\n");
        sb.append("Backend `").append(backend.name()).append("` (").append(backend.description()).append("), seed ")
                .append(seed).append(quick ? ", quick sizes" : ", the sizes CLAIMS.md gives").append(", ")
                .append(workers).append(workers == 1 ? " worker" : " workers").append(". The claims report was "
                        + "written to a scratch directory (so its JSON, plots and Markdown are in the profile) and "
                        + "deleted.\n\n");
        sb.append("| check | IDs | seconds | rows |\n|---|---|---:|---:|\n");
        for (ClaimsRun.Outcome o : outcomes) {
            sb.append("| ").append(o.checkName()).append(" | ").append(String.join(", ", o.ids())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", o.seconds())).append(" | ")
                    .append(o.result().verdicts().size()).append(" |\n");
        }
        List<String> parts = new ArrayList<>();
        statusCounts().forEach((k, v) -> parts.add(v + " " + k));
        sb.append("\nRows: ").append(parts.isEmpty() ? "none" : String.join(", ", parts)).append(".\n");
        return sb.toString();
    }

    @Override
    public Map<String, Object> json(ResourceMeter.Usage usage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "claims");
        m.put("checks", outcomes.stream().map(ClaimsRun.Outcome::checkName).toList());
        m.put("ids", ids);
        m.put("backend", backend.name());
        m.put("backendDescription", backend.description());
        m.put("seed", seed);
        m.put("quick", quick);
        m.put("workers", workers);
        Map<String, Object> seconds = new LinkedHashMap<>();
        outcomes.forEach(o -> seconds.put(o.checkName(), o.seconds()));
        m.put("perCheckSeconds", seconds);
        m.put("statuses", new TreeMap<>(statusCounts()));
        return m;
    }
}
