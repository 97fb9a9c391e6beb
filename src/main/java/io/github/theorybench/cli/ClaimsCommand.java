package io.github.theorybench.cli;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.report.ClaimExplanation;
import io.github.theorybench.report.ClaimsJson;
import io.github.theorybench.report.ClaimsReport;
import io.github.theorybench.report.ClaimsRun;
import io.github.theorybench.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code theorybench claims}: runs claim checks and writes claims.json, claims.md, plots and the index. */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "Run claim checks and write the claims report (claims.json, claims.md, plots/, README.md).")
public final class ClaimsCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--only", paramLabel = "IDS", description = "Comma-separated claim IDs and globs, e.g. LAZY-1,PWR-*.")
    String only;

    @Option(names = "--list", description = "Print every claim ID with its statement and source seed, then exit.")
    boolean list;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "reports/claims.json",
            description = "With --list: the committed report whose statuses to show (default: ${DEFAULT-VALUE}).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            ClaimsJson committed = ClaimsJson.readOrNull(report);
            for (ClaimCatalog.Entry e : ClaimCatalog.entries()) {
                out.printf(Locale.ROOT, "%-8s %-10s %s %s  [%s]%n", e.id(), e.kind().label(),
                        ClaimExplanation.pad(ClaimExplanation.statusCell(e.id(), committed), 20), e.statement(),
                        e.source());
            }
            out.flush();
            return 0;
        }
        return runAndWrite(spec.commandLine(), options, only, "theorybench claims");
    }

    /** Shared by {@code claims} and {@code report}: select, run, write; exit 1 when the run has findings. */
    static int runAndWrite(CommandLine cl, RunOptions options, String only, String commandName) throws IOException {
        return runAndWrite(cl, options, only, commandName, outcomes -> { });
    }

    /** As above; {@code beforeWrite} sees the outcomes before the report is written (report --profile). */
    static int runAndWrite(CommandLine cl, RunOptions options, String only, String commandName,
            java.util.function.Consumer<List<ClaimsRun.Outcome>> beforeWrite) throws IOException {
        options.validate();
        List<String> ids = only == null ? ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id).toList()
                : ClaimCatalog.select(only);
        RunOptions.prepareOutput(options.out);
        PrintWriter err = cl.getErr();
        io.github.theorybench.linalg.NativeLibraries.useSingleThreadedOpenBlas();     // same bits every run
        Backend backend = Backends.byName(options.backend);
        err.println("theorybench: backend " + backend.description() + "; " + options.workers()
                + " check(s) at once");
        List<ClaimCheck> checks = ClaimRegistry.covering(ids);
        List<String> uncovered = ids.stream().filter(id -> checks.stream().noneMatch(c -> c.ids().contains(id)))
                .toList();
        if (!uncovered.isEmpty()) {
            err.println("theorybench: no check registered yet for " + String.join(", ", uncovered));
        }
        err.flush();
        long start = System.nanoTime();
        CheckContext ctx = new CheckContext(backend, options.seed, options.quick, line -> {
            err.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, line);
            err.flush();
        });
        List<ClaimsRun.Outcome> outcomes = ClaimsRun.run(checks, ids, ctx, options.workers());
        double wall = (System.nanoTime() - start) / 1e9;
        beforeWrite.accept(outcomes);
        String command = commandName + (only == null ? "" : " --only " + only) + " --backend " + options.backend
                + " --seed " + options.seed + (options.quick ? " --quick" : "");
        ClaimsReport.write(options.out, new ClaimsReport.RunSettings(options.seed, options.quick, backend.name(),
                backend.description(), ids, command), outcomes, wall, Path.of("").toAbsolutePath());
        List<Verdict> all = outcomes.stream().flatMap(o -> o.result().verdicts().stream()).toList();
        long bad = all.stream().filter(v -> v.status().needsAttention()).count();
        err.printf(Locale.ROOT, "theorybench: %d rows in %.1f s -> %s (%d violated/error)%n", all.size(), wall,
                options.out.resolve("README.md"), bad);
        err.flush();
        return bad == 0 ? 0 : TheoryBench.EXIT_FINDINGS;
    }
}
