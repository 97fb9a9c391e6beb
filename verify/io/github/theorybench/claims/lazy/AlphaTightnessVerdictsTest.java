package io.github.theorybench.claims.lazy;

import static io.github.theorybench.claims.lazy.AlphaTightnessCheck.RELATIVE_TRAVEL_SLOPE;
import static io.github.theorybench.claims.lazy.AlphaTightnessCheck.RELATIVE_TRAVEL_SLOPE_RANDOM_SIGNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.Verdict.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-10 verdict rules of {@link AlphaTightnessCheck} on hand-made {@link AlphaSweep}s: the slope window, the
 * hypothesis f(W₀) = 0, and the "smallest c that held" chains at their edges. A fitted slope cannot be placed on a
 * window edge to the ulp (the fit rounds), so the window is probed 1e−9 inside and outside.
 */
@SmallInstances
class AlphaTightnessVerdictsTest {
    static final Provenance AT = Provenance.of(3, "ejml", "n", 10, "d", 5, "m", 400).withActivation("tanh");
    static final double W0 = 45.0, Y = 3.0;

    /** A point whose relative travel is exactly (α/α*)^p (α* = 100). */
    static AlphaSweep.Point point(double c, double p, double worstExcess, double travelSlack, double ball) {
        double travel = W0 * Math.pow(c, p);
        return new AlphaSweep.Point(c, 100 * c, new DecayComparison(0.01, 0.05, 4, worstExcess), travel, travel,
                travel / travelSlack, ball, 1e-20);
    }

    static AlphaSweep sweep(double p, double controlP, double f0) {
        List<AlphaSweep.Point> ps = new ArrayList<>(), control = new ArrayList<>();
        for (double c : new double[] {1, 1e-1, 1e-2, 1e-3}) {
            ps.add(point(c, p, 0, 0.01, 0.01 / c));
        }
        for (double c : new double[] {1, 1e-1, 1e-2}) {
            control.add(point(c, controlP, 0, 0.01, 0.01 / c));
        }
        return new AlphaSweep(AT, 100, 4, 23, 2.4, W0, Y, f0, 40, 30, ps, control, Map.of());
    }

    static Verdict row(AlphaSweep s, Criterion c) {
        return new AlphaTightnessCheck().verdicts(s).stream().filter(v -> v.criterion().equals(c)).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("LAZY-10 slope rule: the fitted exponent of the relative travel inside [-1.1, -0.9] holds, just outside on either side is violated")
    void slopeWindow() {
        assertThat(row(sweep(-1.0, 0, 1e-14), RELATIVE_TRAVEL_SLOPE).status()).isEqualTo(Status.HOLDS);
        assertThat(row(sweep(-1.1 + 1e-9, 0, 1e-14), RELATIVE_TRAVEL_SLOPE).status()).isEqualTo(Status.HOLDS);
        assertThat(row(sweep(-1.1 - 1e-9, 0, 1e-14), RELATIVE_TRAVEL_SLOPE).status()).isEqualTo(Status.VIOLATED);
        assertThat(row(sweep(-0.9 - 1e-9, 0, 1e-14), RELATIVE_TRAVEL_SLOPE).status()).isEqualTo(Status.HOLDS);
        assertThat(row(sweep(-0.9 + 1e-9, 0, 1e-14), RELATIVE_TRAVEL_SLOPE).status()).isEqualTo(Status.VIOLATED);
        Verdict v = row(sweep(-1.0, 0, 1e-14), RELATIVE_TRAVEL_SLOPE);
        assertThat(v.observed()).isCloseTo(-1.0, within(1e-12));
        assertThat(v.windowLow()).isEqualTo(-1.1);
        assertThat(v.windowHigh()).isEqualTo(-0.9);
        assertThat(v.measurements()).containsEntry("points", 4.0).containsEntry("f0Norm", 1e-14);
    }

    @Test
    @DisplayName("LAZY-10 hypothesis f(W0) = 0 and the random-sign control: the same slope rule, hypothesis broken, bites iff the slope leaves the window")
    void controlAndHypothesis() {
        Verdict control = row(sweep(-1.0, 0.02, 1e-14), RELATIVE_TRAVEL_SLOPE_RANDOM_SIGNS);
        assertThat(control.hypothesisMet()).isFalse();                     // ||f(W0)|| = 40 with random signs
        assertThat(control.status()).isEqualTo(Status.CONTROL_BIT);
        assertThat(control.margin()).isCloseTo((0.02 + 0.9) / 0.9, within(1e-9));
        assertThat(row(sweep(-1.0, -1.0, 1e-14), RELATIVE_TRAVEL_SLOPE_RANDOM_SIGNS).status())
                .isEqualTo(Status.CONTROL_DID_NOT_BITE);
        // the claim's hypothesis: alpha_max ||f(W0)|| <= 1e-9 ||y||, alpha_max = 100
        double edge = LazyHypotheses.ZERO_OUTPUT_TOLERANCE * Y / 100;
        assertThat(row(sweep(-1.0, 0, edge / 2), RELATIVE_TRAVEL_SLOPE).hypothesisMet()).isTrue();
        assertThat(row(sweep(-1.0, 0, 2 * edge), RELATIVE_TRAVEL_SLOPE).status())
                .isEqualTo(Status.HYPOTHESIS_NOT_MET);
    }

    @Test
    @DisplayName("LAZY-10 chains: smallest c where LAZY-1 held (excess <= 1e-9 R0, one ulp more breaks it) and LAZY-3 held (travel <= bound), largest c where the ball was left (ratio > 1)")
    void chains() {
        double tol = LazyTrainingCheck.DECAY_TOLERANCE;
        List<AlphaSweep.Point> ps = List.of(point(1, -1, tol, 1.0, 1.0), point(0.1, -1, 0, 0.5, Math.nextUp(1.0)),
                point(0.01, -1, Math.nextUp(tol), Math.nextUp(1.0), 2), point(0.001, -1, 0, 0.1, 3));
        AlphaSweep s = new AlphaSweep(AT, 100, 4, 23, 2.4, W0, Y, 1e-14, 40, 30, ps, ps, Map.of());
        AlphaTightnessCheck.Summary sm = AlphaTightnessCheck.Summary.of(s);
        assertThat(sm.smallestCDecay()).isEqualTo(0.1);          // breaks at c = 0.01, never resumes
        assertThat(sm.smallestCTravel()).isEqualTo(0.1);         // travel = bound at c = 1 and 0.1 holds
        assertThat(sm.travelSlackAtOne()).isEqualTo(1.0);
        assertThat(sm.largestCBallLeft()).isEqualTo(0.1);        // ratio exactly 1 at c = 1 is still inside
        Verdict v = row(s, RELATIVE_TRAVEL_SLOPE);
        assertThat(v.measurements()).containsEntry("smallestCDecayHeld", 0.1).containsEntry("smallestCTravelHeld",
                0.1).containsEntry("largestCBallLeft", 0.1).containsEntry("travelSlackAtC1", 1.0);
        List<AlphaSweep.Point> failFirst = List.of(point(1, -1, 1, Math.nextUp(1.0), 0.5));
        AlphaTightnessCheck.Summary none = AlphaTightnessCheck.Summary.of(new AlphaSweep(AT, 100, 4, 23, 2.4, W0, Y,
                1e-14, 40, 30, failFirst, failFirst, Map.of()));
        assertThat(none.smallestCDecay()).isNaN();
        assertThat(none.smallestCTravel()).isNaN();
        assertThat(none.largestCBallLeft()).isNaN();
    }
}
