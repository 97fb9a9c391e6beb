package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorPair;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.Arrays;

/**
 * What BAL-1..3 measure along one gradient-descent run (U, V) ← (U, V) − μ(∇_U L, ∇_V L) on a
 * {@link SensingInstance} (002; CLAIMS.md BAL), recorded step by step by {@link GradientDescent}'s step recorder.
 *
 * @param provenance seed and sizes of the instance
 * @param mu the step size
 * @param alpha the initialization scale
 * @param r columns of U and V
 * @param bal1 BAL-1: max over iterates of ‖Uᵀ∇_U L − (∇_V L)ᵀV‖_F / ‖Uᵀ∇_U L‖_F
 * @param bal2Ratio BAL-2: max over steps of ‖B_{t+1} − B_t‖_F / (μ²(‖∇_U L‖_F² + ‖∇_V L‖_F²))
 * @param bal2Identity max over steps of ‖(B_{t+1} − B_t) − μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)‖_F / ‖μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)‖_F
 * @param bal3Ratio BAL-3: max over t ≥ 1 with a positive bound of ‖B_t‖_F / (‖B₀‖_F + 2μ(L₀ − L_t))
 * @param bal3Held whether ‖B_t‖_F ≤ (‖B₀‖_F + 2μ(L₀ − L_t))(1 + 1e−12) at every t and the run did not diverge
 * @param hypothesisEveryStep BAL-3's hypothesis: every step decreased L by at least (μ/2)(‖∇_U L‖² + ‖∇_V L‖²)
 * @param hypothesisFailures steps at which that sufficient decrease failed
 * @param finalLoss L at the last iterate
 * @param loss0 L₀
 * @param t recorded steps 0, 1, …
 * @param bNorm ‖B_t‖_F at those steps
 * @param bound ‖B₀‖_F + 2μ(L₀ − L_t) at those steps
 * @param bal3HalfRatio max over t ≥ 1 with a positive bound of ‖B_t‖_F / (‖B₀‖_F + μ(L₀ − L_t))
 */
