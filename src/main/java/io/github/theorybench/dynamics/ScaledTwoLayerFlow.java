package io.github.theorybench.dynamics;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.TwoLayerNet;

/**
 * The gradient flows of the scaled model α·f on the risk R(z) = ½‖z − y‖² (CLAIMS.md LAZY; 001 Theorem 8.1), on the
 * state (vec W, L) where L is the path length ∫‖Ẇ‖ (Lemma 8.2's middle step):
 * <ul>
 * <li>nonlinear: Ẇ = −α J_Wᵀ(α f(W) − y), Jᵀr by the structured form (D ⊙ r)ᵀ X;</li>
 * <li>linearized: U̇ = −α J₀ᵀ(α f₀(U) − y), f₀(U) = f(W₀) + J₀(U − W₀), with J₀ materialized once (n × md).</li>
 * </ul>
 * Integrated by {@link GradientFlow}; {@link ScaledFlowPath} records measurements along it.
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

    /** The flow of {@code net} (first layer trained, fixed outer signs) from W₀ toward labels y, scale α. */
    public ScaledTwoLayerFlow(TwoLayerNet net, DenseMatrix w0, double[] y, double alpha, boolean linearized) {
        if (y.length != net.n()) {
            throw new IllegalArgumentException("labels: " + y.length + " for n = " + net.n() + " points");
        }
        this.net = net;
        this.w0 = w0;
        this.y = y.clone();
        this.alpha = alpha;
        this.linearized = linearized;
        this.backend = net.backend();
        this.j0 = linearized ? backend.adopt(net.jacobianExplicit(w0)) : null;
        this.f0 = net.predictions(w0);
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

    /** Number of trained weights md (the state has one more coordinate, the path length). */
    public int weightCount() {
        return net.m() * net.d();
    }

    @Override
    public int dimension() {
        return weightCount() + 1;
    }

    /** The predictions α f(W) (or α f₀(U)) at a state. */
    public double[] scaledPredictions(double[] state) {
        int p = weightCount();
        double[] f;
        if (linearized) {
            double[] delta = new double[p];
            double[] w = w0.data();
            for (int k = 0; k < p; k++) {
                delta[k] = state[k] - w[k];
            }
            Matrix jd = backend.zeros(net.n(), 1);
            backend.gemv(false, 1.0, j0, backend.adopt(DenseMatrix.columnVector(delta)), 0.0, jd);
            f = jd.toDense().data().clone();
            for (int i = 0; i < f.length; i++) {
                f[i] += f0[i];
            }
        } else {
            f = net.predictions(weights(state));
        }
        for (int i = 0; i < f.length; i++) {
            f[i] *= alpha;
        }
        return f;
    }

    /** The weights W (or U) of a state, m × d. */
    public DenseMatrix weights(double[] state) {
        double[] w = new double[weightCount()];
        System.arraycopy(state, 0, w, 0, w.length);
        return DenseMatrix.wrap(net.m(), net.d(), w);
    }

    @Override
    public void evaluate(double[] state, double[] dy) {
        double[] z = scaledPredictions(state);
        double[] r = new double[z.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = z[i] - y[i];                                         // ∇R(z) = z − y
        }
        int p = weightCount();
        double[] g;
        if (linearized) {
            Matrix gm = backend.zeros(p, 1);
            backend.gemv(true, 1.0, j0, backend.adopt(DenseMatrix.columnVector(r)), 0.0, gm);
            g = gm.toDense().data();
        } else {
            g = net.gradientStructured(weights(state), r);              // J_Wᵀ r = (D ⊙ r)ᵀ X
        }
        double speed = 0;
        for (int k = 0; k < p; k++) {
            dy[k] = -alpha * g[k];                                      // Ẇ = −α Jᵀ(αf − y)
            speed += dy[k] * dy[k];
        }
        dy[p] = Math.sqrt(speed);                                       // d/dt path length = ‖Ẇ‖_F
    }

    /** (vec W₀, 0). */
    public double[] initialState() {
        double[] s = new double[dimension()];
        System.arraycopy(w0.data(), 0, s, 0, weightCount());
        return s;
    }
}
