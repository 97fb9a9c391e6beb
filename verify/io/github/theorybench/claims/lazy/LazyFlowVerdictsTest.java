package io.github.theorybench.claims.lazy;

import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LEMMA81_DECAY;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LEMMA81_DECAY_RATE_X2;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LEMMA82_PATH_LENGTH;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LEMMA82_PATH_LENGTH_HALF_BOUND;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LEMMA82_TRAVEL;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LINEARIZED_RISK_DECAY;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LINEARIZED_RISK_DECAY_RATE_X8;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.LINEARIZED_TRAVEL;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.PROOF_INNER_STEPS;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.RISK_DECAY;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.RISK_DECAY_BELOW_ALPHA_STAR;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.RISK_DECAY_RATE_X8;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.TRAVEL;
import static io.github.theorybench.claims.lazy.LazyTrainingCheck.TRAVEL_HALF_CLOSED_FORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.Verdict.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-1, 2, 3, 5, 6 verdict rules of {@link LazyTrainingCheck} on hand-made {@link LazyFlowRun}s, exactly at each
 * threshold and one ulp beyond: the decision is a pure function of the measurement, so no flow runs here.
 */
@SmallInstances
class LazyFlowVerdictsTest {
    static final Provenance AT = Provenance.of(7, "ejml", "n", 10, "d", 5, "m", 400).withActivation("tanh");
    static final LazyConstants K = new LazyConstants(50, 50, 4, 23, 2.4, 5);
    static final double TOL = LazyTrainingCheck.DECAY_TOLERANCE;

    /** A run whose every claim holds and every control bites; tests change one field at a time. */
    static final class Run {
        LazyConstants k = K;
        DecayComparison decay = new DecayComparison(0.01, 0.05, 4.5, 0.0), rateX8 = new DecayComparison(680, 2, 0.4,
                0.01), lemma81 = new DecayComparison(0.3, 0.5, 1.2, 0.0), lemma81x2 = new DecayComparison(680, 2, 0.6,
                0.01);
        double nlMax = 0.007, linMax = 0.007, closedForm = 0.007;
        LazyFlowRun.Lemma82 lemma82 = new LazyFlowRun.Lemma82(3.5e4, 1.4e6, 0.1, 0.54, 0.92);
        LazyFlowRun.Lemma82 top = new LazyFlowRun.Lemma82(3.5e4, 1.4e6, 0.05, 1.0, 1.0);
        LazyFlowRun.InnerSteps inner = new LazyFlowRun.InnerSteps(0.9999, 1.0001, 0.01);

        LazyFlowRun build() {
            LazyFlowRun.RiskCurve curve = new LazyFlowRun.RiskCurve(false, 1, new double[] {0, 1}, new double[] {1, .1});
            return new LazyFlowRun(AT, k, decay, decay, rateX8, rateX8, 3000, 3000, nlMax, nlMax, linMax, linMax,
                    closedForm, lemma81, lemma81x2, lemma82, top, inner, curve, curve, new LazyFlowRun.LemmaCurves(
                            new double[] {1}, new double[] {.1}, new double[] {.5}, new double[] {1}, new double[] {.5}), Map.of());
        }

        Verdict row(Criterion c) {
            List<Verdict> vs = LazyTrainingCheck.verdicts(build()).stream().filter(v -> v.criterion().equals(c))
                    .toList();
            assertThat(vs).as(c.toString()).hasSize(1);
            return vs.get(0);
        }
    }

    @Test
    @DisplayName("LAZY-1/2/5 decay rows: hold iff the worst excess over the bound is <= 1e-9 R0 (and one ulp more is a violation); observed = slack over t >= 1/rate")
    void decayThreshold() {
        for (Criterion c : List.of(RISK_DECAY, LINEARIZED_RISK_DECAY)) {
            Run r = new Run();
            r.decay = new DecayComparison(0.02, 0.06, 4.2, TOL);
            Verdict v = r.row(c);
            assertThat(v.status()).isEqualTo(Status.HOLDS);
            assertThat(v.observed()).isEqualTo(0.02);
            assertThat(v.bound()).isEqualTo(1.0);
            assertThat(v.measurements()).containsEntry("slackOverTauGe1", 0.06).containsEntry("smallestRateMultiple",
                    4.2).containsEntry("rate", K.decayRate()).containsEntry("r0", 5.0);
            r.decay = new DecayComparison(0.02, 0.06, 4.2, Math.nextUp(TOL));
            assertThat(r.row(c).status()).isEqualTo(Status.VIOLATED);
        }
        Run r = new Run();
        r.lemma81 = new DecayComparison(0.3, 0.5, 1.1, TOL);
        assertThat(r.row(LEMMA81_DECAY).status()).isEqualTo(Status.HOLDS);
        r.lemma81 = new DecayComparison(0.3, 0.5, 1.1, Math.nextUp(TOL));
        assertThat(r.row(LEMMA81_DECAY).status()).isEqualTo(Status.VIOLATED);
    }

