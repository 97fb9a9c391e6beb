package io.github.theorybench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code theorybench report}: the main job — every claim at the sizes CLAIMS.md gives, the backend benchmark suite,
 * then the index page reports/README.md.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run every claim check and the backend benchmarks, then write the report index.")
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @CommandLine.Option(names = "--skip-bench", description = "Do not run the JMH suite (keep the previous bench report).")
    boolean skipBench;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.validate();
        RunOptions.prepareOutput(options.out); // refuse a foreign --out before the (long) benchmark suite runs
        int benchStatus = 0;
        if (!skipBench) {
            benchStatus = BenchCommand.runSuite(spec.commandLine(), options.quick, null, options.out.resolve("bench"));
        }
        int claimsStatus = ClaimsCommand.runAndWrite(spec.commandLine(), options, null, "theorybench report");
        return Math.max(benchStatus, claimsStatus);
    }
}
