package io.github.theorybench.cli;

import io.github.theorybench.bench.BenchSuite;
import io.github.theorybench.bench.HotLoopSizes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code theorybench bench}: the JMH suite, writing reports/bench/{jmh.json, numpy.json, README.md, *.png}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the JMH backend benchmarks (EJML, jblas, OpenBLAS; explicit vs structured hot loops over a "
                + "size sweep, DGEMM and memory-bandwidth references, NumPy side by side).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Smoke run: one size, one fork, short iterations (~2 minutes).")
    boolean quick;

    @Option(names = "--sizes", paramLabel = "NxMxD,...",
            description = "Hot-loop sizes instead of the default sweep (n = 32..1024 at m = 4n, d = n/4), "
                    + "e.g. 128x256x32,256x512x64.")
    String sizes;

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
        return runSuite(spec.commandLine(), quick, sizes, out, prof);
    }

    /** Parses {@code --sizes} (null: the default sweep); a bad list is a one-line usage error (exit 2). */
    static List<HotLoopSizes> parseSizes(String sizes) {
        if (sizes == null) {
            return null;
        }
        try {
            return HotLoopSizes.parseList(sizes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static int runSuite(CommandLine cl, boolean quick, String sizes, Path out) throws Exception {
        return runSuite(cl, quick, sizes, out, List.of());
    }

    static int runSuite(CommandLine cl, boolean quick, String sizes, Path out, List<String> prof) throws Exception {
        List<HotLoopSizes> user = parseSizes(sizes);
        RunOptions.prepareOutput(out);
        return BenchSuite.run(BenchSuite.Plan.of(quick, user), out, System.err, prof);
    }
}
