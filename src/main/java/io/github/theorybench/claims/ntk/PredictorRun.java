package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.TwoLayerNet;
import io.github.theorybench.model.TwoLayerRegression;

/**
 * What NTK-5 measures on one run (CLAIMS.md NTK-5; seed 003, Arora et al. Thm 3.2): f = κ/√m Σ_j a_j relu(w_jᵀx),
 * both layers trained by gradient descent with η = 1/(1.5 κ² λ_max(Θ∞)) until R ≤ 1e−12 R₀, and the gap
 * max_t |f_T(t) − f_ntk(t)| over the test points to the NTK predictor f_ntk(t) = Θ∞(t, X)Θ∞⁻¹y, split into three
 * parts by the linearized predictor f_lin(t) = f₀(t) + Θ₀(t, X)Θ₀⁻¹(y − f₀(X)) (the limit of GD on the model
 * linearized at init, Θ₀ the empirical NTK at init):
 * <pre>
 *   f_T − f_ntk = [f_T − f_lin]                               kernel movement during training
 *               + [f₀(t) − Θ₀(t, X)Θ₀⁻¹ f₀(X)]               the output at init
 *               + [Θ₀(t, X)Θ₀⁻¹ y − Θ∞(t, X)Θ∞⁻¹ y]           kernel at init against the infinite-width kernel
 * </pre>
 * Each part is reported as its largest absolute value over the test points (the gap is at most their sum). A run
 * whose loss overflows (GD diverged) has R_T/R₀ = ∞ and NaN for everything measured after training.
 *
 * @param provenance seed of the init, sizes (n, d, test points, m), κ, init, backend, activation
 * @param kind the init
 * @param kappa κ
 * @param m width
 * @param steps GD steps taken
 * @param budget the step budget
 * @param riskRatio R(θ_T)/R₀
 * @param gap max_t |f_T(t) − f_ntk(t)|
 * @param movementPart max_t |f_T(t) − f_lin(t)|
 * @param initOutputPart max_t |f₀(t) − Θ₀(t, X)Θ₀⁻¹ f₀(X)|
 * @param initKernelPart max_t |Θ₀(t, X)Θ₀⁻¹ y − Θ∞(t, X)Θ∞⁻¹ y|
 * @param initOutputMax max |f₀| over the training and test points
 * @param kernelMovement ‖Θ_T − Θ₀‖_F/‖Θ₀‖_F on the training points
 */
public record PredictorRun(Provenance provenance, PredictorInit.Kind kind, double kappa, int m, int steps,
        int budget, double riskRatio, double gap, double movementPart, double initOutputPart, double initKernelPart,
        double initOutputMax, double kernelMovement) {
    /** CLAIMS.md NTK-5: GD to R &lt; 1e−12 R₀ ("to zero loss"). */
    static final double TARGET = 1e-12;
    /** CLAIMS.md NTK-5: η = 1/(1.5 κ² λ_max(Θ∞)). */
    static final double STEP_FACTOR = 1.5;

    public boolean reachedTarget() {
        return riskRatio <= TARGET;
    }

    /**
     * One run on {@code inst} from {@code init} with output scale κ/√m. {@code ntk} holds the infinite-width side:
     * λ_max(Θ∞(X, X)) and f_ntk at the test points.
     */
    public static PredictorRun measure(Backend backend, PredictorInstance inst, PredictorInit init, double kappa,
            InfiniteWidth ntk, int budget, long seed) {
        int n = inst.n(), m = init.a().length, q = inst.test().rows();
        double c = kappa / Math.sqrt(m);
        TwoLayerRegression loss = new TwoLayerRegression(Activation.RELU, c, true, inst.x(), inst.y());
        TwoLayerRegression.Params theta0 = TwoLayerRegression.Params.of(init.w(), init.a());
        DenseMatrix k0 = new TwoLayerNet(backend, inst.stacked(), init.a(), Activation.RELU, c, true)
                .gramStructured(init.w());                                  // Θ₀ on X ∪ test, (n + q)²
        double[] f0x = loss.outputs(theta0, inst.x()), f0t = loss.outputs(theta0, inst.test());
        double[] kInvY = InfiniteWidth.predict(backend, k0, n, q, inst.y());
        double[] kInvF0 = InfiniteWidth.predict(backend, k0, n, q, f0x);
        double eta = 1.0 / (STEP_FACTOR * kappa * kappa * ntk.lambdaMax());
        double risk0 = loss.evaluate(theta0).loss();
        GradientDescent.Result<TwoLayerRegression.Params> run = new GradientDescent<>(new TwoLayerObjective(loss), eta,
                budget).run(theta0, (t, th, e) -> e.loss() <= TARGET * risk0, GradientDescent.noRecorder());
        Provenance p = Provenance.of(seed, backend.name(), "n", n, "d", inst.d(), "testPoints", q, "m", m, "kappa",
                kappa, "init", init.kind().label()).withActivation(Activation.RELU.label());
        if (run.reason() == GradientDescent.Stop.DIVERGED) {                 // no trained net to compare
            return new PredictorRun(p, init.kind(), kappa, m, run.steps(), budget, Double.POSITIVE_INFINITY,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] fT = loss.outputs(run.last(), inst.test());
        double gap = 0, movement = 0, initOutput = 0, initKernel = 0, f0max = 0;
        for (int t = 0; t < q; t++) {
            double lin = f0t[t] + kInvY[t] - kInvF0[t];                     // f_lin(t)
            gap = Math.max(gap, Math.abs(fT[t] - ntk.prediction()[t]));
            movement = Math.max(movement, Math.abs(fT[t] - lin));
            initOutput = Math.max(initOutput, Math.abs(f0t[t] - kInvF0[t]));
            initKernel = Math.max(initKernel, Math.abs(kInvY[t] - ntk.prediction()[t]));
            f0max = Math.max(f0max, Math.abs(f0t[t]));
        }
        for (double v : f0x) {
            f0max = Math.max(f0max, Math.abs(v));
        }
        DenseMatrix kT = new TwoLayerNet(backend, inst.x(), run.last().a(), Activation.RELU, c, true)
                .gramStructured(run.last().w());
        DenseMatrix k0x = InfiniteWidth.block(k0, 0, 0, n, n);
        return new PredictorRun(p, init.kind(), kappa, m, run.steps(), budget, run.lastEvaluation().loss() / risk0,
                gap, movement, initOutput, initKernel, f0max,
                kT.plusScaled(-1.0, k0x).frobeniusNorm() / k0x.frobeniusNorm());
    }

}
