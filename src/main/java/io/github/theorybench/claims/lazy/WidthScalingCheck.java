package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * LAZY-7 (000; CLAIMS.md): at init σ_min(J₀), σ_max(J₀) grow like sqrt(m) (log-log slope in [0.4, 0.6], m = 64…4096,
 * data fixed), and ‖J₀J₀ᵀ/m − K∞‖₂ decays with slope in [−0.6, −0.4] when averaged over ≥ 16 weight draws per m,
 * K∞(x, x') = E_v[σ′(vᵀx)σ′(vᵀx')]·xᵀx' (v ~ N(0, I_d)), computed by 2-D Gauss–Hermite quadrature (Hipparchus).
 */
public final class WidthScalingCheck implements ClaimCheck {
    static final int[] WIDTHS = {64, 128, 256, 512, 1024, 2048, 4096};
    static final int DRAWS = 16;
    /**
     * The 60-point Gauss–Hermite rule, computed once: building it costs ~0.4 s (Hipparchus computes the nodes anew in
     * every factory), which per kernel entry was most of the check's run time.
     */
    private static final GaussIntegrator HERMITE_60 = new GaussIntegratorFactory().hermite(60);

    private final int[] widths;
    private final int draws;

    public WidthScalingCheck() {
        this(WIDTHS, DRAWS);
    }

    /** Package-private hook for fast tests: the whole check at other widths and draw counts (CLAIMS.md: above). */
    WidthScalingCheck(int[] widths, int draws) {
        this.widths = widths.clone();
        this.draws = draws;
    }

    @Override
    public List<String> ids() {
        return List.of("LAZY-7");
    }

    /** E[σ′(u)σ′(w)] for (u, w) ~ N(0, [[a², ab],[ab, b²+c²]]) via u = a z₁, w = b z₁ + c z₂ (Gauss–Hermite). */
    static double derivativeKernel(Activation act, double nx, double ny, double dot) {
        GaussIntegrator gh = HERMITE_60;
        double b = nx == 0 ? 0 : dot / nx;
        double c = Math.sqrt(Math.max(0, ny * ny - b * b));
        double s = 0;
        for (int i = 0; i < gh.getNumberOfPoints(); i++) {
            double z1 = Math.sqrt(2) * gh.getPoint(i);
            double inner = 0;
            for (int j = 0; j < gh.getNumberOfPoints(); j++) {
                double z2 = Math.sqrt(2) * gh.getPoint(j);
                inner += gh.getWeight(j) * act.derivative(b * z1 + c * z2);
            }
            s += gh.getWeight(i) * act.derivative(nx * z1) * inner;
        }
        return s / Math.PI;                    // ∫∫ e^{−t₁²−t₂²} g(√2 t) dt / π = E[g(z)]
    }

    static DenseMatrix infiniteWidthKernel(DenseMatrix x, Activation act) {
        int n = x.rows();
        DenseMatrix k = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = 0, ni = 0, nj = 0;
                for (int c = 0; c < x.cols(); c++) {
                    dot += x.get(i, c) * x.get(j, c);
                    ni += x.get(i, c) * x.get(i, c);
                    nj += x.get(j, c) * x.get(j, c);
                }
                double v = derivativeKernel(act, Math.sqrt(ni), Math.sqrt(nj), dot) * dot;
                k.set(i, j, v);
                k.set(j, i, v);
            }
        }
        return k;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        int n = 10, d = 5;
        Activation act = Activation.TANH;
        RandomGenerator data = RandomMatrices.rng(ctx.seed());
        DenseMatrix x = RandomMatrices.unitRows(n, d, data);
        DenseMatrix kInf = infiniteWidthKernel(x, act);
        double[] logM = new double[widths.length], logMin = new double[widths.length],
                logMax = new double[widths.length], logErr = new double[widths.length];
        double[] ms = new double[widths.length], mins = new double[widths.length], maxs = new double[widths.length],
                errs = new double[widths.length];
        for (int a = 0; a < widths.length; a++) {
            int m = widths[a];
            double sMin = 0, sMax = 0, err = 0;
            for (int r = 0; r < draws; r++) {
                RandomGenerator rng = RandomMatrices.rng(ctx.seed() * 1_000_003L + m * 101L + r);
                TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
                DenseMatrix g = TwoLayerNet.withFixedSigns(ctx.backend(), x, init.signs(), act)
                        .gramStructured(init.weights());
                SymmetricEigen e = ctx.backend().eigSym(g);
                sMin += Math.sqrt(e.min()) / draws;
                sMax += Math.sqrt(e.max()) / draws;
                SymmetricEigen diff = ctx.backend().eigSym(g.scale(1.0 / m).plusScaled(-1, kInf));
                err += Math.max(Math.abs(diff.min()), Math.abs(diff.max())) / draws;   // ‖·‖₂ of a symmetric matrix
            }
            ms[a] = m;
            mins[a] = sMin;
            maxs[a] = sMax;
            errs[a] = err;
            logM[a] = Math.log(m);
            logMin[a] = Math.log(sMin);
            logMax[a] = Math.log(sMax);
            logErr[a] = Math.log(err);
        }
        CheckResult out = new CheckResult();
        String[] names = {"sigma_min(J0) vs m", "sigma_max(J0) vs m", "||J0 J0^T/m - K_inf||_2 vs m"};
        double[][] ys = {logMin, logMax, logErr};
        double[][] windows = {{0.4, 0.6}, {0.4, 0.6}, {-0.6, -0.4}};
        double[] theory = {0.5, 0.5, -0.5};
        for (int q = 0; q < 3; q++) {
            SimpleRegression reg = new SimpleRegression();
            for (int a = 0; a < logM.length; a++) {
                reg.addData(logM[a], ys[q][a]);
            }
            out.add(Verdict.builder("LAZY-7").check(names[q]).seed(ctx.seed()).backend(ctx.backend().name())
                    .activation(act.label()).size("n", n).size("d", d)
                    .size("m", widths[0] + ".." + widths[widths.length - 1]).size("draws", draws)
                    .observed(reg.getSlope()).bound(theory[q]).slack(reg.getSlope() / theory[q])
                    .window(windows[q][0], windows[q][1]).measure("slopeStdErr", reg.getSlopeStdErr())
                    .detail("least-squares slope of log(mean over draws) against log m").build());
        }
        double[] ref = new double[ms.length];
        for (int a = 0; a < ms.length; a++) {
            ref[a] = errs[0] * Math.sqrt(ms[0] / ms[a]);
        }
        out.figure(new Figure("LAZY-7-kernel-error", "LAZY-7: ||J0 J0^T/m - K_inf||_2 against width (mean of "
                + draws + " draws)",
                "width m", "spectral error", true, true, List.of(new Figure.Series("measured", ms, errs, false),
                        new Figure.Series("m^(-1/2) reference", ms, ref, true))));
        List<Figure.Series> sig = new ArrayList<>();
        sig.add(new Figure.Series("sigma_min(J0)", ms, mins, false));
        sig.add(new Figure.Series("sigma_max(J0)", ms, maxs, false));
        out.figure(new Figure("LAZY-7-singular-values", "LAZY-7: singular values of J0 against width", "width m",
                "singular value", true, true, sig));
        return out;
    }
}
