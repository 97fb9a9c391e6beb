package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorPair;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * BAL-4 (002): gradient flow conserves B = UᵀU − VᵀV (dB/dt = −(Uᵀ∇_U + ∇_UᵀU) + (Vᵀ∇_V + ∇_VᵀV) = 0 by BAL-1),
 * so gradient descent's drift max_t ‖B_t − B₀‖_F — by BAL-2 a sum over T = τ/μ steps of terms μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)
 * — falls like μ: fitted log-log slope in [0.9, 1.1] over μ spanning two decades at the same total time τ = μT
 * ({@link FixedTimeSweep}, the hypothesis). Control: the same fit with the normalization removed — the same step count
 * T = τ/μ_max for every μ — where the drift is T terms of size μ² and the slope tends to 2.
 */
public final class DriftScalingCheck extends MeasuredCheck<DriftScalingCheck.Sizes, DriftScalingCheck.Measurement> {
    public static final Criterion DRIFT_SLOPE = Criterion.claim("BAL-4", "driftSlope");
    public static final Criterion DRIFT_SLOPE_FIXED_STEPS = Criterion.control("BAL-4", "driftSlopeFixedStepCount");

    /** CLAIMS.md BAL-4's window for the fitted slope of the drift in μ. */
    static final double SLOPE_LOW = 0.9, SLOPE_HIGH = 1.1;
    static final int R_STAR = 2, R = 4;
    static final double ALPHA = 0.1;

    /** d₁ = d₂ = d, n measurements, r* = 2, r = 4, α = 0.1; the step sizes; the common total time τ = μT. */
    public record Sizes(int d, int n, List<Double> mus, double tau) {
        /** CLAIMS.md: μ over two decades, 0.1 … 0.001, at μT = 3. */
        public static Sizes claims() {
            return new Sizes(20, 800, List.of(0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001), 3.0);
        }

        public static Sizes quick() {
            return new Sizes(20, 800, List.of(0.1, 0.03, 0.01, 0.003, 0.001), 3.0);
        }
    }

    /**
     * One sweep: its step sizes and step counts, the drift max_{t ≤ T} ‖B_t − B₀‖_F for each μ, and the log-log fit.
     */
    public record Sweep(FixedTimeSweep plan, double[] drift, LineFit fit) {
    }

    /** The claim's sweep at fixed μT and the control's at fixed T, on one instance. */
    public record Measurement(Provenance provenance, double tau, Sweep fixedTime, Sweep fixedSteps) {
    }

