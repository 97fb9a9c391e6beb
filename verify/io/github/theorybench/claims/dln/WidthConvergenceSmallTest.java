package io.github.theorybench.claims.dln;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-2 at depth 2 with one seed and a sweep m = 2, 4, 8 (fast enough for mutation testing;
 * {@link DeepLinearNetClaimsTest} runs L ∈ {2, 3, 5}, m up to 32 and 128). The instance's η, rate and OPT are
 * recomputed from X and Y; the verdicts and table are checked against direct runs.
 */
@SmallInstances
class WidthConvergenceSmallTest {
    private static final long SEED = 1200;              // ctx seed 1: 1000·1 + 200 + 0
    private final Backend b = Backends.byName("ejml");    // pure Java: the fastest backend on these tiny matrices
    private CheckResult r;
    private final List<String> progress = new java.util.ArrayList<>();
    private WidthConvergenceCheck.Instance inst;
    private WidthConvergenceCheck.Run m2, m4, m8, large;

    private void setUp() {
        progress.clear();
        r = new WidthConvergenceCheck(new int[] {2}, 1, 8, 16).run(new CheckContext(b, 1, true, progress::add));
        setUpInstance();
        // the check's runs, replayed directly (init seed = 31 seed + m)
        m2 = WidthConvergenceCheck.run(b, inst, 2, 2, SEED * 31 + 2, true);
        m4 = WidthConvergenceCheck.run(b, inst, 2, 4, SEED * 31 + 4, true);
        m8 = WidthConvergenceCheck.run(b, inst, 2, 8, SEED * 31 + 8, true);
        large = WidthConvergenceCheck.run(b, inst, 2, 16, SEED * 31 + 16, false);
    }

    private void setUpInstance() {
        inst = WidthConvergenceCheck.instance(b, SEED);
    }

    @Test
    @DisplayName("DLN-2 instance: eta = d_out/(3 L ||X^T X||), rate = eta L lambda_r/(4 d_out), OPT = 1/2 ||Y - Y X^+ X||^2")
    void instance() {
        setUpInstance();
        DenseMatrix x = inst.x(), y = inst.y();
        Assertions.assertThat(x.rows()).isEqualTo(10);
        Assertions.assertThat(x.cols()).isEqualTo(20);
        Assertions.assertThat(y.rows()).isEqualTo(2);
        DenseMatrix xxt = b.multiply(false, true, b.adopt(x), b.adopt(x)).toDense();
        SymmetricEigen e = b.eigSym(b.adopt(xxt));      // X X^T and X^T X share their nonzero eigenvalues
        double lmax = e.max(), lr = e.min();             // rank X = d_in = 10 < n
        Assertions.assertThat(inst.rank()).isEqualTo(10);
        Assertions.assertThat(inst.lambdaMax()).isCloseTo(lmax, within(1e-10 * lmax));
        Assertions.assertThat(inst.lambdaR()).isCloseTo(lr, within(1e-10 * lmax));
        for (int depth : new int[] {2, 3, 5}) {
            // 003 Thm 4.1 (Du & Hu): eta = d_out/(3 L ||X^T X||_2), rate eta L lambda_r(X^T X)/(4 d_out)
            double eta = 2.0 / (3 * depth * lmax);
            Assertions.assertThat(inst.eta(depth)).isCloseTo(eta, within(1e-10 * eta));
            Assertions.assertThat(inst.rate(depth)).isCloseTo(eta * depth * lr / 8, within(1e-10 * eta * lr));
            Assertions.assertThat(inst.rate(depth)).isCloseTo(lr / (12 * lmax), within(1e-10));
        }
        // Y_hat = Y X^T (X X^T)^-1 X, OPT = 1/2 ||Y - Y_hat||^2 (normal equations)
        DenseMatrix yxt = b.multiply(false, true, b.adopt(y), b.adopt(x)).toDense();
        DenseMatrix phiT = b.solve(b.adopt(xxt), b.adopt(yxt.transpose()));
        DenseMatrix yHat = b.multiply(true, false, b.adopt(phiT), b.adopt(x)).toDense();
        Assertions.assertThat(DenseMatrix.relativeDifference(inst.yHat(), yHat)).isLessThan(1e-10);
        double opt = 0.5 * Math.pow(yHat.plusScaled(-1, y).frobeniusNorm(), 2);
        Assertions.assertThat(inst.opt()).isCloseTo(opt, within(1e-10 * opt));
    }

