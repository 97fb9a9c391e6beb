package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerNet;

/**
 * What NTK-4's gradient-descent part measures on one {@link RankInstance} (tanh): GD W ← W − η J_Wᵀ(f(W) − y) on
 * R(W) = ½‖f(W) − y‖² from W₀ until R ≤ 1e−8 R₀, the travel ‖W_T − W₀‖_F against ‖J₀⁺r₀‖ (r₀ = f(W₀) − y), and the
 * conditioning σ_min/σ_max of J at the start and the end.
 *
 * @param provenance seed, sizes, backend, activation
 * @param eta the step
 * @param steps GD steps taken
 * @param riskRatio R(W_T)/R₀
 * @param travel ‖W_T − W₀‖_F
 * @param pinvNorm ‖J₀⁺r₀‖
 * @param sigmaRatioJ0 σ_min(J₀)/σ_max(J₀)
 * @param sigmaRatioJT σ_min(J_T)/σ_max(J_T)
 */
public record FirstLayerDescent(Provenance provenance, double eta, int steps, double riskRatio, double travel,
        double pinvNorm, double sigmaRatioJ0, double sigmaRatioJT) {
    /** NTK-4's convergence target R ≤ 1e−8 R₀ (CLAIMS.md). */
    static final double TARGET = 1e-8;
    static final int MAX_STEPS = 400_000;

    public int n() {
        return (Integer) provenance.sizes().get("n");
    }

    public int md() {
        return (Integer) provenance.sizes().get("md");
    }

    public boolean converged() {
        return riskRatio <= TARGET;
    }

    public double travelRatio() {
        return travel / pinvNorm;
    }

    public static FirstLayerDescent measure(Backend backend, RankInstance inst, double[] y, Provenance p) {
        TwoLayerNet net = inst.net(backend, Activation.TANH);
        DenseMatrix j0 = net.jacobianExplicit(inst.w0());
        double[] sv = backend.svd(j0).s();
        double eta = 0.5 / (sv[0] * sv[0]);
        double[] f0 = net.predictions(inst.w0());
        double[] r0 = new double[inst.n()];
        for (int i = 0; i < r0.length; i++) {
            r0[i] = f0[i] - y[i];
        }
        double pinvNorm = norm(backend.leastSquares(backend.adopt(j0),
                backend.adopt(DenseMatrix.columnVector(r0))).data());
        Objective objective = new Objective(net, y);
        double risk0 = objective.evaluate(inst.w0()).loss();
        GradientDescent.Result<DenseMatrix> run = new GradientDescent<>(objective, eta, MAX_STEPS)
                .run(inst.w0(), (t, w, e) -> e.loss() <= TARGET * risk0, GradientDescent.noRecorder());
        DenseMatrix w = run.last();
        double travel = w.plusScaled(-1.0, inst.w0()).frobeniusNorm();
        double[] svT = backend.svd(net.jacobianExplicit(w)).s(); // conditioning of J at the end of the run
        return new FirstLayerDescent(p, eta, run.steps(), run.lastEvaluation().loss() / risk0, travel, pinvNorm,
                sv[sv.length - 1] / sv[0], svT[svT.length - 1] / svT[0]);
    }

    /** Labels y ~ N(0, I_n) for the GD run. */
    static double[] labels(long seed, int n) {
        return RandomMatrices.gaussianVector(n, 1.0, RandomMatrices.rng(seed));
    }

    /** R(W) = ½‖f(W) − y‖² and ∇R = J_Wᵀ(f(W) − y) in the structured form (W is m × d). */
    record Objective(TwoLayerNet net, double[] y) implements GradientDescent.Problem<DenseMatrix> {
        @Override
        public GradientDescent.Evaluation<DenseMatrix> evaluate(DenseMatrix w) {
            double[] f = net.predictions(w);
            double[] r = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                r[i] = f[i] - y[i];
            }
            double[] g = net.gradientStructured(w, r);
            return new GradientDescent.Evaluation<>(0.5 * dot(r, r), DenseMatrix.wrap(w.rows(), w.cols(), g));
        }

        @Override
        public DenseMatrix step(DenseMatrix w, DenseMatrix g, double eta) {
            DenseMatrix next = w.copy();
            double[] a = next.data(), ga = g.data();
            for (int k = 0; k < a.length; k++) {
                a[k] -= eta * ga[k];
            }
            return next;
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
