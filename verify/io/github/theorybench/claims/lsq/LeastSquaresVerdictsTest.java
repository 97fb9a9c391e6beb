package io.github.theorybench.claims.lsq;

import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.LIMIT_UNSTABLE_STEP;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.LIMIT_IS_THETA_STAR;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.PATH_LENGTH;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.PATH_LENGTH_HALF_BOUND;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.RESIDUAL_DECAY;
import static io.github.theorybench.claims.lsq.LeastSquaresDescentCheck.RESIDUAL_DECAY_RATE_X2;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LSQ-1..3 verdict rules on hand-made measurements, exactly at each threshold and one ulp beyond: the decision is a
 * pure function of the measurement, so no descent runs here.
 */
@SmallInstances
class LeastSquaresVerdictsTest {
    /** A measurement that passes everything: n = 64 (√n = 8), κ² = 4 (κ²-limited), path well inside the bound. */
    private static LeastSquaresDescent run(double maxRatio, double maxRatioControl, double limitError,
            double otherRatio, double sigmaMin, double path) {
        return run(maxRatio, maxRatioControl, limitError, otherRatio, sigmaMin, path, 0.3, 0.25);
    }

    private static LeastSquaresDescent run(double maxRatio, double maxRatioControl, double limitError,
            double otherRatio, double sigmaMin, double path, double unstableError, double eta) {
        double[] none = {1.0};
        return new LeastSquaresDescent(Provenance.of(7, "ejml", "n", 64, "p", 140),
                LeastSquaresInstance.Shape.KAPPA_LIMITED, eta, sigmaMin, 2.0, 30, maxRatio, 0.5, 0.4, 1.7,
                maxRatioControl, 3e5, 120, path, 1.0, limitError, 0.3, otherRatio, 20,
                new LeastSquaresHypothesis(64, 140, sigmaMin, 2.0, eta), 0.2, unstableError, none, none, none);
    }

    private static LeastSquaresDescent passing() {
        return run(1.0, 2.0, 1e-12, 0.9, 1.0, 1.0);
    }

    private static Verdict only(List<Verdict> vs, Criterion c) {
        List<Verdict> hits = vs.stream().filter(v -> v.criterion().equals(c)).toList();
        assertThat(hits).hasSize(1);
        return hits.get(0);
    }

