package io.github.theorybench.claims.ntk;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded NTK-5 initialization of f = κ/√m Σ_j a_j relu(w_jᵀx) at width m (CLAIMS.md NTK-5): w_j ~ N(0, I_d),
 * a_j ~ N(0, 1) (NTK-2's draws, so Θ∞ is NTK-2's kernel), either iid ("random": f₀ is O(κ), not small at κ = 1) or
 * antisymmetric (the first m/2 neurons drawn, then w_{j+m/2} = w_j, a_{j+m/2} = −a_j, so f₀ = 0 at every x). Draws:
 * W's rows, then a, for the neurons drawn.
 */
public record PredictorInit(Kind kind, DenseMatrix w, double[] a) {
    /** How the neurons are drawn. */
    public enum Kind {
        ANTISYMMETRIC("antisymmetric"), RANDOM("random");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static PredictorInit build(long seed, int d, int m, Kind kind) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        if (kind == Kind.RANDOM) {
            return new PredictorInit(kind, RandomMatrices.gaussian(m, d, 1.0, rng), RandomMatrices.gaussianVector(m,
                    1.0, rng));
        }
        if (m % 2 != 0) {
            throw new IllegalArgumentException("antisymmetric init needs an even width, got " + m);
        }
        int half = m / 2;
        DenseMatrix w0 = RandomMatrices.gaussian(half, d, 1.0, rng);
        double[] a0 = RandomMatrices.gaussianVector(half, 1.0, rng);
        DenseMatrix w = DenseMatrix.zeros(m, d);
        double[] a = new double[m];
        for (int j = 0; j < half; j++) {
            for (int c = 0; c < d; c++) {
                w.set(j, c, w0.get(j, c));
                w.set(j + half, c, w0.get(j, c));
            }
            a[j] = a0[j];
            a[j + half] = -a0[j];
        }
        return new PredictorInit(kind, w, a);
    }
}
