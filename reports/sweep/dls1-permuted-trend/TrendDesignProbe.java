package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.support.RankTrend;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.Random;

/**
 * DLS-1's trend criterion on independent seed blocks, at CLAIMS.md's sizes (d = 10, m = 2000, 20 seeds a block,
 * n in {10, 32, 100, 200, 500, 1000}), exactly the check's instances (FeatureLearningInstance.build with the check's
 * SeedStream): per block, the claim's trend (f*'s labels) and the control's (labels permuted against x) by the check's
 * statistic (Spearman rho, one-sided permutation p, RankTrend with the check's trend seeds) and by Pearson's r of the
 * share against ln n (one-sided permutation p with the same count). One line per block:
 * block, spearman rho/p claim, spearman rho/p control, pearson r/p claim, pearson r/p control, and the control's
 * share mean and median at n = 10 and n = 1000.
 */
public final class TrendDesignProbe {
    public static void main(String[] a) {
        int blocks = Integer.parseInt(a[0]);
        int first = Integer.parseInt(a[1]);
        FeatureLearningCheck.Sizes z = FeatureLearningCheck.Sizes.claims();
        TwoLayerFeatureLearner learner = new TwoLayerFeatureLearner(Backends.byName("openblas"), z.m());
        int[] ns = z.ns();
        System.out.println("block spearmanRhoClaim spearmanPClaim spearmanRhoControl spearmanPControl "
                + "pearsonRClaim pearsonPClaim pearsonRControl pearsonPControl");
        for (int b = 0; b < blocks; b++) {
            long block = first + b;
            SeedStream seeds = SeedStream.of(block, "DLS-1..3");
            int k = ns.length * z.seeds();
            double[] lnN = new double[k], claim = new double[k], control = new double[k];
            int i = 0;
            for (int s = 0; s < z.seeds(); s++) {
                FeatureLearningInstance inst = FeatureLearningInstance.build(seeds.seed(s), z);
                double[] u = inst.task().direction();
                for (FeatureLearningInstance.Train tr : inst.trains()) {
                    DenseMatrix x = tr.sample().x();
                    lnN[i] = Math.log(tr.n());
                    claim[i] = learner.subspaceShare(learner.initialGradient(inst.algorithmOne().init(), x,
                            learner.preprocess(x, tr.sample().labels()).y()), u);
                    control[i] = learner.subspaceShare(learner.initialGradient(inst.algorithmOne().init(), x,
                            learner.preprocess(x, tr.permutedLabels()).y()), u);
                    i++;
                }
            }
            SeedStream trend = SeedStream.of(block, "DLS-1/trend");
            RankTrend sc = RankTrend.spearman(lnN, claim, RankTrend.Direction.INCREASING, z.permutations(), trend.seed(0));
            RankTrend sk = RankTrend.spearman(lnN, control, RankTrend.Direction.INCREASING, z.permutations(),
                    trend.seed(1));
            double[] pc = pearsonTrend(lnN, claim, z.permutations(), trend.seed(0));
            double[] pk = pearsonTrend(lnN, control, z.permutations(), trend.seed(1));
            System.out.printf("%d %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f%n", block, sc.rho(), sc.pValue(), sk.rho(),
                    sk.pValue(), pc[0], pc[1], pk[0], pk[1]);
        }
    }

    /** Pearson r of (x, y) and its one-sided (increasing) permutation p = (1 + hits)/(1 + B). */
    static double[] pearsonTrend(double[] x, double[] y, int permutations, long seed) {
        double r = r(x, y);
        Random rng = new Random(seed);
        double[] perm = y.clone();
        int hits = 0;
        for (int b = 0; b < permutations; b++) {
            for (int i = perm.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            if (r(x, perm) >= r - 1e-12) {
                hits++;
            }
        }
        return new double[] {r, (1.0 + hits) / (1.0 + permutations)};
    }

    static double r(double[] a, double[] b) {
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
        return sab / Math.sqrt(saa * sbb);
    }
}
