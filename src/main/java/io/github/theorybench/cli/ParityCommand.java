package io.github.theorybench.cli;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.parity.BackendRun;
import io.github.theorybench.parity.ParityMatrix;
import io.github.theorybench.parity.ParityReport;
import io.github.theorybench.parity.ParityRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code theorybench parity}: every selected claim on every backend (same seed and sizes), compared row by row with the
 * OpenBLAS run, written to {@code parity.md} and {@code parity.json} in the report directory.
 */
@Command(name = "parity", mixinStandardHelpOptions = true,
        description = "Run the claims on every backend and compare statuses and observed values with OpenBLAS "
                + "(writes parity.md and parity.json).")
public final class ParityCommand implements Callable<Integer> {
    @Option(names = "--only", paramLabel = "IDS", description = "Comma-separated claim IDs and globs (default: all).")
    String only;

    @Option(names = "--backends", paramLabel = "LIST", split = ",",
            description = "Backends to compare (default: ejml,ejml-mt,jblas,openblas); openblas is the reference.")
    List<String> backends;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quick", description = "The tests' small sizes instead of CLAIMS.md's.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Report directory (default: ${DEFAULT-VALUE}); must be empty or a previous report.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Checks run at once per backend (default: min(2, cores)).")
    Integer jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seed < 0) {
            throw new UsageException("--seed must be a non-negative integer, got " + seed);
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be a positive integer, got " + jobs);
        }
        List<String> names = backends == null ? Backends.NAMES : backends;
        List<String> seen = new ArrayList<>();
        for (String b : names) {
            if (!Backends.NAMES.contains(b)) {
                throw new UsageException("unknown backend '" + b + "'; choose from " + String.join(", ", Backends.NAMES));
            }
            if (seen.contains(b)) {
                throw new UsageException("--backends names " + b + " twice");
            }
            seen.add(b);
        }
        List<String> ids = only == null ? ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id).toList()
                : ClaimCatalog.select(only);
        RunOptions.prepareOutput(out);
        PrintWriter err = spec.commandLine().getErr();
        int workers = jobs != null ? jobs : io.github.theorybench.report.OrderedWorkers.defaultWorkers();
        List<BackendRun> runs = ParityRunner.run(names, ids, seed, quick, workers, line -> {
            err.println(line);
            err.flush();
        });
        ParityMatrix m = ParityMatrix.of(runs);
        String command = "theorybench parity" + (only == null ? "" : " --only " + only)
                + (backends == null ? "" : " --backends " + String.join(",", names)) + " --seed " + seed
                + (quick ? " --quick" : "");
        ParityReport.write(out, new ParityReport.Settings(command, seed, quick, ids), m);
        err.printf(Locale.ROOT, "theorybench: parity: %s -> %s%n", ParityReport.summaryLine(m),
                out.resolve("parity.md"));
        err.flush();
        return m.openDifferences() == 0 ? 0 : TheoryBench.EXIT_FINDINGS;
    }
}
