package io.github.theorybench.claims.lazy;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * An independent implementation of CLAIMS.md LAZY's flows for the small-instance tests: f(x; W) = Σ_j s_j tanh(w_jᵀx),
 * its Jacobian and the nonlinear gradient flow Ẇ = −α J_Wᵀ(αf(W) − y) (with path length and ∫‖αf − y‖ appended)
 * written in loops, integrated by Hipparchus' Dormand–Prince 8(5,3) from one recorded time to the next, and the
 * spectrum of J Jᵀ from Hipparchus' symmetric eigen-decomposition. Nothing here calls the production classes.
 */
final class LoopFlow implements OrdinaryDifferentialEquation {
    final double[][] x;
    final double[] y, s;
    final double alpha;
    final int n, m, d;

    LoopFlow(double[][] x, double[] y, double[] s, double alpha) {
        this.x = x;
        this.y = y;
        this.s = s;
        this.alpha = alpha;
        this.n = x.length;
        this.d = x[0].length;
        this.m = s.length;
    }

    double pre(double[] w, int j, int i) {
        double p = 0;
        for (int k = 0; k < d; k++) {
            p += w[j * d + k] * x[i][k];
        }
        return p;
    }

    double[] f(double[] w) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i] += s[j] * Math.tanh(pre(w, j, i));
            }
        }
        return out;
    }

    /** J_W, n × md: row i, column j·d + k = s_j tanh'(w_jᵀx_i) x_ik. */
    double[][] jacobian(double[] w) {
        double[][] jm = new double[n][m * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double th = Math.tanh(pre(w, j, i));
                for (int k = 0; k < d; k++) {
                    jm[i][j * d + k] = s[j] * (1 - th * th) * x[i][k];
                }
            }
        }
        return jm;
    }

    /** Eigenvalues of J_W J_Wᵀ, ascending. */
    double[] gramEigenvalues(double[] w) {
        RealMatrix jm = new Array2DRowRealMatrix(jacobian(w));
        double[] ev = new EigenDecompositionSymmetric(jm.multiplyTransposed(jm)).getEigenvalues();   // descending
        double[] asc = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            asc[i] = ev[ev.length - 1 - i];
        }
        return asc;
    }

    double risk(double[] w) {
        double[] fw = f(w);
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += 0.5 * (alpha * fw[i] - y[i]) * (alpha * fw[i] - y[i]);
        }
        return r;
    }

    @Override
    public int getDimension() {
        return m * d + 2;
    }

    @Override
    public double[] computeDerivatives(double t, double[] state) {
        double[] fw = f(state);
        double[][] jm = jacobian(state);
        double[] dy = new double[state.length];
        double rr = 0, speed = 0;
        for (int i = 0; i < n; i++) {
            double r = alpha * fw[i] - y[i];
            rr += r * r;
            for (int p = 0; p < m * d; p++) {
                dy[p] -= alpha * jm[i][p] * r;
            }
        }
        for (int p = 0; p < m * d; p++) {
            speed += dy[p] * dy[p];
        }
        dy[m * d] = Math.sqrt(speed);
        dy[m * d + 1] = Math.sqrt(rr);
        return dy;
    }

    /** States at {@code times} (ascending, the first 0) from (W₀, 0, 0), integrated piece by piece at abs/rel tol. */
    double[][] integrate(double[] w0, double[] times, double absTol, double relTol) {
        double[][] out = new double[times.length][];
        double[] st = new double[getDimension()];
        System.arraycopy(w0, 0, st, 0, w0.length);
        out[0] = st.clone();
        double tEnd = times[times.length - 1];
        for (int k = 1; k < times.length; k++) {
            DormandPrince853Integrator dp = new DormandPrince853Integrator(tEnd * 1e-14, tEnd, absTol, relTol);
            ODEStateAndDerivative end = dp.integrate(this, new ODEState(times[k - 1], st), times[k]);
            st = end.getPrimaryState();
            out[k] = st.clone();
        }
        return out;
    }
}
