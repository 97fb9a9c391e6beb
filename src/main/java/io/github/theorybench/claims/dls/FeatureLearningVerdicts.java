package io.github.theorybench.claims.dls;

import static io.github.theorybench.claims.dls.FeatureLearningCheck.D;

import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.dls.FeatureLearningCheck.Measurement;
import io.github.theorybench.claims.dls.FeatureLearningRun.AtSize;
import io.github.theorybench.claims.dls.FeatureLearningRun.Method;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.Quantiles;
import io.github.theorybench.claims.support.RankTrend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rows of DLS-1..3, decided from a {@link Measurement} alone (no I/O, random numbers or backend), with
 * CLAIMS.md's thresholds. "≥" rules are windows [threshold, 1] so that {@link Verdict#margin()} reads the distance
 * below the threshold; "&lt;" rules are strict, observed against the bound.
 */
final class FeatureLearningVerdicts {
    /** DLS-1: median share of ‖W₁‖_F² along u at n = 2d² must be ≥ 0.4 (a share is at most 1). */
    static final double SHARE_THRESHOLD = 0.4;
    /** DLS-1: the rank trend is significant when its one-sided permutation p is below 0.01. */
    static final double TREND_LEVEL = 0.01;
    /** DLS-2, DLS-3: the candidate's median must be below half of the baselines' medians. */
    static final double RATIO_BOUND = 0.5;
    /** DLS-2: Algorithm 1 must beat random features on at least 90% of the seeds at each n ≥ d². */
    static final double WIN_RATE = 0.9;

    private FeatureLearningVerdicts() {
    }

    /** The per-seed values at size n of every run (or only the full runs). */
    static double[] values(Measurement m, int n, ToDoubleFunction<AtSize> f, boolean fullOnly) {
        return m.runs().stream().filter(r -> r.full() || !fullOnly).mapToDouble(r -> f.applyAsDouble(r.at(n)))
                .toArray();
    }

    static double[] mse(Measurement m, int n, Method method, boolean fullOnly) {
        return values(m, n, a -> a.mse(method), fullOnly);
    }

    /** Assumption 2 held on every seed's target. */
    static boolean assumptionTwo(Measurement m) {
        return m.runs().stream().allMatch(r -> Math.abs(r.hessianScale()) > DlsHypotheses.HESSIAN_ZERO);
    }

    private static Verdict.Builder row(Criterion c, Measurement m) {
        return Verdict.builder(c).at(m.provenance()).measure("zeta", FeatureLearningCheck.ZETA);
    }

    /** DLS-1: share at n = 2d², the rank trend over n, and both on permuted labels (the controls). */
    static List<Verdict> subspace(Measurement m) {
        int shareN = 2 * D * D;
        boolean hyp = assumptionTwo(m) && DlsHypotheses.atLeastTwoDSquared(shareN, D);
        List<Verdict> out = new ArrayList<>();
        out.add(share(m, FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED, values(m, shareN, AtSize::share, false), hyp, "f*'s labels"));
        out.add(trend(m, FeatureLearningCheck.SHARE_TREND, m.shareTrend(), assumptionTwo(m), "f*'s labels"));
        out.add(share(m, FeatureLearningCheck.SHARE_PERMUTED, values(m, shareN, AtSize::permutedShare, false), hyp,
                "labels permuted against x (no signal along u)"));
        out.add(trend(m, FeatureLearningCheck.SHARE_TREND_PERMUTED, m.permutedTrend(), assumptionTwo(m),
                "labels permuted against x (no signal along u)"));
        return out;
    }

    private static Verdict share(Measurement m, Criterion c, double[] shares, boolean hyp, String labels) {
        double med = Quantiles.median(shares);
        return row(c, m).size("n", 2 * D * D).hypothesisMet(hyp)
                .check("median share of ||W1||_F^2 along u at n = 2d^2, " + labels).observed(med)
                .bound(SHARE_THRESHOLD).window(SHARE_THRESHOLD, 1.0).measure("minShare", Quantiles.of(shares, 0))
                .measure("maxShare", Quantiles.of(shares, 1)).measure("randomDirectionShare", 1.0 / D)
                .measure("seeds", shares.length)
                .detail(NumberText.format("median over %d seeds %.3f [min %.3f, max %.3f]; random directions give "
                        + "1/d = %.2f; holds when the median is >= %.1f", shares.length, med,
                        Quantiles.of(shares, 0), Quantiles.of(shares, 1), 1.0 / D, SHARE_THRESHOLD)).build();
    }

