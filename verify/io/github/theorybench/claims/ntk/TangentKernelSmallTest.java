package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.support.LineFit;
import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.DeepReluKernels;
import io.github.theorybench.model.DeepReluNet;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.ReluKernels;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NTK-1..3 on small instances (fast enough for mutation testing; {@link TangentKernelClaimsTest} runs the CLAIMS.md
 * sizes). The measurements, figure series and the errors behind the fitted slopes are recomputed here from the
 * instance. Each test runs its check itself (PIT attributes @BeforeAll coverage to no test method).
 */
@SmallInstances
class TangentKernelSmallTest {
    private static final long SEED = 3;
    private final Backend backend = Backends.byName(Backends.DEFAULT);
    private final int[] widths2 = {16, 32, 64, 128};
    private final int[] widths3 = {16, 32, 64};
    private CheckResult ntk1Quick, ntk1Full, ntk2, ntk2Full, ntk3;


    // ---------------------------------------------------------------- NTK-1

    @Test
    @DisplayName("NTK-1 K1 and K2 by their defining sums on a 2-point, 2-neuron tanh instance")
    void splitByHand() {
        DenseMatrix x = DenseMatrix.zeros(2, 2);
        x.set(0, 0, 0.6);
        x.set(0, 1, 0.8);
        x.set(1, 0, 1.0);
        DenseMatrix w = DenseMatrix.zeros(2, 2);
        w.set(0, 0, 1.0);
        w.set(0, 1, 2.0);
        w.set(1, 0, -0.5);
        w.set(1, 1, 0.25);
        double[] a = {3.0, -2.0};
        DenseMatrix[] k = KernelSplitCheck.split(x, w, a, Activation.TANH);
        double[][] pre = {{0.6 + 1.6, -0.3 + 0.2}, {1.0, -0.5}};    // w_j^T x_i
        double[] xx = {1.0, 0.6, 0.6, 1.0};                            // x_i^T x_l
        for (int i = 0; i < 2; i++) {
            for (int l = 0; l < 2; l++) {
                double k1 = 0, k2 = 0;
                for (int j = 0; j < 2; j++) {
                    // NTK-1: K1 = sum_j a_j^2 s'(w_j.x) s'(w_j.x') x.x', K2 = sum_j s(w_j.x) s(w_j.x')
                    k1 += a[j] * a[j] * sech2(pre[i][j]) * sech2(pre[l][j]);
                    k2 += Math.tanh(pre[i][j]) * Math.tanh(pre[l][j]);
                }
                Assertions.assertThat(k[0].get(i, l)).as("K1(%d,%d)", i, l).isCloseTo(k1 * xx[2 * i + l],
                        within(1e-14));
                Assertions.assertThat(k[1].get(i, l)).as("K2(%d,%d)", i, l).isCloseTo(k2, within(1e-14));
            }
        }
    }

    private static double sech2(double z) {
        double c = Math.cosh(z);
        return 1 / (c * c);
    }

