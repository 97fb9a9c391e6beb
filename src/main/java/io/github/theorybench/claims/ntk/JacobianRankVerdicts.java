package io.github.theorybench.claims.ntk;

import static io.github.theorybench.claims.ntk.JacobianRankCheck.CONDITION;
import static io.github.theorybench.claims.ntk.JacobianRankCheck.LAMBDA_RATIO;
import static io.github.theorybench.claims.ntk.JacobianRankCheck.MIN_SEEDS;
import static io.github.theorybench.claims.ntk.JacobianRankCheck.STALL_SHARE;
import static io.github.theorybench.claims.ntk.JacobianRankCheck.TRAVEL_FACTOR;

import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.Quantiles;
import java.util.ArrayList;
import java.util.List;

/** NTK-4's verdict rules: pure functions of {@link JacobianRank}'s parts (see {@link JacobianRankCheck}). */
final class JacobianRankVerdicts {
    private JacobianRankVerdicts() {
    }

    static boolean inHypothesis(RankAtInit r) {
        return JacobianRankCheck.rankHypothesis(r.provenance().activation(), r.m(), r.d(), r.distinctNeurons(),
                r.pattern());
    }

    static boolean inHypothesis(FirstLayerDescent g) {
        return JacobianRankCheck.descentHypothesis(g.n(), g.d(), g.m(), g.sigmaRatioJ0());
    }

    /** The provenance of a row over several seeds: the run's seed, the instances' sizes, the seed count. */
    static Provenance aggregate(long baseSeed, Provenance first, int seeds) {
        return new Provenance(baseSeed, first.sizes(), first.backend(), first.activation()).withSize("seeds", seeds);
    }

    /** n > md: max over seeds of λ_min/λ_max below 1e−12, min over seeds of the md-th eigenvalue above it. */
    static Verdict deficient(long baseSeed, List<RankAtInit> rs) {
        double worst = rs.stream().mapToDouble(RankAtInit::lambdaMinOverMax).max().orElse(Double.NaN);
        double mdth = rs.stream().mapToDouble(RankAtInit::lambdaMdOverMax).min().orElse(Double.NaN);
        RankAtInit first = rs.get(0);
        int md = first.m() * first.d();
        return Verdict.builder(JacobianRankCheck.RANK_DEFICIENT).at(aggregate(baseSeed, first.provenance(), rs.size()))
                .check("n > md: lambda_min/lambda_max (rank md), every seed").observed(worst).bound(LAMBDA_RATIO)
                .holds(worst < LAMBDA_RATIO && mdth > LAMBDA_RATIO)
                .hypothesisMet(rs.stream().allMatch(JacobianRankVerdicts::inHypothesis) && rs.size() >= MIN_SEEDS)
                .measure("lambdaMdOverLambdaMaxMin", mdth).measure("instances", rs.size())
                .detail(NumberText.format("largest |lambda_min|/lambda_max over %d instances = %.3g < 1e-12; smallest"
                        + " md-th largest/lambda_max = %.3g > 1e-12 (numerical rank md = %d of n = %d)", rs.size(),
                        worst, mdth, md, first.n())).build();
    }

    /** n = md: max over the instances of σ_max/σ_min below 1e6. */
    static Verdict square(Criterion c, long baseSeed, List<RankAtInit> rs) {
        double worst = rs.stream().mapToDouble(RankAtInit::condition).max().orElse(Double.NaN);
        RankAtInit first = rs.get(0);
        boolean relu = c == JacobianRankCheck.FULL_RANK_RELU;
        return Verdict.builder(c).at(aggregate(baseSeed, first.provenance(), rs.size()))
                .check("n <= md: sigma_max/sigma_min of J0 (full row rank, " + first.provenance().activation()
                        + (relu ? ", patterns admitting full rank" : "") + ")")
                .observed(worst).bound(CONDITION).holds(worst < CONDITION)
                .hypothesisMet(rs.stream().allMatch(JacobianRankVerdicts::inHypothesis)
                        && (relu || rs.size() >= MIN_SEEDS))
                .measure("minSigmaRatio", 1.0 / worst).measure("instances", rs.size())
                .detail(NumberText.format("%d instances (n = md = %d); smallest sigma_min/sigma_max = %.3g (must"
                        + " exceed 1e-6)%s", rs.size(), first.n(), 1.0 / worst, relu ? "; seeds: "
                        + JacobianRankCheck.seedList(rs.stream().map(r -> r.provenance().seed()).toList()) : ""))
                .build();
    }

