package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Erratum;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.HermiteExpansion;
import java.util.ArrayList;
import java.util.List;

/**
 * DLS-6 (CLAIMS.md; 002, "Very brief proof sketch": f(x) = Σ_{t=1}^{+∞} ⟨E[f(x)S_t(x)], S_t(x)⟩ "= by Stein"
 * Σ_{t≥1} ⟨E[f^{(t)}(x)], S_t(x)⟩). With the multivariate Hermite tensors S_t (S_1 = x, S_2 = xxᵀ − I, …) the
 * expansion is f = Σ_{t≥0} (1/t!)⟨E[∇^t f], S_t⟩: the printed form drops 1/t! and the t = 0 term (for f = x² it
 * gives 2x² − 2). On polynomials of degree ≤ 6 in d ≤ 3, where every expectation is exact under Gauss–Hermite
 * quadrature ({@link HermiteExpansion}; instances: {@link HermitePolynomialInstance}):
 * <ul>
 * <li>{@link #EXPANSION}: max over test points |F(x) − f(x)| / max |f(x)| ≤ 1e−12 for the corrected series F;</li>
 * <li>{@link #STEIN}: E[f S_t] = E[∇^t f] entry by entry (max difference over the largest entry) ≤ 1e−12 — the step
 * of the notes that holds;</li>
 * <li>{@link #PRINTED_EXPANSION}, control: the same statistic for the printed series — it must fail (an error of the
 * notes: {@link #ERRATUM}).</li>
 * </ul>
 */
