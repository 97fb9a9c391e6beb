package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-10 (CLAIMS.md; beyond 001 Theorem 8.1): {@link AlphaTightnessCheck}'s quick sweep α = c·α*, c = 1 … 1e−5, on a
 * small instance (n = 3, d = 3, m = 20, τ up to 8 at 8 times, seed 3; at this width the slope is −0.94, inside the
 * window, while other seeds saturate at −0.74 … −0.93 since the relative travel at c = 1e−5 is no longer small). The fitted slope is refitted from the figure's
 * series, the table's cells are checked against the series and the instance, the c = 1 row against an independent
 * integration, and the "smallest c that still held" measurements against the table's yes/no chain.
 */
@SmallInstances
class AlphaTightnessSmallInstanceTest {
    static final int N = 3, D = 3, M = 20, POINTS = 8;
    static final double TAU_MAX = 8;
    static final long SEED = 3;

    private Backend backend;
    private CheckResult result;
    private final List<String> progress = new ArrayList<>();
    private LazyInstance inst;
    private Verdict verdict;
    private Table table;
    private Figure figure;

    /**
     * One test for the whole sweep: PIT attributes code run in {@code @BeforeAll} to a single test method, so the
     * check runs here, where every assertion on its output sees it.
     */
    @Test
    @DisplayName("LAZY-10 quick sweep on n = 3, d = 3, m = 20: slope refitted from the figure, window decides, table = series, c = 1 row = an independent path")
    void sweep() {
        backend = Backends.byName(Backends.DEFAULT);
        progress.clear();
        result = new AlphaTightnessCheck(N, D, M, TAU_MAX, POINTS).run(new CheckContext(backend, SEED, true,
                progress::add));
        inst = LazyInstance.build(backend, SEED, N, D, M, Activation.TANH);
        verdict = result.verdict("LAZY-10", "relative travel vs alpha, fitted slope");
        table = result.tables().get(0);
        figure = result.figures().get(0);
        slope();
        windowDecidesTheVerdict();
        figureSeries();
        tableAgainstSeries();
        firstRowAgainstIndependentPath();
    }

    /** LAZY-10 relative travel falls like 1/alpha: the verdict's slope is the least-squares slope of log(travel/||W0||) on log alpha over the figure's series */
    private void slope() {
        double[] a = figure.series().get(0).x(), travel = figure.series().get(0).y();
        double w0 = inst.w0().frobeniusNorm();
        int k = a.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < k; i++) {
            double x = Math.log(a[i]), y = Math.log(travel[i] / w0);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
        assertThat(verdict).holds().hasObservedWithin(-1.1, -0.9);
        assertThat(verdict.observed()).isCloseTo(slope, within(1e-9));
        assertThat(verdict.bound()).isEqualTo(-1.0);
        assertThat(verdict.slack()).isCloseTo(-slope, within(1e-9));
        assertThat(verdict.windowLow()).isEqualTo(-1.1);
        assertThat(verdict.windowHigh()).isEqualTo(-0.9);
        assertThat(verdict.seed()).isEqualTo(SEED);
        assertThat(verdict.backend()).isEqualTo(backend.name());
        assertThat(verdict.activation()).isEqualTo("tanh");
        assertThat(verdict.tolerance()).isEqualTo(LazyPath.REL_TOL);
        assertThat(verdict.sizes()).containsEntry("n", N).containsEntry("d", D).containsEntry("m", M)
                .containsEntry("c", "1.0E-5..1");
        assertThat(verdict).hasMeasurementCloseTo("alphaStar", inst.alphaStar(), 1e-14, "alpha*");
        assertThat(new AlphaTightnessCheck().ids()).containsExactly("LAZY-10");
        assertThat(table.note()).isEqualTo(String.format(Locale.ROOT, "Fitted slope of log relative travel against "
                + "log alpha: %.4f (window [-1.1, -0.9]). T: t alpha^2 sigma_min^2 = 8.", slope));
    }

    /** LAZY-10 the verdict holds iff the slope lies in the window [-1.1, -0.9] (a phenomenon claim: not slope <= -1) */
    private void windowDecidesTheVerdict() {
        // seed 3 (−0.94) lies inside the window although above −1: before the fix the builder's default for a
        // non-scaling claim (observed ≤ bound = −1) reported it violated. Seed 4 saturates at −0.78: outside.
        assertThat(verdict.observed()).isBetween(-1.0, -0.9);
        assertThat(verdict).holds();
        Verdict flat = new AlphaTightnessCheck(N, D, M, TAU_MAX, POINTS).run(CheckContext.of(backend, 4, true))
                .verdict("LAZY-10", "relative travel vs alpha, fitted slope");
        assertThat(flat.observed()).isGreaterThan(-0.9);
        assertThat(flat).isViolated();
    }

    /** LAZY-3/10 figure: alpha = c alpha* for the quick c's, the bound sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2) at each */
    private void figureSeries() {
        assertThat(figure.name()).isEqualTo("LAZY-3-travel-vs-alpha");
        assertThat(figure.xLabel()).isEqualTo("alpha");
        assertThat(figure.yLabel()).isEqualTo("travel");
        assertThat(figure.logX()).isTrue();
        assertThat(figure.logY()).isTrue();
        assertThat(figure.series()).hasSize(2);
        assertThat(figure.series()).extracting(Figure.Series::reference).containsExactly(false, true);
        double[] a = figure.series().get(0).x(), bounds = figure.series().get(1).y();
        assertThat(a).hasSize(AlphaTightnessCheck.QUICK.length);
        assertThat(figure.series().get(1).x()).containsExactly(a);
        for (int k = 0; k < a.length; k++) {
            assertThat(a[k]).isEqualTo(AlphaTightnessCheck.QUICK[k] * inst.alphaStar());
            double b = Math.sqrt(72 * inst.sigmaMax() * inst.sigmaMax() * inst.r0())
                    / (a[k] * inst.sigmaMin() * inst.sigmaMin());                          // CLAIMS.md LAZY-3
            assertThat(bounds[k]).isCloseTo(b, within(1e-14 * b));
        }
        assertThat(result.instances()).containsOnlyKeys("LAZY-10-3");
        assertThat(result.instances().get("LAZY-10-3")).usingRecursiveComparison()
                .isEqualTo(inst.export(inst.alphaStar()));
        assertThat(progress).hasSize(AlphaTightnessCheck.QUICK.length);
        assertThat(progress.get(1)).isEqualTo(String.format(Locale.ROOT, "LAZY-10 c = 1e-01 (alpha = %.3g)",
                0.1 * inst.alphaStar()));
    }

