package io.github.theorybench.claims.power;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * PWR-1, PWR-2, PWR-4 (002, small initialization acts as a power method) on d = 30, n = 2000, r* = 2, M* = XXᵀ with
 * eigenvalues (1, 0.8), μ = 0.1: gradient descent on L(U) = ¼‖𝒜(UUᵀ) − y‖² from U₀ = αŪ for r ∈ {r*, 4r*, 15r*} and
 * α = 1e−2 … 1e−8, each against its power iterates Ũ_t = (I + μZ)^t U₀ up to t_spec = first t with
 * ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂ ({@link SpectralRuns}; one batched evaluation per step for all 25 starts).
 * <ul>
 * <li>PWR-1: max_{t ≤ t_spec} ‖U_t − Ũ_t‖_F/‖Ũ_t‖_F ≤ 0.1, and the deviation at t_spec/2 falls like α (slope in
 * [0.8, 1.3]), r = r*. Control: the same maximum continued until ‖U_tU_tᵀ‖₂ ≥ ½‖XXᵀ‖₂, where UUᵀ is no longer small
 * and the dropped term 𝒜*𝒜(UUᵀ)U is half the kept one ZU: it must exceed 0.1.</li>
 * <li>PWR-2: sin of the largest principal angle to Z's top-r* eigenspace decays at q = (1 + μλ₃)/(1 + μλ₂) (fitted
 * rate within 10%, α = 1e−8, r = r*); at t_spec it is ≤ 0.1 for α ≤ 1e−8, r = r*, and for α ≤ 1e−5, r ≥ 4r*.
 * Control: r = r*, α = 1e−2 (outside α ≤ 1e−8): t_spec ≈ 20 steps leave tan θ₀·q^{t_spec} ≫ 0.1.</li>
 * <li>PWR-4: t_spec against ln(1/α) has slope within 20% of 1/ln(1 + μλ₁), per r over the α whose spectral phase
 * exists. Control: the same fit at α ∈ {1, 0.3, 0.1, 0.03}, where ‖U₀U₀ᵀ‖₂ ≥ 0.01‖XXᵀ‖₂ and t_spec = 0.</li>
 * </ul>
 */
public final class PowerMethodCheck extends MeasuredCheck<PowerMethodCheck.Sizes, SpectralPhase> {
    public static final Criterion TRACKING = Criterion.claim("PWR-1", "trackingToTSpec");
    public static final Criterion HALFWAY_DEVIATION_SLOPE = Criterion.claim("PWR-1", "halfwayDeviationSlope");
    public static final Criterion TRACKING_PAST_SMALL_INIT = Criterion.control("PWR-1", "trackingPastSmallInit");
    public static final Criterion ALIGNMENT_RATE = Criterion.claim("PWR-2", "alignmentRate");
    public static final Criterion ALIGNED_R_STAR = Criterion.claim("PWR-2", "alignedAtTSpecRStar");
    public static final Criterion ALIGNED_OVERPARAMETERIZED = Criterion.claim("PWR-2",
            "alignedAtTSpecOverparameterized");
    public static final Criterion ALIGNED_LARGE_ALPHA = Criterion.control("PWR-2", "alignedAtTSpecLargeAlpha");
    public static final Criterion T_SPEC_SLOPE = Criterion.claim("PWR-4", "tSpecSlope");
    public static final Criterion T_SPEC_SLOPE_NO_PHASE = Criterion.control("PWR-4", "tSpecSlopeNoSpectralPhase");

