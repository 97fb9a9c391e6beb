package io.github.theorybench.claims.lazy;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.LinearizationRemainder;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;

/**
 * LAZY-9's measurement on one instance and activation, reusable across radii: the NTK-scaled net
 * f = m^{−1/2} Σ_j s_j σ(w_jᵀx) and the same net unscaled (the control), the gradient direction −∇R(W₀), and the
 * errors max_i |f − f_lin| of every direction at a radius ({@link #at}).
 */
final class LinearizationProbe {
    private final LinearizationRemainder ntk;
    private final LinearizationRemainder unscaled;
    private final LinearizationErrorCheck.Instance in;
    private final DenseMatrix gradient;
    private final int steps;

    LinearizationProbe(Backend b, LinearizationErrorCheck.Instance in, Activation act, int steps) {
        int m = in.w0().rows(), n = in.x().rows();
        TwoLayerNet net = new TwoLayerNet(b, in.x(), in.signs(), act, 1.0 / Math.sqrt(m), false);
        this.ntk = new LinearizationRemainder(net, in.w0());
        // control: the same net without the m^{-1/2} output scale (not the NTK parametrization)
        this.unscaled = new LinearizationRemainder(new TwoLayerNet(b, in.x(), in.signs(), act, 1.0, false), in.w0());
        this.in = in;
        double[] f0 = net.predictions(in.w0());
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = f0[i] - in.y()[i];
        }
        // −∇R(W₀) = −J₀ᵀ(f(W₀) − y), structured (D ⊙ r)ᵀ X
        this.gradient = DenseMatrix.wrap(m, in.x().cols(), net.gradientStructured(in.w0(), res)).scale(-1.0);
        this.steps = steps;
    }

    /**
     * The errors at ‖Δ‖_F = r: random and gradient directions rescaled to r; the adversarial ascent from the random,
     * gradient and extra random starts (the "uninformed" best), then from the structured start (tanh: the whole radius
     * in one neuron; ReLU: the exact maximiser), keeping the best; the exact ReLU worst case; the Taylor bound
     * β₀r²/(2√m) (unit inputs); and the unscaled net at the random and the best adversarial Δ.
     */
    LinearizationErrorCheck.Errors at(double r) {
        DenseMatrix rand = in.random().scale(r / in.random().frobeniusNorm());
        DenseMatrix grad = gradient.scale(r / gradient.frobeniusNorm());
        double eRand = LinearizationRemainder.maxAbs(ntk.errors(rand));
        double eGrad = LinearizationRemainder.maxAbs(ntk.errors(grad));
        List<DenseMatrix> starts = new ArrayList<>(List.of(rand, grad));
        starts.addAll(in.extraStarts());
        LinearizationRemainder.Ascent best = null;
        for (DenseMatrix s : starts) {
            LinearizationRemainder.Ascent a = ntk.ascend(s, r, steps);
            if (best == null || a.value() > best.value()) {
                best = a;
            }
        }
        double uninformed = best.value();
        Activation act = ntk.net().activation();
        double exact = Double.NaN;
        DenseMatrix structured;
        if (act == Activation.RELU) {
            LinearizationRemainder.ReluOptimum opt = ntk.reluOptimum(r);
            exact = opt.value();
            structured = opt.delta();
        } else {
            structured = ntk.singleNeuronStart(r);
        }
        LinearizationRemainder.Ascent a = ntk.ascend(structured, r, steps);
        if (a.value() > best.value()) {
            best = a;
        }
        int m = in.w0().rows();
        // Taylor: |σ(z+δ) − σ(z) − σ′(z)δ| ≤ β₀δ²/2 and Σ_j (Δ_jᵀx)² ≤ ‖Δ‖_F²‖x‖² = r² (unit x): |e| ≤ β₀r²/(2√m)
        double taylor = act.isSmooth() ? act.beta0() * r * r / (2 * Math.sqrt(m)) : Double.POSITIVE_INFINITY;
        return new LinearizationErrorCheck.Errors(eRand, eGrad, best.value(), uninformed, a.startValue(), exact,
                taylor, LinearizationRemainder.maxAbs(unscaled.errors(rand)),
                LinearizationRemainder.maxAbs(unscaled.errors(best.delta())));
    }
}
