package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.List;
import org.assertj.core.data.Offset;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-4 (CLAIMS.md; 001, the Jacobian Lipschitz bound) on the quick sizes (n = 10, d = 5, m = 100, 20 pairs, under a
 * second): the ratio ‖J_W − J_V‖_F / (β₀ sqrt(Σ‖x_i‖⁴) ‖W − V‖_F) against explicit Jacobians, the verdicts against a
 * replay of the check's draws, and the tight n = 1 case against its closed form.
 */
@SmallInstances
class JacobianLipschitzSmallTest {
    private static final long SEED = 1;
    private final Backend backend = Backends.byName(Backends.DEFAULT);
    private CheckResult result;

    /** PIT's JUnit 5 plugin credits {@code @BeforeAll} code to the first test only: the check runs in its test. */
    @Test
    @DisplayName("LAZY-4 whole check (quick): random and nearby pairs = the max ratio over a replay of the check's draws "
            + "(explicit Jacobians), below 1; tight n = 1 case = |tanh'(z* + delta) - tanh'(z*)| / (beta0 delta) at "
            + "z* = atanh(1/sqrt 3), in (0.9999, 1]; the bound/2 control bites")
    void wholeCheck() {
        result = new JacobianLipschitzCheck().run(CheckContext.of(backend, SEED, true));
        pairsReplayed();
        tightCase();
        assertThat(new JacobianLipschitzCheck().ids()).containsExactly("LAZY-4");
    }

    /** LAZY-4: the same ratio from the materialized Jacobians (no structured factor, no per-row shortcut). */
    private static double explicitRatio(TwoLayerNet net, DenseMatrix w, DenseMatrix v) {
        double num = net.jacobianExplicit(w).plusScaled(-1, net.jacobianExplicit(v)).frobeniusNorm();
        double sum4 = 0;
        for (int i = 0; i < net.n(); i++) {
            double xi2 = 0;
            for (int k = 0; k < net.d(); k++) {
                xi2 += Math.pow(net.inputs().get(i, k), 2);
            }
            sum4 += xi2 * xi2;
        }
        return num / (net.activation().beta0() * Math.sqrt(sum4) * w.plusScaled(-1, v).frobeniusNorm());
    }

    @Test
    @DisplayName("LAZY-4 ratio: the structured ||J_W - J_V||_F / (beta0 sqrt(sum ||x_i||^4) ||W - V||_F) equals the one "
            + "from explicit Jacobians (tanh, softplus, non-unit inputs, several rows)")
    void ratioAgainstExplicitJacobians() {
        for (Activation act : List.of(Activation.TANH, Activation.SOFTPLUS)) {
            RandomGenerator rng = RandomMatrices.rng(5);
            DenseMatrix x = RandomMatrices.gaussian(3, 4, 1.5, rng);
            TwoLayerInit init = TwoLayerInit.randomSign(7, 4, 1.0, rng);
            TwoLayerNet net = TwoLayerNet.withFixedSigns(backend, x, init.signs(), act);
            for (double scale : new double[] {1.0, 0.1}) {
                DenseMatrix w = RandomMatrices.gaussian(7, 4, 1.0, rng);
                DenseMatrix v = w.plusScaled(scale, RandomMatrices.gaussian(7, 4, 1.0, rng));
                double expected = explicitRatio(net, w, v);
                assertThat(JacobianLipschitzCheck.ratio(net, w, v)).as("%s, scale %s", act, scale)
                        .isCloseTo(expected, Offset.offset(1e-12 * expected)).isGreaterThan(0).isLessThan(1);
            }
        }
    }

    private void pairsReplayed() {
        int n = 10, d = 5, m = 100, pairs = 20;
        List<Verdict> claims = result.verdicts("LAZY-4").stream().filter(v -> v.role() == Verdict.Role.CLAIM).toList();
        assertThat(claims).hasSize(5);
        for (Activation act : List.of(Activation.TANH, Activation.SOFTPLUS)) {
            // replay of JacobianLipschitzCheck.run: data, init, then per pair w, v, and the nearby perturbation
            RandomGenerator rng = RandomMatrices.rng(SEED);
            DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
            TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
            TwoLayerNet net = TwoLayerNet.withFixedSigns(backend, x, init.signs(), act);
            double worstRandom = 0, worstNear = 0;
            for (int p = 0; p < pairs; p++) {
                DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng), v = RandomMatrices.gaussian(m, d, 1.0, rng);
                worstRandom = Math.max(worstRandom, explicitRatio(net, w, v));
                DenseMatrix near = w.plusScaled(1e-3, RandomMatrices.gaussian(m, d, 1.0, rng));
                worstNear = Math.max(worstNear, explicitRatio(net, w, near));
            }
            Verdict random = result.verdict("LAZY-4", "random pairs, " + act.label());
            Verdict near = result.verdict("LAZY-4", "nearby pairs, " + act.label());
            for (Verdict v : List.of(random, near)) {
                assertThat(v).hypothesisMet().holds();
                assertThat(v.bound()).isEqualTo(1.0);
                assertThat(v.activation()).isEqualTo(act.label());
                assertThat(v.sizes()).containsEntry("n", n).containsEntry("d", d).containsEntry("m", m)
                        .containsEntry("pairs", pairs);
            }
            assertThat(random.observed()).isCloseTo(worstRandom, Offset.offset(1e-10 * worstRandom));
            assertThat(near.observed()).isCloseTo(worstNear, Offset.offset(1e-10 * worstNear));
            // a pair far apart uses little of the bound; nearby pairs use more (the ratio is a local slope)
            assertThat(random.observed()).isLessThan(near.observed()).isLessThan(1.0);
        }
    }

    private void tightCase() {
        double zStar = 0.5 * Math.log((1 + 1 / Math.sqrt(3)) / (1 - 1 / Math.sqrt(3)));
        // 001: beta0 = sup |tanh''| = 4/(3 sqrt 3), attained at z* = atanh(1/sqrt 3)
        assertThat(Math.abs(Activation.TANH.secondDerivative(zStar))).isCloseTo(Activation.TANH.beta0(),
                Offset.offset(1e-15));
        double delta = 1e-3;
        // n = 1, unit x, V = W + delta 1 x^T: ||J_W - J_V||_F = sqrt(m) |sigma'(z*) - sigma'(z* + delta)| and
        // ||W - V||_F = sqrt(m) delta, so the ratio is the difference quotient of sigma' over beta0
        double expected = Math.abs(Activation.TANH.derivative(zStar + delta) - Activation.TANH.derivative(zStar))
                / (Activation.TANH.beta0() * delta);
        Verdict tight = result.verdict("LAZY-4", "tight n = 1 case at argmax |sigma''|");
        assertThat(tight).hypothesisMet().holds();
        assertThat(tight.observed()).isCloseTo(expected, Offset.offset(1e-9)).isGreaterThan(0.9999)
                .isLessThanOrEqualTo(1.0);
        assertThat(tight.bound()).isEqualTo(1.0);
        assertThat(tight.seed()).isEqualTo(SEED + 1);
        assertThat(tight.sizes()).containsEntry("n", 1).containsEntry("d", 5).containsEntry("m", 50);
        List<Verdict> controls = result.verdicts("LAZY-4").stream().filter(v -> v.role() == Verdict.Role.CONTROL)
                .toList();
        assertThat(controls).hasSize(1);
        Verdict control = controls.get(0);
        assertThat(control.check()).isEqualTo("tight n = 1 case against bound/2");
        assertThat(control).isViolated();
        assertThat(control.observed()).isEqualTo(tight.observed());
        assertThat(control.bound()).isEqualTo(0.5);
    }
}
