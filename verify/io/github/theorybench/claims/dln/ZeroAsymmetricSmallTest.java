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
    private final Backend b = Backends.byName("ejml");

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
        ZeroAsymmetricDescentCheck.Sizes sizes = new ZeroAsymmetricDescentCheck.Sizes(new int[] {3}, 1, STEPS, STEPS,
                STEPS);
        ZeroAsymmetricDescentCheck check = new ZeroAsymmetricDescentCheck(sizes);
        ZeroAsymmetricDescentCheck.Measurement m = check.measure(sizes, CheckContext.of(b, 1, false));
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
}
