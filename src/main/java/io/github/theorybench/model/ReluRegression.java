package io.github.theorybench.model;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;

/**
 * A two-layer ReLU net in the NTK scaling with both layers trained (003, Zhang et al.'s randomization test; CLAIMS.md
 * MEM-2): f(x) = (1/√m) Σ_j a_j relu(w_jᵀx), parameters θ = (W, a) with m(d + 1) entries, stored flat as
 * [Wᵀ (d × m, row-major: θ[k·m + j] = (w_j)_k), a (m)] so that the hot loops run along the width. Squared loss
 * L(θ) = ½ Σ_i (f(x_i) − y_i)², so that gradient descent moves the predictions by −η J Jᵀ r to first order and is
 * stable for η < 2/λ_max(J Jᵀ).
 * <ul>
 * <li>{@link #gramMaxEigenvalue}: λ_max of the tangent kernel J Jᵀ = (1/m)[(D diag(a²) Dᵀ) ⊙ (X Xᵀ) + R Rᵀ] with
 * D = 1[XWᵀ > 0], R = relu(XWᵀ) — the structured form, never the n × m(d + 1) Jacobian.</li>
 * <li>{@link Objective}: L and ∇L in one fused pass over the points (∇_a = Rᵀr/√m, ∇_W = diag(a)(D ⊙ r1ᵀ)ᵀX/√m),
 * also counting the points whose sign f(x_i)·y_i > 0 is right, for the training accuracy.</li>
 * </ul>
 */
public final class ReluRegression {
    private ReluRegression() {
    }

    /** Which loss-and-gradient loop runs, for reports. */
    public static String kernel() {
        return ActivationKernels.VECTOR_API ? "Vector API, " + ReluRegressionKernel.lanes() + " lanes"
                : "scalar (start the JVM with --add-modules jdk.incubator.vector for the vector loop)";
    }

    /** m(d + 1): the first layer's m·d weights and the m output weights. */
    public static int parameterCount(int width, int dim) {
        return width * (dim + 1);
    }

