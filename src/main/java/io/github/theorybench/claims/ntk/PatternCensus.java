package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;

/**
 * A Monte Carlo census of ReLU activation patterns (CLAIMS.md NTK-4: "independent Monte Carlo, n = md = 12, d = 3,
 * m = 4: full rank in 632 of 4000 instances; an all-inactive point in 1637; > d points sharing one pattern in 1341;
 * a neuron pair differing on < d points in 365"): how many of {@code instances} seeded {@link RankInstance}s fall in
 * each {@link ReluPattern.Cause}, each instance counted once, under its first cause.
 *
 * @param instances instances drawn
 * @param counts counts[c] for cause c (indexed by {@link ReluPattern.Cause#ordinal()})
 */
public record PatternCensus(int instances, int[] counts) {
    /** The census of {@code instances} instances of size n × d, width m, seeds from {@code seeds}. */
    public static PatternCensus of(Backend backend, SeedStream seeds, int instances, int n, int d, int m) {
        int[] counts = new int[ReluPattern.Cause.values().length];
        for (int k = 0; k < instances; k++) {
            counts[ReluPattern.of(backend, RankInstance.build(seeds.seed(k), n, d, m)).cause().ordinal()]++;
        }
        return new PatternCensus(instances, counts);
    }

    /** The share of instances whose first cause is {@code c} ({@link ReluPattern.Cause#NONE}: full rank). */
    public double share(ReluPattern.Cause c) {
        return (double) counts[c.ordinal()] / instances;
    }
}
