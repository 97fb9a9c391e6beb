package io.github.theorybench.bench;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.concurrent.TimeUnit;
import org.hipparchus.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Plain C = A B at n = 1024 per backend: the same run's peak reference (2n³ flops). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DgemmBenchmark {
    public static final int N = 1024;
    /** 2n³ flops of one product. */
    public static final double FLOPS = 2.0 * N * N * N;

    @Param({"ejml", "ejml-mt", "jblas", "openblas"})
    public String backend;

    private Backend b;
    private Matrix a;
    private Matrix bm;
    private Matrix c;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.byName(backend);
        RandomGenerator rng = RandomMatrices.rng(1024L);
        a = b.adopt(RandomMatrices.gaussian(N, N, 1.0, rng));
        bm = b.adopt(RandomMatrices.gaussian(N, N, 1.0, rng));
        c = b.zeros(N, N);
    }

    @Benchmark
    public Matrix dgemm() {
        b.gemm(false, false, 1.0, a, bm, 0.0, c);
        return c;
    }
}
