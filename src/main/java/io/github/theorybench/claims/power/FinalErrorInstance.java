package io.github.theorybench.claims.power;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded PWR-5 instance (CLAIMS.md PWR-5, BAL setup; 002): target X diag(σ) Yᵀ with X, Y orthonormal, n Gaussian
 * measurements ({@link SensingInstance#build(Backend, long, RandomGenerator, int, int, double[], int, int, double)}
 * with r = r*, α = 1), then one pair Ū ∈ R^{d₁×r}, V̄ ∈ R^{d₂×r} with iid N(0, 1) entries per listed rank (the same
 * pair scaled by every α) — every draw in that order from one generator.
 *
 * @param seed the seed every draw came from
 * @param sensing target, measurements and labels
 * @param ranks the ranks r with an init pair, in draw order
 * @param uBars Ū per rank
 * @param vBars V̄ per rank
 */
record FinalErrorInstance(long seed, SensingInstance sensing, List<Integer> ranks, List<DenseMatrix> uBars,
        List<DenseMatrix> vBars) {

    static FinalErrorInstance build(Backend b, long seed, int d, int n, double[] singularValues, int... ranks) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        SensingInstance sensing = SensingInstance.build(b, seed, rng, d, d, singularValues, singularValues.length, n,
                1.0);
        List<Integer> rs = new ArrayList<>();
        List<DenseMatrix> us = new ArrayList<>(), vs = new ArrayList<>();
        for (int r : ranks) {
            rs.add(r);
            us.add(RandomMatrices.gaussian(d, r, 1, rng));
            vs.add(RandomMatrices.gaussian(d, r, 1, rng));
        }
        return new FinalErrorInstance(seed, sensing, rs, us, vs);
    }

    /** The starts α·(Ū, V̄) for every listed rank and α, rank-major: the instances {@link PlateauRuns} descends. */
    List<SensingInstance> starts(double[] alphas) {
        List<SensingInstance> out = new ArrayList<>();
        for (int i = 0; i < ranks.size(); i++) {
            for (double a : alphas) {
                out.add(sensing.withInit(uBars.get(i), vBars.get(i), a));
            }
        }
        return out;
    }
}
