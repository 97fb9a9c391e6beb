package io.github.theorybench.claims.power;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * A seeded PWR-7 instance (CLAIMS.md PWR-7; 002): the symmetric sensing instance with the given target eigenvalues
 * ({@link SymmetricSensingInstance#build(Backend, long, RandomGenerator, int, int, double[])}), then for each rank r and
 * init s a Gaussian Ū ∈ R^{d×r} (r independent random directions), then for each (r, s) a rank-r* init G·R with
 * G ∈ R^{d×r*}, R ∈ R^{r*×r} Gaussian (the control: r columns but only r* directions) — every draw in that order from
 * one generator.
 *
 * @param seed the seed every draw came from
 * @param sensing target, measurements, Z and its eigen-decomposition
 * @param ranks the ranks r
 * @param inits per rank, its Gaussian inits
 * @param lowRankInits per rank, its rank-r* inits
 */
record AlignmentInstance(long seed, SymmetricSensingInstance sensing, List<Integer> ranks,
        List<List<DenseMatrix>> inits, List<List<DenseMatrix>> lowRankInits) {

    static AlignmentInstance build(Backend b, long seed, int d, int n, double[] eigenvalues, int initsPerRank,
            int rStar, List<Integer> ranks) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        SymmetricSensingInstance sensing = SymmetricSensingInstance.build(b, seed, rng, d, n, eigenvalues);
        List<List<DenseMatrix>> full = new ArrayList<>(), low = new ArrayList<>();
        for (int r : ranks) {
            List<DenseMatrix> mine = new ArrayList<>();
            for (int s = 0; s < initsPerRank; s++) {
                mine.add(RandomMatrices.gaussian(d, r, 1, rng));
            }
            full.add(mine);
        }
        for (int r : ranks) {
            List<DenseMatrix> mine = new ArrayList<>();
            for (int s = 0; s < initsPerRank; s++) {
                DenseMatrix g = RandomMatrices.gaussian(d, rStar, 1, rng);
                DenseMatrix mix = RandomMatrices.gaussian(rStar, r, 1, rng);
                mine.add(b.multiply(false, false, g, mix).toDense());
            }
            low.add(mine);
        }
        return new AlignmentInstance(seed, sensing, List.copyOf(ranks), full, low);
    }

    /** The inits of rank r (Gaussian, or rank-r* for the control). */
    List<DenseMatrix> inits(int r, boolean lowRank) {
        int k = ranks.indexOf(r);
        return (lowRank ? lowRankInits : inits).get(k);
    }
}