public final class HermiteExpansionCheck
        extends MeasuredCheck<HermiteExpansionCheck.Sizes, HermiteExpansionCheck.Measurement> {
    public static final Criterion EXPANSION = Criterion.claim("DLS-6", "hermiteExpansion");
    public static final Criterion STEIN = Criterion.claim("DLS-6", "steinIdentity");
    public static final Criterion PRINTED_EXPANSION = Criterion.control("DLS-6", "printedHermiteExpansion");

    /**
     * Relative error allowed in the series: ~1e3 terms of size up to max|f| summed in double precision, each with
     * quadrature nodes and weights accurate to a few ulps — 1e−12 is ~5000 ε.
     */
    static final double TOLERANCE = 1e-12;

    /** The catalogue entry (listed by {@link FeatureLearningClaims}). */
    public static final ClaimCatalog.Entry ENTRY = ClaimCatalog.Entry.of("DLS-6", ClaimKind.EXACT,
            "Hermite expansion f = sum_{t>=0} (1/t!) <E grad^t f, S_t>; the printed sum_{t>=1} <E[f S_t], S_t>"
                    + " omits 1/t! and the t = 0 term", ClaimCatalog.NOTES_002)
            .hypothesis("f a polynomial of degree <= 6 in d <= 3 variables, and the q-node Gauss-Hermite rule exact"
                    + " for every E[f S_t] and E[grad^t f] (2 deg f <= 2q - 1):"
                    + " HermitePolynomialInstance.quadratureIsExact")
            .control("the printed series sum_{t>=1} <E[f S_t], S_t(x)> through the same error statistic: it must miss f"
                    + " (for f = x^2 it is 2x^2 - 2)")
            .thresholds("max_x |series(x) - f(x)| / max_x |f(x)| <= 1e-12 over test points in [-3, 3]^d; Stein"
                    + " E[f S_t] = E[grad^t f] to 1e-12 of the largest entry");

    /** The printed expansion fails while the corrected one holds. */
    public static final Erratum ERRATUM = new Erratum("DLS-6",
            "f(x) = sum_{t=1}^{+inf} <E[f(x) S_t(x)], S_t(x)> = sum_{t=1}^{+inf} <E[f^(t)(x)], S_t(x)>"
                    + " (002, proof sketch)",
            "f(x) = sum_{t=0}^{+inf} (1/t!) <E[grad^t f(x)], S_t(x)>, with S_0 = 1, S_1 = x, S_2 = x x^T - I, ...",
            PRINTED_EXPANSION, EXPANSION,
            "E[S_s (x) S_t] = 0 for s != t and E[S_t (x) S_t] = t! times the symmetrizer, so the coefficient of S_t is"
                    + " E[f S_t]/t!, and the t = 0 term is E[f]. For f = x^2 the printed series gives 2x^2 - 2; on"
                    + " seeded random polynomials of degree <= 6 in d <= 3 the corrected series reproduces f to"
                    + " round-off by exact Gauss-Hermite quadrature while the printed one misses by O(1) of max|f|;"
                    + " Stein's E[f S_t] = E[grad^t f] holds to round-off, so only the coefficients are wrong.");

    /** Dimensions; random polynomials per dimension; their degree; test points each; Gauss–Hermite nodes. */
    public record Sizes(int[] dims, int polynomials, int degree, int points, int nodes) {
        public Sizes {
            dims = dims.clone();
        }

        /** CLAIMS.md: degree ≤ 6 in d ≤ 3; 5 polynomials per d, 20 test points, 8 nodes (exact to degree 15). */
        public static Sizes claims() {
            return new Sizes(new int[] {1, 2, 3}, 5, 6, 20, 8);
        }

        public static Sizes quick() {
            return new Sizes(new int[] {1, 2, 3}, 2, 6, 20, 8);
        }
    }

    /**
     * One polynomial's numbers.
     *
     * @param hypothesis {@link HermitePolynomialInstance#quadratureIsExact}
     * @param fScale max over test points of |f(x)|
     * @param correctedError max over test points of |F(x) − f(x)| / fScale
     * @param printedError the same for the printed series
     * @param steinError max over index tuples (t ≤ deg f) of |E[f S_t] − E[∇^t f]| over the largest |E[∇^t f]|
     * @param worstPoint the test point where the printed series misses most
     * @param printedThere the printed series there
     * @param fThere f there
     */
    record Expansion(Provenance provenance, String name, int degree, boolean hypothesis, double fScale,
            double correctedError, double printedError, double steinError, double[] worstPoint, double printedThere,
            double fThere) {
    }

    public record Measurement(List<Expansion> expansions) {
    }

    public HermiteExpansionCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    HermiteExpansionCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("DLS-6");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "DLS-6");
        List<Expansion> out = new ArrayList<>();
        out.add(measure(HermitePolynomialInstance.square(seeds.child("square").seed(0), sizes.points()), sizes,
                ctx.backend().name()));
        for (int d : sizes.dims()) {
            for (int k = 0; k < sizes.polynomials(); k++) {
                out.add(measure(HermitePolynomialInstance.build(seeds.child("d=" + d).seed(k), d, sizes.degree(),
                        sizes.points()), sizes, ctx.backend().name()));
            }
        }
        return new Measurement(out);
    }

    /** Both series at every test point, and Stein's identity at every index tuple up to deg f. */
    static Expansion measure(HermitePolynomialInstance inst, Sizes sizes, String backend) {
        HermiteExpansion.Polynomial f = inst.f();
        int deg = f.degree();
        HermiteExpansion.Coefficients c = new HermiteExpansion.Coefficients(f,
                new HermiteExpansion.GaussianExpectation(f.d(), sizes.nodes()));
        double scale = 0, corrected = 0, printed = 0, printedThere = Double.NaN, fThere = Double.NaN;
        double[] worst = null;
        for (double[] x : inst.points()) {
            double fx = f.value(x), px = HermiteExpansion.printed(c, x, deg);
            scale = Math.max(scale, Math.abs(fx));
            corrected = Math.max(corrected, Math.abs(HermiteExpansion.corrected(c, x, deg) - fx));
            if (worst == null || Math.abs(px - fx) > printed) {
                printed = Math.abs(px - fx);
                worst = x;
                printedThere = px;
                fThere = fx;
            }
        }
        double[] stein = {0, 0};                          // max |E[f S_t] − E[∇^t f]|, max |E[∇^t f]|
        for (int t = 0; t <= deg; t++) {
            HermiteExpansion.forEachTuple(f.d(), t, tuple -> {
                double a = c.expectedDerivative(tuple);
                stein[0] = Math.max(stein[0], Math.abs(c.expectedTimesHermite(tuple) - a));
                stein[1] = Math.max(stein[1], Math.abs(a));
            });
        }
        Provenance p = Provenance.of(inst.seed(), backend, "d", f.d(), "degree", deg, "nodes", sizes.nodes(),
                "points", inst.points().length);
        return new Expansion(p, inst.name(), deg, HermitePolynomialInstance.quadratureIsExact(f, sizes.nodes(),
                sizes.degree(), 3), scale, corrected / scale, printed / scale, stein[0] / stein[1], worst,
                printedThere, fThere);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (Expansion e : m.expansions()) {
            out.add(series(EXPANSION, e, e.correctedError()));
            out.add(Verdict.builder(STEIN).at(e.provenance()).check("Stein: E[f S_t] = E[grad^t f] (" + e.name() + ")")
                    .hypothesisMet(e.hypothesis()).observed(e.steinError()).bound(TOLERANCE)
                    .detail(NumberText.format("max over index tuples with t <= %d of |E[f S_t] - E[grad^t f]| = %.3g"
                            + " of the largest |E[grad^t f]|", e.degree(), e.steinError())).build());
            out.add(series(PRINTED_EXPANSION, e, e.printedError()));
        }
        return out;
    }

    /** max |series − f| / max |f| ≤ 1e−12, for the corrected series (claim) or the printed one (control). */
    static Verdict series(Criterion c, Expansion e, double error) {
        boolean printed = c.equals(PRINTED_EXPANSION);
        Verdict.Builder v = Verdict.builder(c).at(e.provenance()).check((printed ? "control: printed expansion"
                + " sum_{t>=1} <E[f S_t], S_t>" : "Hermite expansion sum_{t>=0} (1/t!) <E grad^t f, S_t>") + " ("
                + e.name() + ")").hypothesisMet(e.hypothesis()).observed(error).bound(TOLERANCE)
                .measure("fScale", e.fScale()).measure("degree", e.degree())
                .detail(NumberText.format("max over %d test points in [-3, 3]^%d of |series(x) - f(x)| = %.3g x max|f|"
                        + " (max|f| = %.4g)%s", e.provenance().sizes().get("points"), e.provenance().sizes().get("d"),
                        error, e.fScale(), printed ? NumberText.format("; worst at x = %s: printed %.5g vs f = %.5g",
                                java.util.Arrays.toString(e.worstPoint()), e.printedThere(), e.fThere()) : ""));
        if (printed) {
            v.measure("printedAtWorstPoint", e.printedThere()).measure("fAtWorstPoint", e.fThere())
                    .finding("the expansion as printed in 002 omits the 1/t! weights and the t = 0 term E[f]:"
                            + " E[S_t (x) S_t] = t! Sym makes E[f S_t]/t! the coefficient of S_t (for f = x^2 the"
                            + " printed series is 2x^2 - 2); the corrected series on the same quadrature reproduces f"
                            + " to " + NumberText.sci(e.correctedError(), 1) + " of max|f|");
        }
        return v.build();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (Expansion e : m.expansions()) {
            rows.add(List.of(e.name(), String.valueOf(e.provenance().seed()), String.valueOf(e.degree()),
                    NumberText.sig3(e.fScale()), NumberText.sci(e.correctedError(), 2), NumberText.sci(e.steinError(),
                            2), NumberText.sig3(e.printedError())));
        }
        return List.of(new Table("DLS-6-hermite", "DLS-6: Hermite expansion of polynomials, corrected against printed",
                List.of("f", "seed", "degree", "max|f|", "corrected: max error / max|f|", "Stein: max error",
                        "printed: max error / max|f|"), rows, "expectations by the tensor-product Gauss-Hermite rule"
                        + " (exact here); test points uniform in [-3, 3]^d"));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        int n = m.expansions().size();
        double[] x = new double[n], corrected = new double[n], printed = new double[n], tol = new double[n];
        for (int i = 0; i < n; i++) {
            Expansion e = m.expansions().get(i);
            x[i] = i + 1;
            corrected[i] = Math.max(e.correctedError(), 1e-18);          // an exact 0 on the log axis
            printed[i] = e.printedError();
            tol[i] = TOLERANCE;
        }
        return List.of(new Figure("DLS-6-hermite", "DLS-6: relative error of the Hermite series, corrected and as"
                + " printed", "polynomial (1 = x^2, then d = 1, 2, 3)", "max |series - f| / max |f|", false, true,
                List.of(new Figure.Series("corrected sum (1/t!) <E grad^t f, S_t>", x, corrected, false),
                        new Figure.Series("printed sum_{t>=1} <E[f S_t], S_t>", x, printed, false),
                        new Figure.Series("tolerance 1e-12", x, tol, true))));
    }
}
