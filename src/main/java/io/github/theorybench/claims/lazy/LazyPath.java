package io.github.theorybench.claims.lazy;

import io.github.theorybench.dynamics.GradientFlow;
import io.github.theorybench.dynamics.Trajectory;
import io.github.theorybench.linalg.SymmetricEigen;

/**
 * Measurements along one integrated flow at log-spaced times τ = t·α²σ_min² ∈ [1e−3, τ_max] (plus t = 0): risk
 * R = ½‖αf − y‖², travel ‖W(t) − W₀‖_F, path length ∫‖Ẇ‖, and λ_min, λ_max of J_t J_tᵀ (unscaled; the linearized
 * flow's J is J₀ throughout).
 */
public record LazyPath(double alpha, boolean linearized, double[] t, double[] risk, double[] travel, double[] pathLength,
        double[] lambdaMin, double[] lambdaMax, double absTol, double relTol, int evaluations) {

    /** Integrator tolerances: tight, because the checks compare risks down to {@link #FLOOR}·R₀. */
    public static final double ABS_TOL = 1e-13;
    public static final double REL_TOL = 1e-12;
    /** Below this multiple of R₀ a bound is not compared: the integrated risk sits at its round-off floor there. */
    public static final double FLOOR = 1e-10;

    public static LazyPath integrate(LazyInstance inst, double alpha, boolean linearized, double tauMax, int points) {
        double scale = alpha * alpha * inst.sigmaMin() * inst.sigmaMin();
        double[] tau = GradientFlow.logSpacedTimes(1e-3, tauMax, points);
        double[] times = new double[tau.length];
        for (int k = 0; k < tau.length; k++) {
            times[k] = tau[k] / scale;
        }
        ScaledFlowField field = new ScaledFlowField(inst, alpha, linearized);
        Trajectory tr = new GradientFlow(ABS_TOL, REL_TOL).integrate(field, field.initialState(), times);
        int k = tr.size(), p = inst.m() * inst.d();
        double[] risk = new double[k], travel = new double[k], len = new double[k], lmin = new double[k],
                lmax = new double[k];
        SymmetricEigen g0 = null;
        for (int i = 0; i < k; i++) {
            double[] s = tr.state(i);
            double[] z = field.scaledPredictions(s);
            double r = 0;
            for (int a = 0; a < z.length; a++) {
                r += 0.5 * (z[a] - inst.y()[a]) * (z[a] - inst.y()[a]);
            }
            risk[i] = r;
            double tr2 = 0;
            double[] w0 = inst.w0().data();
            for (int a = 0; a < p; a++) {
                tr2 += (s[a] - w0[a]) * (s[a] - w0[a]);
            }
            travel[i] = Math.sqrt(tr2);
            len[i] = s[p];
            SymmetricEigen g;
            if (linearized) {
                if (g0 == null) {
                    g0 = inst.net().backend().eigSym(inst.net().gramStructured(inst.w0()));
                }
                g = g0;
            } else {
                g = inst.net().backend().eigSym(inst.net().gramStructured(field.weights(s)));
            }
            lmin[i] = g.min();
            lmax[i] = g.max();
        }
        return new LazyPath(alpha, linearized, times, risk, travel, len, lmin, lmax, ABS_TOL, REL_TOL,
                tr.evaluations());
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

    /** Decay-bound comparison R(t) ≤ R₀ e^{−rate(t)·t} (CLAIMS.md "Slack of a decay bound"). */
    public record DecayComparison(boolean holds, double slack, double smallestRateMultiple, double worstExcess) {
    }

    /**
     * Compares the risk with R₀·exp(−rate_k·t_k) at every recorded time whose bound is above FLOOR·R₀. holds: no
     * recorded risk exceeds its bound by more than the integration tolerance; slack: max R/bound over t ≥ 1/rate;
     * smallestRateMultiple: min over those t of −ln(R/R₀)/(rate·t).
     */
    public DecayComparison compareDecay(double r0, double[] rate) {
        boolean holds = true;
        double slack = 0, multiple = Double.POSITIVE_INFINITY, worst = 0;
        for (int k = 0; k < t.length; k++) {
            double bound = r0 * Math.exp(-rate[k] * t[k]);
            if (bound < FLOOR * r0) {
                continue;
            }
            double excess = (risk[k] - bound) / r0;
            worst = Math.max(worst, excess);
            if (excess > 1e-9) {
                holds = false;
            }
            if (rate[k] * t[k] >= 1 && risk[k] > FLOOR * r0 * 1e-3) {
                slack = Math.max(slack, risk[k] / bound);
                multiple = Math.min(multiple, -Math.log(risk[k] / r0) / (rate[k] * t[k]));
            }
        }
        return new DecayComparison(holds, slack, multiple, worst);
    }

    public static double[] constant(int k, double v) {
        double[] a = new double[k];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
