package io.github.theorybench.claims.dln;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-1 with 300-step runs at L = 3 (fast enough for mutation testing; {@link DeepLinearClaimsTest} runs CLAIMS.md's
 * 2e4-step prefix). The measurement is replayed once; the risk curve of the 1× run is recomputed by a plain-Java
 * gradient descent ({@link LoopDeepLinearNet}) on the instance the builder draws, and the run's statistics from it.
 */
@SmallInstances
class ZeroAsymmetricSmallTest {
    private static final int STEPS = 300;
    /** The two descents associate the same products differently: R(t) agrees to a few hundred ulps. */
    private static final double ASSOCIATION = 1e-12;
    /** The step cap of the runs above 1x (differs from the 1x prefix, so the two cannot be swapped unseen). */
    private static final int CAP = 400;
    private final Backend b = Backends.byName("ejml");

    /** Whether R(t)/R(0) <= (1 + 1e-12)(1 - eta/2)^t at every 1 <= t up to the stop (R <= 1e-6 R(0)) or the end. */
    private static boolean heldUntilStop(double[] r, double eta) {
        for (int t = 1; t < r.length; t++) {
            if (!(r[t] <= 1e6) || !(r[t] <= (1 + 1e-12) * Math.pow(1 - eta / 2, t))) {
                return false;
            }
            if (r[t] <= 1e-6) {
                return true;
            }
        }
        return true;
    }

