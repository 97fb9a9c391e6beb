package io.github.theorybench.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Memory bandwidth, STREAM style (McCalpin's copy and triad), on arrays far larger than any cache, split over every
 * core in the same way the element-wise kernels split their rows (parallel stream over contiguous blocks). The
 * machine-limit floor of the structured loops prices their element-wise passes at the triad rate measured here.
 * Bytes are counted as STREAM counts them: copy 16 per element (read + write), triad 24 (two reads + write).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamBenchmark {
    /** 2^25 doubles = 256 MiB per array. */
    public static final int N = 1 << 25;
    public static final double COPY_BYTES = 16.0 * N;
    public static final double TRIAD_BYTES = 24.0 * N;

    private final int blocks = 4 * Runtime.getRuntime().availableProcessors();
    private double[] a;
    private double[] b;
    private double[] c;

    @Setup(Level.Trial)
    public void setUp() {
        a = new double[N];
        b = new double[N];
        c = new double[N];
        Arrays.fill(b, 1.0);
        Arrays.fill(c, 2.0);
    }

    private int from(int blk) {
        return (int) ((long) N * blk / blocks);
    }

    @Benchmark
    public double[] copy() {
        IntStream.range(0, blocks).parallel().forEach(blk -> System.arraycopy(b, from(blk), a, from(blk),
                from(blk + 1) - from(blk)));
        return a;
    }

    @Benchmark
    public double[] triad() {
        IntStream.range(0, blocks).parallel().forEach(blk -> {
            double[] x = a, y = b, z = c;
            for (int i = from(blk), e = from(blk + 1); i < e; i++) {
                x[i] = y[i] + 3.0 * z[i];
            }
        });
        return a;
    }
}
