package io.github.theorybench.model.features;

import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import org.hipparchus.random.RandomGenerator;

/**
 * The single-index targets of 004 (CLAIMS.md DLS): x ~ N(0, I_d), f*(x) = g(uᵀx) with probabilists' Hermite
 * polynomials, g = He₂/2 + He_p/sqrt(2·p!) (E g² = 1/2 + 1/2 = 1 since E He_k² = k!), or the transfer target
 * He₃/sqrt(3!); labels y = f* + ε, ε uniform on {−ζ, +ζ}.
 */
public final class SingleIndexTask {
    private final double[] u;
    private final int p;
    private final boolean transfer;

    private SingleIndexTask(double[] u, int p, boolean transfer) {
        this.u = u;
        this.p = p;
        this.transfer = transfer;
    }

    /** The DLS-2 target He₂/2 + He_p/sqrt(2·p!) along a random unit direction u. */
    public static SingleIndexTask hermite(int d, int p, RandomGenerator rng) {
        return new SingleIndexTask(RandomMatrices.unitRows(1, d, rng).data(), p, false);
    }

    /** The DLS-3 transfer target He₃(uᵀx)/sqrt(3!) on the same direction. */
    public SingleIndexTask transferTarget() {
        return new SingleIndexTask(u, 3, true);
    }

    public double[] direction() {
        return u.clone();
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

    public double target(double z) {
        if (transfer) {
            return hermite(3, z) / Math.sqrt(factorial(3));
        }
        return hermite(2, z) / 2 + hermite(p, z) / Math.sqrt(2 * factorial(p));
    }

    /** The He₂/2 component alone (what a model that learns only the quadratic part recovers). */
    public double quadraticPart(double z) {
        return transfer ? 0 : hermite(2, z) / 2;
    }

    /** A sample: inputs (n × d), clean targets f*(x), noisy labels. */
    public record Sample(DenseMatrix x, double[] clean, double[] labels) {
    }

    public Sample sample(int n, double zeta, RandomGenerator rng) {
        int d = u.length;
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        double[] clean = new double[n], labels = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int k = 0; k < d; k++) {
                z += u[k] * x.get(i, k);
            }
            clean[i] = target(z);
            labels[i] = clean[i] + (rng.nextBoolean() ? zeta : -zeta);
        }
        return new Sample(x, clean, labels);
    }
}
