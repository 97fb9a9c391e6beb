package io.github.theorybench.cli;

import io.github.theorybench.linalg.Backends;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code claims} and {@code report}. */
public final class RunOptions {
    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.DEFAULT,
            description = "Linear-algebra backend: ejml, ejml-mt, jblas or openblas (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Base seed of every instance (non-negative; default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quick", description = "Small sizes (seconds, as in the tests) instead of CLAIMS.md's sizes.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Report directory (default: ${DEFAULT-VALUE}); must be empty or a previous report.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Checks run at once, each on single-threaded BLAS (default: min(2, cores)); the report is the"
                    + " same for every N, timings aside.")
    Integer jobs;

    /** The number of workers: --jobs, or {@link io.github.theorybench.report.OrderedWorkers#defaultWorkers()}. */
    int workers() {
        return jobs != null ? jobs : io.github.theorybench.report.OrderedWorkers.defaultWorkers();
    }

    void validate() {
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be a positive integer, got " + jobs);
        }
        if (seed < 0) {
            throw new UsageException("--seed must be a non-negative integer, got " + seed);
        }
        if (!Backends.NAMES.contains(backend)) {
            throw new UsageException("unknown backend '" + backend + "'; choose one of "
                    + String.join(", ", Backends.NAMES));
        }
    }

    /** Prepares a report directory ({@link io.github.theorybench.report.ReportFiles#prepareOutput}); one-line error. */
    static void prepareOutput(java.nio.file.Path out) {
        try {
            io.github.theorybench.report.ReportFiles.prepareOutput(out);
        } catch (java.io.IOException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