    @Test
    @DisplayName("LAZY-1/2/5 controls (rate x8, x2) run the same rule: bite iff the excess exceeds 1e-9 R0; margin = slack - 1")
    void decayControls() {
        Run r = new Run();
        for (Criterion c : List.of(RISK_DECAY_RATE_X8, LINEARIZED_RISK_DECAY_RATE_X8, LEMMA81_DECAY_RATE_X2)) {
            Verdict v = r.row(c);
            assertThat(v.status()).isEqualTo(Status.CONTROL_BIT);
            assertThat(v.margin()).isEqualTo(679.0);
        }
        r.rateX8 = new DecayComparison(0.9, 0.9, 1.1, TOL);
        r.lemma81x2 = new DecayComparison(0.9, 0.9, 1.1, TOL);
        for (Criterion c : List.of(RISK_DECAY_RATE_X8, LINEARIZED_RISK_DECAY_RATE_X8, LEMMA81_DECAY_RATE_X2)) {
            assertThat(r.row(c).status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        }
        r.rateX8 = new DecayComparison(1.5, 1.5, 0.9, Math.nextUp(TOL));
        assertThat(r.row(RISK_DECAY_RATE_X8).status()).isEqualTo(Status.CONTROL_BIT);
    }

    @Test
    @DisplayName("LAZY-1/2/3 hypothesis alpha >= alpha* on every row: alpha one ulp below alpha* is 'hypothesis not met', never a pass or a fail")
    void hypothesis() {
        Run r = new Run();
        r.k = new LazyConstants(Math.nextDown(50.0), 50, 4, 23, 2.4, 5);
        for (Criterion c : List.of(RISK_DECAY, LINEARIZED_RISK_DECAY, TRAVEL, LINEARIZED_TRAVEL, PROOF_INNER_STEPS)) {
            assertThat(r.row(c).status()).as(c.toString()).isEqualTo(Status.HYPOTHESIS_NOT_MET);
        }
        r.lemma82 = new LazyFlowRun.Lemma82(0.0, 1.4e6, 0.1, 0.54, 0.92);
        assertThat(r.row(LEMMA81_DECAY).status()).isEqualTo(Status.HYPOTHESIS_NOT_MET);   // λ(t) = 0
        assertThat(r.row(LEMMA82_TRAVEL).status()).isEqualTo(Status.HYPOTHESIS_NOT_MET);
        assertThat(r.row(LEMMA82_PATH_LENGTH).status()).isEqualTo(Status.HYPOTHESIS_NOT_MET);
        assertThat(new Run().row(LEMMA81_DECAY).status()).isEqualTo(Status.HOLDS);
    }

    @Test
    @DisplayName("LAZY-3 travel rows: hold iff max travel <= sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2); control: the linearized travel against half the closed form bites iff above it")
    void travelThreshold() {
        Run r = new Run();
        double bound = K.travelBound();
        assertThat(bound).isEqualTo(Math.sqrt(72 * 23 * 23 * 5.0) / (50 * 4 * 4));
        r.nlMax = bound;
        r.linMax = bound;
        assertThat(r.row(TRAVEL).status()).isEqualTo(Status.HOLDS);
        assertThat(r.row(LINEARIZED_TRAVEL).status()).isEqualTo(Status.HOLDS);
        r.nlMax = Math.nextUp(bound);
        r.linMax = Math.nextUp(bound);
        assertThat(r.row(TRAVEL).status()).isEqualTo(Status.VIOLATED);
        assertThat(r.row(LINEARIZED_TRAVEL).status()).isEqualTo(Status.VIOLATED);
        r = new Run();
        r.closedForm = 0.008;
        r.linMax = 0.004;
        Verdict at = r.row(TRAVEL_HALF_CLOSED_FORM);
        assertThat(at.status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        assertThat(at.bound()).isEqualTo(0.004);
        r.linMax = Math.nextUp(0.004);
        assertThat(r.row(TRAVEL_HALF_CLOSED_FORM).status()).isEqualTo(Status.CONTROL_BIT);
        r.linMax = 0.008;
        Verdict v = r.row(TRAVEL_HALF_CLOSED_FORM);
        assertThat(v.margin()).isEqualTo(1.0);
        assertThat(v.measurements()).containsEntry("finalOverClosedForm", 1.0);
    }

    @Test
    @DisplayName("LAZY-6 rows: travel ratio and path-length ratio hold up to 1 + 1e-9 (one ulp more fails); the control runs the path-length rule against 1/2")
    void lemma82Threshold() {
        double edge = 1 + LazyTrainingCheck.LEMMA82_TOLERANCE;
        Run r = new Run();
        r.lemma82 = new LazyFlowRun.Lemma82(3.5e4, 1.4e6, edge, edge, 0.92);
        assertThat(r.row(LEMMA82_TRAVEL).status()).isEqualTo(Status.HOLDS);
        assertThat(r.row(LEMMA82_PATH_LENGTH).status()).isEqualTo(Status.HOLDS);
        r.lemma82 = new LazyFlowRun.Lemma82(3.5e4, 1.4e6, Math.nextUp(edge), Math.nextUp(edge), 0.92);
        assertThat(r.row(LEMMA82_TRAVEL).status()).isEqualTo(Status.VIOLATED);
        assertThat(r.row(LEMMA82_PATH_LENGTH).status()).isEqualTo(Status.VIOLATED);
        double half = 0.5 * edge;
        r.top = new LazyFlowRun.Lemma82(3.5e4, 1.4e6, 0.05, half, 1.0);
        assertThat(r.row(LEMMA82_PATH_LENGTH_HALF_BOUND).status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        r.top = new LazyFlowRun.Lemma82(3.5e4, 1.4e6, 0.05, Math.nextUp(half), 1.0);
        assertThat(r.row(LEMMA82_PATH_LENGTH_HALF_BOUND).status()).isEqualTo(Status.CONTROL_BIT);
        Verdict top = new Run().row(LEMMA82_PATH_LENGTH_HALF_BOUND);
        assertThat(top.observed()).isEqualTo(1.0);
        assertThat(top.bound()).isEqualTo(0.5);
        assertThat(top.margin()).isEqualTo(1.0);
        // the control's instance has its own spectrum: its hypothesis is judged on it
        r.top = new LazyFlowRun.Lemma82(0, 1.4e6, 0.05, 1.0, 1.0);
        assertThat(r.row(LEMMA82_PATH_LENGTH_HALF_BOUND).hypothesisMet()).isFalse();
    }

    @Test
    @DisplayName("LAZY-1 proof's inner steps: lambda_min >= sigma_min^2/4, lambda_max <= 9 sigma_max^2/4 and travel <= sigma_min/(2 beta), each exactly at its edge and one ulp beyond")
    void innerStepsThreshold() {
        Run r = new Run();
        r.inner = new LazyFlowRun.InnerSteps(0.25, 2.25, 1.0);
        Verdict at = r.row(PROOF_INNER_STEPS);
        assertThat(at.status()).isEqualTo(Status.HOLDS);
        assertThat(at.measurements()).containsEntry("radius", K.radius());
        r.inner = new LazyFlowRun.InnerSteps(Math.nextDown(0.25), 2.25, 1.0);
        assertThat(r.row(PROOF_INNER_STEPS).status()).isEqualTo(Status.VIOLATED);
        r.inner = new LazyFlowRun.InnerSteps(0.25, Math.nextUp(2.25), 1.0);
        assertThat(r.row(PROOF_INNER_STEPS).status()).isEqualTo(Status.VIOLATED);
        r.inner = new LazyFlowRun.InnerSteps(0.25, 2.25, Math.nextUp(1.0));
        assertThat(r.row(PROOF_INNER_STEPS).status()).isEqualTo(Status.VIOLATED);
    }

    @Test
    @DisplayName("LAZY-1 control at alpha = 3e-5 alpha*: hypothesis not met, bites iff the excess exceeds 1e-9 R0; appended once after the runs")
    void belowAlphaStar() {
        LazyConstants k = new LazyConstants(3e-5 * 50, 50, 4, 23, 2.4, 5);
        Verdict v = LazyTrainingCheck.belowAlphaStar(new BelowAlphaStarRun(AT, k, new DecayComparison(8e5, 9e5, 0.09,
                0.26), null));
        assertThat(v.criterion()).isEqualTo(RISK_DECAY_BELOW_ALPHA_STAR);
        assertThat(v.hypothesisMet()).isFalse();
        assertThat(v.status()).isEqualTo(Status.CONTROL_BIT);
        assertThat(LazyTrainingCheck.belowAlphaStar(new BelowAlphaStarRun(AT, k, new DecayComparison(0.5, 0.5, 1.1,
                TOL), null)).status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        BelowAlphaStarRun below = new BelowAlphaStarRun(AT, k, new DecayComparison(8e5, 9e5, 0.09, 0.26), null);
        List<Verdict> all = new LazyTrainingCheck().verdicts(new LazyTrainingCheck.Measurement(List.of(new Run()
                .build(), new Run().build()), below));
        assertThat(all).hasSize(2 * LazyTrainingCheck.verdicts(new Run().build()).size() + 1);
        assertThat(all.get(all.size() - 1).criterion()).isEqualTo(RISK_DECAY_BELOW_ALPHA_STAR);
        assertThat(all).filteredOn(x -> x.role() == Verdict.Role.CONTROL).allMatch(x -> x.margin() >= 0.05);
    }
}
