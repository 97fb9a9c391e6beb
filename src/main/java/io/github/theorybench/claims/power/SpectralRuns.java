package io.github.theorybench.claims.power;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorBatch;
import io.github.theorybench.model.sensing.FactorizedSensing;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent U_{t+1} = U_t − μ∇L(U_t) on L(U) = ¼‖𝒜(UUᵀ) − y‖² from U₀ = αŪ (CLAIMS.md PWR; 002, "Symmetric case")
 * for several starts at once, each recorded against its power iterates Ũ_t = (I + μZ)^t U₀ (with the ¼ convention
 * the linear part of −μ∇L at U ≈ 0 is +μZU, no extra factor) until its spectral phase ends: t_spec = first t with
 * ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂ (‖UUᵀ‖₂ = σ_max(U)²).
 */
final class SpectralRuns {
    /** t_spec's threshold: ‖U_tU_tᵀ‖₂ ≥ this multiple of ‖XXᵀ‖₂ (CLAIMS.md PWR). */
    static final double T_SPEC_FRACTION = 0.01;

    private SpectralRuns() {
    }

    /**
     * One start's spectral phase.
     *
     * @param alpha the init scale
     * @param r columns of U
     * @param tSpec first t with ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂
     * @param maxDeviation max over t ≤ t_spec of ‖U_t − Ũ_t‖_F/‖Ũ_t‖_F
     * @param halfDeviation the same ratio at t = ⌊t_spec/2⌋
     * @param sinZ sin of the largest principal angle between the top-r* left singular subspace of U_t and Z's top-r*
     * eigenspace, t = 0 … t_spec
     * @param sinTargetAtSpec the same angle to XXᵀ's top-r* eigenspace at t_spec
     */
    record Run(double alpha, int r, int tSpec, double maxDeviation, double halfDeviation, double[] sinZ,
            double sinTargetAtSpec) {
        /** sin of the angle to Z's eigenspace at t_spec. */
        double sinZAtSpec() {
            return sinZ[sinZ.length - 1];
        }
    }

    /**
     * GD from α_k·init for every k at once (one batched evaluation a step), each up to its own t_spec; an error if a
     * start has not reached t_spec after {@code maxSteps} steps.
     */
    static List<Run> descend(Backend b, SymmetricSensingInstance inst, FactorizedSensing.BatchForm form,
            DenseMatrix init, double[] alphas, double mu, int maxSteps) {
        List<DenseMatrix> u0 = new ArrayList<>();
        for (double a : alphas) {
            u0.add(init.scale(a));
        }
        FactorBatch.Descent problem = new FactorBatch.Descent(form, alphas.length);
        Tracker tracker = new Tracker(b, inst, u0, problem, mu);
        new GradientDescent<>(problem, mu, maxSteps).run(FactorBatch.symmetric(u0), problem.whenAllFrozen(),
                tracker);
        List<Run> out = new ArrayList<>();
        for (int k = 0; k < alphas.length; k++) {
            if (tracker.tSpec[k] < 0) {
                throw new IllegalStateException("no spectral phase end within " + maxSteps + " steps at alpha "
                        + alphas[k]);
            }
            out.add(tracker.run(k, alphas[k], init.cols()));
        }
        return out;
    }

    /** Per start: deviation from its power iterate and the angles at every t, until t_spec freezes it. */
    private static final class Tracker implements GradientDescent.StepRecorder<FactorBatch> {
        final Backend b;
        final FactorBatch.Descent problem;
        final DenseMatrix powerStep;
        final DenseMatrix topZ;
        final DenseMatrix topX;
        final double threshold;
        final DenseMatrix[] power;
        final List<List<Double>> deviations = new ArrayList<>();
        final List<List<Double>> sines = new ArrayList<>();
        final int[] tSpec;
        final double[] sinTarget;

        Tracker(Backend b, SymmetricSensingInstance inst, List<DenseMatrix> u0, FactorBatch.Descent problem,
                double mu) {
            this.b = b;
            this.problem = problem;
            this.powerStep = DenseMatrix.identity(inst.d()).plusScaled(mu, inst.z());      // I + μZ
            this.topZ = SymmetricSensingInstance.top(inst.zEigen(), inst.rStar());
            this.topX = SymmetricSensingInstance.top(inst.targetEigen(), inst.rStar());
            this.threshold = T_SPEC_FRACTION * inst.targetEigen().max();
            this.power = new DenseMatrix[u0.size()];
            this.tSpec = new int[u0.size()];
            this.sinTarget = new double[u0.size()];
            for (int k = 0; k < u0.size(); k++) {
                power[k] = u0.get(k).copy();
                tSpec[k] = -1;
                deviations.add(new ArrayList<>());
                sines.add(new ArrayList<>());
            }
        }

        @Override
        public void record(int t, FactorBatch x, GradientDescent.Evaluation<FactorBatch> at) {
            for (int k = 0; k < x.size(); k++) {
                if (problem.frozen(k)) {
                    continue;
                }
                DenseMatrix u = x.u(k);
                deviations.get(k).add(u.plusScaled(-1, power[k]).frobeniusNorm() / power[k].frobeniusNorm());
                sines.get(k).add(SymmetricSensingInstance.sinAngle(b, u, topZ));
                double s = b.svd(u).max();
                if (s * s >= threshold) {                                      // ‖UUᵀ‖₂ = σ_max(U)²
                    tSpec[k] = t;
                    sinTarget[k] = SymmetricSensingInstance.sinAngle(b, u, topX);
                    problem.freeze(k);
                } else {
                    power[k] = b.multiply(false, false, powerStep, power[k]).toDense();   // Ũ ← (I + μZ)Ũ
                }
            }
        }

        Run run(int k, double alpha, int r) {
            List<Double> dev = deviations.get(k);
            double max = dev.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            return new Run(alpha, r, tSpec[k], max, dev.get(tSpec[k] / 2),
                    sines.get(k).stream().mapToDouble(Double::doubleValue).toArray(), sinTarget[k]);
        }
    }
}
