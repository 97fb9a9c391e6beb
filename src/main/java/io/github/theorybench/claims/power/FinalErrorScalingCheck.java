package io.github.theorybench.claims.power;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.RankTrend;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * PWR-5 (002, Theorem of Xie, Stöger & Soltanolkotabi '22; CLAIMS.md PWR-5 with its second-wave correction):
 * asymmetric sensing L(U, V) = ½‖𝒜(UVᵀ) − y‖², GD with μ = 0.1 from U₀ = αŪ, V₀ = αV̄ ({@link PlateauRuns}). The
 * theorem's ‖U_TV_Tᵀ − XYᵀ‖_F/‖XYᵀ‖_F ≲ α^{21/16} speaks for n ≳ r*²(d₁ + d₂) after an unspecified T, and is checked
 * below injectivity: d₁ = d₂ = 40, r* = 2, κ = 2, n ∈ {400, 800, 1200} (&lt; d₁d₂ = 1600), r ∈ {8, 20},
 * α ∈ {1e−2, 3e−3, 1e−3, 1e−4, 1e−5}, the error at the loss plateau T (first t with L_t &lt; 1e−3 L₀ and
 * L_{t−50} &lt; 2L_t) and at 2T. Asserted: the fitted exponent rises with n (Spearman trend over every (n, seed),
 * one-sided permutation p ≤ 0.01) and moves ≤ 0.1 between T and 2T; it is reported next to 21/16 and the heuristic.
 * Controls: the trend with the n labels permuted (no trend: p must exceed 0.01); the T-to-2T shift at the first t with
 * L_t &lt; 0.1 L₀, before convergence (must exceed 0.1). The previous setup (d₁ = d₂ = 20, n ≥ d₁d₂: 𝒜 injective,
 * XYᵀ the unique zero of the loss, so the "exponent" measures the stopping rule) is reported as exploratory rows.
 *
 * <p>Heuristic exponent (CLAIMS.md PWR-5): near U = V = 0 the ½-convention GD is [U; V] ← (I + μ Sym(Z))[U; V] with
 * Z = 𝒜*𝒜(XYᵀ) = 𝒜*(y) and Sym(Z) = [[0, Z], [Zᵀ, 0]] (002, "Symmetrization I"), whose eigenvalues are ±σ_k(Z), so
 * λ_k := σ_k(Z). The signal reaches O(1) after T ≈ ln(1/α)/ln(1 + μλ₁) steps while the largest noise direction (λ₃)
 * grows to α(1 + μλ₃)^T in each factor: noise in UVᵀ ∝ α^{2(1 − ln(1 + μλ₃)/ln(1 + μλ₁))}.
 */
public final class FinalErrorScalingCheck extends MeasuredCheck<FinalErrorScalingCheck.Sizes, FinalErrors> {
    public static final Criterion EXPONENT_RISES = Criterion.claim("PWR-5", "exponentRisesWithN");
    public static final Criterion EXPONENT_STABLE = Criterion.claim("PWR-5", "exponentStableTo2T");
    public static final Criterion EXPONENT_RISES_PERMUTED = Criterion.control("PWR-5", "exponentRisesWithPermutedN");
    public static final Criterion EXPONENT_STABLE_BEFORE_PLATEAU = Criterion.control("PWR-5",
            "exponentStableBeforePlateau");
    public static final Criterion INJECTIVE_EXPONENT = Criterion.exploratory("PWR-5", "injectiveRegimeExponent");
    public static final Criterion INJECTIVE_EXACT = Criterion.exploratory("PWR-5",
            "injectiveRegimeExactParameterization");

    static final double MU = 0.1;
    static final int R_STAR = 2;
    static final double THEOREM_EXPONENT = 21.0 / 16.0;
    /** The trend's one-sided permutation p-value must be ≤ this. */
    static final double TREND_LEVEL = 0.01;
    /** CLAIMS.md PWR-5: the exponent moves ≤ 0.1 between T and 2T. */
    static final double STABILITY = 0.1;
    static final int PERMUTATIONS = 9999;
    static final int CAP = 20000;
    /** CLAIMS.md PWR-5, second wave: L_t &lt; 1e−3 L₀ and L_{t−50} &lt; 2L_t. */
    static final PlateauRuns.Rule PLATEAU = new PlateauRuns.PlateauRule(50, 2, 1e-3);
    /** The control's time: the loss has fallen tenfold, convergence is not reached. */
    static final PlateauRuns.Rule EARLY = new PlateauRuns.GateRule(1e-1);
    /** The injective setup's rule: L_t ≤ 1e−2 L₀ and ln(L_{t−10}/L_t)/10 ≤ 0.01. */
    static final PlateauRuns.Rule INJECTIVE_PLATEAU = new PlateauRuns.RateRule(10, 1e-2, 1e-2);
    /** A rule that never fires: the fixed-T runs go to their cap. */
    static final PlateauRuns.Rule NEVER = new PlateauRuns.RateRule(10, Double.NEGATIVE_INFINITY, 1e-2);
    static final int FIXED_T = 3000;
    static final double EXACT_BOUND = 1e-12;

    /**
     * One setup: d₁ = d₂ = d, XYᵀ's singular values, sample sizes, ranks, init scales, instances per n.
     */
    public record Setup(int d, List<Double> singularValues, List<Integer> ns, List<Integer> rs, List<Double> alphas,
            int seeds) {
        double[] alphaArray() {
            return alphas.stream().mapToDouble(Double::doubleValue).toArray();
        }

        int[] rankArray() {
            return rs.stream().mapToInt(Integer::intValue).toArray();
        }

        double[] sigmaArray() {
            return singularValues.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** The non-injective setup the claim is checked on, and the injective one reported as exploratory. */
    public record Sizes(Setup main, Setup injective, boolean fixedT) {
        /**
         * CLAIMS.md PWR-5, second wave (3 instances per n: the fewest whose rank trend can reach p ≤ 0.01), and the
         * first setup (d = 20, r ∈ {r*, 8, 20}, four α per decade's end: exploratory).
         */
        public static Sizes claims() {
            return new Sizes(new Setup(40, List.of(1.0, 0.5), List.of(400, 800, 1200), List.of(8, 20),
                    List.of(1e-2, 3e-3, 1e-3, 1e-4, 1e-5), 3),
                    new Setup(20, List.of(1.0, 1.0), List.of(800, 1600, 3200), List.of(R_STAR, 8, 20),
                            List.of(1e-2, 1e-3, 1e-4, 1e-5), 1), true);
        }

        /**
         * The second-wave criteria on a smaller instance still below injectivity: d₁ = d₂ = 20, κ = 2,
         * n ∈ {200, 280, 360} (r*²(d₁ + d₂) = 160 ≤ n &lt; d₁d₂ = 400), r = 8, the full α grid, 3 instances per n
         * (the operator fits in cache: a step costs microseconds); the first setup at n = 800 only.
         */
        public static Sizes quick() {
            return new Sizes(new Setup(20, List.of(1.0, 0.5), List.of(200, 280, 360), List.of(8), List.of(1e-2, 3e-3,
                    1e-3, 1e-4, 1e-5), 3), new Setup(20, List.of(1.0, 1.0), List.of(800), List.of(R_STAR, 8),
                    List.of(1e-2, 1e-3), 1), false);
        }
    }

    public FinalErrorScalingCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    FinalErrorScalingCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("PWR-5");
    }

    /** λ_k(Sym(Z)) = σ_k(Z), Z = 𝒜*(y) = 𝒜*𝒜(XYᵀ) (see the class comment). */
    static double[] sigmaZ(Backend b, SensingInstance inst) {
        return b.svd(inst.loss().operator().adjoint(inst.loss().labels())).s();
    }

    /** 2(1 − ln(1 + μλ₃)/ln(1 + μλ₁)) (CLAIMS.md PWR-5, with λ_k = σ_k(Z)). */
    static double heuristic(double[] s) {
        return 2 * (1 - Math.log(1 + MU * s[R_STAR]) / Math.log(1 + MU * s[0]));
    }

    @Override
    public FinalErrors measure(Sizes sizes, CheckContext ctx) {
        Backend b = ctx.backend();
        Setup main = sizes.main();
        SeedStream seeds = SeedStream.of(ctx.seed(), "PWR-5");
        List<FinalErrors.Sample> samples = new ArrayList<>();
        for (int n : main.ns()) {
            for (int s = 0; s < main.seeds(); s++) {
                samples.add(sample(b, main, n, seeds.child("n" + n).seed(s)));
                ctx.progress(NumberText.format("PWR-5 n = %d, instance %d done", n, s));
            }
        }
        List<FinalErrors.Trend> trends = new ArrayList<>();
        for (int r : main.rs()) {
            trends.add(trend(samples, r, seeds.child("trend").seed(r), seeds.child("permutation").seed(r)));
        }
        FinalErrors.Injective inj = injective(b, sizes.injective(), sizes.fixedT(), seeds.child("injective"), ctx);
        Provenance prov = Provenance.of(ctx.seed(), b.name(), "d1", main.d(), "d2", main.d(), "rStar", R_STAR,
                "kappa", main.singularValues().get(0) / main.singularValues().get(1), "mu", MU, "n",
                main.ns().toString(), "r", main.rs().toString(), "instancesPerN", main.seeds());
        return new FinalErrors(prov, main.alphaArray(), samples, trends, inj);
    }

    /** One (n, seed) instance of the main setup: every (r, α) to 2T in one batch. */
    static FinalErrors.Sample sample(Backend b, Setup main, int n, long seed) {
        int d = main.d();
        int[] rs = main.rankArray();
        double[] alphas = main.alphaArray();
        FinalErrorInstance drawn = FinalErrorInstance.build(b, seed, d, n, main.sigmaArray(), rs);
        SensingInstance base = drawn.sensing();
        double[] s = sigmaZ(b, base);
        FactorizedSensing.BatchForm form = base.loss().batchForm(base.target());
        List<PlateauRuns.Run> runs = PlateauRuns.descend(b, drawn.starts(alphas), form, MU, List.of(PLATEAU, EARLY),
                true, CAP);
        List<FinalErrors.Fit> fits = new ArrayList<>();
        boolean regime = true;
        for (int r : rs) {
            fits.add(FinalErrors.Fit.of(r, alphas, runs.stream().filter(x -> x.r() == r).toList()));
            regime &= PowerHypotheses.belowInjectivity(d, d, R_STAR, r, n);
        }
        Provenance prov = Provenance.of(seed, b.name(), "d1", d, "d2", d, "rStar", R_STAR, "n", n, "mu", MU);
        return new FinalErrors.Sample(prov, n, s, heuristic(s), regime, fits);
    }

    /** Spearman trend of the plateau exponent in n over every (n, seed), and on n labels permuted from its seed. */
    static FinalErrors.Trend trend(List<FinalErrors.Sample> samples, int r, long trendSeed, long permutationSeed) {
        double[] x = samples.stream().mapToDouble(FinalErrors.Sample::n).toArray();
        double[] y = samples.stream().mapToDouble(s -> s.fit(r).exponentT()).toArray();
        double[] shuffled = x.clone();
        RandomGenerator rng = RandomMatrices.rng(permutationSeed);
        for (int i = shuffled.length - 1; i > 0; i--) {                       // Fisher–Yates
            int j = rng.nextInt(i + 1);
            double t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return new FinalErrors.Trend(r, RankTrend.spearman(x, y, RankTrend.Direction.INCREASING, PERMUTATIONS,
                trendSeed), RankTrend.spearman(shuffled, y, RankTrend.Direction.INCREASING, PERMUTATIONS, trendSeed));
    }

    /** The injective setup (exploratory): one instance per n, the first plateau rule, and the fixed-T sensitivity. */
    static FinalErrors.Injective injective(Backend b, Setup inj, boolean fixedT, SeedStream seeds, CheckContext ctx) {
        int d = inj.d();
        int[] rs = inj.rankArray();
        double[] alphas = inj.alphaArray();
        List<FinalErrors.SampleSize> out = new ArrayList<>();
        for (int n : inj.ns()) {
            long seed = seeds.child("n" + n).seed(0);
            FinalErrorInstance drawn = FinalErrorInstance.build(b, seed, d, n, inj.sigmaArray(), rs);
            SensingInstance base = drawn.sensing();
            double[] s = sigmaZ(b, base);
            FactorizedSensing.BatchForm form = base.loss().batchForm(base.target());
            List<PlateauRuns.Run> runs = PlateauRuns.descend(b, drawn.starts(alphas), form, MU,
                    List.of(INJECTIVE_PLATEAU), false, CAP);
            List<PlateauRuns.Run> fixed = !fixedT || n != inj.ns().get(0) ? List.of() : PlateauRuns.descend(b,
                    drawn.starts(alphas).stream().filter(x -> x.r() > R_STAR).toList(), form, MU, List.of(NEVER),
                    false, FIXED_T);
            List<FinalErrors.InjectiveFit> fits = new ArrayList<>();
            for (int r : rs) {
                fits.add(FinalErrors.InjectiveFit.of(r, alphas, runs.stream().filter(x -> x.r() == r).toList(),
                        fixed.stream().filter(x -> x.r() == r).toList()));
            }
            Provenance prov = Provenance.of(seed, b.name(), "d1", d, "d2", d, "rStar", R_STAR, "n", n, "mu", MU);
            out.add(new FinalErrors.SampleSize(prov, n, s, heuristic(s), fits));
            ctx.progress(NumberText.format("PWR-5 injective setup n = %d done", n));
        }
        return new FinalErrors.Injective(d, alphas, out);
    }

    @Override
    public List<Verdict> verdicts(FinalErrors m) {
        return FinalErrorVerdicts.verdicts(m);
    }

    @Override
    public List<Table> tables(FinalErrors m) {
        return FinalErrorVerdicts.tables(m);
    }

    @Override
    public List<Figure> figures(FinalErrors m) {
        return FinalErrorVerdicts.figures(m);
    }
}
