package io.github.theorybench.claims.lsq;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import java.util.ArrayList;
import java.util.List;

/**
 * LSQ-1..3 (CLAIMS.md; seed 002_d419add4266800f0.txt): discrete gradient descent θ_{t+1} = θ_t − η Xᵀ(Xθ_t − y) on
 * ½‖Xθ − y‖², X ∈ R^{n×p} Gaussian (n ≤ p, full row rank), η = 1/‖X‖₂², θ₀ and y Gaussian
 * ({@link LeastSquaresInstance}, measured by {@link LeastSquaresDescent}), on a √n-limited (p = 100) and a κ²-limited
 * (p = 2000) instance per seed.
 * <ul>
 * <li>LSQ-1: ‖Xθ_t − y‖ ≤ (1 − ησ_min²)^t ‖Xθ₀ − y‖ while the bound is above 1e−14‖Xθ₀ − y‖; control rate × 2.</li>
 * <li>LSQ-2: ‖θ_T − θ*‖/‖θ*‖ ≤ 1e−8 with θ* = θ₀ + X⁺(y − Xθ₀); ‖θ* − θ₀‖ ≤ ‖θ − θ₀‖ for other minimizers
 * θ = θ* + (I − X⁺X)ξ; control: the same statistic after as many steps with η = 2.1/‖X‖₂², beyond the
 * stability limit 2/‖X‖₂², where the top singular mode of θ_t − θ* grows by 1.1 per step.</li>
 * <li>LSQ-3: Σ_t ‖θ_{t+1} − θ_t‖ ≤ min(√n, κ²)‖θ* − θ₀‖; control bound/2 on the κ²-limited instance.</li>
 * </ul>
 * Every claim row carries the hypothesis ({@link LeastSquaresHypothesis}: n ≤ p, full row rank, η ≤ 1/‖X‖₂²).
 */
