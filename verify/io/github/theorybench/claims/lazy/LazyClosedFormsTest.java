package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.TwoLayerInit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-1/3's rate and travel bound and LAZY-8's helpers (Gaussian-width prediction, random-sign test, bands, table and
 * figure) against closed forms and hand-made inputs.
 */
@SmallInstances
class LazyClosedFormsTest {
    /** A product/quotient of a few O(1) doubles: relative 1e-14. */
    private static final double ROUND_OFF = 1e-14;
    /** Trapezoidal rule (step 0.01 on [−9, 9]) against the check's 80-node Gauss–Hermite rule for tanh²: ~1e-7. */
    private static final double QUADRATURE = 1e-6;
    private static final Provenance P = Provenance.of(4, "ejml", "n", 16);

    @Test
    @DisplayName("LAZY-1/3 closed forms: decay rate alpha^2 sigma_min^2/2 and travel bound sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2) at unequal sigma_min, sigma_max, R0, alpha")
    void rateAndTravel() {
        double sMin = 0.7, sMax = 3.0, r0 = 2.5, alpha = 5.0;
        LazyInstance in = new LazyInstance(1, null, null, new double[0], null, null, null, null, null, new double[0],
                sMin, sMax, 1.0, r0, 0.0);
        assertThat(in.decayRate(alpha)).isCloseTo(25 * 0.49 / 2, within(ROUND_OFF));
        double travel = Math.sqrt(72 * 9 * 2.5) / (5 * 0.49);
        assertThat(in.travelBound(alpha)).isCloseTo(travel, within(ROUND_OFF * travel));
    }

    @Test
    @DisplayName("LAZY-8 Gaussian-width prediction: E[tanh(z)^2]/2 by Gauss-Hermite equals a trapezoidal rule")
    void gaussianPrediction() {
        double h = 0.01, s = 0;
        for (int i = -900; i <= 900; i++) {
            double z = i * h, t = Math.tanh(z);
            s += h * t * t * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        }
        assertThat(InitialRiskScalingCheck.gaussianPrediction()).isCloseTo(s / 2, within(QUADRATURE));
    }

    @Test
    @DisplayName("LAZY-8 hypothesis: random-sign init iff signs are +-1 and the second half is not the first with flipped signs")
    void randomSignInit() {
        DenseMatrix w = DenseMatrix.wrap(4, 2, new double[] {1, 2, 3, 4, 1, 2, 3, 4});
        assertThat(InitialRiskScalingCheck.randomSignInit(new TwoLayerInit(w, new double[] {1, -1, -1, 1}))).isFalse();
        assertThat(InitialRiskScalingCheck.randomSignInit(new TwoLayerInit(w, new double[] {1, -1, 1, 1}))).isTrue();
        assertThat(InitialRiskScalingCheck.randomSignInit(new TwoLayerInit(w, new double[] {1, -1, -1, 0.5})))
                .isFalse();
        DenseMatrix w2 = DenseMatrix.wrap(4, 2, new double[] {1, 2, 3, 4, 1, 2, 3, 5});
        assertThat(InitialRiskScalingCheck.randomSignInit(new TwoLayerInit(w2, new double[] {1, -1, -1, 1})))
                .isTrue();
        DenseMatrix w3 = DenseMatrix.wrap(3, 2, new double[] {1, 2, 3, 4, 5, 6});
        assertThat(InitialRiskScalingCheck.randomSignInit(new TwoLayerInit(w3, new double[] {1, -1, 1}))).isTrue();
        assertThat(InitialRiskScalingCheck.randomSignInit(new TwoLayerInit(w3, new double[] {1, -2, 1}))).isFalse();
    }

