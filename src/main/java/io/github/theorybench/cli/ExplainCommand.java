package io.github.theorybench.cli;

import io.github.theorybench.report.ClaimExplanation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code theorybench explain ID}: what a claim states and how it is checked — statement, source seed, kind,
 * hypothesis, control, thresholds (calibrated ones marked), check and test sources — and its latest committed
 * verdicts with the rerun line. An unknown ID prints one line and exits 2.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain one claim ID: statement, source, hypothesis, control, thresholds, check and test "
                + "classes, and its latest committed verdicts.")
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "A claim ID, e.g. LAZY-1 (see claims --list).")
    String id;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "reports/claims.json",
            description = "The claims report to read verdicts from (default: ${DEFAULT-VALUE}).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path root = Path.of("").toAbsolutePath();
        PrintWriter out = spec.commandLine().getOut();
        out.print(ClaimExplanation.explain(id, root, report));
        out.flush();
        return 0;
    }
}
