package io.github.theorybench.model;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.stream.IntStream;

/**
 * Closed-form infinite-width kernels of the two-layer ReLU net f(x) = m^{−1/2} Σ_j a_j σ(w_jᵀx), a_j ~ N(0, 1),
 * w_j ~ N(0, I_d), no bias (CLAIMS.md NTK-2; arc-cosine kernels of Cho & Saul). With θ = angle(x, x'):
 * <ul>
 * <li>E_w[σ′(wᵀx) σ′(wᵀx')] = (π − θ)/(2π)  (arc-cosine kernel of degree 0, halved)</li>
 * <li>NNGP: E_w[σ(wᵀx) σ(wᵀx')] = ‖x‖‖x'‖ (sin θ + (π − θ) cos θ)/(2π)</li>
 * <li>NTK: K∞(x, x') = xᵀx' (π − θ)/(2π) + ‖x‖‖x'‖ (sin θ + (π − θ) cos θ)/(2π)</li>
 * </ul>
 * Other parametrizations scale these: e.g. pre-activations W x/√d multiply the first-layer term by 1/d.
 */
public final class ReluKernels {
    private ReluKernels() {
    }

    /** angle(x, x') in [0, π], clamped against round-off; 0 for a zero vector (the kernels then vanish). */
    static double angle(double dot, double nx, double ny) {
        if (nx == 0 || ny == 0) {
            return 0;
        }
        return Math.acos(Math.max(-1.0, Math.min(1.0, dot / (nx * ny))));
    }

    /** E[σ′(wᵀx)σ′(wᵀx')] = (π − θ)/(2π). */
    public static double derivativeKernel(double dot, double nx, double ny) {
        if (nx == 0 || ny == 0) {
            return 0;
        }
        return (Math.PI - angle(dot, nx, ny)) / (2 * Math.PI);
    }

    /** NNGP E[σ(wᵀx)σ(wᵀx')] = ‖x‖‖x'‖(sin θ + (π − θ) cos θ)/(2π). */
    public static double nngp(double dot, double nx, double ny) {
        double t = angle(dot, nx, ny);
        return nx * ny * (Math.sin(t) + (Math.PI - t) * Math.cos(t)) / (2 * Math.PI);
    }

    /** NTK K∞ = xᵀx'(π − θ)/(2π) + NNGP (NTK-2). */
    public static double ntk(double dot, double nx, double ny) {
        return dot * derivativeKernel(dot, nx, ny) + nngp(dot, nx, ny);
    }

    /** Kernel matrix K_ij = k(a_i, b_j) between the rows of A (p×d) and B (q×d). */
    public static DenseMatrix ntkMatrix(DenseMatrix a, DenseMatrix b) {
        return matrix(a, b, true);
    }

    public static DenseMatrix nngpMatrix(DenseMatrix a, DenseMatrix b) {
        return matrix(a, b, false);
    }

    private static DenseMatrix matrix(DenseMatrix a, DenseMatrix b, boolean ntk) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("kernel matrix: rows of A " + a.shape() + " and B " + b.shape()
                    + " differ in dimension");
        }
        int p = a.rows(), q = b.rows(), d = a.cols();
        double[] na = rowNorms(a), nb = rowNorms(b);
        DenseMatrix k = DenseMatrix.zeros(p, q);
        double[] x = a.data(), y = b.data(), out = k.data();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += x[i * d + c] * y[j * d + c];
                }
                out[i * q + j] = ntk ? ntk(dot, na[i], nb[j]) : nngp(dot, na[i], nb[j]);
            }
        }
        return k;
    }

    /**
     * NTK of the two-layer ReLU net WITH first-layer bias f = Σ_j a_j σ(w_jᵀx + b_j) (DLS-2, seed 004's network),
     * standard parametrization with one learning rate for (a, W, b), at its initialization w_j ~ N(0, v I_d),
     * b = 0, a_j = ±1, per neuron (the sum over j only multiplies by m, which kernel ridge does not see):
     * ∂f/∂a_j ∂f/∂a_j' → E[σ(wᵀx)σ(wᵀx')] = v·NNGP; ∂f/∂w_j → xᵀx'·E[σ′σ′]; ∂f/∂b_j → E[σ′σ′]:
     * K(x, x') = (xᵀx' + 1)(π − θ)/(2π) + v‖x‖‖x'‖(sin θ + (π − θ) cos θ)/(2π).
     */
    public static double ntkWithBias(double dot, double nx, double ny, double weightVariance) {
        if (nx == 0 || ny == 0) {
            return 0;                                   // σ′(0) = 0 and σ(0) = 0 (as derivativeKernel, nngp)
        }
        // = (dot + 1)·derivativeKernel + v·nngp, with the angle computed once (one acos per entry)
        double t = angle(dot, nx, ny), cos = Math.cos(t);
        return (dot + 1.0) * (Math.PI - t) / (2 * Math.PI)
                + weightVariance * nx * ny * (Math.sin(t) + (Math.PI - t) * cos) / (2 * Math.PI);
    }

    /**
     * Kernel matrix of {@link #ntkWithBias} between the rows of A (p×d) and B (q×d): the inner products as one GEMM
     * (transpose by flag), then the closed form element-wise (rows over the cores).
     */
    public static DenseMatrix ntkWithBiasMatrix(Backend backend, DenseMatrix a, DenseMatrix b, double weightVariance) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("kernel matrix: rows of A " + a.shape() + " and B " + b.shape()
                    + " differ in dimension");
        }
        int q = b.rows();
        double[] na = rowNorms(a), nb = rowNorms(b);
        DenseMatrix k = backend.multiply(false, true, backend.adopt(a), backend.adopt(b)).toDense();
        double[] out = k.data();
        IntStream.range(0, a.rows()).parallel().forEach(i -> {
            for (int j = 0, off = i * q; j < q; j++) {
                out[off + j] = ntkWithBias(out[off + j], na[i], nb[j], weightVariance);
            }
        });
        return k;
    }

    /** ‖a_i‖₂ of every row (also the biased NTK of model.features, DLS-2/3). */
    public static double[] rowNorms(DenseMatrix a) {
        double[] n = new double[a.rows()];
        double[] x = a.data();
        int d = a.cols();
        for (int i = 0; i < n.length; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += x[i * d + c] * x[i * d + c];
            }
            n[i] = Math.sqrt(s);
        }
        return n;
    }
}