    /** LAZY-10 table: one row per c with alpha, relative travel and travel slack matching the figure; smallest c's follow the yes/no chains */
    private void tableAgainstSeries() {
        assertThat(table.name()).isEqualTo("LAZY-10-tightness");
        assertThat(table.title()).isEqualTo(String.format(Locale.ROOT, "LAZY-10: tightness of alpha* (seed 3, "
                + "alpha* = %.4g, sigma_min %.3f, sigma_max %.3f, beta %.3f)", inst.alphaStar(), inst.sigmaMin(),
                inst.sigmaMax(), inst.beta()));
        assertThat(table.header()).containsExactly("c", "alpha", "LAZY-1 decay held", "worst (R - bound)/R0",
                "LAZY-3 travel held", "travel slack", "||W(T)-W0||/||W0||", "R(T)/R0");
        double[] cs = AlphaTightnessCheck.QUICK;
        assertThat(table.rows()).hasSize(cs.length);
        double[] a = figure.series().get(0).x(), travel = figure.series().get(0).y(),
                bounds = figure.series().get(1).y();
        double w0 = inst.w0().frobeniusNorm();
        double smallestDecay = Double.NaN, smallestTravel = Double.NaN;
        boolean decayChain = true, travelChain = true;
        for (int k = 0; k < cs.length; k++) {
            List<String> row = table.rows().get(k);
            assertThat(row.get(0)).isEqualTo(String.format(Locale.ROOT, "%.0e", cs[k]));
            assertThat(row.get(1)).isEqualTo(String.format(Locale.ROOT, "%.4g", a[k]));
            assertThat(row.get(6)).isEqualTo(String.format(Locale.ROOT, "%.4g", travel[k] / w0));
            // a gradient flow's travel grows monotonically here, so max travel = final travel
            assertThat(row.get(5)).isEqualTo(String.format(Locale.ROOT, "%.3g", travel[k] / bounds[k]));
            boolean decay = row.get(2).equals("yes"), trav = row.get(4).equals("yes");
            assertThat(row.get(2)).isIn("yes", "**no**");
            assertThat(row.get(4)).isEqualTo(travel[k] <= bounds[k] ? "yes" : "**no**");
            // "held" means no recorded excess above the 1e-9 R₀ integration tolerance
            assertThat(decay).isEqualTo(Double.parseDouble(row.get(3)) <= 1e-9);
            decayChain &= decay;
            travelChain &= trav;
            if (decayChain) {
                smallestDecay = cs[k];
            }
            if (travelChain) {
                smallestTravel = cs[k];
            }
        }
        // as CLAIMS.md calibrates LAZY-10 at its sizes: the decay bound held down to c = 1e-4 and genuinely failed at
        // c = 3e-5; the travel bound held at every c down to 1e-5
        assertThat(table.rows()).extracting(r -> r.get(2)).containsExactly("yes", "yes", "yes", "yes", "yes",
                "**no**", "**no**");
        assertThat(verdict.measurements()).containsEntry("smallestCDecayHeld", smallestDecay)
                .containsEntry("smallestCTravelHeld", smallestTravel);
        assertThat(smallestDecay).isEqualTo(1e-4);
        assertThat(smallestTravel).isEqualTo(1e-5);
        assertThat(verdict).hasMeasurementCloseTo("travelSlackAtC1", travel[0] / bounds[0], 1e-12,
                "travel / bound at c = 1");
        assertThat(verdict.detail()).isEqualTo(String.format(Locale.ROOT, "decay bound held for every c >= %.0e, "
                + "travel bound for every c >= %.0e; travel slack at c = 1: %.4f", smallestDecay, smallestTravel,
                travel[0] / bounds[0]));
    }

    /** LAZY-10 c = 1 row against an independent integration: decay held, worst excess, R(T)/R0, travel */
    private void firstRowAgainstIndependentPath() {
        LazyPath p = LazyPath.integrate(inst, inst.alphaStar(), false, TAU_MAX, POINTS);
        double rate = inst.alphaStar() * inst.alphaStar() * inst.sigmaMin() * inst.sigmaMin() / 2;   // LAZY-1
        LazyPath.DecayComparison dc = p.compareDecay(inst.r0(), LazyPath.constant(p.size(), rate));
        List<String> row = table.rows().get(0);
        assertThat(row.get(2)).isEqualTo(dc.holds() ? "yes" : "**no**").isEqualTo("yes");
        assertThat(Double.parseDouble(row.get(3))).isCloseTo(dc.worstExcess(), within(1e-12));
        double rT = p.risk()[p.size() - 1] / inst.r0();
        assertThat(Double.parseDouble(row.get(7))).isCloseTo(rT, within(1e-3 * rT));
        assertThat(figure.series().get(0).y()[0]).isCloseTo(p.finalTravel(), within(1e-8 * p.finalTravel()));
    }
}
