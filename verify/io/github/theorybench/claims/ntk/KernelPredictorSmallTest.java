package io.github.theorybench.claims.ntk;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backends;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NTK-5 replayed once on small instances (n = 4 points in d = 2, 3 test points, m = 16 … 64), every run recomputed
 * by this test on the draws of {@link PredictorInstance} and {@link PredictorInit}: gradient descent on both layers by
 * loops, the closed-form NTK and the empirical kernels from their definitions, solves with Hipparchus.
 */
@SmallInstances
class KernelPredictorSmallTest {
    static final long SEED = 2;
    static final KernelPredictorCheck.Sizes SIZES = new KernelPredictorCheck.Sizes(4, 2, 3, 16, 64, 2, 1, 1, 3000);
    /**
     * Two gradient descents of ~10³ steps with the same step, in different summation orders: contractive near the
     * minimum, so the trained outputs agree to far better than this.
     */
    private static final double DESCENT = 1e-7;

    /** NTK-2's closed form. */
    static double ntk(double[] x, double[] y) {
        double dot = x[0] * y[0] + x[1] * y[1], nx = Math.hypot(x[0], x[1]), ny = Math.hypot(y[0], y[1]);
        double t = Math.acos(Math.max(-1, Math.min(1, dot / (nx * ny))));
        return dot * (Math.PI - t) / (2 * Math.PI) + nx * ny * (Math.sin(t) + (Math.PI - t) * Math.cos(t))
                / (2 * Math.PI);
    }

