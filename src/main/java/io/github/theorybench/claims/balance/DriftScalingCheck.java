package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorPair;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.List;

/**
 * BAL-4 (002): gradient flow conserves B = UᵀU − VᵀV (dB/dt = −(Uᵀ∇_U + ∇_UᵀU) + (Vᵀ∇_V + ∇_VᵀV) = 0 by BAL-1),
 * so gradient descent's drift max_t ‖B_t − B₀‖_F, a sum of μ² terms over T = τ/μ steps, falls like μ: fitted slope
 * in [0.9, 1.1] over μ spanning two decades at the same total time τ = μT.
 */
public final class DriftScalingCheck extends MeasuredCheck<DriftScalingCheck.Sizes, DriftScalingCheck.Measurement> {
    public static final Criterion DRIFT_SLOPE = Criterion.claim("BAL-4", "driftSlope");

    /** CLAIMS.md BAL-4's window for the fitted slope of the drift in μ. */
    static final double SLOPE_LOW = 0.9, SLOPE_HIGH = 1.1;

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
     * The drift max_t ‖B_t − B₀‖_F for each μ after T = round(τ/μ) steps, and its log-log fit.
     *
     * @param provenance seed and sizes of the instance
     * @param alpha the initialization scale
     * @param mus the step sizes
     * @param steps T for each μ
     * @param drift max over t ≤ T of ‖B_t − B₀‖_F for each μ
     * @param fit the log-log fit of drift against μ
     */
    public record Measurement(Provenance provenance, double alpha, double[] mus, int[] steps, double[] drift,
            LineFit fit) {
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
        SensingInstance inst = SensingInstance.build(b, SeedStream.of(ctx.seed(), "BAL-4").seed(0), sizes.d(), sizes.d(), 2, 4, sizes.n(), 0.1);
        int k = sizes.mus().size();
        double[] mus = new double[k], drift = new double[k];
        int[] steps = new int[k];
        for (int i = 0; i < k; i++) {
            mus[i] = sizes.mus().get(i);
            steps[i] = (int) Math.round(sizes.tau() / mus[i]);
            drift[i] = drift(b, inst, mus[i], steps[i]);
            ctx.progress("BAL-4 mu = " + mus[i] + ": drift " + drift[i]);
        }
        Provenance prov = Provenance.of(inst.seed(), b.name(), "d1", sizes.d(), "d2", sizes.d(), "rStar", 2, "r", 4,
                "n", sizes.n(), "muT", sizes.tau());
        return new Measurement(prov, inst.alpha(), mus, steps, drift, LineFit.logLog(mus, drift));
    }

    /** max over t ≤ T of ‖B_t − B₀‖_F along gradient descent with step μ from inst's (U₀, V₀). */
    static double drift(Backend b, SensingInstance inst, double mu, int steps) {
        DenseMatrix b0 = SensingInstance.imbalance(b, inst.u0(), inst.v0());
        double[] worst = {0};
        new GradientDescent<>(FactorPair.sensing(inst.loss()), mu, steps).run(
                new FactorPair(inst.u0().copy(), inst.v0().copy()),
                (t, x, e) -> worst[0] = Math.max(worst[0], x.imbalance(b).plusScaled(-1, b0).frobeniusNorm()));
        return worst[0];
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        return List.of(Verdict.builder(DRIFT_SLOPE).at(m.provenance()).check("drift of B under GD against mu, same mu T")
                .observed(m.fit().slope()).bound(1.0).slack(m.fit().slope()).window(SLOPE_LOW, SLOPE_HIGH)
                .measure("alpha", m.alpha()).measure("slopeStdErr", m.fit().slopeStdErr())
                .detail("least-squares slope of log max_t ||B_t - B_0||_F against log mu").build());
    }

    @Override
    public List<Figure> figures(Measurement m) {
        double[] ref = new double[m.mus().length];
        for (int k = 0; k < ref.length; k++) {
            ref[k] = m.drift()[0] * m.mus()[k] / m.mus()[0];
        }
        return List.of(new Figure("BAL-4-drift", "BAL-4: drift of U'U - V'V under GD against the step size (mu T = 3)",
                "step size mu", "max_t ||B_t - B_0||_F", true, true,
                List.of(new Figure.Series("gradient descent", m.mus(), m.drift(), false),
                        new Figure.Series("slope 1 reference", m.mus(), ref, true))));
    }
}
