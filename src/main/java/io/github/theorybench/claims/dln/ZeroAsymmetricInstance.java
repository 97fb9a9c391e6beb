package io.github.theorybench.claims.dln;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded DLN-1 instance (CLAIMS.md DLN-1; 003 Theorem 4.3, Wu, Wang &amp; E): R = ½‖W_L⋯W₁ − Φ‖_F² with
 * W_l ∈ R^{d×d} (l &lt; L), W_L ∈ R^{d_y×d}. The target Φ has iid N(0, 1) entries rescaled to ‖Φ‖_F = {@code phiNorm}:
 * the one random draw, from {@code seed}.
 */
public record ZeroAsymmetricInstance(long seed, int depth, int d, int dy, double phiNorm, DenseMatrix phi) {

    public static ZeroAsymmetricInstance build(long seed, int depth, int d, int dy, double phiNorm) {
        DenseMatrix phi = RandomMatrices.gaussian(dy, d, 1.0, RandomMatrices.rng(seed));
        return new ZeroAsymmetricInstance(seed, depth, d, dy, phiNorm, phi.scale(phiNorm / phi.frobeniusNorm()));
    }

    /** φ = max{2‖Φ‖_F, 3/√L, 1} (003 Thm 4.3). */
    public double phiConstant() {
        return Math.max(Math.max(2 * phiNorm, 3 / Math.sqrt(depth)), 1.0);
    }

    /** η* = min{1/(4L³φ⁶), 1/(144L²φ⁴)} (003 Thm 4.3). */
    public double stepBound() {
        return stepBound(depth, phiNorm);
    }

    /** η* of 003 Theorem 4.3 at depth L and ‖Φ‖_F. */
    static double stepBound(int depth, double phiNorm) {
        double phi = Math.max(Math.max(2 * phiNorm, 3 / Math.sqrt(depth)), 1.0);
        return Math.min(1.0 / (4 * Math.pow(depth, 3) * Math.pow(phi, 6)), 1.0 / (144.0 * depth * depth
                * Math.pow(phi, 4)));
    }

    /** The zero-asymmetric init: W_l(0) = I (l &lt; L), W_L(0) = 0. */
    public List<DenseMatrix> zeroAsymmetricInit() {
        List<DenseMatrix> init = new ArrayList<>();
        for (int l = 1; l < depth; l++) {
            init.add(DenseMatrix.identity(d));
        }
        init.add(DenseMatrix.zeros(dy, d));
        return init;
    }

    /** R as a deep linear net: X = I, Y = Φ, c = 1 (model/DeepLinearNet). */
    public DeepLinearNet net(Backend b) {
        int[] dims = new int[depth + 1];
        for (int l = 0; l < depth; l++) {
            dims[l] = d;
        }
        dims[depth] = dy;
        return new DeepLinearNet(b, dims, 1.0, DenseMatrix.identity(d), phi);
    }

    /**
     * DLN-1's hypothesis (003 Thm 4.3): the step is within the theorem's bound, η ≤ η*, and the run starts from the
     * zero-asymmetric init.
     */
    public boolean meetsHypothesis(double eta, List<DenseMatrix> init) {
        return eta <= stepBound() && isZeroAsymmetric(init);
    }

    /** W_l = I exactly for l &lt; L and W_L = 0 exactly, with the shapes of this instance. */
    public boolean isZeroAsymmetric(List<DenseMatrix> init) {
        if (init.size() != depth) {
            return false;
        }
        for (int l = 0; l < depth; l++) {
            DenseMatrix w = init.get(l);
            int rows = l == depth - 1 ? dy : d;
            if (w.rows() != rows || w.cols() != d) {
                return false;
            }
            DenseMatrix expected = l == depth - 1 ? DenseMatrix.zeros(dy, d) : DenseMatrix.identity(d);
            if (!java.util.Arrays.equals(w.data(), expected.data())) {
                return false;
            }
        }
        return true;
    }
}
