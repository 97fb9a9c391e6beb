package io.github.theorybench.claims.power;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorBatch;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PWR-6's descents (002, "How does more overparameterization help?"): symmetric gradient descent U ← U − μ∇L on
 * L(U) = ¼‖𝒜(UUᵀ) − y‖² from U₀ = αŪ for several starts at once (one batched evaluation a step), each until
 * L_T ≤ 1e−3·L₀, recording its spectral phase t_spec = first t with ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂.
 */
final class ConvergenceRuns {
    /** CLAIMS.md PWR-6: iterations to L_T ≤ 1e−3 L₀. */
    static final double LOSS_FRACTION = 1e-3;

    private ConvergenceRuns() {
    }

    /** One run: its rank, init index, spectral phase length and total iterations (−1 where the cap was hit). */
    record Run(int r, int init, int tSpec, int total) {
    }

    /** GD from every start U₀ (already scaled by α), ranks {@code rs[k]}, for at most {@code cap} steps. */
    static List<Run> descend(Backend b, SymmetricSensingInstance inst, FactorizedSensing.BatchForm form,
            List<DenseMatrix> starts, int[] rs, int[] inits, double mu, int cap) {
        FactorBatch.Descent problem = new FactorBatch.Descent(form, starts.size());
        Recorder rec = new Recorder(b, inst, problem, starts.size());
        new GradientDescent<>(problem, mu, cap).run(FactorBatch.symmetric(starts), problem.whenAllFrozen(), rec);
        List<Run> out = new ArrayList<>();
        for (int j = 0; j < starts.size(); j++) {
            out.add(new Run(rs[j], inits[j], rec.tSpec[j], rec.total[j]));
        }
        return out;
    }

    /** t_spec and the first t with L_t ≤ 1e−3 L₀ per member; a member is frozen there. */
    private static final class Recorder implements GradientDescent.StepRecorder<FactorBatch> {
        final Backend b;
        final FactorBatch.Descent problem;
        final double threshold;
        final int[] tSpec;
        final int[] total;
        final double[] loss0;

        Recorder(Backend b, SymmetricSensingInstance inst, FactorBatch.Descent problem, int k) {
            this.b = b;
            this.problem = problem;
            this.threshold = SpectralRuns.T_SPEC_FRACTION * inst.targetEigen().max();
            this.tSpec = new int[k];
            this.total = new int[k];
            this.loss0 = new double[k];
            Arrays.fill(tSpec, -1);
            Arrays.fill(total, -1);
        }

        @Override
        public void record(int t, FactorBatch x, GradientDescent.Evaluation<FactorBatch> at) {
            for (int j = 0; j < x.size(); j++) {
                if (problem.frozen(j)) {
                    continue;
                }
                double l = at.gradient().loss(j);
                if (t == 0) {
                    loss0[j] = l;
                }
                if (tSpec[j] < 0) {
                    double s = b.svd(x.u(j)).max();
                    if (s * s >= threshold) {                                  // ‖UUᵀ‖₂ = σ_max(U)²
                        tSpec[j] = t;
                    }
                }
                if (l <= LOSS_FRACTION * loss0[j]) {
                    total[j] = t;
                    problem.freeze(j);
                }
            }
        }
    }
}
