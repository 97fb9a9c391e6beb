package io.github.theorybench.cli;

import io.github.theorybench.bench.BenchSuite;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code theorybench bench}: the JMH suite, writing reports/bench/{jmh.json, README.md, *.png}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the JMH backend benchmarks (EJML, jblas, OpenBLAS; explicit vs structured hot loops).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Smoke run: smallest size, one fork, short iterations (~1-2 minutes).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/bench",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--prof", paramLabel = "NAME[:OPTIONS]",
            description = "A JMH profiler for every benchmark, repeatable: gc (bytes allocated per operation), stack, "
                    + "async (async-profiler from the Maven jar: flame graphs into <out>/prof-async/), or any other "
                    + "JMH knows, with JMH's options after ':'.")
    java.util.List<String> prof = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return runSuite(spec.commandLine(), quick, out, prof);
    }

    static int runSuite(CommandLine cl, boolean quick, Path out) throws Exception {
        return runSuite(cl, quick, out, java.util.List.of());
    }

    static int runSuite(CommandLine cl, boolean quick, Path out, java.util.List<String> prof) throws Exception {
        RunOptions.prepareOutput(out);
        return BenchSuite.run(quick, out, System.err, prof);
    }
}
