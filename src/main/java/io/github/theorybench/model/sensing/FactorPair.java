package io.github.theorybench.model.sensing;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;

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
}