public record BalancedDescent(Provenance provenance, double mu, double alpha, int r, double bal1, double bal2Ratio,
        double bal2Identity, double bal3Ratio, boolean bal3Held, boolean hypothesisEveryStep, int hypothesisFailures,
        double finalLoss, double loss0, double[] t, double[] bNorm, double[] bound, double bal3HalfRatio) {

    /** A run is cut when L_t exceeds this multiple of L₀ (it has diverged). */
    static final double DIVERGED = 1e12;
    /** BAL-3's comparison allows the bound this much relative round-off. */
    static final double ROUND_OFF = 1e-12;

    /** The smallest value the BAL-3 bound took along the run (negative once L_t > L₀ + ‖B₀‖/(2μ)). */
    public double minBound() {
        return Arrays.stream(bound).min().orElse(Double.NaN);
    }

    /** Gradient descent with step {@code mu} for at most {@code steps} steps on {@code inst}'s loss. */
    public static BalancedDescent measure(Backend b, SensingInstance inst, double mu, int steps) {
        Recorder rec = new Recorder(b, mu);
        FactorPair start = new FactorPair(inst.u0().copy(), inst.v0().copy());
        GradientDescent.Result<FactorPair> run = new GradientDescent<>(FactorPair.sensing(inst.loss()), mu, steps)
                .run(start, (k, x, e) -> e.loss() > DIVERGED * rec.loss0, rec);
        Provenance prov = Provenance.of(inst.seed(), b.name(), "d1", inst.d1(), "d2", inst.d2(), "rStar",
                inst.rStar(), "r", inst.r(), "n", inst.n());
        return new BalancedDescent(prov, mu, inst.alpha(), inst.r(), rec.bal1, rec.bal2, rec.bal2Id, rec.bal3,
                rec.held && run.reason() == GradientDescent.Stop.MAX_STEPS, rec.failures == 0, rec.failures,
                run.lastEvaluation().loss(), rec.loss0, Arrays.copyOf(rec.t, rec.recorded),
                Arrays.copyOf(rec.bn, rec.recorded), Arrays.copyOf(rec.bd, rec.recorded), rec.bal3Half);
    }

    /**
     * BAL-1 at each iterate that is stepped from, BAL-2 and BAL-3's hypothesis on each step (t − 1 → t), BAL-3's
     * bound at each t ≥ 1: the recorder keeps the previous iterate and its evaluation.
     */
    private static final class Recorder implements GradientDescent.StepRecorder<FactorPair> {
        final Backend b;
        final double mu;
        double loss0, b0, bal1, bal2, bal2Id, bal3, bal3Half;
        boolean held = true;
        int failures, recorded;
        double[] t = new double[16], bn = new double[16], bd = new double[16];
        FactorPair prev;
        GradientDescent.Evaluation<FactorPair> prevEval;
        DenseMatrix bPrev;

        Recorder(Backend b, double mu) {
            this.b = b;
            this.mu = mu;
        }

        @Override
        public void record(int k, FactorPair x, GradientDescent.Evaluation<FactorPair> e) {
            if (k == 0) {
                loss0 = e.loss();
                bPrev = x.imbalance(b);
                b0 = bPrev.frobeniusNorm();
                add(0, b0, b0);
            } else {
                step(x, e);
                double bNorm = bPrev.frobeniusNorm();
                double bound = b0 + 2 * mu * (loss0 - e.loss());          // BAL-3: ‖B₀‖ + 2μ(L₀ − L_t)
                add(k, bNorm, bound);
                if (!Double.isFinite(bNorm) || !(bNorm <= bound * (1 + ROUND_OFF))) {
                    held = false;
                }
                if (Double.isFinite(bNorm) && bound > 0) {
                    bal3 = Math.max(bal3, bNorm / bound);
                    bal3Half = Math.max(bal3Half, bNorm / (b0 + mu * (loss0 - e.loss())));
                }
            }
            prev = x;
            prevEval = e;
        }

        /** The step prev → x: BAL-1 at prev, BAL-2's ratio and identity, BAL-3's sufficient decrease. */
        private void step(FactorPair x, GradientDescent.Evaluation<FactorPair> e) {
            FactorPair g = prevEval.gradient();
            // BAL-1: Uᵀ∇_U L against (∇_V L)ᵀ V, relative to their size
            DenseMatrix left = b.multiply(true, false, prev.u(), g.u()).toDense();
            DenseMatrix right = b.multiply(true, false, g.v(), prev.v()).toDense();
            double scale = Math.max(left.frobeniusNorm(), Double.MIN_NORMAL);
            bal1 = Math.max(bal1, left.plusScaled(-1, right).frobeniusNorm() / scale);
            double g2 = g.normSquared();
            DenseMatrix bNext = x.imbalance(b);
            double stepNorm = bNext.plusScaled(-1, bPrev).frobeniusNorm();
            // BAL-2's identity: B_{t+1} − B_t = μ²(∇_Uᵀ∇_U − ∇_Vᵀ∇_V)
            DenseMatrix predicted = b.gram(true, g.u()).toDense().plusScaled(-1, b.gram(true, g.v()))
                    .scale(mu * mu);
            bal2Id = Math.max(bal2Id, bNext.plusScaled(-1, bPrev).plusScaled(-1, predicted).frobeniusNorm()
                    / Math.max(predicted.frobeniusNorm(), Double.MIN_NORMAL));
            if (mu * mu * g2 > 0) {
                bal2 = Math.max(bal2, stepNorm / (mu * mu * g2));        // BAL-2: ≤ μ²(‖∇_U‖² + ‖∇_V‖²)
            }
            if (!(prevEval.loss() - e.loss() >= 0.5 * mu * g2)) {         // BAL-3's hypothesis at this step
                failures++;
            }
            bPrev = bNext;
        }

        private void add(int k, double bNorm, double bound) {
            if (recorded == t.length) {
                t = Arrays.copyOf(t, 2 * recorded);
                bn = Arrays.copyOf(bn, 2 * recorded);
                bd = Arrays.copyOf(bd, 2 * recorded);
            }
            t[recorded] = k;
            bn[recorded] = bNorm;
            bd[recorded] = bound;
            recorded++;
        }
    }
}
