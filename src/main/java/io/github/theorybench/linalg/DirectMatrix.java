package io.github.theorybench.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * Row-major matrix in an off-heap direct buffer. JavaCPP passes a direct {@link DoubleBuffer} to OpenBLAS by address
 * (no copy), where it would copy a heap {@code double[]} in and out of every call.
 */
public final class DirectMatrix extends Matrix {
    private final DoubleBuffer buffer;

    DirectMatrix(int rows, int cols) {
        super(rows, cols);
        this.buffer = ByteBuffer.allocateDirect(Math.multiplyExact(Math.max(1, rows * cols), Double.BYTES))
                .order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /** The backing buffer, position 0 (absolute get/put only). */
    public DoubleBuffer buffer() {
        return buffer;
    }

    @Override
    public double getFlat(int k) {
        return buffer.get(k);
    }

    @Override
    public void setFlat(int k, double v) {
        buffer.put(k, v);
    }

    public void copyFrom(DenseMatrix m) {
        Shapes.requireSameShape("copyFrom", this, m);
        buffer.put(0, m.data(), 0, m.size());
    }

    /** Doubles copied per chunk by {@link #firstNonFinite()}: 32 KiB, an L1 cache's worth. */
    private static final int SCAN_CHUNK = 4096;

    /**
     * The non-finite scan every backend call makes on its inputs, in bulk: chunks are copied (memcpy) into a heap array
     * and tested there, where the JIT compiles a tight loop; reading the buffer element by element cost about twice
     * as much (≈ 1 ns a double, 4 ms per call on D at 1024 × 4096).
     */
    @Override
    public int firstNonFinite() {
        int n = size();
        double[] chunk = new double[Math.min(SCAN_CHUNK, Math.max(1, n))];
        for (int from = 0; from < n; from += chunk.length) {
            int len = Math.min(chunk.length, n - from);
            buffer.get(from, chunk, 0, len);
            for (int k = 0; k < len; k++) {
                if (!Double.isFinite(chunk[k])) {
                    return from + k;
                }
            }
        }
        return -1;
    }

    @Override
    public DenseMatrix toDense() {
        DenseMatrix out = DenseMatrix.zeros(rows, cols);
        buffer.get(0, out.data(), 0, size());
        return out;
    }
}
