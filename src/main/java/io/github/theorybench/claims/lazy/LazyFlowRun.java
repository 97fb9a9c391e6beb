package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientFlow;
import io.github.theorybench.dynamics.ScaledFlowPath;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.Map;

/**
 * What LAZY-1, 2, 3, 5, 6 measure on one {@link LazyInstance} at one α (001 Theorem 8.1, Lemmas 8.1, 8.2): the
 * nonlinear and linearized gradient flows integrated at log-spaced τ = t·α²σ_min² ∈ [1e−3, τ_max], reduced to the
 * numbers the verdicts compare, plus the risk curves for the figure.
 *
 * @param provenance seed, sizes n, d, m, backend, activation
 * @param alpha the scale α the flows ran at
 * @param alphaStar α* = β·sqrt(1152 σ_max² R₀)/σ_min³ (CLAIMS.md LAZY)
 * @param sigmaMin σ_min(J₀)
 * @param sigmaMax ‖J₀‖₂
 * @param beta β = β₀·sqrt(Σ‖x_i‖⁴)
 * @param r0 R₀ = ½‖αf(W₀) − y‖²
 * @param nonlinearDecay the nonlinear risk against R₀·exp(−t α²σ_min²/2) (LAZY-1)
 * @param linearDecay the linearized risk against the same bound (LAZY-2)
 * @param nonlinearDecayRateX8 the nonlinear risk against the bound with its rate × 8 (control)
 * @param linearDecayRateX8 the linearized risk against the bound with its rate × 8 (control)
 * @param nonlinearEvaluations field evaluations of the nonlinear integration
 * @param linearEvaluations field evaluations of the linearized integration
 * @param nonlinearMaxTravel max_t ‖W(t) − W₀‖_F
 * @param nonlinearFinalTravel ‖W(T) − W₀‖_F
 * @param linearMaxTravel max_t ‖U(t) − U₀‖_F
 * @param linearFinalTravel ‖U(T) − U₀‖_F
 * @param closedFormTravel sqrt(r₀ᵀ G₀⁻¹ r₀)/α, the linearized flow's total travel in closed form (LAZY-3 control)
 * @param lemma81 the nonlinear risk against R₀·exp(−2λ(t)t), λ(t) = inf_{s≤t} α²λ_min(J_sJ_sᵀ) (LAZY-5)
 * @param lemma81RateX2 the same with the rate × 2 (control)
 * @param lemma81Lambda λ(T), the infimum of α²λ_min(J_sJ_sᵀ) over the recorded times
 * @param lemma82Ratio max_t ‖W(t) − W₀‖/(sqrt(λ₁(t))/λ(t)·‖αf(W₀) − y‖) (LAZY-6, S = αJ)
 * @param finalPathLength ∫₀ᵀ‖Ẇ‖ of the nonlinear flow
 * @param minLambdaMinOverSigmaMin2 min_t λ_min(J_tJ_tᵀ)/σ_min² (the proof requires ≥ 1/4)
 * @param maxLambdaMaxOverSigmaMax2 max_t λ_max(J_tJ_tᵀ)/σ_max² (the proof requires ≤ 9/4)
 * @param travelOverRadius max_t ‖W(t) − W₀‖/(σ_min/(2β)) (the proof's ball)
 * @param nonlinearCurve τ and R/R₀ of the nonlinear flow (figure)
 * @param linearCurve τ and R/R₀ of the linearized flow (figure)
 * @param withControls whether this run's rows include the controls
 * @param export the instance, for independent recomputation
 */
