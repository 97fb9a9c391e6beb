package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.support.RankTrend;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.Arrays;

/** Scratch probe: DLS-1's permuted-label share by n over many blocks, and the trend test's flag rate. */
public final class PermutedTrendProbe {
    public static void main(String[] a) {
        int blocks = Integer.parseInt(a[0]);
        int firstBlock = a.length > 1 ? Integer.parseInt(a[1]) : 1;
        FeatureLearningCheck.Sizes z = FeatureLearningCheck.Sizes.claims();
        Backend backend = Backends.byName("openblas");
        TwoLayerFeatureLearner learner = new TwoLayerFeatureLearner(backend, z.m());
        int[] ns = z.ns();
        int per = z.seeds();
        // [variant][n][instance]: 0 = the check's statistic, 1 = labels with the linear part removed exactly
        // (least squares on [1, X]), 2 = the rank-one part's share ((v.u)^2/|v|^2 of v = sum r_i x_i)
        double[][][] share = new double[3][ns.length][blocks * per];
        double[][] p = new double[3][blocks];
        for (int b = 0; b < blocks; b++) {
            long block = firstBlock + b;
            SeedStream seeds = SeedStream.of(block, "DLS-1..3");
            double[][] blockShares = new double[2][ns.length * per];
            double[] lnN = new double[ns.length * per];
            int k = 0;
            for (int s = 0; s < per; s++) {
                FeatureLearningInstance inst = FeatureLearningInstance.build(seeds.seed(s), z);
                double[] u = inst.task().direction();
                for (int q = 0; q < ns.length; q++) {
                    FeatureLearningInstance.Train tr = inst.trains().get(q);
                    DenseMatrix x = tr.sample().x();
                    double[] y = tr.permutedLabels();
                    double[] r = learner.preprocess(x, y).y();
                    double s0 = learner.subspaceShare(learner.initialGradient(inst.algorithmOne().init(), x, r), u);
                    double[] rLs = x.rows() > x.cols() + 1 ? leastSquaresResidual(x, y) : r;
                    double s1 = learner.subspaceShare(learner.initialGradient(inst.algorithmOne().init(), x, rLs), u);
                    double[] v = new double[x.cols()];
                    for (int i = 0; i < x.rows(); i++) {
                        for (int c = 0; c < x.cols(); c++) {
                            v[c] += r[i] * x.get(i, c);
                        }
                    }
                    double vu = 0, vv = 0;
                    for (int c = 0; c < v.length; c++) {
                        vu += v[c] * u[c];
                        vv += v[c] * v[c];
                    }
                    int idx = b * per + s;
                    share[0][q][idx] = s0;
                    share[1][q][idx] = s1;
                    share[2][q][idx] = vu * vu / vv;
                    blockShares[0][k] = s0;
                    blockShares[1][k] = s1;
                    lnN[k] = Math.log(tr.n());
                    k++;
                }
            }
            long trendSeed = SeedStream.of(block, "DLS-1/trend").seed(1);
            RankTrend t0 = RankTrend.spearman(lnN, blockShares[0], RankTrend.Direction.INCREASING, z.permutations(),
                    trendSeed);
            p[0][b] = t0.pValue();
            double[] lnNc = lnN.clone(), sc = blockShares[0].clone();
            double mx = Arrays.stream(lnNc).average().orElse(0), my = Arrays.stream(sc).average().orElse(0);
            double sxy = 0, sxx = 0, syy = 0;
            for (int i = 0; i < sc.length; i++) {
                sxy += (lnNc[i] - mx) * (sc[i] - my); sxx += (lnNc[i] - mx) * (lnNc[i] - mx); syy += (sc[i] - my) * (sc[i] - my);
            }
            System.out.printf("block %d rho %.4f pearson %.4f%n", block, t0.rho(), sxy / Math.sqrt(sxx * syy));
            // n >= 32 only (exact removal of [1, X] needs n > d + 1): both statistics on the same pairs
            int keep = 0;
            for (double l : lnN) { if (l > Math.log(11)) keep++; }
            double[] l2 = new double[keep], a0 = new double[keep], a1 = new double[keep];
            for (int i = 0, j = 0; i < lnN.length; i++) {
                if (lnN[i] > Math.log(11)) { l2[j] = lnN[i]; a0[j] = blockShares[0][i]; a1[j] = blockShares[1][i]; j++; }
            }
            p[1][b] = RankTrend.spearman(l2, a1, RankTrend.Direction.INCREASING, z.permutations(), trendSeed).pValue();
            p[2][b] = RankTrend.spearman(l2, a0, RankTrend.Direction.INCREASING, z.permutations(), trendSeed).pValue();
            System.out.printf("block %d: p = %.4f (check's statistic), n >= 32: %.4f (check's), %.4f (exact linear removal)%n",
                    block, p[0][b], p[2][b], p[1][b]);
        }
        String[] names = {"check's statistic", "exact linear removal", "rank-one part (v.u)^2/|v|^2"};
        for (int v = 0; v < 3; v++) {
            System.out.println("== " + names[v]);
            for (int q = 0; q < ns.length; q++) {
                double[] xs = share[v][q].clone();
                Arrays.sort(xs);
                double mean = Arrays.stream(xs).average().orElse(Double.NaN);
                System.out.printf("n = %4d: mean %.4f  median %.4f  q10 %.4f  q90 %.4f%n", ns[q], mean,
                        xs[xs.length / 2], xs[xs.length / 10], xs[xs.length * 9 / 10]);
            }
        }
        String[] pn = {"check's statistic, all n", "exact linear removal, n >= 32", "check's statistic, n >= 32"};
        for (int v = 0; v < 3; v++) {
            long flagged = Arrays.stream(p[v]).filter(x -> x >= 0.01).count();
            long below05 = Arrays.stream(p[v]).filter(x -> x < 0.05).count();
            System.out.printf("%s: control flagged (p >= 0.01) in %d/%d blocks; p < 0.05 in %d%n", pn[v], flagged,
                    blocks, below05);
        }
    }

    /** y minus its least-squares fit on [1, X] (normal equations, d + 1 unknowns). */
    static double[] leastSquaresResidual(DenseMatrix x, double[] y) {
        int n = x.rows(), d = x.cols() + 1;
        double[][] g = new double[d][d + 1];
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            row[0] = 1;
            for (int c = 1; c < d; c++) {
                row[c] = x.get(i, c - 1);
            }
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    g[r][c] += row[r] * row[c];
                }
                g[r][d] += row[r] * y[i];
            }
        }
        for (int c = 0; c < d; c++) {            // Gauss-Jordan with partial pivoting
            int piv = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(g[r][c]) > Math.abs(g[piv][c])) {
                    piv = r;
                }
            }
            double[] t = g[c]; g[c] = g[piv]; g[piv] = t;
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double f = g[r][c] / g[c][c];
                    for (int q = c; q <= d; q++) {
                        g[r][q] -= f * g[c][q];
                    }
                }
            }
        }
        double[] res = y.clone();
        for (int i = 0; i < n; i++) {
            double fit = g[0][d] / g[0][0];
            for (int c = 1; c < d; c++) {
                fit += g[c][d] / g[c][c] * x.get(i, c - 1);
            }
            res[i] -= fit;
        }
        return res;
    }
}
