package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.model.DeepLinearNet;
import java.util.ArrayList;
import java.util.List;

/**
 * One gradient-descent run of DLN-1 on a {@link ZeroAsymmetricInstance} from the zero-asymmetric init with
 * η = multiple·η*, measured against R(t) ≤ (1 − η/2)^t R(0) (003 Thm 4.3) at every step.
 *
 * @param provenance seed and sizes of the instance
 * @param phiNorm ‖Φ‖_F of the instance
 * @param multiple η/η*
 * @param eta the step size
 * @param etaBound η* of the instance
 * @param hypothesisMet whether η ≤ η* and the init is zero-asymmetric (the instance's predicate)
 * @param steps steps taken (the last recorded t)
 * @param reachedTarget whether R(t) ≤ 1e−6 R(0) was reached
 * @param diverged whether R became non-finite or exceeded 1e6 R(0)
 * @param held whether R(t) ≤ (1 + 1e−12)(1 − η/2)^t R(0) at every recorded t ≥ 1
 * @param firstFailure first t where it failed, −1 if none
 * @param slackAfterOneOverRate max over t ≥ 1/rate of R(t)/bound(t) (NaN when the run is shorter than 1/rate)
 * @param slackAll the same maximum over t ≥ 1
 * @param minRateMultiple min over t ≥ 1 of ln(R(t)/((1 + 1e−12)R(0)))/(t ln(1 − η/2)): the measured decay rate over
 * the bound's, with the comparison's round-off allowance; ≥ c exactly when R(t) ≤ (1 + 1e−12)(1 − η/2)^{ct} R(0) at
 * every recorded t ≥ 1 (DLN-1's inequality for c = 1, its rate × 8 control for c = 8); −∞ for a diverged run, NaN
 * where the bound is vacuous (η &gt; 2)
 * @param finalRateMultiple ln(R(t)/R(0))/(t ln(1 − η/2)) at the last step
 * @param finalRatio R/R(0) at the last step
 * @param controlHeld whether R(t) ≤ (1 + 1e−12)(1 − η/2)^{8t} R(0) at every recorded t ≥ 1 (the rate × 8 control)
 * @param controlSlack max over t ≥ 1 of R(t)/((1 − η/2)^{8t} R(0))
 * @param ts recorded steps for the figure (every step below 50, then every maxSteps/400-th)
 * @param ratios R(t)/R(0) at {@code ts}
 */
