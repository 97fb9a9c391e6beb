package io.github.theorybench.claims.dls;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.features.BiasedReluNtkReference;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Algorithm 1's pipeline written again, independently of the production code, for the small-instance tests: loops
 * for the preprocessing, the first-layer gradient, the features, the NTK and the test predictions; the ridge penalty
 * by brute-force leave-one-out (each left-out point refitted, Hipparchus' Cholesky on the primal normal equations; for
 * kernel ridge the hat matrix K(K + sI)⁻¹ formed by an LU inverse). Nothing here calls the model package.
 */
final class DlsReference {
    private DlsReference() {
    }

    /** α, β and the residual y − α − Xβ (004, Algorithm 1 preprocessing). */
    record Pre(double alpha, double[] beta, double[] r) {
    }

    static Pre preprocess(DenseMatrix x, double[] y) {
        int n = y.length, d = x.cols();
        double alpha = 0;
        double[] beta = new double[d], r = new double[n];
        for (int i = 0; i < n; i++) {
            alpha += y[i] / n;
            for (int k = 0; k < d; k++) {
                beta[k] += y[i] * x.get(i, k) / n;
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - linear(alpha, beta, x.row(i));
        }
        return new Pre(alpha, beta, r);
    }

    static double linear(double alpha, double[] beta, double[] x) {
        double s = alpha;
        for (int k = 0; k < x.length; k++) {
            s += beta[k] * x[k];
        }
        return s;
    }

    /** ∇_W L at the symmetric init (b = 0): G_j = (1/n) Σ_i (f(x_i) − r_i) a_j 1{w_j·x_i &gt; 0} x_i. */
    static DenseMatrix gradient(TwoLayerInit init, DenseMatrix x, double[] r) {
        int n = r.length, m = init.weights().rows(), d = x.cols();
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                f[i] += init.signs()[j] * Math.max(dotRow(init.weights(), j, x.row(i)), 0);
            }
        }
        DenseMatrix g = DenseMatrix.zeros(m, d);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                if (dotRow(init.weights(), j, x.row(i)) > 0) {
                    for (int k = 0; k < d; k++) {
                        g.set(j, k, g.get(j, k) + (f[i] - r[i]) * init.signs()[j] * x.get(i, k) / n);
                    }
                }
            }
        }
        return g;
    }

    static double dotRow(DenseMatrix w, int j, double[] x) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += w.get(j, k) * x[k];
        }
        return s;
    }

    /** ‖G u‖²/‖G‖_F². */
    static double share(DenseMatrix g, double[] u) {
        double along = 0, total = 0;
        for (int j = 0; j < g.rows(); j++) {
            double p = dotRow(g, j, u);
            along += p * p;
            for (int k = 0; k < g.cols(); k++) {
                total += g.get(j, k) * g.get(j, k);
            }
        }
        return along / total;
    }

    /** ReLU(scale·w_j·x_i + b_j) by loops. */
    static DenseMatrix features(DenseMatrix x, DenseMatrix w, double scale, double[] b) {
        DenseMatrix phi = DenseMatrix.zeros(x.rows(), w.rows());
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < w.rows(); j++) {
                phi.set(i, j, Math.max(scale * dotRow(w, j, x.row(i)) + b[j], 0));
            }
        }
        return phi;
    }

    /** A fitted ridge head: the chosen grid index and the output weights. */
    record Head(int index, double[] a) {
    }

    /** s = c·tr(ΦΦᵀ)/n; the grid value with the smallest brute-force leave-one-out error (the first on ties). */
    static Head ridge(DenseMatrix phi, double[] r, double[] grid) {
        int n = phi.rows(), m = phi.cols();
        RealMatrix p = new Array2DRowRealMatrix(phi.toArray2d());
        RealMatrix gram = p.transpose().multiply(p);
        double tr = gram.getTrace(), best = Double.POSITIVE_INFINITY;
        double[] rhs = p.transpose().operate(r);
        int bestK = -1;
        for (int k = 0; k < grid.length; k++) {
            double s = grid[k] * tr / n, e = 0;
            for (int out = 0; out < n; out++) {
                RealMatrix a = gram.copy();
                double[] b = rhs.clone();
                for (int j = 0; j < m; j++) {
                    b[j] -= phi.get(out, j) * r[out];
                    for (int l = 0; l < m; l++) {
                        a.addToEntry(j, l, -phi.get(out, j) * phi.get(out, l));
                    }
                    a.addToEntry(j, j, s);
                }
                double[] w = new CholeskyDecomposition(a, 1e-14, 1e-300).getSolver().solve(new ArrayRealVector(b))
                        .toArray();
                double f = 0;
                for (int j = 0; j < m; j++) {
                    f += phi.get(out, j) * w[j];
                }
                e += (r[out] - f) * (r[out] - f);
            }
            if (e < best) {
                best = e;
                bestK = k;
            }
        }
        RealMatrix a = gram.copy();
        for (int j = 0; j < m; j++) {
            a.addToEntry(j, j, grid[bestK] * tr / n);
        }
        return new Head(bestK, new CholeskyDecomposition(a, 1e-14, 1e-300).getSolver()
                .solve(new ArrayRealVector(rhs)).toArray());
    }

    /** Kernel ridge: the grid index with the smallest PRESS error from the explicit hat matrix, and α there. */
    static Head kernelRidge(DenseMatrix x, double[] r, double[] grid, double v) {
        int n = x.rows();
        RealMatrix k = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k.setEntry(i, j, BiasedReluNtkReference.closedForm(x.row(i), x.row(j), v));
            }
        }
        double tr = k.getTrace(), best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (int q = 0; q < grid.length; q++) {
            RealMatrix ks = k.copy();
            for (int i = 0; i < n; i++) {
                ks.addToEntry(i, i, grid[q] * tr / n);
            }
            RealMatrix h = k.multiply(new LUDecomposition(ks).getSolver().getInverse());
            double[] fit = h.operate(r);
            double e = 0;
            for (int i = 0; i < n; i++) {
                double res = (r[i] - fit[i]) / (1 - h.getEntry(i, i));
                e += res * res;
            }
            if (e < best) {
                best = e;
                bestK = q;
            }
        }
        RealMatrix ks = k.copy();
        for (int i = 0; i < n; i++) {
            ks.addToEntry(i, i, grid[bestK] * tr / n);
        }
        return new Head(bestK, new LUDecomposition(ks).getSolver().solve(new ArrayRealVector(r)).toArray());
    }

    /** Test MSE of the network head: (1/N)Σ (α + βᵀx + Σ_j a_j ReLU(scale w_j·x + b_j) − clean)². */
    static double testMse(DenseMatrix test, double[] clean, DenseMatrix w, double scale, double[] b, Pre pre,
            double[] a) {
        DenseMatrix phi = features(test, w, scale, b);
        double e = 0;
        for (int i = 0; i < test.rows(); i++) {
            double f = linear(pre.alpha(), pre.beta(), test.row(i)) - clean[i];
            for (int j = 0; j < a.length; j++) {
                f += a[j] * phi.get(i, j);
            }
            e += f * f;
        }
        return e / test.rows();
    }

    /** Test MSE of kernel ridge with dual coefficients α on training inputs x. */
    static double kernelTestMse(DenseMatrix test, double[] clean, DenseMatrix x, double[] alpha, Pre pre, double v) {
        double e = 0;
        for (int i = 0; i < test.rows(); i++) {
            double f = linear(pre.alpha(), pre.beta(), test.row(i)) - clean[i];
            for (int j = 0; j < x.rows(); j++) {
                f += alpha[j] * BiasedReluNtkReference.closedForm(test.row(i), x.row(j), v);
            }
            e += f * f;
        }
        return e / test.rows();
    }

    /** Median by sorting (mean of the middle pair for an even count). */
    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    static double frobenius(DenseMatrix g) {
        double s = 0;
        for (double v : g.data()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
