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
 * the linear part of −μ∇L at U ≈ 0 is +μZU, no extra factor): t_spec = first t with ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂
 * (‖UUᵀ‖₂ = σ_max(U)²), and, for starts that ask for it, on to a later horizon ‖U_tU_tᵀ‖₂ ≥ h‖XXᵀ‖₂ (PWR-1's
 * control).
 */
final class SpectralRuns {
    /** t_spec's threshold: ‖U_tU_tᵀ‖₂ ≥ this multiple of ‖XXᵀ‖₂ (CLAIMS.md PWR). */
    static final double T_SPEC_FRACTION = 0.01;

    private SpectralRuns() {
    }

    /**
     * One start: U₀ = α·init (r = init's columns), followed until ‖U_tU_tᵀ‖₂ ≥ horizon·‖XXᵀ‖₂ (horizon ≥ 0.01).
     */
    record Start(double alpha, DenseMatrix init, double horizon) {
        int r() {
            return init.cols();
        }
    }

    /**
     * One start's spectral phase.
     *
     * @param alpha the init scale
     * @param r columns of U
     * @param initNorm ‖U₀‖₂
     * @param tSpec first t with ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂
     * @param maxDeviation max over t ≤ t_spec of ‖U_t − Ũ_t‖_F/‖Ũ_t‖_F
     * @param halfDeviation the same ratio at t = ⌊t_spec/2⌋
     * @param sinZ sin of the largest principal angle between the top-r* left singular subspace of U_t and Z's top-r*
     * eigenspace, t = 0 … t_spec
     * @param sinTargetAtSpec the same angle to XXᵀ's top-r* eigenspace at t_spec
     * @param tHorizon first t with ‖U_tU_tᵀ‖₂ ≥ horizon·‖XXᵀ‖₂ (t_spec when the horizon is t_spec's)
     * @param maxDeviationToHorizon max over t ≤ tHorizon of the deviation
     */
    record Run(double alpha, int r, double initNorm, int tSpec, double maxDeviation, double halfDeviation,
            double[] sinZ, double sinTargetAtSpec, int tHorizon, double maxDeviationToHorizon) {
        /** sin of the angle to Z's eigenspace at t_spec. */
        double sinZAtSpec() {
            return sinZ[sinZ.length - 1];
        }
    }

    /**
     * GD from every start at once (one batched evaluation a step), each to its horizon; an error if a start has not
     * reached it after {@code maxSteps} steps. Angles are to the top-{@code rStar} eigenspaces.
     */
    static List<Run> descend(Backend b, SymmetricSensingInstance inst, FactorizedSensing.BatchForm form,
            List<Start> starts, int rStar, double mu, int maxSteps) {
        List<DenseMatrix> u0 = new ArrayList<>();
        for (Start s : starts) {
            u0.add(s.init().scale(s.alpha()));
        }
        FactorBatch.Descent problem = new FactorBatch.Descent(form, starts.size());
        Tracker tracker = new Tracker(b, inst, starts, u0, problem, rStar, mu);
        new GradientDescent<>(problem, mu, maxSteps).run(FactorBatch.symmetric(u0), problem.whenAllFrozen(),
                tracker);
        List<Run> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            if (tracker.tHorizon[k] < 0) {
                throw new IllegalStateException("no spectral phase end within " + maxSteps + " steps at alpha "
                        + starts.get(k).alpha() + ", r = " + starts.get(k).r());
            }
            out.add(tracker.run(k));
        }
        return out;
    }

    /** Per start: deviation from its power iterate at every t, angles up to t_spec; frozen at its horizon. */
    private static final class Tracker implements GradientDescent.StepRecorder<FactorBatch> {
        final Backend b;
        final List<Start> starts;
        final FactorBatch.Descent problem;
        final DenseMatrix powerStep;
        final DenseMatrix topZ;
        final DenseMatrix topX;
        final double targetNorm;
        final DenseMatrix[] power;
        final List<List<Double>> deviations = new ArrayList<>();
        final List<List<Double>> sines = new ArrayList<>();
        final int[] tSpec;
        final int[] tHorizon;
        final double[] sinTarget;
        final double[] initNorm;

        Tracker(Backend b, SymmetricSensingInstance inst, List<Start> starts, List<DenseMatrix> u0,
                FactorBatch.Descent problem, int rStar, double mu) {
            this.b = b;
            this.starts = starts;
            this.problem = problem;
            this.powerStep = DenseMatrix.identity(inst.d()).plusScaled(mu, inst.z());      // I + μZ
            this.topZ = SymmetricSensingInstance.top(inst.zEigen(), rStar);
            this.topX = SymmetricSensingInstance.top(inst.targetEigen(), rStar);
            this.targetNorm = inst.targetEigen().max();
            int k = u0.size();
            this.power = new DenseMatrix[k];
            this.tSpec = new int[k];
            this.tHorizon = new int[k];
            this.sinTarget = new double[k];
            this.initNorm = new double[k];
            for (int j = 0; j < k; j++) {
                power[j] = u0.get(j).copy();
                tSpec[j] = -1;
                tHorizon[j] = -1;
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
                double s = b.svd(u).max();
                double uut = s * s;                                              // ‖UUᵀ‖₂ = σ_max(U)²
                if (t == 0) {
                    initNorm[k] = s;
                }
                if (tSpec[k] < 0) {
                    sines.get(k).add(SymmetricSensingInstance.sinTopAngle(b, u, topZ));
                    if (uut >= T_SPEC_FRACTION * targetNorm) {
                        tSpec[k] = t;
                        sinTarget[k] = SymmetricSensingInstance.sinTopAngle(b, u, topX);
                    }
                }
                if (tSpec[k] >= 0 && uut >= starts.get(k).horizon() * targetNorm) {
                    tHorizon[k] = t;
                    problem.freeze(k);
                } else {
                    power[k] = b.multiply(false, false, powerStep, power[k]).toDense();   // Ũ ← (I + μZ)Ũ
                }
            }
        }

        Run run(int k) {
            List<Double> dev = deviations.get(k);
            double toSpec = dev.subList(0, tSpec[k] + 1).stream().mapToDouble(Double::doubleValue).max()
                    .orElse(Double.NaN);
            double toHorizon = dev.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            Start s = starts.get(k);
            return new Run(s.alpha(), s.r(), initNorm[k], tSpec[k], toSpec, dev.get(tSpec[k] / 2),
                    sines.get(k).stream().mapToDouble(Double::doubleValue).toArray(), sinTarget[k], tHorizon[k],
                    toHorizon);
        }
    }
}
