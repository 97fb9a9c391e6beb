package io.github.theorybench.claims.lazy;

import io.github.theorybench.dynamics.VectorField;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.TwoLayerNet;

/**
 * The gradient flows of CLAIMS.md LAZY on the state (vec W, L) where L is the path length ∫‖Ẇ‖ (LAZY-6's control):
 * <ul>
 * <li>nonlinear: Ẇ = −α J_Wᵀ(α f(W) − y), Jᵀr by the structured form (D ⊙ r)ᵀ X;</li>
 * <li>linearized: U̇ = −α J₀ᵀ(α f₀(U) − y), f₀(U) = f(W₀) + J₀(U − W₀), with J₀ materialized once (n × md).</li>
 * </ul>
 */
public final class ScaledFlowField implements VectorField {
    private final LazyInstance inst;
    private final double alpha;
    private final boolean linearized;
    private final Backend backend;
    private final Matrix j0;
    private final double[] f0;

    public ScaledFlowField(LazyInstance inst, double alpha, boolean linearized) {
        this.inst = inst;
        this.alpha = alpha;
        this.linearized = linearized;
        this.backend = inst.net().backend();
        this.j0 = linearized ? backend.adopt(inst.net().jacobianExplicit(inst.w0())) : null;
        this.f0 = inst.net().predictions(inst.w0());
    }

    @Override
    public int dimension() {
        return inst.m() * inst.d() + 1;
    }

    /** The predictions α f(W) (or α f₀(U)) at a state. */
    public double[] scaledPredictions(double[] state) {
        int p = inst.m() * inst.d();
        double[] f;
        if (linearized) {
            double[] delta = new double[p];
            double[] w0 = inst.w0().data();
            for (int k = 0; k < p; k++) {
                delta[k] = state[k] - w0[k];
            }
            Matrix jd = backend.zeros(inst.n(), 1);
            backend.gemv(false, 1.0, j0, backend.adopt(DenseMatrix.columnVector(delta)), 0.0, jd);
            f = jd.toDense().data().clone();
            for (int i = 0; i < f.length; i++) {
                f[i] += f0[i];
            }
        } else {
            f = inst.net().predictions(weights(state));
        }
        for (int i = 0; i < f.length; i++) {
            f[i] *= alpha;
        }
        return f;
    }

    public DenseMatrix weights(double[] state) {
        double[] w = new double[inst.m() * inst.d()];
        System.arraycopy(state, 0, w, 0, w.length);
        return DenseMatrix.wrap(inst.m(), inst.d(), w);
    }

    @Override
    public void evaluate(double[] state, double[] dy) {
        double[] z = scaledPredictions(state);
        double[] r = new double[z.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = z[i] - inst.y()[i];                                  // ∇R(z) = z − y
        }
        int p = inst.m() * inst.d();
        double[] g;
        if (linearized) {
            Matrix gm = backend.zeros(p, 1);
            backend.gemv(true, 1.0, j0, backend.adopt(DenseMatrix.columnVector(r)), 0.0, gm);
            g = gm.toDense().data();
        } else {
            g = inst.net().gradientStructured(weights(state), r);       // J_Wᵀ r = (D ⊙ r)ᵀ X
        }
        double speed = 0;
        for (int k = 0; k < p; k++) {
            dy[k] = -alpha * g[k];                                      // Ẇ = −α Jᵀ(αf − y)
            speed += dy[k] * dy[k];
        }
        dy[p] = Math.sqrt(speed);                                       // d/dt path length = ‖Ẇ‖_F
    }

    public double[] initialState() {
        double[] s = new double[dimension()];
        System.arraycopy(inst.w0().data(), 0, s, 0, inst.m() * inst.d());
        return s;
    }
}
