package io.github.theorybench.claims.dln;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded DLN-2 regression (CLAIMS.md DLN-2; 003 Theorem 4.1, Du &amp; Hu): X ∈ R^{d_in×n} and Y ∈ R^{d_out×n} with
 * iid N(0, 1) entries, drawn in that order from {@code seed}. The network's N(0, 1) init at width m is drawn from its
 * own seed by {@link #gaussianInit}.
 */
public record DuHuInstance(long seed, DenseMatrix x, DenseMatrix y) {

    public static DuHuInstance build(long seed, int dIn, int n, int dOut) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(dIn, n, 1.0, rng);
        DenseMatrix y = RandomMatrices.gaussian(dOut, n, 1.0, rng);
        return new DuHuInstance(seed, x, y);
    }

    public int dIn() {
        return x.rows();
    }

    public int n() {
        return x.cols();
    }

    public int dOut() {
        return y.rows();
    }

    /** d_in, m, …, m, d_out: L layers, L − 1 hidden ones of width m. */
    public int[] dims(int depth, int m) {
        int[] dims = new int[depth + 1];
        dims[0] = dIn();
        for (int l = 1; l < depth; l++) {
            dims[l] = m;
        }
        dims[depth] = dOut();
        return dims;
    }

    /** The scaling c = (m^{L−1} d_out)^{−1/2} of 003 eq. (1). */
    public double scale(int depth, int m) {
        return 1 / Math.sqrt(Math.pow(m, depth - 1) * dOut());
    }

    /** ℓ = ½‖c W_L⋯W₁X − Y‖_F² at width m. */
    public DeepLinearNet net(Backend b, int depth, int m) {
        return new DeepLinearNet(b, dims(depth, m), scale(depth, m), x, y);
    }

    /** The Du–Hu init: every entry of every layer iid N(0, 1), layer by layer from {@code seed}. */
    public List<DenseMatrix> gaussianInit(long seed, int depth, int m) {
        int[] dims = dims(depth, m);
        RandomGenerator rng = RandomMatrices.rng(seed);
        List<DenseMatrix> init = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            init.add(RandomMatrices.gaussian(dims[l], dims[l - 1], 1.0, rng));
        }
        return init;
    }

    /** The least-squares fit the rate and the excess loss refer to. */
    public Fit fit(Backend b) {
        double[] s = b.svd(b.adopt(x)).s();
        int rank = 0;
        for (double v : s) {
            rank += v > s[0] * 1e-12 ? 1 : 0;
        }
        // Φ̂ᵀ = argmin ‖XᵀΦᵀ − Yᵀ‖ (least squares), Ŷ = Φ̂X.
        DenseMatrix phiT = b.leastSquares(b.adopt(x.transpose()), b.adopt(y.transpose()));
        DenseMatrix yHat = b.multiply(true, false, b.adopt(phiT), b.adopt(x)).toDense();
        double opt = 0.5 * Math.pow(yHat.plusScaled(-1, y).frobeniusNorm(), 2);
        return new Fit(dOut(), yHat, opt, s[0] * s[0], s[rank - 1] * s[rank - 1], rank, b.svd(b.adopt(phiT)).max());
    }

    /**
     * The least-squares fit Ŷ = YX⁺X, OPT = ½‖Y − Ŷ‖², and the spectrum of XᵀX the step and rate come from.
     *
     * @param dOut output dimension
     * @param yHat Ŷ
     * @param opt the least-squares optimum OPT
     * @param lambdaMax ‖XᵀX‖₂
     * @param lambdaR λ_r(XᵀX), r = rank X
     * @param rank r
     * @param phiNorm ‖Φ̂‖₂ of the least-squares map Φ̂ = YX⁺
     */
    public record Fit(int dOut, DenseMatrix yHat, double opt, double lambdaMax, double lambdaR, int rank,
            double phiNorm) {
        /** η = d_out/(3L‖XᵀX‖₂) (003 Thm 4.1). */
        public double eta(int depth) {
            return dOut / (3.0 * depth * lambdaMax);
        }

        /** The bound's contraction ηLλ_r(XᵀX)/(4 d_out) (003 Thm 4.1). */
        public double rate(int depth) {
            return eta(depth) * depth * lambdaR / (4.0 * dOut);
        }

        /** κ = λ_max/λ_r of XᵀX. */
        public double kappa() {
            return lambdaMax / lambdaR;
        }

        /**
         * The first term of Du &amp; Hu's width condition (003 eq. (4)) without its unspecified constant C:
         * L·r·κ³·d_out·(1 + ‖Φ̂‖²). The theorem asks for m ≥ C times (at least) this.
         */
        public double widthConditionOverC(int depth) {
            return depth * rank * Math.pow(kappa(), 3) * dOut * (1 + phiNorm * phiNorm);
        }

        /**
         * The part of 003 Theorem 4.1's hypothesis a run can be checked against: the step η ≤ d_out/(3L‖XᵀX‖₂), the
         * output scaling c = (m^{L−1}d_out)^{−1/2} of eq. (1), and λ_r(XᵀX) &gt; 0. The width condition
         * m ≥ C·(…) has an unspecified constant C: it is what the doubling sweep measures, not a predicate.
         */
        public boolean meetsTestableHypothesis(int depth, int m, double eta, double scale) {
            return eta > 0 && eta <= eta(depth) && scale == 1 / Math.sqrt(Math.pow(m, depth - 1) * dOut)
                    && lambdaR > 0;
        }
    }
}
