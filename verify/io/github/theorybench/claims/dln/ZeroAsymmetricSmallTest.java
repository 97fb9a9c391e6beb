package io.github.theorybench.claims.dln;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-1 with 300-step runs (fast enough for mutation testing; {@link DeepLinearNetClaimsTest} runs the CLAIMS.md
 * prefix of 2e4 steps). With ≤ 400 steps every step is recorded, so the run's statistics (slack, rates, control) are
 * recomputed here from its own R(t)/R(0) series; the verdicts, table and figure are checked against direct runs.
 */
@SmallInstances
class ZeroAsymmetricSmallTest {
    private static final int STEPS = 300;
    private static final long SEED = 1100;               // ctx seed 1: 1000·1 + 100 + 0
    private static final double[] SWEEP = {1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7};
    private final Backend b = Backends.byName("ejml");    // pure Java: the fastest backend on these tiny matrices
    private CheckResult r;
    private final List<String> progress = new java.util.ArrayList<>();

    private void setUp() {
        progress.clear();
        r = new ZeroAsymmetricDescentCheck(new int[] {3}, STEPS, STEPS, STEPS).run(new CheckContext(b, 1, true,
                progress::add));
    }

    private static DenseMatrix phi(double norm) {
        DenseMatrix p = RandomMatrices.gaussian(3, 4, 1.0, RandomMatrices.rng(SEED));
        return p.scale(norm / p.frobeniusNorm());
    }

    private ZeroAsymmetricDescentCheck.Run direct(double pn, double k, int steps) {
        return ZeroAsymmetricDescentCheck.run(b, 3, 4, 3, phi(pn), k, steps, false);
    }

    @Test
    @DisplayName("DLN-1 step bound eta* = min{1/(4 L^3 phi^6), 1/(144 L^2 phi^4)}, phi = max{2|Phi|_F, 3/sqrt(L), 1}")
    void stepBound() {
        // 003 Thm 4.3. L = 3, |Phi| = 0.5: phi = sqrt 3, the second term 1/(144·9·9) is the smaller
        Assertions.assertThat(ZeroAsymmetricDescentCheck.stepBound(3, 0.5)).isCloseTo(1.0 / 11664, within(1e-18));
        // L = 3, |Phi| = 2: phi = 4, the first term 1/(4·27·4096) is the smaller
        Assertions.assertThat(ZeroAsymmetricDescentCheck.stepBound(3, 2.0)).isCloseTo(1.0 / 442368, within(1e-20));
        // L = 100, |Phi| = 0.1: phi = 1 (both other terms below 1): min{1/(4e6), 1/(1.44e6)}
        Assertions.assertThat(ZeroAsymmetricDescentCheck.stepBound(100, 0.1)).isCloseTo(1.0 / 4e6, within(1e-20));
        // L = 1, |Phi| = 0.5: phi = 3/sqrt 1 = 3: min{1/(4·729), 1/(144·81)}
        Assertions.assertThat(ZeroAsymmetricDescentCheck.stepBound(1, 0.5)).isCloseTo(1.0 / 11664, within(1e-18));
        // L = 4, |Phi| = 1.2: phi = 2.4 > 3/2: min{1/(4·64·2.4^6), 1/(144·16·2.4^4)}
        Assertions.assertThat(ZeroAsymmetricDescentCheck.stepBound(4, 1.2)).isCloseTo(
                Math.min(1 / (256 * Math.pow(2.4, 6)), 1 / (2304 * Math.pow(2.4, 4))), within(1e-18));
    }

