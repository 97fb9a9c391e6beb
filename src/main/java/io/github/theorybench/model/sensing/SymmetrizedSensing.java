package io.github.theorybench.model.sensing;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;

/**
 * The symmetrization of 002 ("Symmetrization I"): Sym(A) = [[0, A], [Aᵀ, 0]] ∈ R^{(d₁+d₂)×(d₁+d₂)}, measurements
 * B_k = Sym(A_k) with 𝓑(M)_k = ⟨B_k, M⟩/√n (the same 1/√n as 𝒜, so that the two operators compare), and the lifted
 * variables W = [U; V], W̃ = [U; −V]. Since B_k has zero diagonal blocks, ⟨B_k, M⟩ = ⟨A_k, M₁₂⟩ + ⟨A_k, M₂₁ᵀ⟩: 𝓑 is
 * two applications of 𝒜 to the off-diagonal blocks, and the (d₁+d₂)² × n stack of the B_k is never formed.
 */
public final class SymmetrizedSensing {
    private final MeasurementOperator op;
    private final int d1;
    private final int d2;

    public SymmetrizedSensing(MeasurementOperator op, int d1, int d2) {
        this.op = op;
        this.d1 = d1;
        this.d2 = d2;
    }

    /** Sym(A) = [[0, A], [Aᵀ, 0]] for a d₁ × d₂ matrix A. */
    public static DenseMatrix sym(DenseMatrix a) {
        int d1 = a.rows(), d2 = a.cols(), s = d1 + d2;
        DenseMatrix out = DenseMatrix.zeros(s, s);
        for (int i = 0; i < d1; i++) {
            for (int j = 0; j < d2; j++) {
                out.set(i, d1 + j, a.get(i, j));
                out.set(d1 + j, i, a.get(i, j));
            }
        }
        return out;
    }

    /** [U; sign·V]: W for sign = +1, W̃ for sign = −1. */
    public static DenseMatrix lift(DenseMatrix u, DenseMatrix v, double sign) {
        int r = u.cols();
        DenseMatrix out = DenseMatrix.zeros(u.rows() + v.rows(), r);
        for (int i = 0; i < u.rows(); i++) {
            for (int j = 0; j < r; j++) {
                out.set(i, j, u.get(i, j));
            }
        }
        for (int i = 0; i < v.rows(); i++) {
            for (int j = 0; j < r; j++) {
                out.set(u.rows() + i, j, sign * v.get(i, j));
            }
        }
        return out;
    }

    /** 𝓑(M)_k = ⟨Sym(A_k), M⟩/√n = 𝒜(M₁₂)_k + 𝒜(M₂₁ᵀ)_k for a (d₁+d₂)-square M. */
    public double[] apply(DenseMatrix m) {
        DenseMatrix upper = DenseMatrix.zeros(d1, d2), lowerT = DenseMatrix.zeros(d1, d2);
        for (int i = 0; i < d1; i++) {
            for (int j = 0; j < d2; j++) {
                upper.set(i, j, m.get(i, d1 + j));
                lowerT.set(i, j, m.get(d1 + j, i));
            }
        }
        double[] a = op.apply(upper), b = op.apply(lowerT);
        for (int k = 0; k < a.length; k++) {
            a[k] += b[k];
        }
        return a;
    }

    /** W Wᵀ for a lifted W (one GEMM). */
    public static DenseMatrix outer(Backend b, DenseMatrix w) {
        return b.multiply(false, true, w, w).toDense();
    }
}
