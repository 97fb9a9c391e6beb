package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorPair;
import java.util.Arrays;

/**
 * What BAL-1..3 measure along one gradient-descent run (U, V) ← (U, V) − μ(∇_U L, ∇_V L) (002; CLAIMS.md BAL),
 * recorded step by step by {@link GradientDescent}'s step recorder. Per-step arrays are indexed by the step t → t + 1
 * ({@code steps()} entries); B-norm arrays by the iterate t = 0 … {@code steps()}.
 *
 * @param provenance seed and sizes of the instance
 * @param mu the step size
 * @param alpha the initialization scale
 * @param r columns of U and V
 * @param bal1 BAL-1: max over stepped-from iterates of ‖Uᵀ∇_U L − (∇_V L)ᵀV‖_F / ‖Uᵀ∇_U L‖_F
 * @param bal1RoundOff the same error over ε(‖U‖_F‖∇_U L‖_F + ‖∇_V L‖_F‖V‖_F), the size of the two products' terms
 * @param bal2Ratio BAL-2: max over steps of ‖B_{t+1} − B_t‖_F / (μ²(‖∇_U L‖_F² + ‖∇_V L‖_F²))
 * @param bal2IdentityMultiple max over steps of ‖(B_{t+1} − B_t) − μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)‖_F / (ε S_t), S_t =
 *     ‖U_t‖_F² + ‖V_t‖_F² + ‖U_{t+1}‖_F² + ‖V_{t+1}‖_F² + μ²(‖∇_U‖_F² + ‖∇_V‖_F²): the sizes of the Grams subtracted
 * @param bal2IdentityOverBNorms the same error over ε(‖B_t‖_F + ‖B_{t+1}‖_F) (CLAIMS.md's scale), max over steps
 * @param bal2RelativeError max over steps of that error over ‖μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)‖_F
 * @param bal2RelativeFloor at the step of that maximum, ε S_t / ‖μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)‖_F: the relative error
 *     round-off alone allows there
 * @param lemmaStep BAL-3's decisive step t* ≥ 1: the largest (‖B_t‖ − bound_t)/|bound_t|
 * @param lemmaNorm ‖B_{t*}‖_F
 * @param lemmaBound ‖B₀‖_F + 2μ(L₀ − L_{t*})
 * @param lemmaMaxRatio max over t ≥ 1 with a positive bound of ‖B_t‖_F / bound_t
 * @param hypothesisFailures steps at which BAL-3's sufficient decrease failed
 * @param firstHypothesisFailure the first such step t (the step t → t + 1), −1 if none
 * @param firstBoundFailure the first t ≥ 1 with ‖B_t‖_F above the bound, −1 if none
 * @param diverged whether the run was cut because L_t exceeded {@value #DIVERGED}·L₀ or became non-finite
 * @param finalLoss L at the last iterate
 * @param loss0 L₀
 * @param bNorm ‖B_t‖_F, t = 0 … steps
 * @param bound ‖B₀‖_F + 2μ(L₀ − L_t), t = 0 … steps
 * @param bal1PerStep BAL-1's relative error at each stepped-from iterate
 * @param bal2RatioPerStep BAL-2's ratio at each step
 * @param bal2MultiplePerStep the identity's error over ε S_t at each step
 */
