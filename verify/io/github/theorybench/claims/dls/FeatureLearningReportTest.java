package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-3's transfer table and figure on a hand-made measurement (pure functions of the record): ten seeds, the first
 * five full (with transfer runs); seed s has pretrained 0.20 + 0.01 s, control 0.5 + 0.1 s, random features
 * 1.00 + 0.01 s, NTK 1.1, so over the full seeds the median is seed 2's value and min/max are seeds 0 and 4.
 */
@SmallInstances
class FeatureLearningReportTest {
    /** Sums of two decimals. */
    private static final double ROUND_OFF = 1e-12;

    @Test
    @DisplayName("DLS-3 transfer table and figure of a hand-made measurement: median [min, max] over the full seeds only, per source, control, random features and NTK")
    void transfer() {
        List<FeatureLearningRun> runs = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            runs.add(FeatureLearningVerdictsTest.run(s < 5, 0.5, 0.1, FeatureLearningVerdictsTest.GOOD, 0.20 + 0.01 * s,
                    0.5 + 0.1 * s, 1.0 + 0.01 * s, 1.0));
        }
        FeatureLearningCheck.Measurement m = FeatureLearningVerdictsTest.measurement(runs, null, null);
        Table t = FeatureLearningReport.transferTable(m);
        assertThat(t.header()).containsExactly("N", "pretrained, n_src = 1000", "pretrained, n_src = d = 10 (control)",
                "random features", "NTK");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0)).containsExactly("100", "0.2200 [0.2000, 0.2400]", "0.7000 [0.5000, 0.9000]",
                "1.0200 [1.0000, 1.0400]", "1.1000 [1.1000, 1.1000]");
        assertThat(t.rows().get(1).get(0)).isEqualTo("200");
        assertThat(FeatureLearningReport.band(new double[] {Double.NaN})).isEqualTo("-");
        assertThat(FeatureLearningReport.band(new double[] {Double.NaN, 0.3, 0.1, 0.2})).isEqualTo(
                "0.2000 [0.1000, 0.3000]");

        Figure f = FeatureLearningReport.transferFigure(m);
        List<Figure.Series> s = f.series();
        assertThat(s).hasSize(5);
        assertThat(s.get(0).label()).isEqualTo("pretrained, n_src = 1000 (median)");
        assertThat(s.get(0).x()).containsExactly(100, 200);
        assertThat(s.get(0).y()).containsExactly(new double[] {0.22, 0.22}, within(ROUND_OFF));
        assertThat(s.get(1).y()).containsExactly(new double[] {1.02, 1.02}, within(ROUND_OFF));
        assertThat(s.get(2).y()).containsExactly(1.1, 1.1);
        assertThat(s.get(3).y()).containsExactly(new double[] {0.7, 0.7}, within(ROUND_OFF));
        assertThat(s.get(4).y()).containsExactly(1, 1);
        assertThat(FeatureLearningReport.transferValues(m, 200, FeatureLearningRun.Transfer::ntk)).hasSize(5);
    }
}