    /** R(t)/R(0), t = 0..steps, by GD written with Hipparchus matrices. */
    private static double[] riskCurve(ZeroAsymmetricInstance inst, double eta, int steps) {
        LoopDeepLinearNet net = new LoopDeepLinearNet(1.0, io.github.theorybench.linalg.DenseMatrix.identity(4),
                inst.phi());
        List<RealMatrix> w = new ArrayList<>();
        for (int l = 1; l < inst.depth(); l++) {
            w.add(MatrixUtils.createRealIdentityMatrix(4));
        }
        w.add(MatrixUtils.createRealMatrix(3, 4));
        double[] r = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            r[t] = net.loss(w);
            List<RealMatrix> g = net.gradient(w);
            for (int l = 0; l < w.size(); l++) {
                w.set(l, w.get(l).subtract(g.get(l).scalarMultiply(eta)));
            }
        }
        double r0 = r[0];
        for (int t = 0; t <= steps; t++) {
            r[t] /= r0;
        }
        return r;
    }

    @Test
    @DisplayName("DLN-1 small run (L = 3, 300 steps): R(t) recomputed by plain-Java GD; R(1) = (1 - eta)^2 R(0); rate multiple, slack, control and verdicts from it")
    void smallRun() {
        ZeroAsymmetricDescentCheck.Sizes sizes = new ZeroAsymmetricDescentCheck.Sizes(new int[] {3}, 1, STEPS, CAP,
                STEPS);
        ZeroAsymmetricDescentCheck check = new ZeroAsymmetricDescentCheck(sizes);
        List<String> progress = new ArrayList<>();
        ZeroAsymmetricDescentCheck.Measurement m = check.measure(sizes, new CheckContext(b, 1, false, progress::add));
        // one progress line per run: 2 norms x 4 multiples
        assertThat(progress).hasSize(8);
        ZeroAsymmetricDescent first = m.cases().get(0).runs().get(0);
        assertThat(progress.get(0)).isEqualTo(String.format(Locale.ROOT, "DLN-1 L=3 |Phi|=0.5 seed %d k=1: %d steps,"
                + " R/R0 = %.3g, held true, min rate %.2fx", SeedStream.of(1, "DLN-1").seed(0), STEPS,
                first.finalRatio(), first.minRateMultiple()));
        assertThat(m.cases()).hasSize(2);                       // |Phi|_F = 0.5 and 2
        long seed = SeedStream.of(1, "DLN-1").seed(0);
        for (ZeroAsymmetricDescentCheck.Case c : m.cases()) {
            assertThat(c.instance()).usingRecursiveComparison().isEqualTo(ZeroAsymmetricInstance.build(seed, 3, 4,
                    3, c.instance().phiNorm()));
            ZeroAsymmetricDescent one = c.runs().get(0);
            double eta = c.instance().stepBound();
            assertThat(one.eta()).isEqualTo(eta);
            double[] r = riskCurve(c.instance(), eta, STEPS);
            // zero-asymmetric init: only W_L moves in step 1, W_L(1) = eta Phi, so R(1) = (1 - eta)^2 R(0)
            assertThat(r[1]).isCloseTo((1 - eta) * (1 - eta), within(ASSOCIATION));
            double minRate = Double.POSITIVE_INFINITY, slackAll = 0, q = Math.log(1 - eta / 2);
            for (int t = 1; t <= STEPS; t++) {
                assertThat(one.ratios()[t]).as("R(%d)/R(0)", t).isCloseTo(r[t], within(ASSOCIATION * r[t]));
                minRate = Math.min(minRate, (Math.log(r[t]) - Math.log1p(1e-12)) / (t * q));
                slackAll = Math.max(slackAll, r[t] / Math.pow(1 - eta / 2, t));
            }
            assertThat(one.minRateMultiple()).isCloseTo(minRate, within(1e-6 * minRate));
            assertThat(one.slackAll()).isCloseTo(slackAll, within(ASSOCIATION));
            assertThat(one.held()).isTrue();
            assertThat(one.steps()).isEqualTo(STEPS);
            assertThat(one.slackAfterOneOverRate()).isNaN();    // 300 steps < 1/rate = 2/eta
            // 10x runs to the cap (R stays far above 1e-6 R(0)), the 1x run stops at the prefix
            double[] r10 = riskCurve(c.instance(), 10 * eta, CAP);
            assertThat(r10[CAP]).isGreaterThan(1e-6);
            assertThat(c.runs().get(1).steps()).isEqualTo(CAP);
            assertThat(c.runs().get(1).multiple()).isEqualTo(10);
            // the sweep: the first multiple of SWEEP whose run (to R <= 1e-6 R(0), divergence or the cap) breaks
            // R(t) <= (1 + 1e-12)(1 - eta/2)^t R(0) at some t >= 1, and the last multiple before it that held
            double firstFailing = Double.NaN, lastHeld = Double.NaN;
            for (double k : ZeroAsymmetricDescentCheck.SWEEP) {
                if (!heldUntilStop(riskCurve(c.instance(), k * eta, STEPS), k * eta)) {
                    firstFailing = k;
                    break;
                }
                lastHeld = k;
            }
            assertThat(c.sweep().firstFailingMultiple()).isEqualTo(firstFailing);
            assertThat(c.sweep().lastHeldMultiple()).isEqualTo(lastHeld);
            assertThat(c.sweep().failed().multiple()).isEqualTo(firstFailing);
            assertThat(c.sweep().failed().held()).isFalse();
            // 1000x stops at the first R <= 1e-6 R(0)
            ZeroAsymmetricDescent fast = c.runs().get(3);
            double[] rf = riskCurve(c.instance(), 1000 * eta, fast.steps());
            if (fast.reachedTarget()) {
                assertThat(rf[fast.steps()]).isLessThanOrEqualTo(1e-6 * (1 + ASSOCIATION));
                assertThat(rf[fast.steps() - 1]).isGreaterThan(1e-6);
            }
        }
        var result = check.result(m);
        assertThat(result.verdicts(ZeroAsymmetricDescentCheck.RISK_DECAY)).hasSize(2)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(ZeroAsymmetricDescentCheck.RISK_DECAY_RATE_X8)).hasSize(2)
                .allSatisfy(v -> assertThat(v).controlBit());
        assertThat(result.verdicts(ZeroAsymmetricDescentCheck.BEYOND_STEP_BOUND)).hasSize(6);
        assertThat(result.tables().get(0).rows()).hasSize(10);
        assertThat(result.figures().get(0).series()).hasSize(4);
        assertThat(result.figures().get(0).series().get(0).y()).containsExactly(m.cases().get(0).runs().get(0)
                .ratios());
    }

    @Test
    @DisplayName("DLN-1 recorder (L = 3, |Phi|_F = 0.5): a 1000x run's late slack, final rate, control slack and recorded steps from plain-Java GD; eta = 1.6 fails at t = 1 ((1 - eta)^2 > 1 - eta/2) and stops there; eta = 10 diverges")
    void recorder() {
        ZeroAsymmetricInstance inst = ZeroAsymmetricInstance.build(SeedStream.of(1, "DLN-1").seed(0), 3, 4, 3, 0.5);
        double star = inst.stepBound();
        int cap = 1200;                                        // records every cap/400 = 3rd step from t = 50
        ZeroAsymmetricDescent run = ZeroAsymmetricDescent.measure(b, inst, 1000, cap, false);
        double eta = 1000 * star, q = 1 - eta / 2;
        double[] r = riskCurve(inst, eta, cap);
        int stop = 1;
        while (stop < cap && r[stop] > 1e-6) {
            stop++;
        }
        assertThat(run.steps()).isEqualTo(stop);
        assertThat(run.reachedTarget()).isEqualTo(r[stop] <= 1e-6);
        assertThat(run.finalRatio()).isCloseTo(r[stop], within(ASSOCIATION * r[stop]));
        double late = Double.NaN, control = 0, minRate = Double.POSITIVE_INFINITY;
        boolean held = true;
        int firstFail = -1;
        List<Double> ts = new ArrayList<>();
        for (int t = 0; t <= stop; t++) {
            if (t % 3 == 0 || t < 50) {
                ts.add((double) t);
            }
            if (t == 0) {
                continue;
            }
            double slack = r[t] / Math.pow(q, t);
            held &= slack <= 1 + 1e-12;
            firstFail = firstFail < 0 && slack > 1 + 1e-12 ? t : firstFail;
            if (t >= -1 / Math.log(q)) {                        // t >= 1/rate
                late = Double.isNaN(late) ? slack : Math.max(late, slack);
            }
            control = Math.max(control, r[t] / Math.pow(q, 8 * t));
            minRate = Math.min(minRate, (Math.log(r[t]) - Math.log1p(1e-12)) / (t * Math.log(q)));
        }
        assertThat(run.held()).isEqualTo(held);
        assertThat(run.firstFailure()).isEqualTo(firstFail);
        assertThat(late).isNotNaN();
        assertThat(run.slackAfterOneOverRate()).isCloseTo(late, within(1e-9 * late));
        assertThat(run.controlSlack()).isCloseTo(control, within(1e-9 * control));
        assertThat(run.controlHeld()).isEqualTo(control <= 1 + 1e-12);
        assertThat(run.minRateMultiple()).isCloseTo(minRate, within(1e-6 * minRate));
        double lastRate = Math.log(r[stop]) / (stop * Math.log(q));
        assertThat(run.finalRateMultiple()).isCloseTo(lastRate, within(1e-9 * lastRate));
        assertThat(run.ts()).containsExactly(ts.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(run.diverged()).isFalse();

        // eta = 1.6: R(1) = (1 - eta)^2 R(0) = 0.36 R(0) > (1 - eta/2) R(0) = 0.2 R(0)
        ZeroAsymmetricDescent fails = ZeroAsymmetricDescent.measure(b, inst, 1.6 / star, 50, true);
        assertThat(fails.held()).isFalse();
        assertThat(fails.firstFailure()).isEqualTo(1);
        assertThat(fails.steps()).isEqualTo(1);
        assertThat(fails.finalRatio()).isCloseTo(0.36, within(ASSOCIATION));
        assertThat(fails.slackAll()).isCloseTo(0.36 / 0.2, within(ASSOCIATION));
        assertThat(fails.hypothesisMet()).isFalse();
        assertThat(fails.diverged()).isFalse();
        // without stopping at the failure it runs on (to R <= 1e-6 R(0), divergence or the cap): first failure t = 1
        double[] rf = riskCurve(inst, 1.6, 20);
        ZeroAsymmetricDescent goesOn = ZeroAsymmetricDescent.measure(b, inst, 1.6 / star, 20, false);
        int end = 1;
        while (end < 20 && Double.isFinite(rf[end]) && rf[end] <= 1e6 && rf[end] > 1e-6) {
            end++;
        }
        assertThat(goesOn.firstFailure()).isEqualTo(1);
        assertThat(goesOn.steps()).isEqualTo(end);
        assertThat(goesOn.diverged()).isEqualTo(!(rf[end] <= 1e6));
        assertThat(goesOn.reachedTarget()).isEqualTo(rf[end] <= 1e-6);

        // eta = 10: R(1) = 81 R(0), growing until it passes 1e6 R(0)
        double[] rd = riskCurve(inst, 10, 30);
        int blow = 1;
        while (rd[blow] <= 1e6) {
            blow++;
        }
        ZeroAsymmetricDescent diverges = ZeroAsymmetricDescent.measure(b, inst, 10 / star, 30, false);
        assertThat(rd[1]).isCloseTo(81, within(1e-9));
        assertThat(diverges.diverged()).isTrue();
        assertThat(diverges.steps()).isEqualTo(blow);
        assertThat(diverges.firstFailure()).isEqualTo(1);
        assertThat(diverges.minRateMultiple()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(diverges.reachedTarget()).isFalse();
    }
}