    @Test
    @DisplayName("LSQ-1 verdict: holds iff max_t r_t/bound_t <= 1 + 1e-12; the rate x 2 control bites iff its ratio exceeds 1 + 1e-12")
    void residualDecayThreshold() {
        double edge = 1 + LeastSquaresDescentCheck.ROUND_OFF;
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(edge, 2, 1e-12, 0.9, 1.0, 1)),
                RESIDUAL_DECAY).holds()).isTrue();
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(Math.nextUp(edge), 2, 1e-12, 0.9, 1.0, 1)),
                RESIDUAL_DECAY).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, edge, 1e-12, 0.9, 1.0, 1)),
                RESIDUAL_DECAY_RATE_X2).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, Math.nextUp(edge), 1e-12, 0.9, 1.0, 1)),
                RESIDUAL_DECAY_RATE_X2).status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        Verdict v = only(LeastSquaresDescentCheck.verdicts(passing()), RESIDUAL_DECAY);
        assertThat(v.observed()).isEqualTo(0.4);
        assertThat(v.slack()).isEqualTo(0.4);
        assertThat(v.measurements()).containsEntry("minRateMultiple", 1.7).containsEntry("checkedSteps", 30.0);
        assertThat(v.seed()).isEqualTo(7);
        assertThat(v.sizes()).containsEntry("n", 64).containsEntry("p", 140);
        assertThat(v.backend()).isEqualTo("ejml");
    }

    @Test
    @DisplayName("LSQ-2 verdict: holds iff ||theta_T - theta*||/||theta*|| <= 1e-8 and theta* is no farther from theta0 than any other minimizer")
    void limitThreshold() {
        double tol = LeastSquaresDescentCheck.LIMIT_TOLERANCE;
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, 2, tol, 1.0, 1.0, 1)),
                LIMIT_IS_THETA_STAR).holds()).isTrue();
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, 2, Math.nextUp(tol), 0.9, 1.0, 1)),
                LIMIT_IS_THETA_STAR).holds()).isFalse();
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, Math.nextUp(1.0), 1.0, 1)),
                LIMIT_IS_THETA_STAR).holds()).isFalse();
        Verdict control = only(LeastSquaresDescentCheck.verdicts(passing()), LIMIT_UNSTABLE_STEP);
        assertThat(control.observed()).isEqualTo(0.3);
        assertThat(control.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(control.hypothesisMet()).isFalse();
        // the unstable-step control bites iff its error exceeds 1e-8, by the same rule as the claim row
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, 0.9, 1.0, 1, tol, 0.25)),
                LIMIT_UNSTABLE_STEP).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, 0.9, 1.0, 1, Math.nextUp(tol), 0.25)),
                LIMIT_UNSTABLE_STEP).status()).isEqualTo(Verdict.Status.CONTROL_BIT);
    }

    @Test
    @DisplayName("LSQ-1..3 hypothesis: n <= p, full row rank (sigma_n > max(n,p) eps sigma_1) and eta <= 1/||X||^2, each side of each edge")
    void hypothesisPredicate() {
        double eps = Math.ulp(1.0);
        assertThat(new LeastSquaresHypothesis(50, 100, 3.0, 16.0, 1 / 256.0).holds()).isTrue();
        LeastSquaresHypothesis square = new LeastSquaresHypothesis(100, 100, 1.0, 2.0, 0.25);
        assertThat(square.overparameterized()).isTrue();
        assertThat(new LeastSquaresHypothesis(101, 100, 1.0, 2.0, 0.25).overparameterized()).isFalse();
        // rank threshold max(n, p) eps sigma_1 = 100 eps * 2: at it the rank is deficient, one ulp above it is full
        double edge = 100 * eps * 2.0;
        assertThat(new LeastSquaresHypothesis(50, 100, edge, 2.0, 0.25).fullRowRank()).isFalse();
        assertThat(new LeastSquaresHypothesis(50, 100, Math.nextUp(edge), 2.0, 0.25).fullRowRank()).isTrue();
        assertThat(new LeastSquaresHypothesis(50, 100, 1.0, 2.0, 0.25).stepWithinBound()).isTrue();
        assertThat(new LeastSquaresHypothesis(50, 100, 1.0, 2.0, Math.nextUp(0.25)).stepWithinBound()).isFalse();
        assertThat(new LeastSquaresHypothesis(50, 100, 1.0, 2.0, Math.nextUp(0.25)).holds()).isFalse();
        // a claim row on an instance outside the hypothesis reports "hypothesis not met", never holds/violated
        List<Verdict> outside = LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, 0.9, 1.0, 1, 0.3,
                Math.nextUp(0.25)));
        for (Criterion c : List.of(RESIDUAL_DECAY, LIMIT_IS_THETA_STAR, PATH_LENGTH)) {
            assertThat(only(outside, c).status()).isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
        }
    }

    @Test
    @DisplayName("LSQ-3 verdict: path <= min(sqrt(n), kappa^2) ||theta* - theta0||, exactly at the bound and one ulp over; bound/2 control only where kappa^2 < sqrt(n)")
    void pathThreshold() {
        // κ² = (2/1)² = 4 < √64 = 8: the bound is 4·1.0
        double bound = 4.0;
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, 0.9, 1.0, bound)),
                PATH_LENGTH).holds()).isTrue();
        assertThat(only(LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, 0.9, 1.0, Math.nextUp(bound))),
                PATH_LENGTH).holds()).isFalse();
        Verdict half = only(LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, 0.9, 1.0, 2.0)),
                PATH_LENGTH_HALF_BOUND);
        assertThat(half.bound()).isEqualTo(2.0);
        assertThat(half.status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        // κ² = (2/0.5)² = 16 > √64: the √n term limits the bound and no control row is made
        List<Verdict> sqrtLimited = LeastSquaresDescentCheck.verdicts(run(1, 2, 1e-12, 0.9, 0.5, 1.0));
        assertThat(sqrtLimited).noneMatch(v -> v.criterion().equals(PATH_LENGTH_HALF_BOUND));
        assertThat(only(sqrtLimited, PATH_LENGTH).bound()).isEqualTo(8.0);
    }
}
