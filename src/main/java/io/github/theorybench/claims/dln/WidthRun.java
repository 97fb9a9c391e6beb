package io.github.theorybench.claims.dln;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.DeepLinearNet;

/**
 * One DLN-2 gradient-descent run at width m (003 Thm 4.1): ℓ(t) − OPT against (1 − ηLλ_r/(4d_out))^t (ℓ(0) − OPT) at
 * every step until ℓ − OPT reaches round-off. ℓ − OPT is computed as ½‖cW_L⋯W₁X − Ŷ‖² = ½‖E + Y − Ŷ‖² (Pythagoras:
 * Y − Ŷ ⟂ the row space of X), which keeps its relative accuracy down to round-off; checking stops once it is below
 * ½(1e−13·‖Ŷ‖_F)² (the output within ~100 ulps of the fit).
 *
 * @param m the width
 * @param eta the step the run used
 * @param scale the output scaling c the run used
 * @param held whether ℓ(t) − OPT ≤ q^t(ℓ(0) − OPT) (in logs, with 1e−12 allowance) at every checked step
 * @param firstFailure first step where it failed, −1 if none
 * @param checkedSteps last step compared (before the round-off floor)
 * @param slack max over checked t ≥ 1/rate of (ℓ(t) − OPT)/(q^t(ℓ(0) − OPT)); NaN if no such t
 * @param minRateMultiple min over checked t ≥ 1 of (ln((ℓ(t) − OPT)/(ℓ(0) − OPT)) − 1e−12)/(t ln q): ≥ c exactly
 * when ℓ(t) − OPT ≤ q^{ct}(ℓ(0) − OPT) at every checked step (the claim for c = 1, the control for c = 16); −∞ for a
 * diverged run
 * @param minRateMultipleAfterOneOverRate min over checked t ≥ 1/rate of ln((ℓ(t) − OPT)/(ℓ(0) − OPT))/(t ln q)
 * (CLAIMS.md's "measured rate"; the minimum sits at the last steps, within ~1e3 ulps of the round-off floor)
 * @param control16Held whether the same comparison with q^{16t} held at every checked step (rate × 16)
 * @param excess0 ℓ(0) − OPT
 * @param steps the last step recorded
 * @param ts recorded steps (at most ~400, for the figure)
 * @param ratios (ℓ(t) − OPT)/(ℓ(0) − OPT) at {@code ts}
 */
