package io.github.theorybench.dynamics;

/** The right-hand side of an autonomous ODE ẏ = F(y) on R^dimension (for gradient flow, F = −∇L). */
public interface VectorField {
    int dimension();

    /** Writes F(y) into {@code dy}. */
    void evaluate(double[] y, double[] dy);
}