    public DriftScalingCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    DriftScalingCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("BAL-4");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        Backend b = ctx.backend();
        SensingInstance inst = SensingInstance.build(b, SeedStream.of(ctx.seed(), "BAL-4").seed(0), sizes.d(),
                sizes.d(), R_STAR, R, sizes.n(), ALPHA);
        double[] mus = sizes.mus().stream().mapToDouble(Double::doubleValue).toArray();
        FixedTimeSweep claim = FixedTimeSweep.atTotalTime(mus, sizes.tau());
        FixedTimeSweep control = FixedTimeSweep.atStepCount(mus, claim.steps()[0]);
        Provenance prov = Provenance.of(inst.seed(), b.name(), "d1", sizes.d(), "d2", sizes.d(), "rStar", R_STAR, "r",
                R, "n", sizes.n(), "muT", sizes.tau());
        return new Measurement(prov, sizes.tau(), sweep(b, inst, claim, ctx), sweep(b, inst, control, ctx));
    }

    private static Sweep sweep(Backend b, SensingInstance inst, FixedTimeSweep plan, CheckContext ctx) {
        double[] drift = new double[plan.mus().length];
        FactorizedSensing.GramForm form = inst.loss().gramForm(inst.target());
        for (int k = 0; k < drift.length; k++) {
            drift[k] = drift(b, inst, form, plan.mus()[k], plan.steps()[k]);
            ctx.progress("BAL-4 mu = " + plan.mus()[k] + ", T = " + plan.steps()[k] + ": drift " + drift[k]);
        }
        return new Sweep(plan, drift, LineFit.logLog(plan.mus(), drift));
    }

    /**
     * max over t ≤ T of ‖B_t − B₀‖_F along gradient descent with step μ from inst's (U₀, V₀), the loss evaluated
     * through the Gram form (one d₁d₂ × d₁d₂ GEMV per step instead of two passes over the n × d₁d₂ measurements).
     */
    static double drift(Backend b, SensingInstance inst, FactorizedSensing.GramForm form, double mu, int steps) {
        DenseMatrix b0 = SensingInstance.imbalance(b, inst.u0(), inst.v0());
        double[] worst = {0};
        new GradientDescent<>(new FactorPair.Batch(form), mu, steps).run(
                List.of(new FactorPair(inst.u0().copy(), inst.v0().copy())),
                (t, x, e) -> worst[0] = Math.max(worst[0], x.get(0).imbalance(b).plusScaled(-1, b0).frobeniusNorm()));
        return worst[0];
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        return List.of(row(DRIFT_SLOPE, m, m.fixedTime()), row(DRIFT_SLOPE_FIXED_STEPS, m, m.fixedSteps()));
    }

    private static Verdict row(Criterion c, Measurement m, Sweep s) {
        FixedTimeSweep p = s.plan();
        String at = c.role() == Verdict.Role.CONTROL ? "control: same step count T = " + p.steps()[0]
                + " for every mu" : "same mu T = " + NumberText.sig3(m.tau());
        return Verdict.builder(c).at(m.provenance()).check("drift of B under GD against mu, " + at)
                .hypothesisMet(p.approximatesFlow()).observed(s.fit().slope()).bound(1.0).slack(s.fit().slope())
                .window(SLOPE_LOW, SLOPE_HIGH).measure("alpha", ALPHA).measure("slopeStdErr", s.fit().slopeStdErr())
                .measure("rSquared", s.fit().rSquared()).measure("muSpan", p.span())
                .measure("totalTimeSpread", p.timeSpread())
                .detail(NumberText.format("least-squares slope of log max_t ||B_t - B_0||_F against log mu over mu = "
                        + "%s .. %s: %.4f +- %.4f (R^2 %.4f); mu T from %s to %s", NumberText.sig3(min(p.mus())),
                        NumberText.sig3(max(p.mus())), s.fit().slope(), s.fit().slopeStdErr(), s.fit().rSquared(),
                        NumberText.sig3(min(p.mus()) * p.steps()[p.steps().length - 1]),
                        NumberText.sig3(max(p.mus()) * p.steps()[0]))).build();
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    @Override
    public List<Figure> figures(Measurement m) {
        Sweep s = m.fixedTime(), c = m.fixedSteps();
        double[] mus = s.plan().mus();
        List<Figure.Series> series = new ArrayList<>();
        series.add(new Figure.Series("GD drift, mu T = " + NumberText.sig3(m.tau()), mus, s.drift(), false));
        series.add(new Figure.Series(NumberText.format("fit, slope %.3f", s.fit().slope()), mus, at(s.fit(), mus),
                true));
        series.add(Figure.Series.band("window edge, slope 0.9", "fit, slope " + NumberText.fixed(s.fit().slope(), 3),
                mus, LineFit.referenceLine(mus, s.drift(), SLOPE_LOW)));
        series.add(Figure.Series.band("window edge, slope 1.1", "fit, slope " + NumberText.fixed(s.fit().slope(), 3),
                mus, LineFit.referenceLine(mus, s.drift(), SLOPE_HIGH)));
        series.add(new Figure.Series(NumberText.format("control: T = %d for every mu (slope %.3f)",
                c.plan().steps()[0], c.fit().slope()), c.plan().mus(), c.drift(), false));
        return List.of(new Figure("BAL-4-drift", "BAL-4: drift of U'U - V'V under GD against the step size, with "
                + "the window [0.9, 1.1]", "step size mu", "max_t ||B_t - B_0||_F", true, true, series));
    }

    private static double[] at(LineFit f, double[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = f.at(x[k]);
        }
        return y;
    }
}
