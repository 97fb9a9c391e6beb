package io.github.theorybench.model.features;

/**
 * The DLS NTK written out with Math's acos, sin and cos, the independent reference for {@link BiasedReluNtk} in the
 * model and claims tests: (xᵀx' + 1)(π − θ)/(2π) + v‖x‖‖x'‖(sin θ + (π − θ) cos θ)/(2π), θ = acos(xᵀx'/(‖x‖‖x'‖)).
 */
public final class BiasedReluNtkReference {
    private BiasedReluNtkReference() {
    }

    /** The kernel of one pair (x, x') with second-layer variance factor v. */
    public static double closedForm(double[] x, double[] y, double v) {
        double dot = 0, nx = 0, ny = 0;
        for (int k = 0; k < x.length; k++) {
            dot += x[k] * y[k];
            nx += x[k] * x[k];
            ny += y[k] * y[k];
        }
        nx = Math.sqrt(nx);
        ny = Math.sqrt(ny);
        double t = Math.acos(Math.max(-1, Math.min(1, dot / (nx * ny))));
        return (dot + 1) * (Math.PI - t) / (2 * Math.PI) + v * nx * ny * (Math.sin(t) + (Math.PI - t) * Math.cos(t))
                / (2 * Math.PI);
    }
}
