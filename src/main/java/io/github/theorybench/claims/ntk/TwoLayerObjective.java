package io.github.theorybench.claims.ntk;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.model.TwoLayerRegression;

/**
 * ½‖f(X; θ) − y‖² over θ = (W, a) as a {@link GradientDescent} problem, with the structured gradient of
 * {@link TwoLayerRegression} (NTK-4's first-layer descent and NTK-5's predictor runs share it).
 */
record TwoLayerObjective(TwoLayerRegression loss) implements GradientDescent.Problem<TwoLayerRegression.Params> {
    double[] residual(TwoLayerRegression.Params theta) {
        return loss.evaluate(theta).residual();
    }

    @Override
    public GradientDescent.Evaluation<TwoLayerRegression.Params> evaluate(TwoLayerRegression.Params theta) {
        TwoLayerRegression.Evaluation e = loss.evaluate(theta);
        return new GradientDescent.Evaluation<>(e.loss(), e.gradient());
    }

    @Override
    public TwoLayerRegression.Params step(TwoLayerRegression.Params theta, TwoLayerRegression.Params g, double eta) {
        return theta.minus(eta, g);
    }
}
