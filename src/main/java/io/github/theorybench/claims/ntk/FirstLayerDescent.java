package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SingularValues;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.TwoLayerNet;
import io.github.theorybench.model.TwoLayerRegression;
import java.util.ArrayList;
import java.util.List;

/**
 * What NTK-4's gradient-descent part measures on one {@link RankInstance} (tanh): GD W ← W − η J_Wᵀ(f(W) − y) on
 * R(W) = ½‖f(W) − y‖² from W₀ with η = 1/‖J₀‖₂² (CLAIMS.md) until R ≤ 1e−8 R₀ or the step budget; the travel
 * ‖W_T − W₀‖_F against ‖J₀⁺r₀‖ (r₀ = f(W₀) − y); and, to explain a stall, the trajectory of R_t/R₀ and
 * σ_min(J_t)/σ_max(J_t) at log-spaced steps, the residual's share on J_T's smallest left singular direction and the
 * share of saturated units |w_jᵀx_i| > {@value #SATURATED} at W₀ and W_T.
 *
 * @param provenance seed, sizes, backend, activation (and "init" for a control's init)
 * @param eta the step 1/σ_max(J₀)²
 * @param steps GD steps taken
 * @param budget the step budget
 * @param riskRatio R(W_T)/R₀
 * @param travel ‖W_T − W₀‖_F
 * @param pinvNorm ‖J₀⁺r₀‖ (least-squares solution of J₀ v = r₀)
 * @param sigmaRatioJ0 σ_min(J₀)/σ_max(J₀)
 * @param sigmaRatioJT σ_min(J_T)/σ_max(J_T)
 * @param sigmaMaxGrowth σ_max(J_T)/σ_max(J₀)
 * @param residualShareOnSmallest (u_minᵀr_T)²/‖r_T‖², u_min the left singular vector of σ_min(J_T)
 * @param saturatedShare0 share of (i, j) with |w_jᵀx_i| > {@value #SATURATED} at W₀
 * @param saturatedShareT the same at W_T
 * @param trajectory (t, R_t/R₀, σ_min(J_t)/σ_max(J_t)) at t = 0, 1, 2, … roughly ×1.26 apart, and at T
 */
