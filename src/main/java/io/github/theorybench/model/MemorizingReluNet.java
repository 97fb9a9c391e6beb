package io.github.theorybench.model;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The two-layer ReLU net of Zhang et al. (003, "Understanding deep learning requires rethinking generalization",
 * Theorem 1; CLAIMS.md MEM-1): f(x) = Σ_{j=1..n} w_j ReLU(aᵀx − b_j) with a ∈ R^d, b, w ∈ R^n, i.e. 2n + d weights.
 * Construction: z_i = aᵀx_i must be distinct; order them z_(1) < … < z_(n) and interleave thresholds
 * b_(1) < z_(1) < b_(2) < z_(2) < … < b_(n) < z_(n) (here b_(j) = (z_(j−1) + z_(j))/2 and b_(1) = z_(1) − (z_(2) −
 * z_(1))/2). Then A_ij = ReLU(z_(i) − b_(j)) is lower triangular with a positive diagonal, and A w = y (labels in the
 * same order) is solved by forward substitution.
 */
public final class MemorizingReluNet {
    private final double[] a;
    private final double[] b;
    private final double[] w;
    private final DenseMatrix sortedA;
    private final double[] sortedY;
    private final double minGap;

    private MemorizingReluNet(double[] a, double[] b, double[] w, DenseMatrix sortedA, double[] sortedY,
            double minGap) {
        this.a = a;
        this.b = b;
        this.w = w;
        this.sortedA = sortedA;
        this.sortedY = sortedY;
        this.minGap = minGap;
    }

    /** z = X a (n projections), X ∈ R^{n×d}. */
    public static double[] project(Backend be, DenseMatrix x, double[] a) {
        Matrix z = be.zeros(x.rows(), 1);
        be.gemv(false, 1.0, be.adopt(x), be.adopt(DenseMatrix.columnVector(a)), 0.0, z);
        return z.toDense().data().clone();
    }

    /**
     * Builds the net interpolating {@code y} on the rows of {@code x} with direction {@code a}.
     *
     * @throws IllegalArgumentException if two projections aᵀx_i coincide (the construction's hypothesis)
     */
    public static MemorizingReluNet construct(Backend be, DenseMatrix x, double[] y, double[] a) {
        return construct(be, x, y, a, x.rows());
    }

