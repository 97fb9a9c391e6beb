package io.github.theorybench.claims.power;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorBatch;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PWR-5's descents (002, Xie–Stöger–Soltanolkotabi; CLAIMS.md PWR-5): asymmetric gradient descent U ← U − μ∇_U L,
 * V ← V − μ∇_V L on L(U, V) = ½‖𝒜(UVᵀ) − y‖² from U₀ = αŪ, V₀ = αV̄ for every (r, α) of one operator at once (one
 * batched evaluation a step). Each run records the relative error ‖U_tV_tᵀ − XYᵀ‖_F/‖XYᵀ‖_F at the first t where each
 * of a list of loss rules fires ("marks"), and — when asked — again at twice that t; it stops when every mark is
 * done, or at the step cap.
 */
final class PlateauRuns {
    private PlateauRuns() {
    }

    /** A condition on the loss history L₀ … L_t. */
    interface Rule {
        boolean reached(double[] loss, int t);
    }

    /** The first PWR-5 rule: L_t ≤ gate·L₀ and ln(L_{t−window}/L_t)/window ≤ rateTolerance. */
    record RateRule(int window, double rateTolerance, double gate) implements Rule {
        @Override
        public boolean reached(double[] loss, int t) {
            return t >= window && loss[t] <= gate * loss[0] && Math.log(loss[t - window] / loss[t]) / window
                    <= rateTolerance;
        }
    }

    /** CLAIMS.md PWR-5, second wave — the loss plateau: L_t &lt; gate·L₀ and L_{t−lag} &lt; factor·L_t. */
    record PlateauRule(int lag, double factor, double gate) implements Rule {
        @Override
        public boolean reached(double[] loss, int t) {
            return t >= lag && loss[t] < gate * loss[0] && loss[t - lag] < factor * loss[t];
        }
    }

    /** L_t &lt; gate·L₀ only: the loss has fallen, convergence not asked for (PWR-5's control). */
    record GateRule(double gate) implements Rule {
        @Override
        public boolean reached(double[] loss, int t) {
            return loss[t] < gate * loss[0];
        }
    }

    /** The first t a rule fired (−1 if it never did), the error there and at twice that t (NaN if not run). */
    record Mark(int t, double error, double errorAtTwice) {
    }

    /**
     * One run.
     *
     * @param r columns of U and V
     * @param alpha the init scale
     * @param steps the last step taken
     * @param plateau the first rule fired before the cap
     * @param finalError the error where the first rule fired (at the cap if it did not)
     * @param finalLossOverL0 L/L₀ there
     * @param marks one per rule, in rule order
     */
    record Run(int r, double alpha, int steps, boolean plateau, double finalError, double finalLossOverL0,
            List<Mark> marks) {
        Mark mark(int k) {
            return marks.get(k);
        }
    }

    /**
     * GD from every start (its U₀, V₀) on their common operator, evaluated by {@code form}, until every rule has fired
     * (and, with {@code twice}, the run has gone on to twice the step where it fired), or for {@code cap} steps.
     */
    static List<Run> descend(Backend b, List<SensingInstance> insts, FactorizedSensing.BatchForm form, double mu,
            List<Rule> rules, boolean twice, int cap) {
        DenseMatrix target = insts.get(0).target();
        List<DenseMatrix> u0 = new ArrayList<>(), v0 = new ArrayList<>();
        for (SensingInstance s : insts) {
            u0.add(s.u0().copy());
            v0.add(s.v0().copy());
        }
        FactorBatch.Descent problem = new FactorBatch.Descent(form, insts.size());
        Recorder rec = new Recorder(b, target, insts, problem, rules, twice, cap);
        GradientDescent.Result<FactorBatch> res = new GradientDescent<>(problem, mu, cap)
                .run(FactorBatch.asymmetric(u0, v0), problem.whenAllFrozen(), rec);
        List<Run> out = new ArrayList<>();
        for (int j = 0; j < insts.size(); j++) {      // a member left running when another diverged: no plateau
            out.add(rec.done[j] != null ? rec.done[j] : new Run(insts.get(j).r(), insts.get(j).alpha(), res.steps(),
                    false, Double.NaN, Double.NaN, List.of()));
        }
        return out;
    }

    /** Loss history per member, its marks; a member is frozen when its marks are done, at the cap or on divergence. */
    private static final class Recorder implements GradientDescent.StepRecorder<FactorBatch> {
        final Backend b;
        final DenseMatrix target;
        final double targetNorm;
        final List<SensingInstance> insts;
        final FactorBatch.Descent problem;
        final List<Rule> rules;
        final boolean twice;
        final int cap;
        final double[][] loss;
        final int[][] markT;
        final double[][] markError;
        final double[][] markErrorTwice;
        final Run[] done;

        Recorder(Backend b, DenseMatrix target, List<SensingInstance> insts, FactorBatch.Descent problem,
                List<Rule> rules, boolean twice, int cap) {
            this.b = b;
            this.target = target;
            this.targetNorm = target.frobeniusNorm();
            this.insts = insts;
            this.problem = problem;
            this.rules = rules;
            this.twice = twice;
            this.cap = cap;
            int k = insts.size();
            this.loss = new double[k][cap + 1];
            this.markT = new int[k][rules.size()];
            this.markError = new double[k][rules.size()];
            this.markErrorTwice = new double[k][rules.size()];
            for (int j = 0; j < k; j++) {
                Arrays.fill(markT[j], -1);
                Arrays.fill(markError[j], Double.NaN);
                Arrays.fill(markErrorTwice[j], Double.NaN);
            }
            this.done = new Run[k];
        }

        double error(FactorBatch x, int j) {
            DenseMatrix err = b.multiply(false, true, x.u(j), x.v(j)).toDense().plusScaled(-1, target);
            return err.frobeniusNorm() / targetNorm;
        }

        @Override
        public void record(int t, FactorBatch x, GradientDescent.Evaluation<FactorBatch> at) {
            for (int j = 0; j < x.size(); j++) {
                if (problem.frozen(j)) {
                    continue;
                }
                double l = at.gradient().loss(j);
                loss[j][t] = l;
                boolean pending = false;
                for (int k = 0; k < rules.size(); k++) {
                    if (markT[j][k] < 0 && Double.isFinite(l) && rules.get(k).reached(loss[j], t)) {
                        markT[j][k] = t;
                        markError[j][k] = error(x, j);
                    }
                    if (twice && markT[j][k] >= 0 && t == 2 * markT[j][k]) {
                        markErrorTwice[j][k] = t == 0 ? markError[j][k] : error(x, j);
                    }
                    pending |= markT[j][k] < 0 || twice && t < 2 * markT[j][k];
                }
                if (!pending || t == cap || !Double.isFinite(l)) {
                    finish(j, t, x, l);
                }
            }
        }

        void finish(int j, int t, FactorBatch x, double l) {
            boolean plateau = markT[j][0] >= 0;
            List<Mark> marks = new ArrayList<>();
            for (int k = 0; k < rules.size(); k++) {
                marks.add(new Mark(markT[j][k], markError[j][k], markErrorTwice[j][k]));
            }
            double err = plateau ? markError[j][0] : error(x, j);
            double lossRatio = (plateau ? loss[j][markT[j][0]] : l) / loss[j][0];
            done[j] = new Run(insts.get(j).r(), insts.get(j).alpha(), plateau ? markT[j][0] : t, plateau, err,
                    lossRatio, marks);
            problem.freeze(j);
        }
    }
}
