package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientFlow;
import io.github.theorybench.dynamics.ScaledFlowPath;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.Arrays;
import java.util.Map;

/**
 * What LAZY-1, 2, 3, 5, 6 measure on one {@link LazyInstance} at one α (001 Theorem 8.1, Lemmas 8.1, 8.2): the
 * nonlinear and linearized gradient flows integrated to τ = t·α²σ_min² = τ_max, reduced to the numbers the verdicts
 * compare, plus the curves for the figures.
 *
 * @param provenance seed, sizes n, d, m, backend, activation
 * @param constants α, α*, σ_min, σ_max, β, R₀
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
 * @param lemma82 Lemma 8.2 along the nonlinear flow (LAZY-6)
 * @param topModeLemma82 Lemma 8.2 along the nonlinear flow of the instance with labels along J₀J₀ᵀ's top eigenvector
 * (LAZY-6 control: the middle step is tight there), integrated to τ = {@value #TOP_MODE_TAU}
 * @param innerSteps the proof's eigenvalue window and ball along the nonlinear flow
 * @param nonlinearCurve τ and R/R₀ of the nonlinear flow (figure)
 * @param linearCurve τ and R/R₀ of the linearized flow (figure)
 * @param lemmaCurves Lemma 8.1's and 8.2's ratios over τ (figure)
 * @param export the instance, for independent recomputation
 */