    /**
     * The construction with only the first {@code neurons} ≤ n thresholds b_(1) < … < b_(k): w solves the leading
     * k × k triangular system, so the net interpolates the k smallest projections; the remaining points get the
     * affine continuation beyond b_(k), which their labels do not enter (2k + d weights). With k = n this is
     * {@link #construct(Backend, DenseMatrix, double[], double[])}.
     */
    public static MemorizingReluNet construct(Backend be, DenseMatrix x, double[] y, double[] a, int neurons) {
        int n = x.rows();
        if (y.length != n || a.length != x.cols() || n < 2 || neurons < 1 || neurons > n) {
            throw new IllegalArgumentException("X is " + x.shape() + ", y has " + y.length + " entries, a has "
                    + a.length + ", neurons " + neurons);
        }
        double[] z = project(be, x, a);
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> z[i]));
        double[] zs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            zs[i] = z[order[i]];
            ys[i] = y[order[i]];
        }
        double gap = minGap(zs);
        if (!(gap > 0)) {
            throw new IllegalArgumentException("projections a^T x_i are not distinct (min gap " + gap + ")");
        }
        double[] thresholds = new double[neurons];      // b_(j), interleaved with the sorted z
        thresholds[0] = zs[0] - 0.5 * (zs[1] - zs[0]);
        for (int j = 1; j < neurons; j++) {
            thresholds[j] = 0.5 * (zs[j - 1] + zs[j]);
        }
        double[] zk = Arrays.copyOf(zs, neurons), yk = Arrays.copyOf(ys, neurons);
        DenseMatrix am = features(zk, thresholds);
        double[] w = forwardSubstitution(am, yk);
        return new MemorizingReluNet(a.clone(), thresholds, w, am, yk, gap);
    }

    /** min_i (z_(i+1) − z_(i)) over the sorted values (+∞ for fewer than two). */
    static double minGap(double[] sorted) {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            gap = Math.min(gap, sorted[i] - sorted[i - 1]);
        }
        return gap;
    }

    /**
     * The construction's hypothesis (003, Zhang et al. Theorem 1; CLAIMS.md MEM-1): the projections z_i = aᵀx_i are
     * pairwise distinct, so that thresholds can be interleaved between them — numerically, distinct beyond the
     * rounding of the projections themselves: every gap between sorted z exceeds {@code roundOff} (two equal points
     * can come out of a GEMV a few ulps apart, and a threshold midway between them rounds onto one of them).
     */
    public static boolean distinctProjections(double[] z, double roundOff) {
        double[] s = z.clone();
        Arrays.sort(s);
        return minGap(s) > roundOff;
    }

    /**
     * 2·d·ε·max_i Σ_k |a_k||x_ik|: twice the bound on the rounding error of one computed projection aᵀx_i (an inner
     * product of length d), so two points whose projections differ by less could be equal.
     */
    public static double projectionRoundOff(DenseMatrix x, double[] a) {
        double worst = 0;
        for (int i = 0; i < x.rows(); i++) {
            double s = 0;
            for (int k = 0; k < a.length; k++) {
                s += Math.abs(a[k] * x.get(i, k));
            }
            worst = Math.max(worst, s);
        }
        return 2 * a.length * Math.ulp(1.0) * worst;
    }

    /** F_ij = ReLU(z_i − b_j) (n × n). */
    static DenseMatrix features(double[] z, double[] thresholds) {
        int n = z.length, m = thresholds.length;
        DenseMatrix f = DenseMatrix.zeros(n, m);
        double[] d = f.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                d[i * m + j] = Math.max(0.0, z[i] - thresholds[j]);
            }
        }
        return f;
    }

    /** Solves L w = y for lower-triangular L with non-zero diagonal (row-oriented forward substitution). */
    public static double[] forwardSubstitution(DenseMatrix lower, double[] y) {
        int n = lower.rows();
        if (lower.cols() != n || y.length != n) {
            throw new IllegalArgumentException("forward substitution needs a square system, got " + lower.shape()
                    + " and " + y.length);
        }
        double[] l = lower.data();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double s = y[i];
            for (int j = 0; j < i; j++) {
                s -= l[i * n + j] * w[j];
            }
            if (l[i * n + i] == 0) {
                throw new IllegalArgumentException("zero diagonal at " + i);
            }
            w[i] = s / l[i * n + i];
        }
        return w;
    }

    /**
     * f(x_i) = Σ_j w_j ReLU(aᵀx_i − b_j) for the rows of X, summed in increasing j on the heap: the n × k feature
     * matrix is never formed (at n = 2000 it is 32 MB per evaluation, and a native BLAS would copy it again).
     */
    public double[] evaluate(Backend be, DenseMatrix x) {
        return sums(project(be, x, a), w);
    }

    /**
     * (|F||w|)_i = Σ_j ReLU(aᵀx_i − b_j)|w_j| for the rows of X (F ≥ 0): the size of the terms that cancel to f(x_i).
     */
    public double[] absoluteProducts(Backend be, DenseMatrix x) {
        double[] absW = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            absW[j] = Math.abs(w[j]);
        }
        return sums(project(be, x, a), absW);
    }

    /** Σ_j c_j ReLU(z_i − b_j) for each z_i. */
    private double[] sums(double[] z, double[] c) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double s = 0, zi = z[i];
            for (int j = 0; j < b.length; j++) {
                s += Math.max(0.0, zi - b[j]) * c[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Number of weights: |a| + |b| + |w|. */
    public int parameterCount() {
        return a.length + b.length + w.length;
    }

    public double[] direction() {
        return a.clone();
    }

    public double[] thresholds() {
        return b.clone();
    }

    public double[] outputWeights() {
        return w.clone();
    }

    /** The triangular system matrix A (rows and columns in sorted order). */
    public DenseMatrix system() {
        return sortedA.copy();
    }

    /** Labels in sorted order (the right-hand side of A w = y). */
    public double[] sortedLabels() {
        return sortedY.clone();
    }

    /** min_i (z_(i+1) − z_(i)) > 0: the construction's hypothesis. */
    public double minGap() {
        return minGap;
    }

    /** (|A||w|)_i for the sorted rows (A ≥ 0 entrywise and lower triangular: a sum over j ≤ i). */
    public double[] absoluteProducts(Backend be) {
        int n = w.length;
        double[] l = sortedA.data(), out = new double[n];
        for (int i = 0; i < n; i++) {                 // A is lower triangular: columns j ≤ i only
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += l[i * n + j] * Math.abs(w[j]);
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * Componentwise (Oettli–Prager) backward error of the triangular solve: max_i |y − Aŵ|_i / (|A||ŵ| + |y|)_i, with
     * the residual accumulated in compensated (TwoSum/TwoProduct, Ogita–Rump–Oishi Dot2) arithmetic so that it
     * measures the solve and not the residual's own rounding.
     */
    public double backwardError(Backend be) {
        int n = w.length;
        double[] l = sortedA.data();
        double[] abs = absoluteProducts(be);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double s = sortedY[i], comp = 0;
            for (int j = 0; j <= i; j++) {
                double p = -l[i * n + j] * w[j];
                double pe = Math.fma(-l[i * n + j], w[j], -p);        // exact error of the product
                double t = s + p;
                double bb = t - s;
                comp += (s - (t - bb)) + (p - bb) + pe;               // TwoSum error + product error
                s = t;
            }
            double r = Math.abs(s + comp);
            worst = Math.max(worst, r / (abs[i] + Math.abs(sortedY[i])));
        }
        return worst;
    }
}
