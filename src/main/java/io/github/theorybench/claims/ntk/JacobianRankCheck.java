package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * NTK-4 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt, [SJL17]): for Gaussian X and generic W₀ (m ≥ d) the first-layer
 * Jacobian J₀ ∈ R^{n×md} of f = Σ_j s_j σ(w_jᵀx) (fixed signs, c = 1, LAZY model) has rank min(n, md).
 * n > md: λ_min(J₀J₀ᵀ)/λ_max < 1e−12 while λ_{n−md+1} (the md-th largest) is not; n ≤ md (tanh): σ_min/σ_max > 1e−6;
 * ReLU: a point inactive on every neuron makes the hypothesis fail (reported, not counted). Discrete gradient descent
 * W ← W − η J_Wᵀ(f(W) − y) (tanh, n ≤ md/2, η = 0.5/‖J₀‖₂²) drives R below 1e−8 R₀ and
 * ‖W_T − W₀‖_F ≤ 2‖J₀⁺r₀‖ (r₀ = f(W₀) − y).
 */
public final class JacobianRankCheck extends MeasuredCheck<JacobianRankCheck.Sizes, JacobianRank> {
    public static final Criterion RANK_DEFICIENT = Criterion.claim("NTK-4", "rankMdWhenNAboveMd");
    public static final Criterion FULL_RANK_TANH = Criterion.claim("NTK-4", "fullRowRankTanh");
    public static final Criterion FULL_RANK_RELU = Criterion.claim("NTK-4", "fullRowRankRelu");
    public static final Criterion DESCENT = Criterion.claim("NTK-4", "descentConverges");

    static final double LAMBDA_RATIO = 1e-12;
    static final double SIGMA_RATIO = 1e-6;