    /** Empirical NTK of f = c Σ a_j relu(w_jᵀx) (both layers) between points p and q. */
    static double empirical(double[][] w, double[] a, double c, double[] p, double[] q) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double zp = w[j][0] * p[0] + w[j][1] * p[1], zq = w[j][0] * q[0] + w[j][1] * q[1];
            s += a[j] * a[j] * (zp > 0 ? 1 : 0) * (zq > 0 ? 1 : 0) * (p[0] * q[0] + p[1] * q[1])
                    + Math.max(zp, 0) * Math.max(zq, 0);
        }
        return c * c * s;
    }

    static double out(double[][] w, double[] a, double c, double[] p) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * Math.max(w[j][0] * p[0] + w[j][1] * p[1], 0);
        }
        return c * s;
    }

    /** K(t, X) K(X, X)⁻¹ v by Hipparchus. */
    static double[] predict(double[][] kxx, double[][] ktx, double[] v) {
        RealVector alpha = new LUDecomposition(new Array2DRowRealMatrix(kxx)).getSolver().solve(new ArrayRealVector(v));
        return new Array2DRowRealMatrix(ktx).operate(alpha).toArray();
    }

    @Test
    @DisplayName("NTK-5 small instances: every run's steps, gap and its three parts, and the kernel movement recomputed by a descent of this test")
    void replay() {
        KernelPredictorCheck check = new KernelPredictorCheck(SIZES);
        KernelPredictorGap g = check.measure(SIZES, CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, true));
        SeedStream stream = SeedStream.of(SEED, "NTK-5");
        for (PredictorSweep sweep : new PredictorSweep[] {g.claim(), g.randomInit(), g.smallKappa()}) {
            String draws = sweep.kind() == PredictorInit.Kind.RANDOM ? "random" : "antisymmetric";
            for (int s = 0; s < sweep.seeds(); s++) {
                PredictorInstance in = PredictorInstance.build(stream.child("data").seed(s), 4, 2, 3);
                for (int k = 0; k < 3; k++) {
                    long seed = stream.child(draws).child("seed" + s).seed(k);
                    PredictorInit init = PredictorInit.build(seed, 2, 16 << k, sweep.kind());
                    check(in, init, sweep.kappa(), sweep.runs()[s][k]);
                }
            }
        }
        CheckResult r = check.result(g);
        Verdict claim = r.verdict(KernelPredictorCheck.GAP_SLOPE);
        SimpleRegression reg = new SimpleRegression();
        for (int k = 0; k < 3; k++) {
            reg.addData(Math.log(16 << k), Math.log(g.claim().runs()[0][k].gap()));
        }
        assertThat(g.claim().gapSlopes()[0]).isCloseTo(reg.getSlope(), within(1e-12));
        assertThat(claim.observed()).isCloseTo((g.claim().gapSlopes()[0] + g.claim().gapSlopes()[1]) / 2,
                within(1e-15));
        assertThat(claim.sizes()).containsEntry("seeds", 2).containsEntry("kappa", 1.0).containsEntry("init",
                "antisymmetric");
        assertThat(r.verdict(KernelPredictorCheck.RANDOM_INIT).sizes()).containsEntry("init", "random");
        assertThat(r.verdict(KernelPredictorCheck.SMALL_KAPPA).status()).isEqualTo(Verdict.Status.EXPLORATORY);
        assertThat(r.tables().get(0).rows()).hasSize(3 * 4);
        assertThat(r.figures()).hasSize(2);
        assertThat(new KernelPredictorCheck().ids()).containsExactly("NTK-5");
        assertThat(KernelPredictorCheck.Sizes.claims().mMax()).isEqualTo(8192);
    }

    /** One run, recomputed: f₀, the kernels at init, GD by loops to R ≤ 1e−12 R₀, the gap and its parts. */
    private static void check(PredictorInstance in, PredictorInit init, double kappa, PredictorRun run) {
        int n = 4, q = 3, m = init.a().length;
        double c = kappa / Math.sqrt(m);
        double[][] x = in.x().toArray2d(), t = in.test().toArray2d(), w = init.w().toArray2d();
        double[] a = init.a().clone();
        double[][] kxx = new double[n][n], ktx = new double[q][n], ixx = new double[n][n], itx = new double[q][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                kxx[i][l] = empirical(w, a, c, x[i], x[l]);
                ixx[i][l] = ntk(x[i], x[l]);
            }
            for (int l = 0; l < q; l++) {
                ktx[l][i] = empirical(w, a, c, t[l], x[i]);
                itx[l][i] = ntk(t[l], x[i]);
            }
        }
        double lambdaMax = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(ixx)).getEigenvalues()[0];
        double eta = 1 / (1.5 * kappa * kappa * lambdaMax);         // CLAIMS.md NTK-5
        double[] f0x = new double[n], f0t = new double[q];
        for (int i = 0; i < n; i++) {
            f0x[i] = out(w, a, c, x[i]);
        }
        for (int l = 0; l < q; l++) {
            f0t[l] = out(w, a, c, t[l]);
        }
        double[] fNtk = predict(ixx, itx, in.y()), kinvY = predict(kxx, ktx, in.y()), kinvF0 = predict(kxx, ktx, f0x);
        double risk0 = risk(w, a, c, x, in.y()), riskNow = risk0;
        double[][] w0 = w.clone();
        int steps = 0;
        while (riskNow > 1e-12 * risk0 && steps < SIZES.stepBudget() && Double.isFinite(riskNow)) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = out(w, a, c, x[i]) - in.y()[i];
            }
            double[][] w2 = new double[m][2];
            double[] a2 = a.clone();
            for (int j = 0; j < m; j++) {
                double gw0 = 0, gw1 = 0, ga = 0;
                for (int i = 0; i < n; i++) {
                    double z = w[j][0] * x[i][0] + w[j][1] * x[i][1];
                    ga += c * r[i] * Math.max(z, 0);
                    gw0 += z > 0 ? c * a[j] * r[i] * x[i][0] : 0;
                    gw1 += z > 0 ? c * a[j] * r[i] * x[i][1] : 0;
                }
                w2[j][0] = w[j][0] - eta * gw0;
                w2[j][1] = w[j][1] - eta * gw1;
                a2[j] = a[j] - eta * ga;
            }
            w = w2;
            a = a2;
            riskNow = risk(w, a, c, x, in.y());
            steps++;
        }
        if (!Double.isFinite(riskNow)) {
            assertThat(run.riskRatio()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(run.gap()).isNaN();
            return;
        }
        double gap = 0, mov = 0, outPart = 0, ker = 0;
        for (int l = 0; l < q; l++) {
            double fT = out(w, a, c, t[l]), lin = f0t[l] + kinvY[l] - kinvF0[l];
            gap = Math.max(gap, Math.abs(fT - fNtk[l]));
            mov = Math.max(mov, Math.abs(fT - lin));
            outPart = Math.max(outPart, Math.abs(f0t[l] - kinvF0[l]));
            ker = Math.max(ker, Math.abs(kinvY[l] - fNtk[l]));
        }
        RealMatrix k0 = new Array2DRowRealMatrix(kxx), kT = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                kT.setEntry(i, l, empirical(w, a, c, x[i], x[l]));
            }
        }
        assertThat(run.steps()).isBetween(steps - 1, steps + 1);
        // a narrow net can stall short of 1e-12 R0 within the budget (then both descents run the whole budget)
        assertThat(run.reachedTarget()).isEqualTo(riskNow <= 1e-12 * risk0);
        assertThat(run.riskRatio()).isCloseTo(riskNow / risk0, within(1e-3 * riskNow / risk0));
        assertThat(run.m()).isEqualTo(m);
        assertThat(run.gap()).isCloseTo(gap, within(DESCENT));
        assertThat(run.movementPart()).isCloseTo(mov, within(DESCENT));
        assertThat(run.initOutputPart()).isCloseTo(outPart, within(DESCENT));
        assertThat(run.initKernelPart()).isCloseTo(ker, within(1e-10));
        assertThat(run.kernelMovement()).isCloseTo(kT.subtract(k0).getFrobeniusNorm() / k0.getFrobeniusNorm(),
                within(DESCENT));
        if (init.kind() == PredictorInit.Kind.ANTISYMMETRIC) {
            assertThat(run.initOutputMax()).isLessThan(1e-12);
        }
        assertThat(w0).isNotNull();
    }

    static double risk(double[][] w, double[] a, double c, double[][] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = out(w, a, c, x[i]) - y[i];
            s += 0.5 * r * r;
        }
        return s;
    }
}