    @Test
    @DisplayName("DLN-1 run statistics recomputed from R(t)/R(0): R(1) = (1 - eta)^2 R(0), slack, rates, control x 8")
    void runStatistics() {
        for (double[] c : new double[][] {{0.5, 1}, {2.0, 1}, {0.5, 1000}}) {
            ZeroAsymmetricDescentCheck.Run run = direct(c[0], c[1], STEPS);
            double eta = c[1] * ZeroAsymmetricDescentCheck.stepBound(3, c[0]);
            Assertions.assertThat(run.eta()).isCloseTo(eta, within(1e-15 * eta));
            Assertions.assertThat(run.multiple()).isEqualTo(c[1]);
            double[] ts = run.ts(), rs = run.ratios();
            int last = run.steps();
            Assertions.assertThat(ts).hasSize(last + 1);
            Assertions.assertThat(rs[0]).isEqualTo(1.0);
            // zero-asymmetric init: only W_L moves in step 1, W_L(1) = eta Phi, R(1) = (1 - eta)^2 R(0)
            Assertions.assertThat(rs[1]).isCloseTo((1 - eta) * (1 - eta), within(1e-12));
            double q = Math.log(1 - eta / 2), oneOverRate = -1 / q;
            double slackAll = 0, slackLate = Double.NaN, minRate = Double.POSITIVE_INFINITY, ctl = 0;
            boolean held = true, ctlHeld = true;
            for (int t = 1; t <= last; t++) {
                Assertions.assertThat(ts[t]).isEqualTo(t);
                double s = rs[t] / Math.pow(1 - eta / 2, t);       // R(t)/R(0) over the bound (1 - eta/2)^t
                held &= s <= 1 + 1e-12;
                slackAll = Math.max(slackAll, s);
                if (t >= oneOverRate) {
                    slackLate = Double.isNaN(slackLate) ? s : Math.max(slackLate, s);
                }
                minRate = Math.min(minRate, Math.log(rs[t]) / (t * q));
                double cs = rs[t] / Math.pow(1 - eta / 2, 8 * t);
                ctl = Math.max(ctl, cs);
                ctlHeld &= cs <= 1 + 1e-12;
            }
            Assertions.assertThat(run.held()).isEqualTo(held).isTrue();
            Assertions.assertThat(run.firstFailure()).isEqualTo(-1);
            Assertions.assertThat(run.diverged()).isFalse();
            Assertions.assertThat(run.slackAll()).isCloseTo(slackAll, within(1e-9));
            Assertions.assertThat(run.minRateMultiple()).isCloseTo(minRate, within(1e-9 * minRate));
            Assertions.assertThat(run.finalRateMultiple()).isCloseTo(Math.log(rs[last]) / (last * q),
                    within(1e-9));
            Assertions.assertThat(run.finalRatio()).isEqualTo(rs[last]);
            Assertions.assertThat(run.controlSlack()).isCloseTo(ctl, within(1e-9 * ctl));
            Assertions.assertThat(run.controlHeld()).isEqualTo(ctlHeld).isFalse();   // R(1): rate ~4x < 8x
            if (Double.isNaN(slackLate)) {
                Assertions.assertThat(run.slackAfterOneOverRate()).isNaN();
            } else {
                Assertions.assertThat(run.slackAfterOneOverRate()).isCloseTo(slackLate, within(1e-9));
            }
            if (c[1] == 1) {
                Assertions.assertThat(last).isEqualTo(STEPS);
                Assertions.assertThat(run.reachedTarget()).isFalse();
                Assertions.assertThat(oneOverRate).isGreaterThan(STEPS);
            } else {
                // 1000x: stops at the first step with R <= 1e-6 R(0), well after t = 1/rate
                Assertions.assertThat(run.reachedTarget()).isTrue();
                Assertions.assertThat(last).isLessThan(STEPS).isGreaterThan((int) oneOverRate);
                Assertions.assertThat(rs[last]).isLessThanOrEqualTo(1e-6);
                Assertions.assertThat(rs[last - 1]).isGreaterThan(1e-6);
                Assertions.assertThat(slackLate).isLessThan(slackAll);
            }
        }
    }

