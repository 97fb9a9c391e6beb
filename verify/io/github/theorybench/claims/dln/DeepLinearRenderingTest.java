package io.github.theorybench.claims.dln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-1..4 rows, tables and figures rendered from hand-made measurements with dyadic numbers, so every measurement,
 * table cell and figure point is known exactly: the rendering is a pure function of the measurement.
 */
@SmallInstances
class DeepLinearRenderingTest {
    /** Quotients of dyadic numbers by non-dyadic bounds (1e-12, 1e-10): a few ulps. */
    private static final double ULPS = 1e-15;

    private static String sig3(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static CriticalPointCheck.Point cp(int i, int j, boolean global, double loss, double closed, double grad,
            double lamMin, double lamMax, double asym, double swap) {
        return new CriticalPointCheck.Point(new int[] {i, j}, global, loss, closed, grad, lamMin, lamMax, 4, asym, swap);
    }

    /** OPT = 0.5, l(0) = 2.5, ||YX^T|| = 4; a global point, the mildest saddle {1,3} and the saddle {2,4}. */
    private static CriticalPointCheck.SeedPoints dln3(boolean assumptions) {
        CriticalPointCheck.Point global = cp(0, 1, true, 0.5, 0.25, 0x1p-45, -0x1p-40, 2, 0.125, 0.75);
        CriticalPointCheck.Point far = cp(1, 3, false, 1.5, 1.5, 0x1p-44, -1, 4, 0.0625, -0.5);
        CriticalPointCheck.Point mild = cp(0, 2, false, 1.0, 1.0, 0, -0.5, 4, 0.0625, -0.25);
        return new CriticalPointCheck.SeedPoints(Provenance.of(3, "ejml", "d_x", 6, "d_y", 4, "k", 2, "n", 30),
                assumptions, 0.5, 4e-12, 2.5, List.of(far, global, mild), 1e-6,
                List.of(new CriticalPointCheck.Descent(4.5, 0.5 + 0x1p-40, 1234, 0.125)));
    }

    @Test
    @DisplayName("DLN-3 rendering: gradient, Hessian, control and descent rows carry their measurements and texts; the table's cells and the figure's points follow the points")
    void criticalPointRendering() {
        CriticalPointCheck.SeedPoints s = dln3(true);
        CriticalPointCheck.Point far = s.points().get(0), global = s.points().get(1), mild = s.points().get(2);
        assertThat(mild.name()).isEqualTo("I={1,3}");
        assertThat(far.name()).isEqualTo("I={2,4}");
        assertThat(s.mildestSaddle()).isSameAs(mild);
        assertThat(s.globalPoint()).isSameAs(global);

        Verdict g = CriticalPointCheck.gradient(s, global);
        assertThat(g.hypothesisMet()).isTrue();
        assertThat(g.observed()).isEqualTo(0x1p-45);
        assertThat(g.bound()).isEqualTo(4e-12);
        assertThat(g.measurements().get("lossMinusClosedForm")).isEqualTo(0.25);
        assertThat(g.measurements().get("relativeGradient")).isCloseTo(0x1p-47, within(ULPS * 0x1p-47));
        assertThat(g.check()).isEqualTo("gradient at critical point I={1,2}");
        assertThat(g.detail()).startsWith("global point I={1,2}");
        Verdict gs = CriticalPointCheck.gradient(s, far);
        assertThat(gs.hypothesisMet()).isTrue();                              // a non-top set: a saddle's construction
        assertThat(gs.detail()).startsWith("saddle point I={2,4}").contains("loss 1.50000 vs closed form 1.50000");
        assertThat(CriticalPointCheck.gradient(dln3(false), far).hypothesisMet()).isFalse();
        assertThat(CriticalPointCheck.gradient(dln3(false), global).hypothesisMet()).isFalse();

        Verdict gh = CriticalPointCheck.globalHessian(CriticalPointCheck.GLOBAL_NO_NEGATIVE, s, global);
        assertThat(gh.status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(gh.observed()).isEqualTo(0x1p-41);                      // -lambda_min/lambda_max
        assertThat(gh.measurements()).containsEntry("lambdaMin", -0x1p-40).containsEntry("lambdaMax", 2.0)
                .containsEntry("zeroEigenvalues", 4.0).containsEntry("hessianAsymmetry", 0.125);
        assertThat(gh.check()).isEqualTo("global point has no negative eigenvalue I={1,2}");
        assertThat(gh.detail()).doesNotContain("must fail").contains("4 eigenvalues within").contains("(k^2 = 4");
        Verdict gc = CriticalPointCheck.globalHessian(CriticalPointCheck.GLOBAL_TEST_ON_SADDLE, s, mild);
        assertThat(gc.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(gc.hypothesisMet()).isFalse();                            // a saddle is not the top set
        assertThat(gc.observed()).isEqualTo(0.125);
        assertThat(gc.check()).isEqualTo("control: no-negative-eigenvalue test on the mildest saddle I={1,3}");
        assertThat(gc.detail()).endsWith(": must fail at a saddle");
        assertThat(CriticalPointCheck.globalHessian(CriticalPointCheck.GLOBAL_NO_NEGATIVE, dln3(false), global)
                .hypothesisMet()).isFalse();

        Verdict sh = CriticalPointCheck.saddleHessian(CriticalPointCheck.SADDLE_NEGATIVE, s, far);
        assertThat(sh.status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(sh.observed()).isEqualTo(-0.25);
        assertThat(sh.bound()).isEqualTo(-1e-10);
        assertThat(sh.slack()).isCloseTo(0.25e10, within(ULPS * 0.25e10));
        assertThat(sh.measurements()).containsEntry("lambdaMin", -1.0).containsEntry("lambdaMax", 4.0)
                .containsEntry("hessianAsymmetry", 0.0625).containsEntry("lossGap", 0.5)
                .containsEntry("swapCurvatureOverLambdaMax", -0.125);
        assertThat(sh.check()).isEqualTo("saddle has a negative eigenvalue I={2,4}");
        assertThat(sh.detail()).isEqualTo("lambda_min/lambda_max = -0.250 < -1e-10 (loss 1.50000, optimum 0.500000)");
        Verdict sc = CriticalPointCheck.saddleHessian(CriticalPointCheck.SADDLE_TEST_ON_GLOBAL, s, global);
        assertThat(sc.check()).isEqualTo("control: negative-eigenvalue test on the global point I={1,2}");
        assertThat(sc.detail()).contains(": the global minimizer's Hessian is positive semidefinite");
        assertThat(sc.hypothesisMet()).isFalse();
        assertThat(CriticalPointCheck.saddleHessian(CriticalPointCheck.SADDLE_NEGATIVE, dln3(false), far)
                .hypothesisMet()).isFalse();

        List<Verdict> controls = CriticalPointCheck.controls(s);
        assertThat(controls).extracting(Verdict::criterion).containsExactly(CriticalPointCheck.GRADIENT_PERTURBED,
                CriticalPointCheck.GLOBAL_TEST_ON_SADDLE, CriticalPointCheck.SADDLE_TEST_ON_GLOBAL,
                CriticalPointCheck.VALUE_TEST_ON_SADDLE);
        assertThat(controls.get(0).observed()).isEqualTo(1e-6);
        assertThat(controls.get(1).check()).endsWith("I={1,3}");
        assertThat(controls.get(2).check()).endsWith("I={1,2}");
        assertThat(controls.get(3).observed()).isEqualTo(0.25);                // (1.0 - 0.5)/(2.5 - 0.5)
        assertThat(controls.get(3).check()).endsWith("mildest saddle I={1,3}");

        Verdict d = CriticalPointCheck.descent(s, 0);
        assertThat(d.observed()).isEqualTo(0x1p-42);                        // 2^-40 / (4.5 - 0.5)
        assertThat(d.measurements()).containsEntry("steps", 1234.0).containsEntry("eta", 0.125)
                .containsEntry("saddleGap", 0.25);
        assertThat(d.detail()).isEqualTo(String.format(Locale.ROOT, "GD (eta = 0.125) from a random init: (l_T - OPT)"
                + "/(l_0 - OPT) = %.3g after 1234 steps (<= 1e-10); the mildest saddle sits at 0.250", 0x1p-42));

        CriticalPointCheck check = new CriticalPointCheck();
        CriticalPointCheck.Measurement m = new CriticalPointCheck.Measurement(List.of(s));
        assertThat(check.verdicts(m)).hasSize(3 * 2 + 4 + 1);
        Table t = check.tables(m).get(0);
        assertThat(t.rows()).containsExactly(
                List.of("3", "I={2,4}", "saddle", sig3(0x1p-44), "1.00", "-1.00", "4.00", "-0.250", "4"),
                List.of("3", "I={1,2}", "global", sig3(0x1p-45), "0.00", sig3(-0x1p-40), "2.00", sig3(-0x1p-41), "4"),
                List.of("3", "I={1,3}", "saddle", "0.00", "0.500", "-0.500", "4.00", "-0.125", "4"));
        assertThat(t.header()).hasSize(9);
        Figure f = check.figures(m).get(0);
        assertThat(f.series()).hasSize(5);
        assertThat(f.series().get(0).x()).containsExactly(0.25, 0.5);              // saddles, sorted by loss gap
        assertThat(f.series().get(0).y()).containsExactly(-0.125, -0.25);
        assertThat(f.series().get(1).x()).containsExactly(0.0);
        assertThat(f.series().get(1).y()).containsExactly(-0x1p-41);
        assertThat(f.series().get(2).x()).containsExactly(0, 0.5);
        assertThat(f.series().get(2).y()).containsExactly(-1e-10, -1e-10);
        assertThat(f.series().get(3).y()).containsExactly(-0.02, -0.02);
        assertThat(f.series().get(4).y()).containsExactly(-0.5, -0.5);
        assertThat(f.series()).extracting(Figure.Series::reference).containsExactly(false, false, true, true, true);
    }

    @Test
    @DisplayName("DLN-3 sizes: CLAIMS.md's 5 seeds x 3 inits, quick 2 x 1, GD capped at 2e5 steps")
    void criticalPointSizes() {
        assertThat(CriticalPointCheck.Sizes.claims()).isEqualTo(new CriticalPointCheck.Sizes(5, 3, 200_000));
        assertThat(CriticalPointCheck.Sizes.quick()).isEqualTo(new CriticalPointCheck.Sizes(2, 1, 200_000));
    }

    private static ZeroAsymmetricDescent dln1(ZeroAsymmetricInstance inst, double multiple, int steps, boolean reached,
            boolean diverged, int firstFailure, double late, double finalRatio) {
        boolean held = firstFailure < 0;
        return new ZeroAsymmetricDescent(Provenance.of(inst.seed(), "ejml", "L", inst.depth(), "d", 4, "d_y", 3),
                inst.phiNorm(), multiple, multiple * inst.stepBound(), inst.stepBound(), multiple == 1, steps, reached,
                diverged, held, firstFailure, late, 0.75, held ? 4.5 : 0.5, 2.0, finalRatio, false, 2.0,
                new double[] {0, 1, 2}, new double[] {1, 0.75, 0.5});
    }

    @Test
    @DisplayName("DLN-1 rendering: decay, control and first-failure rows carry their measurements and texts; table rows per run and per sweep; the figure shows the first L = 3, |Phi|_F = 0.5 case's 1x and 100x runs against (1 - eta/2)^t")
    void zeroAsymmetricRendering() {
        ZeroAsymmetricInstance inst = ZeroAsymmetricInstance.build(5, 3, 4, 3, 0.5);
        double star = inst.stepBound();
        ZeroAsymmetricDescent one = dln1(inst, 1, 300, false, false, -1, Double.NaN, 0.5);
        ZeroAsymmetricDescent hundred = dln1(inst, 100, 256, true, false, 7, 0.25, 0.5);
        ZeroAsymmetricDescent capped = dln1(inst, 10, 400, false, false, -1, 0.125, 0.25);
        Verdict d1 = ZeroAsymmetricDescentCheck.decay(one, 300);
        assertThat(d1.criterion()).isEqualTo(ZeroAsymmetricDescentCheck.RISK_DECAY);
        assertThat(d1.slack()).isEqualTo(0.75);                               // no t >= 1/rate: slack over t >= 1
        assertThat(d1.measurements()).containsEntry("multiple", 1.0).containsEntry("steps", 300.0)
                .containsEntry("finalROverR0", 0.5).containsEntry("minRateMultiple", 4.5)
                .containsEntry("finalRateMultiple", 2.0).containsEntry("rateMultipleOf1xBound", 2.0)
                .containsEntry("slackOverAllTGe1", 0.75).containsEntry("heldAtEveryStep", 1.0)
                .containsEntry("eta", star).containsEntry("etaBound", star);
        // steps to 1e-6 at the final rate: 300 ln(1e-6)/ln(0.5)
        assertThat(d1.measurements().get("extrapolatedStepsToTarget")).isCloseTo(300 * 6 * Math.log(10) / Math.log(2),
                within(1e-9));
        assertThat(d1.check()).isEqualTo("risk decay (L=3, |Phi|_F=0.5, eta=1x bound)");
        assertThat(d1.detail()).startsWith("300-step prefix, eta = 1 x eta*").contains("held at every step over 300")
                .contains("n/a (prefix < 1/rate)").doesNotContain("exploratory")
                .contains("= 2.00 x the 1x bound's rate");
        Verdict d100 = ZeroAsymmetricDescentCheck.decay(hundred, 300);
        assertThat(d100.criterion()).isEqualTo(ZeroAsymmetricDescentCheck.BEYOND_STEP_BOUND);
        assertThat(d100.slack()).isEqualTo(0.25);
        assertThat(d100.measurements()).containsEntry("rateMultipleOf1xBound", 200.0)
                .containsEntry("heldAtEveryStep", 0.0);
        assertThat(d100.detail()).startsWith("until R <= 1e-6 R0").contains("FAILED first at t = 7 over 256 steps")
                .contains("slack over t >= 1/rate 0.250").endsWith(" (beyond the theorem's step size: exploratory)")
                .contains("= 200 x the 1x bound's rate");
        assertThat(ZeroAsymmetricDescentCheck.decay(capped, 300).detail()).startsWith("400-step prefix (cap), eta = 10"
                + " x eta*");
        Verdict c = ZeroAsymmetricDescentCheck.control(one);
        assertThat(c.check()).isEqualTo("control: rate x 8 (L=3, |Phi|_F=0.5, eta=1x bound)");
        assertThat(c.measurements()).containsEntry("controlSlack", 2.0);
        assertThat(c.observed()).isEqualTo(4.5);

        ZeroAsymmetricDescent blewUp = dln1(inst, 2e4, 12, false, true, 1, Double.NaN, 1e7);
        ZeroAsymmetricDescentCheck.Case failing = new ZeroAsymmetricDescentCheck.Case(inst, one.provenance(),
                List.of(one, hundred), new ZeroAsymmetricDescentCheck.Sweep(2e4, 1e4, blewUp));
        Verdict f = ZeroAsymmetricDescentCheck.firstFailure(failing);
        assertThat(f.observed()).isEqualTo(2e4);
        assertThat(f.measurements()).containsEntry("divergedThere", 1.0).containsEntry("lastHeldMultiple", 1e4)
                .containsEntry("firstFailingStep", 1.0).containsEntry("finalROverR0There", 1e7);
        assertThat(f.measurements().get("etaAtFirstFailure")).isCloseTo(2e4 * star, within(ULPS));
        assertThat(f.check()).isEqualTo("first failing step multiple (L=3, |Phi|_F=0.5)");
        assertThat(f.detail()).startsWith(String.format(Locale.ROOT, "the inequality first fails at 2.00e+04 x eta*"
                + " (eta = %.3g, 1 - eta/2 = %.3g; held at 1.00e+04 x), first at step t = 1; GD diverges there"
                + " (R/R0 = 1.00e+07 after 12 steps;", 2e4 * star, 1 - 1e4 * star));
        ZeroAsymmetricDescent calm = dln1(inst, 5e4, 40, false, false, 3, Double.NaN, 0.5);
        ZeroAsymmetricDescentCheck.Case vacuous = new ZeroAsymmetricDescentCheck.Case(inst, one.provenance(),
                List.of(one), new ZeroAsymmetricDescentCheck.Sweep(5e4, 2e4, calm));
        Verdict fv = ZeroAsymmetricDescentCheck.firstFailure(vacuous);          // eta = 5e4/11664 > 2
        assertThat(fv.detail()).contains(": the bound is vacuous; held at 2.00e+04 x").contains("GD does not diverge");
        assertThat(fv.measurements()).containsEntry("divergedThere", 0.0).containsEntry("firstFailingStep", 3.0);
        assertThat(f.detail()).doesNotContain("vacuous");
        ZeroAsymmetricDescentCheck.Case none = new ZeroAsymmetricDescentCheck.Case(inst, one.provenance(),
                List.of(one), new ZeroAsymmetricDescentCheck.Sweep(Double.NaN, 1e7, null));
        Verdict fn = ZeroAsymmetricDescentCheck.firstFailure(none);
        assertThat(fn.detail()).isEqualTo("the inequality held at every multiple up to 1.00e+07 x eta*");
        assertThat(fn.measurements().get("firstFailingStep")).isNaN();
        assertThat(fn.measurements().get("finalROverR0There")).isNaN();
        assertThat(fn.measurements()).containsEntry("divergedThere", 0.0);

        ZeroAsymmetricInstance strong = ZeroAsymmetricInstance.build(5, 3, 4, 3, 2.0);
        ZeroAsymmetricDescent strongOne = dln1(strong, 1, 300, false, false, -1, Double.NaN, 0.5);
        ZeroAsymmetricDescentCheck.Case other = new ZeroAsymmetricDescentCheck.Case(strong,
                strongOne.provenance(), List.of(strongOne), new ZeroAsymmetricDescentCheck.Sweep(Double.NaN, 1e7,
                null));
        ZeroAsymmetricDescentCheck.Sizes sizes = new ZeroAsymmetricDescentCheck.Sizes(new int[] {3}, 2, 300, 400,
                300);
        ZeroAsymmetricDescentCheck check = new ZeroAsymmetricDescentCheck(sizes);
        ZeroAsymmetricDescentCheck.Measurement m = new ZeroAsymmetricDescentCheck.Measurement(sizes, List.of(failing,
                other, none));
        // per case: a decay row per run, a control for the 1x run, one first-failure row
        assertThat(check.verdicts(m)).hasSize(4 + 3 + 3);
        Table t = check.tables(m).get(0);
        assertThat(t.rows()).hasSize(2 + 1 + 1 + 1 + 1 + 1);
        assertThat(t.rows().get(0)).containsExactly("3", "0.500", "5", "1.00", sig3(star), "300-step prefix", "300",
                "0.500", "yes", "4.50", "2.00");
        assertThat(t.rows().get(1)).containsExactly("3", "0.500", "5", "100", sig3(100 * star), "until R <= 1e-6 R0",
                "256", "0.500", "no", "0.500", "2.00");
        assertThat(t.rows().get(2)).containsExactly("3", "0.500", "5", "first failure", sig3(2e4 * star), "diverged",
                "12", "1.00e+07", "no (first at t=1)", "", "");
        assertThat(t.rows().get(4)).containsExactly("3", "2.00", "5", "first failure", "none", "did not diverge", "",
                "", "", "", "");
        Figure fig = check.figures(m).get(0);
        assertThat(fig.series()).extracting(Figure.Series::label).containsExactly("R(t)/R(0), eta = 1x bound",
                "(1 - eta/2)^t, eta = 1x bound", "R(t)/R(0), eta = 100x bound", "(1 - eta/2)^t, eta = 100x bound");
        assertThat(fig.series().get(0).y()).containsExactly(1, 0.75, 0.5);
        double q = 1 - 100 * star / 2;
        assertThat(fig.series().get(3).y()).containsExactly(new double[] {1, q, q * q}, within(ULPS));
        assertThat(fig.series()).extracting(Figure.Series::reference).containsExactly(false, true, false, true);
    }

    @Test
    @DisplayName("DLN-1 sizes: CLAIMS.md's L in {2, 3, 5}, 2 seeds, 2e4-step prefix, 2e5-step cap; quick L = 3, 1 seed")
    void zeroAsymmetricSizes() {
        ZeroAsymmetricDescentCheck.Sizes c = ZeroAsymmetricDescentCheck.Sizes.claims();
        assertThat(c.depths()).containsExactly(2, 3, 5);
        assertThat(List.of(c.seeds(), c.prefix(), c.cap(), c.sweepCap())).containsExactly(2, 20_000, 200_000, 20_000);
        ZeroAsymmetricDescentCheck.Sizes q = ZeroAsymmetricDescentCheck.Sizes.quick();
        assertThat(q.depths()).containsExactly(3);
        assertThat(List.of(q.seeds(), q.prefix(), q.cap(), q.sweepCap())).containsExactly(1, 20_000, 20_000, 20_000);
    }

    private static SaddleCurvatureCheck.Point dp(SaddleCurvatureCheck.Kind kind, int[] idx, double loss, double closed,
            double grad, int rank, double lamMin, double lamMax, double maxAbs, double asym) {
        return new SaddleCurvatureCheck.Point(kind, idx, loss, closed, grad, rank, lamMin, lamMax, maxAbs, asym);
    }

    /** OPT = 0.5, l(0) = 2.5, ||YX^T|| = 4, curvature scale (lambda_max at the global minimizer) 8. */
    private static SaddleCurvatureCheck.DepthCase dln4(int hidden, boolean assumptions,
            List<SaddleCurvatureCheck.Point> saddles) {
        SaddleCurvatureCheck.Point global = dp(SaddleCurvatureCheck.Kind.GLOBAL, new int[] {0, 1}, 0.5, 0.5, 0x1p-50,
                2, -0x1p-60, 8, 4, 0);
        SaddleCurvatureCheck.Point zero = dp(SaddleCurvatureCheck.Kind.ZERO, new int[0], 2.5, 2.5, 0, 0, 0, 0, 0, 0);
        return new SaddleCurvatureCheck.DepthCase(Provenance.of(11, "ejml", "H", hidden), hidden, 2, assumptions, 0.5,
                4, 2.5, saddles, global, zero);
    }

    @Test
    @DisplayName("DLN-4 rendering: gradient, curvature and control rows carry their measurements and texts; hypothesis needs assumptions, a saddle above OPT and rank p; table cells and the per-depth figure series")
    void saddleRendering() {
        SaddleCurvatureCheck.Point a = dp(SaddleCurvatureCheck.Kind.SADDLE, new int[] {1, 3}, 1.5, 1.25, 0x1p-40, 2,
                -2, 4, 3, 0.125);
        SaddleCurvatureCheck.Point bb = dp(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2}, 1.0, 1.0, 0, 2, -1, 4,
                2, 0);
        SaddleCurvatureCheck.DepthCase c = dln4(2, true, List.of(a, bb));
        assertThat(a.name()).isEqualTo("I={2,4}");
        assertThat(c.zero().name()).isEqualTo("W=0");
        assertThat(c.global().name()).isEqualTo("I={1,2}");
        assertThat(c.scale()).isEqualTo(8.0);

        Verdict g = SaddleCurvatureCheck.gradient(c, a);
        assertThat(g.hypothesisMet()).isTrue();
        assertThat(g.bound()).isCloseTo(4e-10, within(ULPS * 4e-10));
        assertThat(g.observed()).isEqualTo(0x1p-40);
        assertThat(g.measurements()).containsEntry("lossMinusClosedForm", 0.25).containsEntry("relativeGradient",
                0x1p-42);
        assertThat(g.check()).isEqualTo("gradient at the split critical point I={2,4} (H=2)");
        assertThat(g.detail()).isEqualTo(String.format(Locale.ROOT, "I={2,4} split across 3 layers: ||grad|| = %.3g"
                + " <= 1e-10 ||YX^T|| = 4.00e-10; loss 1.50000 vs the closed form 1.25000", 0x1p-40));
        assertThat(SaddleCurvatureCheck.gradient(dln4(2, false, List.of(a)), a).hypothesisMet()).isFalse();

        Verdict v = SaddleCurvatureCheck.curvature(c, a);
        assertThat(v.status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(v.observed()).isEqualTo(-0.25);
        assertThat(v.slack()).isCloseTo(2.5e9, within(ULPS * 2.5e9));
        assertThat(v.measurements()).containsEntry("lambdaMin", -2.0).containsEntry("lambdaMax", 4.0)
                .containsEntry("scale", 8.0).containsEntry("lambdaMinOverOwnMax", -0.5).containsEntry("middleRank", 2.0)
                .containsEntry("lossGap", 0.5).containsEntry("hessianAsymmetry", 0.125);
        assertThat(v.check()).isEqualTo("saddle I={2,4} (H=2) has a negative Hessian eigenvalue");
        assertThat(v.detail()).isEqualTo("rank(W_H...W_2) = 2 = p; lambda_min = -2.000 = -0.250 x the curvature scale"
                + " 8.000 (lambda_max at the global minimizer) < -1e-10; at its own lambda_max -0.500; loss - OPT ="
                + " 0.500 of l(0) - OPT");
        // the hypothesis: assumptions, a saddle (not the global kind) strictly above OPT, rank p
        assertThat(SaddleCurvatureCheck.hypothesis(c, a)).isTrue();
        assertThat(SaddleCurvatureCheck.hypothesis(dln4(2, false, List.of(a)), a)).isFalse();
        assertThat(SaddleCurvatureCheck.hypothesis(c, c.global())).isFalse();
        assertThat(SaddleCurvatureCheck.hypothesis(c, dp(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2}, 0.5, 0.5,
                0, 2, -1, 4, 2, 0))).isFalse();                                  // loss = OPT: not above it
        assertThat(SaddleCurvatureCheck.hypothesis(c, dp(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2},
                Math.nextUp(0.5), 0.5, 0, 2, -1, 4, 2, 0))).isTrue();
        assertThat(SaddleCurvatureCheck.hypothesis(c, dp(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2}, 1, 1, 0,
                1, -1, 4, 2, 0))).isFalse();

        Verdict z = SaddleCurvatureCheck.control(SaddleCurvatureCheck.ZERO_POINT, c, c.zero());
        assertThat(z.observed()).isZero();
        assertThat(z.check()).isEqualTo("control: negative-eigenvalue test at W = 0 (H=2)");
        assertThat(z.detail()).isEqualTo("W = 0 is a critical point (||grad|| = 0.00) and a saddle (l(0) - OPT = 2.000"
                + " > 0), but rank(W_H...W_2) = 0 < p = 2: the hypothesis of (iv) fails, and the Hessian is exactly 0"
                + " (max |entry| 0.00) - no negative eigenvalue; the test lambda_min/scale < -1e-10 must report no"
                + " negative eigenvalue");
        assertThat(z.measurements()).containsEntry("lambdaMin", 0.0).containsEntry("lambdaMax", 0.0)
                .containsEntry("middleRank", 0.0).containsEntry("maxAbsHessian", 0.0).containsEntry("gradient", 0.0);
        Verdict gl = SaddleCurvatureCheck.control(SaddleCurvatureCheck.GLOBAL_POINT, c, c.global());
        assertThat(gl.observed()).isEqualTo(-0x1p-63);
        assertThat(gl.check()).isEqualTo("control: negative-eigenvalue test at the global minimizer (H=2)");
        assertThat(gl.detail()).startsWith(String.format(Locale.ROOT, "the global minimizer I={1,2} (rank(W_H...W_2) ="
                + " 2): the Hessian is positive semidefinite, lambda_min = %.3g;", -0x1p-60));
        assertThat(gl.measurements()).containsEntry("maxAbsHessian", 4.0).containsEntry("gradient", 0x1p-50)
                .containsEntry("lambdaMax", 8.0).containsEntry("middleRank", 2.0);

        SaddleCurvatureCheck.DepthCase deep = dln4(3, true, List.of(dp(SaddleCurvatureCheck.Kind.SADDLE,
                new int[] {0, 3}, 1.5, 1.5, 0, 2, -4, 4, 1, 0)));
        SaddleCurvatureCheck check = new SaddleCurvatureCheck();
        SaddleCurvatureCheck.Measurement m = new SaddleCurvatureCheck.Measurement(List.of(c, deep));
        assertThat(check.verdicts(m)).extracting(Verdict::criterion).containsExactly(
                SaddleCurvatureCheck.SADDLE_GRADIENT, SaddleCurvatureCheck.SADDLE_CURVATURE,
                SaddleCurvatureCheck.SADDLE_GRADIENT, SaddleCurvatureCheck.SADDLE_CURVATURE,
                SaddleCurvatureCheck.ZERO_POINT, SaddleCurvatureCheck.GLOBAL_POINT,
                SaddleCurvatureCheck.SADDLE_GRADIENT, SaddleCurvatureCheck.SADDLE_CURVATURE,
                SaddleCurvatureCheck.ZERO_POINT, SaddleCurvatureCheck.GLOBAL_POINT);
        Table t = check.tables(m).get(0);
        assertThat(t.rows()).hasSize(4 + 3);
        assertThat(t.rows().get(0)).containsExactly("11", "2", "I={2,4}", "saddle", sig3(0x1p-42), "2", "1.00",
                "-0.250", "-2.00", "3.00");
        assertThat(t.rows().get(2)).containsExactly("11", "2", "I={1,2}", "global", sig3(0x1p-52), "2", "0.00",
                sig3(-0x1p-63), sig3(-0x1p-60), "4.00");
        assertThat(t.rows().get(3)).containsExactly("11", "2", "W=0", "zero", "0.00", "0", "2.00", "0.00", "0.00",
                "0.00");
        assertThat(t.rows().get(4).get(1)).isEqualTo("3");
        Figure f = check.figures(m).get(0);
        assertThat(f.series()).extracting(Figure.Series::label).containsExactly("H = 2 (W = 0 at x = 1)",
                "H = 3 (W = 0 at x = 1)", "threshold -1e-10 (negative below)");
        assertThat(f.series().get(0).x()).containsExactly(0.25, 0.5, 1.0);            // sorted by the loss gap
        assertThat(f.series().get(0).y()).containsExactly(-0.125, -0.25, 0.0);
        assertThat(f.series().get(1).x()).containsExactly(0.5, 1.0);
        assertThat(f.series().get(1).y()).containsExactly(-0.5, 0.0);
        assertThat(f.series().get(2).y()).containsExactly(-1e-10, -1e-10);
        assertThat(check.figures(new SaddleCurvatureCheck.Measurement(List.of(deep))).get(0).series())
                .extracting(Figure.Series::label).containsExactly("H = 3 (W = 0 at x = 1)",
                        "threshold -1e-10 (negative below)");
        assertThat(SaddleCurvatureCheck.Sizes.claims().hidden()).containsExactly(2, 3);
        assertThat(SaddleCurvatureCheck.Sizes.claims().seeds()).isEqualTo(5);
        assertThat(SaddleCurvatureCheck.Sizes.quick().hidden()).containsExactly(2, 3);
        assertThat(SaddleCurvatureCheck.Sizes.quick().seeds()).isEqualTo(2);
    }

    private static WidthRun wr(int m, DuHuInstance.Fit f, boolean held, int firstFailure, int checked, double slack,
            double minRate, double late) {
        return new WidthRun(m, f.eta(2), 1 / Math.sqrt(m * 2.0), held, firstFailure, checked, slack, minRate, late,
                false, 2.0, checked + 1, new double[] {0, checked}, new double[] {1, 0.25});
    }

    @Test
    @DisplayName("DLN-2 rendering: smallest-width, large-width and control rows carry their measurements and texts; the table's sweep and large-width rows; the width histogram and the decay figure with the bound and control lines")
    void widthRendering() {
        // lambda_max 8, lambda_r 2, rank 10, |Phi| 2: eta(2) = 1/24, rate(2) = 1/48, kappa 4,
        // L r kappa^3 d_out (1 + |Phi|^2) = 2 10 64 2 5 = 12800
        DuHuInstance.Fit f = new DuHuInstance.Fit(2, DenseMatrix.zeros(2, 20), 1.0, 8, 2, 10, 2.0);
        assertThat(f.kappa()).isEqualTo(4.0);
        assertThat(f.widthConditionOverC(2)).isEqualTo(12800.0);
        assertThat(f.meetsTestableHypothesis(2, 4, f.eta(2), 1 / Math.sqrt(8.0))).isTrue();
        assertThat(f.meetsTestableHypothesis(2, 4, 0, 1 / Math.sqrt(8.0))).isFalse();
        Provenance p = Provenance.of(9, "ejml", "L", 2, "d_in", 10, "n", 20, "d_out", 2);
        WidthRun fails = wr(2, f, false, 3, 3, Double.NaN, 0.5, Double.POSITIVE_INFINITY);
        WidthRun holds = wr(4, f, true, -1, 500, 0.75, 1.5, 2.5);
        WidthConvergenceCheck.SeedSweep sweep = new WidthConvergenceCheck.SeedSweep(p, 2, f, List.of(fails, holds), 8);
        Verdict v = WidthConvergenceCheck.smallestWidth(sweep);
        assertThat(v.hypothesisMet()).isTrue();
        assertThat(v.measurements()).containsEntry("eta", 1 / 24.0).containsEntry("boundRate", 1 / 48.0)
                .containsEntry("opt", 1.0).containsEntry("rank", 10.0).containsEntry("kappa", 4.0)
                .containsEntry("widthConditionOverC", 12800.0).containsEntry("slackAtSmallest", 0.75)
                .containsEntry("minRateMultipleAtSmallest", 1.5);
        assertThat(v.check()).isEqualTo("smallest width (L=2)");
        assertThat(v.detail()).isEqualTo("doubling sweep from m = 2, up to the first width that held (at most 8): m=2"
                + " fails at t=3, m=4 held; l(t) - OPT <= (1 - 0.0208)^t (l(0) - OPT) at every step until round-off"
                + " first held at m = 4 (slack there 0.750, smallest rate 1.50 x the bound's). The width condition's"
                + " constant C is unspecified: L r kappa^3 d_out (1 + |Phi|^2) = 1.28e+04, so the theorem's m >= C x"
                + " that is met at this width only for C <= 0.00031");
        WidthConvergenceCheck.SeedSweep none = new WidthConvergenceCheck.SeedSweep(p, 2, f, List.of(fails, fails,
                fails), 8);
        Verdict n = WidthConvergenceCheck.smallestWidth(none);
        assertThat(n.measurements().get("slackAtSmallest")).isNaN();
        assertThat(n.measurements().get("minRateMultipleAtSmallest")).isNaN();
        assertThat(n.detail()).contains("first held at m = none (slack there NaN, smallest rate NaN x");

        WidthRun big = wr(16, f, true, -1, 900, 0.875, 9.5, 10.5);
        WidthConvergenceCheck.LargeRun l = new WidthConvergenceCheck.LargeRun(p.withSize("m", 16), 2, f, big);
        Verdict lv = WidthConvergenceCheck.largeWidth(l);
        assertThat(lv.slack()).isEqualTo(0.875);
        assertThat(lv.measurements()).containsEntry("minRateMultipleAfterOneOverRate", 10.5)
                .containsEntry("checkedSteps", 900.0).containsEntry("slackAfterOneOverRate", 0.875)
                .containsEntry("widthConditionOverC", 12800.0);
        assertThat(lv.check()).isEqualTo("rate at large width (L=2)");
        assertThat(lv.detail()).isEqualTo("m = 16: l(t) - OPT <= (1 - 0.0208)^t (l(0) - OPT) at every step up to t ="
                + " 900 (round-off after): smallest rate over t >= 1 9.500 x the bound's (over t >= 1/rate: 10.500);"
                + " slack over t >= 1/rate 0.875");
        WidthRun bigFails = wr(16, f, false, 7, 900, 0.875, 0.5, 10.5);
        assertThat(WidthConvergenceCheck.largeWidth(new WidthConvergenceCheck.LargeRun(p, 2, f, bigFails)).detail())
                .contains("(l(0) - OPT) FAILED first at t = 7 up to t = 900");
        Verdict c = WidthConvergenceCheck.control(l);
        assertThat(c.check()).isEqualTo("control: rate x 16 (L=2)");
        assertThat(c.detail()).contains("the smallest measured is 9.500 x the bound's");
        assertThat(c.measurements()).containsEntry("checkedSteps", 900.0);

        WidthRun small = wr(2, f, true, -1, 100, 0.5, 2.0, 3.0);
        WidthConvergenceCheck.SeedSweep deep = new WidthConvergenceCheck.SeedSweep(p, 3, f, List.of(small), 8);
        WidthConvergenceCheck.Sizes sizes = new WidthConvergenceCheck.Sizes(new int[] {2, 3}, 2, 8, 16);
        WidthConvergenceCheck check = new WidthConvergenceCheck(sizes);
        WidthConvergenceCheck.Measurement m = new WidthConvergenceCheck.Measurement(sizes, List.of(deep, sweep, none),
                List.of(l));
        assertThat(check.verdicts(m)).extracting(Verdict::criterion).containsExactly(
                WidthConvergenceCheck.SMALLEST_WIDTH, WidthConvergenceCheck.SMALLEST_WIDTH,
                WidthConvergenceCheck.LARGE_WIDTH_RATE, WidthConvergenceCheck.LARGE_WIDTH_RATE_X16,
                WidthConvergenceCheck.SMALLEST_WIDTH);
        Table t = check.tables(m).get(0);
        assertThat(t.header()).containsExactly("L", "seed", "m=2", "m=4", "m=8", "first held at m",
                "min rate / bound's there");
        assertThat(t.rows()).containsExactly(
                List.of("2", "9", "fails at t=3", "held", "", "4", "1.50"),
                List.of("2", "9", "fails at t=3", "fails at t=3", "fails at t=3", "> 8", "-"),
                List.of("2", "9 (m=16)", "", "", "", "held at m=16", "9.50"),
                List.of("3", "9", "held", "", "", "2", "2.00"));
        WidthRun bigFailed = wr(16, f, false, 7, 900, 0.875, 0.5, 10.5);
        assertThat(check.tables(new WidthConvergenceCheck.Measurement(sizes, List.of(), List.of(
                new WidthConvergenceCheck.LargeRun(p, 2, f, bigFailed)))).get(0).rows().get(0).get(5))
                .isEqualTo("FAILED at m=16");
        List<Figure> figs = check.figures(m);
        Figure hist = figs.get(0);
        assertThat(hist.series()).extracting(Figure.Series::label).containsExactly("L = 2", "L = 3");
        assertThat(hist.series().get(0).x()).containsExactly(2, 4, 8);
        assertThat(hist.series().get(0).y()).containsExactly(0, 1, 0);
        assertThat(hist.series().get(1).y()).containsExactly(1, 0, 0);
        Figure decay = figs.get(1);
        assertThat(decay.series()).extracting(Figure.Series::label).containsExactly("L = 2, m = 16",
                "bound (1 - rate)^t", "control (1 - rate)^(16 t)");
        assertThat(decay.series().get(0).x()).containsExactly(0, 900);
        assertThat(decay.series().get(1).x()).containsExactly(0, 900);
        assertThat(decay.series().get(1).y()).containsExactly(new double[] {1, Math.exp(900 * Math.log(47 / 48.0))},
                within(1e-12));
        double q16 = Math.exp(16 * 900 * Math.log(47 / 48.0));
        assertThat(decay.series().get(2).y()[0]).isEqualTo(1.0);
        assertThat(decay.series().get(2).y()[1]).isCloseTo(q16, within(1e-9 * q16));
        assertThat(WidthConvergenceCheck.Sizes.claims().depths()).containsExactly(2, 3, 5);
        assertThat(List.of(WidthConvergenceCheck.Sizes.claims().seeds(), WidthConvergenceCheck.Sizes.claims()
                .maxSweep(), WidthConvergenceCheck.Sizes.claims().large())).containsExactly(20, 64, 1024);
        assertThat(List.of(WidthConvergenceCheck.Sizes.quick().seeds(), WidthConvergenceCheck.Sizes.quick()
                .maxSweep(), WidthConvergenceCheck.Sizes.quick().large())).containsExactly(2, 32, 128);
        assertThat(WidthConvergenceCheck.Sizes.quick().depths()).containsExactly(2, 3, 5);
    }

    @Test
    @DisplayName("DLN catalogue: family DLN (deep linear networks), entries and checks DLN-1..4 in report order; every calibration names a measurement its criterion's rows carry")
    void catalogue() {
        DeepLinearClaims family = new DeepLinearClaims();
        assertThat(family.name()).isEqualTo("DLN");
        assertThat(family.title()).isEqualTo("deep linear networks");
        assertThat(family.entries()).extracting(e -> e.id()).containsExactly("DLN-1", "DLN-2", "DLN-3", "DLN-4");
        assertThat(family.checks()).flatExtracting(c -> c.ids()).containsExactly("DLN-1", "DLN-2", "DLN-3", "DLN-4");
        // rows of every calibrated criterion, from hand-made measurements
        ZeroAsymmetricInstance inst = ZeroAsymmetricInstance.build(5, 3, 4, 3, 0.5);
        ZeroAsymmetricDescent one = dln1(inst, 1, 300, false, false, -1, Double.NaN, 0.5);
        DuHuInstance.Fit f = new DuHuInstance.Fit(2, DenseMatrix.zeros(2, 20), 1.0, 8, 2, 10, 1.0);
        Provenance p = Provenance.of(9, "ejml", "L", 2);
        CriticalPointCheck.SeedPoints s = dln3(true);
        List<Verdict> rows = new java.util.ArrayList<>(List.of(ZeroAsymmetricDescentCheck.decay(one, 300),
                ZeroAsymmetricDescentCheck.decay(dln1(inst, 10, 300, true, false, -1, Double.NaN, 0.5), 300),
                ZeroAsymmetricDescentCheck.firstFailure(new ZeroAsymmetricDescentCheck.Case(inst, one.provenance(),
                        List.of(one), new ZeroAsymmetricDescentCheck.Sweep(2e4, 1e4, one))),
                WidthConvergenceCheck.smallestWidth(new WidthConvergenceCheck.SeedSweep(p, 2, f, List.of(wr(2, f,
                        true, -1, 10, 0.5, 2, 3)), 8)),
                WidthConvergenceCheck.largeWidth(new WidthConvergenceCheck.LargeRun(p, 2, f, wr(16, f, true, -1, 10,
                        0.5, 9, 10)))));
        rows.addAll(new CriticalPointCheck().verdicts(new CriticalPointCheck.Measurement(List.of(s))));
        assertThat(family.calibrations()).hasSize(10).allSatisfy(cal -> {
            List<Verdict> of = rows.stream().filter(v -> v.criterion().equals(cal.criterion())).toList();
            assertThat(of).as(cal.quantity()).isNotEmpty();
            assertThat(of).allSatisfy(v -> assertThat(cal.measurement().equals("observed")
                    || v.measurements().containsKey(cal.measurement())).as(cal.measurement()).isTrue());
        });
    }
}
