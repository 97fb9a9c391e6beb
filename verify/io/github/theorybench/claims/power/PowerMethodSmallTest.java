package io.github.theorybench.claims.power;

import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PWR-1, 2, 4 (002, small initialization as a power method) on d = 10, n = 300 and PWR-3 on d = 10, n = 100..800:
 * every verdict, table row and figure series against the package's spectral runs and an independent Hipparchus
 * recomputation (eigenvalues, principal angles, power iterates, regressions).
 */
@SmallInstances
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PowerMethodSmallTest {
    static final int D = 10, N = 300;
    static final double[] ALPHAS = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8};
    private final Backend b = Backends.byName(Backends.DEFAULT);
    private CheckResult r;
    private CheckResult conc;
    private final List<String> progress = new ArrayList<>();
    private SymmetricSensingInstance inst;
    private List<PowerMethodCheck.SpectralRun> runs;

    @BeforeAll
    void run() {
        r = new PowerMethodCheck().run(new CheckContext(b, 1, true, progress::add), D, N);
        conc = new ConcentrationCheck().run(CheckContext.of(b, 1, true), D, new int[] {100, 200, 400, 800});
        inst = SymmetricSensingInstance.build(b, 1, D, 2, N);
        runs = new ArrayList<>();
        for (double a : ALPHAS) {
            runs.add(PowerMethodCheck.run(b, inst, a, 2, 18, 5000));
        }
    }

    private static RealMatrix m(DenseMatrix x) {
        return new Array2DRowRealMatrix(x.toArray2d());
    }


    @Test
    @DisplayName("PWR-1..4 small instances (d = 10, n = 300; PWR-3 n = 100..800): spectral runs, slopes, q, table and figures recomputed")
    void smallInstances() {
        // a single test method: PIT attributes what @BeforeAll runs to the first test method only, so a mutant in
        // the check would otherwise be tried against that method alone
        assertThat(new PowerMethodCheck().ids()).containsExactly("PWR-1", "PWR-2", "PWR-4");
        assertThat(new ConcentrationCheck().ids()).containsExactly("PWR-3");
        assertThat(progress).hasSize(ALPHAS.length);
        for (int k = 0; k < ALPHAS.length; k++) {
            assertThat(progress.get(k)).isEqualTo(String.format(Locale.ROOT, "PWR alpha %.0e: t_spec %d", ALPHAS[k],
                    runs.get(k).tSpec()));
        }
        instance();
        spectralRunRecomputed();
        verdicts();
        concentration();
    }

    /** Eigenvalues of Z in descending order. */
    private double[] lambdas() {
        return new EigenDecompositionSymmetric(m(inst.z())).getEigenvalues();
    }

    /** sin of the largest principal angle between span(U) and span(Q), Q orthonormal: ‖(I − QQᵀ)Û‖₂. */
    private static double sin(RealMatrix u, RealMatrix q) {
        RealMatrix uh = new SingularValueDecomposition(u).getU();
        RealMatrix resid = uh.subtract(q.multiply(q.transpose().multiply(uh)));
        return new SingularValueDecomposition(resid).getNorm();
    }

    /** Top-k eigenvectors of a symmetric matrix (columns). */
    private static RealMatrix top(RealMatrix s, int k) {
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(s);
        return e.getV().getSubMatrix(0, s.getRowDimension() - 1, 0, k - 1);
    }

    /** PWR instance: target XX^T has eigenvalues 1, 0.8; lambda(k) descends; top() spans the top eigenvectors */
    private void instance() {
        double[] lz = lambdas();
        for (int k = 1; k <= 3; k++) {
            assertThat(inst.lambda(k)).isCloseTo(lz[k - 1], within(1e-10));
        }
        assertThat(inst.targetEigen().max()).isCloseTo(1.0, within(1e-12));
        assertThat(inst.targetEigen().values()[D - 2]).isCloseTo(0.8, within(1e-12));
        assertThat(inst.targetEigen().values()[0]).isCloseTo(0.0, within(1e-12));
        RealMatrix tz = m(SymmetricSensingInstance.top(inst.zEigen(), 2));
        // the columns are Z's eigenvectors for λ₁, λ₂ in that order: Z v_j = λ_j v_j
        for (int j = 0; j < 2; j++) {
            RealMatrix v = tz.getColumnMatrix(j);
            assertThat(m(inst.z()).multiply(v).subtract(v.scalarMultiply(lz[j])).getFrobeniusNorm()).isLessThan(1e-10);
        }
        assertThat(SymmetricSensingInstance.sinAngle(b, DenseMatrix.wrap(D, 2, flat(tz)),
                SymmetricSensingInstance.top(inst.zEigen(), 2))).isLessThan(1e-7);
        RealMatrix tx = top(m(inst.target()), 2);
        assertThat(SymmetricSensingInstance.sinAngle(b, SymmetricSensingInstance.top(inst.zEigen(), 2),
                SymmetricSensingInstance.top(inst.targetEigen(), 2))).isCloseTo(sin(tz, tx), within(1e-9));
    }

    private static double[] flat(RealMatrix x) {
        double[] out = new double[x.getRowDimension() * x.getColumnDimension()];
        for (int i = 0; i < x.getRowDimension(); i++) {
            for (int j = 0; j < x.getColumnDimension(); j++) {
                out[i * x.getColumnDimension() + j] = x.getEntry(i, j);
            }
        }
        return out;
    }

    /** PWR-1 small: a spectral run recomputed (GD vs power iterates (I + mu Z)^t U0, t_spec, sin to Z's eigenspace) */
    private void spectralRunRecomputed() {
        double alpha = 1e-4;
        PowerMethodCheck.SpectralRun sr = runs.get(2);
        assertThat(sr.alpha()).isEqualTo(alpha);
        assertThat(sr.r()).isEqualTo(2);
        DenseMatrix u = RandomMatrices.gaussian(D, 2, 1, RandomMatrices.rng(18)).scale(alpha);
        RealMatrix power = m(u);
        RealMatrix step = MatrixUtils.createRealIdentityMatrix(D).add(m(inst.z()).scalarMultiply(0.1)); // I + μZ
        RealMatrix tz = m(SymmetricSensingInstance.top(inst.zEigen(), 2));
        RealMatrix tx = top(m(inst.target()), 2);
        List<Double> dev = new ArrayList<>();
        int tSpec = -1;
        for (int t = 0; t <= 5000; t++) {
            dev.add(m(u).subtract(power).getFrobeniusNorm() / power.getFrobeniusNorm());
            assertThat(sr.sinZ()[t]).isCloseTo(sin(m(u), tz), within(1e-8));
            double s = new SingularValueDecomposition(m(u)).getNorm();
            if (s * s >= 0.01 * 1.0) {          // t_spec: ‖UUᵀ‖₂ ≥ 0.01 ‖XXᵀ‖₂ = 0.01
                tSpec = t;
                break;
            }
            u = u.plusScaled(-0.1, inst.loss().symmetric(u).gradU());
            power = step.multiply(power);
        }
        assertThat(sr.tSpec()).isEqualTo(tSpec).isPositive();
        assertThat(sr.sinZ()).hasSize(tSpec + 1);
        assertThat(sr.maxDeviation()).isCloseTo(dev.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                within(1e-9));
        assertThat(sr.halfDeviation()).isCloseTo(dev.get(tSpec / 2), within(1e-9));
        assertThat(dev.get(0)).isZero();
        assertThat(sr.sinTargetAtSpec()).isCloseTo(sin(m(u), tx), within(1e-8));
        // a budget of exactly t_spec steps is enough (t runs from 0 to maxSteps inclusive)
        assertThat(PowerMethodCheck.run(b, inst, alpha, 2, 18, tSpec).tSpec()).isEqualTo(tSpec);
        // no spectral phase end within the step budget is an error, not a silent verdict
        assertThatThrownBy(() -> PowerMethodCheck.run(b, inst, 1e-8, 2, 18, 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("within 3 steps");
    }

    /** PWR-1/2/4 small: verdicts, table and figure carry the spectral runs' numbers; slopes and q recomputed */
    private void verdicts() {
        double[] lz = lambdas();
        assertThat(r.verdicts()).hasSize(5);
        // PWR-1
        double worst = runs.stream().mapToDouble(PowerMethodCheck.SpectralRun::maxDeviation).max().orElseThrow();
        Verdict p1 = r.verdict("PWR-1", "max_{t <= t_spec} ||U_t - U~_t|| / ||U~_t||");
        assertThat(p1).holds();
        assertThat(p1.observed()).isEqualTo(worst);
        assertThat(p1.bound()).isEqualTo(0.1);
        assertThat(p1.kind()).isEqualTo(io.github.theorybench.claims.ClaimKind.PHENOMENON);
        assertThat(p1).hasMeasurementCloseTo("lambda1", lz[0], 1e-10, "lambda_1(Z)")
                .hasMeasurementCloseTo("lambda2", lz[1], 1e-10, "lambda_2(Z)")
                .hasMeasurementCloseTo("lambda3", lz[2], 1e-10, "lambda_3(Z)");
        assertThat(p1.sizes()).containsEntry("d", D).containsEntry("rStar", 2).containsEntry("n", N)
                .containsEntry("mu", 0.1);
        SimpleRegression dev = new SimpleRegression();
        SimpleRegression ts = new SimpleRegression();
        for (PowerMethodCheck.SpectralRun s : runs) {
            dev.addData(Math.log(s.alpha()), Math.log(s.halfDeviation()));
            ts.addData(Math.log(1 / s.alpha()), s.tSpec());
        }
        Verdict p1s = r.verdict("PWR-1", "deviation at t_spec/2 against alpha, fitted slope");
        assertThat(p1s).holds();
        assertThat(p1s.observed()).isEqualTo(dev.getSlope());
        assertThat(p1s.slack()).isEqualTo(dev.getSlope());
        assertThat(p1s.bound()).isEqualTo(1.0);
        assertThat(p1s.windowLow()).isEqualTo(0.8);
        assertThat(p1s.windowHigh()).isEqualTo(1.3);
        assertThat(p1s.kind()).isEqualTo(io.github.theorybench.claims.ClaimKind.SCALING);
        // PWR-2: q = (1 + μλ₃)/(1 + μλ₂), the rate fitted on ln sin over t in [5, max(8, t_spec/2)) of α = 1e−8
        PowerMethodCheck.SpectralRun smallest = runs.get(runs.size() - 1);
        double q = (1 + 0.1 * lz[2]) / (1 + 0.1 * lz[1]);
        int to = Math.max(8, smallest.tSpec() / 2);
        SimpleRegression align = new SimpleRegression();
        for (int t = 5; t < Math.min(to, smallest.sinZ().length); t++) {
            align.addData(t, Math.log(smallest.sinZ()[t]));
        }
        double rate = Math.exp(align.getSlope());
        Verdict p2 = r.verdict("PWR-2", "fitted alignment rate / q");
        assertThat(p2).hasMeasurementCloseTo("q", q, 1e-10, "(1 + mu l3)/(1 + mu l2)")
                .hasMeasurementCloseTo("fittedRate", rate, 1e-10, "exp(slope of ln sin)")
                .hasMeasurementCloseTo("sinToTargetAtTSpec", smallest.sinTargetAtSpec(), 1e-12, "sin at t_spec")
                .hasMeasurementCloseTo("concentrationFloor", sin(m(SymmetricSensingInstance.top(inst.zEigen(), 2)),
                        top(m(inst.target()), 2)), 1e-7, "sin(Z's, XX^T's top-2 eigenspaces)");
        assertThat(p2.observed()).isCloseTo(rate / q, within(1e-10));
        assertThat(p2.slack()).isEqualTo(p2.observed());
        assertThat(p2.windowLow()).isEqualTo(0.9);
        assertThat(p2.windowHigh()).isEqualTo(1.1);
        // CLAIMS.md PWR-2: "fitted rate within 10% of q" on either side (here rate/q ≈ 1.015 > 1)
        assertThat(p2.observed()).isGreaterThan(1.0);
        assertThat(p2).holds();
        assertThat(p2.detail()).contains(String.format(Locale.ROOT, "decays at %.5f per step, q = %.5f (fit over t in "
                + "[5, %d)", rate, q, to));
        Verdict p2a = r.verdict("PWR-2", "angle to Z's eigenspace at t_spec, alpha = 1e-8, r = r*");
        assertThat(p2a).holds();
        assertThat(p2a.observed()).isEqualTo(smallest.sinZ()[smallest.sinZ().length - 1]);
        assertThat(p2a.bound()).isEqualTo(0.1);
        // PWR-4: slope of t_spec against ln(1/α) over 1/ln(1 + μλ₁)
        double predicted = 1 / Math.log(1 + 0.1 * lz[0]);
        Verdict p4 = r.verdict("PWR-4", "t_spec against ln(1/alpha): fitted slope / (1/ln(1 + mu lambda_1))");
        assertThat(p4).holds().hasMeasurementCloseTo("predictedSlope", predicted, 1e-10, "1/ln(1 + mu l1)")
                .hasMeasurementCloseTo("fittedSlope", ts.getSlope(), 1e-12, "regression of t_spec on ln(1/alpha)");
        assertThat(p4.observed()).isCloseTo(ts.getSlope() / predicted, within(1e-10));
        assertThat(p4.slack()).isEqualTo(p4.observed());
        assertThat(p4.windowLow()).isEqualTo(0.8);
        assertThat(p4.windowHigh()).isEqualTo(1.2);
        // table: one row per α
        Table t = r.tables().get(0);
        assertThat(t.name()).isEqualTo("PWR-spectral-phase");
        assertThat(t.title()).contains(String.format(Locale.ROOT, "n = %d", N),
                String.format(Locale.ROOT, "%.4f, %.4f, %.4f", lz[0], lz[1], lz[2]));
        assertThat(t.rows()).hasSize(ALPHAS.length);
        for (int k = 0; k < ALPHAS.length; k++) {
            PowerMethodCheck.SpectralRun s = runs.get(k);
            assertThat(t.rows().get(k)).containsExactly(String.format(Locale.ROOT, "%.0e", ALPHAS[k]),
                    Integer.toString(s.tSpec()), String.format(Locale.ROOT, "%.3g", s.maxDeviation()),
                    String.format(Locale.ROOT, "%.3g", s.halfDeviation()));
        }
        // figure: sin series of α = 1e−8 and the q^t line through t = 5
        Figure f = r.figures().get(0);
        assertThat(f.name()).isEqualTo("PWR-2-alignment");
        assertThat(f.logY()).isTrue();
        assertThat(f.logX()).isFalse();
        double[] s = smallest.sinZ();
        assertThat(f.series().get(0).y()).containsExactly(s);
        assertThat(f.series().get(0).reference()).isFalse();
        assertThat(f.series().get(1).reference()).isTrue();
        for (int k = 0; k < s.length; k++) {
            assertThat(f.series().get(0).x()[k]).isEqualTo(k);
            assertThat(f.series().get(1).x()[k]).isEqualTo(k);
            assertThat(f.series().get(1).y()[k]).isCloseTo(s[5] * Math.pow(q, k - 5), within(1e-12 * s[0]));
        }
    }

    /** PWR-3 small: err_k = ||Z - XX^T||_2/||XX^T||_2 recomputed per n; slope, err sqrt(n/d), reference n^-1/2 */
    private void concentration() {
        int[] ns = {100, 200, 400, 800};
        double[] err = new double[ns.length];
        SimpleRegression reg = new SimpleRegression();
        for (int k = 0; k < ns.length; k++) {
            SymmetricSensingInstance in = SymmetricSensingInstance.build(b, 1 + k, D, 2, ns[k]);
            err[k] = new SingularValueDecomposition(m(in.z()).subtract(m(in.target()))).getNorm()
                    / new SingularValueDecomposition(m(in.target())).getNorm();
            reg.addData(Math.log(ns[k]), Math.log(err[k]));
        }
        Verdict v = conc.verdict("PWR-3", "||Z - XX^T||_2/||XX^T||_2 against n");
        assertThat(v).holds();
        assertThat(v.observed()).isCloseTo(reg.getSlope(), within(1e-9));
        assertThat(v.bound()).isEqualTo(-0.5);
        assertThat(v.slack()).isCloseTo(reg.getSlope() / -0.5, within(1e-9));
        assertThat(v.windowLow()).isEqualTo(-0.6);
        assertThat(v.windowHigh()).isEqualTo(-0.4);
        assertThat(v).hasMeasurementCloseTo("errTimesSqrtNOverD_first", err[0] * Math.sqrt(100.0 / D), 1e-9,
                "err sqrt(n/d) at n = 100")
                .hasMeasurementCloseTo("errTimesSqrtNOverD_last", err[3] * Math.sqrt(800.0 / D), 1e-9,
                        "err sqrt(n/d) at n = 800");
        assertThat(v.sizes()).containsEntry("d", D).containsEntry("n", "100..800");
        assertThat(v.detail()).startsWith("seeds seed..seed+3 (one per n)");
        Figure f = conc.figures().get(0);
        assertThat(f.series().get(0).x()).containsExactly(100, 200, 400, 800);
        for (int k = 0; k < ns.length; k++) {
            assertThat(f.series().get(0).y()[k]).isCloseTo(err[k], within(1e-9 * err[k]));
            assertThat(f.series().get(1).y()[k]).isCloseTo(err[0] * Math.sqrt(100.0 / ns[k]), within(1e-9 * err[0]));
        }
        assertThat(f.series().get(1).reference()).isTrue();
        assertThat(f.series().get(0).reference()).isFalse();
    }
}