    static final double MU = 0.1;
    static final int R_STAR = 2;
    /** CLAIMS.md PWR-1: α ∈ {1e−2, …, 1e−8}. */
    static final double[] ALPHAS = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8};
    /** PWR-4's control: init scales whose ‖U₀U₀ᵀ‖₂ is above t_spec's threshold already. */
    static final double[] NO_PHASE_ALPHAS = {1, 0.3, 0.1, 0.03};
    /** r* (PWR-1, 2, 4), 4r* and 15r* (PWR-2's r ≥ 4r*; PWR-4's calibration over r ∈ {2, 8, 30}). */
    static final int[] RANKS = {R_STAR, 4 * R_STAR, 15 * R_STAR};
    static final int MAX_STEPS = 5000;
    /** PWR-1's control horizon: ‖U_tU_tᵀ‖₂ ≥ ½‖XXᵀ‖₂. */
    static final double CONTROL_HORIZON = 0.5;
    /** PWR-1: max_{t ≤ t_spec} deviation ≤ 0.1. */
    static final double TRACKING_BOUND = 0.1;
    /** PWR-1: slope of the deviation at t_spec/2 in α within [0.8, 1.3]. */
    static final double DEVIATION_SLOPE_LOW = 0.8;
    static final double DEVIATION_SLOPE_HIGH = 1.3;
    /** PWR-2: fitted rate within 10% of q. */
    static final double RATE_LOW = 0.9;
    static final double RATE_HIGH = 1.1;
    /** PWR-2: the angle at t_spec ≤ 0.1; α of the r = r* assertion and of its control; PWR-2's r ≥ 4r* range. */
    static final double ANGLE_BOUND = 0.1;
    static final double ALPHA_R_STAR = 1e-8;
    static final double ALPHA_CONTROL = 1e-2;
    static final double ALPHA_OVERPARAMETERIZED = 1e-5;
    /** PWR-4: fitted slope within 20% of 1/ln(1 + μλ₁). */
    static final double T_SPEC_LOW = 0.8;
    static final double T_SPEC_HIGH = 1.2;
    /** PWR-2's rate fit starts here (the first steps mix in every eigendirection). */
    static final int ALIGNMENT_FIT_FROM = 5;

    /** Dimension d and number of measurements n of the instance (r* = 2). */
    public record Sizes(int d, int n) {
        /** CLAIMS.md PWR-1: d = 30, n = 2000. */
        public static Sizes claims() {
            return new Sizes(30, 2000);
        }

        public static Sizes quick() {
            return new Sizes(30, 1000);
        }
    }

    public PowerMethodCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    PowerMethodCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("PWR-1", "PWR-2", "PWR-4");
    }

    /** The starts: every rank over the α grid (r* followed on to the control horizon), then PWR-4's control. */
    static List<SpectralRuns.Start> starts(SpectralInstance drawn) {
        List<SpectralRuns.Start> out = new ArrayList<>();
        for (int r : RANKS) {
            for (double a : ALPHAS) {
                out.add(new SpectralRuns.Start(a, drawn.init(r), r == R_STAR ? CONTROL_HORIZON
                        : SpectralRuns.T_SPEC_FRACTION));
            }
        }
        for (double a : NO_PHASE_ALPHAS) {
            out.add(new SpectralRuns.Start(a, drawn.init(R_STAR), SpectralRuns.T_SPEC_FRACTION));
        }
        return out;
    }

    @Override
    public SpectralPhase measure(Sizes sizes, CheckContext ctx) {
        Backend b = ctx.backend();
        SpectralInstance drawn = SpectralInstance.build(b, SeedStream.of(ctx.seed(), "PWR-1,2,4").seed(0), sizes.d(),
                sizes.n(), SpectralInstance.EIGENVALUES, 1, RANKS);
        SymmetricSensingInstance inst = drawn.sensing();
        List<SpectralRuns.Run> runs = SpectralRuns.descend(b, inst, inst.loss().batchForm(inst.target()),
                starts(drawn), R_STAR, MU, MAX_STEPS);
        for (SpectralRuns.Run r : runs) {
            ctx.progress(NumberText.format("PWR r = %d, alpha %.0e: t_spec %d", r.r(), r.alpha(), r.tSpec()));
        }
        double[] lambdas = {inst.lambda(1), inst.lambda(2), inst.lambda(3), inst.lambda(4)};
        double floor = SymmetricSensingInstance.sinAngle(b, SymmetricSensingInstance.top(inst.zEigen(), R_STAR),
                SymmetricSensingInstance.top(inst.targetEigen(), R_STAR));
        Provenance prov = Provenance.of(drawn.seed(), b.name(), "d", inst.d(), "rStar", R_STAR, "n", inst.n(),
                "mu", MU);
        return SpectralSummary.of(prov, inst.targetEigen().max(), lambdas, floor, runs);
    }

    @Override
    public List<Verdict> verdicts(SpectralPhase m) {
        List<Verdict> out = new ArrayList<>();
        out.addAll(tracking(m));
        out.addAll(alignment(m));
        out.addAll(spectralPhaseLength(m));
        return out;
    }

    private static Verdict.Builder base(Criterion c, SpectralPhase m) {
        return Verdict.builder(c).at(m.provenance()).measure("lambda1", m.lambda(1)).measure("lambda2", m.lambda(2))
                .measure("lambda3", m.lambda(3));
    }

    /** PWR-1's rows. */
    static List<Verdict> tracking(SpectralPhase m) {
        SpectralPhase.Tracking tr = m.tracking();
        double slope = tr.halfwayFit().slope();
        return List.of(base(TRACKING, m).check("max_{t <= t_spec} ||U_t - U~_t|| / ||U~_t||")
                        .observed(tr.maxDeviation()).bound(TRACKING_BOUND).hypothesisMet(tr.smallInit())
                        .detail("over alpha = 1e-2 .. 1e-8, r = r* = 2, mu = " + MU + "; calibrated ~5e-3 at d = 30, "
                                + "n = 2000").build(),
                base(HALFWAY_DEVIATION_SLOPE, m).check("deviation at t_spec/2 against alpha, fitted slope")
                        .observed(slope).bound(1.0).slack(slope).window(DEVIATION_SLOPE_LOW, DEVIATION_SLOPE_HIGH)
                        .hypothesisMet(tr.smallInit()).kind(ClaimKind.SCALING)
                        .measure("slopeStdErr", tr.halfwayFit().slopeStdErr()).measure("rSquared",
                                tr.halfwayFit().rSquared()).build(),
                base(TRACKING_PAST_SMALL_INIT, m).check("control: the same maximum up to ||U_t U_t^T|| >= 0.5 ||XX^T||")
                        .observed(tr.maxDeviationPastSmallInit()).bound(TRACKING_BOUND).hypothesisMet(false)
                        .detail("past t_spec UU^T is no longer small: the dropped term A*A(UU^T)U grows to half the "
                                + "kept one ZU, so GD must leave the power iterates (deviation > 0.1)").build());
    }

    /** PWR-2's rows. */
    static List<Verdict> alignment(SpectralPhase m) {
        SpectralPhase.Alignment al = m.alignment();
        double rateOverQ = al.fittedRate() / al.q();
        List<Verdict> out = new ArrayList<>();
        out.add(base(ALIGNMENT_RATE, m).check("fitted alignment rate / q").observed(rateOverQ).bound(1.0)
                .slack(rateOverQ).window(RATE_LOW, RATE_HIGH).hypothesisMet(al.separated())
                .measure("fittedRate", al.fittedRate()).measure("q", al.q())
                .measure("concentrationFloor", m.concentrationFloor()).measure("sinToTargetAtTSpec",
                        al.sinTargetRStar())
                .detail(NumberText.format("sin of the largest angle to Z's top-2 eigenspace decays at %.5f per step, "
                        + "q = %.5f (fit over t in [%d, %d), alpha = 1e-8); angle to XX^T's eigenspace at t_spec %.3g "
                        + "vs concentration floor sin(Z, XX^T) = %.3g", al.fittedRate(), al.q(), al.fitFrom(),
                        al.fitTo(), al.sinTargetRStar(), m.concentrationFloor())).build());
        out.add(base(ALIGNED_R_STAR, m).check("angle to Z's eigenspace at t_spec, alpha = 1e-8, r = r*")
                .observed(al.sinRStar()).bound(ANGLE_BOUND).hypothesisMet(al.separated()
                        && PowerHypotheses.alignmentRegime(ALPHA_R_STAR, R_STAR, R_STAR)).build());
        out.add(base(ALIGNED_OVERPARAMETERIZED, m).check("angle to Z's eigenspace at t_spec, alpha <= 1e-5, r >= 4 r*")
                .observed(al.sinOverparameterized()).bound(ANGLE_BOUND).hypothesisMet(al.separated()
                        && PowerHypotheses.alignmentRegime(al.worstAlpha(), al.worstR(), R_STAR))
                .measure("worstR", al.worstR()).measure("worstAlpha", al.worstAlpha())
                .detail(NumberText.format("largest sin at t_spec over r in {8, 30}, alpha in {1e-5 .. 1e-8}: %.3g "
                        + "(r = %d, alpha = %.0e); r = r* at alpha = 1e-8: %.3g (CLAIMS.md: more columns align faster)",
                        al.sinOverparameterized(), al.worstR(), al.worstAlpha(), al.sinRStar())).build());
        out.add(base(ALIGNED_LARGE_ALPHA, m).check("control: angle at t_spec, alpha = 1e-2, r = r*")
                .observed(al.sinLargeAlpha()).bound(ANGLE_BOUND).hypothesisMet(false)
                .measure("tSpec", al.tSpecLargeAlpha()).measure("predictedSin", al.predictedSinLargeAlpha())
                .detail(NumberText.format("alpha = 1e-2 is outside alpha <= 1e-8: t_spec = %d power steps only, "
                        + "tan(theta_0) q^t_spec predicts sin %.3g > 0.1; measured %.3g", al.tSpecLargeAlpha(),
                        al.predictedSinLargeAlpha(), al.sinLargeAlpha())).build());
        return out;
    }

    /** PWR-4's rows. */
    static List<Verdict> spectralPhaseLength(SpectralPhase m) {
        List<Verdict> out = new ArrayList<>();
        for (SpectralPhase.TSpecFit f : m.claimFits()) {
            out.add(tSpecRow(T_SPEC_SLOPE, m, f).check(NumberText.format("t_spec against ln(1/alpha): fitted slope / "
                    + "(1/ln(1 + mu lambda_1)), r = %d", f.r())).hypothesisMet(f.withPhase() >= 3).build());
        }
        SpectralPhase.TSpecFit c = m.noPhaseFit();
        out.add(tSpecRow(T_SPEC_SLOPE_NO_PHASE, m, c).check("control: the same fit at alpha in {1, 0.3, 0.1, 0.03}")
                .hypothesisMet(c.withPhase() >= 3).detail("U_0 U_0^T is above t_spec's threshold at t = 0: no spectral "
                        + "phase, t_spec = 0 whatever alpha, so the slope in ln(1/alpha) vanishes").build());
        return out;
    }

    private static Verdict.Builder tSpecRow(Criterion c, SpectralPhase m, SpectralPhase.TSpecFit f) {
        return base(c, m).size("r", f.r()).observed(f.ratio()).bound(1.0).slack(f.ratio())
                .window(T_SPEC_LOW, T_SPEC_HIGH).measure("fittedSlope", f.fit().slope())
                .measure("predictedSlope", f.predicted()).measure("alphasWithPhase", f.withPhase())
                .detail(NumberText.format("t_spec = a + slope ln(1/alpha) over the %d alpha with a spectral phase: "
                        + "slope %.2f vs 1/ln(1 + mu lambda_1) = %.2f (r = %d)", f.withPhase(), f.fit().slope(),
                        f.predicted(), f.r()));
    }

    @Override
    public List<Table> tables(SpectralPhase m) {
        return SpectralSummary.tables(m);
    }

    @Override
    public List<Figure> figures(SpectralPhase m) {
        return SpectralSummary.figures(m);
    }
}
