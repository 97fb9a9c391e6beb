package io.github.theorybench.claims.power;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded symmetric PWR instance (CLAIMS.md PWR; 002): M* = XXᵀ with the given eigenvalues, n symmetric Gaussian
 * measurements ({@link SymmetricSensingInstance#build(Backend, long, RandomGenerator, int, int, double[])}), then
 * {@code initsPerRank} matrices Ū ∈ R^{d×r} with iid N(0, 1) entries for each listed rank, rank by rank (U₀ = αŪ for
 * every α) — every draw in that order from one generator, so a test that rebuilds the instance from its seed gets the
 * same numbers.
 *
 * @param seed the seed every draw came from
 * @param sensing target, measurements, Z and its eigen-decomposition
 * @param ranks the ranks r with inits, in draw order
 * @param inits per rank (in the order of {@code ranks}), its Ū's in draw order
 */
record SpectralInstance(long seed, SymmetricSensingInstance sensing, List<Integer> ranks,
        List<List<DenseMatrix>> inits) {
    /** The family's target spectrum: ‖XXᵀ‖₂ = 1, λ₂(XXᵀ) = 0.8. */
    static final double[] EIGENVALUES = {1.0, 0.8};

    static SpectralInstance build(Backend b, long seed, int d, int n, double[] eigenvalues, int initsPerRank,
            int... ranks) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        SymmetricSensingInstance sensing = SymmetricSensingInstance.build(b, seed, rng, d, n, eigenvalues);
        List<Integer> rs = new ArrayList<>();
        List<List<DenseMatrix>> inits = new ArrayList<>();
        for (int r : ranks) {
            rs.add(r);
            List<DenseMatrix> mine = new ArrayList<>();
            for (int s = 0; s < initsPerRank; s++) {
                mine.add(RandomMatrices.gaussian(d, r, 1, rng));
            }
            inits.add(mine);
        }
        return new SpectralInstance(seed, sensing, rs, inits);
    }

    /** The first Ū of rank r. */
    DenseMatrix init(int r) {
        return init(r, 0);
    }

    /** Ū number s of rank r. */
    DenseMatrix init(int r, int s) {
        int k = ranks.indexOf(r);
        if (k < 0) {
            throw new IllegalArgumentException("no init of rank " + r + " in " + ranks);
        }
        return inits.get(k).get(s);
    }
}