    @Test
    @DisplayName("DLN-1 beyond the theorem: eta > 2 fails at t = 1 and diverges; stop-at-first-failure stops there")
    void failureAndDivergence() {
        ZeroAsymmetricDescentCheck.Run d = direct(0.5, 1e7, STEPS);   // eta ~ 857
        Assertions.assertThat(d.diverged()).isTrue();
        Assertions.assertThat(d.held()).isFalse();
        Assertions.assertThat(d.firstFailure()).isEqualTo(1);
        Assertions.assertThat(d.steps()).isLessThan(STEPS);
        Assertions.assertThat(d.reachedTarget()).isFalse();
        ZeroAsymmetricDescentCheck.Run s = ZeroAsymmetricDescentCheck.run(b, 3, 4, 3, phi(0.5), 2e4, STEPS, true);
        Assertions.assertThat(s.held()).isFalse();
        Assertions.assertThat(s.firstFailure()).isEqualTo(1);
        Assertions.assertThat(s.steps()).isEqualTo(1);
        Assertions.assertThat(s.diverged()).isFalse();
        ZeroAsymmetricDescentCheck.Run g = direct(0.5, 2e4, STEPS);  // eta = 1.71: R(1) = 0.5 R(0) > (1 - eta/2) R(0)
        Assertions.assertThat(g.firstFailure()).isEqualTo(1);
        Assertions.assertThat(g.steps()).isGreaterThan(1);
        Assertions.assertThat(g.ratios()[1]).isGreaterThan(1 - g.eta() / 2);
    }

    @Test
    @DisplayName("DLN-1 quick run (L = 3, 300-step runs): verdicts, table rows and figure series carry the runs' numbers")
    void quickRun() {
        // one test runs the check and every assertion on its output: PIT credits coverage from @BeforeAll or a
        // shared cache to no test method (or only the first), so assertions elsewhere would never see a mutant
        setUp();
        verdictsAndTable();
        figure();
    }

