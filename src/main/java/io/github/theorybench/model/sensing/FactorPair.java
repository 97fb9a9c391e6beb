package io.github.theorybench.model.sensing;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The iterate of asymmetric factorized gradient descent (002; CLAIMS.md BAL): the pair of factors (U, V), updated
 * together, U ← U − μ∇_U L, V ← V − μ∇_V L. Its gradient is a pair of the same shapes.
 */
public record FactorPair(DenseMatrix u, DenseMatrix v) {

    /** B = UᵀU − VᵀV (002, balancedness). */
    public DenseMatrix imbalance(Backend b) {
        return SensingInstance.imbalance(b, u, v);
    }

    /** (U − ηG_U, V − ηG_V) as a new pair. */
    public FactorPair minus(double eta, FactorPair gradient) {
        return new FactorPair(u.plusScaled(-eta, gradient.u()), v.plusScaled(-eta, gradient.v()));
    }

    /** ‖G_U‖_F² + ‖G_V‖_F² for a gradient pair. */
    public double normSquared() {
        double a = u.frobeniusNorm(), c = v.frobeniusNorm();
        return a * a + c * c;
    }

    /** L(U, V) = ½‖𝒜(UVᵀ) − y‖² with its gradients ({@link FactorizedSensing#asymmetric}) as a descent problem. */
    public static GradientDescent.Problem<FactorPair> sensing(FactorizedSensing loss) {
        return new GradientDescent.Problem<>() {
            @Override
            public GradientDescent.Evaluation<FactorPair> evaluate(FactorPair x) {
                FactorizedSensing.Evaluation e = loss.asymmetric(x.u(), x.v());
                return new GradientDescent.Evaluation<>(e.loss(), new FactorPair(e.gradU(), e.gradV()));
            }

            @Override
            public FactorPair step(FactorPair x, FactorPair gradient, double eta) {
                return x.minus(eta, gradient);
            }
        };
    }

    /**
     * L(U, V) + (λ/2)‖U‖_F², with ∇_U gaining λU: a loss that is not a function of UVᵀ alone, so the balancedness
     * identities of 002 (Uᵀ∇_U L = (∇_V L)ᵀV and its consequences) do not hold for it.
     */
    public static GradientDescent.Problem<FactorPair> sensingWithPenaltyOnU(FactorizedSensing loss, double lambda) {
        return new GradientDescent.Problem<>() {
            @Override
            public GradientDescent.Evaluation<FactorPair> evaluate(FactorPair x) {
                FactorizedSensing.Evaluation e = loss.asymmetric(x.u(), x.v());
                double nu = x.u().frobeniusNorm();
                return new GradientDescent.Evaluation<>(e.loss() + 0.5 * lambda * nu * nu,
                        new FactorPair(e.gradU().plusScaled(lambda, x.u()), e.gradV()));
            }

            @Override
            public FactorPair step(FactorPair x, FactorPair gradient, double eta) {
                return x.minus(eta, gradient);
            }
        };
    }

    /**
     * K independent descents with one step size as one iterate: each pair on L(U, V) = ½‖𝒜(UVᵀ) − y‖², evaluated
     * through the Gram form ({@link FactorizedSensing#gramForm}) in one GEMM per step for the whole batch. The batch's
     * loss is the sum; each pair's own loss at the last evaluated batch is {@link #lastLosses()} (gradient descent
     * hands every evaluation to its recorder right away, so a recorder reads them for the iterate it is shown).
     */
    public static final class Batch implements GradientDescent.Problem<List<FactorPair>> {
        private final FactorizedSensing.GramForm form;
        private double[] losses = new double[0];

        public Batch(FactorizedSensing.GramForm form) {
            this.form = form;
        }

        public double[] lastLosses() {
            return losses.clone();
        }

        @Override
        public GradientDescent.Evaluation<List<FactorPair>> evaluate(List<FactorPair> x) {
            List<DenseMatrix> us = new ArrayList<>(x.size()), vs = new ArrayList<>(x.size());
            for (FactorPair p : x) {
                us.add(p.u());
                vs.add(p.v());
            }
            List<FactorizedSensing.Evaluation> es = form.asymmetric(us, vs);
            List<FactorPair> grads = new ArrayList<>(x.size());
            double[] each = new double[x.size()];
            double total = 0;
            for (int k = 0; k < es.size(); k++) {
                each[k] = es.get(k).loss();
                total += each[k];
                grads.add(new FactorPair(es.get(k).gradU(), es.get(k).gradV()));
            }
            losses = each;
            return new GradientDescent.Evaluation<>(total, grads);
        }

        @Override
        public List<FactorPair> step(List<FactorPair> x, List<FactorPair> gradient, double eta) {
            List<FactorPair> next = new ArrayList<>(x.size());
            for (int k = 0; k < x.size(); k++) {
                next.add(x.get(k).minus(eta, gradient.get(k)));
            }
            return next;
        }
    }
}