    @Test
    @DisplayName("NTK-1 verdicts: sizes (quick 12x5x64, full 40x10x400), tolerance 1e-12, controls' errors equal |K2|/|K1| and 1e-9 |K2|/|K1+K2|")
    void kernelSplitVerdicts() {
        // checks run inside the test, not in @BeforeAll: PIT credits @BeforeAll coverage to no test method, so the
        // assertions would never see a mutant there
        ntk1Quick = new KernelSplitCheck().run(CheckContext.of(backend, SEED, true));
        ntk1Full = new KernelSplitCheck().run(CheckContext.of(backend, SEED, false));
        for (CheckResult r : new CheckResult[] {ntk1Quick, ntk1Full}) {
            boolean quick = r == ntk1Quick;
            int n = quick ? 12 : 40, d = quick ? 5 : 10, m = quick ? 64 : 400;
            Assertions.assertThat(r.verdicts("NTK-1")).hasSize(8);
            for (Activation act : new Activation[] {Activation.TANH, Activation.RELU}) {
                String l = " (" + act.label() + ")";
                RandomGenerator rng = RandomMatrices.rng(SEED);
                DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
                DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng);
                double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
                DenseMatrix[] k = KernelSplitCheck.split(x, w, a, act);
                double k1 = k[0].frobeniusNorm(), k2 = k[1].frobeniusNorm();
                double k12 = k[0].plusScaled(1.0, k[1]).frobeniusNorm();
                for (String check : new String[] {"J J^T (full Jacobian) = K1 + K2", "structured Gram = K1 + K2",
                        "control: K2 dropped", "control: K2 perturbed by 1e-9"}) {
                    Verdict v = r.verdict("NTK-1", check + l);
                    Assertions.assertThat(v.sizes()).containsEntry("n", n).containsEntry("d", d)
                            .containsEntry("m", m);
                    Assertions.assertThat(v.tolerance()).isEqualTo(1e-12);
                    Assertions.assertThat(v.bound()).isEqualTo(1e-12);
                    Assertions.assertThat(v.activation()).isEqualTo(act.label());
                    Assertions.assertThat(v.role()).isEqualTo(check.startsWith("control")
                            ? Verdict.Role.CONTROL : Verdict.Role.CLAIM);
                }
                assertThat(r.verdict("NTK-1", "J J^T (full Jacobian) = K1 + K2" + l)).holds();
                assertThat(r.verdict("NTK-1", "structured Gram = K1 + K2" + l)).holds();
                // dropping K2 leaves an error of |K2|_F / |K1|_F (explicit = K1 + K2 to 1e-12)
                Verdict dropped = r.verdict("NTK-1", "control: K2 dropped" + l);
                assertThat(dropped).isViolated();
                Assertions.assertThat(dropped.observed()).isCloseTo(k2 / k1, within(1e-9 * k2 / k1));
                // K1 + (1 + 1e-9) K2: error 1e-9 |K2| / |K1 + K2| (to the 1e-12 agreement of explicit and K1 + K2)
                Verdict pert = r.verdict("NTK-1", "control: K2 perturbed by 1e-9" + l);
                assertThat(pert).isViolated();
                Assertions.assertThat(pert.observed()).isCloseTo(1e-9 * k2 / k12, within(1e-2 * 1e-9 * k2 / k12));
            }
        }
    }

    // ---------------------------------------------------------------- NTK-2

    /** Per-seed errors ‖K_m − K∞‖_F/‖K∞‖_F, drawn in the check's order (NTK-2: f = m^-1/2 Σ a_j relu(w_jᵀx)). */
    private double[][] ntk2Errors(int[] widths, int seeds) {
        DenseMatrix x = RandomMatrices.unitRows(10, 5, RandomMatrices.rng(SEED));
        DenseMatrix kInf = ReluKernels.ntkMatrix(x, x);
        double[][] err = new double[seeds][widths.length];
        for (int s = 0; s < seeds; s++) {
            RandomGenerator rng = RandomMatrices.rng(SEED * 1000 + 17 + s);
            for (int k = 0; k < widths.length; k++) {
                int m = widths[k];
                DenseMatrix w = RandomMatrices.gaussian(m, 5, 1.0, rng);
                double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
                TwoLayerNet net = new TwoLayerNet(backend, x, a, Activation.RELU, 1.0 / Math.sqrt(m), true);
                err[s][k] = net.gramStructured(w).plusScaled(-1.0, kInf).frobeniusNorm() / kInf.frobeniusNorm();
            }
        }
        return err;
    }

    @Test
    @DisplayName("NTK-2 small instance: slope of the seed-mean error, single-seed slopes, errors at m_min/m_max, figure, sizes")
    void twoLayerSmall() {
        ntk2 = new TwoLayerKernelConvergenceCheck(widths2, 2, 3).run(CheckContext.of(backend, SEED, true));
        ntk2Full = new TwoLayerKernelConvergenceCheck(new int[] {16, 32}, 2, 3).run(CheckContext.of(backend, SEED,
                false));
        double[][] err = ntk2Errors(widths2, 2);
        double[] ms = {16, 32, 64, 128};
        double[] mean = new double[4];
        for (int k = 0; k < 4; k++) {
            mean[k] = (err[0][k] + err[1][k]) / 2;
        }
        double s0 = LineFit.logLog(ms, err[0]).slope(), s1 = LineFit.logLog(ms, err[1]).slope();
        double slope = LineFit.logLog(ms, mean).slope();
        Verdict v = ntk2.verdict("NTK-2", "kernel error slope in m (mean over seeds)");
        Assertions.assertThat(v.observed()).isCloseTo(slope, within(1e-12));
        Assertions.assertThat(v.bound()).isEqualTo(-0.5);
        Assertions.assertThat(v.windowLow()).isEqualTo(-0.6);
        Assertions.assertThat(v.windowHigh()).isEqualTo(-0.4);
        Assertions.assertThat(v.holds()).isEqualTo(slope >= -0.6 && slope <= -0.4);
        Assertions.assertThat(v.sizes()).containsEntry("n", 10).containsEntry("d", 5).containsEntry("m_min", 16)
                .containsEntry("m_max", 128).containsEntry("seeds", 2);
        assertThat(v).hasMeasurementCloseTo("error_at_m_min", mean[0], 1e-12, "mean error at m = 16")
                .hasMeasurementCloseTo("error_at_m_max", mean[3], 1e-12, "mean error at m = 128")
                .hasMeasurementCloseTo("single_seed_slope_min", Math.min(s0, s1), 1e-12, "min of 2 seed slopes")
                .hasMeasurementCloseTo("single_seed_slope_max", Math.max(s0, s1), 1e-12, "max of 2 seed slopes");
        Assertions.assertThat(v.detail()).contains("averaged over 2 weight draws", "m in [16, 128]");
        Assertions.assertThat(ntk2.figures()).hasSize(1);
        Figure f = ntk2.figures().get(0);
        Assertions.assertThat(f.name()).isEqualTo("ntk2-kernel-error-vs-width");
        Assertions.assertThat(f.logX()).isTrue();
        Assertions.assertThat(f.logY()).isTrue();
        Assertions.assertThat(f.series()).hasSize(2);
        Figure.Series meas = f.series().get(0), ref = f.series().get(1);
        Assertions.assertThat(meas.label()).isEqualTo("mean over 2 seeds (slope "
                + String.format(Locale.ROOT, "%.3f", slope) + ")");
        Assertions.assertThat(meas.reference()).isFalse();
        Assertions.assertThat(ref.reference()).isTrue();
        Assertions.assertThat(meas.x()).containsExactly(ms);
        Assertions.assertThat(meas.y()).containsExactly(mean, within(1e-15));
        Assertions.assertThat(ref.y()).containsExactly(LineFit.referenceLine(ms, mean, -0.5), within(1e-15));
        // full mode takes the full seed count (3 here)
        Verdict full = ntk2Full.verdict("NTK-2", "kernel error slope in m (mean over seeds)");
        Assertions.assertThat(full.sizes()).containsEntry("seeds", 3).containsEntry("m_max", 32);
        double[][] errFull = ntk2Errors(new int[] {16, 32}, 3);
        assertThat(full).hasMeasurementCloseTo("error_at_m_min", (errFull[0][0] + errFull[1][0] + errFull[2][0]) / 3,
                1e-12, "mean of 3 seeds at m = 16");
    }

    // ---------------------------------------------------------------- NTK-3

    @Test
    @DisplayName("NTK-3 small instance: slopes of claim and both controls from recomputed errors, Theta(x,x) = L+1, figure, sizes")
    void deepSmall() {
        ntk3 = new DeepKernelConvergenceCheck(widths3, new int[] {16, 32, 64, 128}, 2)
                .run(CheckContext.of(backend, SEED, true));
        int n = 6, d = 4, seeds = 2;
        DenseMatrix x = RandomMatrices.unitRows(n, d, RandomMatrices.rng(SEED));
        double[] ms = {16, 32, 64};
        Assertions.assertThat(ntk3.verdicts("NTK-3")).hasSize(6);
        Figure f = ntk3.figures().get(0);
        Assertions.assertThat(f.name()).isEqualTo("ntk3-deep-kernel-error-vs-width");
        Assertions.assertThat(f.logX()).isTrue();
        Assertions.assertThat(f.logY()).isTrue();
        Assertions.assertThat(f.series()).hasSize(4);
        for (int hidden : new int[] {2, 3}) {
            DenseMatrix[] refs = {DeepReluKernels.ntkMatrix(hidden, x), DeepReluKernels.matrix(hidden, x, false, true),
                DeepReluKernels.matrix(hidden, x, true, false)};
            double[][] err = new double[3][ms.length];
            for (int s = 0; s < seeds; s++) {
                RandomGenerator rng = RandomMatrices.rng(SEED * 1000 + 100 * hidden + s);
                for (int k = 0; k < ms.length; k++) {
                    DenseMatrix gram = DeepReluNet.gaussian(backend, d, widths3[k], hidden, rng).gramStructured(x);
                    for (int r = 0; r < 3; r++) {
                        err[r][k] += gram.plusScaled(-1.0, refs[r]).frobeniusNorm() / refs[r].frobeniusNorm() / seeds;
                    }
                }
            }
            String[] checks = {"kernel error slope in m (mean over seeds)",
                "control: recursion without the output layer's Sigma^(L) term",
                "control: recursion without c_sigma in Sigma-dot"};
            for (int r = 0; r < 3; r++) {
                Verdict v = ntk3.verdict("NTK-3", checks[r] + " (L = " + hidden + ")");
                double slope = LineFit.logLog(ms, err[r]).slope();
                Assertions.assertThat(v.observed()).as(checks[r]).isCloseTo(slope, within(1e-10));
                Assertions.assertThat(v.role()).isEqualTo(r == 0 ? Verdict.Role.CLAIM : Verdict.Role.CONTROL);
                Assertions.assertThat(v.bound()).isEqualTo(-0.5);
                Assertions.assertThat(v.windowLow()).isEqualTo(-0.6);
                Assertions.assertThat(v.windowHigh()).isEqualTo(-0.4);
                Assertions.assertThat(v.sizes()).containsEntry("L", hidden).containsEntry("n", n)
                        .containsEntry("d", d).containsEntry("m_min", 16).containsEntry("m_max", 64)
                        .containsEntry("seeds", seeds);
                // NTK-3 (Arora et al.): Theta(x, x) = (L + 1) for unit x with c_sigma = 2
                assertThat(v).hasMeasurementCloseTo("error_at_m_min", err[r][0], 1e-10, "mean error at m = 16")
                        .hasMeasurementCloseTo("error_at_m_max", err[r][2], 1e-10, "mean error at m = 64")
                        .hasMeasurementCloseTo("theta_xx_unit_input", hidden + 1.0, 1e-12, "L + 1");
                Assertions.assertThat(v.detail()).contains(String.format(Locale.ROOT, "(L+1 = %d)", hidden + 1),
                        String.format(Locale.ROOT, "at m=16, %.3g at m=64", err[r][2]));
            }
            int base = 2 * (hidden - 2);
            Figure.Series meas = f.series().get(base), ref = f.series().get(base + 1);
            Assertions.assertThat(meas.label()).isEqualTo("L = " + hidden + " (mean over 2 seeds, slope "
                    + String.format(Locale.ROOT, "%.3f", LineFit.logLog(ms, err[0]).slope()) + ")");
            Assertions.assertThat(meas.reference()).isFalse();
            Assertions.assertThat(ref.reference()).isTrue();
            Assertions.assertThat(meas.x()).containsExactly(ms);
            Assertions.assertThat(meas.y()).containsExactly(err[0], within(1e-12));
            Assertions.assertThat(ref.y()).containsExactly(LineFit.referenceLine(ms, err[0], -0.5), within(1e-12));
        }
    }

    @Test
    @DisplayName("NTK-3 full mode uses the full width list; progress names L and the seed; claim IDs")
    void deepFullWidths() {
        List<String> progress = new ArrayList<>();
        CheckResult full = new DeepKernelConvergenceCheck(new int[] {16, 32}, new int[] {16, 32, 64}, 1)
                .run(new CheckContext(backend, SEED, false, progress::add));
        Assertions.assertThat(progress).containsExactly("NTK-3 L=2 seed 1/1", "NTK-3 L=3 seed 1/1");
        Assertions.assertThat(new DeepKernelConvergenceCheck().ids()).containsExactly("NTK-3");
        Assertions.assertThat(new TwoLayerKernelConvergenceCheck().ids()).containsExactly("NTK-2");
        Assertions.assertThat(new KernelSplitCheck().ids()).containsExactly("NTK-1");
        Verdict v = full.verdict("NTK-3", "kernel error slope in m (mean over seeds) (L = 2)");
        Assertions.assertThat(v.sizes()).containsEntry("m_max", 64).containsEntry("seeds", 1);
    }
}