    /** ½‖c W_L⋯W₁X − Ŷ‖² at the N(0,1) init drawn from initSeed, c = (m^{L−1} d_out)^{−1/2} (DLN-2). */
    private double excessAtInit(int depth, int m, long initSeed) {
        RandomGenerator rng = RandomMatrices.rng(initSeed);
        DenseMatrix prod = inst.x();
        for (int l = 1; l <= depth; l++) {
            int rows = l == depth ? 2 : m, cols = l == 1 ? 10 : m;
            DenseMatrix w = RandomMatrices.gaussian(rows, cols, 1.0, rng);
            prod = b.multiply(false, false, b.adopt(w), b.adopt(prod)).toDense();
        }
        double c = 1 / Math.sqrt(Math.pow(m, depth - 1) * 2);
        return 0.5 * Math.pow(prod.scale(c).plusScaled(-1, inst.yHat()).frobeniusNorm(), 2);
    }

    @Test
    @DisplayName("DLN-2 quick run (L = 2, m = 2..8, large 16): runs, verdicts and table against direct runs")
    void quickRun() {
        // one test runs the check and every assertion on its output: PIT credits coverage from @BeforeAll or a
        // shared cache to no test method (or only the first), so assertions elsewhere would never see a mutant
        setUp();
        runs();
        verdicts();
        table();
    }

    /** DLN-2 run: l(0) - OPT at the Du-Hu init (scale (m^(L-1) d_out)^-1/2), held runs have slack <= 1 and rate >= the bound's */
    private void runs() {
        WidthConvergenceCheck.Run deep = WidthConvergenceCheck.run(b, inst, 3, 4, SEED * 31 + 4, true);
        int[][] cases = {{2, 2}, {2, 4}, {2, 8}, {2, 16}, {3, 4}};
        WidthConvergenceCheck.Run[] runs = {m2, m4, m8, large, deep};
        for (int i = 0; i < cases.length; i++) {
            int[] c = cases[i];
            WidthConvergenceCheck.Run run = runs[i];
            double e0 = excessAtInit(c[0], c[1], SEED * 31 + c[1]);
            Assertions.assertThat(run.excess0()).as("L=%d m=%d", c[0], c[1]).isCloseTo(e0, within(1e-10 * e0));
            Assertions.assertThat(run.m()).isEqualTo(c[1]);
            if (run.held()) {
                Assertions.assertThat(run.firstFailure()).isEqualTo(-1);
                Assertions.assertThat(run.slack()).isLessThanOrEqualTo(1 + 1e-12);
                Assertions.assertThat(run.minRateMultiple()).isGreaterThanOrEqualTo(1 - 1e-9);
                // checked until round-off, beyond t = 1/rate
                Assertions.assertThat(run.checkedSteps()).isGreaterThan((int) (1 / inst.rate(c[0])));
            } else {
                Assertions.assertThat(run.firstFailure()).isGreaterThan(0);
                Assertions.assertThat(run.checkedSteps()).isGreaterThanOrEqualTo(run.firstFailure());
            }
        }
        Assertions.assertThat(m2.held()).isFalse();
        Assertions.assertThat(m2.control16Held()).isFalse();
        Assertions.assertThat(m8.held()).isTrue();
        Assertions.assertThat(large.held()).isTrue();
    }

