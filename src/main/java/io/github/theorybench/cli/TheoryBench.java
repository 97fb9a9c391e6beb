package io.github.theorybench.cli;

import io.github.theorybench.linalg.BackendUnavailableException;
import io.github.theorybench.profile.ProfilerUnavailableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code theorybench}: audits the claims of ../shared/CLAIMS.md and benchmarks the backends. Every failure — bad
 * flag, unknown claim or backend, unusable output directory, missing native library — prints one line on stderr and
 * exits non-zero, without a stack trace.
 */
@Command(name = "theorybench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Executable checks of deep-learning theory, and benchmarks of their linear-algebra hot loops.",
        subcommands = {ClaimsCommand.class, ExplainCommand.class, SweepCommand.class, MergeCommand.class, BenchCommand.class, ParityCommand.class,
                ReportCommand.class, BackendsCommand.class, ProfileCommand.class, CommandLine.HelpCommand.class})
public final class TheoryBench implements Runnable {
    /** Exit code for bad usage (flags, IDs, sizes, seeds, output directory). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a backend whose native library did not load, or a profiler that cannot load or start. */
    public static final int EXIT_BACKEND = 3;
    /** Exit code for a run that completed but found violated claims, errors or toothless controls. */
    public static final int EXIT_FINDINGS = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: choose claims, explain, sweep, merge, bench, parity, report, backends or profile (see --help)");
    }

    /** Builds the command line with the project's one-line error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TheoryBench());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("theorybench: " + oneLine(ex.getMessage()));
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof BackendUnavailableException || ex instanceof ProfilerUnavailableException) {
                err.println("theorybench: " + oneLine(ex.getMessage()));
                err.flush();
                return EXIT_BACKEND;
            }
            if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
                err.println("theorybench: " + oneLine(ex.getMessage()));
                err.flush();
                return EXIT_USAGE;
            }
            err.println("theorybench: failed: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage())));
            err.flush();
            return 4;
        });
        return cl;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
