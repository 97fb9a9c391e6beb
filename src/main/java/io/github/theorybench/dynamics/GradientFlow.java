package io.github.theorybench.dynamics;

import java.util.Arrays;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Continuous-time gradient flow ẏ = F(y), integrated with error control by Hipparchus' adaptive Dormand–Prince 8(5,3)
 * integrator. States are recorded at the requested times through the integrator's dense output (same order of
 * accuracy as the steps), so recording does not shorten steps. Discrete gradient descent is a different thing and
 * lives in the model classes that use it.
 */
public final class GradientFlow {
    private final double absoluteTolerance;
    private final double relativeTolerance;

    public GradientFlow(double absoluteTolerance, double relativeTolerance) {
        if (!(absoluteTolerance > 0) || !(relativeTolerance > 0)) {
            throw new IllegalArgumentException("tolerances must be positive, got abs=" + absoluteTolerance + " rel="
                    + relativeTolerance);
        }
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    public double absoluteTolerance() {
        return absoluteTolerance;
    }

    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Integrates from y0 at t = 0 and returns the states at {@code times} (ascending, ≥ 0). */
    public Trajectory integrate(VectorField field, double[] y0, double[] times) {
        if (y0.length != field.dimension()) {
            throw new IllegalArgumentException("initial state has dimension " + y0.length + ", field "
                    + field.dimension());
        }
        for (int k = 0; k < times.length; k++) {
            if (!(times[k] >= 0) || (k > 0 && times[k] < times[k - 1])) {
                throw new IllegalArgumentException("record times must be ascending and non-negative: "
                        + Arrays.toString(times));
            }
        }
        double[][] states = new double[times.length][];
        int next = 0;
        while (next < times.length && times[next] == 0.0) {
            states[next++] = y0.clone();
        }
        if (next == times.length) {
            return new Trajectory(times.clone(), states, absoluteTolerance, relativeTolerance, 0,
                    DormandPrince853Integrator.METHOD_NAME);
        }
        double tEnd = times[times.length - 1];
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(tEnd * 1e-14, tEnd,
                absoluteTolerance, relativeTolerance);
        final int first = next;
        integrator.addStepHandler(new ODEStepHandler() {
            private int pending = first;

            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double t1 = interpolator.getCurrentState().getTime();
                while (pending < times.length && times[pending] <= t1) {
                    ODEStateAndDerivative s = interpolator.getInterpolatedState(times[pending]);
                    states[pending++] = s.getPrimaryState();
                }
            }
        });
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return field.dimension();
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[y.length];
                field.evaluate(y, dy);
                return dy;
            }
        };
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, y0.clone()), tEnd);
        for (int k = 0; k < times.length; k++) {
            if (states[k] == null) {
                states[k] = end.getPrimaryState();
            }
        }
        return new Trajectory(times.clone(), states, absoluteTolerance, relativeTolerance,
                integrator.getEvaluations(), DormandPrince853Integrator.METHOD_NAME);
    }

    /** {@code count} times log-spaced from {@code tMin} to {@code tMax}, with t = 0 first. */
    public static double[] logSpacedTimes(double tMin, double tMax, int count) {
        double[] t = new double[count + 1];
        for (int k = 0; k < count; k++) {
            t[k + 1] = tMin * Math.pow(tMax / tMin, count == 1 ? 1.0 : (double) k / (count - 1));
        }
        return t;
    }
}
