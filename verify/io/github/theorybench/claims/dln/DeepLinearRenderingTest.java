package io.github.theorybench.claims.dln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
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
}
