package io.github.theorybench.model.sensing;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;

/**
 * The factorized sensing losses of 002 (CLAIMS.md BAL/PWR), with their gradients by GEMMs:
 * <ul>
 * <li>asymmetric: L(U, V) = ½‖𝒜(UVᵀ) − y‖² (convention ½), ∇_U L = 𝒜*(e) V, ∇_V L = 𝒜*(e)ᵀ U, e = 𝒜(UVᵀ) − y;</li>
 * <li>symmetric: L(U) = ¼‖𝒜(UUᵀ) − y‖² (convention ¼), ∇L = 𝒜*(e) U for symmetric A_i, so near U = 0 gradient
 * descent is U ← (I + μZ)U with Z = 𝒜*𝒜(XXᵀ) = 𝒜*(y) and no extra factor.</li>
 * </ul>
 */
public final class FactorizedSensing {
    private final MeasurementOperator op;
    private final double[] y;

    public FactorizedSensing(MeasurementOperator op, double[] y) {
        this.op = op;
        this.y = y.clone();
    }

    public MeasurementOperator operator() {
        return op;
    }

    public double[] labels() {
        return y.clone();
    }

    /** Loss value and gradients at one point. gradV is null in the symmetric case. */
    public record Evaluation(double loss, DenseMatrix gradU, DenseMatrix gradV) {
        public double gradientNormSquared() {
            double s = gradU.frobeniusNorm() * gradU.frobeniusNorm();
            if (gradV != null) {
                s += gradV.frobeniusNorm() * gradV.frobeniusNorm();
            }
            return s;
        }
    }

    private double[] residual(DenseMatrix product) {
        double[] e = op.apply(product);
        for (int i = 0; i < e.length; i++) {
            e[i] -= y[i];
        }
        return e;
    }

    /** L(U, V) = ½‖𝒜(UVᵀ) − y‖², ∇_U = 𝒜*(e)V, ∇_V = 𝒜*(e)ᵀU. */
    public Evaluation asymmetric(DenseMatrix u, DenseMatrix v) {
        Backend b = op.backend();
        DenseMatrix uvt = b.multiply(false, true, u, v).toDense();
        double[] e = residual(uvt);
        double loss = 0;
        for (double ei : e) {
            loss += 0.5 * ei * ei;
        }
        DenseMatrix g = op.adjoint(e);
        DenseMatrix gu = b.multiply(false, false, g, v).toDense();
        DenseMatrix gv = b.multiply(true, false, g, u).toDense();
        return new Evaluation(loss, gu, gv);
    }

    /** L(U) = ¼‖𝒜(UUᵀ) − y‖², ∇ = 𝒜*(e)U (A_i symmetric). */
    public Evaluation symmetric(DenseMatrix u) {
        Backend b = op.backend();
        double[] e = residual(b.multiply(false, true, u, u).toDense());
        double loss = 0;
        for (double ei : e) {
            loss += 0.25 * ei * ei;
        }
        return new Evaluation(loss, b.multiply(false, false, op.adjoint(e), u).toDense(), null);
    }
}
