package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.random.RandomGenerator;

/**
 * LAZY-7 (000; CLAIMS.md): at init σ_min(J₀), σ_max(J₀) grow like sqrt(m) (log-log slope in [0.4, 0.6], m = 64…4096,
 * data fixed), and ‖J₀J₀ᵀ/m − K∞‖₂ decays with slope in [−0.6, −0.4] when averaged over ≥ 16 weight draws per m,
 * K∞(x, x') = E_v[σ′(vᵀx)σ′(vᵀx')]·xᵀx' (v ~ N(0, I_d)), computed by 2-D Gauss–Hermite quadrature (Hipparchus).
 * Controls fit the same slopes with the property the theorem rests on removed: σ(J₀/√m) (the √m growth normalized
 * away: slope 0) and the kernel error of a net whose m neurons all share the draw's first row w₁ (no law of large
 * numbers: J₀J₀ᵀ/m is the one-neuron kernel at every m, slope 0).
 */
public final class WidthScalingCheck extends MeasuredCheck<WidthScalingCheck.Sizes, WidthScalingCheck.Measurement> {
    public static final Criterion SIGMA_MIN_SLOPE = Criterion.claim("LAZY-7", "sigmaMinSlope");
    public static final Criterion SIGMA_MAX_SLOPE = Criterion.claim("LAZY-7", "sigmaMaxSlope");
    public static final Criterion KERNEL_ERROR_SLOPE = Criterion.claim("LAZY-7", "kernelErrorSlope");
    public static final Criterion SIGMA_MIN_NORMALIZED = Criterion.control("LAZY-7", "sigmaMinNormalizedSlope");
    public static final Criterion SIGMA_MAX_NORMALIZED = Criterion.control("LAZY-7", "sigmaMaxNormalizedSlope");
    public static final Criterion KERNEL_ERROR_SHARED_NEURON = Criterion.control("LAZY-7", "kernelErrorSharedNeuron");

    /** CLAIMS.md LAZY-7 windows. */
    static final double GROWTH_LO = 0.4, GROWTH_HI = 0.6, DECAY_LO = -0.6, DECAY_HI = -0.4;
    /** K∞ counts as positive definite when λ_min > this × λ_max (double round-off of a 10 × 10 quadrature). */
    static final double DEFINITENESS_TOLERANCE = 1e-10;
    static final Activation ACTIVATION = Activation.TANH;
    /**
     * The 60-point Gauss–Hermite rule, computed once: building it costs ~0.4 s (Hipparchus computes the nodes anew in
     * every factory), which per kernel entry was most of the check's run time.
     */
    private static final GaussIntegrator HERMITE_60 = new GaussIntegratorFactory().hermite(60);

    /** n unit-norm inputs in d, the widths, weight draws averaged per width (CLAIMS.md: ≥ 16). */
    public record Sizes(int n, int d, int[] widths, int draws) {
        public static Sizes claims() {
            return new Sizes(10, 5, new int[] {64, 128, 256, 512, 1024, 2048, 4096}, 16);
        }

        /** The CLAIMS.md sizes: the whole check takes about 0.2 s. */
        public static Sizes quick() {
            return claims();
        }

        String widthRange() {
            return widths[0] + ".." + widths[widths.length - 1];
        }
    }

    /**
     * LAZY-7's hypothesis: the limit kernel K∞ is positive definite (inputs in general position), so that σ_min(J₀)²/m
     * → λ_min(K∞) > 0; with two equal inputs K∞ is singular and σ_min does not grow.
     */
    public static boolean limitKernelPositiveDefinite(double lambdaMin, double lambdaMax) {
        return lambdaMin > DEFINITENESS_TOLERANCE * lambdaMax;
    }

    /**
     * Seeded instance: unit-norm X (n × d) from the data generator, then for each width m and draw r a random-sign
     * init (w_j iid N(0, I_d)) from its own generator.
     */
    public record Instance(long seed, DenseMatrix x, List<List<TwoLayerInit>> inits) {
        /** {@code seed}: the run's base seed; streams "LAZY-7/data" and "LAZY-7/m{m}" (draw r = index r). */
        public static Instance build(long seed, Sizes sizes) {
            SeedStream s = SeedStream.of(seed, "LAZY-7");
            DenseMatrix x = RandomMatrices.unitRows(sizes.n(), sizes.d(),
                    RandomMatrices.rng(s.child("data").seed(0)));
            List<List<TwoLayerInit>> inits = new ArrayList<>();
            for (int m : sizes.widths()) {
                List<TwoLayerInit> row = new ArrayList<>();
                SeedStream draws = s.child("m" + m);
                for (int r = 0; r < sizes.draws(); r++) {
                    RandomGenerator rng = RandomMatrices.rng(draws.seed(r));
                    row.add(TwoLayerInit.randomSign(m, sizes.d(), 1.0, rng));
                }
                inits.add(row);
            }
            return new Instance(seed, x, inits);
        }
    }