public final class LeastSquaresDescentCheck
        extends MeasuredCheck<LeastSquaresDescentCheck.Sizes, List<LeastSquaresDescent>> {
    public static final Criterion RESIDUAL_DECAY = Criterion.claim("LSQ-1", "residualDecay");
    public static final Criterion RESIDUAL_DECAY_RATE_X2 = Criterion.control("LSQ-1", "residualDecayRateX2");
    public static final Criterion LIMIT_IS_THETA_STAR = Criterion.claim("LSQ-2", "limitIsThetaStar");
    public static final Criterion LIMIT_UNSTABLE_STEP = Criterion.control("LSQ-2", "limitIsThetaStarUnstableStep");
    public static final Criterion PATH_LENGTH = Criterion.claim("LSQ-3", "pathLength");
    public static final Criterion PATH_LENGTH_HALF_BOUND = Criterion.control("LSQ-3", "pathLengthHalfBound");

    /** LSQ-1's comparison allows the bound this much relative round-off. */
    static final double ROUND_OFF = 1e-12;
    /** LSQ-2's limit tolerance ‖θ_T − θ*‖/‖θ*‖ (CLAIMS.md). */
    static final double LIMIT_TOLERANCE = 1e-8;

    /**
     * Rows n; columns of the √n-limited (κ² > √n) and κ²-limited (κ² < √n) instances; seeds per instance.
     */
    public record Sizes(int n, int pSqrt, int pKappa, int seeds) {
        /** CLAIMS.md: n = 50, p = 100 and p = 2000 (the κ²-limited instance of LSQ-3's control), 5 seeds. */
        public static Sizes claims() {
            return new Sizes(50, 100, 2000, 5);
        }

        public static Sizes quick() {
            return new Sizes(50, 100, 2000, 2);
        }
    }

    public LeastSquaresDescentCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    LeastSquaresDescentCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("LSQ-1", "LSQ-2", "LSQ-3");
    }

    @Override
    public List<LeastSquaresDescent> measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "LSQ");
        List<LeastSquaresDescent> out = new ArrayList<>();
        for (int s = 0; s < sizes.seeds(); s++) {
            long seed = seeds.seed(s);
            for (LeastSquaresInstance.Shape shape : LeastSquaresInstance.Shape.values()) {
                int p = shape == LeastSquaresInstance.Shape.SQRT_N_LIMITED ? sizes.pSqrt() : sizes.pKappa();
                LeastSquaresInstance inst = LeastSquaresInstance.build(seed, sizes.n(), p, shape);
                out.add(LeastSquaresDescent.measure(ctx.backend(), inst));
            }
        }
        return out;
    }

    @Override
    public List<Verdict> verdicts(List<LeastSquaresDescent> runs) {
        List<Verdict> out = new ArrayList<>();
        for (LeastSquaresDescent r : runs) {
            out.addAll(verdicts(r));
        }
        return out;
    }

    /** The rows of one instance. */
    static List<Verdict> verdicts(LeastSquaresDescent r) {
        List<Verdict> v = new ArrayList<>();
        residualRows(r, v);
        limitRows(r, v);
        pathRows(r, v);
        return v;
    }

    /** LSQ-1 and its rate × 2 control. */
    private static void residualRows(LeastSquaresDescent r, List<Verdict> v) {
        String inst = " (" + r.shape().label() + ")";
        boolean hyp = r.hypothesis().holds();
        v.add(Verdict.builder(RESIDUAL_DECAY).at(r.provenance()).check("residual decay" + inst).hypothesisMet(hyp)
                .observed(r.slackAfterOneOverRate()).bound(1.0).slack(r.slackAfterOneOverRate())
                .holds(r.maxRatioToBound() <= 1 + ROUND_OFF).measure("minRateMultiple", r.minRateMultiple())
                .measure("checkedSteps", r.checkedSteps()).measure("slackOverAllTGe1", r.slackAfterFirstStep())
                .measure("eta", r.eta()).measure("sigmaMin", r.sigmaMin()).measure("sigmaMax", r.sigmaMax())
                .measure("slowModeShare", r.slowModeShare())
                .detail(NumberText.format("max over t >= 1/rate of ||X theta_t - y||/bound = %.3f (over t >= 1: "
                        + "%.3f); held at every t <= %d (bound > 1e-14 r0); smallest measured rate = %.3f x the "
                        + "bound's; eta = 1/||X||^2; share of r0 in the slow modes sigma_i^2 <= 2 sigma_n^2 (those still "
                        + "alive relative to the bound past t = 1/rate): %.3f", r.slackAfterOneOverRate(), r.slackAfterFirstStep(),
                        r.checkedSteps(), r.minRateMultiple(), r.slowModeShare()))
                .build());
        // the same comparison against (1 − ησ_min²)^{2t} r₀: a rate twice the theorem's must be flagged
        v.add(Verdict.builder(RESIDUAL_DECAY_RATE_X2).at(r.provenance()).check("control: rate x 2" + inst)
                .observed(r.controlSlackAfterOneOverRate()).bound(1.0)
                .holds(r.maxRatioToDoubledRateBound() <= 1 + ROUND_OFF)
                .measure("maxRatioToDoubledRateBound", r.maxRatioToDoubledRateBound())
                .detail("bound (1 - eta sigma_min^2)^(2t) ||X theta_0 - y||").build());
    }

    /** LSQ-2 and its unstable-step control. */
    private static void limitRows(LeastSquaresDescent r, List<Verdict> v) {
        String inst = " (" + r.shape().label() + ")";
        v.add(Verdict.builder(LIMIT_IS_THETA_STAR).at(r.provenance()).check("limit is theta*" + inst)
                .hypothesisMet(r.hypothesis().holds()).observed(r.limitError()).bound(LIMIT_TOLERANCE).measure("minNormError",
                        r.minNormError())
                .holds(r.limitError() <= LIMIT_TOLERANCE && r.maxDistanceRatioOtherMinimizers() <= 1.0)
                .measure("steps", r.steps()).measure("maxDistRatioOtherMinimizers",
                        r.maxDistanceRatioOtherMinimizers())
                .detail(NumberText.format("||theta_T - theta*||/||theta*|| = %.3g after %d steps; max ||theta* - "
                        + "theta0||/||theta - theta0|| over %d other minimizers = %.4f (<= 1)", r.limitError(),
                        r.steps(), r.otherMinimizers(), r.maxDistanceRatioOtherMinimizers())).build());
        v.add(Verdict.builder(LIMIT_UNSTABLE_STEP).at(r.provenance())
                .check("control: limit after as many steps with eta = 2.1/||X||^2" + inst).hypothesisMet(false)
                .observed(r.unstableStepError()).bound(LIMIT_TOLERANCE)
                .detail(NumberText.format("||theta_T - theta*||/||theta*|| = %.3g after %d steps with eta beyond "
                        + "GD's stability limit 2/||X||^2: the top singular mode of theta_t - theta* is multiplied by "
                        + "1 - 2.1 = -1.1 per step", r.unstableStepError(), r.steps())).build());
    }

    /** LSQ-3 and, on a kappa^2-limited instance, its bound / 2 control. */
    private static void pathRows(LeastSquaresDescent r, List<Verdict> v) {
        String inst = " (" + r.shape().label() + ")";
        double pathBound = r.pathBound();
        v.add(Verdict.builder(PATH_LENGTH).at(r.provenance()).check("path length" + inst)
                .hypothesisMet(r.hypothesis().holds())
                .observed(r.pathLength())
                .bound(pathBound).measure("kappa2", r.kappa2()).measure("sqrtN", Math.sqrt(r.n()))
                .detail(NumberText.format("sum ||theta_{t+1} - theta_t|| = %.4g <= min(sqrt(n) = %.3f, kappa^2 = "
                        + "%.3f) ||theta* - theta0|| = %.4g", r.pathLength(), Math.sqrt(r.n()), r.kappa2(),
                        pathBound)).build());
        if (r.kappa2() < Math.sqrt(r.n())) {
            v.add(Verdict.builder(PATH_LENGTH_HALF_BOUND).at(r.provenance()).check("control: bound / 2" + inst)
                    .observed(r.pathLength()).bound(pathBound / 2)
                    .detail("kappa^2-limited instance: half the bound must be violated").build());
        }
    }

    /**
     * LSQ-1: r_t/r₀ against (1 − ησ_min²)^t; LSQ-2: ‖θ_t − θ*‖/‖θ*‖ against the 1e−8 tolerance; LSQ-3: the cumulative
     * path against min(√n, κ²)‖θ* − θ₀‖ — for the first seed's two instances.
     */
    @Override
    public List<Figure> figures(List<LeastSquaresDescent> runs) {
        List<Figure.Series> decay = new ArrayList<>(), limit = new ArrayList<>(), path = new ArrayList<>();
        long first = runs.isEmpty() ? 0 : runs.get(0).provenance().seed();
        for (LeastSquaresDescent r : runs) {
            if (r.provenance().seed() != first) {
                continue;
            }
            String name = r.shape().label() + ", p = " + r.provenance().sizes().get("p");
            double q = 1 - r.eta() * r.sigmaMin() * r.sigmaMin();
            double[] t = range(r.residualPath().length), bound = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                bound[k] = Math.pow(q, k);                       // LSQ-1: (1 − ησ_min²)^t
            }
            decay.add(new Figure.Series("||X theta_t - y|| / r0, " + name, t, r.residualPath(), false));
            decay.add(new Figure.Series("bound (1 - eta sigma_min^2)^t, " + name, t, bound, true));
            double[] all = range(r.distancePath().length);
            limit.add(new Figure.Series("||theta_t - theta*|| / ||theta*||, " + name, all, r.distancePath(), false));
            path.add(new Figure.Series("sum_{s<t} ||theta_{s+1} - theta_s||, " + name, all, r.cumulativePath(),
                    false));
            double[] pb = new double[all.length];
            java.util.Arrays.fill(pb, r.pathBound());
            path.add(new Figure.Series("bound min(sqrt(n), kappa^2) ||theta* - theta0||, " + name, all, pb, true));
            if (limit.size() == 1) {
                double[] tol = new double[all.length];
                java.util.Arrays.fill(tol, LIMIT_TOLERANCE);
                limit.add(new Figure.Series("tolerance 1e-8", all, tol, true));
            }
        }
        return List.of(
                new Figure("LSQ-1-residual-decay", "LSQ-1: GD residual against the bound (checked while the bound "
                        + "> 1e-14)", "step t", "residual / initial residual", false, true, decay),
                new Figure("LSQ-2-limit", "LSQ-2: distance of theta_t to theta* = theta0 + X^+(y - X theta0)",
                        "step t", "||theta_t - theta*|| / ||theta*||", false, true, limit),
                new Figure("LSQ-3-path-length", "LSQ-3: cumulative path length against the bound", "step t",
                        "path length (units of theta)", true, false, path));
    }

    private static double[] range(int n) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k;
        }
        return t;
    }
}
