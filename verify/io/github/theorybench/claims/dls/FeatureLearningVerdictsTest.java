package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.model.RandomMatrices;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The DLS verdict rules (CLAIMS.md DLS-1..3 thresholds) on hand-made per-seed numbers, at their boundaries: share
 * ≥ 0.4, strictly increasing medians, ratios &lt; 0.5 and &lt; 1, per-seed rows only for n ≥ 100, transfer at
 * N ∈ {100, 200} for n_src = d³; the sizes of the two CLAIMS.md modes; the seed streams.
 */
class FeatureLearningVerdictsTest {
    private static final CheckContext CTX = CheckContext.of(Backends.byName("ejml"), 7, true);

    /** Five per-seed values with the given median (the middle one); the others straddle it. */
    private static double[] withMedian(double med) {
        return new double[] {med + 0.3, med - 0.2, med, med - 0.1, med + 0.05};
    }

    private static double[] constant(double v) {
        double[] a = new double[FeatureLearningCheck.SEEDS];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    @DisplayName("DLS-1 rules: share holds iff median >= 0.4 (0.4 itself holds), at the n = shareN row; min, max, 1/d measured")
    void shareThreshold() {
        int[] ns = {50, 200, 400};
        double[][] share = {withMedian(0.2), withMedian(0.4), withMedian(0.6)};
        CheckResult out = new CheckResult();
        FeatureLearningCheck.addShareVerdicts(out, CTX, 8, ns, share, withMedian(0.4), 200);
        Verdict v = out.verdict("DLS-1", "median share of ||W1||_F^2 along u at n = 2d^2");
        assertThat(v.observed()).isEqualTo(0.4);
        assertThat(v.holds()).isTrue();
        assertThat(v.measurements()).containsEntry("minShare", 0.2).containsEntry("maxShare", 0.4 + 0.3)
                .containsEntry("randomDirectionShare", 0.1).containsEntry("zeta", 0.1);
        assertThat(v.sizes()).containsEntry("n", 200).containsEntry("m", 8).containsEntry("d", 10)
                .containsEntry("p", 4).containsEntry("seeds", 5);
        assertThat(v.seed()).isEqualTo(7);
        assertThat(v.backend()).isEqualTo("ejml");
        Verdict ctrl = out.verdict("DLS-1", "control: eta_1 = 0 (W1 = W0), same share test at n = 2d^2");
        assertThat(ctrl.role()).isEqualTo(Verdict.Role.CONTROL);
        assertThat(ctrl.observed()).isEqualTo(0.4);
        assertThat(ctrl.holds()).isTrue();   // a W0 share of exactly 0.4 would pass: the control did not bite

        double below = Math.nextDown(0.4);
        share[1] = withMedian(below);
        CheckResult out2 = new CheckResult();
        FeatureLearningCheck.addShareVerdicts(out2, CTX, 8, ns, share, withMedian(below), 200);
        assertThat(out2.verdict("DLS-1", "median share of ||W1||_F^2 along u at n = 2d^2").holds()).isFalse();
        assertThat(out2.verdict("DLS-1", "control: eta_1 = 0 (W1 = W0), same share test at n = 2d^2").holds())
                .isFalse();
        assertThat(out2.verdicts("DLS-1")).hasSize(3);
    }

    @Test
    @DisplayName("DLS-1 rules: growth holds only for strictly increasing medians; observed = last - first")
    void growth() {
        int[] ns = {50, 200, 400};
        double[][][] cases = {
            {withMedian(0.1), withMedian(0.4), withMedian(0.5)},   // increasing
            {withMedian(0.1), withMedian(0.4), withMedian(0.4)},   // tie at the end
            {withMedian(0.4), withMedian(0.4), withMedian(0.5)},   // tie at the start
            {withMedian(0.1), withMedian(0.5), withMedian(0.4)},   // drop at the end
            {withMedian(0.6), withMedian(0.3), withMedian(0.7)},   // drop at the start
        };
        boolean[] expected = {true, false, false, false, false};
        for (int c = 0; c < cases.length; c++) {
            CheckResult out = new CheckResult();
            FeatureLearningCheck.addShareVerdicts(out, CTX, 8, ns, cases[c], withMedian(0.1), 200);
            Verdict v = out.verdict("DLS-1", "median share increases along the n grid");
            assertThat(v.holds()).as("case %d", c).isEqualTo(expected[c]);
            double first = cases[c][0][2], last = cases[c][2][2];
            assertThat(v.observed()).as("case %d", c).isEqualTo(last - first);
            assertThat(v.bound()).isZero();
            assertThat(v.measurements()).containsEntry("shareAtSmallestN", first).containsEntry("shareAtLargestN",
                    last);
        }
    }

    @Test
    @DisplayName("DLS-2 rules: ratio = median alg1 / min(median RF, median NTK) holds iff < 0.5 (0.5 fails); control the same")
    void comparisonThreshold() {
        int[] ns = {99, 100, 300};
        double[][][] mse = new double[3][3][];
        for (int k = 0; k < 3; k++) {
            mse[k][0] = withMedian(1.0);
            mse[k][1] = withMedian(3.0);
            mse[k][2] = withMedian(2.0);   // NTK is the better baseline: ratio = 1/2
        }
        CheckResult out = new CheckResult();
        FeatureLearningCheck.addComparisonVerdicts(out, CTX, 8, ns, mse, withMedian(1.0));
        Verdict v = out.verdict("DLS-2", "median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)");
        assertThat(v.observed()).isEqualTo(0.5);
        assertThat(v.holds()).isFalse();
        assertThat(v.sizes()).containsEntry("n", 300);
        assertThat(v.measurements()).containsEntry("alg1Median", 1.0).containsEntry("rfMedian", 3.0)
                .containsEntry("ntkMedian", 2.0).containsEntry("he2Only", 0.5);
        Verdict ctrl = out.verdict("DLS-2", "control: eta_1 = 0, same comparison at n = 1000");
        assertThat(ctrl.observed()).isEqualTo(0.5);
        assertThat(ctrl.holds()).isFalse();
        assertThat(ctrl.measurements()).containsEntry("noStepMedian", 1.0).containsEntry("noStepOverRf", 1.0 / 3);

        mse[2][0] = withMedian(0.75);
        mse[2][1] = withMedian(1.6);   // RF now the better baseline: 0.75 / 1.6 < 0.5
        CheckResult out2 = new CheckResult();
        FeatureLearningCheck.addComparisonVerdicts(out2, CTX, 8, ns, mse, withMedian(0.75));
        Verdict v2 = out2.verdict("DLS-2", "median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)");
        assertThat(v2.observed()).isEqualTo(0.75 / 1.6);
        assertThat(v2.holds()).isTrue();
        assertThat(out2.verdict("DLS-2", "control: eta_1 = 0, same comparison at n = 1000").holds()).isTrue();
    }

    @Test
    @DisplayName("DLS-2 rules: per-seed rows for n >= 100 only (99 skipped), observed = max_s alg1_s / RF_s, holds iff < 1 (1 fails)")
    void perSeedRows() {
        int[] ns = {99, 100, 300};
        double[][][] mse = new double[3][3][];
        for (int k = 0; k < 3; k++) {
            mse[k][1] = new double[] {2, 4, 5, 8, 10};
            mse[k][2] = constant(9);
        }
        mse[0][0] = new double[] {1, 1, 1, 1, 1};
        mse[1][0] = new double[] {1, 4, 1, 2, 3};     // ratios 0.5, 1, 0.2, 0.25, 0.3: worst exactly 1
        mse[2][0] = new double[] {1, 3, 1, 2, 9};     // worst 0.9 on the last seed
        CheckResult out = new CheckResult();
        FeatureLearningCheck.addComparisonVerdicts(out, CTX, 8, ns, mse, constant(1));
        assertThat(out.verdicts("DLS-2")).extracting(Verdict::check).containsExactly(
                "median test MSE at n = 1000: Algorithm 1 / min(RF, NTK)",
                "every seed at n = 100: max Algorithm 1 MSE / RF MSE",
                "every seed at n = 300: max Algorithm 1 MSE / RF MSE",
                "control: eta_1 = 0, same comparison at n = 1000");
        Verdict at100 = out.verdict("DLS-2", "every seed at n = 100: max Algorithm 1 MSE / RF MSE");
        assertThat(at100.observed()).isEqualTo(1.0);
        assertThat(at100.bound()).isEqualTo(1.0);
        assertThat(at100.holds()).isFalse();
        assertThat(at100.sizes()).containsEntry("n", 100);
        assertThat(at100.detail()).isEqualTo("per-seed ratios [0.500, 1.000, 0.200, 0.250, 0.300] (Algorithm 1 "
                + "[1.000, 4.000, 1.000, 2.000, 3.000], random features [2.000, 4.000, 5.000, 8.000, 10.000]); "
                + "holds when every ratio < 1");
        Verdict at300 = out.verdict("DLS-2", "every seed at n = 300: max Algorithm 1 MSE / RF MSE");
        assertThat(at300.observed()).isEqualTo(0.9);
        assertThat(at300.holds()).isTrue();
    }

    @Test
    @DisplayName("DLS-3 rules: worst over N in {100, 200} of median pretrained(n_src = d^3) / median RF, holds iff < 0.5")
    void transferThreshold() {
        int[] sources = {10, 1000}, targetNs = {50, 100, 200};
        double[][][] pre = new double[2][3][];
        double[][] preNoStep = new double[3][], tRf = new double[3][], tNtk = new double[3][];
        for (int t = 0; t < 3; t++) {
            pre[0][t] = withMedian(0.01);   // the other source: never the one asserted
            tRf[t] = withMedian(1.0);
            tNtk[t] = withMedian(0.05);     // NTK is not a DLS-3 baseline
            preNoStep[t] = withMedian(0.9);
        }
        pre[1][0] = withMedian(0.9);        // N = 50: not asserted
        pre[1][1] = withMedian(0.3);
        pre[1][2] = withMedian(0.45);
        preNoStep[1] = withMedian(1.2);
        CheckResult out = new CheckResult();
        FeatureLearningCheck.addTransferVerdicts(out, CTX, 8, sources, targetNs, pre, preNoStep, tRf, tNtk, 1000);
        Verdict v = out.verdict("DLS-3", "max over N in {100, 200}: median pretrained / median RF, n_src = d^3");
        assertThat(v.observed()).isEqualTo(0.45);
        assertThat(v.holds()).isTrue();
        assertThat(v.sizes()).containsEntry("n_src", 1000);
        assertThat(v.detail()).isEqualTo("N=100: pretrained 0.3000, RF 1.0000, NTK 0.0500 (ratio 0.300); "
                + "N=200: pretrained 0.4500, RF 1.0000, NTK 0.0500 (ratio 0.450); holds when every ratio < 0.5");
        Verdict c = out.verdict("DLS-3", "control: pretraining with eta_1 = 0, same comparison");
        assertThat(c.observed()).isEqualTo(1.2);
        assertThat(c.holds()).isFalse();
        assertThat(c.role()).isEqualTo(Verdict.Role.CONTROL);
        assertThat(c.detail()).isEqualTo("N=100: eta_1 = 0 pretrained 1.2000 vs RF 1.0000 (ratio 1.200); "
                + "N=200: eta_1 = 0 pretrained 0.9000 vs RF 1.0000 (ratio 0.900)");

        pre[1][1] = withMedian(0.5);        // exactly 0.5 at N = 100 fails
        preNoStep[1] = withMedian(0.2);
        preNoStep[2] = withMedian(0.4);
        CheckResult out2 = new CheckResult();
        FeatureLearningCheck.addTransferVerdicts(out2, CTX, 8, sources, targetNs, pre, preNoStep, tRf, tNtk, 1000);
        Verdict v2 = out2.verdict("DLS-3", "max over N in {100, 200}: median pretrained / median RF, n_src = d^3");
        assertThat(v2.observed()).isEqualTo(0.5);
        assertThat(v2.holds()).isFalse();
        Verdict c2 = out2.verdict("DLS-3", "control: pretraining with eta_1 = 0, same comparison");
        assertThat(c2.observed()).isEqualTo(0.4);
        assertThat(c2.holds()).isTrue();
        preNoStep[2] = withMedian(0.5);     // the control's own boundary: exactly 0.5 fails (the control bites)
        CheckResult out3 = new CheckResult();
        FeatureLearningCheck.addTransferVerdicts(out3, CTX, 8, sources, targetNs, pre, preNoStep, tRf, tNtk, 1000);
        Verdict c3 = out3.verdict("DLS-3", "control: pretraining with eta_1 = 0, same comparison");
        assertThat(c3.observed()).isEqualTo(0.5);
        assertThat(c3.holds()).isFalse();

        assertThatThrownBy(() -> FeatureLearningCheck.addTransferVerdicts(new CheckResult(), CTX, 8, sources,
                new int[] {200}, pre, preNoStep, tRf, tNtk, 1000)).isInstanceOf(IllegalStateException.class)
                .hasMessage("100 not in [200]");
    }

    @Test
    @DisplayName("DLS helpers: median / min / max / 4-decimal bands / 3-decimal per-seed lists; ratio to the best baseline")
    void helpers() {
        double[] v = {3, 1, 2, 5, 4};
        assertThat(FeatureLearningCheck.median(v)).isEqualTo(3.0);
        assertThat(FeatureLearningCheck.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
        assertThat(FeatureLearningCheck.min(v)).isEqualTo(1.0);
        assertThat(FeatureLearningCheck.max(v)).isEqualTo(5.0);
        assertThat(FeatureLearningCheck.min(new double[0])).isNaN();
        assertThat(FeatureLearningCheck.max(new double[0])).isNaN();
        assertThat(FeatureLearningCheck.f(0.123456)).isEqualTo("0.1235");
        assertThat(FeatureLearningCheck.band(new double[] {0.5, 0.25, 2})).isEqualTo("0.5000 [0.2500, 2.0000]");
        assertThat(FeatureLearningCheck.perSeed(new double[] {0.12345, 2})).isEqualTo("[0.123, 2.000]");
        assertThat(FeatureLearningCheck.perSeed(new double[0])).isEqualTo("[]");
        assertThat(FeatureLearningCheck.ratioToBaselines(new double[] {1, 2, 3}, new double[] {8}, new double[] {4},
                new double[] {16})).isEqualTo(0.5);
        assertThat(FeatureLearningCheck.ratioToBaselines(new double[] {1}, new double[] {4}, new double[] {8}))
                .isEqualTo(0.25);
        assertThat(FeatureLearningCheck.indexOf(new int[] {5, 7, 9}, 9)).isEqualTo(2);
        assertThat(FeatureLearningCheck.indexOf(new int[] {5, 7, 9}, 5)).isZero();
        assertThatThrownBy(() -> FeatureLearningCheck.indexOf(new int[] {5}, 6))
                .isInstanceOf(IllegalStateException.class).hasMessage("6 not in [5]");
    }

    @Test
    @DisplayName("DLS sizes: CLAIMS.md grids for the full and quick modes (d = 10, m = 2000, 2000 test points); fixed sizes win")
    void sizes() {
        FeatureLearningCheck check = new FeatureLearningCheck();
        FeatureLearningCheck.Sizes full = check.sizes(CheckContext.of(Backends.byName("ejml"), 1, false));
        FeatureLearningCheck.Sizes quick = check.sizes(CheckContext.of(Backends.byName("ejml"), 1, true));
        assertThat(full.m()).isEqualTo(2000);
        assertThat(full.test()).isEqualTo(2000);
        assertThat(full.ns()).containsExactly(10, 32, 100, 200, 500, 1000);
        assertThat(full.targetNs()).containsExactly(10, 32, 100, 200, 500, 1000);
        assertThat(full.sources()).containsExactly(10, 200, 1000);   // n_src in {d, 2d^2, d^3}
        assertThat(quick.m()).isEqualTo(2000);
        assertThat(quick.test()).isEqualTo(2000);
        assertThat(quick.ns()).containsExactly(100, 200, 1000);
        assertThat(quick.targetNs()).containsExactly(100, 200);
        assertThat(quick.sources()).containsExactly(1000);
        FeatureLearningCheck.Sizes small = new FeatureLearningCheck.Sizes(4, 5, new int[] {200}, new int[] {100, 200},
                new int[] {1000});
        FeatureLearningCheck fixed = new FeatureLearningCheck(small);
        assertThat(fixed.sizes(CheckContext.of(Backends.byName("ejml"), 1, false))).isSameAs(small);
        assertThat(fixed.sizes(CheckContext.of(Backends.byName("ejml"), 1, true))).isSameAs(small);
        assertThat(check.ids()).containsExactly("DLS-1", "DLS-2", "DLS-3");
    }

    /** SplitMix64's finalizer (Steele, Lea, Flood 2014; Stafford's variant 13), as in java.util.SplittableRandom. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Test
    @DisplayName("DLS seed streams: SplitMix64 finalizer of seed*golden + tag*c1 + size*c2, made non-negative; rng is seeded with it")
    void streams() {
        long[][] cases = {{0, 0, 0}, {1, 1, 0}, {1, 3, 200}, {5, 10, 1000}, {123456789L, 7, 32}};
        for (long[] c : cases) {
            long expected = mix64(c[0] * 0x9E3779B97F4A7C15L + c[1] * 0xBF58476D1CE4E5B9L + c[2] * 0x94D049BB133111EBL)
                    & Long.MAX_VALUE;
            assertThat(FeatureLearningCheck.stream(c[0], (int) c[1], (int) c[2])).as(Arrays.toString(c))
                    .isEqualTo(expected).isNotNegative();
            assertThat(FeatureLearningCheck.rng(c[0], (int) c[1], (int) c[2]).nextLong())
                    .isEqualTo(RandomMatrices.rng(expected).nextLong());
        }
        // the high bit is cleared, not the value negated: some stream has it set before the mask
        boolean sawHighBit = false;
        for (int size = 0; size < 64 && !sawHighBit; size++) {
            sawHighBit = mix64(size * 0x94D049BB133111EBL) < 0;
            assertThat(FeatureLearningCheck.stream(0, 0, size)).isEqualTo(mix64(size * 0x94D049BB133111EBL)
                    & Long.MAX_VALUE);
        }
        assertThat(sawHighBit).isTrue();
    }
}
