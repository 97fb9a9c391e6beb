package io.github.theorybench.dynamics;

/**
 * States of an integrated flow at the requested times, with the integrator's error-control settings and effort, so a
 * report row can state the tolerance its numbers were computed with.
 */
public record Trajectory(double[] times, double[][] states, double absoluteTolerance, double relativeTolerance,
        int evaluations, String integrator) {
    public int size() {
        return times.length;
    }

    public double[] state(int k) {
        return states[k];
    }

    public double[] last() {
        return states[states.length - 1];
    }
}