    private static Verdict trend(Measurement m, Criterion c, RankTrend t, boolean hyp, String labels) {
        return row(c, m).hypothesisMet(hyp).check("share grows with n: one-sided Spearman trend over (n, seed) "
                + "pairs, " + labels).observed(t.pValue()).bound(TREND_LEVEL).holds(t.significant(TREND_LEVEL))
                .measure("rho", t.rho()).measure("permutations", t.permutations()).measure("pairs", t.points())
                .detail(NumberText.format("Spearman rho between the per-seed share and ln n = %.3f over %d pairs, "
                        + "permutation p = %.2g (%d permutations); holds when p < %.2f", t.rho(), t.points(),
                        t.pValue(), t.permutations(), TREND_LEVEL)).build();
    }

    /** DLS-2: the median ratio at the largest n, the win rate at each n ≥ d², their η₁ = 0 controls, fixed η₁. */
    static List<Verdict> comparison(Measurement m) {
        FeatureLearningCheck.Sizes z = m.sizes();
        List<Verdict> out = new ArrayList<>();
        out.add(medianRatio(m, FeatureLearningCheck.MEDIAN_RATIO, Method.ALGORITHM_ONE));
        for (int n : z.ns()) {
            if (DlsHypotheses.atLeastDSquared(n, D)) {
                out.add(winRate(m, FeatureLearningCheck.BEATS_RANDOM_FEATURES, Method.ALGORITHM_ONE, n, false));
            }
        }
        out.add(medianRatio(m, FeatureLearningCheck.MEDIAN_RATIO_NO_STEP, Method.NO_STEP));
        out.add(winRate(m, FeatureLearningCheck.BEATS_RANDOM_FEATURES_NO_STEP, Method.NO_STEP, z.noStepSeedN(),
                false));
        out.add(medianRatio(m, FeatureLearningCheck.FIXED_ETA_MEDIAN_RATIO, Method.FIXED_ETA));
        for (int n : z.ns()) {
            if (DlsHypotheses.atLeastDSquared(n, D)) {
                out.add(winRate(m, FeatureLearningCheck.FIXED_ETA_BEATS_RANDOM_FEATURES, Method.FIXED_ETA, n, true));
            }
        }
        return out;
    }

    /** Why the fixed-η₁ rows are exploratory rather than claim rows. */
    static final String FIXED_ETA_REASON = "exploratory: eta_1 fixed at the paper's constant (9.69 at d = 10) is a "
            + "legitimate reading of 004, but its W1 row norms depend on n (against biases b ~ N(0, 1)); CLAIMS.md "
            + "asserts on the RMS-1 eta_1, so these rows are shown, not judged";

    private static Verdict medianRatio(Measurement m, Criterion c, Method candidate) {
        int n = m.sizes().largestN();
        double cand = Quantiles.median(mse(m, n, candidate, true));
        double rf = Quantiles.median(mse(m, n, Method.RANDOM_FEATURES, true));
        double ntk = Quantiles.median(mse(m, n, Method.NTK, true));
        double ratio = cand / Math.min(rf, ntk);
        FeatureLearningRun first = m.runs().get(0);
        int seeds = mse(m, n, candidate, true).length;
        String detail = NumberText.format("medians over %d seeds: %s %.4f, random features %.4f, NTK %.4f (the He2 "
                + "part alone leaves 0.5); holds when the ratio is < %.1f. Random features: %d distinct directions "
                + "w_j (the symmetric init mirrors them), %d distinct units (w_j, b_j)", seeds, candidate.label, cand,
                rf, ntk, RATIO_BOUND, first.randomFeatureDirections(), first.randomFeatureUnits());
        return row(c, m).size("n", n).hypothesisMet(assumptionTwo(m))
                .check("median test MSE at n = " + n + ": " + candidate.label + " / min(random features, NTK)")
                .observed(ratio).bound(RATIO_BOUND).holds(ratio < RATIO_BOUND).measure("candidateMedian", cand)
                .measure("randomFeaturesMedian", rf).measure("ntkMedian", ntk).measure("he2PartAlone", 0.5)
                .measure("seeds", seeds).measure("randomFeatureDirections", first.randomFeatureDirections())
                .measure("randomFeatureUnits", first.randomFeatureUnits())
                .detail(candidate == Method.FIXED_ETA ? detail + "; " + FIXED_ETA_REASON : detail).build();
    }

