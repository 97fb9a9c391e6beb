package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.Quantiles;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * LAZY-12 (CLAIMS.md second wave; 001: "the assumption α ≥ β sqrt(1152 σ_max² R̂₀)/σ_min³ actually means that the
 * model is sufficiently wide"): under the random-sign init R₀ = ½‖αf(W₀) − y‖² = Θ(α²mn), so α*(α)/α does not depend
 * on α (for α‖f(W₀)‖ ≫ ‖y‖) and falls like m^{−1/2}; the hypothesis α ≥ α* is met only past the width where the
 * median α* / α reaches 1 — extrapolated, ~1e9 at n = 10 ({@link AlphaStarWidths}).
 * <ul>
 * <li>α-independence: max |α*(α)/α ÷ α*(α_ref)/α_ref − 1| ≤ 1e−3 over the instances where both α satisfy
 * ‖y‖ ≤ 4e−4·α‖f(W₀)‖ (outside that, reported as exploratory); control: the antisymmetric init, where f(W₀) = 0,
 * α* is α-free and α* / α falls like 1/α.</li>
 * <li>width slope: the log-log slope of the median over seeds of α* / α (at α_ref) in m, in [−0.6, −0.4]; control:
 * the antisymmetric init, where α* ∝ σ_max/σ_min³ ∝ m^{−1}.</li>
 * <li>the notes' reading, "α ≥ α* means sufficiently wide": the median α* / α at the largest width against 1 — violated,
 * a finding about the notes (an erratum); its control runs the other way: with f(W₀) = 0 the same check holds.</li>
 * </ul>
 */
public final class AlphaStarWidthCheck extends MeasuredCheck<AlphaStarWidthCheck.Sizes, AlphaStarWidths> {
    public static final Criterion ALPHA_INDEPENDENCE = Criterion.claim("LAZY-12", "alphaIndependence");
    public static final Criterion ALPHA_INDEPENDENCE_OUTSIDE_REGIME =
            Criterion.exploratory("LAZY-12", "alphaIndependenceOutsideRegime");
    public static final Criterion ALPHA_INDEPENDENCE_ANTISYMMETRIC =
            Criterion.control("LAZY-12", "alphaIndependenceAntisymmetric");
    public static final Criterion WIDTH_SLOPE = Criterion.claim("LAZY-12", "widthSlope");
    public static final Criterion WIDTH_SLOPE_ANTISYMMETRIC = Criterion.control("LAZY-12", "widthSlopeAntisymmetric");
    public static final Criterion HYPOTHESIS_AT_LARGEST_WIDTH = Criterion.claim("LAZY-12", "hypothesisAtLargestWidth");
    public static final Criterion HYPOTHESIS_AT_LARGEST_WIDTH_ANTISYMMETRIC =
            Criterion.control("LAZY-12", "hypothesisAtLargestWidthAntisymmetric");

    /** CLAIMS.md LAZY-12: α* / α independent of α to 1e−3. */
    static final double ALPHA_INDEPENDENCE_TOLERANCE = 1e-3;
    /** CLAIMS.md LAZY-12: slope of the medians in [−0.6, −0.4]. */
    static final double SLOPE_LOW = -0.6, SLOPE_HIGH = -0.4;
    /** Theorem 8.1's hypothesis α ≥ α*, i.e. α* / α ≤ 1. */
    static final double HYPOTHESIS_RATIO = 1.0;

    /** n points in d dimensions; the widths m (ascending); the α grid (ascending, the last is α_ref); seeds. */
    public record Sizes(int n, int d, List<Integer> widths, List<Double> alphas, int seeds) {
        /**
         * CLAIMS.md LAZY-12: n = 10 unit points, d = 5, tanh, α ∈ {10, 100, 1000}, widths 400 … 25600 (doubling);
         * 40 seeds (10 give the slope of the medians inside the window in only 67% of seed blocks; 40 in 95%).
         */
        public static Sizes claims() {
            return new Sizes(10, 5, List.of(400, 800, 1600, 3200, 6400, 12800, 25600), List.of(10.0, 100.0, 1000.0),
                    40);
        }

        public static Sizes quick() {
            return new Sizes(10, 5, List.of(400, 1600, 6400, 25600), List.of(10.0, 100.0, 1000.0), 20);
        }
    }

    public AlphaStarWidthCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    AlphaStarWidthCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("LAZY-12");
    }

    @Override
    public AlphaStarWidths measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "LAZY-12");
        List<AlphaStarWidths.Point> rs = new ArrayList<>(), as = new ArrayList<>();
        for (int s = 0; s < sizes.seeds(); s++) {
            long seed = seeds.seed(s);
            for (int m : sizes.widths()) {
                rs.add(AlphaStarWidths.Point.of(LazyInstance.build(ctx.backend(), seed, sizes.n(), sizes.d(), m,
                        Activation.TANH, LazyInstance.Init.RANDOM_SIGN), sizes.alphas()));
                as.add(AlphaStarWidths.Point.of(LazyInstance.build(ctx.backend(), seed, sizes.n(), sizes.d(), m,
                        Activation.TANH, LazyInstance.Init.ANTISYMMETRIC), sizes.alphas()));
            }
        }
        ctx.progress(NumberText.format("LAZY-12: %d seeds x %d widths x 2 inits", sizes.seeds(),
                sizes.widths().size()));
        Provenance p = Provenance.of(seeds.seed(0), ctx.backend().name(), "n", sizes.n(), "d", sizes.d(), "m",
                sizes.widths().get(0) + ".." + sizes.widths().get(sizes.widths().size() - 1), "seeds", sizes.seeds())
                .withActivation(Activation.TANH.label());
        return new AlphaStarWidths(p, sizes.alphas(), sizes.widths(), rs, as);
    }

    /** The largest |ratio(α)/ratio(α_ref) − 1| over the points and the α whose pair passes {@code include}. */
    record Dependence(double maxDeviation, int pairs) {
        static Dependence of(AlphaStarWidths w, List<AlphaStarWidths.Point> ps,
                BiPredicate<AlphaStarWidths.Point, Integer> include) {
            double worst = 0;
            int pairs = 0;
            int ref = w.reference();
            for (AlphaStarWidths.Point p : ps) {
                for (int k = 0; k < ref; k++) {
                    if (include.test(p, k)) {
                        worst = Math.max(worst, Math.abs(p.ratio()[k] / p.ratio()[ref] - 1));
                        pairs++;
                    }
                }
            }
            return new Dependence(worst, pairs);
        }
    }

    /** Both ends of the pair (α_k, α_ref) inside LAZY-12's regime α‖f(W₀)‖ ≫ ‖y‖. */
    static boolean inRegime(AlphaStarWidths w, AlphaStarWidths.Point p, int k) {
        return p.dominant(w.alphas().get(k)) && p.dominant(w.alphas().get(w.reference()));
    }

    @Override
    public List<Verdict> verdicts(AlphaStarWidths w) {
        Dependence in = Dependence.of(w, w.randomSign(), (p, k) -> inRegime(w, p, k));
        Dependence out = Dependence.of(w, w.randomSign(), (p, k) -> !inRegime(w, p, k));
        Dependence anti = Dependence.of(w, w.antisymmetric(), (p, k) -> true);
        boolean antiHyp = w.antisymmetric().stream().anyMatch(p -> p.dominant(w.alphas().get(w.reference())));
        List<Verdict> v = new ArrayList<>();
        v.add(dependence(ALPHA_INDEPENDENCE, w, in, in.pairs() > 0).check("alpha*/alpha independent of alpha "
                + "(random signs, alpha ||f(W0)|| >> ||y||)").build());
        if (out.pairs() > 0) {
            v.add(dependence(ALPHA_INDEPENDENCE_OUTSIDE_REGIME, w, out, false).check("alpha*/alpha against alpha "
                    + "where alpha ||f(W0)|| >> ||y|| fails (random signs)").build());
        }
        v.add(dependence(ALPHA_INDEPENDENCE_ANTISYMMETRIC, w, anti, antiHyp).check("control: alpha*/alpha against "
                + "alpha, antisymmetric init (f(W0) = 0)").build());
        boolean slopeHyp = w.randomSign().stream().allMatch(p -> p.dominant(w.alphas().get(w.reference())));
        v.add(slope(WIDTH_SLOPE, w, w.randomSign(), slopeHyp).check("alpha*/alpha against width m, slope of the "
                + "medians (random signs)").build());
        v.add(slope(WIDTH_SLOPE_ANTISYMMETRIC, w, w.antisymmetric(), antiHyp).check("control: slope in m, "
                + "antisymmetric init").build());
        v.add(atLargestWidth(HYPOTHESIS_AT_LARGEST_WIDTH, w, w.randomSign(), true)
                .check("notes' reading: alpha >= alpha* at the largest width (random signs)")
                .finding(finding(w)).build());
        v.add(atLargestWidth(HYPOTHESIS_AT_LARGEST_WIDTH_ANTISYMMETRIC, w, w.antisymmetric(), true)
                .controlExpectsHolds().check("control: alpha >= alpha* at the largest width, antisymmetric init")
                .detail("with f(W0) = 0, alpha* does not grow with alpha: the same check must report holds").build());
        return v;
    }

    /** The one α-dependence rule: max |ratio(α)/ratio(α_ref) − 1| ≤ 1e−3. */
    static Verdict.Builder dependence(Criterion c, AlphaStarWidths w, Dependence d, boolean hypothesis) {
        return Verdict.builder(c).at(w.provenance()).hypothesisMet(hypothesis).observed(d.maxDeviation())
                .bound(ALPHA_INDEPENDENCE_TOLERANCE).measure("pairs", d.pairs())
                .measure("alphaRef", w.alphas().get(w.reference()))
                .detail(NumberText.format("max over %d (instance, alpha) pairs of |(alpha*/alpha)(alpha) / "
                        + "(alpha*/alpha)(%.0f) - 1|", d.pairs(), w.alphas().get(w.reference())));
    }

    /** The one width rule: the slope of log median α* / α (at α_ref) against log m in [−0.6, −0.4]. */
    static Verdict.Builder slope(Criterion c, AlphaStarWidths w, List<AlphaStarWidths.Point> ps, boolean hypothesis) {
        double[] med = w.medians(ps);
        LineFit fit = LineFit.logLog(w.widthArray(), med);
        double[] perSeed = perSeedSlopes(w, ps);
        Verdict.Builder b = Verdict.builder(c);
        for (int i = 0; i < med.length; i++) {
            b.measure("medianM" + w.widths().get(i), med[i]);
        }
        return b.at(w.provenance()).hypothesisMet(hypothesis).observed(fit.slope()).bound(-0.5)
                .window(SLOPE_LOW, SLOPE_HIGH).measure("slopeStdErr", fit.slopeStdErr())
                .measure("rSquared", fit.rSquared()).measure("perSeedSlopeMin", Quantiles.of(perSeed, 0))
                .measure("perSeedSlopeMax", Quantiles.of(perSeed, 1))
                .detail(NumberText.format("slope of the medians over %d seeds = %.3f (se %.3f); per-seed slopes "
                        + "%.2f to %.2f", perSeed.length, fit.slope(), fit.slopeStdErr(), Quantiles.of(perSeed, 0),
                        Quantiles.of(perSeed, 1)));
    }

    /** Per seed, the log-log slope of α* / α (at α_ref) in m. */
    static double[] perSeedSlopes(AlphaStarWidths w, List<AlphaStarWidths.Point> ps) {
        int k = w.widths().size();
        double[] out = new double[ps.size() / k];
        for (int s = 0; s < out.length; s++) {
            double[] r = new double[k];
            for (int i = 0; i < k; i++) {
                r[i] = ps.get(s * k + i).ratio()[w.reference()];
            }
            out[s] = LineFit.logLog(w.widthArray(), r).slope();
        }
        return out;
    }

    /**
     * Theorem 8.1's hypothesis at the largest width: the median α* / α (at α_ref) against 1; with the width where the
     * fitted medians reach 1, and the width from the theory's m^{−1/2} through the largest width's median.
     */
    static Verdict.Builder atLargestWidth(Criterion c, AlphaStarWidths w, List<AlphaStarWidths.Point> ps,
            boolean hypothesis) {
        double[] med = w.medians(ps);
        double last = med[med.length - 1];
        int mMax = w.widths().get(w.widths().size() - 1);
        return Verdict.builder(c).at(w.provenance()).hypothesisMet(hypothesis).observed(last).bound(HYPOTHESIS_RATIO)
                .measure("largestWidth", mMax).measure("extrapolatedWidth", extrapolatedWidth(w, ps))
                .measure("extrapolatedWidthHalfPower", mMax * last * last)
                .detail(NumberText.format("median alpha*/alpha at m = %d: %.4g; the fitted medians reach 1 at m = "
                        + "%.3g (m^-1/2 through m = %d: %.3g)", mMax, last, extrapolatedWidth(w, ps), mMax,
                        mMax * last * last));
    }

    /** The width where the log-log fit of the medians reaches α* / α = 1: exp(−intercept/slope). */
    static double extrapolatedWidth(AlphaStarWidths w, List<AlphaStarWidths.Point> ps) {
        LineFit fit = LineFit.logLog(w.widthArray(), w.medians(ps));
        return Math.exp(-fit.intercept() / fit.slope());
    }

    static String finding(AlphaStarWidths w) {
        double[] med = w.medians(w.randomSign());
        return NumberText.format("Under the random-sign init the notes use (s_j uniform +-1), R0 = 1/2 ||alpha f(W0) - "
                + "y||^2 = Theta(alpha^2 m n), so alpha* grows in proportion to alpha: alpha*/alpha does not depend on "
                + "alpha and falls only like m^-1/2 (median %.4g at m = %d, %.4g at m = %d). It reaches 1, i.e. "
                + "alpha >= alpha* becomes possible, only at m ~ %.2g (log-log fit of the medians, extrapolated) "
                + "for n = %s points: 'sufficiently wide' means ~1e9 neurons, not a width comparable with the data. "
                + "With f(W0) = 0 (antisymmetric init) alpha* is alpha-free and alpha >= alpha* is met by scaling "
                + "alpha (control).", med[0], w.widths().get(0), med[med.length - 1],
                w.widths().get(w.widths().size() - 1), extrapolatedWidth(w, w.randomSign()),
                w.provenance().sizes().get("n"));
    }

    @Override
    public List<Table> tables(AlphaStarWidths w) {
        List<List<String>> rows = new ArrayList<>();
        double[] anti = w.medians(w.antisymmetric());
        for (int i = 0; i < w.widths().size(); i++) {
            int m = w.widths().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(m)));
            for (int k = 0; k < w.alphas().size(); k++) {
                int kk = k;
                row.add(NumberText.sig(Quantiles.median(w.randomSign().stream().filter(p -> p.m() == m)
                        .mapToDouble(p -> p.ratio()[kk]).toArray()), 5));
            }
            double[] at = w.atWidth(w.randomSign(), m);
            row.add(NumberText.sig3(Quantiles.of(at, 0)) + " .. " + NumberText.sig3(Quantiles.of(at, 1)));
            row.add(NumberText.sig3(anti[i]));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("m"));
        w.alphas().forEach(a -> header.add(NumberText.format("median alpha*/alpha, alpha = %.0f", a)));
        header.add("seeds' range at alpha_ref");
        header.add("antisymmetric (control), alpha_ref");
        return List.of(new Table("LAZY-12-alpha-star-width", "LAZY-12: alpha*/alpha under random signs, by width and "
                + "alpha (n = " + w.provenance().sizes().get("n") + ", " + w.randomSign().size() / w.widths().size()
                + " seeds)", header, rows, NumberText.format("Slope of the medians in m: %.3f (window [-0.6, -0.4]); "
                + "extrapolated width where alpha*/alpha = 1: %.3g.", LineFit.logLog(w.widthArray(),
                        w.medians(w.randomSign())).slope(), extrapolatedWidth(w, w.randomSign()))));
    }

    @Override
    public List<Figure> figures(AlphaStarWidths w) {
        double[] m = w.widthArray();
        double[] med = w.medians(w.randomSign());
        double[] lo = new double[m.length], hi = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double[] at = w.atWidth(w.randomSign(), w.widths().get(i));
            lo[i] = Quantiles.of(at, 0);
            hi[i] = Quantiles.of(at, 1);
        }
        double mOne = extrapolatedWidth(w, w.randomSign());
        LineFit fit = LineFit.logLog(m, med);
        String random = "random signs: median over seeds";
        return List.of(new Figure("LAZY-12-alpha-star-vs-width", "LAZY-12: alpha*/alpha against width m (alpha = "
                + NumberText.format("%.0f", w.alphas().get(w.reference())) + ")", "width m (neurons)",
                "alpha* / alpha (hypothesis of Theorem 8.1: <= 1)", true, true, List.of(
                        new Figure.Series(random, m, med, false),
                        Figure.Series.band("seeds' minimum", random, m, lo),
                        Figure.Series.band("seeds' maximum", random, m, hi),
                        new Figure.Series("fit extrapolated to alpha*/alpha = 1", new double[] {m[0], mOne},
                                new double[] {fit.at(m[0]), fit.at(mOne)}, true),
                        new Figure.Series("slope -1/2 through the medians", m, LineFit.referenceLine(m, med, -0.5),
                                true),
                        new Figure.Series("antisymmetric init (control): median", m, w.medians(w.antisymmetric()),
                                false))));
    }
}