    /** DLN-1 verdicts and table rows carry the runs' numbers (k = 1, 10, 100, 1000 and the first failing multiple) */
    private void verdictsAndTable() {
        Table t = r.tables().get(0);
        Assertions.assertThat(t.name()).isEqualTo("DLN-1-runs");
        Assertions.assertThat(t.rows()).hasSize(10);
        int row = 0;
        for (double pn : new double[] {0.5, 2.0}) {
            double etaStar = ZeroAsymmetricDescentCheck.stepBound(3, pn);
            for (double k : new double[] {1, 10, 100, 1000}) {
                ZeroAsymmetricDescentCheck.Run run = direct(pn, k, STEPS);
                String inst = String.format(Locale.ROOT, "L=3, |Phi|_F=%.1f, eta=%.0fx bound", pn, k);
                Verdict v = r.verdict("DLN-1", "risk decay (" + inst + ")");
                Assertions.assertThat(v.seed()).isEqualTo(SEED);
                Assertions.assertThat(v.sizes()).containsEntry("L", 3).containsEntry("d", 4).containsEntry("d_y", 3);
                Assertions.assertThat(v.hypothesisMet()).isEqualTo(k == 1);
                Assertions.assertThat(v.holds()).isEqualTo(run.held()).isTrue();
                Assertions.assertThat(v.bound()).isEqualTo(1.0);
                double obs = Double.isNaN(run.slackAfterOneOverRate()) ? run.slackAll() : run.slackAfterOneOverRate();
                Assertions.assertThat(v.observed()).isEqualTo(obs);
                Assertions.assertThat(v.slack()).isEqualTo(k > 1 ? run.slackAll() : obs);
                Assertions.assertThat(v.measurements()).containsEntry("eta", run.eta())
                        .containsEntry("eta_bound", etaStar).containsEntry("multiple", k)
                        .containsEntry("steps", (double) run.steps())
                        .containsEntry("final_R_over_R0", run.finalRatio())
                        .containsEntry("min_rate_multiple", run.minRateMultiple())
                        .containsEntry("final_rate_multiple", run.finalRateMultiple())
                        .containsEntry("rate_multiple_of_1x_bound", run.finalRateMultiple() * k)
                        .containsEntry("slack_over_all_t_ge_1", run.slackAll());
                Assertions.assertThat(v.detail()).contains(k > 1 ? "(beyond the theorem's step size)"
                        : "prefix", "held at every step");
                if (k == 1) {
                    Verdict c = r.verdict("DLN-1", "control: rate x 8 (" + inst + ")");
                    Assertions.assertThat(c.role()).isEqualTo(Verdict.Role.CONTROL);
                    assertThat(c).isViolated();
                    Assertions.assertThat(c.observed()).isEqualTo(run.controlSlack());
                    Assertions.assertThat(c.bound()).isEqualTo(1.0);
                }
                Assertions.assertThat(progress).contains(String.format(Locale.ROOT, "DLN-1 L=3 |Phi|=%.1f seed %d"
                        + " k=%.0f: %d steps, R/R0 = %.3g, held true, min rate %.2fx", pn, SEED, k, run.steps(),
                        run.finalRatio(), run.minRateMultiple()));
                Assertions.assertThat(v.detail()).contains(String.format(Locale.ROOT, "(%.2f x at the end, = %.3g x the"
                        + " 1x bound's rate)", run.finalRateMultiple(), run.finalRateMultiple() * k),
                        Double.isNaN(run.slackAfterOneOverRate()) ? "n/a (prefix < 1/rate)"
                                : String.format(Locale.ROOT, "1/rate %.3g,", run.slackAfterOneOverRate()));
                List<String> cells = t.rows().get(row++);
                String runText = k == 1 ? STEPS + "-step prefix" : run.reachedTarget() ? "until R <= 1e-6 R0"
                        : STEPS + "-step prefix (cap)";
                Assertions.assertThat(cells).containsExactly("3", ZeroAsymmetricDescentCheck.fmt(pn),
                        String.valueOf(SEED), ZeroAsymmetricDescentCheck.fmt(k),
                        ZeroAsymmetricDescentCheck.fmt(run.eta()), runText, String.valueOf(run.steps()),
                        ZeroAsymmetricDescentCheck.fmt(run.finalRatio()), "yes",
                        ZeroAsymmetricDescentCheck.fmt(run.minRateMultiple()),
                        ZeroAsymmetricDescentCheck.fmt(run.finalRateMultiple()));
            }
            // the sweep: first multiple whose run breaks the inequality (recomputed by the same sweep)
            double firstFail = Double.NaN, lastHeld = Double.NaN;
            ZeroAsymmetricDescentCheck.Run failed = null;
            for (double k : SWEEP) {
                ZeroAsymmetricDescentCheck.Run run = direct(pn, k, STEPS);
                if (!run.held()) {
                    firstFail = k;
                    failed = run;
                    break;
                }
                lastHeld = k;
            }
            Assertions.assertThat(failed).isNotNull();
            Assertions.assertThat(lastHeld).isEqualTo(SWEEP[java.util.Arrays.binarySearch(SWEEP, firstFail) - 1]);
            Verdict f = r.verdict("DLN-1", String.format(Locale.ROOT, "first failing step multiple (L=3,"
                    + " |Phi|_F=%.1f)", pn));
            Assertions.assertThat(f.kind()).isEqualTo(ClaimKind.PHENOMENON);
            assertThat(f).hypothesisNotMet().holds().hasObservedWithin(1e4, 3e6);   // CLAIMS.md: 1e4-3e6x
            Assertions.assertThat(f.observed()).isEqualTo(firstFail);
            Assertions.assertThat(f.measurements()).containsEntry("eta_at_first_failure", firstFail * etaStar)
                    .containsEntry("last_held_multiple", lastHeld)
                    .containsEntry("diverged_there", failed.diverged() ? 1.0 : 0.0)
                    .containsEntry("first_failing_step", (double) failed.firstFailure())
                    .containsEntry("final_R_over_R0_there", failed.finalRatio());
            double failEta = firstFail * etaStar;
            Assertions.assertThat(f.detail()).contains(String.format(Locale.ROOT, "first fails at %s x eta* (eta ="
                    + " %.3g, 1 - eta/2 = %.3g; held at %s x), first at step t = %d", ZeroAsymmetricDescentCheck.fmt(
                            firstFail), failEta, 1 - failEta / 2, ZeroAsymmetricDescentCheck.fmt(lastHeld),
                    failed.firstFailure()), failed.diverged() ? "GD diverges there" : "GD does not diverge there");
            List<String> cells = t.rows().get(row++);
            Assertions.assertThat(cells).containsExactly("3", ZeroAsymmetricDescentCheck.fmt(pn),
                    String.valueOf(SEED), "first failure", ZeroAsymmetricDescentCheck.fmt(failEta),
                    failed.diverged() ? "diverged" : "did not diverge", String.valueOf(failed.steps()),
                    ZeroAsymmetricDescentCheck.fmt(failed.finalRatio()), "no (first at t=" + failed.firstFailure()
                            + ")", "", "");
        }
        Assertions.assertThat(r.verdicts("DLN-1")).hasSize(12);
    }

