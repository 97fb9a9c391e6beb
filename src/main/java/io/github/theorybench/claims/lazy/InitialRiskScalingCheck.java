package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.random.RandomGenerator;

/**
 * LAZY-8 (001: R₀ = Θ(α²mn) for random-sign init): R₀/(α² m n) with R₀ = ½‖αf(W₀) − y‖² stays in one band of
 * ratio ≤ 4 over α ∈ {10, 100, 1000}, m ∈ {64, 512, 4096}, n ∈ {16, 64, 256} (mean over 10 seeds each; d = 5, tanh,
 * unit-norm inputs, y_i ~ N(0, 1)). Reported beside the Gaussian-width prediction E[σ(vᵀx)²]/2 for ‖x‖ = 1.
 */
public final class InitialRiskScalingCheck
        extends MeasuredCheck<InitialRiskScalingCheck.Sizes, InitialRiskScalingCheck.Measurement> {
    public static final Criterion BAND = Criterion.claim("LAZY-8", "normalizedRiskBand");
    public static final Criterion ANTISYMMETRIC_BAND = Criterion.control("LAZY-8", "antisymmetricInitBand");

    /** CLAIMS.md LAZY-8: the band of the means may span at most this ratio. */
    static final double BAND_RATIO_MAX = 4.0;
    static final Activation ACTIVATION = Activation.TANH;

    /** The grid (each array ascending), input dimension and seeds averaged per cell. */
    public record Sizes(double[] alphas, int[] widths, int[] ns, int d, int seeds) {
        /**
         * CLAIMS.md: α ∈ [10, 1000], m ∈ [64, 4096], n ∈ [16, 256], ≥ 5 seeds, d = 5. 10 seeds per cell (Trust rule
         * 3): with 5 the band exceeded 4 on 1 of 6 seed blocks here (4.99 at base seed 2) and on 4 of 40 in an
         * independent NumPy run of the same setup, because one seed's ‖f(W₀)‖²/(mn) is close to a weighted χ² with
         * about d = 5 degrees of freedom (K(x, x') is dominated by its rank-d linear part), whatever n; with 10 seeds the
         * 95th percentile of the band is 2.4 (300 NumPy blocks).
         */
        public static Sizes claims() {
            return new Sizes(new double[] {10, 100, 1000}, new int[] {64, 512, 4096}, new int[] {16, 64, 256}, 5, 10);
        }

        public static Sizes quick() {
            return claims();
        }
    }

    /**
     * LAZY-8's hypothesis: random-sign init — signs ±1 and no antisymmetric pairing (w_{j+m/2} = w_j with
     * s_{j+m/2} = −s_j for every j), under which f(W₀) = 0 and R₀ = ½‖y‖² for every α.
     */
    public static boolean randomSignInit(TwoLayerInit init) {
        double[] s = init.signs();
        for (double v : s) {
            if (Math.abs(v) != 1.0) {
                return false;
            }
        }
        int m = s.length;
        if (m % 2 != 0) {
            return true;
        }
        DenseMatrix w = init.weights();
        for (int j = 0; j < m / 2; j++) {
            if (s[j + m / 2] != -s[j]) {
                return true;
            }
            for (int k = 0; k < w.cols(); k++) {
                if (w.get(j, k) != w.get(j + m / 2, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One seeded cell instance, drawn in this order: unit-norm X (n × d), y ~ N(0, I_n), a random-sign init of width
     * m, and the control's antisymmetric init of width m.
     */
    public record Instance(long seed, DenseMatrix x, double[] y, TwoLayerInit init, TwoLayerInit antisymmetric) {
        public static Instance build(long seed, int n, int m, int d) {
            RandomGenerator rng = RandomMatrices.rng(seed);
            DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
            double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
            TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
            return new Instance(seed, x, y, init, TwoLayerInit.antisymmetric(m, d, 1.0, rng));
        }
    }

    /**
     * R₀/(α² m n) of every seed at one (n, m, α): under the random-sign init (the claim) and the antisymmetric one
     * (the control, f(W₀) = 0 so R₀ = ½‖y‖²).
     */
    public record Cell(int n, int m, double alpha, double[] ratios, double[] antisymmetricRatios,
            boolean hypothesisMet) {
        public double mean() {
            return meanOf(ratios);
        }

        public double antisymmetricMean() {
            return meanOf(antisymmetricRatios);
        }
    }

    static double meanOf(double[] v) {
        double s = 0;
        for (double r : v) {
            s += r;
        }
        return s / v.length;
    }

    public record Measurement(Provenance provenance, Sizes sizes, List<Cell> cells, double gaussianPrediction) {
        public double bandLow() {
            return cells.stream().mapToDouble(Cell::mean).min().orElse(Double.NaN);
        }

        public double bandHigh() {
            return cells.stream().mapToDouble(Cell::mean).max().orElse(Double.NaN);
        }

        /** max/min of the cell means under the antisymmetric init (the control). */
        public double antisymmetricBand() {
            return cells.stream().mapToDouble(Cell::antisymmetricMean).max().orElse(Double.NaN)
                    / cells.stream().mapToDouble(Cell::antisymmetricMean).min().orElse(Double.NaN);
        }

        /** max/min over single seeds (CLAIMS.md: ~23, why the claim averages ≥ 5 seeds). */
        public double singleSeedBand() {
            double lo = Double.POSITIVE_INFINITY, hi = 0;
            for (Cell c : cells) {
                for (double r : c.ratios()) {
                    lo = Math.min(lo, r);
                    hi = Math.max(hi, r);
                }
            }
            return hi / lo;
        }

        public boolean hypothesisMet() {
            return cells.stream().allMatch(Cell::hypothesisMet);
        }
    }

    public InitialRiskScalingCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    InitialRiskScalingCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("LAZY-8");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        List<Cell> cells = new ArrayList<>();
        for (int n : sizes.ns()) {
            for (int m : sizes.widths()) {
                double[][] ratios = new double[sizes.alphas().length][sizes.seeds()];
                double[][] anti = new double[sizes.alphas().length][sizes.seeds()];
                boolean hyp = true;
                SeedStream cell = SeedStream.of(ctx.seed(), "LAZY-8").child("n" + n + "/m" + m);
                for (int s = 0; s < sizes.seeds(); s++) {
                    Instance in = Instance.build(cell.seed(s), n, m, sizes.d());
                    hyp &= randomSignInit(in.init());
                    double[] r = normalizedRisks(ctx.backend(), in.x(), in.y(), in.init(), sizes.alphas());
                    double[] c = normalizedRisks(ctx.backend(), in.x(), in.y(), in.antisymmetric(), sizes.alphas());
                    for (int a = 0; a < r.length; a++) {
                        ratios[a][s] = r[a];
                        anti[a][s] = c[a];
                    }
                }
                for (int a = 0; a < sizes.alphas().length; a++) {
                    cells.add(new Cell(n, m, sizes.alphas()[a], ratios[a], anti[a], hyp));
                }
            }
        }
        Provenance p = Provenance.of(ctx.seed(), ctx.backend().name(), "n", sizes.ns()[0] + ".."
                + sizes.ns()[sizes.ns().length - 1], "m", sizes.widths()[0] + ".."
                + sizes.widths()[sizes.widths().length - 1], "d", sizes.d(), "seeds", sizes.seeds())
                .withActivation(ACTIVATION.label());
        return new Measurement(p, sizes, cells, gaussianPrediction());
    }

    /** LAZY-8: R₀/(α² m n), R₀ = ½‖αf(W₀) − y‖², at every α (f computed once). */
    static double[] normalizedRisks(Backend b, DenseMatrix x, double[] y, TwoLayerInit init, double[] alphas) {
        double[] f = TwoLayerNet.withFixedSigns(b, x, init.signs(), ACTIVATION).predictions(init.weights());
        int n = y.length, m = init.signs().length;
        double[] out = new double[alphas.length];
        for (int a = 0; a < alphas.length; a++) {
            double alpha = alphas[a], r0 = 0;
            for (int i = 0; i < n; i++) {
                r0 += 0.5 * Math.pow(alpha * f[i] - y[i], 2);
            }
            out[a] = r0 / (alpha * alpha * m * n);
        }
        return out;
    }

    /** E[tanh(z)²]/2, z ~ N(0, 1): the limit of R₀/(α² m n) as α → ∞ (f(x) is a sum of m iid ±σ(w_jᵀx)). */
    static double gaussianPrediction() {
        GaussIntegrator gh = new GaussIntegratorFactory().hermite(80);
        double e2 = 0;
        for (int i = 0; i < gh.getNumberOfPoints(); i++) {
            e2 += gh.getWeight(i) * Math.pow(Math.tanh(Math.sqrt(2) * gh.getPoint(i)), 2);
        }
        return e2 / Math.sqrt(Math.PI) / 2;
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        double lo = m.bandLow(), hi = m.bandHigh();
        Verdict claim = Verdict.builder(BAND).at(m.provenance()).check("band of R0/(alpha^2 m n) over alpha, m, n")
                .hypothesisMet(m.hypothesisMet()).observed(hi / lo).bound(BAND_RATIO_MAX).measure("bandLow", lo)
                .measure("bandHigh", hi).measure("gaussianPrediction", m.gaussianPrediction())
                .measure("singleSeedBand", m.singleSeedBand())
                .detail(NumberText.format("means over %d seeds lie in [%.4f, %.4f] (band ratio %.2f, calibrated 1.8); "
                        + "Gaussian-width prediction E[sigma(v.x)^2]/2 = %.4f; single seeds span a band of %.1f",
                        m.sizes().seeds(), lo, hi, hi / lo, m.gaussianPrediction(), m.singleSeedBand())).build();
        // control: antisymmetric init, f(W0) = 0, so R0 = |y|^2/2 does not grow with alpha^2 m: the same band ratio
        // spans about (alpha_max/alpha_min)^2 (m_max/m_min) and must exceed 4
        Verdict control = Verdict.builder(ANTISYMMETRIC_BAND).at(m.provenance())
                .check("control: the same band under antisymmetric init (f(W0) = 0)").hypothesisMet(false)
                .observed(m.antisymmetricBand()).bound(BAND_RATIO_MAX)
                .detail(NumberText.format("antisymmetric init: R0 = |y|^2/2 for every alpha, so R0/(alpha^2 m n) "
                        + "falls like 1/(alpha^2 m): band ratio %.3g over the same grid", m.antisymmetricBand()))
                .build();
        return List.of(claim, control);
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : m.cells()) {
            rows.add(List.of(Integer.toString(c.n()), Integer.toString(c.m()), NumberText.fixed(c.alpha(), 0),
                    NumberText.fixed(c.mean(), 4)));
        }
        return List.of(new Table("LAZY-8-band", "LAZY-8: mean R0/(alpha^2 m n) over " + m.sizes().seeds() + " seeds",
                List.of("n", "m", "alpha", "R0/(alpha^2 m n)"), rows,
                NumberText.format("Gaussian-width prediction %.4f", m.gaussianPrediction())));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<Figure.Series> series = new ArrayList<>();
        double[] alphas = m.sizes().alphas();
        for (int n : m.sizes().ns()) {
            for (int w : m.sizes().widths()) {
                double[] y = m.cells().stream().filter(c -> c.n() == n && c.m() == w).mapToDouble(Cell::mean)
                        .toArray();
                series.add(new Figure.Series("n = " + n + ", m = " + w, alphas, y, false));
            }
        }
        double lo = m.bandLow();
        series.add(new Figure.Series("band floor (lowest mean)", alphas, constant(alphas.length, lo), true));
        series.add(new Figure.Series("allowed ceiling (4 x floor)", alphas, constant(alphas.length, 4 * lo), true));
        series.add(new Figure.Series("Gaussian-width prediction", alphas, constant(alphas.length,
                m.gaussianPrediction()), true));
        return List.of(new Figure("LAZY-8-band", "LAZY-8: mean R0/(alpha^2 m n) over " + m.sizes().seeds()
                + " seeds per cell, with the allowed band", "alpha", "R0/(alpha^2 m n)", true, true, series));
    }

    private static double[] constant(int k, double v) {
        double[] out = new double[k];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
