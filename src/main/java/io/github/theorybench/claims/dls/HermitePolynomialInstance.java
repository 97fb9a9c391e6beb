package io.github.theorybench.claims.dls;

import io.github.theorybench.model.HermiteExpansion;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded DLS-6 instance (CLAIMS.md DLS-6; 002, the Hermite expansion): a polynomial f in d variables with an iid
 * N(0, 1) coefficient on every monomial of total degree ≤ {@code degree} (graded order), then {@code points} test
 * points uniform in [−3, 3]^d — every draw in that order from {@code seed}. {@link #square()} is the notes' own
 * example f = x² (d = 1), with the same test points' rule.
 */
public record HermitePolynomialInstance(long seed, String name, HermiteExpansion.Polynomial f, double[][] points) {
    /** Test points are uniform on [−BOX, BOX]^d (±3 standard deviations). */
    static final double BOX = 3;

    public static HermitePolynomialInstance build(long seed, int d, int degree, int points) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        List<int[]> mono = HermiteExpansion.Polynomial.monomials(d, degree);
        double[] c = new double[mono.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = rng.nextGaussian();
        }
        HermiteExpansion.Polynomial f = new HermiteExpansion.Polynomial(d, mono.toArray(new int[0][]), c);
        return new HermitePolynomialInstance(seed, "random, d=" + d + ", degree " + degree, f, points(rng, d, points));
    }

    /** f(x) = x² in d = 1, the example for which the printed series gives 2x² − 2. */
    public static HermitePolynomialInstance square(long seed, int points) {
        HermiteExpansion.Polynomial f = new HermiteExpansion.Polynomial(1, new int[][] {{2}}, new double[] {1});
        return new HermitePolynomialInstance(seed, "x^2", f, points(RandomMatrices.rng(seed), 1, points));
    }

    private static double[][] points(RandomGenerator rng, int d, int n) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = BOX * (2 * rng.nextDouble() - 1);
            }
        }
        return x;
    }

    public int d() {
        return f.d();
    }

    /**
     * DLS-6's hypothesis as the check can assert it: f is a polynomial of degree ≤ {@code maxDegree} in
     * d ≤ {@code maxDim} variables (so its expansion stops at t = deg f), and the Gauss–Hermite rule with q nodes per
     * coordinate integrates every E[f·S_t] and E[∇^t f] exactly: each coordinate's degree in f·S_t is at most 2·deg f,
     * and the rule is exact up to 2q − 1.
     */
    public static boolean quadratureIsExact(HermiteExpansion.Polynomial f, int q, int maxDegree, int maxDim) {
        int deg = f.degree();
        return f.d() >= 1 && f.d() <= maxDim && deg <= maxDegree && 2 * deg <= 2 * q - 1;
    }
}
