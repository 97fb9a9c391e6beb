package io.github.theorybench.dynamics;

import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.TwoLayerNet;

/**
 * Measurements along one integrated {@link ScaledTwoLayerFlow} at chosen times (CLAIMS.md LAZY): risk
 * R = ½‖αf − y‖², travel ‖W(t) − W₀‖_F, path length ∫₀ᵗ‖Ẇ‖, the integrated residual norm ∫₀ᵗ‖αf − y‖, and λ_min,
 * λ_max of J_t J_tᵀ (unscaled; the linearized flow's J is J₀ throughout), with the integrator's tolerances and effort.
 */
public record ScaledFlowPath(double alpha, boolean linearized, double[] t, double[] risk, double[] travel,
        double[] pathLength, double[] residualIntegral, double[] lambdaMin, double[] lambdaMax, double absTol,
        double relTol, int evaluations) {

    /** Integrator tolerances: tight, because the LAZY checks compare risks down to 1e−10·R₀. */
    public static final double ABS_TOL = 1e-13;
    public static final double REL_TOL = 1e-12;

    /** Integrates {@code flow} with Dormand–Prince 8(5,3) at {@link #ABS_TOL}, {@link #REL_TOL} and records at {@code times}. */
    public static ScaledFlowPath integrate(ScaledTwoLayerFlow flow, double[] times) {
        Trajectory tr = new GradientFlow(ABS_TOL, REL_TOL).integrate(flow, flow.initialState(), times);
        TwoLayerNet net = flow.net();
        double[] y = flow.labels();
        int k = tr.size(), p = flow.weightCount();
        double[] risk = new double[k], travel = new double[k], len = new double[k], integral = new double[k],
                lmin = new double[k], lmax = new double[k];
        double[] w0 = flow.initialWeights().data();
        SymmetricEigen g0 = null;
        for (int i = 0; i < k; i++) {
            double[] s = tr.state(i);
            double[] z = flow.scaledPredictions(s);
            double r = 0;
            for (int a = 0; a < z.length; a++) {
                r += 0.5 * (z[a] - y[a]) * (z[a] - y[a]);
            }
            risk[i] = r;
            double tr2 = 0;
            for (int a = 0; a < p; a++) {
                tr2 += (s[a] - w0[a]) * (s[a] - w0[a]);
            }
            travel[i] = Math.sqrt(tr2);
            len[i] = s[flow.pathLengthIndex()];
            integral[i] = s[flow.residualIntegralIndex()];
            SymmetricEigen g;
            if (flow.linearized()) {
                if (g0 == null) {
                    g0 = net.backend().eigSym(net.gramStructured(flow.initialWeights()));
                }
                g = g0;
            } else {
                g = net.backend().eigSym(net.gramStructured(flow.weights(s)));
            }
            lmin[i] = g.min();
            lmax[i] = g.max();
        }
        return new ScaledFlowPath(flow.alpha(), flow.linearized(), tr.times(), risk, travel, len, integral, lmin, lmax,
                ABS_TOL, REL_TOL, tr.evaluations());
    }

    public int size() {
        return t.length;
    }

    public double finalTravel() {
        return travel[travel.length - 1];
    }

    public double maxTravel() {
        double m = 0;
        for (double v : travel) {
            m = Math.max(m, v);
        }
        return m;
    }

    public double finalRisk() {
        return risk[risk.length - 1];
    }

    public double finalPathLength() {
        return pathLength[pathLength.length - 1];
    }
}