    private static Verdict winRate(Measurement m, Criterion c, Method candidate, int n, boolean fullOnly) {
        double[] cand = mse(m, n, candidate, fullOnly), rf = mse(m, n, Method.RANDOM_FEATURES, fullOnly);
        int wins = 0;
        double worst = 0;
        for (int s = 0; s < cand.length; s++) {
            wins += cand[s] < rf[s] ? 1 : 0;
            worst = Math.max(worst, cand[s] / rf[s]);
        }
        double rate = (double) wins / cand.length;
        String detail = NumberText.format("%s beat random features (lower test MSE on the same training set) on %d "
                + "of %d seeds (largest MSE ratio %.3f); holds when at least %.0f%% win", candidate.label, wins,
                cand.length, worst, 100 * WIN_RATE);
        return row(c, m).size("n", n).hypothesisMet(assumptionTwo(m) && DlsHypotheses.atLeastDSquared(n, D))
                .check(NumberText.format("share of seeds where %s beats random features at n = %d", candidate.label,
                        n)).observed(rate).bound(WIN_RATE).window(WIN_RATE, 1.0).measure("wins", wins)
                .measure("seeds", cand.length).measure("largestRatio", worst)
                .detail(candidate == Method.FIXED_ETA ? detail + "; " + FIXED_ETA_REASON : detail).build();
    }

    /** DLS-3: at each asserted N, pretrained (n_src = d³) against random features; the n_src = d control. */
    static List<Verdict> transfer(Measurement m) {
        FeatureLearningCheck.Sizes z = m.sizes();
        int q = z.sources().length - 1, nSrc = z.sources()[q];
        List<Verdict> out = new ArrayList<>();
        for (int bigN : z.assertedTransferNs()) {
            out.add(transferRatio(m, FeatureLearningCheck.TRANSFER_RATIO, bigN, nSrc,
                    t -> t.pretrained()[q]));
        }
        for (int bigN : z.assertedTransferNs()) {
            out.add(transferRatio(m, FeatureLearningCheck.TRANSFER_RATIO_FROM_D_SAMPLES, bigN, z.controlSource(),
                    FeatureLearningRun.Transfer::control));
        }
        return out;
    }

    private static Verdict transferRatio(Measurement m, Criterion c, int bigN, int nSrc,
            ToDoubleFunction<FeatureLearningRun.Transfer> candidate) {
        double[] pre = m.runs().stream().filter(FeatureLearningRun::full)
                .mapToDouble(r -> candidate.applyAsDouble(r.transfer(bigN))).toArray();
        double[] rf = m.runs().stream().filter(FeatureLearningRun::full)
                .mapToDouble(r -> r.transfer(bigN).randomFeatures()).toArray();
        double[] ntk = m.runs().stream().filter(FeatureLearningRun::full)
                .mapToDouble(r -> r.transfer(bigN).ntk()).toArray();
        double pm = Quantiles.median(pre), rm = Quantiles.median(rf), ratio = pm / rm;
        return row(c, m).size("N", bigN).size("nSrc", nSrc).hypothesisMet(DlsHypotheses.atLeastTwoDSquared(nSrc, D))
                .check(NumberText.format("median test MSE at N = %d: head on W1 pretrained on n_src = %d / random "
                        + "features", bigN, nSrc)).observed(ratio).bound(RATIO_BOUND).holds(ratio < RATIO_BOUND)
                .measure("pretrainedMedian", pm).measure("randomFeaturesMedian", rm)
                .measure("ntkMedian", Quantiles.median(ntk)).measure("seeds", pre.length)
                .detail(NumberText.format("target He3(u.x)/sqrt(6); medians over %d seeds: pretrained %.4f, random "
                        + "features %.4f, NTK %.4f (trivial risk 1); holds when the ratio is < %.1f", pre.length, pm,
                        rm, Quantiles.median(ntk), RATIO_BOUND)).build();
    }
}
