package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * NTK-4 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt, [SJL17]): for Gaussian X and generic W₀ (m ≥ d) the first-layer
 * Jacobian J₀ ∈ R^{n×md} of f = Σ_j s_j σ(w_jᵀx) (fixed signs, c = 1) has rank min(n, md): for n > md,
 * λ_min(J₀J₀ᵀ)/λ_max < 1e−12 while the md-th largest eigenvalue is not; for n ≤ md, σ_min/σ_max > 1e−6 (tanh; ReLU
 * where the activation pattern admits full row rank, {@link ReluPattern}). Gradient descent on W from a full-rank W₀
 * (tanh, n ≤ md/2, η = 1/‖J₀‖²) drives R below 1e−8 R₀ on ≥ 90% of ≥ 20 seeds, and ‖W_T − W₀‖_F ≤ 2‖J₀⁺r₀‖.
 * <p>Hypotheses: {@link #rankHypothesis} (m ≥ d; for ReLU the pattern admits full row rank) and
 * {@link #descentHypothesis} (m ≥ d, n ≤ md/2, σ_min(J₀)/σ_max > 1e−6). ReLU instances whose pattern does not admit
 * full row rank are reported as exploratory rows with the cause of each rank loss, never as claim rows. Every stall of
 * gradient descent is a violated row with its finding (the σ_min/σ_max trajectory of J_t and the residual's share on
 * J_T's smallest direction). Controls, each the claim's own statistic on an init built to break the hypothesis:
 * ReLU with the first point inactive on every neuron (rank ≤ n − 1), tanh with two equal neurons (rank ≤ (m − 1)d),
 * and gradient descent from a W₀ whose neurons are all equal (rank J_t ≤ d &lt; n along the whole run).
 */
public final class JacobianRankCheck extends MeasuredCheck<JacobianRankCheck.Sizes, JacobianRank> {
    public static final Criterion RANK_DEFICIENT = Criterion.claim("NTK-4", "rankMdWhenNAboveMd");
    public static final Criterion FULL_RANK_TANH = Criterion.claim("NTK-4", "fullRowRankTanh");
    public static final Criterion FULL_RANK_RELU = Criterion.claim("NTK-4", "fullRowRankRelu");
    public static final Criterion RELU_RANK_LOSS = Criterion.exploratory("NTK-4", "reluPatternRankLoss");
    public static final Criterion DESCENT_CONVERGES = Criterion.claim("NTK-4", "descentConvergesOnNinetyPercent");
    public static final Criterion DESCENT_STALL = Criterion.claim("NTK-4", "descentReachesTarget");
    public static final Criterion DESCENT_TRAVEL = Criterion.claim("NTK-4", "descentTravel");
    public static final Criterion RELU_INACTIVE_POINT = Criterion.control("NTK-4", "reluFirstPointInactive");
    public static final Criterion TANH_DUPLICATE_NEURON = Criterion.control("NTK-4", "tanhDuplicateNeuron");
    public static final Criterion DESCENT_EQUAL_NEURONS = Criterion.control("NTK-4", "descentAllNeuronsEqual");

    /** n > md: λ_min/λ_max below this (CLAIMS.md; calibrated ≤ 2.3e−16), the md-th largest above it. */
    static final double LAMBDA_RATIO = 1e-12;
    /** n ≤ md: σ_min/σ_max > 1e−6 (CLAIMS.md), judged as σ_max/σ_min &lt; 1e6 so that the margin reads as usual. */
    static final double CONDITION = 1e6;
    /** GD must reach R ≤ 1e−8 R₀ on at least 90% of the seeds: at most this share may stall (CLAIMS.md). */
    static final double STALL_SHARE = 0.10;
    /** ‖W_T − W₀‖_F ≤ 2‖J₀⁺r₀‖ (CLAIMS.md). */
    static final double TRAVEL_FACTOR = 2.0;
    /** "Every seed" criteria need ≥ 20 seeds (Trust rule 3). */
    static final int MIN_SEEDS = 20;

    /**
     * Rank instances (n > md and n = md, d, m, seeds), the GD instance (n, d, m, seeds, step budget) and the size of
     * the pattern census.
     */
    public record Sizes(int nDeficient, int nSquare, int dRank, int mRank, int rankSeeds, int nDescent,
            int dDescent, int mDescent, int descentSeeds, int stepBudget, int censusInstances) {
        /**
         * CLAIMS.md: n = 30 > md = 12 and n = md = 12 (d = 3, m = 4); GD at n = 10, d = 5, m = 8 (m ≥ d); ≥ 20 seeds;
         * the census at its own 4000 instances. The budget, 1e5 steps, is 9× the largest calibrated count (11k).
         */
        public static Sizes claims() {
            return new Sizes(30, 12, 3, 4, 20, 10, 5, 8, 20, 100_000, 4000);
        }

        /** The same seeds (the criteria need 20), a smaller census. */
        public static Sizes quick() {
            return new Sizes(30, 12, 3, 4, 20, 10, 5, 8, 20, 100_000, 500);
        }
    }

    public JacobianRankCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    JacobianRankCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("NTK-4");
    }

    /**
     * NTK-4's rank hypothesis: m ≥ d and W₀ generic — no two neurons with w_j = ±w_k ({@link
     * RankAtInit#distinctNeurons}) and, for ReLU, an activation pattern that admits full row rank.
     */
    public static boolean rankHypothesis(String activation, int m, int d, boolean distinctNeurons,
            ReluPattern pattern) {
        boolean relu = Activation.RELU.label().equals(activation);
        return m >= d && distinctNeurons && (!relu || pattern != null && pattern.admitsFullRowRank());
    }

    /** NTK-4's descent hypothesis: m ≥ d, n ≤ md/2, J₀ of full row rank (σ_min/σ_max > 1e−6). */
    public static boolean descentHypothesis(int n, int d, int m, double sigmaRatioJ0) {
        return m >= d && 2 * n <= m * d && sigmaRatioJ0 > 1.0 / CONDITION;
    }

    @Override
    public JacobianRank measure(Sizes z, CheckContext ctx) {
        SeedStream stream = SeedStream.of(ctx.seed(), "NTK-4");
        List<RankAtInit> deficient = new ArrayList<>(), tanh = new ArrayList<>(), relu = new ArrayList<>();
        for (int s = 0; s < z.rankSeeds(); s++) {
            RankInstance def = RankInstance.build(stream.child("deficient").seed(s), z.nDeficient(), z.dRank(),
                    z.mRank());
            deficient.add(RankAtInit.measure(ctx.backend(), def, Activation.TANH, ""));
            RankInstance square = RankInstance.build(stream.child("square").seed(s), z.nSquare(), z.dRank(),
                    z.mRank());
            tanh.add(RankAtInit.measure(ctx.backend(), square, Activation.TANH, ""));
            relu.add(RankAtInit.measure(ctx.backend(), square, Activation.RELU, ""));
        }
        List<FirstLayerDescent> gd = new ArrayList<>();
        for (int s = 0; s < z.descentSeeds(); s++) {
            RankInstance inst = RankInstance.build(stream.child("descent").seed(s), z.nDescent(), z.dDescent(),
                    z.mDescent());
            gd.add(FirstLayerDescent.measure(ctx.backend(), inst, z.stepBudget(), ""));
            ctx.progress("NTK-4 descent seed " + (s + 1) + "/" + z.descentSeeds());
        }
        RankInstance square = RankInstance.build(stream.child("control").seed(0), z.nSquare(), z.dRank(), z.mRank());
        RankInstance descent = RankInstance.build(stream.child("control").seed(1), z.nDescent(), z.dDescent(),
                z.mDescent());
        return new JacobianRank(ctx.seed(), deficient, tanh, relu, gd,
                RankAtInit.measure(ctx.backend(), square.withFirstPointInactive(), Activation.RELU,
                        "first point inactive"),
                RankAtInit.measure(ctx.backend(), square.withDuplicateNeuron(), Activation.TANH, "duplicate neuron"),
                FirstLayerDescent.measure(ctx.backend(), descent.withAllNeuronsEqual(), z.stepBudget(),
                        "all neurons equal"),
                PatternCensus.of(ctx.backend(), stream.child("census"), z.censusInstances(), z.nSquare(), z.dRank(),
                        z.mRank()));
    }

    @Override
    public List<Verdict> verdicts(JacobianRank r) {
        List<Verdict> out = new ArrayList<>();
        out.add(JacobianRankVerdicts.deficient(r.baseSeed(), r.deficient()));
        out.add(JacobianRankVerdicts.square(FULL_RANK_TANH, r.baseSeed(), r.fullTanh()));
        List<RankAtInit> inHypothesis = r.fullRelu().stream().filter(JacobianRankVerdicts::inHypothesis).toList();
        if (!inHypothesis.isEmpty()) {
            out.add(JacobianRankVerdicts.square(FULL_RANK_RELU, r.baseSeed(), inHypothesis));
        }
        out.add(JacobianRankVerdicts.rankLosses(r.baseSeed(), r.fullRelu(), r.census()));
        out.add(JacobianRankVerdicts.control(RELU_INACTIVE_POINT, r.reluInactivePoint()));
        out.add(JacobianRankVerdicts.control(TANH_DUPLICATE_NEURON, r.tanhDuplicateNeuron()));
        out.add(JacobianRankVerdicts.convergence(r.baseSeed(), r.descents()));
        for (FirstLayerDescent g : r.descents()) {
            if (!g.converged()) {
                out.add(JacobianRankVerdicts.stall(g));
            }
        }
        List<FirstLayerDescent> converged = r.descents().stream().filter(FirstLayerDescent::converged).toList();
        if (!converged.isEmpty()) {
            out.add(JacobianRankVerdicts.travel(r.baseSeed(), converged, r.descents().size()));
        }
        out.add(JacobianRankVerdicts.descentControl(r.descentAllNeuronsEqual()));
        return out;
    }

    @Override
    public List<Table> tables(JacobianRank r) {
        return JacobianRankRender.tables(r);
    }

    @Override
    public List<Figure> figures(JacobianRank r) {
        return JacobianRankRender.figures(r);
    }

    static String seedList(List<Long> seeds) {
        List<String> s = new ArrayList<>();
        for (long v : seeds) {
            s.add(Long.toString(v));
        }
        return String.join(", ", s);
    }

    static String sig(double v) {
        return NumberText.sig3(v);
    }
}
