package io.github.theorybench.claims.mem;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.ReluRegression;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded MEM-2 instance (CLAIMS.md MEM-2; 003, Zhang et al.'s randomization test): teacher direction u ~ N(0, I_d),
 * points x_i ~ N(0, I_d/d), clean labels sign(uᵀx_i); the order π in which labels get corrupted and the random signs
 * s_i they get (level c replaces the labels of π_1 … π_{round(cn)} by s_i, so the levels are nested and exact
 * fractions); the initialization (W₀ ~ N(0, 1) entries, a₀ ~ N(0, 1)) of the wide net and of the narrow control net;
 * and test points with clean labels — every draw in that order from one generator.
 */
public record RandomizationInstance(long seed, double[] teacher, DenseMatrix x, int[] corruptionOrder,
        double[] randomSigns, double[] theta0, int width, double[] controlTheta0, int controlWidth, DenseMatrix testX) {

    public static RandomizationInstance build(long seed, int n, int d, int width, int controlWidth, int testPoints) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        double[] u = RandomMatrices.gaussianVector(d, 1.0, rng);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0 / Math.sqrt(d), rng);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {                 // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] signs = new double[n];
        for (int i = 0; i < n; i++) {
            signs[i] = rng.nextBoolean() ? 1 : -1;
        }
        double[] theta = ReluRegression.pack(RandomMatrices.gaussian(width, d, 1.0, rng),
                RandomMatrices.gaussianVector(width, 1.0, rng));
        double[] control = ReluRegression.pack(RandomMatrices.gaussian(controlWidth, d, 1.0, rng),
                RandomMatrices.gaussianVector(controlWidth, 1.0, rng));
        DenseMatrix test = RandomMatrices.gaussian(testPoints, d, 1.0 / Math.sqrt(d), rng);
        return new RandomizationInstance(seed, u, x, order, signs, theta, width, control, controlWidth, test);
    }

    public int n() {
        return x.rows();
    }

    public int d() {
        return x.cols();
    }

    /** sign(uᵀz) for the rows z of {@code points} (+1 at 0). */
    public double[] teacherLabels(DenseMatrix points) {
        double[] out = new double[points.rows()];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int k = 0; k < teacher.length; k++) {
                s += teacher[k] * points.get(i, k);
            }
            out[i] = s >= 0 ? 1 : -1;
        }
        return out;
    }

    /** The training labels at corruption level c: the clean labels with round(c·n) of them replaced by random signs. */
    public double[] labels(double c) {
        double[] y = teacherLabels(x);
        int k = (int) Math.round(c * n());
        for (int i = 0; i < k; i++) {
            y[corruptionOrder[i]] = randomSigns[corruptionOrder[i]];
        }
        return y;
    }
}