    /** One weight draw at width m: σ_min, σ_max of J₀ and of J₀/√m, and the two kernel errors. */
    public record Draw(double sigmaMin, double sigmaMax, double normalizedSigmaMin, double normalizedSigmaMax,
            double kernelError, double sharedNeuronKernelError) {
    }

    /** All draws at one width. */
    public record WidthPoint(int m, List<Draw> draws) {
        public double mean(ToDoubleFunction<Draw> q) {
            double s = 0;
            for (Draw d : draws) {
                s += q.applyAsDouble(d);
            }
            return s / draws.size();
        }
    }

    public record Measurement(Provenance provenance, Sizes sizes, double kInfLambdaMin, double kInfLambdaMax,
            List<WidthPoint> points) {
        public double[] widths() {
            double[] m = new double[points.size()];
            for (int a = 0; a < m.length; a++) {
                m[a] = points.get(a).m();
            }
            return m;
        }

        public double[] means(ToDoubleFunction<Draw> q) {
            double[] v = new double[points.size()];
            for (int a = 0; a < v.length; a++) {
                v[a] = points.get(a).mean(q);
            }
            return v;
        }

        public LineFit fit(ToDoubleFunction<Draw> q) {
            return LineFit.logLog(widths(), means(q));
        }

        public boolean hypothesisMet() {
            return limitKernelPositiveDefinite(kInfLambdaMin, kInfLambdaMax);
        }
    }

    public WidthScalingCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    WidthScalingCheck(Sizes sizes) {
        super(sizes, sizes);
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

    /** LAZY-7: K∞(x_i, x_j) = E_v[σ′(vᵀx_i)σ′(vᵀx_j)]·x_iᵀx_j. */
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
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        Instance in = Instance.build(ctx.seed(), sizes);
        Backend b = ctx.backend();
        DenseMatrix kInf = infiniteWidthKernel(in.x(), ACTIVATION);
        SymmetricEigen ek = b.eigSym(kInf);
        List<WidthPoint> points = new ArrayList<>();
        for (int a = 0; a < sizes.widths().length; a++) {
            List<Draw> draws = new ArrayList<>();
            for (TwoLayerInit init : in.inits().get(a)) {
                draws.add(measureDraw(b, in.x(), init, kInf));
            }
            points.add(new WidthPoint(sizes.widths()[a], draws));
        }
        Provenance p = Provenance.of(in.seed(), b.name(), "n", sizes.n(), "d", sizes.d(), "m", sizes.widthRange(),
                "draws", sizes.draws()).withActivation(ACTIVATION.label());
        return new Measurement(p, sizes, ek.min(), ek.max(), points);
    }

