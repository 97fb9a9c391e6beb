package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.dls.FeatureLearningRun.AtSize;
import io.github.theorybench.claims.dls.FeatureLearningRun.Method;
import io.github.theorybench.claims.support.RankTrend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-1..5 verdict rules on hand-made measurements, exactly at each threshold and one ulp beyond (both sides): the
 * decisions are pure functions of the measurement records, so nothing is trained here. Per-seed values are equal
 * across seeds, so every median is exactly that value.
 */
@SmallInstances
class FeatureLearningVerdictsTest {
    private static final Provenance PROV = Provenance.of(7, "ejml", "d", 10);
    /** ns = 32, 100, 200, 1000; n_src = 1000 (d³); N = 100, 200; 10 seeds, the first 5 full. */
    private static final FeatureLearningCheck.Sizes SIZES = new FeatureLearningCheck.Sizes(8, 5, 10, 5,
            new int[] {32, 100, 200, 1000}, new int[] {1000}, 10, new int[] {100, 200}, new int[] {100, 200}, 9);
    private static final RankTrend SIGNIFICANT = new RankTrend(0.8, 0.001, 999, 40, RankTrend.Direction.INCREASING);
    private static final RankTrend NONE = new RankTrend(0.01, 0.5, 999, 40, RankTrend.Direction.INCREASING);

    /** MSE by method for one size: Algorithm 1, RF, NTK, fixed η₁, η₁ = 0. */
    record Mse(double alg, double rf, double ntk, double fixed, double noStep) {
        double[] array() {
            return new double[] {alg, rf, ntk, fixed, noStep};
        }
    }

    static FeatureLearningRun run(boolean full, double share, double permuted, Mse mse, double pretrained,
            double control, double rfTransfer, double hessian) {
        List<AtSize> sizes = new ArrayList<>();
        for (int n : SIZES.ns()) {
            sizes.add(new AtSize(n, share, permuted, 3.0, 1.5, mse.array(), new double[5], 0));
        }
        List<FeatureLearningRun.Transfer> transfers = new ArrayList<>();
        for (int bigN : SIZES.transferNs()) {
            transfers.add(new FeatureLearningRun.Transfer(bigN, new double[] {pretrained}, control, rfTransfer, 1.1));
        }
        return new FeatureLearningRun(PROV, full, hessian, sizes, full ? transfers : List.of(), 4, 8);
    }

    static FeatureLearningCheck.Measurement measurement(List<FeatureLearningRun> runs, RankTrend t, RankTrend tp) {
        return new FeatureLearningCheck.Measurement(SIZES, PROV, runs, t, tp);
    }

    /** Ten seeds alike; the first {@code losers} of them have Algorithm 1 (and η₁ = 0) losing to random features. */
    static FeatureLearningCheck.Measurement uniform(double share, double permuted, Mse mse, Mse losing, int losers,
            double pretrained, double control) {
        List<FeatureLearningRun> runs = new ArrayList<>();
        for (int s = 0; s < SIZES.seeds(); s++) {
            runs.add(run(s < SIZES.medianSeeds(), share, permuted, s < losers ? losing : mse, pretrained, control, 1.0,
                    1.0));
        }
        return measurement(runs, SIGNIFICANT, NONE);
    }

    static final Mse GOOD = new Mse(0.1, 1.0, 1.2, 0.12, 1.1);

    static Verdict only(List<Verdict> vs, Criterion c) {
        List<Verdict> hits = vs.stream().filter(v -> v.criterion().equals(c)).toList();
        assertThat(hits).as(c.toString()).hasSize(1);
        return hits.get(0);
    }

