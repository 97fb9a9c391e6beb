package io.github.theorybench.dynamics;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.ActivationKernels;
import io.github.theorybench.model.TwoLayerKernels;
import io.github.theorybench.model.TwoLayerNet;

/**
 * The gradient flows of the scaled model α·f on the risk R(z) = ½‖z − y‖² (CLAIMS.md LAZY; 001 Theorem 8.1), on the
 * state (vec W, L, I) where L = ∫‖Ẇ‖ is the path length and I = ∫‖αf − y‖ the integrated residual norm (the two
 * sides of Lemma 8.2's middle step ∫‖v̇‖ ≤ sqrt(λ₁)∫‖g(v(s)) − y‖ds):
 * <ul>
 * <li>nonlinear: Ẇ = −α J_Wᵀ(α f(W) − y), with P = X Wᵀ formed once per evaluation and both f = σ(P)s and
 * Jᵀr = (D ⊙ r)ᵀ X, D = s ⊙ σ′(P), read from it (the structured form: no n × md Jacobian);</li>
 * <li>linearized: U̇ = −α J₀ᵀ(α f₀(U) − y), f₀(U) = f(W₀) + J₀(U − W₀), with J₀ materialized once (n × md).</li>
 * </ul>
 * Integrated by {@link GradientFlow}; {@link ScaledFlowPath} records measurements along it. Not thread-safe: the
 * nonlinear field keeps its work matrices (one integration at a time).
 */
public final class ScaledTwoLayerFlow implements VectorField {
    private final TwoLayerNet net;
    private final DenseMatrix w0;
    private final double[] y;
    private final double alpha;
    private final boolean linearized;
    private final Backend backend;
    private final Matrix j0;
    private final double[] f0;
    private final int n, m, d;
    private final Matrix x;
    private final double[] scaledOuter;
    private final Matrix pre, act, factor, scratch, grad;

    /** The flow of {@code net} (first layer trained, fixed outer weights) from W₀ toward labels y, scale α. */
    public ScaledTwoLayerFlow(TwoLayerNet net, DenseMatrix w0, double[] y, double alpha, boolean linearized) {
        if (y.length != net.n()) {
            throw new IllegalArgumentException("labels: " + y.length + " for n = " + net.n() + " points");
        }
        if (net.trainsOuter()) {
            throw new IllegalArgumentException("the LAZY flows train the first layer only (fixed outer signs)");
        }
        this.net = net;
        this.w0 = w0;
        this.y = y.clone();
        this.alpha = alpha;
        this.linearized = linearized;
        this.backend = net.backend();
        this.n = net.n();
        this.m = net.m();
        this.d = net.d();
        this.j0 = linearized ? backend.adopt(net.jacobianExplicit(w0)) : null;
        this.f0 = net.predictions(w0);
        this.x = backend.adopt(net.inputs());
        this.scaledOuter = net.outerWeights();
        for (int j = 0; j < m; j++) {
            scaledOuter[j] *= net.outputScale();
        }
        this.pre = backend.zeros(n, m);
        this.act = backend.zeros(n, m);
        this.factor = backend.zeros(n, m);
        this.scratch = backend.zeros(n, d);
        this.grad = backend.zeros(m, d);
    }

    public TwoLayerNet net() {
        return net;
    }

    public DenseMatrix initialWeights() {
        return w0;
    }

    public double[] labels() {
        return y.clone();
    }

    public double alpha() {
        return alpha;
    }

    public boolean linearized() {
        return linearized;
    }

    /** Number of trained weights md (the state has two more coordinates: path length and ∫‖r‖). */
    public int weightCount() {
        return m * d;
    }

    @Override
    public int dimension() {
        return weightCount() + 2;
    }

    /** Index of the path length L = ∫‖Ẇ‖ in the state. */
    public int pathLengthIndex() {
        return weightCount();
    }

    /** Index of I = ∫‖αf − y‖ in the state. */
    public int residualIntegralIndex() {
        return weightCount() + 1;
    }

    /** The predictions α f(W) (or α f₀(U)) at a state. */
    public double[] scaledPredictions(double[] state) {
        double[] f = linearized ? linearPredictions(state) : nonlinearPredictions(state);
        for (int i = 0; i < f.length; i++) {
            f[i] *= alpha;
        }
        return f;
    }

    /** f₀(U) = f(W₀) + J₀(U − W₀). */
    private double[] linearPredictions(double[] state) {
        int p = weightCount();
        double[] delta = new double[p];
        double[] w = w0.data();
        for (int k = 0; k < p; k++) {
            delta[k] = state[k] - w[k];
        }
        Matrix jd = backend.zeros(n, 1);
        backend.gemv(false, 1.0, j0, backend.adopt(DenseMatrix.columnVector(delta)), 0.0, jd);
        double[] f = jd.toDense().data().clone();
        for (int i = 0; i < n; i++) {
            f[i] += f0[i];
        }
        return f;
    }

    /** f(W) = σ(X Wᵀ) s, leaving P = X Wᵀ in {@code pre} for the gradient. */
    private double[] nonlinearPredictions(double[] state) {
        TwoLayerKernels.preactivations(backend, x, backend.adopt(weights(state)), pre);
        ActivationKernels.apply(net.activation(), false, pre, scaledOuter, act);
        double[] s = act.toDense().data();
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0, off = i * m; j < m; j++) {
                acc += s[off + j];
            }
            f[i] = acc;
        }
        return f;
    }

    /** The weights W (or U) of a state, m × d. */
    public DenseMatrix weights(double[] state) {
        double[] w = new double[weightCount()];
        System.arraycopy(state, 0, w, 0, w.length);
        return DenseMatrix.wrap(m, d, w);
    }

    @Override
    public void evaluate(double[] state, double[] dy) {
        double[] z = scaledPredictions(state);
        double[] r = new double[n];
        double rr = 0;
        for (int i = 0; i < n; i++) {
            r[i] = z[i] - y[i];                                         // ∇R(z) = z − y
            rr += r[i] * r[i];
        }
        int p = weightCount();
        double[] g;
        if (linearized) {
            Matrix gm = backend.zeros(p, 1);
            backend.gemv(true, 1.0, j0, backend.adopt(DenseMatrix.columnVector(r)), 0.0, gm);
            g = gm.toDense().data();
        } else {
            TwoLayerKernels.structuredFactor(net.activation(), pre, scaledOuter, factor);   // P from the predictions
            TwoLayerKernels.gradientStructured(backend, factor, r, x, scratch, grad);       // J_Wᵀ r = (D ⊙ r)ᵀ X
            g = grad.toDense().data();
        }
        double speed = 0;
        for (int k = 0; k < p; k++) {
            dy[k] = -alpha * g[k];                                      // Ẇ = −α Jᵀ(αf − y)
            speed += dy[k] * dy[k];
        }
        dy[p] = Math.sqrt(speed);                                       // d/dt path length = ‖Ẇ‖_F
        dy[p + 1] = Math.sqrt(rr);                                      // d/dt ∫‖αf − y‖ = ‖αf − y‖
    }

    /** (vec W₀, 0, 0). */
    public double[] initialState() {
        double[] s = new double[dimension()];
        System.arraycopy(w0.data(), 0, s, 0, weightCount());
        return s;
    }
}
