package io.github.theorybench.claims.dls;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-1..5 with base seed 1 (the report's). DLS-1..3 at the quick sizes (m = 1000, 4000 test points, 10 seeds of which
 * 5 full, n ∈ {32, 100, 200, 500}: CLAIMS.md's sizes take about a minute); DLS-4 and DLS-5 at CLAIMS.md's sizes.
 * Rows are looked up by criterion; every control must bite by a margin of at least 0.05 (Trust rule 2); no row is
 * violated.
 */
class FeatureLearningClaimsTest {
    /** Trust rule 2: a control bites by at least this relative margin. */
    private static final double MIN_MARGIN = 0.05;
    private static CheckResult dls123;
    private static CheckResult dls4;
    private static CheckResult dls5;

    @BeforeAll
    static void run() {
        CheckContext quick = CheckContext.of(Backends.byName(Backends.DEFAULT), 1, true);
        CheckContext claims = CheckContext.of(Backends.byName(Backends.DEFAULT), 1, false);
        dls123 = new FeatureLearningCheck().run(quick);
        dls4 = new SampleComplexityCheck().run(claims);
        dls5 = new TransferDimensionCheck().run(claims);
    }

    private static void bites(List<Verdict> controls) {
        Assertions.assertThat(controls).isNotEmpty();
        for (Verdict v : controls) {
            assertThat(v).controlBit();
            Assertions.assertThat(v.margin()).as("margin of %s", v.criterion()).isGreaterThanOrEqualTo(MIN_MARGIN);
        }
    }

    private static void allHold(List<Verdict> rows) {
        Assertions.assertThat(rows).isNotEmpty();
        rows.forEach(v -> assertThat(v).hypothesisMet().holds());
    }

    @Test
    @DisplayName("DLS-1 one step recovers span(u): median share at n = 2d^2 >= 0.4 and a significant rank trend in n; with labels permuted against x both fail (controls bite)")
    void subspace() {
        assertThat(dls123.verdict(FeatureLearningCheck.SHARE_AT_TWO_D_SQUARED)).hypothesisMet().holds();
        assertThat(dls123.verdict(FeatureLearningCheck.SHARE_TREND)).hypothesisMet().holds();
        bites(dls123.verdicts(FeatureLearningCheck.SHARE_PERMUTED));
        bites(dls123.verdicts(FeatureLearningCheck.SHARE_TREND_PERMUTED));
        assertThat(dls123.verdict(FeatureLearningCheck.SHARE_PERMUTED)).hasObservedWithin(0.05, 0.2);   // ~1/d
        Assertions.assertThat(dls123.figures()).extracting(Figure::name).contains("DLS-1-share");
    }

    @Test
    @DisplayName("DLS-2 Algorithm 1 < 0.5 x both baselines at the largest n and beats random features on >= 90% of seeds at every n >= d^2; eta1 = 0 fails both (controls bite); fixed eta1 exploratory; no violated row")
    void comparison() {
        assertThat(dls123.verdict(FeatureLearningCheck.MEDIAN_RATIO)).hypothesisMet().holds();
        allHold(dls123.verdicts(FeatureLearningCheck.BEATS_RANDOM_FEATURES));
        Assertions.assertThat(dls123.verdicts(FeatureLearningCheck.BEATS_RANDOM_FEATURES)).hasSize(3);
        bites(dls123.verdicts(FeatureLearningCheck.MEDIAN_RATIO_NO_STEP));
        bites(dls123.verdicts(FeatureLearningCheck.BEATS_RANDOM_FEATURES_NO_STEP));
        for (Criterion c : List.of(FeatureLearningCheck.FIXED_ETA_MEDIAN_RATIO,
                FeatureLearningCheck.FIXED_ETA_BEATS_RANDOM_FEATURES)) {
            Assertions.assertThat(dls123.verdicts(c)).isNotEmpty()
                    .allMatch(v -> v.status() == Verdict.Status.EXPLORATORY);
        }
        Assertions.assertThat(dls123.verdicts()).noneMatch(v -> v.status().needsAttention());
        Assertions.assertThat(dls123.tables()).extracting(Table::name).contains("DLS-2-mse");
        Assertions.assertThat(dls123.figures()).extracting(Figure::name).contains("DLS-2-test-mse");
    }

    @Test
    @DisplayName("DLS-3 transfer: the head on a layer pretrained on n_src = d^3 beats random features by 2x at N = 100, 200; pretrained on n_src = d it does not (control bites)")
    void transfer() {
        allHold(dls123.verdicts(FeatureLearningCheck.TRANSFER_RATIO));
        bites(dls123.verdicts(FeatureLearningCheck.TRANSFER_RATIO_FROM_D_SAMPLES));
        Assertions.assertThat(dls123.tables()).extracting(Table::name).contains("DLS-3-transfer");
        Assertions.assertThat(dls123.figures()).extracting(Figure::name).contains("DLS-3-transfer");
    }

    @Test
    @DisplayName("DLS-4 sample complexity: n* at d = 6, 8, 10, 12 (d = 6 on the grid's extension beyond 8d^2, marked), exponent of n*(d) inside its window; permuted labels never cross (control bites); He4-only exploratory")
    void sampleComplexity() {
        List<Verdict> crossings = dls4.verdicts(SampleComplexityCheck.CROSSING);
        Assertions.assertThat(crossings).hasSize(4);
        allHold(crossings);
        for (Verdict v : crossings) {
            double nStar = v.measurements().get("nStar");
            int d = (Integer) v.sizes().get("d");
            Assertions.assertThat(v.measurements().get("beyondClaimsGrid")).isEqualTo(nStar > 8.0 * d * d ? 1.0 : 0.0);
        }
        assertThat(dls4.verdict(SampleComplexityCheck.EXPONENT)).hypothesisMet().holds();
        bites(dls4.verdicts(SampleComplexityCheck.CROSSING_PERMUTED));
        Assertions.assertThat(dls4.verdicts(SampleComplexityCheck.HE_FOUR_ONLY)).hasSize(3)
                .allMatch(v -> v.status() == Verdict.Status.EXPLORATORY && !v.hypothesisMet());
        Assertions.assertThat(dls4.verdicts()).noneMatch(v -> v.status().needsAttention());
        Assertions.assertThat(dls4.figures()).extracting(Figure::name).containsExactly("DLS-4-test-mse",
                "DLS-4-n-star");
    }

    @Test
    @DisplayName("DLS-5 transfer flat in d: pretrained (n_src = d^3) < 0.5 x random features at d = 6, 8, 10, 12 and |slope| <= 0.5; n_src = d fails the ratio and a fixed n_src = 216 the flatness (controls bite)")
    void transferDimension() {
        allHold(dls5.verdicts(TransferDimensionCheck.BEATS_RANDOM_FEATURES));
        Assertions.assertThat(dls5.verdicts(TransferDimensionCheck.BEATS_RANDOM_FEATURES)).hasSize(4);
        assertThat(dls5.verdict(TransferDimensionCheck.FLAT_IN_D)).holds();
        bites(dls5.verdicts(TransferDimensionCheck.FROM_D_SAMPLES));
        bites(dls5.verdicts(TransferDimensionCheck.FLAT_FIXED_SOURCE));
        Assertions.assertThat(dls5.figures()).extracting(Figure::name).containsExactly("DLS-5-transfer-dimension");
        Assertions.assertThat(dls5.tables()).extracting(Table::name).containsExactly("DLS-5-transfer-dimension");
    }
}
