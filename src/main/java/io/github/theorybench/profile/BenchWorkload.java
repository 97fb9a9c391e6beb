package io.github.theorybench.profile;

import io.github.theorybench.bench.HotLoopBenchmark;
import io.github.theorybench.bench.HotLoopSizes;
import io.github.theorybench.linalg.Backends;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * One hot loop of {@link HotLoopBenchmark} on one backend and size, run the way JMH runs it (the benchmark's own
 * {@code @Setup}, then its {@code @Benchmark} method back to back) but in this JVM so the profiler sees it: a warm-up
 * outside the profile (at least {@link #MIN_WARMUP_OPERATIONS} operations and the warm-up time), then operations until
 * the measuring time is used (at least {@link #MIN_OPERATIONS}). The backend keeps its library's threads, as
 * in {@code theorybench bench}.
 */
public final class BenchWorkload implements Workload {
    /** Operations the warm-up runs at least (whatever --warmup says): C2 must have compiled the Vector API loop. */
    public static final int MIN_WARMUP_OPERATIONS = 5;
    /** Operations the profiled part runs at least (whatever --seconds says). */
    public static final int MIN_OPERATIONS = 3;
    private final String benchmark;
    private final String backend;
    private final HotLoopSizes size;
    private final double warmupSeconds;
    private final double seconds;
    private HotLoopBenchmark state;
    private Method method;
    private long ops;
    private String backendDescription = "";

    private BenchWorkload(String benchmark, String backend, HotLoopSizes size, double warmupSeconds,
            double seconds) {
        this.benchmark = benchmark;
        this.backend = backend;
        this.size = size;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
    }

    /** The {@code @Benchmark} methods of {@link HotLoopBenchmark}, sorted. */
    public static List<String> benchmarks() {
        return Arrays.stream(HotLoopBenchmark.class.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName).sorted().toList();
    }

    /** Validates every input (one-line {@link IllegalArgumentException}s) before anything is built. */
    public static BenchWorkload of(String benchmark, String backend, String size, double warmupSeconds,
            double seconds) {
        if (!benchmarks().contains(benchmark)) {
            throw new IllegalArgumentException("unknown benchmark '" + benchmark + "'; choose one of "
                    + String.join(", ", benchmarks()));
        }
        if (!Backends.NAMES.contains(backend)) {
            throw new IllegalArgumentException("unknown backend '" + backend + "'; choose one of "
                    + String.join(", ", Backends.NAMES));
        }
        HotLoopSizes s = parseSize(size);
        if (benchmark.endsWith("Explicit") && s.explicitSkipReason() != null) {
            throw new IllegalArgumentException("size " + size + " is too large for " + benchmark + ": "
                    + s.explicitSkipReason());
        }
        if (!(warmupSeconds >= 0) || !(seconds > 0) || Double.isInfinite(seconds) || Double.isInfinite(warmupSeconds)) {
            throw new IllegalArgumentException("--seconds must be positive and --warmup non-negative, got "
                    + seconds + " and " + warmupSeconds);
        }
        return new BenchWorkload(benchmark, backend, s, warmupSeconds, seconds);
    }

    static HotLoopSizes parseSize(String size) {
        String known = String.join(", ", HotLoopSizes.SWEEP.stream().map(HotLoopSizes::label).toList());
        if (size == null || !size.matches("[1-9][0-9]{0,5}x[1-9][0-9]{0,5}x[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException("unknown size '" + size + "': expected NxMxD with positive integers"
                    + " below 10^6 (the suite's sizes: " + known + ")");
        }
        HotLoopSizes s = HotLoopSizes.parse(size);
        long largest = Math.max((long) s.n() * s.m(), Math.max((long) s.n() * s.n(), (long) s.m() * s.d()));
        if (largest > HotLoopSizes.EXPLICIT_LIMIT) {
            throw new IllegalArgumentException("size " + size + " needs a " + largest + "-element matrix, beyond "
                    + "the " + HotLoopSizes.EXPLICIT_LIMIT + "-element budget per matrix (the suite's sizes: "
                    + known + ")");
        }
        return s;
    }

    @Override
    public String title() {
        return benchmark + ", " + backend + ", " + size.label();
    }

    @Override
    public void prepare() throws Exception {
        state = new HotLoopBenchmark();
        state.backend = backend;
        state.size = size.label();
        state.setUp();
        backendDescription = Backends.byName(backend).description();
        method = HotLoopBenchmark.class.getMethod(benchmark);
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int k = 0; k < MIN_WARMUP_OPERATIONS || System.nanoTime() < until; k++) {
            invoke();
        }
    }

    @Override
    public void run() throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        ops = 0;
        while (ops < MIN_OPERATIONS || System.nanoTime() < until) {
            invoke();
            ops++;
        }
    }

    private void invoke() throws Exception {
        try {
            method.invoke(state);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    @Override
    public String markdown(ResourceMeter.Usage u) {
        double flops = size.flops(benchmark);
        StringBuilder sb = new StringBuilder("## What ran\n\n");
        sb.append("`HotLoopBenchmark.").append(benchmark).append("` (the JMH harness's own state and method) on `")
                .append(backend).append("` (").append(backendDescription).append(String.format(Locale.ROOT,
                        ") at n × m × d = %d × %d × %d, after a warm-up outside the profile (%.1f s and at least %d "
                                + "operations).%n%n", size.n(), size.m(), size.d(), warmupSeconds,
                        MIN_WARMUP_OPERATIONS));
        sb.append("| quantity | value |\n|---|---|\n");
        sb.append("| operations | ").append(ops).append(" |\n");
        sb.append(String.format(Locale.ROOT, "| wall time per operation | %.2f ms (%.1f GFLOP/s GEMM-equivalent;"
                + " a shared machine's wall time, see above) |%n", 1e3 * u.wallSeconds() / ops,
                flops * ops / u.wallSeconds() / 1e9));
        sb.append(String.format(Locale.ROOT, "| CPU time per operation | %.2f ms |%n", 1e3 * u.cpuSeconds() / ops));
        sb.append("| Java heap allocated per operation | ").append(ProfileMarkdown.bytes(u.allocatedBytes()
                / (double) ops)).append(" |\n");
        return sb.toString();
    }

    @Override
    public Map<String, Object> json(ResourceMeter.Usage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "bench");
        m.put("benchmark", benchmark);
        m.put("backend", backend);
        m.put("backendDescription", backendDescription);
        m.put("size", size.label());
        m.put("operations", ops);
        m.put("wallSecondsPerOperation", u.wallSeconds() / ops);
        m.put("cpuSecondsPerOperation", u.cpuSeconds() / ops);
        m.put("allocatedBytesPerOperation", u.allocatedBytes() / (double) ops);
        return m;
    }
}
