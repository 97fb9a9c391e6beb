package io.github.theorybench.cli;

import io.github.theorybench.profile.ProfileRunner;
import io.github.theorybench.report.ClaimsRun;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code theorybench report}: the main job — every claim at the sizes CLAIMS.md gives, the backend benchmark suite,
 * then the index page reports/README.md. With {@code --profile}, the three slowest checks are profiled (each in a
 * fresh JVM, as {@code theorybench profile --check NAME} would) before the index is written, and its time-per-check
 * table links to their flame graphs and summaries.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run every claim check and the backend benchmarks, then write the report index.")
public final class ReportCommand implements Callable<Integer> {
    /** How many of the slowest checks {@code --profile} profiles. */
    static final int PROFILED_CHECKS = 3;

    @Mixin
    RunOptions options = new RunOptions();

    @CommandLine.Option(names = "--skip-bench", description = "Do not run the JMH suite (keep the previous bench report).")
    boolean skipBench;

    @CommandLine.Option(names = "--profile", description = "Also profile the three slowest checks (async-profiler) into "
            + "<out>/profile/ and link them from the time-per-check table.")
    boolean profile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.validate();
        if (profile) {
            // a profiler that cannot load fails here, in one line, before anything long runs
            ProfileRunner.preflight(new ProfileRunner.Options(options.out.resolve("profile"), "preflight", "",
                    "auto", 5, null));
        }
        RunOptions.prepareOutput(options.out); // refuse a foreign --out before the (long) benchmark suite runs
        int benchStatus = 0;
        if (!skipBench) {
            benchStatus = BenchCommand.runSuite(spec.commandLine(), options.quick, null, options.out.resolve("bench"));
        }
        int[] profileStatus = {0};
        int claimsStatus = ClaimsCommand.runAndWrite(spec.commandLine(), options, null, "theorybench report",
                outcomes -> profileStatus[0] = profile ? profileSlowest(outcomes) : 0);
        return Math.max(Math.max(benchStatus, claimsStatus), profileStatus[0]);
    }

    /** The names of the {@code k} slowest checks, slowest first (registration order on ties). */
    static List<String> slowest(List<ClaimsRun.Outcome> outcomes, int k) {
        return outcomes.stream().sorted(Comparator.comparingDouble(ClaimsRun.Outcome::seconds).reversed())
                .limit(k).map(ClaimsRun.Outcome::checkName).toList();
    }

    /** Profiles the slowest checks, each in a child JVM; returns 0, or the first failing child's exit code. */
    private int profileSlowest(List<ClaimsRun.Outcome> outcomes) {
        PrintWriter err = spec.commandLine().getErr();
        int status = 0;
        for (String check : slowest(outcomes, PROFILED_CHECKS)) {
            List<String> cmd = childJvm();
            cmd.addAll(List.of(TheoryBench.class.getName(), "profile", "--check", check, "--backend",
                    options.backend, "--seed", String.valueOf(options.seed), "--out", options.out.toString()));
            if (options.quick) {
                cmd.add("--quick");
            }
            err.println("theorybench: profiling " + check + " (one of the " + PROFILED_CHECKS + " slowest checks)");
            err.flush();
            int rc;
            try {
                rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
            } catch (java.io.IOException e) {
                rc = 4;
                err.println("theorybench: profile of " + check + " could not start: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 4;
            }
            if (rc != 0) {
                err.println("theorybench: profile of " + check + " failed (exit " + rc + "); the report goes on");
                status = status == 0 ? rc : status;
            }
            err.flush();
        }
        return status;
    }

    /** This JVM's launcher, options and class path, plus the flags that make profiles of inlined code exact. */
    static List<String> childJvm() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(args);
        if (!args.contains("-XX:+DebugNonSafepoints")) {
            cmd.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return cmd;
    }
}