    /** ReLU instances whose pattern does not admit full row rank: each rank loss with its cause; the census. */
    static Verdict rankLosses(long baseSeed, List<RankAtInit> relu, PatternCensus census) {
        List<RankAtInit> losses = relu.stream().filter(r -> !r.pattern().admitsFullRowRank()).toList();
        Verdict.Builder b = Verdict.builder(JacobianRankCheck.RELU_RANK_LOSS)
                .at(aggregate(baseSeed, relu.get(0).provenance(), relu.size()))
                .check("ReLU patterns that do not admit full row rank (outside the hypothesis), with causes")
                .observed((double) losses.size() / relu.size()).bound(Double.NaN)
                .measure("rankLosses", losses.size())
                .measure("rankLossesWithFullRankJ0", losses.stream().filter(r -> r.condition() < CONDITION).count())
                .measure("censusInstances", census.instances());
        for (ReluPattern.Cause cause : ReluPattern.Cause.values()) {
            String key = camel(cause);
            b.measure("seeds" + key, losses.stream().filter(r -> r.pattern().cause() == cause).count());
            b.measure("censusShare" + key, census.share(cause));
        }
        List<String> each = new ArrayList<>();
        for (RankAtInit r : losses) {
            each.add(NumberText.format("seed %d: %s (generic rank %d of %d; dependent points %s; sigma_max/sigma_min"
                    + " of J0 = %.3g)", r.provenance().seed(), r.pattern().cause().description(),
                    r.pattern().genericRank(), r.n(), java.util.Arrays.toString(r.pattern().dependentPoints()),
                    r.condition()));
        }
        return b.detail(NumberText.format("%d of %d instances: %s; census of %d instances: full rank %.3f (CLAIMS.md"
                + " 632/4000 = 0.158)", losses.size(), relu.size(), each.isEmpty() ? "none" : String.join("; ", each),
                census.instances(), census.share(ReluPattern.Cause.NONE))).build();
    }

