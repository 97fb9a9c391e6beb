package io.github.theorybench.claims.dln;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-1..4 verdict rules on hand-made measurements, exactly at each threshold and one ulp beyond, on both sides: the
 * decision is a pure function of the measurement, so no dynamics run here.
 */
@SmallInstances
class DeepLinearVerdictsTest {
    private static final Provenance AT = Provenance.of(7, "ejml", "L", 3, "d", 4, "d_y", 3);

    /** A DLN-1 run at {@code multiple} × η* whose smallest rate multiple is {@code rate}. */
    private static ZeroAsymmetricDescent run(double multiple, boolean hypothesis, double rate) {
        return new ZeroAsymmetricDescent(AT, 0.5, multiple, 1e-4 * multiple, 1e-4, hypothesis, 20_000, false, false,
                rate >= 1, -1, 0.9, 0.99, rate, 4.5, 0.3, false, 20.0, new double[] {0, 1}, new double[] {1, 0.9});
    }

    @Test
    @DisplayName("DLN-1 verdict: the smallest rate multiple >= 1 holds, one ulp below is violated; rate x 8 bites below 8, not at 8; above eta* rows are exploratory")
    void zeroAsymmetricThresholds() {
        assertThat(ZeroAsymmetricDescentCheck.decay(run(1, true, 1.0), 20_000).status())
                .isEqualTo(Verdict.Status.HOLDS);
        Verdict below = ZeroAsymmetricDescentCheck.decay(run(1, true, Math.nextDown(1.0)), 20_000);
        assertThat(below.status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(below.criterion()).isEqualTo(ZeroAsymmetricDescentCheck.RISK_DECAY);
        assertThat(ZeroAsymmetricDescentCheck.control(run(1, true, 8.0)).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        Verdict bit = ZeroAsymmetricDescentCheck.control(run(1, true, Math.nextDown(8.0)));
        assertThat(bit.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(ZeroAsymmetricDescentCheck.control(run(1, true, 4.0)).margin()).isEqualTo(0.5);
        Verdict beyond = ZeroAsymmetricDescentCheck.decay(run(10, false, 0.5), 20_000);
        assertThat(beyond.criterion()).isEqualTo(ZeroAsymmetricDescentCheck.BEYOND_STEP_BOUND);
        assertThat(beyond.status()).isEqualTo(Verdict.Status.EXPLORATORY);
        // a diverged run has no decay rate: -inf fails the window
        assertThat(ZeroAsymmetricDescentCheck.decay(run(1, true, Double.NEGATIVE_INFINITY), 20_000).holds()).isFalse();
        Verdict v = ZeroAsymmetricDescentCheck.decay(run(1, true, 4.0), 20_000);
        assertThat(v.slack()).isEqualTo(0.9);                         // the slack over t >= 1/rate (CLAIMS.md)
        assertThat(v.measurements()).containsEntry("heldAtEveryStep", 1.0).containsEntry("minRateMultiple", 4.0);
    }

    private static DuHuInstance.Fit fit() {
        return new DuHuInstance.Fit(2, DenseMatrix.zeros(2, 20), 1.0, 10.0, 1.0, 10, 2.0);
    }

    private static WidthRun width(int m, boolean held, double rate) {
        DuHuInstance.Fit f = fit();
        return new WidthRun(m, f.eta(2), 1 / Math.sqrt(m * 2.0), held, held ? -1 : 3, 1000, 0.5, rate, rate, false,
                2.0, 1000, new double[] {0}, new double[] {1});
    }

    @Test
    @DisplayName("DLN-2 verdict: a width found at the sweep's end holds, none found is violated; the large-width rate >= 1 holds, one ulp below fails; rate x 16 bites below 16")
    void widthThresholds() {
        Provenance p = Provenance.of(9, "ejml", "L", 2, "d_in", 10, "n", 20, "d_out", 2);
        WidthConvergenceCheck.SeedSweep atEnd = new WidthConvergenceCheck.SeedSweep(p, 2, fit(),
                List.of(width(32, false, 0.5), width(64, true, 1.5)), 64);
        Verdict v = WidthConvergenceCheck.smallestWidth(atEnd);
        assertThat(v.status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(v.observed()).isEqualTo(64);
        WidthConvergenceCheck.SeedSweep beyond = new WidthConvergenceCheck.SeedSweep(p, 2, fit(),
                List.of(width(64, true, 1.5)), 32);
        assertThat(WidthConvergenceCheck.smallestWidth(beyond).status()).isEqualTo(Verdict.Status.VIOLATED);
        WidthConvergenceCheck.SeedSweep none = new WidthConvergenceCheck.SeedSweep(p, 2, fit(),
                List.of(width(2, false, 0.5), width(4, false, 0.7)), 4);
        Verdict nv = WidthConvergenceCheck.smallestWidth(none);
        assertThat(nv.observed()).isNaN();
        assertThat(nv.status()).isEqualTo(Verdict.Status.VIOLATED);
        Provenance q = p.withSize("m", 1024);
        assertThat(WidthConvergenceCheck.largeWidth(new WidthConvergenceCheck.LargeRun(q, 2, fit(),
                width(1024, true, 1.0))).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(WidthConvergenceCheck.largeWidth(new WidthConvergenceCheck.LargeRun(q, 2, fit(),
                width(1024, true, Math.nextDown(1.0)))).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(WidthConvergenceCheck.control(new WidthConvergenceCheck.LargeRun(q, 2, fit(),
                width(1024, true, 16.0))).status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        Verdict c = WidthConvergenceCheck.control(new WidthConvergenceCheck.LargeRun(q, 2, fit(),
                width(1024, true, Math.nextDown(16.0))));
        assertThat(c.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(WidthConvergenceCheck.control(new WidthConvergenceCheck.LargeRun(q, 2, fit(),
                width(1024, true, 8.0))).margin()).isEqualTo(0.5);
        // the testable hypothesis: the prescribed step and scaling; twice the step is outside it
        WidthRun wrong = new WidthRun(1024, 2 * fit().eta(2), 1 / Math.sqrt(2048.0), true, -1, 10, 0.5, 2, 2, false,
                1, 10, new double[] {0}, new double[] {1});
        assertThat(WidthConvergenceCheck.largeWidth(new WidthConvergenceCheck.LargeRun(q, 2, fit(), wrong))
                .status()).isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
    }

    private static CriticalPointCheck.Point point(int[] idx, boolean global, double grad, double lamMin, int zeros) {
        return new CriticalPointCheck.Point(idx, global, 0.5, 0.5, grad, lamMin, 1.0, zeros, 0, -0.1);
    }

    private static CriticalPointCheck.SeedPoints seed(List<CriticalPointCheck.Point> points, double gap) {
        return new CriticalPointCheck.SeedPoints(Provenance.of(3, "ejml", "d_x", 6, "d_y", 4, "k", 2, "n", 30),
                true, 0.0, 1e-12, 1.0, points, 1e-8, List.of(new CriticalPointCheck.Descent(1.0, gap, 100, 0.1)));
    }

    @Test
    @DisplayName("DLN-3 verdict: gradient <= 1e-12 ||YX^T||, global lambda_min >= -1e-10 lambda_max with k^2 zeros, saddle lambda_min < -1e-10 lambda_max, GD gap <= 1e-10: each at the threshold and one ulp beyond")
    void criticalPointThresholds() {
        int[] top = {0, 1}, saddle = {0, 2};
        CriticalPointCheck.SeedPoints s = seed(List.of(point(top, true, 1e-12, -1e-10, 4),
                point(saddle, false, 1e-12, -1e-10, 0)), 1e-10);
        assertThat(CriticalPointCheck.gradient(s, s.points().get(0)).status()).isEqualTo(Verdict.Status.HOLDS);
        CriticalPointCheck.Point steep = point(top, true, Math.nextUp(1e-12), -1e-10, 4);
        assertThat(CriticalPointCheck.gradient(s, steep).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(CriticalPointCheck.globalHessian(CriticalPointCheck.GLOBAL_NO_NEGATIVE, s, s.points().get(0))
                .status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(CriticalPointCheck.globalHessian(CriticalPointCheck.GLOBAL_NO_NEGATIVE, s,
                point(top, true, 0, Math.nextDown(-1e-10), 4)).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(CriticalPointCheck.globalHessian(CriticalPointCheck.GLOBAL_NO_NEGATIVE, s,
                point(top, true, 0, 0, 3)).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(CriticalPointCheck.saddleHessian(CriticalPointCheck.SADDLE_NEGATIVE, s, s.points().get(1))
                .status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(CriticalPointCheck.saddleHessian(CriticalPointCheck.SADDLE_NEGATIVE, s,
                point(saddle, false, 0, Math.nextUp(-1e-10), 0)).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(CriticalPointCheck.descent(s, 0).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(CriticalPointCheck.descent(seed(s.points(), Math.nextUp(1e-10)), 0).status())
                .isEqualTo(Verdict.Status.VIOLATED);
        // the saddle test on a global point with a round-off eigenvalue bites by a margin of ~1
        Verdict c = CriticalPointCheck.saddleHessian(CriticalPointCheck.SADDLE_TEST_ON_GLOBAL, s,
                point(top, true, 0, -3e-16, 4));
        assertThat(c.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(c.margin()).isGreaterThan(0.99);
        assertThat(c.hypothesisMet()).isFalse();                    // the top set is not a saddle's construction
    }

    private static SaddleCurvatureCheck.Point deep(SaddleCurvatureCheck.Kind kind, int[] idx, double grad, int rank,
            double lamMin) {
        return new SaddleCurvatureCheck.Point(kind, idx, kind == SaddleCurvatureCheck.Kind.GLOBAL ? 0.1 : 0.3, 0.3,
                grad, rank, lamMin, 1.0, Math.abs(lamMin), 0);
    }

    @Test
    @DisplayName("DLN-4 verdict: gradient <= 1e-10 ||YX^T|| and lambda_min < -1e-10 x the global minimizer's lambda_max, at the threshold and one ulp beyond; W = 0 (rank 0) bites by a margin of 1")
    void saddleThresholds() {
        SaddleCurvatureCheck.Point global = deep(SaddleCurvatureCheck.Kind.GLOBAL, new int[] {0, 1}, 0, 2, 0);
        SaddleCurvatureCheck.Point zero = deep(SaddleCurvatureCheck.Kind.ZERO, new int[0], 0, 0, 0);
        SaddleCurvatureCheck.Point at = deep(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2}, 1e-10, 2, -1e-10);
        SaddleCurvatureCheck.DepthCase c = new SaddleCurvatureCheck.DepthCase(Provenance.of(5, "ejml", "H", 2), 2, 2,
                true, 0.1, 1.0, 0.5, List.of(at), global, zero);
        assertThat(SaddleCurvatureCheck.gradient(c, at).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(SaddleCurvatureCheck.gradient(c, deep(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2},
                Math.nextUp(1e-10), 2, -1)).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(SaddleCurvatureCheck.curvature(c, at).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(SaddleCurvatureCheck.curvature(c, deep(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2}, 0, 2,
                Math.nextUp(-1e-10))).status()).isEqualTo(Verdict.Status.VIOLATED);
        // the rank condition is the hypothesis: rank 1 < p = 2 makes the row "hypothesis not met"
        assertThat(SaddleCurvatureCheck.curvature(c, deep(SaddleCurvatureCheck.Kind.SADDLE, new int[] {0, 2}, 0, 1,
                -0.1)).status()).isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
        Verdict z = SaddleCurvatureCheck.control(SaddleCurvatureCheck.ZERO_POINT, c, zero);
        assertThat(z.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(z.margin()).isEqualTo(1.0);
        assertThat(z.hypothesisMet()).isFalse();
        assertThat(SaddleCurvatureCheck.control(SaddleCurvatureCheck.ZERO_POINT, c,
                deep(SaddleCurvatureCheck.Kind.ZERO, new int[0], 0, 0, -1e-10)).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
    }
}
