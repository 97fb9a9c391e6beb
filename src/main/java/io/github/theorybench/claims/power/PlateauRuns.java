package io.github.theorybench.claims.power;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorBatch;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * PWR-5's descents (002, Xie–Stöger–Soltanolkotabi; CLAIMS.md PWR-5): asymmetric gradient descent U ← U − μ∇_U L,
 * V ← V − μ∇_V L on L(U, V) = ½‖𝒜(UVᵀ) − y‖² from U₀ = αŪ, V₀ = αV̄ for every (r, α) of one operator at once (one
 * batched evaluation a step), each until its loss plateau, recording the relative error ‖U_tV_tᵀ − XYᵀ‖_F/‖XYᵀ‖_F
 * there.
 */
final class PlateauRuns {
    private PlateauRuns() {
    }

    /**
     * Stop at the first t with L_t ≤ gate·L₀ and ln(L_{t−window}/L_t)/window ≤ rateTolerance, or at t = cap.
     */
    record StopRule(int window, double rateTolerance, double gate, int cap) {
        boolean plateau(double[] loss, int t) {
            return t >= window && loss[t] <= gate * loss[0] && Math.log(loss[t - window] / loss[t]) / window
                    <= rateTolerance;
        }
    }

    /** One run: steps to its plateau (or the cap), whether the plateau was reached, the error and L_T/L₀ there. */
    record Run(int r, double alpha, int steps, boolean plateau, double finalError, double finalLossOverL0) {
    }

    /** GD from every start (its U₀, V₀) on their common operator, evaluated by {@code form}. */
    static List<Run> descend(Backend b, List<SensingInstance> insts, FactorizedSensing.BatchForm form, double mu,
            StopRule rule) {
        DenseMatrix target = insts.get(0).target();
        List<DenseMatrix> u0 = new ArrayList<>(), v0 = new ArrayList<>();
        for (SensingInstance s : insts) {
            u0.add(s.u0().copy());
            v0.add(s.v0().copy());
        }
        FactorBatch.Descent problem = new FactorBatch.Descent(form, insts.size());
        Recorder rec = new Recorder(b, target, insts, problem, rule);
        GradientDescent.Result<FactorBatch> res = new GradientDescent<>(problem, mu, rule.cap())
                .run(FactorBatch.asymmetric(u0, v0), problem.whenAllFrozen(), rec);
        List<Run> out = new ArrayList<>();
        for (int j = 0; j < insts.size(); j++) {      // a member left running when another diverged: no plateau
            out.add(rec.done[j] != null ? rec.done[j] : new Run(insts.get(j).r(), insts.get(j).alpha(), res.steps(),
                    false, Double.NaN, Double.NaN));
        }
        return out;
    }

    /** Loss history per member; a member is frozen at its plateau, at the cap, or when its loss is not finite. */
    private static final class Recorder implements GradientDescent.StepRecorder<FactorBatch> {
        final Backend b;
        final DenseMatrix target;
        final double targetNorm;
        final List<SensingInstance> insts;
        final FactorBatch.Descent problem;
        final StopRule rule;
        final double[][] loss;
        final Run[] done;

        Recorder(Backend b, DenseMatrix target, List<SensingInstance> insts, FactorBatch.Descent problem,
                StopRule rule) {
            this.b = b;
            this.target = target;
            this.targetNorm = target.frobeniusNorm();
            this.insts = insts;
            this.problem = problem;
            this.rule = rule;
            this.loss = new double[insts.size()][rule.cap() + 1];
            this.done = new Run[insts.size()];
        }

        @Override
        public void record(int t, FactorBatch x, GradientDescent.Evaluation<FactorBatch> at) {
            for (int j = 0; j < x.size(); j++) {
                if (problem.frozen(j)) {
                    continue;
                }
                double l = at.gradient().loss(j);
                loss[j][t] = l;
                boolean plateau = rule.plateau(loss[j], t);
                if (plateau || t == rule.cap() || !Double.isFinite(l)) {
                    DenseMatrix err = b.multiply(false, true, x.u(j), x.v(j)).toDense().plusScaled(-1, target);
                    done[j] = new Run(insts.get(j).r(), insts.get(j).alpha(), t, plateau,
                            err.frobeniusNorm() / targetNorm, l / loss[j][0]);
                    problem.freeze(j);
                }
            }
        }
    }
}
