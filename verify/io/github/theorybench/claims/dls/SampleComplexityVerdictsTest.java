package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-4's rows, table and figures on hand-made measurements (nothing runs: they are pure functions of the record).
 * Each grid size gets three seeds v, v/2, 2v (or v, 0.9v, 1.1v), so the median is v exactly; n* is interpolated here
 * as n_{k-1} (n_k/n_{k-1})^t with t = (m_{k-1} - 0.25)/(m_{k-1} - m_k).
 */
@SmallInstances
class SampleComplexityVerdictsTest {
    /** ln/exp round trips of O(100) numbers. */
    private static final double ROUND_OFF = 1e-12;
    private static final double[] SPREAD = {1, 0.5, 2};
    private static final double[] NARROW = {1, 0.9, 1.1};
    private static final Provenance P = Provenance.of(5, "ejml", "m", 30);

    private static double[] times(double[] v, double f) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }

    /** Three seeds at d whose medians are {@code med}, {@code permMed} (or none), He4 at 40 with median 0.3/0.2. */
    private static List<SampleComplexityRun> seeds(int d, int[] ns, double[] med, double[] permMed, boolean heFour,
            double[] hessian, double heHessian) {
        List<SampleComplexityRun> out = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            out.add(new SampleComplexityRun(Provenance.of(100 + s, "ejml", "d", d), d, hessian[s], heHessian, ns,
                    times(med, SPREAD[s]), permMed == null ? new double[0] : times(permMed, NARROW[s]),
                    heFour ? new int[] {40} : new int[0], heFour ? new double[] {0.3 * NARROW[s]} : new double[0],
                    heFour ? new double[] {0.2 * NARROW[2 - s]} : new double[0], 0));
        }
        return out;
    }

    private static List<Verdict> rows(List<Verdict> vs, Criterion c) {
        return vs.stream().filter(v -> v.criterion().equals(c)).toList();
    }

    private static final SampleComplexityCheck.Sizes SIZES = new SampleComplexityCheck.Sizes(new int[] {4, 6}, 30,
            100, 3, 4, 6, new int[] {40});
    private static final int[] NS4 = {8, 16, 32, 64}, NS6 = {12, 24, 48, 96, 200, 400};
    private static final double[] MED4 = {0.9, 0.5, 0.2, 0.1}, MED6 = {0.9, 0.8, 0.7, 0.6, 0.5, 0.1};

    private static SampleComplexityCheck.Measurement crossingBoth() {
        List<SampleComplexityRun> runs = new ArrayList<>(seeds(4, NS4, MED4, new double[] {1.0, 1.0, 0.9, 0.8},
                false, new double[] {1, 1, 1}, 0));
        runs.addAll(seeds(6, NS6, MED6, null, true, new double[] {1, -1, 1}, DlsHypotheses.HESSIAN_ZERO));
        return new SampleComplexityCheck.Measurement(SIZES, P, runs);
    }

    @Test
    @DisplayName("DLS-4 rows of a hand-made measurement: n* interpolated on log n, n*/d^2, beyond 8d^2 only strictly above, texts, the control without a crossing, the He4 row")
    void rows() {
        List<Verdict> vs = SampleComplexityVerdicts.verdicts(crossingBoth());
        double n4 = 16 * Math.pow(2, 0.25 / 0.3), n6 = 200 * Math.pow(2, 0.25 / 0.4);
        Verdict r4 = rows(vs, SampleComplexityCheck.CROSSING).get(0), r6 = rows(vs, SampleComplexityCheck.CROSSING)
                .get(1);
        assertThat(r4.observed()).isEqualTo(0.1);
        assertThat(r4.hypothesisMet()).isTrue();                                  // |E g''| = 1 on every seed
        assertThat(r4.measurements().get("nStar")).isCloseTo(n4, within(ROUND_OFF * n4));
        assertThat(r4.measurements().get("nStarOverDSquared")).isCloseTo(n4 / 16, within(ROUND_OFF));
        assertThat(r4.measurements()).containsEntry("beyondClaimsGrid", 0.0).containsEntry("gridSizes", 4.0)
                .containsEntry("seeds", 3.0);
        assertThat(r4.detail()).isEqualTo(String.format(Locale.ROOT, "median test MSE over 3 seeds along n = [8, 16,"
                + " 32, 64]: [0.900, 0.500, 0.200, 0.100]; n* = %.0f (= %.2f d^2)", n4, n4 / 16));
        assertThat(r6.measurements().get("nStar")).isCloseTo(n6, within(ROUND_OFF * n6));
        assertThat(r6.measurements()).containsEntry("beyondClaimsGrid", 1.0);     // 308 > 8 * 36 = 288
        assertThat(r6.detail()).endsWith(String.format(Locale.ROOT, "n* = %.0f (= %.2f d^2, beyond CLAIMS.md's grid"
                + " top 8d^2: on its extension)", n6, n6 / 36));
        Verdict e = rows(vs, SampleComplexityCheck.EXPONENT).get(0);
        double slope = Math.log(n6 / n4) / Math.log(1.5);
        assertThat(e.observed()).isCloseTo(slope, within(ROUND_OFF));
        assertThat(e.measurements().get("slopeOverFoundCrossings")).isCloseTo(slope, within(ROUND_OFF));
        assertThat(e.detail()).startsWith(String.format(Locale.ROOT, "n* = [%.3f, %.3f] at d = [4, 6]; fitted"
                + " exponent %.2f", n4, n6, slope));
        Verdict ctrl = rows(vs, SampleComplexityCheck.CROSSING_PERMUTED).get(0);
        assertThat(ctrl.observed()).isEqualTo(0.8);
        assertThat(ctrl.measurements().get("nStar")).isNaN();
        assertThat(ctrl.detail()).endsWith("[1.000, 1.000, 0.900, 0.800]; n* = none on the grid");
        Verdict he = rows(vs, SampleComplexityCheck.HE_FOUR_ONLY).get(0);
        assertThat(he.observed()).isEqualTo(0.3);
        assertThat(he.hypothesisMet()).isFalse();                                 // |E g''| = 1e-10 is not above it
        assertThat(he.measurements()).containsEntry("medianShare", 0.2).containsEntry("randomDirectionShare", 1 / 6.0)
                .containsEntry("seeds", 3.0);
        assertThat(he.detail()).startsWith("median test MSE 0.300, share of ||W1||_F^2 along u 0.200 (1/d = 0.17); ");
        assertThat(he.sizes()).containsEntry("n", 40).containsEntry("d", 6);
        assertThat(vs).hasSize(5);
        SampleComplexityCheck check = new SampleComplexityCheck(SIZES);
        assertThat(check.ids()).containsExactly("DLS-4");
        assertThat(check.tables(crossingBoth()).get(0).rows()).hasSize(2);
        assertThat(check.figures(crossingBoth())).hasSize(2);

        Table t = SampleComplexityVerdicts.table(crossingBoth());
        assertThat(t.rows().get(0)).containsExactly("4", "[8, 16, 32, 64]", "[0.900, 0.500, 0.200, 0.100]",
                String.format(Locale.ROOT, "%.0f", n4));
        assertThat(t.rows().get(1).get(2)).isEqualTo("[0.900, 0.800, 0.700, 0.600, 0.500, 0.100]");
        assertThat(t.title()).contains("3 seeds");
        assertThat(t.note()).startsWith("m = 30, zeta = ").contains("100 clean test points");

        List<Figure> f = SampleComplexityVerdicts.figures(crossingBoth());
        assertThat(f).hasSize(2);
        assertThat(f.get(0).series().get(0).x()).containsExactly(8, 16, 32, 64);
        assertThat(f.get(0).series().get(1).y()).containsExactly(MED6);
        Figure.Series level = f.get(0).series().get(2);
        assertThat(level.x()).containsExactly(8, 400);
        assertThat(level.y()).containsExactly(0.25, 0.25);
        List<Figure.Series> sc = f.get(1).series();
        assertThat(sc.get(0).x()).containsExactly(4, 6);
        assertThat(sc.get(0).y()).containsExactly(new double[] {n4, n6}, within(ROUND_OFF * n6));
        // slope-2 line through the geometric centre: c = sqrt(n4 n6 / (4^2 6^2))
        double c = Math.sqrt(n4 * n6 / (16.0 * 36.0));
        assertThat(sc.get(1).y()).containsExactly(new double[] {c * 16, c * 36}, within(ROUND_OFF * n6));
        assertThat(sc.get(3).x()).containsExactly(4, 6);
        assertThat(sc.get(3).y()).containsExactly(128, 288);
    }

    @Test
    @DisplayName("DLS-4 edges on hand-made measurements: n* at the first grid size equal to 8d^2 is not beyond it, no crossing gives NaN and '-', |E g''| at 1e-10 fails Assumption 2, just above holds")
    void edges() {
        List<SampleComplexityRun> runs = new ArrayList<>(seeds(4, new int[] {128, 256}, new double[] {0.1, 0.05},
                new double[] {0.2, 0.1}, false, new double[] {1, DlsHypotheses.HESSIAN_ZERO, 1}, 0));
        runs.addAll(seeds(6, new int[] {12, 24}, new double[] {0.9, 0.8}, null, true, new double[] {1, 1, 1},
                -Math.nextUp(DlsHypotheses.HESSIAN_ZERO)));
        SampleComplexityCheck.Measurement m = new SampleComplexityCheck.Measurement(SIZES, P, runs);
        List<Verdict> vs = SampleComplexityVerdicts.verdicts(m);
        Verdict r4 = rows(vs, SampleComplexityCheck.CROSSING).get(0);
        assertThat(r4.measurements()).containsEntry("nStar", 128.0).containsEntry("beyondClaimsGrid", 0.0);
        assertThat(r4.detail()).endsWith("n* = 128 (= 8.00 d^2)");
        assertThat(r4.hypothesisMet()).isFalse();
        Verdict r6 = rows(vs, SampleComplexityCheck.CROSSING).get(1);
        assertThat(r6.measurements().get("nStar")).isNaN();
        assertThat(r6.detail()).endsWith("n* = none on the grid");
        Verdict e = rows(vs, SampleComplexityCheck.EXPONENT).get(0);
        assertThat(e.observed()).isNaN();
        assertThat(e.holds()).isFalse();
        assertThat(e.measurements().get("slopeOverFoundCrossings")).isNaN();      // one crossing only
        assertThat(rows(vs, SampleComplexityCheck.HE_FOUR_ONLY).get(0).hypothesisMet()).isTrue();
        assertThat(SampleComplexityVerdicts.table(m).rows().get(1).get(3)).isEqualTo("-");
        assertThat(SampleComplexityVerdicts.table(m).rows().get(0).get(3)).isEqualTo("128");
        List<Figure> f = SampleComplexityVerdicts.figures(m);
        assertThat(f.get(1).series().get(0).x()).containsExactly(4);
        assertThat(f.get(1).series().get(0).y()).containsExactly(128);
        assertThat(f.get(0).series().get(2).x()).containsExactly(12, 256);

        // no crossing anywhere: only the MSE figure
        SampleComplexityCheck.Measurement none = new SampleComplexityCheck.Measurement(SIZES, P,
                seeds(6, new int[] {12, 24}, new double[] {0.9, 0.8}, null, true, new double[] {1, 1, 1}, 0));
        SampleComplexityCheck.Measurement only6 = new SampleComplexityCheck.Measurement(
                new SampleComplexityCheck.Sizes(new int[] {6}, 30, 100, 3, 6, 6, new int[] {40}), P, none.runs());
        assertThat(SampleComplexityVerdicts.figures(only6)).hasSize(1);
        assertThat(SampleComplexityVerdicts.slopeOverFound(new int[] {4, 6, 8}, new double[] {32, Double.NaN, 128}))
                .isCloseTo(2.0, within(ROUND_OFF));
    }

    @Test
    @DisplayName("DLS-4 sizes: quick() is quick, claims() and every one-field change of quick() are not")
    void sizes() {
        SampleComplexityCheck.Sizes q = SampleComplexityCheck.Sizes.quick();
        assertThat(q.isQuick()).isTrue();
        assertThat(SampleComplexityCheck.Sizes.claims().isQuick()).isFalse();
        assertThat(SampleComplexityCheck.Sizes.claims().ds()).containsExactly(6, 8, 10, 12);
        int[] ns = q.heFourNs();
        assertThat(new SampleComplexityCheck.Sizes(new int[] {10, 14}, q.m(), q.test(), q.seeds(), q.controlD(),
                q.heFourD(), ns).isQuick()).isFalse();
        assertThat(new SampleComplexityCheck.Sizes(q.ds(), q.m() + 1, q.test(), q.seeds(), q.controlD(), q.heFourD(),
                ns).isQuick()).isFalse();
        assertThat(new SampleComplexityCheck.Sizes(q.ds(), q.m(), q.test() + 1, q.seeds(), q.controlD(), q.heFourD(),
                ns).isQuick()).isFalse();
        assertThat(new SampleComplexityCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds() + 1, q.controlD(), q.heFourD(),
                ns).isQuick()).isFalse();
        assertThat(new SampleComplexityCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds(), q.controlD() + 1, q.heFourD(),
                ns).isQuick()).isFalse();
        assertThat(new SampleComplexityCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds(), q.controlD(), q.heFourD() + 1,
                ns).isQuick()).isFalse();
        assertThat(new SampleComplexityCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds(), q.controlD(), q.heFourD(),
                new int[] {200, 401}).isQuick()).isFalse();
        SampleComplexityCheck.Measurement m = new SampleComplexityCheck.Measurement(q, P, new ArrayList<>(
                seeds(10, new int[] {20, 40}, new double[] {0.5, 0.1}, new double[] {0.9, 0.8}, true,
                        new double[] {1, 1, 1}, 0)));
        List<SampleComplexityRun> runs = new ArrayList<>(m.runs());
        runs.addAll(seeds(12, new int[] {24, 48}, new double[] {0.5, 0.1}, null, false, new double[] {1, 1, 1}, 0));
        assertThat(rows(SampleComplexityVerdicts.verdicts(new SampleComplexityCheck.Measurement(q, P, runs)),
                SampleComplexityCheck.EXPONENT_QUICK)).hasSize(1);
    }
}