    /** Rank instances (n > md and n ≤ md) and the GD instance; seeds per instance. */
    public record Sizes(int nDeficient, int nFull, int dRank, int mRank, int nDescent, int dDescent, int mDescent,
            int seeds) {
        public static Sizes claims() {
            return new Sizes(30, 12, 3, 4, 10, 5, 4, 5);
        }

        public static Sizes quick() {
            return new Sizes(30, 12, 3, 4, 10, 5, 4, 2);
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

    private static Provenance provenance(CheckContext ctx, long seed, Activation act, int n, int d, int m) {
        return Provenance.of(seed, ctx.backend().name(), "n", n, "d", d, "m", m, "md", m * d)
                .withActivation(act.label());
    }

    @Override
    public JacobianRank measure(Sizes z, CheckContext ctx) {
        List<RankAtInit> deficient = new ArrayList<>(), tanh = new ArrayList<>(), relu = new ArrayList<>();
        List<FirstLayerDescent> gd = new ArrayList<>();
        SeedStream stream = SeedStream.of(ctx.seed(), "NTK-4");
        for (int s = 0; s < z.seeds(); s++) {
            long seed = stream.child("deficient").seed(s);
            RankInstance def = RankInstance.build(seed, z.nDeficient(), z.dRank(), z.mRank());
            deficient.add(RankAtInit.deficient(ctx.backend(), def, Activation.TANH,
                    provenance(ctx, seed, Activation.TANH, z.nDeficient(), z.dRank(), z.mRank())));
            long fullSeed = stream.child("full").seed(s);
            RankInstance full = RankInstance.build(fullSeed, z.nFull(), z.dRank(), z.mRank());
            tanh.add(RankAtInit.full(ctx.backend(), full, Activation.TANH,
                    provenance(ctx, fullSeed, Activation.TANH, z.nFull(), z.dRank(), z.mRank())));
            relu.add(RankAtInit.full(ctx.backend(), full, Activation.RELU,
                    provenance(ctx, fullSeed, Activation.RELU, z.nFull(), z.dRank(), z.mRank())));
            long gdSeed = stream.child("descent").seed(s);
            RankInstance descent = RankInstance.build(gdSeed, z.nDescent(), z.dDescent(), z.mDescent());
            gd.add(FirstLayerDescent.measure(ctx.backend(), descent, FirstLayerDescent.labels(
                    stream.child("labels").seed(s), z.nDescent()), provenance(ctx, gdSeed, Activation.TANH,
                    z.nDescent(), z.dDescent(), z.mDescent())));
        }
        return new JacobianRank(deficient, tanh, relu, gd);
    }

    @Override
    public List<Verdict> verdicts(JacobianRank r) {
        List<Verdict> out = new ArrayList<>();
        for (int s = 0; s < r.deficient().size(); s++) {
            out.add(deficient(r.deficient().get(s)));
            out.add(full(r.fullTanh().get(s)));
            out.add(full(r.fullRelu().get(s)));
            out.add(descent(r.descents().get(s)));
        }
        return out;
    }

    static Verdict deficient(RankAtInit r) {
        int n = (Integer) r.provenance().sizes().get("n"), md = (Integer) r.provenance().sizes().get("md");
        return Verdict.builder(RANK_DEFICIENT).at(r.provenance()).check("n > md: lambda_min/lambda_max (rank md)")
                .observed(r.lambdaMinOverMax()).bound(LAMBDA_RATIO)
                .holds(r.lambdaMinOverMax() < LAMBDA_RATIO && r.lambdaMdOverMax() > LAMBDA_RATIO)
                .measure("lambdaMdOverLambdaMax", r.lambdaMdOverMax())
                .detail(NumberText.format("|lambda_min|/lambda_max = %.3g < 1e-12, md-th largest/lambda_max"
                        + " = %.3g (numerical rank md = %d of n = %d)", r.lambdaMinOverMax(), r.lambdaMdOverMax(),
                        md, n)).build();
    }

    static Verdict full(RankAtInit r) {
        int n = (Integer) r.provenance().sizes().get("n");
        boolean relu = r.provenance().activation().equals(Activation.RELU.label());
        boolean hypothesis = r.inactivePoints() == 0 && r.patternBound() >= n;
        double ratio = r.sigmaRatio();
        return Verdict.builder(relu ? FULL_RANK_RELU : FULL_RANK_TANH).at(r.provenance())
                .check("n <= md: sigma_min/sigma_max (full row rank, " + r.provenance().activation() + ")")
                .observed(ratio).bound(SIGMA_RATIO).slack(SIGMA_RATIO / ratio).holds(ratio > SIGMA_RATIO)
                .hypothesisMet(hypothesis).measure("pointsInactiveOnEveryNeuron", r.inactivePoints())
                .measure("activationPatternRankBound", r.patternBound())
                .detail(NumberText.format("sigma_min/sigma_max = %.3g (must exceed 1e-6); %d of %d points"
                        + " inactive on every neuron%s", ratio, r.inactivePoints(), n, !relu ? ""
                        : NumberText.format("; activation-pattern bound on rank(J0): %d (need >= n = %d)%s",
                                r.patternBound(), n, hypothesis ? "" : " -> hypothesis not met: rank(J0) < n is forced")))
                .build();
    }

    static Verdict descent(FirstLayerDescent g) {
        double bound = 2 * g.pinvNorm();
        return Verdict.builder(DESCENT).at(g.provenance()).check("GD from full-rank W0: R_T <= 1e-8 R_0 and travel <="
                        + " 2||J0^+ r0||").observed(g.travel()).bound(bound).holds(g.converged() && g.travel() <= bound)
                .hypothesisMet(g.sigmaRatioJ0() > SIGMA_RATIO && g.n() <= g.md() / 2)
                .measure("iterations", g.steps()).measure("riskRatio", g.riskRatio())
                .measure("travelOverPinv", g.travelRatio()).measure("eta", g.eta())
                .measure("sigmaRatioJT", g.sigmaRatioJT()).measure("sigmaRatioJ0", g.sigmaRatioJ0())
                .detail(NumberText.format("discrete GD, eta = 0.5/||J0||^2 = %.3g: R_T/R_0 = %.3g after %d"
                        + " iterations; travel %.4g, ||J0^+ r0|| = %.4g (ratio %.3f, bound 2); sigma_min/sigma_max of J"
                        + " at init %.3g, at the end %.3g", g.eta(), g.riskRatio(), g.steps(), g.travel(),
                        g.pinvNorm(), g.travelRatio(), g.sigmaRatioJ0(), g.sigmaRatioJT())).build();
    }
}