public record BalancedDescent(Provenance provenance, double mu, double alpha, int r, double bal1, double bal1RoundOff,
        double bal2Ratio, double bal2IdentityMultiple, double bal2IdentityOverBNorms, double bal2RelativeError,
        double bal2RelativeFloor, int lemmaStep, double lemmaNorm, double lemmaBound, double lemmaMaxRatio,
        int hypothesisFailures, int firstHypothesisFailure, int firstBoundFailure, boolean diverged, double finalLoss,
        double loss0, double[] bNorm, double[] bound, double[] bal1PerStep, double[] bal2RatioPerStep,
        double[] bal2MultiplePerStep) {

    /** A run is cut when L_t exceeds this multiple of L₀ (it has diverged). */
    static final double DIVERGED = 1e12;
    /** BAL-3's comparison allows the bound this much relative round-off. */
    static final double ROUND_OFF = 1e-12;
    static final double EPS = Math.ulp(1.0);

    /** Steps taken. */
    public int steps() {
        return bNorm.length - 1;
    }

    /** BAL-3's hypothesis held at every step (the named predicate {@link #sufficientDecrease}). */
    public boolean hypothesisEveryStep() {
        return hypothesisFailures == 0;
    }

    /** The smallest value the BAL-3 bound took along the run (negative once L_t > L₀ + ‖B₀‖/(2μ)). */
    public double minBound() {
        return Arrays.stream(bound).min().orElse(Double.NaN);
    }

    /** BAL-3's conclusion at the decisive step: ‖B_{t*}‖ ≤ bound_{t*} up to round-off (so at every t ≥ 1). */
    public boolean lemmaHeld() {
        return lemmaNorm <= lemmaBound + ROUND_OFF * Math.abs(lemmaBound);
    }

    /**
     * BAL-3's hypothesis at one step (002, proof of the lemma): L_t − L_{t+1} ≥ (μ/2)(‖∇_U L‖_F² + ‖∇_V L‖_F²), the
     * sufficient decrease that turns BAL-2's μ²‖∇‖² into 2μ(L_t − L_{t+1}).
     */
    public static boolean sufficientDecrease(double lossBefore, double lossAfter, double mu, double gradNormSquared) {
        return lossBefore - lossAfter >= 0.5 * mu * gradNormSquared;
    }

    /** Gradient descent on {@code problem} with step {@code mu} for at most {@code steps} steps from {@code start}. */
    public static BalancedDescent measure(Backend b, GradientDescent.Problem<FactorPair> problem, FactorPair start,
            double mu, double alpha, int steps, Provenance prov) {
        Recorder rec = new Recorder(b, mu);
        GradientDescent.Result<FactorPair> run = new GradientDescent<>(problem, mu, steps)
                .run(start, (k, x, e) -> e.loss() > DIVERGED * rec.loss0, rec);
        int n = rec.steps;
        double[] bn = Arrays.copyOf(rec.bn, n + 1), bd = Arrays.copyOf(rec.bd, n + 1);
        int worst = 1;
        double worstExcess = Double.NEGATIVE_INFINITY, maxRatio = 0;
        int firstFail = -1;
        for (int t = 1; t <= n; t++) {                   // BAL-3 at every t ≥ 1 (at t = 0 it is an equality)
            double excess = bd[t] != 0 ? (bn[t] - bd[t]) / Math.abs(bd[t]) : Math.signum(bn[t]) * Double.MAX_VALUE;
            if (!(excess <= worstExcess)) {
                worstExcess = excess;
                worst = t;
            }
            if (bd[t] > 0) {
                maxRatio = Math.max(maxRatio, bn[t] / bd[t]);
            }
            if (firstFail < 0 && !(bn[t] <= bd[t] + ROUND_OFF * Math.abs(bd[t]))) {
                firstFail = t;
            }
        }
        boolean diverged = run.reason() != GradientDescent.Stop.MAX_STEPS;
        return new BalancedDescent(prov, mu, alpha, start.u().cols(), rec.bal1, rec.bal1RoundOff, rec.bal2,
                rec.bal2Multiple, rec.bal2OverB, rec.bal2Rel, rec.bal2RelFloor, n >= 1 ? worst : 0,
                n >= 1 ? bn[worst] : bn[0], n >= 1 ? bd[worst] : bd[0], maxRatio, rec.failures, rec.firstFailure,
                firstFail, diverged, run.lastEvaluation().loss(), rec.loss0, bn, bd, Arrays.copyOf(rec.s1, n),
                Arrays.copyOf(rec.s2, n), Arrays.copyOf(rec.s3, n));
    }

    /**
     * BAL-1 at each iterate that is stepped from, BAL-2 and BAL-3's hypothesis on each step (t − 1 → t), B_t and
     * BAL-3's bound at each t: the recorder keeps the previous iterate and its evaluation.
     */
    private static final class Recorder implements GradientDescent.StepRecorder<FactorPair> {
        final Backend b;
        final double mu;
        double loss0, b0, bal1, bal1RoundOff, bal2, bal2Multiple, bal2OverB, bal2Rel, bal2RelFloor;
        int failures, firstFailure = -1, steps;
        double[] bn = new double[16], bd = new double[16], s1 = new double[16], s2 = new double[16],
                s3 = new double[16];
        FactorPair prev;
        GradientDescent.Evaluation<FactorPair> prevEval;
        DenseMatrix bPrev;

        Recorder(Backend b, double mu) {
            this.b = b;
            this.mu = mu;
        }

        @Override
        public void record(int k, FactorPair x, GradientDescent.Evaluation<FactorPair> e) {
            grow(k + 1);
            if (k == 0) {
                loss0 = e.loss();
                bPrev = x.imbalance(b);
                b0 = bPrev.frobeniusNorm();
            } else {
                step(k - 1, x, e);
                steps = k;
            }
            bn[k] = bPrev.frobeniusNorm();
            bd[k] = b0 + 2 * mu * (loss0 - e.loss());            // BAL-3: ‖B₀‖ + 2μ(L₀ − L_t)
            prev = x;
            prevEval = e;
        }

        /** The step t → t + 1 from prev to x: BAL-1 at prev, BAL-2's ratio and identity, BAL-3's hypothesis. */
        private void step(int t, FactorPair x, GradientDescent.Evaluation<FactorPair> e) {
            FactorPair g = prevEval.gradient();
            // BAL-1: Uᵀ∇_U L against (∇_V L)ᵀ V, relative to their size and to the size of their terms
            DenseMatrix left = b.multiply(true, false, prev.u(), g.u()).toDense();
            DenseMatrix right = b.multiply(true, false, g.v(), prev.v()).toDense();
            double err1 = left.plusScaled(-1, right).frobeniusNorm();
            s1[t] = err1 / Math.max(left.frobeniusNorm(), Double.MIN_NORMAL);
            bal1 = Math.max(bal1, s1[t]);
            double terms1 = prev.u().frobeniusNorm() * g.u().frobeniusNorm() + g.v().frobeniusNorm()
                    * prev.v().frobeniusNorm();
            bal1RoundOff = Math.max(bal1RoundOff, err1 / (EPS * Math.max(terms1, Double.MIN_NORMAL)));
            double g2 = g.normSquared();
            DenseMatrix bNext = x.imbalance(b);
            DenseMatrix lhs = bNext.plusScaled(-1, bPrev);
            // BAL-2's identity: B_{t+1} − B_t = μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)
            DenseMatrix rhs = b.gram(true, g.u()).toDense().plusScaled(-1, b.gram(true, g.v())).scale(mu * mu);
            double err2 = lhs.plusScaled(-1, rhs).frobeniusNorm();
            double sizes = sq(prev.u()) + sq(prev.v()) + sq(x.u()) + sq(x.v()) + mu * mu * g2;
            s3[t] = err2 / (EPS * Math.max(sizes, Double.MIN_NORMAL));
            bal2Multiple = Math.max(bal2Multiple, s3[t]);
            bal2OverB = Math.max(bal2OverB, err2 / (EPS * Math.max(bPrev.frobeniusNorm() + bNext.frobeniusNorm(),
                    Double.MIN_NORMAL)));
            double rel = err2 / Math.max(rhs.frobeniusNorm(), Double.MIN_NORMAL);
            if (rel > bal2Rel) {
                bal2Rel = rel;
                bal2RelFloor = EPS * sizes / Math.max(rhs.frobeniusNorm(), Double.MIN_NORMAL);
            }
            s2[t] = mu * mu * g2 > 0 ? lhs.frobeniusNorm() / (mu * mu * g2) : 0;  // BAL-2: ≤ μ²(‖∇_U‖² + ‖∇_V‖²)
            bal2 = Math.max(bal2, s2[t]);
            if (!sufficientDecrease(prevEval.loss(), e.loss(), mu, g2)) {           // BAL-3's hypothesis
                failures++;
                if (firstFailure < 0) {
                    firstFailure = t;
                }
            }
            bPrev = bNext;
        }

        private static double sq(DenseMatrix m) {
            double f = m.frobeniusNorm();
            return f * f;
        }

        private void grow(int size) {
            if (size > bn.length) {
                int c = 2 * bn.length;
                bn = Arrays.copyOf(bn, c);
                bd = Arrays.copyOf(bd, c);
                s1 = Arrays.copyOf(s1, c);
                s2 = Arrays.copyOf(s2, c);
                s3 = Arrays.copyOf(s3, c);
            }
        }
    }
}
