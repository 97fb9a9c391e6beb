package io.github.theorybench.cli;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.profile.BenchWorkload;
import io.github.theorybench.profile.ClaimsWorkload;
import io.github.theorybench.profile.ProfileRunner;
import io.github.theorybench.profile.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code theorybench profile}: a claims run ({@code --only}, {@code --check}) or one hot-loop benchmark
 * ({@code --bench}) under async-profiler, written to {@code <out>/profile/<name>/} (flame graph, summary,
 * profile.json, the sampled stacks).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile claim checks or one hot-loop benchmark with async-profiler: flame graph and a summary "
                + "(CPU share per layer, top frames, allocation, GC, wall vs CPU time) in <out>/profile/<name>/.")
public final class ProfileCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--only", paramLabel = "IDS", description = "Claim IDs and globs to profile, as for claims.")
    String only;

    @Option(names = "--check", paramLabel = "NAME",
            description = "Profile one registered check by name (as in the report's time-per-check table).")
    String check;

    @Option(names = "--bench", paramLabel = "NAME",
            description = "Profile one hot-loop benchmark (e.g. gramStructured) instead of claims.")
    String bench;

    @Option(names = "--size", paramLabel = "NxMxD", defaultValue = "1024x4096x256",
            description = "Benchmark size n x m x d (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Benchmark: profiled time in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "3",
            description = "Benchmark: warm-up before profiling, in seconds (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--event", paramLabel = "EVENT", defaultValue = "auto",
            description = "auto (perf_events' CPU clock where permitted, else itimer), cpu, itimer or ctimer "
                    + "(default: ${DEFAULT-VALUE}).")
    String event;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "5",
            description = "Sampling interval in milliseconds of CPU time (default: ${DEFAULT-VALUE}).")
    int intervalMs;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Profile directory name (default: the IDs, the check, or bench-NAME-BACKEND-SIZE).")
    String name;

    @Option(names = "--profiler-lib", paramLabel = "FILE",
            description = "A libasyncProfiler.so to load instead of the one inside the async-profiler jar.")
    Path profilerLib;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        int modes = (only != null ? 1 : 0) + (check != null ? 1 : 0) + (bench != null ? 1 : 0);
        if (modes != 1) {
            throw new UsageException("profile needs exactly one of --only IDS, --check NAME or --bench NAME");
        }
        if (!List.of("auto", "cpu", "itimer", "ctimer").contains(event)) {
            throw new UsageException("unknown --event '" + event + "'; choose auto, cpu, itimer or ctimer");
        }
        if (intervalMs < 1 || intervalMs > 1000) {
            throw new UsageException("--interval must be 1..1000 ms, got " + intervalMs);
        }
        options.validate();
        Workload w = bench != null ? benchWorkload() : claimsWorkload(err);
        String dirName = name != null ? checkedName(name) : defaultName();
        ProfileRunner.Options o = new ProfileRunner.Options(options.out.resolve("profile"), dirName, commandLine(),
                event, intervalMs, profilerLib);
        ProfileRunner.preflight(o);
        RunOptions.prepareOutput(options.out);
        ProfileRunner.run(w, o, err);
        return 0;
    }

    private Workload benchWorkload() {
        if (options.quick || options.jobs != null || options.seed != 1) {
            throw new UsageException("--quick, --jobs and --seed apply to claims, not to --bench");
        }
        return BenchWorkload.of(bench, options.backend, size, warmup, seconds);
    }

    private Workload claimsWorkload(PrintWriter err) {
        List<String> ids;
        List<ClaimCheck> checks;
        if (check != null) {
            ClaimCheck c = ClaimRegistry.all().stream().filter(k -> k.getClass().getSimpleName().equals(check))
                    .findFirst().orElseThrow(() -> new UsageException("unknown check '" + check + "'; registered: "
                            + String.join(", ", ClaimRegistry.all().stream().map(k -> k.getClass().getSimpleName())
                                    .toList())));
            checks = List.of(c);
            ids = c.ids();
        } else {
            ids = ClaimCatalog.select(only);
            checks = ClaimRegistry.covering(ids);
            if (checks.isEmpty()) {
                throw new UsageException("no check registered for " + String.join(", ", ids));
            }
        }
        String title = check != null ? check : only;
        return new ClaimsWorkload(title, checks, ids, options.backend, options.seed, options.quick,
                options.workers(), commandLine(), err);
    }

    private String defaultName() {
        if (bench != null) {
            return "bench-" + bench + "-" + options.backend + "-" + size;
        }
        String base = check != null ? check : only.replace("*", "all").replace(",", "+");
        return checkedName(base.replaceAll("[^A-Za-z0-9+._-]", "_") + (options.quick ? "-quick" : "")
                + (options.backend.equals("openblas") ? "" : "-" + options.backend)
                + (options.seed == 1 ? "" : "-seed" + options.seed));
    }

    static String checkedName(String n) {
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9+._-]{0,99}")) {
            throw new UsageException("--name must be letters, digits, '+', '.', '_' or '-' (at most 100), got '"
                    + n + "'");
        }
        return n;
    }

    /** The command that reproduces this profile, as printed in its summary. */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("bin/theorybench profile");
        if (bench != null) {
            sb.append(" --bench ").append(bench).append(" --backend ").append(options.backend).append(" --size ")
                    .append(size).append(String.format(Locale.ROOT, " --seconds %s --warmup %s", num(seconds),
                            num(warmup)));
        } else {
            sb.append(check != null ? " --check " + check : " --only " + only).append(" --backend ")
                    .append(options.backend).append(" --seed ").append(options.seed)
                    .append(options.quick ? " --quick" : "");
        }
        if (!"auto".equals(event)) {
            sb.append(" --event ").append(event);
        }
        if (intervalMs != 5) {
            sb.append(" --interval ").append(intervalMs);
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