public record ZeroAsymmetricDescent(Provenance provenance, double phiNorm, double multiple, double eta, double etaBound,
        boolean hypothesisMet, int steps, boolean reachedTarget, boolean diverged, boolean held, int firstFailure,
        double slackAfterOneOverRate, double slackAll, double minRateMultiple, double finalRateMultiple,
        double finalRatio, boolean controlHeld, double controlSlack, double[] ts, double[] ratios) {

    /** A run at a multiple above 1 stops once R ≤ 1e−6 R(0) (CLAIMS.md: full runs at 100–1000×). */
    static final double RUN_TARGET = 1e-6;
    /**
     * R(t) ≤ bound(t) is checked with this relative round-off allowance: R is a sum of squares of d·d_y residuals
     * computed to a few ulps each, so 1e−12 is far above its error and far below any real excess.
     */
    static final double ROUND_OFF = 1e-12;
    /** ln(1 + ROUND_OFF): the allowance in the log domain of {@link #minRateMultiple()}. */
    static final double ALLOWANCE = Math.log1p(ROUND_OFF);
    /** A run counts as diverged once R exceeds this multiple of R(0). */
    static final double DIVERGED = 1e6;
    /** The rate multiple of the control (CLAIMS.md: the measured rate is ≥ 4× the bound's, so × 2 cannot bite). */
    static final double CONTROL_RATE = 8;

    /** Runs GD on {@code inst} at η = multiple·η* for at most {@code maxSteps} steps. */
    public static ZeroAsymmetricDescent measure(Backend b, ZeroAsymmetricInstance inst, double multiple,
            int maxSteps, boolean stopAtFirstFailure) {
        double eta = multiple * inst.stepBound();
        DeepLinearNet net = inst.net(b);
        Recorder rec = new Recorder(eta, multiple, Math.max(1, maxSteps / 400), stopAtFirstFailure);
        DeepLinearNet.Descent descent = net.descent();
        GradientDescent.Result<DeepLinearNet.Layers> run = new GradientDescent<>(descent, eta, maxSteps)
                .run(net.layers(inst.zeroAsymmetricInit()), rec::stop, rec);
        int steps = Math.min(run.steps(), maxSteps);
        boolean reached = rec.ratio <= RUN_TARGET;
        Provenance p = Provenance.of(inst.seed(), b.name(), "L", inst.depth(), "d", inst.d(), "d_y", inst.dy());
        return new ZeroAsymmetricDescent(p, inst.phiNorm(), multiple, eta, inst.stepBound(),
                inst.meetsHypothesis(eta, inst.zeroAsymmetricInit()), steps, reached, rec.diverged, rec.held,
                rec.firstFailure, rec.slackLate, rec.slackAll, rec.diverged ? Double.NEGATIVE_INFINITY : rec.minRate,
                rec.lastRate, rec.ratio, rec.controlHeld,
                rec.controlSlack, rec.ts.stream().mapToDouble(Double::doubleValue).toArray(),
                rec.rs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** R(t) against (1 − η/2)^t R(0) and (1 − η/2)^{8t} R(0) at every step; decides when to stop. */
    private static final class Recorder implements GradientDescent.StepRecorder<DeepLinearNet.Layers> {
        final double multiple, logQ, oneOverRate;
        final int record;
        final boolean stopAtFirstFailure;
        final List<Double> ts = new ArrayList<>(), rs = new ArrayList<>();
        double r0 = Double.NaN, ratio = 1, slackLate = Double.NaN, slackAll, minRate = Double.POSITIVE_INFINITY,
                lastRate = Double.NaN, controlSlack;
        boolean held = true, controlHeld = true, diverged, failedNow;
        int firstFailure = -1;

        Recorder(double eta, double multiple, int record, boolean stopAtFirstFailure) {
            this.multiple = multiple;
            this.logQ = Math.log1p(-eta / 2);               // ln(1 − η/2); NaN for η > 2 (bound vacuous: fails)
            this.oneOverRate = -1 / logQ;
            this.record = record;
            this.stopAtFirstFailure = stopAtFirstFailure;
        }

        @Override
        public void record(int t, DeepLinearNet.Layers w, GradientDescent.Evaluation<DeepLinearNet.Layers> at) {
            double r = at.loss();
            if (t == 0) {
                r0 = r;
            }
            if (!Double.isFinite(r) || r > DIVERGED * r0) {
                diverged = true;
                held = false;
                firstFailure = firstFailure < 0 ? t : firstFailure;
                return;
            }
            ratio = r / r0;
            double logBound = t * logQ;                        // ln[(1 − η/2)^t], DLN-1's bound over R(0)
            double slack = Math.exp(Math.log(ratio) - logBound);
            if (t % record == 0 || t < 50) {
                ts.add((double) t);
                rs.add(ratio);
            }
            failedNow = false;
            if (t >= 1) {
                compare(t, slack, logBound);
            }
        }

        private void compare(int t, double slack, double logBound) {
            boolean ok = slack <= 1 + ROUND_OFF;
            if (!ok && firstFailure < 0) {
                firstFailure = t;
            }
            held &= ok;
            failedNow = !ok;
            slackAll = Math.max(slackAll, slack);
            if (t >= oneOverRate) {
                slackLate = Double.isNaN(slackLate) ? slack : Math.max(slackLate, slack);
            }
            if (ratio > 0) {
                lastRate = Math.log(ratio) / logBound;         // cumulative rate / bound's rate
            }
            // ≥ 1 ⇔ R(t) ≤ (1 + 1e−12)(1 − η/2)^t R(0): ln q < 0 flips the inequality
            minRate = Math.min(minRate, (Math.log(ratio) - ALLOWANCE) / logBound);
            double cs = Math.exp(Math.log(ratio) - CONTROL_RATE * logBound);   // control: rate × 8
            controlHeld &= cs <= 1 + ROUND_OFF;
            controlSlack = Math.max(controlSlack, cs);
        }

        boolean stop(int t, DeepLinearNet.Layers w, GradientDescent.Evaluation<DeepLinearNet.Layers> at) {
            return diverged || failedNow && stopAtFirstFailure || ratio <= RUN_TARGET && multiple > 1;
        }
    }
}
