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

    @Override
    public DenseMatrix toDense() {
        DenseMatrix out = DenseMatrix.zeros(rows, cols);
        buffer.get(0, out.data(), 0, size());
        return out;
    }
}
