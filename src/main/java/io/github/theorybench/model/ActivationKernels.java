package io.github.theorybench.model;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.DirectMatrix;
import io.github.theorybench.linalg.Matrix;
import java.nio.DoubleBuffer;
import java.util.stream.IntStream;

/**
 * Element-wise σ and σ′ over a matrix of pre-activations with a per-column scale:
 * out_ij = scale_j · σ(p_ij) or scale_j · σ′(p_ij). One loop per activation (no per-element virtual call), rows
 * split over the cores for large matrices. Direct (off-heap) matrices are processed one row at a time through a
 * heap scratch row (bulk buffer copies are memcpy-fast).
 */
public final class ActivationKernels {
    private static final int PARALLEL_THRESHOLD = 1 << 15;

    /**
     * Whether tanh′ runs on the Vector API ({@link VectorTanh}): true when the JVM was started with
     * {@code --add-modules jdk.incubator.vector}, as bin/theorybench, the tests and the benchmarks are. Reported by
     * {@link #tanhDerivativeKernel()} in every backend description, so a run without it is never silently slower.
     */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * Which tanh′ loop runs, for reports: "Vector API, 8 lanes, …" or "scalar …". Both compute the same bits
     * ({@link KernelExp}); the vector loop is the faster one.
     */
    public static String tanhDerivativeKernel() {
        return VECTOR_API ? "Vector API, " + VectorTanh.lanes() + " lanes, KernelExp (same bits as the scalar loop)"
                : "scalar KernelExp loop (start the JVM with --add-modules jdk.incubator.vector for the vector loop)";
    }

    private ActivationKernels() {
    }

    /** out = p mapped by σ (derivative = false) or σ′ (derivative = true), column j scaled by scale[j]. */
    public static void apply(Activation act, boolean derivative, Matrix p, double[] scale, Matrix out) {
        int rows = p.rows(), cols = p.cols();
        if (out.rows() != rows || out.cols() != cols || scale.length != cols) {
            throw new IllegalArgumentException("activation kernel: input " + p.shape() + ", output " + out.shape()
                    + ", " + scale.length + " column scales");
        }
        boolean parallel = (long) rows * cols >= PARALLEL_THRESHOLD;
        if (p instanceof DenseMatrix hp && out instanceof DenseMatrix ho) {
            double[] in = hp.data(), o = ho.data();
            IntStream range = IntStream.range(0, rows);
            (parallel ? range.parallel() : range).forEach(i -> row(act, derivative, in, o, i * cols, cols, scale));
        } else {
            // Off-heap: rows in a few contiguous blocks, one heap scratch row per block (not per row: at
            // n × m = 1024 × 4096 a scratch per row allocated 33 MB per call).
            DoubleBuffer in = buffer(p), o = buffer(out);
            int blocks = parallel ? Math.min(rows, 4 * Runtime.getRuntime().availableProcessors()) : 1;
            IntStream range = IntStream.range(0, blocks);
            (parallel ? range.parallel() : range).forEach(blk -> {
                int from = (int) ((long) rows * blk / blocks), to = (int) ((long) rows * (blk + 1) / blocks);
                double[] scratch = new double[cols];
                for (int i = from; i < to; i++) {
                    in.get(i * cols, scratch, 0, cols);
                    row(act, derivative, scratch, scratch, 0, cols, scale);
                    o.put(i * cols, scratch, 0, cols);
                }
            });
        }
    }

    private static DoubleBuffer buffer(Matrix m) {
        if (m instanceof DirectMatrix d) {
            return d.buffer();
        }
        throw new IllegalArgumentException("activation kernel: input and output must share a storage, got "
                + m.getClass().getSimpleName());
    }

    private static void row(Activation act, boolean derivative, double[] in, double[] out, int off, int n,
            double[] scale) {
        switch (act) {
            case TANH -> {
                if (derivative && VECTOR_API) {
                    VectorTanh.derivativeRow(in, out, off, n, scale);
                } else if (derivative) {
                    for (int j = 0; j < n; j++) {
                        // the vector loop's scalar twin: the same bits with or without the Vector API
                        out[off + j] = KernelExp.scaledTanhDerivative(scale[j], in[off + j]);
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        out[off + j] = scale[j] * Math.tanh(in[off + j]);
                    }
                }
            }
            case SOFTPLUS -> {
                for (int j = 0; j < n; j++) {
                    double x = in[off + j];
                    double e = Math.exp(-Math.abs(x));
                    out[off + j] = scale[j] * (derivative
                            ? (x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e))
                            : Math.max(x, 0.0) + Math.log1p(e));
                }
            }
            case RELU -> {
                for (int j = 0; j < n; j++) {
                    double x = in[off + j];
                    out[off + j] = x > 0 ? scale[j] * (derivative ? 1.0 : x) : 0.0;
                }
            }
            default -> throw new IllegalStateException("no kernel for " + act);
        }
    }
}
