package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.ReluKernels;

/**
 * The infinite-width side of NTK-5 on one {@link PredictorInstance}: Θ∞ = NTK-2's closed-form two-layer ReLU NTK
 * (both layers) on the training and test points, λ_max(Θ∞(X, X)) for the step size, and the NTK predictor
 * f_ntk(t) = Θ∞(t, X)Θ∞(X, X)⁻¹y at the test points (κ drops out: the net's kernel is κ²Θ∞).
 *
 * @param kernel Θ∞ on the training points then the test points, (n + q) × (n + q)
 * @param lambdaMax λ_max(Θ∞(X, X))
 * @param prediction f_ntk at the q test points
 */
public record InfiniteWidth(DenseMatrix kernel, double lambdaMax, double[] prediction) {
    public static InfiniteWidth of(Backend backend, PredictorInstance inst) {
        DenseMatrix s = inst.stacked();
        DenseMatrix k = ReluKernels.ntkMatrix(s, s);
        int n = inst.n(), q = inst.test().rows();
        double lambdaMax = backend.eigSym(backend.adopt(block(k, 0, 0, n, n))).max();
        return new InfiniteWidth(k, lambdaMax, predict(backend, k, n, q, inst.y()));
    }

    /** K(t, X) K(X, X)⁻¹ v for the q test rows of a kernel on X ∪ test (one solve with the n × n block). */
    static double[] predict(Backend backend, DenseMatrix k, int n, int q, double[] v) {
        double[] alpha = backend.solve(backend.adopt(block(k, 0, 0, n, n)),
                backend.adopt(DenseMatrix.columnVector(v))).data();
        double[] out = new double[q];
        for (int t = 0; t < q; t++) {
            for (int i = 0; i < n; i++) {
                out[t] += k.get(n + t, i) * alpha[i];
            }
        }
        return out;
    }

    /** The rows × cols block of {@code k} at (r0, c0). */
    static DenseMatrix block(DenseMatrix k, int r0, int c0, int rows, int cols) {
        DenseMatrix b = DenseMatrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(k.data(), (r0 + i) * k.cols() + c0, b.data(), i * cols, cols);
        }
        return b;
    }
}
