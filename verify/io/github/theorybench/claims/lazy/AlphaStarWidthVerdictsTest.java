package io.github.theorybench.claims.lazy;

import static io.github.theorybench.claims.lazy.AlphaStarWidthCheck.ALPHA_INDEPENDENCE;
import static io.github.theorybench.claims.lazy.AlphaStarWidthCheck.ALPHA_INDEPENDENCE_ANTISYMMETRIC;
import static io.github.theorybench.claims.lazy.AlphaStarWidthCheck.ALPHA_INDEPENDENCE_OUTSIDE_REGIME;
import static io.github.theorybench.claims.lazy.AlphaStarWidthCheck.HYPOTHESIS_AT_LARGEST_WIDTH;
import static io.github.theorybench.claims.lazy.AlphaStarWidthCheck.HYPOTHESIS_AT_LARGEST_WIDTH_ANTISYMMETRIC;
import static io.github.theorybench.claims.lazy.AlphaStarWidthCheck.WIDTH_SLOPE;
import static io.github.theorybench.claims.lazy.AlphaStarWidthCheck.WIDTH_SLOPE_ANTISYMMETRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.Verdict.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-12 verdict rules of {@link AlphaStarWidthCheck} on hand-made {@link AlphaStarWidths}: α-independence to 1e−3
 * (on both sides of it), the slope window of the medians, the hypothesis α‖f(W₀)‖ ≫ ‖y‖, and the notes' reading
 * against 1 with its reversed control.
 */
@SmallInstances
class AlphaStarWidthVerdictsTest {
    static final Provenance AT = Provenance.of(5, "ejml", "n", 10, "d", 5).withActivation("tanh");
    static final List<Double> ALPHAS = List.of(10.0, 100.0, 1000.0);
    static final List<Integer> WIDTHS = List.of(400, 1600, 6400);

    /**
     * Two seeds × three widths; α* / α at α_ref = c·m^p (the seeds at 0.8c and 1.2c: median c·m^p), and at the other
     * α multiplied by {@code drift}; ‖f(W₀)‖ = f0 and ‖y‖ = 3.
     */
    static List<AlphaStarWidths.Point> points(double c, double p, double drift, double f0) {
        List<AlphaStarWidths.Point> out = new ArrayList<>();
        for (double scale : new double[] {0.8, 1.2}) {
            for (int m : WIDTHS) {
                double ref = scale * c * Math.pow(m, p);
                out.add(new AlphaStarWidths.Point(1, m, f0, 3, 4, 23, 2.4, new double[] {ref * drift, ref * drift,
                        ref}));
            }
        }
        return out;
    }

