package io.github.theorybench.claims.dln;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The square loss of a deep linear net, ℓ = ½‖c·W_L⋯W_1X − Y‖_F², its gradient by the chain rule and its Hessian by
 * central differences of that gradient — written again with Hipparchus' plain-Java matrices, for the small-instance
 * tests to recompute what {@link io.github.theorybench.model.DeepLinearNet} computes on a backend.
 */
final class LoopDeepLinearNet {
    private final double c;
    private final RealMatrix x;
    private final RealMatrix y;

    LoopDeepLinearNet(double c, DenseMatrix x, DenseMatrix y) {
        this.c = c;
        this.x = real(x);
        this.y = real(y);
    }

    static RealMatrix real(Matrix m) {
        return MatrixUtils.createRealMatrix(m.toDense().toArray2d());
    }

    static List<RealMatrix> real(List<? extends Matrix> w) {
        List<RealMatrix> out = new ArrayList<>();
        w.forEach(m -> out.add(real(m)));
        return out;
    }

    /** W_b⋯W_a (1-based, inclusive); the identity of size {@code n} when a &gt; b. */
    static RealMatrix product(List<RealMatrix> w, int a, int b, int n) {
        RealMatrix p = MatrixUtils.createRealIdentityMatrix(n);
        for (int l = a; l <= b; l++) {
            p = w.get(l - 1).multiply(p);
        }
        return p;
    }

    RealMatrix residual(List<RealMatrix> w) {
        return product(w, 1, w.size(), x.getRowDimension()).multiply(x).scalarMultiply(c).subtract(y);
    }

    double loss(List<RealMatrix> w) {
        double f = residual(w).getFrobeniusNorm();
        return 0.5 * f * f;
    }

    /** ∂ℓ/∂W_l = c (W_L⋯W_{l+1})ᵀ E Xᵀ (W_{l−1}⋯W_1)ᵀ. */
    List<RealMatrix> gradient(List<RealMatrix> w) {
        RealMatrix exT = residual(w).multiply(x.transpose());
        List<RealMatrix> g = new ArrayList<>();
        for (int l = 1; l <= w.size(); l++) {
            RealMatrix above = product(w, l + 1, w.size(), w.get(l - 1).getRowDimension());
            RealMatrix below = product(w, 1, l - 1, x.getRowDimension());
            g.add(above.transpose().multiply(exT).multiply(below.transpose()).scalarMultiply(c));
        }
        return g;
    }

    static double[] flatten(List<RealMatrix> w) {
        List<Double> out = new ArrayList<>();
        for (RealMatrix m : w) {
            for (int i = 0; i < m.getRowDimension(); i++) {
                for (int j = 0; j < m.getColumnDimension(); j++) {
                    out.add(m.getEntry(i, j));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<RealMatrix> unflatten(double[] theta, List<RealMatrix> shapes) {
        List<RealMatrix> out = new ArrayList<>();
        int k = 0;
        for (RealMatrix s : shapes) {
            RealMatrix m = MatrixUtils.createRealMatrix(s.getRowDimension(), s.getColumnDimension());
            for (int i = 0; i < m.getRowDimension(); i++) {
                for (int j = 0; j < m.getColumnDimension(); j++) {
                    m.setEntry(i, j, theta[k++]);
                }
            }
            out.add(m);
        }
        return out;
    }

    /** The Hessian by central differences of {@link #gradient} with step h, symmetrized. */
    double[][] hessianByDifferences(List<RealMatrix> w, double h) {
        double[] theta = flatten(w);
        int p = theta.length;
        double[][] hess = new double[p][p];
        for (int k = 0; k < p; k++) {
            double[] plus = theta.clone(), minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] gp = flatten(gradient(unflatten(plus, w))), gm = flatten(gradient(unflatten(minus, w)));
            for (int i = 0; i < p; i++) {
                hess[i][k] = (gp[i] - gm[i]) / (2 * h);
            }
        }
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < i; k++) {
                double s = 0.5 * (hess[i][k] + hess[k][i]);
                hess[i][k] = s;
                hess[k][i] = s;
            }
        }
        return hess;
    }
}
