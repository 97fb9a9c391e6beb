package io.github.theorybench.model.features;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * The single-index targets of 004 (CLAIMS.md DLS): x ~ N(0, I_d), f*(x) = g(uᵀx) with g a combination of
 * probabilists' Hermite polynomials: the DLS-2 target g = He₂/2 + He_p/sqrt(2·p!) (E g² = 1/2 + 1/2 = 1 since
 * E He_k² = k!), the transfer target He₃/sqrt(3!) (DLS-3, DLS-5), and a pure He_p/sqrt(p!) (DLS-4's He₄-only
 * exploratory target, outside Assumption 2); labels y = f* + ε, ε uniform on {−ζ, +ζ}.
 */
public final class SingleIndexTask {
    private final double[] u;
    /** g = Σ_k coefficients[k]·He_k. */
    private final double[] coefficients;

    private SingleIndexTask(double[] u, double[] coefficients) {
        this.u = u;
        this.coefficients = coefficients;
    }

    /** The DLS-2 target He₂/2 + He_p/sqrt(2·p!) along a random unit direction u (p ≥ 3). */
    public static SingleIndexTask hermite(int d, int p, RandomGenerator rng) {
        if (p < 3) {
            throw new IllegalArgumentException("the DLS target needs p >= 3 (a He_p part beside He_2), got " + p);
        }
        double[] c = new double[p + 1];
        c[2] = 0.5;
        c[p] = 1.0 / Math.sqrt(2 * factorial(p));
        return new SingleIndexTask(RandomMatrices.unitRows(1, d, rng).data(), c);
    }

    /** He_p(uᵀx)/sqrt(p!) on the same direction (E g² = 1). */
    public SingleIndexTask pureHermite(int p) {
        double[] c = new double[p + 1];
        c[p] = 1.0 / Math.sqrt(factorial(p));
        return new SingleIndexTask(u, c);
    }

    /** The DLS-3 transfer target He₃(uᵀx)/sqrt(3!) on the same direction. */
    public SingleIndexTask transferTarget() {
        return pureHermite(3);
    }

    public double[] direction() {
        return u.clone();
    }

    public int dimension() {
        return u.length;
    }

    /** He_k(z) by the recurrence He_{k+1} = z He_k − k He_{k−1}, He₀ = 1, He₁ = z. */
    public static double hermite(int k, double z) {
        double prev = 1, cur = z;
        if (k == 0) {
            return prev;
        }
        for (int j = 1; j < k; j++) {
            double next = z * cur - j * prev;
            prev = cur;
            cur = next;
        }
        return cur;
    }

    static double factorial(int k) {
        double f = 1;
        for (int j = 2; j <= k; j++) {
            f *= j;
        }
        return f;
    }

    /** g(z). */
    public double target(double z) {
        double s = 0;
        for (int k = 0; k < coefficients.length; k++) {
            if (coefficients[k] != 0) {
                s += coefficients[k] * hermite(k, z);
            }
        }
        return s;
    }

    /** The He₂ component alone (what a model that learns only the quadratic part recovers). */
    public double quadraticPart(double z) {
        return coefficients.length > 2 ? coefficients[2] * hermite(2, z) : 0.0;
    }

    /** A sample: inputs (n × d), clean targets f*(x), noisy labels. */
    public record Sample(DenseMatrix x, double[] clean, double[] labels) {
    }

    /** f*(x_i) = g(uᵀx_i) for every row of X. */
    public double[] clean(DenseMatrix x) {
        int n = x.rows(), d = u.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int k = 0; k < d; k++) {
                z += u[k] * x.get(i, k);
            }
            out[i] = target(z);
        }
        return out;
    }

    /** Labels on given inputs: clean targets plus ±ζ, one coin flip of {@code rng} per point. */
    public Sample sampleAt(DenseMatrix x, double zeta, RandomGenerator rng) {
        double[] clean = clean(x), labels = new double[clean.length];
        for (int i = 0; i < clean.length; i++) {
            labels[i] = clean[i] + (rng.nextBoolean() ? zeta : -zeta);
        }
        return new Sample(x, clean, labels);
    }

    /** n fresh inputs x ~ N(0, I_d) (drawn first), then the labels' coin flips. */
    public Sample sample(int n, double zeta, RandomGenerator rng) {
        return sampleAt(RandomMatrices.gaussian(n, u.length, 1.0, rng), zeta, rng);
    }
}
