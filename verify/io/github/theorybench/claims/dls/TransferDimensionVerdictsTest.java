package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-5's table, figure and flatness texts on a hand-made measurement (pure functions of the record), and which
 * sizes count as {@code --quick}. Three seeds per d with values v, 0.8v, 1.2v: median v, min 0.8v, max 1.2v.
 */
@SmallInstances
class TransferDimensionVerdictsTest {
    private static final TransferDimensionCheck.Sizes SIZES = new TransferDimensionCheck.Sizes(new int[] {4, 6}, 30,
            100, 3, 3, 20, 64);

    private static TransferDimensionCheck.Measurement measurement() {
        List<TransferDimensionRun> runs = new ArrayList<>();
        double[] f = {1, 0.8, 1.2};
        for (int d : SIZES.ds()) {
            double pre = d == 4 ? 0.25 : 0.5;
            for (int s = 0; s < 3; s++) {
                runs.add(new TransferDimensionRun(Provenance.of(s, "ejml", "d", d), d, pre * f[s], 0.9 * f[s],
                        (d == 4 ? 0.7 : 0.6) * f[s], (d == 4 ? 1.0 : 1.25) * f[s], 0));
            }
        }
        return new TransferDimensionCheck.Measurement(SIZES, Provenance.of(9, "ejml", "m", 30), runs);
    }

    @Test
    @DisplayName("DLS-5 table, figure and flatness rows of a hand-made measurement: median [min, max] per d, medians per curve, slopes of ln median in ln d")
    void rendering() {
        TransferDimensionCheck check = new TransferDimensionCheck(SIZES);
        TransferDimensionCheck.Measurement m = measurement();
        assertThat(check.ids()).containsExactly("DLS-5");
        Table t = check.tables(m).get(0);
        assertThat(t.rows().get(0)).containsExactly("4", "0.2500 [0.2000, 0.3000]", "1.0000 [0.8000, 1.2000]",
                "0.9000 [0.7200, 1.0800]", "0.7000 [0.5600, 0.8400]");
        assertThat(t.rows().get(1).get(1)).isEqualTo("0.5000 [0.4000, 0.6000]");
        Figure f = check.figures(m).get(0);
        assertThat(f.series()).hasSize(5);
        assertThat(f.series().get(0).x()).containsExactly(4, 6);
        assertThat(f.series().get(0).y()).containsExactly(0.25, 0.5);
        assertThat(f.series().get(1).y()).containsExactly(1.0, 1.25);
        assertThat(f.series().get(2).y()).containsExactly(0.9, 0.9);
        assertThat(f.series().get(3).y()).containsExactly(0.7, 0.6);
        assertThat(f.series().get(3).label()).isEqualTo("pretrained, n_src = 64 (control) (median)");
        assertThat(f.series().get(4).y()).containsExactly(1, 1);
        List<Verdict> vs = check.verdicts(m);
        Verdict flat = vs.stream().filter(v -> v.criterion().equals(TransferDimensionCheck.FLAT_IN_D)).findFirst()
                .orElseThrow();
        assertThat(flat.observed()).isCloseTo(Math.log(2) / Math.log(1.5), within(1e-12));   // ln(0.5/0.25)/ln(6/4)
        assertThat(flat.detail()).startsWith("median test MSE [0.250, 0.500] at d = [4, 6]");
        Verdict fixed = vs.stream().filter(v -> v.criterion().equals(TransferDimensionCheck.FLAT_FIXED_SOURCE))
                .findFirst().orElseThrow();
        assertThat(fixed.detail()).startsWith("median test MSE [0.700, 0.600] at d = [4, 6]");
    }

    @Test
    @DisplayName("DLS-5 sizes: quick() is quick, claims() and every one-field change of quick() are not")
    void sizes() {
        TransferDimensionCheck.Sizes q = TransferDimensionCheck.Sizes.quick();
        assertThat(q.isQuick()).isTrue();
        assertThat(TransferDimensionCheck.Sizes.claims().isQuick()).isFalse();
        assertThat(TransferDimensionCheck.Sizes.claims().smallestDSeeds()).isEqualTo(40);
        assertThat(new TransferDimensionCheck.Sizes(new int[] {6, 8}, q.m(), q.test(), q.seeds(), q.smallestDSeeds(),
                q.bigN(), q.fixedSource()).isQuick()).isFalse();
        assertThat(new TransferDimensionCheck.Sizes(q.ds(), q.m() + 1, q.test(), q.seeds(), q.smallestDSeeds(),
                q.bigN(), q.fixedSource()).isQuick()).isFalse();
        assertThat(new TransferDimensionCheck.Sizes(q.ds(), q.m(), q.test() + 1, q.seeds(), q.smallestDSeeds(),
                q.bigN(), q.fixedSource()).isQuick()).isFalse();
        assertThat(new TransferDimensionCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds() + 1, q.smallestDSeeds(),
                q.bigN(), q.fixedSource()).isQuick()).isFalse();
        assertThat(new TransferDimensionCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds(), q.smallestDSeeds() + 1,
                q.bigN(), q.fixedSource()).isQuick()).isFalse();
        assertThat(new TransferDimensionCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds(), q.smallestDSeeds(),
                q.bigN() + 1, q.fixedSource()).isQuick()).isFalse();
        assertThat(new TransferDimensionCheck.Sizes(q.ds(), q.m(), q.test(), q.seeds(), q.smallestDSeeds(),
                q.bigN(), q.fixedSource() + 1).isQuick()).isFalse();
    }
}