    private static Draw measureDraw(Backend b, DenseMatrix x, TwoLayerInit init, DenseMatrix kInf) {
        int m = init.signs().length;
        TwoLayerNet net = TwoLayerNet.withFixedSigns(b, x, init.signs(), ACTIVATION);
        DenseMatrix g = net.gramStructured(init.weights());
        SymmetricEigen e = b.eigSym(g);
        SymmetricEigen en = b.eigSym(g.scale(1.0 / m));            // J₀/√m: the growth normalized away
        // control: every neuron a copy of w₁ (signs kept): J₀J₀ᵀ/m is the one-neuron kernel at every m
        DenseMatrix shared = DenseMatrix.zeros(m, x.cols());
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < x.cols(); k++) {
                shared.set(j, k, init.weights().get(0, k));
            }
        }
        return new Draw(Math.sqrt(e.min()), Math.sqrt(e.max()), Math.sqrt(en.min()), Math.sqrt(en.max()),
                kernelError(b, g, m, kInf), kernelError(b, net.gramStructured(shared), m, kInf));
    }

    /** ‖G/m − K∞‖₂ of a symmetric difference: its largest |eigenvalue|. */
    static double kernelError(Backend b, DenseMatrix g, int m, DenseMatrix kInf) {
        SymmetricEigen diff = b.eigSym(g.scale(1.0 / m).plusScaled(-1, kInf));
        return Math.max(Math.abs(diff.min()), Math.abs(diff.max()));
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        out.add(slopeRow(m, SIGMA_MIN_SLOPE, "sigma_min(J0) vs m", Draw::sigmaMin, 0.5, GROWTH_LO, GROWTH_HI));
        out.add(slopeRow(m, SIGMA_MAX_SLOPE, "sigma_max(J0) vs m", Draw::sigmaMax, 0.5, GROWTH_LO, GROWTH_HI));
        out.add(slopeRow(m, KERNEL_ERROR_SLOPE, "||J0 J0^T/m - K_inf||_2 vs m", Draw::kernelError, -0.5, DECAY_LO,
                DECAY_HI));
        // controls: the same fits with what the theorem rests on removed (theory: slope 0, outside both windows)
        out.add(slopeRow(m, SIGMA_MIN_NORMALIZED, "control: sigma_min(J0/sqrt m) vs m", Draw::normalizedSigmaMin,
                0.5, GROWTH_LO, GROWTH_HI));
        out.add(slopeRow(m, SIGMA_MAX_NORMALIZED, "control: sigma_max(J0/sqrt m) vs m", Draw::normalizedSigmaMax,
                0.5, GROWTH_LO, GROWTH_HI));
        out.add(slopeRow(m, KERNEL_ERROR_SHARED_NEURON, "control: kernel error, all neurons = w_1",
                Draw::sharedNeuronKernelError, -0.5, DECAY_LO, DECAY_HI));
        return out;
    }

    private static String why(Criterion c) {
        if (c == SIGMA_MIN_NORMALIZED || c == SIGMA_MAX_NORMALIZED) {
            return "; control: J0/sqrt m removes the sqrt m growth, sigma(J0/sqrt m) -> sqrt(lambda(K_inf)) (slope 0)";
        }
        if (c == KERNEL_ERROR_SHARED_NEURON) {
            return "; control: every row of W0 equal to the draw's w_1, so J0 J0^T/m is the one-neuron kernel "
                    + "sigma'(w_1.x)sigma'(w_1.x')x.x' at every m: no average over independent neurons (slope 0)";
        }
        return "";
    }

    private static Verdict slopeRow(Measurement m, Criterion c, String check, ToDoubleFunction<Draw> q,
            double theory, double lo, double hi) {
        LineFit fit = m.fit(q);
        return Verdict.builder(c).at(m.provenance()).check(check).hypothesisMet(m.hypothesisMet())
                .observed(fit.slope()).bound(theory).slack(fit.slope() / theory).window(lo, hi)
                .measure("slopeStdErr", fit.slopeStdErr()).measure("rSquared", fit.rSquared())
                .measure("kInfLambdaMin", m.kInfLambdaMin())
                .detail("least-squares slope of log(mean over " + m.sizes().draws() + " draws) against log m: "
                        + slopeText(fit) + why(c)).build();
    }

    @Override
    public List<Figure> figures(Measurement m) {
        double[] ms = m.widths(), errs = m.means(Draw::kernelError);
        LineFit fit = m.fit(Draw::kernelError);
        double[] ref = new double[ms.length];
        for (int a = 0; a < ms.length; a++) {
            ref[a] = errs[0] * Math.sqrt(ms[0] / ms[a]);
        }
        List<Figure> figs = new ArrayList<>();
        figs.add(new Figure("LAZY-7-kernel-error", "LAZY-7: ||J0 J0^T/m - K_inf||_2 against width (mean of "
                + m.sizes().draws() + " draws)", "width m", "spectral error", true, true, List.of(
                        new Figure.Series("measured", ms, errs, false),
                        new Figure.Series("m^(-1/2) reference", ms, ref, true))));
        List<Figure.Series> sig = new ArrayList<>();
        sig.add(new Figure.Series("sigma_min(J0)", ms, m.means(Draw::sigmaMin), false));
        sig.add(new Figure.Series("sigma_max(J0)", ms, m.means(Draw::sigmaMax), false));
        figs.add(new Figure("LAZY-7-singular-values", "LAZY-7: singular values of J0 against width", "width m",
                "singular value", true, true, sig));
        figs.add(windowFigure(m));
        return figs;
    }

    /** The kernel error with the fitted line and the window's two edges drawn through the data's centre. */
    private static Figure windowFigure(Measurement m) {
        double[] ms = m.widths(), errs = m.means(Draw::kernelError), shared = m.means(Draw::sharedNeuronKernelError);
        LineFit fit = m.fit(Draw::kernelError);
        double[] fitted = new double[ms.length];
        for (int a = 0; a < ms.length; a++) {
            fitted[a] = fit.at(ms[a]);
        }
        return new Figure("LAZY-7-kernel-error-window", NumberText.format("LAZY-7: kernel error, fitted slope %.3f "
                + "+- %.3f, window [%.1f, %.1f]; control with all neurons = w_1", fit.slope(), fit.slopeStdErr(),
                DECAY_LO, DECAY_HI), "width m", "||J0 J0^T/m - K_inf||_2 (mean over draws)", true, true, List.of(
                        new Figure.Series("measured", ms, errs, false),
                        new Figure.Series("fitted line", ms, fitted, true),
                        new Figure.Series("window edge m^-0.6", ms, LineFit.referenceLine(ms, errs, DECAY_LO), true),
                        new Figure.Series("window edge m^-0.4", ms, LineFit.referenceLine(ms, errs, DECAY_HI), true),
                        new Figure.Series("control: all neurons = w_1", ms, shared, false)));
    }

    static String slopeText(LineFit f) {
        return NumberText.format("%.3f +- %.3f (R^2 %.4f)", f.slope(), f.slopeStdErr(), f.rSquared());
    }
}
