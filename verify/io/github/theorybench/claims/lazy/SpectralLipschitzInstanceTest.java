package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-11's seeded instance replayed draw by draw in its documented order, the random-instance ratios of a small run
 * bounded as the corrected lemma says, and the verdict rules of the random, printed and literal-constant rows at their
 * edges on hand-made measurements.
 */
@SmallInstances
class SpectralLipschitzInstanceTest {
    private static final Provenance P = Provenance.of(3, "ejml", "n", 2);
    /** Products of two O(1) doubles: 1e-15 relative. */
    private static final double ROUND_OFF = 1e-15;
    /** ‖X∗X‖₂ ≤ ‖X∗X‖_F = sqrt(Σ‖x_i‖⁴), each from its own solver/sum: relative round-off 1e-12. */
    private static final double NORM_ROUND_OFF = 1e-12;

    @Test
    @DisplayName("LAZY-11 instance: starts, X, W, V, nearby W + 1e-3 G and rank-one W + e_j u^T replayed from the documented draw order")
    void instance() {
        SpectralLipschitzCheck.Sizes s = new SpectralLipschitzCheck.Sizes(2, 3, 2, 3, 10, 4, 3, 5, 2);
        SpectralLipschitzCheck.Instance in = SpectralLipschitzCheck.Instance.build(21, s);
        SeedStream seeds = SeedStream.of(21, "LAZY-11");
        assertThat(in.starts()).hasSize(3);
        for (int k = 0; k < 3; k++) {
            RandomGenerator r = RandomMatrices.rng(seeds.child("start").seed(k));
            double[] start = in.starts().get(k);
            assertThat(start).hasSize(2 * 2 * 3 + 2 * 3);
            for (double v : start) {
                assertThat(v).isEqualTo(r.nextGaussian());
            }
        }
        RandomGenerator rng = RandomMatrices.rng(seeds.child("random").seed(0));
        double[] x = in.x();
        assertThat(x).hasSize(12);
        for (double v : x) {
            assertThat(v).isEqualTo(rng.nextGaussian());
        }
        assertThat(in.w()).hasSize(2);
        for (int p = 0; p < 2; p++) {
            double[] w = new double[15], g = new double[15], v = new double[15];
            for (int t = 0; t < 15; t++) {
                w[t] = rng.nextGaussian();
            }
            for (int t = 0; t < 15; t++) {
                g[t] = rng.nextGaussian();
            }
            for (int t = 0; t < 15; t++) {
                v[t] = rng.nextGaussian();
            }
            int j = rng.nextInt(5);
            double[] one = w.clone();
            for (int k = 0; k < 3; k++) {
                one[3 * j + k] += rng.nextGaussian();
            }
            assertThat(in.w().get(p)).containsExactly(w);
            assertThat(in.v().get(p)).containsExactly(v);
            assertThat(in.rankOne().get(p)).containsExactly(one);
            for (int t = 0; t < 15; t++) {
                assertThat(in.nearby().get(p)[t]).isCloseTo(w[t] + 1e-3 * g[t], within(ROUND_OFF * (1 + Math.abs(w[t]))));
            }
        }
    }

    @Test
    @DisplayName("LAZY-11 small run: random, rank-one (tanh) ratios in (0, 1]; ReLU nearby ratios positive; search evaluations within the budget")
    void ratios() {
        SpectralLipschitzCheck.Sizes s = new SpectralLipschitzCheck.Sizes(2, 2, 2, 2, 60, 4, 3, 5, 3);
        SpectralLipschitzCheck.Measurement m = new SpectralLipschitzCheck(s).measure(s,
                CheckContext.of(Backends.byName(Backends.DEFAULT), 5, false));
        assertThat(m.randomRatios()).hasSize(3);
        for (int p = 0; p < 3; p++) {
            assertThat(m.randomRatios()[p]).isGreaterThan(0).isLessThanOrEqualTo(1 + SpectralLipschitzCheck.ROUND_OFF);
            assertThat(m.rankOneSpectralRatios()[p]).isGreaterThan(0)
                    .isLessThanOrEqualTo(1 + SpectralLipschitzCheck.ROUND_OFF);
            assertThat(m.reluLiteralRatios()[p]).isGreaterThanOrEqualTo(0);
        }
        for (SpectralLipschitzCheck.Search search : List.of(m.frobenius(), m.spectral())) {
            assertThat(search.evaluations()).isGreaterThan(2).isLessThanOrEqualTo(2 * 60 + 2);
        }
        assertThat(m.khatriRao()).isGreaterThan(0);
        assertThat(m.fourthMoment()).isGreaterThanOrEqualTo(m.khatriRao() * (1 - NORM_ROUND_OFF));
    }