public record LazyFlowRun(Provenance provenance, double alpha, double alphaStar, double sigmaMin, double sigmaMax,
        double beta, double r0, DecayComparison nonlinearDecay, DecayComparison linearDecay,
        DecayComparison nonlinearDecayRateX8, DecayComparison linearDecayRateX8, int nonlinearEvaluations,
        int linearEvaluations, double nonlinearMaxTravel, double nonlinearFinalTravel, double linearMaxTravel,
        double linearFinalTravel, double closedFormTravel, DecayComparison lemma81, DecayComparison lemma81RateX2,
        double lemma81Lambda, double lemma82Ratio, double finalPathLength, double minLambdaMinOverSigmaMin2,
        double maxLambdaMaxOverSigmaMax2, double travelOverRadius, RiskCurve nonlinearCurve, RiskCurve linearCurve,
        boolean withControls, Map<String, Object> export) {

    /** One flow's risk R(t)/R₀ against τ = t·α²σ_min², with c = α/α*. */
    public record RiskCurve(boolean linearized, double c, double[] tau, double[] riskOverR0) {
        static RiskCurve of(ScaledFlowPath p, double alphaStar, double sigmaMin, double r0) {
            double scale = p.alpha() * p.alpha() * sigmaMin * sigmaMin;
            double[] tau = new double[p.size()], r = new double[p.size()];
            for (int k = 0; k < p.size(); k++) {
                tau[k] = p.t()[k] * scale;
                r[k] = p.risk()[k] / r0;
            }
            return new RiskCurve(p.linearized(), p.alpha() / alphaStar, tau, r);
        }
    }

    /** Recorded times t = τ/(α²σ_min²) for τ log-spaced in [1e−3, τ_max], with t = 0 first. */
    static double[] times(double alpha, double sigmaMin, double tauMax, int points) {
        double scale = alpha * alpha * sigmaMin * sigmaMin;
        double[] tau = GradientFlow.logSpacedTimes(1e-3, tauMax, points);
        double[] times = new double[tau.length];
        for (int k = 0; k < tau.length; k++) {
            times[k] = tau[k] / scale;
        }
        return times;
    }

    /** Integrates both flows of {@code inst} at α and reduces them. */
    static LazyFlowRun measure(LazyInstance inst, double alpha, double tauMax, int points, boolean withControls) {
        double[] times = times(alpha, inst.sigmaMin(), tauMax, points);
        ScaledFlowPath nl = ScaledFlowPath.integrate(inst.flow(alpha, false), times);
        ScaledFlowPath lin = ScaledFlowPath.integrate(inst.flow(alpha, true), times);
        double rate = inst.decayRate(alpha);
        double[] lemmaRate = new double[nl.size()];
        double inf = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nl.size(); k++) {
            inf = Math.min(inf, alpha * alpha * nl.lambdaMin()[k]);       // λ(t) over the recorded times
            lemmaRate[k] = 2 * inf;                                        // Lemma 8.1: exp(−2λ(t) t)
        }
        double[] doubled = lemmaRate.clone();
        for (int k = 0; k < doubled.length; k++) {
            doubled[k] *= 2;
        }
        Spectrum sp = Spectrum.of(inst, alpha, nl);
        return new LazyFlowRun(inst.provenance(), alpha, inst.alphaStar(), inst.sigmaMin(), inst.sigmaMax(),
                inst.beta(), inst.r0(), decay(nl, inst.r0(), rate), decay(lin, inst.r0(), rate),
                decay(nl, inst.r0(), 8 * rate), decay(lin, inst.r0(), 8 * rate), nl.evaluations(),
                lin.evaluations(), nl.maxTravel(), nl.finalTravel(), lin.maxTravel(), lin.finalTravel(),
                closedFormLinearTravel(inst, alpha), DecayComparison.of(nl.t(), nl.risk(), inst.r0(), lemmaRate),
                DecayComparison.of(nl.t(), nl.risk(), inst.r0(), doubled), inf, sp.lemma82Ratio,
                nl.finalPathLength(), sp.minEig, sp.maxEig, nl.maxTravel() / (inst.sigmaMin() / (2 * inst.beta())),
                RiskCurve.of(nl, inst.alphaStar(), inst.sigmaMin(), inst.r0()),
                RiskCurve.of(lin, inst.alphaStar(), inst.sigmaMin(), inst.r0()), withControls, inst.export(alpha));
    }

    static DecayComparison decay(ScaledFlowPath p, double r0, double rate) {
        return DecayComparison.of(p.t(), p.risk(), r0, DecayComparison.constant(p.size(), rate));
    }

    /** The spectrum of J_tJ_tᵀ along the nonlinear path: Lemma 8.2's ratio and the proof's eigenvalue window. */
    private record Spectrum(double lemma82Ratio, double minEig, double maxEig) {
        static Spectrum of(LazyInstance inst, double alpha, ScaledFlowPath nl) {
            double yNorm = 0;
            for (double yi : inst.y()) {
                yNorm += yi * yi;
            }
            yNorm = Math.sqrt(yNorm);                                      // ‖g(v(0)) − y‖, g(v(0)) = αf(W₀) = 0
            double worst = 0, lmin = Double.POSITIVE_INFINITY, lmax = 0;
            double minEig = Double.POSITIVE_INFINITY, maxEig = 0;
            for (int k = 0; k < nl.size(); k++) {
                lmin = Math.min(lmin, alpha * alpha * nl.lambdaMin()[k]);
                lmax = Math.max(lmax, alpha * alpha * nl.lambdaMax()[k]);
                double bound = Math.sqrt(lmax) / lmin * yNorm;             // Lemma 8.2 with S = αJ
                worst = Math.max(worst, nl.travel()[k] / bound);
                minEig = Math.min(minEig, nl.lambdaMin()[k] / (inst.sigmaMin() * inst.sigmaMin()));
                maxEig = Math.max(maxEig, nl.lambdaMax()[k] / (inst.sigmaMax() * inst.sigmaMax()));
            }
            return new Spectrum(worst, minEig, maxEig);
        }
    }

    /** sqrt(r₀ᵀ G₀⁻¹ r₀)/α: the linearized flow's total travel (the minimum-norm interpolating step). */
    static double closedFormLinearTravel(LazyInstance inst, double alpha) {
        DenseMatrix g0 = inst.net().gramStructured(inst.w0());
        double[] f0 = inst.net().predictions(inst.w0());
        double[] r0 = new double[inst.n()];
        for (int i = 0; i < r0.length; i++) {
            r0[i] = alpha * f0[i] - inst.y()[i];
        }
        DenseMatrix sol = inst.net().backend().solve(g0, DenseMatrix.columnVector(r0));
        double q = 0;
        for (int i = 0; i < r0.length; i++) {
            q += r0[i] * sol.get(i, 0);
        }
        return Math.sqrt(q) / alpha;
    }

    /** LAZY-3's bound sqrt(72 σ_max² R₀)/(α σ_min²). */
    public double travelBound() {
        return Math.sqrt(72 * sigmaMax * sigmaMax * r0) / (alpha * sigmaMin * sigmaMin);
    }

    /** The rate α²σ_min²/2 of LAZY-1's bound. */
    public double decayRate() {
        return alpha * alpha * sigmaMin * sigmaMin / 2;
    }

    /** The proof's ball radius σ_min/(2β). */
    public double radius() {
        return sigmaMin / (2 * beta);
    }
}
