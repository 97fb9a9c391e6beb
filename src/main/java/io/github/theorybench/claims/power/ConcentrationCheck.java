package io.github.theorybench.claims.power;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.Quantiles;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * PWR-3 (002, "Z = 𝒜*𝒜(XXᵀ) = (1/n) Σ⟨A_i, XXᵀ⟩A_i ≈ XXᵀ"): the relative spectral error ‖Z − XXᵀ‖₂/‖XXᵀ‖₂ falls
 * like n^{−1/2}: log-log slope in [−0.6, −0.4] over n = 250 … 8000 (one independent instance per n: d = 30, r* = 2,
 * XXᵀ eigenvalues 1, 0.8, symmetric Gaussian measurements). Control: the same statistic and fit for the estimator with
 * 𝒜's 1/√n removed, Z̃ = (1/√n) Σ⟨A_i, XXᵀ⟩A_i = √n·Z, whose mean is √n·XXᵀ: its error grows like n^{+1/2}.
 */
public final class ConcentrationCheck extends MeasuredCheck<ConcentrationCheck.Sizes, ConcentrationCheck.Measurement> {
    public static final Criterion CONCENTRATION_SLOPE = Criterion.claim("PWR-3", "concentrationSlope");
    public static final Criterion UNNORMALIZED_SLOPE = Criterion.control("PWR-3", "concentrationSlopeUnnormalized");

    static final int R_STAR = 2;
    /** CLAIMS.md PWR-3: slope in [−0.6, −0.4]. */
    static final double SLOPE_LOW = -0.6;
    static final double SLOPE_HIGH = -0.4;

    /** Dimension d; sample sizes n = nMin·2^k, k = 0 … doublings. */
    public record Sizes(int d, int nMin, int doublings) {
        /** CLAIMS.md PWR-3 calibration: n = 250 … 8000. */
        public static Sizes claims() {
            return new Sizes(30, 250, 5);
        }

        public static Sizes quick() {
            return new Sizes(30, 250, 3);
        }

        int[] ns() {
            int[] ns = new int[doublings + 1];
            for (int k = 0; k <= doublings; k++) {
                ns[k] = nMin << k;
            }
            return ns;
        }
    }

    /**
     * @param provenance base seed and sizes
     * @param d dimension
     * @param ns the sample sizes
     * @param seeds the instance seed of each n
     * @param error ‖Z − XXᵀ‖₂/‖XXᵀ‖₂ at each n
     * @param unnormalizedError ‖√n·Z − XXᵀ‖₂/‖XXᵀ‖₂ at each n (control)
     * @param fit log-log fit of {@code error} against n
     * @param unnormalizedFit the same fit of {@code unnormalizedError}
     */
    record Measurement(Provenance provenance, int d, int[] ns, long[] seeds, double[] error,
            double[] unnormalizedError, LineFit fit, LineFit unnormalizedFit) {
        /** err·sqrt(n/d) at index k (CLAIMS.md calibration: 1.4–1.6). */
        double scaledError(int k) {
            return error[k] * Math.sqrt(ns[k] / (double) d);
        }

        double[] scaledErrors() {
            double[] s = new double[ns.length];
            for (int k = 0; k < ns.length; k++) {
                s[k] = scaledError(k);
            }
            return s;
        }
    }

    public ConcentrationCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    ConcentrationCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("PWR-3");
    }

    /** ‖A − XXᵀ‖₂/‖XXᵀ‖₂ for symmetric A. */
    static double relativeSpectralError(Backend b, DenseMatrix a, SymmetricSensingInstance inst) {
        SymmetricEigen diff = b.eigSym(a.plusScaled(-1, inst.target()));
        return Math.max(Math.abs(diff.min()), Math.abs(diff.max())) / inst.targetEigen().max();
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        Backend b = ctx.backend();
        int[] ns = sizes.ns();
        double[] x = new double[ns.length], err = new double[ns.length], raw = new double[ns.length];
        long[] seeds = new long[ns.length];
        for (int k = 0; k < ns.length; k++) {
            seeds[k] = SeedStream.of(ctx.seed(), "PWR-3").seed(k);
            SymmetricSensingInstance inst = SymmetricSensingInstance.build(b, seeds[k], RandomMatrices.rng(seeds[k]),
                    sizes.d(), ns[k], SpectralInstance.EIGENVALUES);
            err[k] = relativeSpectralError(b, inst.z(), inst);
            raw[k] = relativeSpectralError(b, inst.z().scale(Math.sqrt(ns[k])), inst);   // 𝒜 without its 1/√n
            x[k] = ns[k];
        }
        Provenance prov = Provenance.of(ctx.seed(), b.name(), "d", sizes.d(), "rStar", R_STAR, "n",
                ns[0] + ".." + ns[ns.length - 1]);
        return new Measurement(prov, sizes.d(), ns, seeds, err, raw, LineFit.logLog(x, err), LineFit.logLog(x, raw));
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        int last = m.ns().length - 1;
        boolean normalized = true;
        for (int n : m.ns()) {
            normalized &= PowerHypotheses.normalizedEstimator(1.0, n, m.d());
        }
        double slope = m.fit().slope(), raw = m.unnormalizedFit().slope();
        return List.of(Verdict.builder(CONCENTRATION_SLOPE).at(m.provenance())
                        .check("||Z - XX^T||_2/||XX^T||_2 against n").observed(slope).bound(-0.5).slack(slope / -0.5)
                        .window(SLOPE_LOW, SLOPE_HIGH).hypothesisMet(normalized)
                        .measure("slopeStdErr", m.fit().slopeStdErr())
                        .measure("errTimesSqrtNOverDFirst", m.scaledError(0))
                        .measure("errTimesSqrtNOverDLast", m.scaledError(last))
                        .measure("errTimesSqrtNOverDMedian", Quantiles.median(m.scaledErrors()))
                        .detail(NumberText.format("one instance per n (stream PWR-3); err sqrt(n/d) = %.2f .. %.2f "
                                + "(calibrated 1.4-1.6 at d in {20, 50})", min(m.scaledErrors()),
                                max(m.scaledErrors()))).build(),
                Verdict.builder(UNNORMALIZED_SLOPE).at(m.provenance())
                        .check("control: the same fit for sqrt(n) Z (the 1/sqrt(n) of A removed)").observed(raw)
                        .bound(-0.5).slack(raw / -0.5).window(SLOPE_LOW, SLOPE_HIGH)
                        .hypothesisMet(PowerHypotheses.normalizedEstimator(Math.sqrt(m.ns()[0]), m.ns()[0], m.d()))
                        .detail("E[sqrt(n) Z] = sqrt(n) XX^T: without the normalization the estimator does not "
                                + "concentrate on XX^T and its error grows like n^(+1/2)").build());
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Override
    public List<Figure> figures(Measurement m) {
        int[] ns = m.ns();
        double[] x = new double[ns.length];
        for (int k = 0; k < ns.length; k++) {
            x[k] = ns[k];
        }
        List<Figure.Series> series = new ArrayList<>();
        series.add(new Figure.Series("||Z - XX'|| / ||XX'||", x, m.error(), false));
        series.add(new Figure.Series("n^(-1/2) reference", x, LineFit.referenceLine(x, m.error(), -0.5), true));
        series.add(new Figure.Series("control: ||sqrt(n) Z - XX'|| / ||XX'||", x, m.unnormalizedError(), false));
        return List.of(new Figure("PWR-3-concentration", "PWR-3: relative spectral error of Z against the number of "
                + "measurements n (d = " + m.d() + ")", "n (measurements)", "relative spectral error", true, true,
                series));
    }
}