    /** θ = [Wᵀ, a] from W (m × d) and a. */
    public static double[] pack(DenseMatrix w, double[] a) {
        int m = w.rows(), d = w.cols();
        double[] theta = new double[m * (d + 1)];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                theta[k * m + j] = w.get(j, k);
            }
            theta[m * d + j] = a[j];
        }
        return theta;
    }

    /**
     * λ_max of J Jᵀ at θ (the step-size scale of gradient descent): (1/m)[(D diag(a²) Dᵀ) ⊙ (X Xᵀ) + R Rᵀ], by two
     * SYRKs of n × m factors and one of X — the structured Gram of the two-layer kernels.
     */
    public static double gramMaxEigenvalue(Backend b, DenseMatrix x, double[] theta, int width) {
        int n = x.rows(), d = x.cols(), m = width;
        DenseMatrix da = DenseMatrix.zeros(n, m), r = DenseMatrix.zeros(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z = Math.fma(x.get(i, k), theta[k * m + j], z);
                }
                if (z > 0) {
                    da.set(i, j, theta[m * d + j]);
                    r.set(i, j, z);
                }
            }
        }
        Matrix weights = b.gram(false, b.adopt(da)), relus = b.gram(false, b.adopt(r)), xx = b.gram(false, b.adopt(x));
        Matrix k = b.zeros(n, n);
        b.hadamard(weights, xx, k);
        DenseMatrix gram = k.toDense().plusScaled(1.0, relus).scale(1.0 / m);
        double[] ev = b.eigSym(gram).values();
        return ev[ev.length - 1];
    }

    /** f(x_i) for the rows of X at θ. */
    public static double[] predict(DenseMatrix x, double[] theta, int width) {
        int n = x.rows(), d = x.cols(), m = width;
        double[] data = x.data(), rel = new double[m], a = new double[m], lanes = new double[64];
        System.arraycopy(theta, m * d, a, 0, m);
        double[] f = new double[n];
        double scale = 1 / Math.sqrt(m);
        for (int i = 0; i < n; i++) {
            f[i] = forward(data, i * d, d, theta, a, m, rel, 0, lanes) * scale;
        }
        return f;
    }

    static double forward(double[] x, int xi, int d, double[] theta, double[] a, int m, double[] rel, int off,
            double[] lanes) {
        if (ActivationKernels.VECTOR_API) {
            return ReluRegressionKernel.forward(x, xi, d, theta, a, m, rel, off, lanes);
        }
        double f = 0;
        for (int j = 0; j < m; j++) {
            double z = 0;
            for (int k = 0; k < d; k++) {
                z = Math.fma(x[xi + k], theta[k * m + j], z);
            }
            z = Math.max(z, 0.0);
            rel[off + j] = z;
            f = Math.fma(z, a[j], f);
        }
        return f;
    }

    /** One lane j of {@link ReluRegressionKernel#backward}, also the scalar loop. */
    static void backwardLane(double[] x, int x0, int x1, int d, double r0, double r1, double[] rel, int m,
            double[] ga, double[] gw, int j) {
        double v0 = rel[j], v1 = rel[m + j];
        ga[j] = Math.fma(v0, r0, Math.fma(v1, r1, ga[j]));
        double s0 = v0 > 0 ? r0 : 0, s1 = v1 > 0 ? r1 : 0;
        for (int k = 0; k < d; k++) {
            int o = k * m + j;
            gw[o] = Math.fma(s1, x[x1 + k], Math.fma(s0, x[x0 + k], gw[o]));
        }
    }

    /**
     * L(θ) = ½‖f − y‖² and ∇L on fixed points and labels, as a gradient-descent problem. After each
     * {@link #evaluate} the number of correctly signed points and the mean squared error of that θ are available
     * ({@link #correct()}, {@link #meanSquaredError()}): gradient descent hands every evaluation to its recorder right
     * away, so a recorder reads them for the iterate it is shown.
     */
    public static final class Objective implements GradientDescent.VectorProblem {
        private final double[] x;
        private final double[] y;
        private final int n;
        private final int d;
        private final int m;
        private final double[] rel;
        private final double[] a;
        private final double[] lanes = new double[64];
        private int correct;
        private double mse;

        public Objective(DenseMatrix x, double[] y, int width) {
            if (y.length != x.rows()) {
                throw new IllegalArgumentException(x.rows() + " points but " + y.length + " labels");
            }
            this.x = x.data().clone();
            this.y = y.clone();
            this.n = x.rows();
            this.d = x.cols();
            this.m = width;
            this.rel = new double[2 * width];
            this.a = new double[width];
        }

        public int correct() {
            return correct;
        }

        public double meanSquaredError() {
            return mse;
        }

        @Override
        public GradientDescent.Evaluation<double[]> evaluate(double[] theta) {
            System.arraycopy(theta, m * d, a, 0, m);
            double[] grad = new double[theta.length];
            double[] gw = grad, ga = new double[m];
            double scale = 1 / Math.sqrt(m), loss = 0;
            int right = 0;
            for (int i = 0; i < n; i += 2) {
                boolean pair = i + 1 < n;
                int x0 = i * d, x1 = pair ? x0 + d : x0;
                double f0 = forward(x, x0, d, theta, a, m, rel, 0, lanes) * scale;
                double f1 = pair ? forward(x, x1, d, theta, a, m, rel, m, lanes) * scale : 0;
                double r0 = f0 - y[i], r1 = pair ? f1 - y[i + 1] : 0;
                if (!pair) {
                    java.util.Arrays.fill(rel, m, 2 * m, 0.0);
                }
                loss += 0.5 * r0 * r0 + 0.5 * r1 * r1;
                right += (f0 * y[i] > 0 ? 1 : 0) + (pair && f1 * y[i + 1] > 0 ? 1 : 0);
                backward(x0, x1, r0, r1, ga, gw);
            }
            for (int j = 0; j < m; j++) {                 // ∇_W = diag(a)(D ⊙ r1ᵀ)ᵀX/√m, ∇_a = Rᵀr/√m
                double s = a[j] * scale;
                for (int k = 0; k < d; k++) {
                    gw[k * m + j] *= s;
                }
                grad[m * d + j] = ga[j] * scale;
            }
            correct = right;
            mse = 2 * loss / n;
            return new GradientDescent.Evaluation<>(loss, grad);
        }

        private void backward(int x0, int x1, double r0, double r1, double[] ga, double[] gw) {
            if (ActivationKernels.VECTOR_API) {
                ReluRegressionKernel.backward(x, x0, x1, d, r0, r1, rel, m, ga, gw);
            } else {
                for (int j = 0; j < m; j++) {
                    backwardLane(x, x0, x1, d, r0, r1, rel, m, ga, gw, j);
                }
            }
        }
    }
}