    @Test
    @DisplayName("LAZY-8 reports: band ratio, single-seed band, antisymmetric band, table cells and the figure's series and band lines from hand-made cells")
    void reports() {
        InitialRiskScalingCheck.Sizes s = new InitialRiskScalingCheck.Sizes(new double[] {10, 100}, new int[] {8},
                new int[] {4}, 2, 2);
        List<InitialRiskScalingCheck.Cell> cells = List.of(
                new InitialRiskScalingCheck.Cell(4, 8, 10, new double[] {0.1, 0.3}, new double[] {2.0, 4.0}, true),
                new InitialRiskScalingCheck.Cell(4, 8, 100, new double[] {0.5, 0.7}, new double[] {0.02, 0.04}, true));
        InitialRiskScalingCheck.Measurement m = new InitialRiskScalingCheck.Measurement(P, s, cells, 0.19);
        // means 0.2 and 0.6; antisymmetric means 3 and 0.03; single seeds 0.1 .. 0.7
        assertThat(m.singleSeedBand()).isCloseTo(7.0, within(7 * ROUND_OFF));
        assertThat(m.antisymmetricBand()).isCloseTo(100.0, within(100 * ROUND_OFF));
        assertThat(m.hypothesisMet()).isTrue();
        InitialRiskScalingCheck.Measurement broken = new InitialRiskScalingCheck.Measurement(P, s, List.of(cells.get(0),
                new InitialRiskScalingCheck.Cell(4, 8, 100, new double[] {0.5}, new double[] {0.1}, false)), 0.19);
        assertThat(broken.hypothesisMet()).isFalse();
        InitialRiskScalingCheck c = new InitialRiskScalingCheck(s);
        List<Verdict> vs = c.verdicts(m);
        Verdict band = vs.get(0);
        assertThat(band.observed()).isCloseTo(3.0, within(3 * ROUND_OFF));
        assertThat(band.measurements().get("bandLow")).isCloseTo(0.2, within(ROUND_OFF));
        assertThat(band.measurements().get("bandHigh")).isCloseTo(0.6, within(ROUND_OFF));
        assertThat(band.measurements().get("gaussianPrediction")).isEqualTo(0.19);
        assertThat(band.measurements().get("singleSeedBand")).isCloseTo(7.0, within(7 * ROUND_OFF));
        assertThat(band.detail()).contains("means over 2 seeds lie in [0.2000, 0.6000]", "band of 7.0");
        assertThat(vs.get(1).observed()).isCloseTo(100.0, within(100 * ROUND_OFF));
        assertThat(vs.get(1).hypothesisMet()).isFalse();
        Table t = c.tables(m).get(0);
        assertThat(t.rows()).containsExactly(List.of("4", "8", "10", "0.2000"), List.of("4", "8", "100", "0.6000"));
        assertThat(t.note()).contains("0.1900");
        Figure f = c.figures(m).get(0);
        assertThat(f.series()).hasSize(4);
        assertThat(f.series().get(0).y()).containsExactly(new double[] {0.2, 0.6}, within(ROUND_OFF));
        assertThat(f.series().get(1).y()).containsExactly(new double[] {0.2, 0.2}, within(ROUND_OFF));
        assertThat(f.series().get(2).y()).containsExactly(new double[] {0.8, 0.8}, within(ROUND_OFF));
        assertThat(f.series().get(3).y()).containsExactly(0.19, 0.19);
        assertThat(f.title()).contains("over 2 seeds");
    }

    @Test
    @DisplayName("LAZY-4 figure: 20 bins centred at 0.025 + 0.05k; counts per bin (values >= 1 in the last, negatives in the first); bound and tight lines as tall as the largest count")
    void histogram() {
        double[] bins = JacobianLipschitzCheck.histogramBins();
        assertThat(bins).hasSize(20);
        for (int k = 0; k < 20; k++) {
            assertThat(bins[k]).isCloseTo(0.025 + 0.05 * k, within(ROUND_OFF));
        }
        double[] h = JacobianLipschitzCheck.histogram(new double[] {0.01, 0.07, 0.08, 0.33, 0.99, 1.5, -0.2}, bins);
        double[] expected = new double[20];
        expected[0] = 2;     // 0.01 and the clamped -0.2
        expected[1] = 2;     // 0.07, 0.08
        expected[6] = 1;     // 0.33
        expected[19] = 2;    // 0.99 and the clamped 1.5
        assertThat(h).containsExactly(expected);
        JacobianLipschitzCheck.Measurement m = new JacobianLipschitzCheck.Measurement(List.of(
                new JacobianLipschitzCheck.PairRatios(P, io.github.theorybench.model.Activation.TANH, true,
                        new double[] {0.12, 0.13, 0.14}, new double[] {0.5})),
                new JacobianLipschitzCheck.TightRatio(P, true, 1e-3, 0.97));
        Figure f = new JacobianLipschitzCheck().figures(m).get(0);
        assertThat(f.series()).hasSize(4);
        assertThat(f.series().get(0).y()[2]).isEqualTo(3.0);
        assertThat(f.series().get(1).y()[10]).isEqualTo(1.0);
        assertThat(f.series().get(2).y()).containsExactly(0.0, 3.0);
        assertThat(f.series().get(3).x()).containsExactly(0.97, 0.97);
        assertThat(f.series().get(3).y()).containsExactly(0.0, 3.0);
    }
}