    static Verdict row(AlphaStarWidths w, Criterion c) {
        return new AlphaStarWidthCheck().verdicts(w).stream().filter(v -> v.criterion().equals(c)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + c));
    }

    static AlphaStarWidths widths(List<AlphaStarWidths.Point> random, List<AlphaStarWidths.Point> anti) {
        return new AlphaStarWidths(AT, ALPHAS, WIDTHS, random, anti);
    }

    static final List<AlphaStarWidths.Point> ANTI = points(50, -1.0, 100, 0.0);

    @Test
    @DisplayName("LAZY-12 alpha-independence: max |ratio(alpha)/ratio(1000) - 1| <= 1e-3 holds, one ulp of the ratio above fails; only pairs inside ||y|| <= 4e-4 alpha ||f(W0)|| count")
    void alphaIndependence() {
        double below = 1.001, above = Math.nextUp(1.001);            // 1.001 - 1 < 1e-3 < nextUp(1.001) - 1
        assertThat(below - 1).isLessThanOrEqualTo(1e-3);
        assertThat(above - 1).isGreaterThan(1e-3);
        // ||f(W0)|| = 1e4: the regime holds at every alpha (3 <= 4e-4 * 10 * 1e4 = 40)
        assertThat(row(widths(points(1e4, -0.5, below, 1e4), ANTI), ALPHA_INDEPENDENCE).status())
                .isEqualTo(Status.HOLDS);
        Verdict v = row(widths(points(1e4, -0.5, above, 1e4), ANTI), ALPHA_INDEPENDENCE);
        assertThat(v.status()).isEqualTo(Status.VIOLATED);
        assertThat(v.measurements()).containsEntry("pairs", 12.0).containsEntry("alphaRef", 1000.0);
        // ||f(W0)|| = 40: alpha = 10 and 100 fall outside (3 > 0.16, 3 > 1.6): no pair counts, and they are exploratory
        AlphaStarWidths out = widths(points(1e4, -0.5, 1.5, 40), ANTI);
        Verdict in = row(out, ALPHA_INDEPENDENCE);
        assertThat(in.hypothesisMet()).isFalse();
        assertThat(in.measurements()).containsEntry("pairs", 0.0);
        Verdict explore = row(out, ALPHA_INDEPENDENCE_OUTSIDE_REGIME);
        assertThat(explore.status()).isEqualTo(Status.EXPLORATORY);
        assertThat(explore.observed()).isCloseTo(0.5, within(1e-12));
        assertThat(new AlphaStarWidthCheck().verdicts(widths(points(1e4, -0.5, below, 1e4), ANTI)))
                .noneMatch(x -> x.criterion().equals(ALPHA_INDEPENDENCE_OUTSIDE_REGIME));
    }

    @Test
    @DisplayName("LAZY-12 controls on the antisymmetric init: alpha*/alpha falls like 1/alpha (dependence 99 flagged) and like m^-1 (slope flagged), hypothesis not met")
    void antisymmetricControls() {
        AlphaStarWidths w = widths(points(1e4, -0.5, 1.0, 1e4), ANTI);
        Verdict dep = row(w, ALPHA_INDEPENDENCE_ANTISYMMETRIC);
        assertThat(dep.hypothesisMet()).isFalse();
        assertThat(dep.status()).isEqualTo(Status.CONTROL_BIT);
        assertThat(dep.observed()).isCloseTo(99, within(1e-9));
        Verdict slope = row(w, WIDTH_SLOPE_ANTISYMMETRIC);
        assertThat(slope.status()).isEqualTo(Status.CONTROL_BIT);
        assertThat(slope.observed()).isCloseTo(-1.0, within(1e-12));
        assertThat(slope.margin()).isCloseTo(0.4 / 0.6, within(1e-9));
        AlphaStarWidths same = widths(points(1e4, -0.5, 1.0, 1e4), points(1e4, -0.5, 1.0, 1e4));
        assertThat(row(same, ALPHA_INDEPENDENCE_ANTISYMMETRIC).status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        assertThat(row(same, WIDTH_SLOPE_ANTISYMMETRIC).status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
    }

    @Test
    @DisplayName("LAZY-12 width slope: the slope of the medians in m inside [-0.6, -0.4] holds, just outside fails; medians and per-seed slopes reported")
    void widthSlope() {
        assertThat(row(widths(points(1e4, -0.5, 1, 1e4), ANTI), WIDTH_SLOPE).status()).isEqualTo(Status.HOLDS);
        assertThat(row(widths(points(1e4, -0.6 + 1e-9, 1, 1e4), ANTI), WIDTH_SLOPE).status()).isEqualTo(Status.HOLDS);
        assertThat(row(widths(points(1e4, -0.6 - 1e-9, 1, 1e4), ANTI), WIDTH_SLOPE).status())
                .isEqualTo(Status.VIOLATED);
        assertThat(row(widths(points(1e4, -0.4 + 1e-9, 1, 1e4), ANTI), WIDTH_SLOPE).status())
                .isEqualTo(Status.VIOLATED);
        Verdict v = row(widths(points(1e4, -0.5, 1, 1e4), ANTI), WIDTH_SLOPE);
        assertThat(v.measurements().get("medianM1600")).isCloseTo(1e4 * Math.pow(1600, -0.5) * (0.8 + 1.2) / 2,
                within(1e-9));
        assertThat(v.measurements().get("perSeedSlopeMin")).isCloseTo(-0.5, within(1e-12));
        assertThat(v.measurements().get("perSeedSlopeMax")).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    @DisplayName("LAZY-12 notes' reading alpha >= alpha* at the largest width: median alpha*/alpha <= 1 holds, one ulp above is violated with a finding; the antisymmetric control must hold")
    void hypothesisAtLargestWidth() {
        // medians c m^p with c = 1/6400^p: exactly 1 at m = 6400
        AlphaStarWidths edge = widths(points(80, -0.5, 1, 1e4), ANTI);
        assertThat(edge.medians(edge.randomSign())[2]).isEqualTo(1.0);
        assertThat(row(edge, HYPOTHESIS_AT_LARGEST_WIDTH).status()).isEqualTo(Status.HOLDS);
        AlphaStarWidths over = widths(points(Math.nextUp(80.0), -0.5, 1, 1e4), ANTI);
        assertThat(over.medians(over.randomSign())[2]).isGreaterThan(1.0);
        Verdict v = row(over, HYPOTHESIS_AT_LARGEST_WIDTH);
        assertThat(v.status()).isEqualTo(Status.VIOLATED);
        assertThat(v.finding()).contains("m^-1/2").contains("sufficiently wide");
        AlphaStarWidths far = widths(points(1e4, -0.5, 1, 1e4), ANTI);
        Verdict f = row(far, HYPOTHESIS_AT_LARGEST_WIDTH);
        double median = 1e4 * (0.8 + 1.2) / 2;                   // the medians are 1e4 m^-1/2
        assertThat(f.measurements().get("extrapolatedWidth")).isCloseTo(median * median, within(1e-6 * median
                * median));
        assertThat(f.measurements().get("extrapolatedWidthHalfPower")).isCloseTo(median * median, within(1e-6
                * median * median));
        Verdict control = row(far, HYPOTHESIS_AT_LARGEST_WIDTH_ANTISYMMETRIC);
        assertThat(control.controlExpectsHolds()).isTrue();
        assertThat(control.status()).isEqualTo(Status.CONTROL_BIT);            // 50/6400 <= 1: holds, as it must
        assertThat(control.margin()).isCloseTo(1 - 50.0 * (0.8 + 1.2) / 2 / 6400, within(1e-12));
        AlphaStarWidths bad = widths(points(1e4, -0.5, 1, 1e4), points(1e4, -0.5, 1, 1e4));
        assertThat(row(bad, HYPOTHESIS_AT_LARGEST_WIDTH_ANTISYMMETRIC).status())
                .isEqualTo(Status.CONTROL_DID_NOT_BITE);
    }
}