    /** "INACTIVE_POINT" → "InactivePoint". */
    static String camel(ReluPattern.Cause cause) {
        StringBuilder out = new StringBuilder();
        for (String part : cause.name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    /** A rank control: the claim's σ_max/σ_min against 1e6 on an init built outside the hypothesis. */
    static Verdict control(Criterion c, RankAtInit r) {
        Verdict.Builder b = Verdict.builder(c).at(r.provenance())
                .check("control: sigma_max/sigma_min of J0, " + r.provenance().sizes().get("init") + " ("
                        + r.provenance().activation() + ")").observed(r.condition()).bound(CONDITION)
                .holds(r.condition() < CONDITION).hypothesisMet(inHypothesis(r));
        if (r.pattern() != null) {
            b.measure("genericRank", r.pattern().genericRank()).measure("inactivePoints",
                    r.pattern().inactivePoints());
        }
        return b.detail(c == JacobianRankCheck.RELU_INACTIVE_POINT
                ? "every w_j with w_j^T x_1 > 0 negated: x_1 inactive on every neuron, a zero row, rank <= n - 1"
                : "neuron m a copy of neuron m - 1 (weights and sign): two equal blocks, rank <= (m - 1) d < n").build();
    }

    /** At most 10% of ≥ 20 seeds may stall. */
    static Verdict convergence(long baseSeed, List<FirstLayerDescent> gs) {
        List<FirstLayerDescent> ok = gs.stream().filter(FirstLayerDescent::converged).toList();
        double stallShare = (double) (gs.size() - ok.size()) / gs.size();
        double[] steps = ok.stream().mapToDouble(FirstLayerDescent::steps).toArray();
        FirstLayerDescent first = gs.get(0);
        return Verdict.builder(JacobianRankCheck.DESCENT_CONVERGES)
                .at(aggregate(baseSeed, first.provenance(), gs.size()))
                .check("GD from full-rank W0 reaches R <= 1e-8 R0 on >= 90% of seeds (share that stalls)")
                .observed(stallShare).bound(STALL_SHARE)
                .hypothesisMet(gs.stream().allMatch(JacobianRankVerdicts::inHypothesis) && gs.size() >= MIN_SEEDS)
                .measure("stalls", gs.size() - ok.size()).measure("stepBudget", first.budget())
                .measure("iterationsMin", steps.length == 0 ? Double.NaN : Quantiles.of(steps, 0))
                .measure("iterationsMedian", steps.length == 0 ? Double.NaN : Quantiles.median(steps))
                .measure("iterationsMax", steps.length == 0 ? Double.NaN : Quantiles.of(steps, 1))
                .detail(NumberText.format("tanh, n = %d, d = %d, m = %d, eta = 1/||J0||^2; %d of %d seeds reached"
                        + " 1e-8 R0 within %d steps (steps: min %s, median %s, max %s); CLAIMS.md: m = 8 stalls on 1"
                        + " of 60", first.n(), first.d(), first.m(), ok.size(), gs.size(), first.budget(),
                        steps.length == 0 ? "-" : NumberText.sig3(Quantiles.of(steps, 0)),
                        steps.length == 0 ? "-" : NumberText.sig3(Quantiles.median(steps)),
                        steps.length == 0 ? "-" : NumberText.sig3(Quantiles.of(steps, 1)))).build();
    }

    /** One stalled seed: violated, with the trajectory that shows why. */
    static Verdict stall(FirstLayerDescent g) {
        return Verdict.builder(JacobianRankCheck.DESCENT_STALL).at(g.provenance())
                .check("GD from full-rank W0: R_T <= 1e-8 R0 (a seed that stalled)").observed(g.riskRatio())
                .bound(FirstLayerDescent.TARGET).hypothesisMet(inHypothesis(g)).measure("steps", g.steps())
                .measure("sigmaRatioJ0", g.sigmaRatioJ0()).measure("sigmaRatioJT", g.sigmaRatioJT())
                .measure("residualShareOnSmallest", g.residualShareOnSmallest()).measure("localRate", g.localRate())
                .measure("saturatedShare0", g.saturatedShare0()).measure("saturatedShareT", g.saturatedShareT())
                .measure("travelOverPinv", g.travelRatio())
                .detail(NumberText.format("R_T/R0 = %.3g after %d steps (budget %d)", g.riskRatio(), g.steps(),
                        g.budget()))
                .finding(stallCause(g)).build();
    }

    /** The cause of a stall, from the trajectory (CLAIMS.md: far from the lazy regime GD can stall; tanh saturates). */
    static String stallCause(FirstLayerDescent g) {
        double more = Math.log(g.riskRatio() / FirstLayerDescent.TARGET) / (2 * g.localRate());
        return NumberText.format("J_t loses rank along the path: sigma_min/sigma_max of J_t %s; the residual lies in"
                + " the lost direction (%.3f of ||r_T||^2 on J_T's smallest left singular vector), so GD's local"
                + " contraction per step is 1 - eta sigma_min(J_T)^2 = 1 - %.2g and reaching 1e-8 R0 would take"
                + " ~%.2g more steps: a near-stationary point of the nonlinear least squares, not the step budget;"
                + " saturated units (|w_j^T x_i| > 3) %.0f%% at W0, %.0f%% at W_T, travel %.2f ||J0^+ r0|| (CLAIMS.md:"
                + " far from the lazy regime GD can stall, tanh saturates; m = 8 stalls on 1 of 60 instances).",
                trajectoryText(g), g.residualShareOnSmallest(), g.localRate(), more, 100 * g.saturatedShare0(),
                100 * g.saturatedShareT(), g.travelRatio());
    }

    /** σ_min/σ_max of J_t at t = 0 and about once per decade, then at T. */
    static String trajectoryText(FirstLayerDescent g) {
        List<String> parts = new ArrayList<>();
        double nextDecade = 0;
        List<double[]> tr = g.trajectory();
        for (int k = 0; k < tr.size(); k++) {
            double[] p = tr.get(k);
            if (p[0] >= nextDecade || k == tr.size() - 1) {
                parts.add(NumberText.format("%.3g (t = %d)", p[2], (long) p[0]));
                nextDecade = Math.max(10, nextDecade * 10);
            }
        }
        return String.join(", ", parts);
    }

    /** Over the converged seeds: max of ‖W_T − W₀‖_F/‖J₀⁺r₀‖ at most 2. */
    static Verdict travel(long baseSeed, List<FirstLayerDescent> ok, int seeds) {
        double[] ratios = ok.stream().mapToDouble(FirstLayerDescent::travelRatio).toArray();
        double worst = Quantiles.of(ratios, 1);
        return Verdict.builder(JacobianRankCheck.DESCENT_TRAVEL).at(aggregate(baseSeed, ok.get(0).provenance(), seeds))
                .check("GD travel ||W_T - W0||_F <= 2 ||J0^+ r0|| (converged seeds)").observed(worst)
                .bound(TRAVEL_FACTOR).hypothesisMet(ok.stream().allMatch(JacobianRankVerdicts::inHypothesis))
                .measure("travelRatioMin", Quantiles.of(ratios, 0)).measure("travelRatioMax", worst)
                .measure("travelRatioMedian", Quantiles.median(ratios)).measure("converged", ok.size())
                .detail(NumberText.format("||W_T - W0||_F / ||J0^+ r0|| over %d converged seeds: min %.3f, median"
                        + " %.3f, max %.3f (bound 2; CLAIMS.md calibrated 0.72-1.34)", ok.size(),
                        Quantiles.of(ratios, 0), Quantiles.median(ratios), worst)).build();
    }

    /** GD from equal neurons: rank J_t ≤ d &lt; n for every t, so R_T/R₀ cannot reach 1e−8. */
    static Verdict descentControl(FirstLayerDescent g) {
        return Verdict.builder(JacobianRankCheck.DESCENT_EQUAL_NEURONS).at(g.provenance())
                .check("control: GD from W0 with all neurons equal, R_T <= 1e-8 R0").observed(g.riskRatio())
                .bound(FirstLayerDescent.TARGET).hypothesisMet(inHypothesis(g)).measure("steps", g.steps())
                .measure("sigmaRatioJ0", g.sigmaRatioJ0())
                .detail(NumberText.format("every w_j = w_1, s_j = s_1: J's m blocks are equal (rank <= d = %d < n ="
                        + " %d) and GD keeps them equal, so f stays m s_1 tanh(w^T x); R_T/R0 = %.3g after %d steps",
                        g.d(), g.n(), g.riskRatio(), g.steps())).build();
    }
}
