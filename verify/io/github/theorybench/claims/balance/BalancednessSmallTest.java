package io.github.theorybench.claims.balance;

import io.github.theorybench.model.sensing.SensingInstance;
import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorizedSensing;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * BAL-1..4 (002, balancedness) on small instances: d₁ = d₂ = 10, n = 150 (the α = 0.3, r = d, μ = 0.5 run diverges
 * there, as at CLAIMS.md's d = 20), and BAL-4 on d = 6, n = 150 over μ ∈ {0.1, 0.03, 0.01}. The GD quantities are
 * recomputed in the test from the loss and B = UᵀU − VᵀV.
 */
@SmallInstances
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalancednessSmallTest {
    static final int D = 10, N = 150;
    private final Backend b = Backends.byName(Backends.DEFAULT);
    private CheckResult quick;
    private CheckResult full;
    private CheckResult drift;
    private final List<String> progress = new java.util.ArrayList<>();
    private SensingInstance stable;
    private SensingInstance big;

    @BeforeAll
    void run() {
        quick = new BalancednessCheck().run(CheckContext.of(b, 1, true), D, N);
        full = new BalancednessCheck().run(CheckContext.of(b, 1, false), D, N);
        drift = new DriftScalingCheck().run(new CheckContext(b, 1, true, progress::add), 6, N,
                new double[] {0.1, 0.03, 0.01});
        stable = SensingInstance.build(b, 1, D, D, 2, 4, N, 1e-3);
        big = SensingInstance.build(b, 1, D, D, 2, D, N, 0.3);
    }

    private DenseMatrix imbalance(DenseMatrix u, DenseMatrix v) {
        // B = UᵀU − VᵀV (002, balancedness)
        return b.multiply(true, false, u, u).toDense().plusScaled(-1, b.multiply(true, false, v, v).toDense());
    }


    @Test
    @DisplayName("BAL-1..4 small instances (d = 10, n = 150; BAL-4 d = 6): GD, B_t, bounds, controls and figures recomputed")
    void smallInstances() {
        // a single test method: PIT attributes what @BeforeAll runs to the first test method only, so a mutant in
        // the check would otherwise be tried against that method alone
        assertThat(new BalancednessCheck().ids()).containsExactly("BAL-1", "BAL-2", "BAL-3");
        assertThat(new DriftScalingCheck().ids()).containsExactly("BAL-4");
        reinitialized();
        descendRecomputed();
        verdicts();
        driftSlope();
    }

    /** A new initialization on the same operator and labels: U₀ = αŪ, V₀ = αV̄ with Ū, V̄ from the init seed. */
    private void reinitialized() {
        SensingInstance re = stable.reinitialized(3, 0.2, 77);
        assertThat(re.loss()).isSameAs(stable.loss());
        assertThat(re.target()).isSameAs(stable.target());
        assertThat(re.r()).isEqualTo(3);
        assertThat(re.alpha()).isEqualTo(0.2);
        assertThat(re.seed()).isEqualTo(stable.seed());
        var rng = io.github.theorybench.model.RandomMatrices.rng(77);
        DenseMatrix u = io.github.theorybench.model.RandomMatrices.gaussian(D, 3, 1, rng).scale(0.2);
        DenseMatrix v = io.github.theorybench.model.RandomMatrices.gaussian(D, 3, 1, rng).scale(0.2);
        assertThat(re.u0().data()).containsExactly(u.data());
        assertThat(re.v0().data()).containsExactly(v.data());
    }

    /** GD recomputed: ‖B_t‖, the BAL-3 bound ‖B₀‖ + 2μ(L₀ − L_t), BAL-2's ratio and BAL-3's hypothesis failures. */
    private double[][] descend(SensingInstance inst, double mu, int steps) {
        DenseMatrix u = inst.u0(), v = inst.v0();
        FactorizedSensing.Evaluation ev = inst.loss().asymmetric(u, v);
        double l0 = ev.loss(), b0 = imbalance(u, v).frobeniusNorm();
        double[] bn = new double[steps + 1], bd = new double[steps + 1];
        bn[0] = b0;
        bd[0] = b0;
        double bal2 = 0, bal3 = 0, half = 0;
        int failures = 0, last = steps;
        for (int s = 0; s < steps; s++) {
            double g2 = Math.pow(ev.gradU().frobeniusNorm(), 2) + Math.pow(ev.gradV().frobeniusNorm(), 2);
            DenseMatrix un = u.plusScaled(-mu, ev.gradU()), vn = v.plusScaled(-mu, ev.gradV());
            // BAL-2: ‖B_{t+1} − B_t‖_F ≤ μ²(‖∇_U‖² + ‖∇_V‖²)
            bal2 = Math.max(bal2, imbalance(un, vn).plusScaled(-1, imbalance(u, v)).frobeniusNorm() / (mu * mu * g2));
            FactorizedSensing.Evaluation next = inst.loss().asymmetric(un, vn);
            if (ev.loss() - next.loss() < mu / 2 * g2) {        // BAL-3's sufficient-decrease hypothesis fails
                failures++;
            }
            u = un;
            v = vn;
            ev = next;
            bn[s + 1] = imbalance(u, v).frobeniusNorm();
            bd[s + 1] = b0 + 2 * mu * (l0 - ev.loss());         // BAL-3: ‖B₀‖ + 2μ(L₀ − L_t)
            if (bd[s + 1] > 0) {
                bal3 = Math.max(bal3, bn[s + 1] / bd[s + 1]);
                half = Math.max(half, bn[s + 1] / (b0 + mu * (l0 - ev.loss())));
            }
            if (!(ev.loss() <= 1e12 * l0)) {
                last = s + 1;
                break;
            }
        }
        return new double[][] {Arrays.copyOf(bn, last + 1), Arrays.copyOf(bd, last + 1),
            {bal2, bal3, half, failures, ev.loss() / l0}};
    }

    /** BAL-2/3 small: descend() matches a GD recomputed here (B_t, the lemma's bound, ratios, hypothesis failures) */
    private void descendRecomputed() {
        BalancednessCheck.Run ok = BalancednessCheck.descend(b, stable, 0.1, 150);
        double[][] e = descend(stable, 0.1, 150);
        assertThat(ok.t()).hasSize(151);
        assertThat(ok.t()[150]).isEqualTo(150);
        assertThat(ok.t()[0]).isZero();
        for (int k = 0; k <= 150; k++) {
            assertThat(ok.t()[k]).isEqualTo(k);
            assertThat(ok.bNorm()[k]).isCloseTo(e[0][k], within(1e-9 * e[0][0] + 1e-9 * e[0][k]));
            assertThat(ok.bound()[k]).isCloseTo(e[1][k], within(1e-9 * e[1][0]));
        }
        assertThat(ok.bal2Ratio()).isCloseTo(e[2][0], within(1e-6 * e[2][0]));
        assertThat(ok.bal3Ratio()).isCloseTo(e[2][1], within(1e-9));
        assertThat(ok.bal3HalfRatio()).isCloseTo(e[2][2], within(1e-9));
        assertThat(ok.hypothesisFailures()).isEqualTo((int) e[2][3]).isZero();
        assertThat(ok.hypothesisEveryStep()).isTrue();
        assertThat(ok.bal3Held()).isTrue();
        assertThat(ok.finalLoss() / ok.loss0()).isCloseTo(e[2][4], within(1e-6 * e[2][4]));
        assertThat(ok.loss0()).isCloseTo(stable.loss().asymmetric(stable.u0(), stable.v0()).loss(), within(1e-15));
        assertThat(ok.mu()).isEqualTo(0.1);
        assertThat(ok.alpha()).isEqualTo(1e-3);
        assertThat(ok.r()).isEqualTo(4);
        // BAL-1 and BAL-2's identity hold to round-off
        assertThat(ok.bal1()).isLessThan(1e-12);
        assertThat(ok.bal2Identity()).isLessThan(1e-5);
        // the half bound b0 + mu (L0 - Lt) is smaller, so its ratio is larger
        assertThat(ok.bal3HalfRatio()).isGreaterThan(ok.bal3Ratio());

        // a diverging run (μ = 0.5, α = 0.3, r = d): arrays cut at the step where L_t > 1e12 L₀, the bound held false
        BalancednessCheck.Run broken = BalancednessCheck.descend(b, big, 0.5, 150);
        double[][] eb = descend(big, 0.5, 150);
        assertThat(broken.bal3Held()).isFalse();
        assertThat(broken.hypothesisEveryStep()).isFalse();
        assertThat(broken.t()).hasSize(eb[0].length).hasSizeLessThan(20);
        assertThat(broken.bNorm()).hasSize(eb[0].length);
        assertThat(broken.bound()).hasSize(eb[0].length);
        assertThat(broken.hypothesisFailures()).isEqualTo((int) eb[2][3]).isPositive();
        assertThat(broken.finalLoss() / broken.loss0()).isGreaterThan(1e12);
        assertThat(broken.bal3Ratio()).isCloseTo(eb[2][1], within(1e-6 * eb[2][1]));
        assertThat(Arrays.stream(broken.bound()).min().orElseThrow()).isNegative();
    }

    /** BAL-1..3 small: verdicts carry descend()'s numbers; controls bite; the diverging run is reported */
    private void verdicts() {
        for (CheckResult r : List.of(quick, full)) {
            int steps = r == quick ? 150 : 300;
            BalancednessCheck.Run ok = BalancednessCheck.descend(b, stable, 0.1, steps);
            BalancednessCheck.Run broken = BalancednessCheck.descend(b, big, 0.5, steps);
            assertThat(r.verdicts()).hasSize(9);
            for (BalancednessCheck.Run run : List.of(ok, broken)) {
                SensingInstance inst = run == ok ? stable : big;
                String tag = String.format(Locale.ROOT, "mu = %.2g, alpha = %.0e, r = %d", run.mu(), run.alpha(),
                        run.r());
                Verdict b1 = r.verdict("BAL-1", "U^T grad_U = grad_V^T V, " + tag);
                assertThat(b1).hypothesisMet().holds();
                assertThat(b1.observed()).isEqualTo(run.bal1());
                assertThat(b1.bound()).isEqualTo(1e-12);
                assertThat(b1.sizes()).containsEntry("d1", D).containsEntry("d2", D).containsEntry("rStar", 2)
                        .containsEntry("r", inst.r()).containsEntry("n", N);
                assertThat(b1.measurements()).containsEntry("alpha", inst.alpha());
                assertThat(b1.seed()).isEqualTo(1);
                Verdict b2 = r.verdict("BAL-2", "one-step bound, " + tag);
                assertThat(b2).holds();
                assertThat(b2.observed()).isEqualTo(run.bal2Ratio());
                assertThat(b2.bound()).isEqualTo(1.0);
                assertThat(b2.measurements()).containsEntry("identityRelativeError", run.bal2Identity());
                assertThat(b2.detail()).endsWith(String.format(Locale.ROOT, "holds to %.1e", run.bal2Identity()));
                Verdict b3 = r.verdict("BAL-3", "balancedness lemma, " + tag);
                assertThat(b3.observed()).isEqualTo(run.bal3Ratio());
                assertThat(b3.bound()).isEqualTo(1.0);
                assertThat(b3.holds()).isEqualTo(run.bal3Held());
                assertThat(b3.hypothesisMet()).isEqualTo(run.hypothesisEveryStep());
                double minBound = Arrays.stream(run.bound()).min().orElseThrow();
                assertThat(b3.measurements()).containsEntry("hypothesisFailures", (double) run.hypothesisFailures())
                        .containsEntry("finalLossOverL0", run.finalLoss() / run.loss0())
                        .containsEntry("minBound", minBound);
                assertThat(b3.detail()).contains(String.format(Locale.ROOT, "failed at %d of %d steps; L_T/L_0 = %.3g",
                        run.hypothesisFailures(), run.t().length - 1, run.finalLoss() / run.loss0()));
                if (run == ok) {
                    assertThat(b3).hypothesisMet().holds();
                    assertThat(b3.detail()).doesNotContain("diverged");
                } else {
                    assertThat(b3).hypothesisNotMet();
                    assertThat(b3.holds()).isFalse();
                    assertThat(b3.detail()).endsWith(String.format(Locale.ROOT, "(min %.3g) while ||B_t|| grew",
                            minBound));
                }
            }
            // BAL-1 control: ∇_U of L + 0.05‖U‖² is ∇_U L + 0.1 U, so Uᵀ(∇_U L + 0.1U) − (∇_V L)ᵀV = 0.1 UᵀU
            DenseMatrix u = stable.u0().scale(1 / stable.alpha()).scale(0.3);
            DenseMatrix v = stable.v0().scale(1 / stable.alpha()).scale(0.3);
            DenseMatrix left = b.multiply(true, false, u, stable.loss().asymmetric(u, v).gradU().plusScaled(0.1, u))
                    .toDense();
            double expected = b.multiply(true, false, u, u).toDense().scale(0.1).frobeniusNorm() / left.frobeniusNorm();
            Verdict c1 = r.verdict("BAL-1", "identity for L + 0.05||U||^2 (not a function of UV^T)");
            assertThat(c1).isViolated();
            assertThat(c1.role()).isEqualTo(Verdict.Role.CONTROL);
            assertThat(c1.observed()).isCloseTo(expected, within(1e-9 * expected));
            assertThat(c1.bound()).isEqualTo(1e-12);
            Verdict c2 = r.verdict("BAL-2", "one-step bound halved, alpha = 0.3, r = 20");
            assertThat(c2).isViolated();
            assertThat(c2.observed()).isEqualTo(broken.bal2Ratio());
            assertThat(c2.bound()).isEqualTo(0.5);
            assertThat(c2.sizes()).containsEntry("r", D);
            Verdict c3 = r.verdict("BAL-3", "lemma bound halved, mu = 0.1");
            assertThat(c3).isViolated();
            assertThat(c3.observed()).isEqualTo(ok.bal3Ratio());
            assertThat(c3.bound()).isEqualTo(0.5);
            assertThat(c3.sizes()).containsEntry("r", 4);
            // the figure shows exactly the two runs' B_t and bounds
            assertThat(r.figures()).hasSize(1);
            Figure f = r.figures().get(0);
            assertThat(f.name()).isEqualTo("BAL-3-balancedness");
            assertThat(f.logX()).isFalse();
            assertThat(f.logY()).isTrue();
            assertThat(f.series()).hasSize(4);
            assertThat(f.series().get(0).y()).containsExactly(ok.bNorm());
            assertThat(f.series().get(0).x()).containsExactly(ok.t());
            assertThat(f.series().get(0).reference()).isFalse();
            assertThat(f.series().get(1).y()).containsExactly(ok.bound());
            assertThat(f.series().get(1).reference()).isTrue();
            assertThat(f.series().get(2).y()).containsExactly(broken.bNorm());
            assertThat(f.series().get(2).x()).containsExactly(broken.t());
            assertThat(f.series().get(3).y()).containsExactly(broken.bound());
            assertThat(f.series().get(3).reference()).isTrue();
        }
    }

    /** BAL-4 small: the fitted slope is the least-squares slope of log drift against log mu; reference line of slope 1 */
    private void driftSlope() {
        Verdict v = drift.verdict("BAL-4", "drift of B under GD against mu, same mu T");
        assertThat(v).holds();
        Figure f = drift.figures().get(0);
        assertThat(f.name()).isEqualTo("BAL-4-drift");
        double[] mus = f.series().get(0).x(), d = f.series().get(0).y();
        assertThat(mus).containsExactly(0.1, 0.03, 0.01);
        // drift recomputed: max_t ‖B_t − B₀‖_F over T = round(3/μ) GD steps (μT = 3)
        SensingInstance inst = SensingInstance.build(b, 1, 6, 6, 2, 4, N, 0.1);
        SimpleRegression reg = new SimpleRegression();
        for (int k = 0; k < mus.length; k++) {
            DenseMatrix u = inst.u0(), w = inst.v0(), b0 = imbalance(u, w);
            double worst = 0;
            for (int s = 0; s < Math.round(3 / mus[k]); s++) {
                FactorizedSensing.Evaluation ev = inst.loss().asymmetric(u, w);
                u = u.plusScaled(-mus[k], ev.gradU());
                w = w.plusScaled(-mus[k], ev.gradV());
                worst = Math.max(worst, imbalance(u, w).plusScaled(-1, b0).frobeniusNorm());
            }
            assertThat(d[k]).isCloseTo(worst, within(1e-8 * worst));
            assertThat(progress.get(k)).isEqualTo("BAL-4 mu = " + mus[k] + ": drift " + d[k]);
            reg.addData(Math.log(mus[k]), Math.log(worst));
            // reference: drift[0] μ/μ₀
            assertThat(f.series().get(1).y()[k]).isCloseTo(d[0] * mus[k] / mus[0], within(1e-12 * d[0]));
        }
        assertThat(v.observed()).isCloseTo(reg.getSlope(), within(1e-6));
        assertThat(v.slack()).isEqualTo(v.observed());
        assertThat(v.bound()).isEqualTo(1.0);
        assertThat(v.windowLow()).isEqualTo(0.9);
        assertThat(v.windowHigh()).isEqualTo(1.1);
        assertThat(v).hasMeasurementCloseTo("slopeStdErr", reg.getSlopeStdErr(), 1e-3, "regression std error")
                .hasMeasurementCloseTo("alpha", 0.1, 0, "alpha");
        assertThat(v.sizes()).containsEntry("d1", 6).containsEntry("d2", 6).containsEntry("n", N)
                .containsEntry("muT", 3.0).containsEntry("r", 4);
        assertThat(f.series().get(1).reference()).isTrue();
        assertThat(f.series().get(0).reference()).isFalse();
        assertThat(f.logX()).isTrue();
        assertThat(f.logY()).isTrue();
    }
}