    /** DLN-1 figure: R(t)/R(0) and (1 - eta/2)^t at 1x and 100x (L = 3, |Phi|_F = 0.5) */
    private void figure() {
        Assertions.assertThat(r.figures()).hasSize(1);
        Figure f = r.figures().get(0);
        Assertions.assertThat(f.name()).isEqualTo("DLN-1-risk");
        Assertions.assertThat(f.logX()).isFalse();
        Assertions.assertThat(f.logY()).isTrue();
        Assertions.assertThat(f.series()).hasSize(4);
        int i = 0;
        for (double k : new double[] {1, 100}) {
            ZeroAsymmetricDescentCheck.Run run = direct(0.5, k, STEPS);
            Figure.Series meas = f.series().get(i++), ref = f.series().get(i++);
            Assertions.assertThat(meas.label()).isEqualTo(String.format(Locale.ROOT, "R(t)/R(0), eta = %.0fx bound", k));
            Assertions.assertThat(ref.label()).isEqualTo(String.format(Locale.ROOT, "(1 - eta/2)^t, eta = %.0fx bound",
                    k));
            Assertions.assertThat(meas.reference()).isFalse();
            Assertions.assertThat(ref.reference()).isTrue();
            Assertions.assertThat(meas.x()).containsExactly(run.ts());
            Assertions.assertThat(meas.y()).containsExactly(run.ratios());
            Assertions.assertThat(ref.x()).containsExactly(run.ts());
            double[] bound = new double[run.ts().length];
            for (int t = 0; t < bound.length; t++) {
                bound[t] = Math.pow(1 - run.eta() / 2, run.ts()[t]);      // DLN-1's bound (1 - eta/2)^t
            }
            Assertions.assertThat(ref.y()).containsExactly(bound, within(1e-15));
        }
        Assertions.assertThat(new ZeroAsymmetricDescentCheck().ids()).containsExactly("DLN-1");
        // the DLN tables' one number format: 3 significant digits
        Assertions.assertThat(ZeroAsymmetricDescentCheck.fmt(1234.5678)).isEqualTo("1.23e+03");
        Assertions.assertThat(ZeroAsymmetricDescentCheck.fmt(0.5)).isEqualTo("0.500");
    }

    @Test
    @DisplayName("DLN-1 long runs record every k-th step (k = steps/400) plus the first 50")
    void recordingStride() {
        ZeroAsymmetricDescentCheck.Run run = direct(2.0, 1, 1200);         // stride 3
        double[] ts = run.ts();
        Assertions.assertThat(ts).hasSize(50 + (1200 - 48) / 3 + 1 - 1);
        Assertions.assertThat(ts[49]).isEqualTo(49);
        Assertions.assertThat(ts[50]).isEqualTo(51);
        Assertions.assertThat(ts[ts.length - 1]).isEqualTo(1200);
    }
}
