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
import io.github.theorybench.linalg.DenseMatrix;
import java.util.List;
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
    private final Backend b = Backends.byName("ejml");

    @Test
    @DisplayName("DLN-2 small run (L = 2, m = 2..8, large 16): eta, rate and OPT by the normal equations; the held width's l(t) - OPT by plain-Java GD; verdicts")
    void smallRun() {
        WidthConvergenceCheck.Sizes sizes = new WidthConvergenceCheck.Sizes(new int[] {2}, 1, 8, 16);
        WidthConvergenceCheck check = new WidthConvergenceCheck(sizes);
        WidthConvergenceCheck.Measurement m = check.measure(sizes, CheckContext.of(b, 1, false));
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
        List<DenseMatrix> init = inst.gaussianInit(WidthConvergenceCheck.initSeeds(seeds, 2, held.m()).seed(0), 2,
                held.m());
        LoopDeepLinearNet net = new LoopDeepLinearNet(inst.scale(2, held.m()), inst.x(), inst.y());
        List<RealMatrix> w = LoopDeepLinearNet.real(init);
        double e0 = Double.NaN;
        for (int t = 0, i = 0; i < held.ts().length && held.ratios()[i] > 1e-12; t++) {
            RealMatrix out = LoopDeepLinearNet.product(w, 1, 2, 10).multiply(x).scalarMultiply(inst.scale(2,
                    held.m()));
            double excess = 0.5 * Math.pow(out.subtract(yHat).getFrobeniusNorm(), 2);   // l - OPT (Pythagoras)
            e0 = t == 0 ? excess : e0;
            if (t == (int) held.ts()[i]) {
                assertThat(held.ratios()[i]).as("(l(%d) - OPT)/(l(0) - OPT)", t).isCloseTo(excess / e0,
                        within(ASSOCIATION * excess / e0));
                i++;
            }
            List<RealMatrix> g = net.gradient(w);
            for (int l = 0; l < 2; l++) {
                w.set(l, w.get(l).subtract(g.get(l).scalarMultiply(fit.eta(2))));
            }
        }
        assertThat(held.excess0()).isCloseTo(e0, within(ASSOCIATION * e0));
        CheckResult r = check.result(m);
        assertThat(r.verdict(WidthConvergenceCheck.SMALLEST_WIDTH)).hypothesisMet().holds()
                .hasObservedWithin(held.m(), held.m());
        assertThat(r.verdict(WidthConvergenceCheck.LARGE_WIDTH_RATE)).holds();
        assertThat(r.verdict(WidthConvergenceCheck.LARGE_WIDTH_RATE_X16)).controlBit();
        assertThat(r.tables().get(0).rows()).hasSize(2);
    }
}
