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
 * PWR-1, PWR-2, PWR-4 (002, small initialization acts as a power method) on d = 30, n = 2000, r* = 2: gradient
 * descent on L(U) = ¼‖𝒜(UUᵀ) − y‖² from U₀ = αŪ against the power iterates Ũ_t = (I + μZ)^t U₀
 * ({@link SpectralRuns}), up to t_spec = first t with ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂.
 */
public final class PowerMethodCheck extends MeasuredCheck<PowerMethodCheck.Sizes, SpectralPhase> {
    public static final Criterion TRACKING = Criterion.claim("PWR-1", "trackingToTSpec");
    public static final Criterion HALFWAY_DEVIATION_SLOPE = Criterion.claim("PWR-1", "halfwayDeviationSlope");
    public static final Criterion ALIGNMENT_RATE = Criterion.claim("PWR-2", "alignmentRate");
    public static final Criterion ALIGNED_AT_T_SPEC = Criterion.claim("PWR-2", "alignedAtTSpec");
    public static final Criterion T_SPEC_SLOPE = Criterion.claim("PWR-4", "tSpecSlope");

    static final double MU = 0.1;
    static final int R_STAR = 2;
    /** CLAIMS.md PWR-1: α ∈ {1e−2, …, 1e−8}. */
    static final double[] ALPHAS = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8};
    static final int MAX_STEPS = 5000;
    /** PWR-1: max_{t ≤ t_spec} deviation ≤ 0.1. */
    static final double TRACKING_BOUND = 0.1;
    /** PWR-1: slope of the deviation at t_spec/2 in α within [0.8, 1.3]. */
    static final double DEVIATION_SLOPE_LOW = 0.8;
    static final double DEVIATION_SLOPE_HIGH = 1.3;
    /** PWR-2: fitted rate within 10% of q. */
    static final double RATE_LOW = 0.9;
    static final double RATE_HIGH = 1.1;
    /** PWR-2: the angle at t_spec ≤ 0.1. */
    static final double ANGLE_BOUND = 0.1;
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

    @Override
    public SpectralPhase measure(Sizes sizes, CheckContext ctx) {
        Backend b = ctx.backend();
        SpectralInstance drawn = SpectralInstance.build(b, SeedStream.of(ctx.seed(), "PWR-1,2,4").seed(0), sizes.d(),
                sizes.n(), SpectralInstance.EIGENVALUES, 1, R_STAR);
        SymmetricSensingInstance inst = drawn.sensing();
        List<SpectralRuns.Run> runs = SpectralRuns.descend(b, inst, inst.loss().batchForm(inst.target()),
                drawn.init(R_STAR), ALPHAS, MU, MAX_STEPS);
        runs.forEach(r -> ctx.progress(NumberText.format("PWR alpha %.0e: t_spec %d", r.alpha(), r.tSpec())));
        double[] lambdas = {inst.lambda(1), inst.lambda(2), inst.lambda(3)};
        double floor = SymmetricSensingInstance.sinAngle(b, SymmetricSensingInstance.top(inst.zEigen(), R_STAR),
                SymmetricSensingInstance.top(inst.targetEigen(), R_STAR));
        Provenance prov = Provenance.of(inst.seed(), b.name(), "d", inst.d(), "rStar", R_STAR, "n", inst.n(),
                "mu", MU);
        return summarize(prov, lambdas, floor, runs);
    }

    /** The fits of PWR-1, 2 and 4 on the runs. */
    static SpectralPhase summarize(Provenance prov, double[] lambdas, double floor, List<SpectralRuns.Run> runs) {
        int m = runs.size();
        double[] alpha = new double[m], half = new double[m], inverseAlpha = new double[m], tSpec = new double[m];
        for (int k = 0; k < m; k++) {
            alpha[k] = runs.get(k).alpha();
            half[k] = runs.get(k).halfDeviation();
            inverseAlpha[k] = 1 / alpha[k];
            tSpec[k] = runs.get(k).tSpec();
        }
        // PWR-2: ln sin against t on the smallest α's run (the longest power phase), t in [5, max(8, t_spec/2))
        double[] s = runs.get(m - 1).sinZ();
        int from = ALIGNMENT_FIT_FROM, to = Math.max(from + 3, runs.get(m - 1).tSpec() / 2);
        List<double[]> pts = new ArrayList<>();
        for (int t = from; t < Math.min(to, s.length); t++) {
            if (s[t] > 1e-12) {
                pts.add(new double[] {t, Math.log(s[t])});
            }
        }
        double[] tx = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] ly = pts.stream().mapToDouble(p -> p[1]).toArray();
        double rate = Math.exp(LineFit.linear(tx, ly).slope());
        double q = (1 + MU * lambdas[2]) / (1 + MU * lambdas[1]);            // PWR-2: (1 + μλ₃)/(1 + μλ₂)
        return new SpectralPhase(prov, lambdas, floor, runs, LineFit.logLog(alpha, half), from, to, rate, q,
                LineFit.semiLogX(inverseAlpha, tSpec), 1 / Math.log(1 + MU * lambdas[0]));   // PWR-4: 1/ln(1 + μλ₁)
    }

    @Override
    public List<Verdict> verdicts(SpectralPhase m) {
        List<Verdict> out = new ArrayList<>();
        out.add(base(TRACKING, m).check("max_{t <= t_spec} ||U_t - U~_t|| / ||U~_t||").observed(m.maxDeviation())
                .bound(TRACKING_BOUND).detail("over alpha = 1e-2 .. 1e-8, r = r* = 2, mu = " + MU).build());
        double slope = m.halfwayDeviationFit().slope();
        out.add(base(HALFWAY_DEVIATION_SLOPE, m).check("deviation at t_spec/2 against alpha, fitted slope")
                .observed(slope).bound(1.0).slack(slope).window(DEVIATION_SLOPE_LOW, DEVIATION_SLOPE_HIGH)
                .kind(ClaimKind.SCALING).build());
        double rateOverQ = m.fittedRate() / m.q();
        SpectralRuns.Run smallest = m.smallestAlpha();
        out.add(base(ALIGNMENT_RATE, m).check("fitted alignment rate / q").observed(rateOverQ).bound(1.0)
                .slack(rateOverQ).window(RATE_LOW, RATE_HIGH).measure("fittedRate", m.fittedRate())
                .measure("q", m.q()).measure("concentrationFloor", m.concentrationFloor())
                .measure("sinToTargetAtTSpec", smallest.sinTargetAtSpec())
                .detail(NumberText.format("sin of the largest angle to Z's top-2 eigenspace decays at %.5f per step, "
                        + "q = %.5f (fit over t in [%d, %d), alpha = 1e-8); angle to XX^T's eigenspace at t_spec %.3g "
                        + "vs concentration floor sin(Z, XX^T) = %.3g", m.fittedRate(), m.q(), m.alignmentFitFrom(),
                        m.alignmentFitTo(), smallest.sinTargetAtSpec(), m.concentrationFloor())).build());
        out.add(base(ALIGNED_AT_T_SPEC, m).check("angle to Z's eigenspace at t_spec, alpha = 1e-8, r = r*")
                .observed(smallest.sinZAtSpec()).bound(ANGLE_BOUND).build());
        double ratio = m.tSpecFit().slope() / m.predictedTSpecSlope();
        out.add(base(T_SPEC_SLOPE, m).check("t_spec against ln(1/alpha): fitted slope / (1/ln(1 + mu lambda_1))")
                .observed(ratio).bound(1.0).slack(ratio).window(T_SPEC_LOW, T_SPEC_HIGH)
                .measure("fittedSlope", m.tSpecFit().slope()).measure("predictedSlope", m.predictedTSpecSlope())
                .build());
        return out;
    }

    private static Verdict.Builder base(Criterion c, SpectralPhase m) {
        return Verdict.builder(c).at(m.provenance()).measure("lambda1", m.lambda(1)).measure("lambda2", m.lambda(2))
                .measure("lambda3", m.lambda(3));
    }

    @Override
    public List<Table> tables(SpectralPhase m) {
        List<List<String>> rows = new ArrayList<>();
        for (SpectralRuns.Run r : m.runs()) {
            rows.add(List.of(NumberText.format("%.0e", r.alpha()), Integer.toString(r.tSpec()),
                    NumberText.sig3(r.maxDeviation()), NumberText.sig3(r.halfDeviation())));
        }
        return List.of(new Table("PWR-spectral-phase", NumberText.format("PWR-1/4: spectral phase (d = %d, n = %d, "
                + "r = r* = 2, mu = %.2g, lambda_1..3(Z) = %.4f, %.4f, %.4f)", m.provenance().sizes().get("d"),
                m.provenance().sizes().get("n"), MU, m.lambda(1), m.lambda(2), m.lambda(3)),
                List.of("alpha", "t_spec", "max deviation from power iterates", "deviation at t_spec/2"), rows, ""));
    }

    @Override
    public List<Figure> figures(SpectralPhase m) {
        double[] s = m.smallestAlpha().sinZ();
        int from = m.alignmentFitFrom();
        double[] t = new double[s.length], qLine = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            t[k] = k;
            qLine[k] = s[from] * Math.pow(m.q(), k - from);
        }
        return List.of(new Figure("PWR-2-alignment", "PWR-2: sin of the angle to Z's top eigenspace (alpha = 1e-8)",
                "step t", "sin angle", false, true, List.of(new Figure.Series("gradient descent", t, s, false),
                        new Figure.Series("q^t", t, qLine, true))));
    }
}