public record WidthRun(int m, double eta, double scale, boolean held, int firstFailure, int checkedSteps,
        double slack, double minRateMultiple, double minRateMultipleAfterOneOverRate, boolean control16Held,
        double excess0, int steps, double[] ts, double[] ratios) {

    /** ℓ − OPT below ½(FLOOR_REL·‖Ŷ‖_F)² is round-off: comparison stops there. */
    static final double FLOOR_REL = 1e-13;
    /** The comparison's allowance, in ln of the ratio. */
    static final double ROUND_OFF = 1e-12;
    /** A run whose excess loss exceeds this multiple of its initial one has diverged. */
    static final double DIVERGED = 1e12;
    /** The rate multiple of the control (CLAIMS.md: measured rate 8–10× the bound's at m = 1024). */
    static final double CONTROL_RATE = 16;

    /** Runs GD at width m from the N(0, 1) init drawn from {@code initSeed}. */
    public static WidthRun measure(Backend b, DuHuInstance inst, DuHuInstance.Fit fit, int depth, int m,
            long initSeed, boolean stopAtFailure) {
        DeepLinearNet net = inst.net(b, depth, m);
        double logQ = Math.log1p(-fit.rate(depth));
        double oneOverRate = -1 / logQ;
        int maxSteps = (int) Math.ceil(2 * oneOverRate * Math.log(1e40)); // beyond the bound reaching the floor
        double floor = 0.5 * Math.pow(FLOOR_REL * fit.yHat().frobeniusNorm(), 2);
        DeepLinearNet.Descent descent = net.descent();
        Recorder rec = new Recorder(descent, inst.y().data(), fit.yHat().data(), logQ, oneOverRate, floor,
                stopAtFailure, Math.max(1, maxSteps / 4000));
        GradientDescent.Result<DeepLinearNet.Layers> run = new GradientDescent<>(descent, fit.eta(depth), maxSteps)
                .run(net.layers(inst.gaussianInit(initSeed, depth, m)), rec::stop, rec);
        return new WidthRun(m, fit.eta(depth), net.scale(), rec.held, rec.firstFailure, rec.checked, rec.slack,
                rec.diverged ? Double.NEGATIVE_INFINITY : rec.minRateAll, rec.minRate, rec.control, rec.e0,
                run.steps(), rec.ts.stream().mapToDouble(Double::doubleValue).toArray(),
                rec.rs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** ℓ(t) − OPT against the bound and the rate × 16 control at every step; decides when to stop. */
    private static final class Recorder implements GradientDescent.StepRecorder<DeepLinearNet.Layers> {
        final DeepLinearNet.Descent descent;
        final double[] yy, yh;
        final double logQ, oneOverRate, floor;
        final boolean stopAtFailure;
        final int record;
        final java.util.List<Double> ts = new java.util.ArrayList<>(), rs = new java.util.ArrayList<>();
        double e0 = Double.NaN, slack = Double.NaN, minRate = Double.POSITIVE_INFINITY,
                minRateAll = Double.POSITIVE_INFINITY;
        boolean held = true, control = true, done, diverged;
        int firstFailure = -1, checked;

        Recorder(DeepLinearNet.Descent descent, double[] yy, double[] yh, double logQ, double oneOverRate,
                double floor, boolean stopAtFailure, int record) {
            this.record = record;
            this.descent = descent;
            this.yy = yy;
            this.yh = yh;
            this.logQ = logQ;
            this.oneOverRate = oneOverRate;
            this.floor = floor;
            this.stopAtFailure = stopAtFailure;
        }

        @Override
        public void record(int t, DeepLinearNet.Layers w, GradientDescent.Evaluation<DeepLinearNet.Layers> at) {
            double excess = 0;                                        // ½‖cH_L − Ŷ‖² = ½‖E + Y − Ŷ‖²
            Matrix e = descent.residual();
            for (int k = 0; k < yh.length; k++) {
                double r = e.getFlat(k) + yy[k] - yh[k];
                excess += 0.5 * r * r;
            }
            if (t == 0) {
                e0 = excess;
            }
            if (!Double.isFinite(excess) || excess > DIVERGED * e0) {
                held = false;
                firstFailure = firstFailure < 0 ? t : firstFailure;
                control = false;
                done = true;
                diverged = true;
                return;
            }
            if (excess <= floor) {
                done = true;                                          // round-off: stop checking
                return;
            }
            checked = t;
            double logRatio = Math.log(excess / e0);
            if (t % record == 0) {
                ts.add((double) t);
                rs.add(excess / e0);
            }
            if (t >= 1) {
                minRateAll = Math.min(minRateAll, (logRatio - ROUND_OFF) / (t * logQ));   // ≥ 1 ⇔ the bound held
            }
            boolean ok = logRatio <= t * logQ + ROUND_OFF;            // DLN-2: ℓ(t) − OPT ≤ q^t (ℓ(0) − OPT)
            if (!ok && firstFailure < 0) {
                firstFailure = t;
            }
            held &= ok;
            control &= logRatio <= CONTROL_RATE * t * logQ + ROUND_OFF;
            if (t >= oneOverRate) {
                double sl = Math.exp(logRatio - t * logQ);
                slack = Double.isNaN(slack) ? sl : Math.max(slack, sl);
                minRate = Math.min(minRate, logRatio / (t * logQ));
            }
            done = !held && stopAtFailure && !control;
        }

        boolean stop(int t, DeepLinearNet.Layers w, GradientDescent.Evaluation<DeepLinearNet.Layers> at) {
            return done;
        }
    }
}