public record FirstLayerDescent(Provenance provenance, double eta, int steps, int budget, double riskRatio,
        double travel, double pinvNorm, double sigmaRatioJ0, double sigmaRatioJT, double sigmaMaxGrowth,
        double residualShareOnSmallest,
        double saturatedShare0, double saturatedShareT, List<double[]> trajectory) {
    /** NTK-4's convergence target R ≤ 1e−8 R₀ (CLAIMS.md). */
    static final double TARGET = 1e-8;
    /** tanh′(3) ≈ 0.0099: a unit past |w_jᵀx_i| = 3 passes under 1% of the gradient it would at 0. */
    static final double SATURATED = 3.0;
    /** Checkpoints of the trajectory are about this factor apart (10 per decade). */
    static final double CHECKPOINT_FACTOR = 1.2589;

    public int n() {
        return (Integer) provenance.sizes().get("n");
    }

    public int d() {
        return (Integer) provenance.sizes().get("d");
    }

    public int m() {
        return (Integer) provenance.sizes().get("m");
    }

    public boolean converged() {
        return riskRatio <= TARGET;
    }

    public double travelRatio() {
        return travel / pinvNorm;
    }

    /** The local contraction rate η σ_min(J_T)² of the residual at the last iterate. */
    public double localRate() {
        double r = sigmaRatioJT * sigmaMaxGrowth;
        return r * r;
    }

    /** GD on {@code inst} (tanh) with at most {@code budget} steps; J_t's spectrum on {@code backend}. */
    public static FirstLayerDescent measure(Backend backend, RankInstance inst, int budget, String role) {
        Provenance p = Provenance.of(inst.seed(), backend.name(), "n", inst.n(), "d", inst.d(), "m", inst.m(), "md",
                inst.m() * inst.d()).withActivation(Activation.TANH.label());
        if (!role.isEmpty()) {
            p = p.withSize("init", role);
        }
        TwoLayerNet net = inst.net(backend, Activation.TANH);
        DenseMatrix j0 = net.jacobianExplicit(inst.w0());
        double[] sv = backend.svd(backend.adopt(j0)).s();
        double eta = 1.0 / (sv[0] * sv[0]);                      // CLAIMS.md NTK-4: η = 1/‖J₀‖²
        TwoLayerObjective objective = new TwoLayerObjective(new TwoLayerRegression(Activation.TANH, 1.0, false, inst.x(),
                inst.y()));
        TwoLayerRegression.Params theta0 = TwoLayerRegression.Params.of(inst.w0(), inst.signs());
        GradientDescent.Evaluation<TwoLayerRegression.Params> e0 = objective.evaluate(theta0);
        double risk0 = e0.loss();
        double pinvNorm = norm(backend.leastSquares(backend.adopt(j0),
                backend.adopt(DenseMatrix.columnVector(objective.residual(theta0)))).data());
        Trajectory traj = new Trajectory(backend, net, risk0);
        GradientDescent.Result<TwoLayerRegression.Params> run = new GradientDescent<>(objective, eta, budget)
                .run(theta0, (t, w, e) -> e.loss() <= TARGET * risk0, traj);
        DenseMatrix w = run.last().w();
        traj.checkpoint(run.steps(), w, run.lastEvaluation().loss());
        SingularValues svdT = backend.svd(backend.adopt(net.jacobianExplicit(w)));
        double[] sT = svdT.s(), rT = objective.residual(run.last());
        double onSmallest = 0;
        for (int i = 0; i < rT.length; i++) {
            onSmallest += svdT.u().get(i, inst.n() - 1) * rT[i];
        }
        return new FirstLayerDescent(p, eta, run.steps(), budget, run.lastEvaluation().loss() / risk0,
                run.last().distance(theta0), pinvNorm, sv[sv.length - 1] / sv[0], sT[sT.length - 1] / sT[0], sT[0] / sv[0],
                onSmallest * onSmallest / dot(rT, rT), saturatedShare(inst, inst.w0()), saturatedShare(inst, w),
                traj.points);
    }

    /** Share of (i, j) with |w_jᵀx_i| > {@value #SATURATED}. */
    static double saturatedShare(RankInstance inst, DenseMatrix w) {
        int count = 0;
        for (int i = 0; i < inst.n(); i++) {
            for (int j = 0; j < inst.m(); j++) {
                double p = 0;
                for (int c = 0; c < inst.d(); c++) {
                    p += w.get(j, c) * inst.x().get(i, c);
                }
                count += Math.abs(p) > SATURATED ? 1 : 0;
            }
        }
        return (double) count / (inst.n() * inst.m());
    }

    /** Records (t, R_t/R₀, σ_min/σ_max of J_t) at log-spaced t. */
    private static final class Trajectory implements GradientDescent.StepRecorder<TwoLayerRegression.Params> {
        final Backend backend;
        final TwoLayerNet net;
        final double risk0;
        final List<double[]> points = new ArrayList<>();
        double next;
        int last = -1;

        Trajectory(Backend backend, TwoLayerNet net, double risk0) {
            this.backend = backend;
            this.net = net;
            this.risk0 = risk0;
        }

        @Override
        public void record(int t, TwoLayerRegression.Params theta, GradientDescent.Evaluation<TwoLayerRegression.Params> at) {
            if (t >= next) {
                checkpoint(t, theta.w(), at.loss());
                next = Math.max(t + 1, Math.ceil(t * CHECKPOINT_FACTOR));
            }
        }

        void checkpoint(int t, DenseMatrix w, double loss) {
            if (t == last) {
                return;
            }
            double[] s = backend.svd(backend.adopt(net.jacobianExplicit(w))).s();
            points.add(new double[] {t, loss / risk0, s[s.length - 1] / s[0]});
            last = t;
        }
    }

    /**
     * R(W) = ½‖f(W) − y‖² and ∇R = J_Wᵀ(f(W) − y) in the structured form ({@link TwoLayerRegression}: signs fixed,
     * c = 1).
     */

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
