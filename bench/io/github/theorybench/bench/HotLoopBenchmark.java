package io.github.theorybench.bench;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerKernels;
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

/**
 * The hot loops the claim checks run on, for the two-layer net f = Σ s_j tanh(w_jᵀx) (CLAIMS.md LAZY model), each
 * timed from the weights W as one step of the dynamics would: P = X Wᵀ, then
 * <ul>
 * <li>Jacobian: structured substitute D = s ⊙ σ′(P) vs explicit J (n × md);</li>
 * <li>Gram: structured (D Dᵀ) ⊙ (X Xᵀ) vs explicit J Jᵀ (SYRK on the materialized J);</li>
 * <li>gradient: structured (D ⊙ r)ᵀ X = Dᵀ (r ⊙ X) (one GEMM) vs explicit Jᵀ r (GEMV on J).</li>
 * </ul>
 * X Xᵀ is fixed for a data set and computed in setup (as the dynamics do). All buffers are allocated in setup, in the
 * backend's own storage; the measured methods allocate nothing of size n·m. Explicit methods are only run at sizes
 * where J fits ({@link HotLoopSizes#explicitSkipReason()}); {@link BenchSuite} selects them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HotLoopBenchmark {
    @Param({"ejml", "ejml-mt", "jblas", "openblas"})
    public String backend;

    @Param({"256x512x64"})
    public String size;

    private Backend b;
    private Matrix x;
    private Matrix w;
    private Matrix xxt;
    private Matrix p;
    private Matrix scratch;
    private Matrix gram;
    private Matrix grad;
    private Matrix jacobian;
    private Matrix jGrad;
    private Matrix r;
    private double[] rArray;
    private double[] signs;

    @Setup(Level.Trial)
    public void setUp() {
        HotLoopSizes s = HotLoopSizes.parse(size);
        b = Backends.byName(backend);
        RandomGenerator rng = RandomMatrices.rng(20261125L);
        DenseMatrix xd = RandomMatrices.unitRows(s.n(), s.d(), rng);
        TwoLayerInit init = TwoLayerInit.randomSign(s.m(), s.d(), 1.0, rng);
        rArray = RandomMatrices.gaussianVector(s.n(), 1.0, rng);
        signs = init.signs();
        x = b.adopt(xd);
        w = b.adopt(init.weights());
        xxt = b.gram(false, x);
        p = b.zeros(s.n(), s.m());
        scratch = b.zeros(s.n(), s.d());
        gram = b.zeros(s.n(), s.n());
        grad = b.zeros(s.m(), s.d());
        r = b.adopt(DenseMatrix.columnVector(rArray));
        if (s.explicitSkipReason() == null) {
            jacobian = b.zeros(s.n(), s.m() * s.d());
            jGrad = b.zeros(s.m() * s.d(), 1);
        }
        warmElementwiseKernel();
    }

    /** Calls of the element-wise kernel on a small matrix before any timed iteration (see below). */
    static final int KERNEL_WARMUP_CALLS = 400;

    /**
     * Runs D = s ⊙ tanh′(P) on a 32 × 1024 matrix of this backend's storage until C2 has had the chance to compile
     * the Vector API loop: interpreted, that loop allocates every vector (hundreds of bytes per element), which would
     * pollute both the time and the allocation per operation of the first iterations at large sizes, and of every
     * iteration when a loaded machine leaves few calls to the warm-up.
     */
    private void warmElementwiseKernel() {
        int cols = 1024;
        Matrix small = b.zeros(32, cols);
        double[] s = new double[cols];
        java.util.Arrays.fill(s, 1.0);
        for (int k = 0; k < KERNEL_WARMUP_CALLS; k++) {
            for (int e = 0; e < small.size(); e++) {
                small.setFlat(e, (e % 97) * 0.01 - 0.5);
            }
            TwoLayerKernels.structuredFactor(Activation.TANH, small, s, small);
        }
    }

    private Matrix structuredFactor() {
        TwoLayerKernels.preactivations(b, x, w, p);
        TwoLayerKernels.structuredFactor(Activation.TANH, p, signs, p);
        return p;
    }

    private Matrix explicitJacobian() {
        TwoLayerKernels.jacobian(structuredFactor(), x, jacobian);
        return jacobian;
    }

    @Benchmark
    public Matrix jacobianStructured() {
        return structuredFactor();
    }

    @Benchmark
    public Matrix jacobianExplicit() {
        return explicitJacobian();
    }

    @Benchmark
    public Matrix gramStructured() {
        TwoLayerKernels.gramStructured(b, structuredFactor(), xxt, gram);
        return gram;
    }

    @Benchmark
    public Matrix gramExplicit() {
        TwoLayerKernels.gramExplicit(b, explicitJacobian(), gram);
        return gram;
    }

    @Benchmark
    public Matrix gradientStructured() {
        TwoLayerKernels.gradientStructured(b, structuredFactor(), rArray, x, scratch, grad);
        return grad;
    }

    @Benchmark
    public Matrix gradientExplicit() {
        TwoLayerKernels.gradientExplicit(b, explicitJacobian(), r, jGrad);
        return jGrad;
    }
}