public record LazyFlowRun(Provenance provenance, LazyConstants constants, DecayComparison nonlinearDecay,
        DecayComparison linearDecay, DecayComparison nonlinearDecayRateX8, DecayComparison linearDecayRateX8,
        int nonlinearEvaluations, int linearEvaluations, double nonlinearMaxTravel, double nonlinearFinalTravel,
        double linearMaxTravel, double linearFinalTravel, double closedFormTravel, DecayComparison lemma81,
        DecayComparison lemma81RateX2, Lemma82 lemma82, Lemma82 topModeLemma82, InnerSteps innerSteps,
        RiskCurve nonlinearCurve,
        RiskCurve linearCurve, LemmaCurves lemmaCurves, Map<String, Object> export) {

    /** Besides the log-spaced grid the flows are recorded exactly at these τ: 1 (LAZY-1's calibration window) and 2 (t = 1/rate). */
    static final double[] EXACT_TAUS = {1, 2};
    /**
     * The LAZY-6 control's flow runs to τ = 1 at {@value #TOP_MODE_POINTS} times: its residual decays at the fastest
     * rate α²λ_max, and the ratio it tests is largest at the start.
     */
    static final double TOP_MODE_TAU = 1;
    static final int TOP_MODE_POINTS = 20;

    /**
     * Lemma 8.2 with S = αJ on the nonlinear flow (001: ‖v(t) − v(0)‖ ≤ ∫‖v̇‖ ≤ sqrt(λ₁)∫‖g(v(s)) − y‖ds ≤
     * sqrt(λ₁)/λ·‖g(v(0)) − y‖).
     *
     * @param lambda α² inf λ_min(J_sJ_sᵀ) over the recorded times (λ)
     * @param lambda1 α² sup λ_max(J_sJ_sᵀ) over the recorded times (λ₁)
     * @param travelRatio max_t ‖W(t) − W₀‖/(sqrt(λ₁(t))/λ(t)·‖αf(W₀) − y‖): the lemma's conclusion
     * @param pathLengthRatio max over recorded t &gt; 0 of ∫₀ᵗ‖Ẇ‖/(sqrt(λ₁(t))∫₀ᵗ‖αf − y‖): the lemma's middle step
     * @param travelOverPathLength ‖W(T) − W₀‖/∫₀ᵀ‖Ẇ‖ (1 for a straight path)
     */
    public record Lemma82(double lambda, double lambda1, double travelRatio, double pathLengthRatio,
            double travelOverPathLength) {
    }

    /**
     * The proof of Theorem 8.1 keeps the path inside the ball ‖W − W₀‖ ≤ σ_min/(2β), where the spectrum of J_tJ_tᵀ stays
     * within [σ_min²/4, 9σ_max²/4].
     *
     * @param minLambdaMinOverSigmaMin2 min_t λ_min(J_tJ_tᵀ)/σ_min²
     * @param maxLambdaMaxOverSigmaMax2 max_t λ_max(J_tJ_tᵀ)/σ_max²
     * @param travelOverRadius max_t ‖W(t) − W₀‖/(σ_min/(2β))
     */
    public record InnerSteps(double minLambdaMinOverSigmaMin2, double maxLambdaMaxOverSigmaMax2,
            double travelOverRadius) {
    }

    /** One flow's risk R(t)/R₀ against τ = t·α²σ_min², with c = α/α*. */
    public record RiskCurve(boolean linearized, double c, double[] tau, double[] riskOverR0) {
        static RiskCurve of(ScaledFlowPath p, LazyConstants k) {
            double scale = p.alpha() * p.alpha() * k.sigmaMin() * k.sigmaMin();
            double[] tau = new double[p.size()], r = new double[p.size()];
            for (int i = 0; i < p.size(); i++) {
                tau[i] = p.t()[i] * scale;
                r[i] = p.risk()[i] / k.r0();
            }
            return new RiskCurve(p.linearized(), k.c(), tau, r);
        }
    }

    /**
     * Lemma 8.2's travel/bound and path-length ratio at the recorded τ &gt; 0, and Lemma 8.1's R(t)/(R₀e^{−2λ(t)t}) at
     * the τ &gt; 0 where the check compares it (bound above 1e−10 R₀: past that the risk sits at round-off).
     */
    public record LemmaCurves(double[] tau, double[] lemma82Ratio, double[] pathLengthRatio, double[] lemma81Tau,
            double[] lemma81Ratio) {
    }

    /** Recorded times t = τ/(α²σ_min²): τ log-spaced in [1e−3, τ_max] and the {@link #EXACT_TAUS}, with t = 0 first. */
    static double[] times(double alpha, double sigmaMin, double tauMax, int points) {
        double scale = alpha * alpha * sigmaMin * sigmaMin;
        double[] grid = GradientFlow.logSpacedTimes(1e-3, tauMax, points);
        double[] tau = Arrays.copyOf(grid, grid.length + EXACT_TAUS.length);
        int k = grid.length;
        for (double extra : EXACT_TAUS) {
            if (extra < tauMax && Arrays.binarySearch(grid, extra) < 0) {
                tau[k++] = extra;
            }
        }
        tau = Arrays.copyOf(tau, k);
        Arrays.sort(tau);
        double[] times = new double[k];
        for (int i = 0; i < k; i++) {
            times[i] = tau[i] / scale;
        }
        return times;
    }

    /** Integrates both flows of {@code inst} at α to τ_max and reduces them. */
    static LazyFlowRun measure(LazyInstance inst, double alpha, double tauMax, int points) {
        LazyConstants k = LazyConstants.of(inst, alpha);
        double[] times = times(alpha, inst.sigmaMin(), tauMax, points);
        ScaledFlowPath nl = ScaledFlowPath.integrate(inst.flow(alpha, false), times);
        ScaledFlowPath lin = ScaledFlowPath.integrate(inst.flow(alpha, true), times);
        double rate = k.decayRate();
        double[] lemmaRate = lemma81Rate(nl, alpha);
        double[] doubled = lemmaRate.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        Spectrum sp = Spectrum.of(k, inst.r0(), nl);
        LazyInstance top = inst.withTopEigenvectorLabels();
        ScaledFlowPath topPath = ScaledFlowPath.integrate(top.flow(alpha, false),
                times(alpha, inst.sigmaMin(), TOP_MODE_TAU, TOP_MODE_POINTS));
        Lemma82 topMode = Spectrum.of(LazyConstants.of(top, alpha), top.r0(), topPath).lemma82();
        return new LazyFlowRun(inst.provenance(), k, decay(nl, k.r0(), rate), decay(lin, k.r0(), rate),
                decay(nl, k.r0(), 8 * rate), decay(lin, k.r0(), 8 * rate), nl.evaluations(), lin.evaluations(),
                nl.maxTravel(), nl.finalTravel(), lin.maxTravel(), lin.finalTravel(), closedFormLinearTravel(inst, alpha),
                DecayComparison.of(nl.t(), nl.risk(), k.r0(), lemmaRate),
                DecayComparison.of(nl.t(), nl.risk(), k.r0(), doubled), sp.lemma82, topMode, sp.inner, RiskCurve.of(nl, k),
                RiskCurve.of(lin, k), sp.curves(nl, k, lemmaRate), inst.export(alpha));
    }

    /** Lemma 8.1's rate 2λ(t), λ(t) = inf_{s ≤ t} α²λ_min(J_sJ_sᵀ) over the recorded times (Q = α²J Jᵀ). */
    static double[] lemma81Rate(ScaledFlowPath nl, double alpha) {
        double[] rate = new double[nl.size()];
        double inf = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nl.size(); i++) {
            inf = Math.min(inf, alpha * alpha * nl.lambdaMin()[i]);
            rate[i] = 2 * inf;
        }
        return rate;
    }

    static DecayComparison decay(ScaledFlowPath p, double r0, double rate) {
        return DecayComparison.of(p.t(), p.risk(), r0, DecayComparison.constant(p.size(), rate));
    }

    /** The spectrum of J_tJ_tᵀ along the nonlinear path: Lemma 8.2's ratios and the proof's eigenvalue window. */
    private record Spectrum(Lemma82 lemma82, InnerSteps inner, double[] bound82, double[] lengthBound) {
        static Spectrum of(LazyConstants k, double r0, ScaledFlowPath nl) {
            double a2 = k.alpha() * k.alpha(), resid0 = Math.sqrt(2 * r0);    // ‖g(v(0)) − y‖ = sqrt(2R₀)
            double worst = 0, worstLength = 0, lmin = Double.POSITIVE_INFINITY, lmax = 0;
            double minEig = Double.POSITIVE_INFINITY, maxEig = 0;
            double[] bound = new double[nl.size()], lengthBound = new double[nl.size()];
            for (int i = 0; i < nl.size(); i++) {
                lmin = Math.min(lmin, a2 * nl.lambdaMin()[i]);
                lmax = Math.max(lmax, a2 * nl.lambdaMax()[i]);
                bound[i] = Math.sqrt(lmax) / lmin * resid0;                      // Lemma 8.2 with S = αJ
                lengthBound[i] = Math.sqrt(lmax) * nl.residualIntegral()[i];    // its middle step
                worst = Math.max(worst, nl.travel()[i] / bound[i]);
                if (nl.t()[i] > 0) {
                    worstLength = Math.max(worstLength, nl.pathLength()[i] / lengthBound[i]);
                }
                minEig = Math.min(minEig, nl.lambdaMin()[i] / (k.sigmaMin() * k.sigmaMin()));
                maxEig = Math.max(maxEig, nl.lambdaMax()[i] / (k.sigmaMax() * k.sigmaMax()));
            }
            return new Spectrum(new Lemma82(lmin, lmax, worst, worstLength, nl.finalTravel() / nl.finalPathLength()),
                    new InnerSteps(minEig, maxEig, nl.maxTravel() / k.radius()), bound, lengthBound);
        }

        LemmaCurves curves(ScaledFlowPath nl, LazyConstants k, double[] lemmaRate) {
            int n = nl.size() - 1, compared = 0;
            double scale = k.alpha() * k.alpha() * k.sigmaMin() * k.sigmaMin();
            double[] tau = new double[n], l82 = new double[n], len = new double[n], tau81 = new double[n],
                    l81 = new double[n];
            for (int i = 0; i < n; i++) {
                int j = i + 1;                                                   // t = 0 left out (0/0)
                tau[i] = nl.t()[j] * scale;
                l82[i] = nl.travel()[j] / bound82[j];
                len[i] = nl.pathLength()[j] / lengthBound[j];
                double bound81 = k.r0() * Math.exp(-lemmaRate[j] * nl.t()[j]);
                if (bound81 >= DecayComparison.FLOOR * k.r0()) {
                    tau81[compared] = tau[i];
                    l81[compared++] = nl.risk()[j] / bound81;
                }
            }
            return new LemmaCurves(tau, l82, len, Arrays.copyOf(tau81, compared), Arrays.copyOf(l81, compared));
        }
    }

    /** sqrt(r₀ᵀ G₀⁻¹ r₀)/α: the linearized flow's total travel (the minimum-norm interpolating step). */
    static double closedFormLinearTravel(LazyInstance inst, double alpha) {
        DenseMatrix g0 = inst.net().gramStructured(inst.w0());
        double[] r0 = new double[inst.n()];
        for (int i = 0; i < r0.length; i++) {
            r0[i] = alpha * inst.f0()[i] - inst.y()[i];
        }
        DenseMatrix sol = inst.net().backend().solve(g0, DenseMatrix.columnVector(r0));
        double q = 0;
        for (int i = 0; i < r0.length; i++) {
            q += r0[i] * sol.get(i, 0);
        }
        return Math.sqrt(q) / alpha;
    }
}