    /** DLN-2 verdicts: smallest width 8 (m = 2, 4 fail), its slack and rate; rate at m = 16 holds; rate x 16 flagged */
    private void verdicts() {
        Verdict v = r.verdict("DLN-2", "smallest width (L=2)");
        WidthConvergenceCheck.Run at8 = m8;
        assertThat(v).hypothesisMet().holds();
        Assertions.assertThat(v.observed()).isEqualTo(8);
        Assertions.assertThat(v.bound()).isEqualTo(8);
        Assertions.assertThat(v.seed()).isEqualTo(SEED);
        Assertions.assertThat(v.sizes()).containsEntry("L", 2).containsEntry("d_in", 10).containsEntry("n", 20)
                .containsEntry("d_out", 2);
        Assertions.assertThat(v.measurements()).containsEntry("eta", inst.eta(2))
                .containsEntry("first_held_width", 8.0).containsEntry("bound_rate", inst.rate(2))
                .containsEntry("opt", inst.opt()).containsEntry("rank", 10.0)
                .containsEntry("kappa", inst.lambdaMax() / inst.lambdaR())
                .containsEntry("slack_at_smallest", at8.slack())
                .containsEntry("min_rate_multiple_at_smallest", at8.minRateMultiple());
        Assertions.assertThat(v.detail()).contains("smallest width", ": 8 (constant C");
        Verdict l = r.verdict("DLN-2", "rate at large width (L=2)");
        assertThat(l).holds();
        Assertions.assertThat(l.observed()).isEqualTo(large.slack());
        Assertions.assertThat(l.bound()).isEqualTo(1.0);
        Assertions.assertThat(l.sizes()).containsEntry("m", 16);
        Assertions.assertThat(l.measurements()).containsEntry("min_rate_multiple", large.minRateMultiple())
                .containsEntry("checked_steps", (double) large.checkedSteps());
        Verdict c = r.verdict("DLN-2", "control: rate x 16 (L=2)");
        Assertions.assertThat(c.role()).isEqualTo(Verdict.Role.CONTROL);
        assertThat(c).isViolated();
        Assertions.assertThat(c.observed()).isEqualTo(large.minRateMultiple()).isLessThan(16);
        Assertions.assertThat(c.bound()).isEqualTo(16);
        Assertions.assertThat(r.verdicts("DLN-2")).hasSize(3);
        Assertions.assertThat(progress).containsExactly("DLN-2 L=2 seed 1200: held from width 8",
                String.format(java.util.Locale.ROOT, "DLN-2 L=2 m=16: held true, min rate %.2fx",
                        large.minRateMultiple()));
        Assertions.assertThat(new WidthConvergenceCheck().ids()).containsExactly("DLN-2");
    }

    /** DLN-2 table: per-width outcomes, the smallest width and the large-width row */
    private void table() {
        Table t = r.tables().get(0);
        Assertions.assertThat(t.name()).isEqualTo("DLN-2-widths");
        Assertions.assertThat(t.header()).containsExactly("L", "seed", "m=2", "m=4", "m=8", "held from m",
                "min rate / bound's there");
        Assertions.assertThat(t.rows()).hasSize(2);
        Assertions.assertThat(t.rows().get(0)).containsExactly("2", "1200", "fails at t=" + m2.firstFailure(),
                "fails at t=" + m4.firstFailure(), "held", "8", ZeroAsymmetricDescentCheck.fmt(m8.minRateMultiple()));
        Assertions.assertThat(t.rows().get(1)).containsExactly("2", "1200 (m=16)", "", "", "", "held at m=16",
                ZeroAsymmetricDescentCheck.fmt(large.minRateMultiple()));
    }

    @Test
    @DisplayName("DLN-2 no width of a too-short sweep holds (m = 2 only): smallest width NaN, not holding; table says '> 2'")
    void noWidthHolds() {
        setUpInstance();
        // large width 8: the same run as the sweep's m = 8 (held), so only the m = 2 run is new
        CheckResult s = new WidthConvergenceCheck(new int[] {2}, 1, 2, 8).run(CheckContext.of(b, 1, true));
        Verdict v = s.verdict("DLN-2", "smallest width (L=2)");
        assertThat(v).isViolated();
        Assertions.assertThat(v.observed()).isNaN();
        Assertions.assertThat(v.bound()).isEqualTo(2);
        Assertions.assertThat(v.measurements().get("first_held_width")).isEqualTo(-1.0);
        Assertions.assertThat(v.measurements().get("slack_at_smallest")).isNaN();
        Assertions.assertThat(v.measurements().get("min_rate_multiple_at_smallest")).isNaN();
        Assertions.assertThat(v.detail()).contains(": none");
        List<String> row = s.tables().get(0).rows().get(0);
        Assertions.assertThat(row.subList(3, 5)).containsExactly("> 2", "-");
        Verdict l = s.verdict("DLN-2", "rate at large width (L=2)");
        assertThat(l).holds();
        Assertions.assertThat(s.tables().get(0).rows().get(1)).containsExactly("2", "1200 (m=8)", "", "held at m=8",
                ZeroAsymmetricDescentCheck.fmt(l.measurements().get("min_rate_multiple")));
    }
}
