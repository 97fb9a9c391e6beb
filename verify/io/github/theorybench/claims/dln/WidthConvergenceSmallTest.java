package io.github.theorybench.claims.dln;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-2 at depth 2, one seed, sweep to m = 8, large width 16 (fast enough for mutation testing;
 * {@link DeepLinearClaimsTest} runs L ∈ {2, 3, 5}). The measurement is replayed once; η, the rate and OPT are
 * recomputed from X and Y by the normal equations, and the excess loss of the width that held by a plain-Java gradient
 * descent ({@link LoopDeepLinearNet}) on the init the builder draws.
 */
@SmallInstances
class WidthConvergenceSmallTest {
    /** Two descents associating the same products differently agree to ~1e−12 while ℓ − OPT is far above round-off. */
    private static final double ASSOCIATION = 1e-9;
    /** Recomputed spectra and fits: a few hundred ulps of κ = λ_max/λ_r ≤ 1e2. */
    private static final double SPECTRUM = 1e-11;
    /** Near the round-off floor l - OPT is known to ~1e-3 relative: ln of it to ~1e-5 of its ~60. */
    private static final double NEAR_FLOOR = 1e-4;
    private final Backend b = Backends.byName("ejml");

    /** l(t) - OPT = 1/2 ||c W_2 W_1 X - Y_hat||^2, t = 0.. until it is at most {@code floor} or t = maxSteps. */
    private static double[] excessCurve(DuHuInstance inst, RealMatrix yHat, int m, long seed, double eta,
            int maxSteps, double floor) {
        double c = inst.scale(2, m);
        LoopDeepLinearNet net = new LoopDeepLinearNet(c, inst.x(), inst.y());
        List<RealMatrix> w = LoopDeepLinearNet.real(inst.gaussianInit(seed, 2, m));
        RealMatrix x = LoopDeepLinearNet.real(inst.x());
        List<Double> out = new ArrayList<>();
        for (int t = 0; t <= maxSteps; t++) {
            RealMatrix f = LoopDeepLinearNet.product(w, 1, 2, 10).multiply(x).scalarMultiply(c);
            double excess = 0.5 * Math.pow(f.subtract(yHat).getFrobeniusNorm(), 2);
            out.add(excess);
            if (excess <= floor || !(excess <= 1e12 * out.get(0))) {
                break;
            }
            List<RealMatrix> g = net.gradient(w);
            for (int l = 0; l < 2; l++) {
                w.set(l, w.get(l).subtract(g.get(l).scalarMultiply(eta)));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    @DisplayName("DLN-2 small run (L = 2, m = 2..8, large 16): eta, rate and OPT by the normal equations; the held width's l(t) - OPT by plain-Java GD; verdicts")
    void smallRun() {
        WidthConvergenceCheck.Sizes sizes = new WidthConvergenceCheck.Sizes(new int[] {2}, 1, 8, 16);
        WidthConvergenceCheck check = new WidthConvergenceCheck(sizes);
        List<String> progress = new ArrayList<>();
        WidthConvergenceCheck.Measurement m = check.measure(sizes, new CheckContext(b, 1, false, progress::add));
        SeedStream seeds = SeedStream.of(1, "DLN-2");
        DuHuInstance inst = DuHuInstance.build(seeds.seed(0), 10, 20, 2);
        RealMatrix x = LoopDeepLinearNet.real(inst.x()), y = LoopDeepLinearNet.real(inst.y());
        RealMatrix xxt = x.multiply(x.transpose());
        double[] lam = new EigenDecompositionSymmetric(xxt).getEigenvalues();     // descending; X^T X shares them
        WidthConvergenceCheck.SeedSweep sweep = m.sweeps().get(0);
        DuHuInstance.Fit fit = sweep.fit();
        assertThat(fit.lambdaMax()).isCloseTo(lam[0], within(SPECTRUM * lam[0]));
        assertThat(fit.lambdaR()).isCloseTo(lam[9], within(SPECTRUM * lam[0]));    // rank X = d_in = 10 < n
        // 003 Thm 4.1: eta = d_out/(3 L ||X^T X||), rate = eta L lambda_r/(4 d_out) = lambda_r/(12 lambda_max)
        assertThat(fit.eta(2)).isCloseTo(2.0 / (6 * lam[0]), within(SPECTRUM * fit.eta(2)));
        assertThat(fit.rate(2)).isCloseTo(lam[9] / (12 * lam[0]), within(SPECTRUM));
        RealMatrix yHat = y.multiply(x.transpose()).multiply(new LUDecomposition(xxt).getSolver().getInverse())
                .multiply(x);
        double opt = 0.5 * Math.pow(yHat.subtract(y).getFrobeniusNorm(), 2);
        assertThat(fit.opt()).isCloseTo(opt, within(SPECTRUM * opt));
        // the sweep stops at the first width that held; replay it by plain-Java GD from the builder's init
        WidthRun held = sweep.held();
        assertThat(held).isNotNull();
        assertThat(sweep.runs().subList(0, sweep.runs().size() - 1)).allSatisfy(r -> assertThat(r.held()).isFalse());
        // the held width's l(t) - OPT by plain-Java GD from the builder's init, down to the round-off floor: the
        // recorded ratios, l(0) - OPT and the run's statistics
        double rate = fit.rate(2), lnq = Math.log1p(-rate), oneOverRate = -1 / lnq;
        int maxSteps = (int) Math.ceil(2 * oneOverRate * Math.log(1e40));
        double floor = 0.5 * Math.pow(1e-13 * yHat.getFrobeniusNorm(), 2);
        double[] e = excessCurve(inst, yHat, held.m(), WidthConvergenceCheck.initSeeds(seeds, 2, held.m()).seed(0),
                fit.eta(2), maxSteps, floor);
        for (int i = 0; i < held.ts().length && held.ratios()[i] > 1e-12; i++) {
            int t = (int) held.ts()[i];
            assertThat(held.ratios()[i]).as("(l(%d) - OPT)/(l(0) - OPT)", t).isCloseTo(e[t] / e[0],
                    within(ASSOCIATION * e[t] / e[0]));
        }
        assertThat(held.excess0()).isCloseTo(e[0], within(ASSOCIATION * e[0]));
        int stop = e.length - 1;                                    // the first t at the floor
        assertThat(e[stop]).isLessThanOrEqualTo(floor);
        assertThat(held.steps()).isBetween(stop - 1, stop + 1);     // the crossing of the floor is at round-off
        assertThat(held.checkedSteps()).isEqualTo(held.steps() - 1);
        int checked = Math.min(held.checkedSteps(), stop - 1);
        double minAll = Double.POSITIVE_INFINITY, minLate = Double.POSITIVE_INFINITY, slack = 0;
        boolean control = true;
        for (int t = 1; t <= checked; t++) {
            double lr = Math.log(e[t] / e[0]);
            minAll = Math.min(minAll, (lr - 1e-12) / (t * lnq));
            control &= lr <= 16 * t * lnq + 1e-12;
            if (t >= oneOverRate) {
                minLate = Math.min(minLate, lr / (t * lnq));
                slack = Math.max(slack, Math.exp(lr - t * lnq));
            }
        }
        assertThat(held.minRateMultiple()).isCloseTo(minAll, within(NEAR_FLOOR * minAll));
        assertThat(held.minRateMultipleAfterOneOverRate()).isCloseTo(minLate, within(NEAR_FLOOR * minLate));
        assertThat(held.slack()).isCloseTo(slack, within(NEAR_FLOOR * slack));
        assertThat(held.control16Held()).isEqualTo(control);
        assertThat(held.firstFailure()).isEqualTo(-1);
        int record = Math.max(1, maxSteps / 4000);
        assertThat(held.ts()).hasSize(held.checkedSteps() / record + 1);
        for (int i = 0; i < held.ts().length; i++) {
            assertThat(held.ts()[i]).isEqualTo((double) i * record);
        }
        assertThat(held.m()).isEqualTo(2 << (sweep.runs().size() - 1));  // the doubling sweep from m = 2
        // the sweep's first width failed: the run stops at its first violating step (the x16 control fails there too)
        WidthRun failed = sweep.runs().get(0);
        assertThat(sweep.runs().size()).isGreaterThan(1);
        double[] ef = excessCurve(inst, yHat, failed.m(), WidthConvergenceCheck.initSeeds(seeds, 2, failed.m())
                .seed(0), fit.eta(2), failed.steps() + 1, floor);     // enough to see a failure at or before it
        int firstFail = -1;
        for (int t = 1; t < ef.length && firstFail < 0; t++) {
            firstFail = Math.log(ef[t] / ef[0]) > t * lnq + 1e-12 ? t : -1;
        }
        assertThat(failed.held()).isFalse();
        assertThat(failed.firstFailure()).isEqualTo(firstFail);
        assertThat(failed.steps()).isEqualTo(firstFail);
        assertThat(failed.minRateMultiple()).isLessThan(1);
        // the progress lines: one per sweep, one per large run
        assertThat(progress).containsExactly(String.format(Locale.ROOT, "DLN-2 L=2 seed %d: first held at width %d",
                seeds.seed(0), held.m()), String.format(Locale.ROOT, "DLN-2 L=2 m=16: held %s, min rate %.2fx",
                m.large().get(0).run().held(), m.large().get(0).run().minRateMultiple()));
        CheckResult r = check.result(m);
        assertThat(r.verdict(WidthConvergenceCheck.SMALLEST_WIDTH)).hypothesisMet().holds()
                .hasObservedWithin(held.m(), held.m());
        assertThat(r.verdict(WidthConvergenceCheck.LARGE_WIDTH_RATE)).holds();
        assertThat(r.verdict(WidthConvergenceCheck.LARGE_WIDTH_RATE_X16)).controlBit();
        assertThat(r.tables().get(0).rows()).hasSize(2);
    }

    @Test
    @DisplayName("DLN-2 recorder (L = 2, m = 4): a step 40x the theorem's diverges; the run reports it (rate -inf, not held, control failed) at the step where l - OPT passes 1e12 (l(0) - OPT)")
    void divergence() {
        DuHuInstance inst = DuHuInstance.build(SeedStream.of(1, "DLN-2").seed(0), 10, 20, 2);
        DuHuInstance.Fit fit = inst.fit(b);
        // lambda_max / 40: eta = 40 x d_out/(3 L ||X^T X||), far beyond 2/curvature
        DuHuInstance.Fit fast = new DuHuInstance.Fit(2, fit.yHat(), fit.opt(), fit.lambdaMax() / 40, fit.lambdaR()
                / 40, fit.rank(), fit.phiNorm());
        WidthRun r = WidthRun.measure(b, inst, fast, 2, 4, 17, false);
        double[] e = excessCurve(inst, LoopDeepLinearNet.real(fit.yHat()), 4, 17, fast.eta(2), 10_000, 0);
        int blow = e.length - 1;
        assertThat(e[blow]).isGreaterThan(1e12 * e[0]);
        assertThat(r.steps()).isEqualTo(blow);
        assertThat(r.held()).isFalse();
        assertThat(r.control16Held()).isFalse();
        assertThat(r.minRateMultiple()).isEqualTo(Double.NEGATIVE_INFINITY);
        double lnq = Math.log1p(-fast.rate(2));
        int firstFail = 1;
        while (Math.log(e[firstFail] / e[0]) <= firstFail * lnq + 1e-12) {
            firstFail++;
        }
        assertThat(r.firstFailure()).isEqualTo(firstFail);
        assertThat(r.checkedSteps()).isEqualTo(blow - 1);
    }
}