    static Verdict at(List<Verdict> vs, Criterion c, String size, int value) {
        return vs.stream().filter(v -> v.criterion().equals(c) && value == (Integer) v.sizes().get(size)).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("DLS-1 share: holds iff the median share at n = 2d^2 is >= 0.4 (0.4 holds, one ulp below fails); the permuted control bites below 0.4 with its margin")
    void shareThreshold() {
        double below = Math.nextDown(0.4);
        List<Verdict> at = FeatureLearningVerdicts.subspace(uniform(0.4, 0.4, GOOD, GOOD, 0, 0.2, 1.0));
        assertThat(only(at, FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(only(at, FeatureLearningCheck.SHARE_PERMUTED).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        List<Verdict> under = FeatureLearningVerdicts.subspace(uniform(below, below, GOOD, GOOD, 0, 0.2, 1.0));
        assertThat(only(under, FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED).status())
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(only(under, FeatureLearningCheck.SHARE_PERMUTED).status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        Verdict ctrl = only(FeatureLearningVerdicts.subspace(uniform(0.6, 0.1, GOOD, GOOD, 0, 0.2, 1.0)),
                FeatureLearningCheck.SHARE_PERMUTED);
        assertThat(ctrl.margin()).isEqualTo((0.4 - 0.1) / 0.4);
        Verdict v = only(FeatureLearningVerdicts.subspace(uniform(0.6, 0.1, GOOD, GOOD, 0, 0.2, 1.0)),
                FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED);
        assertThat(v.observed()).isEqualTo(0.6);
        assertThat(v.sizes()).containsEntry("n", 200).containsEntry("d", 10);
        assertThat(v.measurements()).containsEntry("minShare", 0.6).containsEntry("randomDirectionShare", 0.1)
                .containsEntry("seeds", 10.0);
        assertThat(v.hypothesisMet()).isTrue();
    }

    @Test
    @DisplayName("DLS-1 trend: holds iff the one-sided permutation p < 0.01 (0.01 fails, one ulp below holds); rho and counts recorded; the control on permuted labels bites when p >= 0.01")
    void trendThreshold() {
        List<FeatureLearningRun> runs = uniform(0.6, 0.1, GOOD, GOOD, 0, 0.2, 1.0).runs();
        RankTrend edge = new RankTrend(0.3, 0.01, 999, 40, RankTrend.Direction.INCREASING);
        RankTrend under = new RankTrend(0.3, Math.nextDown(0.01), 999, 40, RankTrend.Direction.INCREASING);
        assertThat(only(FeatureLearningVerdicts.subspace(measurement(runs, edge, edge)),
                FeatureLearningCheck.SHARE_TREND).holds()).isFalse();
        assertThat(only(FeatureLearningVerdicts.subspace(measurement(runs, under, under)),
                FeatureLearningCheck.SHARE_TREND).holds()).isTrue();
        assertThat(only(FeatureLearningVerdicts.subspace(measurement(runs, under, under)),
                FeatureLearningCheck.SHARE_TREND_PERMUTED).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        Verdict ctrl = only(FeatureLearningVerdicts.subspace(measurement(runs, SIGNIFICANT, NONE)),
                FeatureLearningCheck.SHARE_TREND_PERMUTED);
        assertThat(ctrl.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(ctrl.margin()).isEqualTo((0.5 - 0.01) / 0.01);
        Verdict v = only(FeatureLearningVerdicts.subspace(measurement(runs, SIGNIFICANT, NONE)),
                FeatureLearningCheck.SHARE_TREND);
        assertThat(v.measurements()).containsEntry("rho", 0.8).containsEntry("permutations", 999.0)
                .containsEntry("pairs", 40.0);
    }

    @Test
    @DisplayName("DLS-1/2 hypothesis: a target without a He2 part (E g'' = 0) marks the claim rows hypothesis not met")
    void hypothesisFlag() {
        List<FeatureLearningRun> runs = new ArrayList<>();
        for (int s = 0; s < SIZES.seeds(); s++) {
            runs.add(run(s < 5, 0.6, 0.1, GOOD, 0.2, 1.0, 1.0, s == 3 ? 0.0 : 1.0));
        }
        FeatureLearningCheck.Measurement m = measurement(runs, SIGNIFICANT, NONE);
        assertThat(only(FeatureLearningVerdicts.subspace(m), FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED).status())
                .isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
        assertThat(only(FeatureLearningVerdicts.comparison(m), FeatureLearningCheck.MEDIAN_RATIO).status())
                .isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
    }

    @Test
    @DisplayName("DLS-2 median ratio: Algorithm 1 / min(RF, NTK) at the largest n, holds iff < 0.5 (0.5 fails, one ulp below holds); the eta1 = 0 control the same; full seeds only")
    void medianRatio() {
        Mse edge = new Mse(0.5, 1.0, 2.0, 0.5, 0.5);
        Mse under = new Mse(Math.nextDown(0.5), 1.0, 2.0, 0.5, Math.nextDown(0.5));
        Verdict at = only(FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, edge, edge, 0, 0.2, 1)),
                FeatureLearningCheck.MEDIAN_RATIO);
        assertThat(at.observed()).isEqualTo(0.5);
        assertThat(at.holds()).isFalse();
        assertThat(at.sizes()).containsEntry("n", 1000);
        List<Verdict> below = FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, under, under, 0, 0.2, 1));
        assertThat(only(below, FeatureLearningCheck.MEDIAN_RATIO).holds()).isTrue();
        assertThat(only(below, FeatureLearningCheck.MEDIAN_RATIO_NO_STEP).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        Verdict ctrl = only(FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, GOOD, GOOD, 0, 0.2, 1)),
                FeatureLearningCheck.MEDIAN_RATIO_NO_STEP);
        assertThat(ctrl.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(ctrl.observed()).isEqualTo(1.1);
        assertThat(ctrl.margin()).isEqualTo((1.1 - 0.5) / 0.5);
        // NTK the better baseline: the ratio is against it
        Verdict v = only(FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, new Mse(0.2, 1.0, 0.8, 0.2, 0.9),
                GOOD, 0, 0.2, 1)), FeatureLearningCheck.MEDIAN_RATIO);
        assertThat(v.observed()).isEqualTo(0.2 / 0.8);
        assertThat(v.measurements()).containsEntry("candidateMedian", 0.2).containsEntry("randomFeaturesMedian", 1.0)
                .containsEntry("ntkMedian", 0.8).containsEntry("seeds", 5.0).containsEntry("randomFeatureUnits", 8.0)
                .containsEntry("randomFeatureDirections", 4.0);
        Verdict fixed = only(FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, GOOD, GOOD, 0, 0.2, 1)),
                FeatureLearningCheck.FIXED_ETA_MEDIAN_RATIO);
        assertThat(fixed.status()).isEqualTo(Verdict.Status.EXPLORATORY);
        assertThat(fixed.detail()).endsWith(FeatureLearningVerdicts.FIXED_ETA_REASON);
    }

    @Test
    @DisplayName("DLS-2 win rate: rows at every n >= d^2 (not 32), holds iff >= 90% of all seeds beat random features (9/10 holds, 8/10 fails); eta1 = 0 control at n = 100; fixed eta1 exploratory on the full seeds")
    void winRate() {
        Mse losing = new Mse(2.0, 1.0, 1.2, 2.0, 2.0);
        List<Verdict> one = FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, GOOD, losing, 1, 0.2, 1));
        assertThat(one.stream().filter(v -> v.criterion().equals(FeatureLearningCheck.BEATS_RANDOM_FEATURES))
                .map(v -> v.sizes().get("n")).toList()).containsExactly(100, 200, 1000);
        Verdict v = at(one, FeatureLearningCheck.BEATS_RANDOM_FEATURES, "n", 100);
        assertThat(v.observed()).isEqualTo(0.9);
        assertThat(v.holds()).isTrue();
        assertThat(v.measurements()).containsEntry("wins", 9.0).containsEntry("seeds", 10.0)
                .containsEntry("largestRatio", 2.0);
        Verdict two = at(FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, GOOD, losing, 2, 0.2, 1)),
                FeatureLearningCheck.BEATS_RANDOM_FEATURES, "n", 100);
        assertThat(two.observed()).isEqualTo(0.8);
        assertThat(two.status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(two.margin()).isEqualTo((0.9 - 0.8) / 0.9);
        // η₁ = 0 beats random features on every seed: the control did not bite; on none: it bit
        Mse noStepWins = new Mse(0.1, 1.0, 1.2, 0.1, 0.5);
        assertThat(only(FeatureLearningVerdicts.comparison(uniform(0.6, 0.1, noStepWins, noStepWins, 0, 0.2, 1)),
                FeatureLearningCheck.BEATS_RANDOM_FEATURES_NO_STEP).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        Verdict ctrl = only(one, FeatureLearningCheck.BEATS_RANDOM_FEATURES_NO_STEP);
        assertThat(ctrl.observed()).isEqualTo(0.0);
        assertThat(ctrl.sizes()).containsEntry("n", 100);
        Verdict fixed = at(one, FeatureLearningCheck.FIXED_ETA_BEATS_RANDOM_FEATURES, "n", 100);
        assertThat(fixed.measurements()).containsEntry("seeds", 5.0).containsEntry("wins", 4.0);
        assertThat(fixed.status()).isEqualTo(Verdict.Status.EXPLORATORY);
    }

    @Test
    @DisplayName("DLS-3: at N = 100 and 200 the pretrained (n_src = d^3) median over random features' holds iff < 0.5 (0.5 fails, one ulp below holds); the n_src = d control bites at 1")
    void transfer() {
        List<Verdict> edge = FeatureLearningVerdicts.transfer(uniform(0.6, 0.1, GOOD, GOOD, 0, 0.5, 0.5));
        for (int bigN : new int[] {100, 200}) {
            Verdict v = at(edge, FeatureLearningCheck.TRANSFER_RATIO, "N", bigN);
            assertThat(v.observed()).isEqualTo(0.5);
            assertThat(v.holds()).isFalse();
            assertThat(v.sizes()).containsEntry("nSrc", 1000);
            assertThat(v.hypothesisMet()).isTrue();
            Verdict c = at(edge, FeatureLearningCheck.TRANSFER_RATIO_FROM_D_SAMPLES, "N", bigN);
            assertThat(c.status()).isEqualTo(Verdict.Status.CONTROL_BIT);   // 0.5 is not below 0.5
            assertThat(c.hypothesisMet()).isFalse();   // n_src = d < 2d^2
        }
        assertThat(at(FeatureLearningVerdicts.transfer(uniform(0.6, 0.1, GOOD, GOOD, 0, 0.2, Math.nextDown(0.5))),
                FeatureLearningCheck.TRANSFER_RATIO_FROM_D_SAMPLES, "N", 100).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        List<Verdict> under = FeatureLearningVerdicts.transfer(uniform(0.6, 0.1, GOOD, GOOD, 0, Math.nextDown(0.5),
                1.0));
        assertThat(at(under, FeatureLearningCheck.TRANSFER_RATIO, "N", 100).holds()).isTrue();
        Verdict c = at(under, FeatureLearningCheck.TRANSFER_RATIO_FROM_D_SAMPLES, "N", 200);
        assertThat(c.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(c.margin()).isEqualTo(1.0);
        assertThat(c.measurements()).containsEntry("ntkMedian", 1.1).containsEntry("seeds", 5.0);
    }

    // ---- DLS-4 ----

    static SampleComplexityCheck.Measurement complexity(double[][] mseByD, double[] permuted, double hessian) {
        SampleComplexityCheck.Sizes z = new SampleComplexityCheck.Sizes(new int[] {4, 8}, 6, 5, 3, 4, 8,
                new int[] {50});
        List<SampleComplexityRun> runs = new ArrayList<>();
        int[] ns = {10, 20, 40};
        for (int i = 0; i < 2; i++) {
            for (int s = 0; s < 3; s++) {
                runs.add(new SampleComplexityRun(PROV, z.ds()[i], hessian, 0.0, ns, mseByD[i],
                        i == 0 ? permuted : new double[0], i == 1 ? new int[] {50} : new int[0],
                        i == 1 ? new double[] {0.7} : new double[0], i == 1 ? new double[] {0.4} : new double[0], 0));
            }
        }
        return new SampleComplexityCheck.Measurement(z, PROV, runs);
    }

    @Test
    @DisplayName("DLS-4 crossing: n* where the median first falls below 0.25, ln n interpolated linearly in the MSE; 0.25 itself is not below (no n*: violated), one ulp below crosses; beyond 8d^2 is marked")
    void crossing() {
        int[] ns = {10, 20, 40};
        double t = (0.5 - 0.25) / (0.5 - 0.2);
        assertThat(SampleComplexityVerdicts.crossing(ns, new double[] {1, 0.5, 0.2}))
                .isEqualTo(Math.exp(Math.log(20) + t * (Math.log(40) - Math.log(20))));
        assertThat(SampleComplexityVerdicts.crossing(ns, new double[] {0.1, 0.5, 0.2})).isEqualTo(10.0);
        assertThat(SampleComplexityVerdicts.crossing(ns, new double[] {1, 0.5, 0.25})).isNaN();
        assertThat(SampleComplexityVerdicts.crossing(ns, new double[] {1, 0.5, Math.nextDown(0.25)}))
                .isCloseTo(40.0, org.assertj.core.api.Assertions.within(1e-9));
        double[] perm = {1.1, 1.0, 0.9};
        List<Verdict> vs = SampleComplexityVerdicts.verdicts(complexity(new double[][] {{1, 0.5, 0.25},
            {1, 0.5, 0.2}}, perm, 1.0));
        Verdict miss = at(vs, SampleComplexityCheck.CROSSING, "d", 4);
        assertThat(miss.status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(miss.measurements().get("nStar")).isNaN();
        Verdict hit = at(vs, SampleComplexityCheck.CROSSING, "d", 8);
        assertThat(hit.holds()).isTrue();
        assertThat(hit.finding()).isEmpty();
        assertThat(hit.observed()).isEqualTo(0.2);
        assertThat(hit.measurements()).containsEntry("beyondClaimsGrid", 0.0);   // n* ~ 36 < 8d^2 = 512
        Verdict exp = only(vs, SampleComplexityCheck.EXPONENT);
        assertThat(exp.holds()).isFalse();
        assertThat(exp.observed()).isNaN();
        Verdict ctrl = only(vs, SampleComplexityCheck.CROSSING_PERMUTED);
        assertThat(ctrl.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(ctrl.observed()).isEqualTo(0.9);
        assertThat(ctrl.margin()).isEqualTo((0.9 - 0.25) / 0.25);
        assertThat(ctrl.finding()).isEmpty();
        Verdict he4 = only(vs, SampleComplexityCheck.HE_FOUR_ONLY);
        assertThat(he4.status()).isEqualTo(Verdict.Status.EXPLORATORY);
        assertThat(he4.hypothesisMet()).isFalse();
        assertThat(he4.measurements()).containsEntry("medianShare", 0.4);
        assertThat(only(SampleComplexityVerdicts.verdicts(complexity(new double[][] {{1, 0.5, 0.2}, {1, 0.5, 0.2}},
                new double[] {1, 0.5, Math.nextDown(0.25)}, 1.0)), SampleComplexityCheck.CROSSING_PERMUTED).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
    }

    @Test
    @DisplayName("DLS-4 exponent: holds iff the fitted slope lies in [1 - 2s, 2 + 2s] (both edges hold, one ulp outside fails); both n* present gives the log-log slope")
    void exponentWindow() {
        Verdict.Builder b = Verdict.builder(SampleComplexityCheck.EXPONENT).at(PROV).bound(2.0)
                .window(SampleComplexityVerdicts.WINDOW_LOW, SampleComplexityVerdicts.WINDOW_HIGH);
        double lo = SampleComplexityVerdicts.WINDOW_LOW, hi = SampleComplexityVerdicts.WINDOW_HIGH;
        int[] ds = {4, 8};
        double[] ns = {10, 40};
        assertThat(SampleComplexityVerdicts.exponentRow(b, lo, 0.1, ds, ns).build().holds()).isTrue();
        assertThat(SampleComplexityVerdicts.exponentRow(b, hi, 0.1, ds, ns).build().holds()).isTrue();
        assertThat(SampleComplexityVerdicts.exponentRow(b, Math.nextDown(lo), 0.1, ds, ns).build().holds()).isFalse();
        assertThat(SampleComplexityVerdicts.exponentRow(b, Math.nextUp(hi), 0.1, ds, ns).build().holds()).isFalse();
        List<Verdict> vs = SampleComplexityVerdicts.verdicts(complexity(new double[][] {{1, 0.5, 0.2},
            {1, 0.4, 0.3}}, new double[] {1, 1, 1}, 1.0));
        double n4 = SampleComplexityVerdicts.crossing(new int[] {10, 20, 40}, new double[] {1, 0.5, 0.2});
        double n8 = SampleComplexityVerdicts.crossing(new int[] {10, 20, 40}, new double[] {1, 0.4, 0.3});
        assertThat(n8).isNaN();
        vs = SampleComplexityVerdicts.verdicts(complexity(new double[][] {{1, 0.5, 0.2}, {1, 0.2, 0.1}},
                new double[] {1, 1, 1}, 1.0));
        n8 = SampleComplexityVerdicts.crossing(new int[] {10, 20, 40}, new double[] {1, 0.2, 0.1});
        Verdict e = only(vs, SampleComplexityCheck.EXPONENT);
        assertThat(e.observed()).isCloseTo(Math.log(n8 / n4) / Math.log(2), org.assertj.core.api.Assertions.within(
                1e-12));
        assertThat(e.measurements()).containsEntry("nStarD4", n4).containsEntry("nStarD8", n8);
    }

    // ---- DLS-5 ----

    static TransferDimensionCheck.Measurement transferDims(double pre, double rf, double fromD) {
        TransferDimensionCheck.Sizes z = new TransferDimensionCheck.Sizes(new int[] {6, 12}, 8, 5, 2, 2, 10,
                216);
        List<TransferDimensionRun> runs = new ArrayList<>();
        for (int d : z.ds()) {
            for (int s = 0; s < 2; s++) {
                runs.add(new TransferDimensionRun(PROV, d, pre, fromD, 0.5, rf, 0));
            }
        }
        return new TransferDimensionCheck.Measurement(z, PROV, runs);
    }

    @Test
    @DisplayName("DLS-5: pretrained / random features holds iff < 0.5 at every d (0.5 fails, one ulp below holds); |slope| <= 0.5 with both edges holding; the controls bite")
    void transferDimension() {
        TransferDimensionCheck check = new TransferDimensionCheck();
        List<Verdict> edge = check.verdicts(transferDims(0.5, 1.0, 1.0));
        assertThat(edge.stream().filter(v -> v.criterion().equals(TransferDimensionCheck.BEATS_RANDOM_FEATURES))
                .allMatch(v -> !v.holds() && v.observed() == 0.5)).isTrue();
        List<Verdict> under = check.verdicts(transferDims(Math.nextDown(0.5), 1.0, 1.0));
        assertThat(under.stream().filter(v -> v.criterion().equals(TransferDimensionCheck.BEATS_RANDOM_FEATURES))
                .allMatch(Verdict::holds)).isTrue();
        Verdict c = at(under, TransferDimensionCheck.FROM_D_SAMPLES, "d", 12);
        assertThat(c.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(c.margin()).isEqualTo(1.0);
        assertThat(c.hypothesisMet()).isFalse();
        assertThat(only(under, TransferDimensionCheck.FLAT_IN_D).observed()).isEqualTo(0.0);   // equal medians
        TransferDimensionCheck.Measurement m = transferDims(0.2, 1.0, 1.0);
        double[] med = {0.2, 0.3};
        for (double s : new double[] {-0.5, 0.5}) {
            assertThat(TransferDimensionCheck.flatnessRow(m, TransferDimensionCheck.FLAT_IN_D, s, 0.1, med, "x")
                    .holds()).isTrue();
        }
        assertThat(TransferDimensionCheck.flatnessRow(m, TransferDimensionCheck.FLAT_IN_D, Math.nextUp(0.5), 0.1, med,
                "x").holds()).isFalse();
        assertThat(TransferDimensionCheck.flatnessRow(m, TransferDimensionCheck.FLAT_IN_D, Math.nextDown(-0.5), 0.1,
                med, "x").holds()).isFalse();
        Verdict ctrl = TransferDimensionCheck.flatnessRow(m, TransferDimensionCheck.FLAT_FIXED_SOURCE, 1.35, 0.1, med,
                "x");
        assertThat(ctrl.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(ctrl.margin()).isCloseTo((1.35 - 0.5) / 0.5, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Arrays.stream(new int[] {6, 12}).mapToObj(d -> at(under, TransferDimensionCheck.BEATS_RANDOM_FEATURES,
                "d", d).sizes().get("nSrc")).toList()).containsExactly(216, 1728);
    }
}
