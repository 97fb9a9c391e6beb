package io.github.theorybench.claims.support;

import java.util.Arrays;
import java.util.Random;

/**
 * A trend test that does not hinge on noisy medians being strictly ordered (Trust rule 3; CLAIMS.md DLS-1, MEM-2,
 * PWR-5): Spearman's ρ between x and y over all (x, seed) pairs, and a one-sided permutation p-value — the share of
 * random relabellings of y whose ρ is at least as extreme in the claimed direction, counted as (1 + hits)/(1 + B) so
 * that p is never 0. The permutations come from a fixed seed: the same data give the same p.
 *
 * @param rho Spearman's rank correlation (average ranks for ties)
 * @param pValue one-sided permutation p-value in the claimed direction
 * @param permutations number of permutations B
 * @param points number of (x, y) pairs
 * @param direction the claimed direction of the trend
 */
public record RankTrend(double rho, double pValue, int permutations, int points, Direction direction) {
    /** The claimed direction: y rises with x, or falls. */
    public enum Direction {
        INCREASING, DECREASING
    }

    /** Spearman's ρ of (x, y) and its one-sided permutation p-value with B = {@code permutations}. */
    public static RankTrend spearman(double[] x, double[] y, Direction direction, int permutations, long seed) {
        if (x.length != y.length || x.length < 3) {
            throw new IllegalArgumentException("a rank trend needs >= 3 pairs of equal length, got " + x.length
                    + " and " + y.length);
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be positive, got " + permutations);
        }
        double[] rx = ranks(x), ry = ranks(y);
        double rho = pearson(rx, ry);
        double sign = direction == Direction.INCREASING ? 1 : -1;
        Random rng = new Random(seed);
        double[] perm = ry.clone();
        int hits = 0;
        for (int b = 0; b < permutations; b++) {
            for (int i = perm.length - 1; i > 0; i--) {       // Fisher–Yates
                int j = rng.nextInt(i + 1);
                double t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            if (sign * pearson(rx, perm) >= sign * rho - 1e-12) {
                hits++;
            }
        }
        return new RankTrend(rho, (1.0 + hits) / (1.0 + permutations), permutations, x.length, direction);
    }

    /** Whether the trend is significant at level {@code alpha} in the claimed direction. */
    public boolean significant(double alpha) {
        return pValue < alpha;
    }

    /** Ranks 1..n, ties sharing their average rank. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0.0;
    }
}