    private static Verdict only(List<Verdict> vs, Criterion c) {
        return vs.stream().filter(v -> v.criterion().equals(c)).findFirst().orElseThrow();
    }

    private static SpectralLipschitzCheck.Measurement hand(double spec, double specRoundOff, double random) {
        return new SpectralLipschitzCheck.Measurement(P, P, new SpectralLipschitzCheck.Search(null, 0.9, 10, 0.0),
                new SpectralLipschitzCheck.Search(null, spec, 12, specRoundOff), new double[] {0.2, random},
                new double[] {0.5}, new double[] {3}, 2.0, 2.5);
    }

    @Test
    @DisplayName("LAZY-11 verdicts: random pairs hold iff max <= 1 + 1e-12; the printed row holds iff ratio <= 1 + max(1e-12, 16 x round-off); the literal tanh control observes ratio x beta0; the constants' ratio")
    void verdictEdges() {
        SpectralLipschitzCheck c = new SpectralLipschitzCheck();
        double edge = 1 + SpectralLipschitzCheck.ROUND_OFF;
        assertThat(only(c.verdicts(hand(1.0, 0, edge)), SpectralLipschitzCheck.FROBENIUS_RANDOM).holds()).isTrue();
        assertThat(only(c.verdicts(hand(1.0, 0, Math.nextUp(edge))), SpectralLipschitzCheck.FROBENIUS_RANDOM).holds())
                .isFalse();
        assertThat(only(c.verdicts(hand(edge, 0, 0.5)), SpectralLipschitzCheck.PRINTED_SPECTRAL).holds()).isTrue();
        double roundOff = 1e-11;            // a pair's cancellation bound large enough to move the edge
        double wide = 1 + SpectralLipschitzCheck.CANCELLATION_FACTOR * roundOff;
        assertThat(only(c.verdicts(hand(wide, roundOff, 0.5)), SpectralLipschitzCheck.PRINTED_SPECTRAL).holds())
                .isTrue();
        assertThat(only(c.verdicts(hand(Math.nextUp(wide), roundOff, 0.5)), SpectralLipschitzCheck.PRINTED_SPECTRAL)
                .holds()).isFalse();
        List<Verdict> vs = c.verdicts(hand(1.1, 0, 0.5));
        Verdict random = only(vs, SpectralLipschitzCheck.FROBENIUS_RANDOM);
        assertThat(random.observed()).isEqualTo(0.5);
        assertThat(random.measurements().get("constantRatio")).isCloseTo(1.25, within(ROUND_OFF));
        assertThat(random.measurements().get("khatriRaoNorm")).isEqualTo(2.0);
        assertThat(random.measurements().get("fourthMomentNorm")).isEqualTo(2.5);
        assertThat(random.detail()).contains("1.250x larger");
        Verdict literal = only(vs, SpectralLipschitzCheck.PRINTED_SIGMA_PRIME_TANH);
        assertThat(literal.observed()).isCloseTo(1.1 * Activation.TANH.beta0(), within(ROUND_OFF));
        assertThat(only(vs, SpectralLipschitzCheck.PRINTED_SPECTRAL).measurements().get("evaluations"))
                .isEqualTo(12.0);
        assertThat(only(vs, SpectralLipschitzCheck.PRINTED_SIGMA_PRIME_RELU).observed()).isEqualTo(3.0);
        assertThat(only(vs, SpectralLipschitzCheck.PRINTED_SPECTRAL_RANK_ONE).observed()).isEqualTo(0.5);
        assertThat(SpectralLipschitzCheck.sigmaPrimeSup(Activation.RELU)).isEqualTo(1.0);
    }
}
