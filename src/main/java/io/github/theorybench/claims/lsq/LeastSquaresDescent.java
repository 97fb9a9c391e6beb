package io.github.theorybench.claims.lsq;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.SingularValues;

/**
 * What LSQ-1..3 measure on one {@link LeastSquaresInstance}: gradient descent θ_{t+1} = θ_t − η Xᵀ(Xθ_t − y) with
 * η = 1/‖X‖₂², run until the LSQ-1 bound (1 − ησ_min²)^t r₀ falls below 1e−16 r₀, and the reference points
 * θ* = θ₀ + X⁺(y − Xθ₀) and X⁺y.
 *
 * @param provenance seed and sizes of the instance
 * @param shape which term of min(√n, κ²) the instance exercises
 * @param eta the step 1/σ_max²
 * @param sigmaMin σ_n(X)
 * @param sigmaMax σ_1(X)
 * @param checkedSteps last t at which the LSQ-1 bound was above 1e−14 r₀ (the comparison stops there)
 * @param maxRatioToBound max over checked t ≥ 0 of r_t / ((1 − ησ_min²)^t r₀) (1 at t = 0)
 * @param slackAfterFirstStep the same maximum over checked t ≥ 1
 * @param slackAfterOneOverRate the same maximum over checked t ≥ 1/rate, rate = −ln(1 − ησ_min²) (CLAIMS.md's slack)
 * @param minRateMultiple smallest ln(r_t/r₀)/(t ln q) over checked t ≥ 1/rate: the measured rate over the bound's
 * @param maxRatioToDoubledRateBound max over checked t ≥ 0 of r_t / (q^{2t} r₀) (the rate × 2 control)
 * @param controlSlackAfterOneOverRate the same maximum over checked t ≥ 1/rate
 * @param steps gradient steps taken
 * @param pathLength Σ_t ‖θ_{t+1} − θ_t‖
 * @param distanceToThetaStar ‖θ* − θ₀‖
 * @param limitError ‖θ_T − θ*‖/‖θ*‖
 * @param minNormError ‖θ_T − X⁺y‖/‖X⁺y‖
 * @param maxDistanceRatioOtherMinimizers max over other minimizers θ of ‖θ* − θ₀‖/‖θ − θ₀‖
 * @param otherMinimizers how many other minimizers were compared
 * @param hypothesis the claims' hypothesis on this instance and step
 * @param slowModeShare the share of the initial residual in X's slow left singular directions, σ_i² ≤ 2σ_n²
 *     (√Σ (u_iᵀr₀)² over them / ‖r₀‖): the modes still alive relative to the LSQ-1 bound past t = 1/rate, whose
 *     damped share is the slack there
 * @param unstableStepError ‖θ_T − θ*‖/‖θ*‖ after the same number of steps with η = {@value #UNSTABLE_STEP}/‖X‖₂²
 *     (LSQ-2's control: beyond 2/‖X‖₂² the top singular mode of θ_t − θ* grows by |1 − ησ_1²| per step)
 * @param residualPath ‖Xθ_t − y‖/‖Xθ₀ − y‖ at t = 0 … checkedSteps
 * @param distancePath ‖θ_t − θ*‖/‖θ*‖ at t = 0 … steps
 * @param cumulativePath Σ_{s < t} ‖θ_{s+1} − θ_s‖ at t = 0 … steps
 */
public record LeastSquaresDescent(Provenance provenance, LeastSquaresInstance.Shape shape, double eta,
        double sigmaMin, double sigmaMax, int checkedSteps, double maxRatioToBound, double slackAfterFirstStep,
        double slackAfterOneOverRate, double minRateMultiple, double maxRatioToDoubledRateBound,
        double controlSlackAfterOneOverRate, int steps, double pathLength, double distanceToThetaStar,
        double limitError, double minNormError, double maxDistanceRatioOtherMinimizers, int otherMinimizers,
        LeastSquaresHypothesis hypothesis, double slowModeShare, double unstableStepError, double[] residualPath,
        double[] distancePath, double[] cumulativePath) {

    /** Below this multiple of r₀ the LSQ-1 bound is no longer compared: the residual sits at round-off there. */
    static final double CHECK_FLOOR = 1e-14;
    /** Descent stops once the bound is below this multiple of r₀: later steps are below round-off. */
    static final double STOP_FLOOR = 1e-16;
    static final int MAX_STEPS = 200_000;
    /** LSQ-2's control step η = 2.1/‖X‖₂², beyond GD's stability limit 2/‖X‖₂². */
    static final double UNSTABLE_STEP = 2.1;

    public int n() {
        return (Integer) provenance.sizes().get("n");
    }

    /** (σ_max/σ_min)². */
    public double kappa2() {
        double k = sigmaMax / sigmaMin;
        return k * k;
    }

    /** LSQ-3's bound min(√n, κ²)‖θ* − θ₀‖. */
    public double pathBound() {
        return Math.min(Math.sqrt(n()), kappa2()) * distanceToThetaStar;
    }

    /** Runs the descent on {@code inst} with {@code backend} and measures it. */
    public static LeastSquaresDescent measure(Backend backend, LeastSquaresInstance inst) {
        Matrix x = backend.adopt(inst.x());
        int n = inst.n(), p = inst.p();
        SingularValues svd = backend.svd(x);
        double[] s = svd.s();
        double smax = s[0], smin = s[n - 1];
        double eta = 1.0 / (smax * smax);
        double q = 1.0 - eta * smin * smin;                        // LSQ-1 contraction factor
        double[] thetaStar = inst.theta0().clone();                // θ* = θ₀ + X⁺(y − Xθ₀)
        double[] r0 = minus(apply(backend, false, x, inst.theta0()), inst.y());
        double[] corr = pinvApply(svd, minus(inst.y(), apply(backend, false, x, inst.theta0())));
        for (int k = 0; k < p; k++) {
            thetaStar[k] += corr[k];
        }
        Recorder rec = new Recorder(q, eta, norm(r0), thetaStar);
        Objective objective = new Objective(backend, x, inst.y());
        GradientDescent.Result<double[]> run = new GradientDescent<>(objective, eta, MAX_STEPS).run(inst.theta0(),
                (t, theta, e) -> t >= 1 && Math.pow(q, t - 1) * rec.r0 <= STOP_FLOOR * rec.r0, rec);
        double[] theta = run.last();
        double dist0 = norm(minus(thetaStar, inst.theta0()));
        double limitErr = norm(minus(theta, thetaStar)) / norm(thetaStar);
        double[] minNorm = pinvApply(svd, inst.y());
        double minNormErr = norm(minus(theta, minNorm)) / norm(minNorm);
        double worstRatio = otherMinimizersRatio(svd, inst, thetaStar, dist0);
        // LSQ-2's control: the same number of steps with η beyond 2/‖X‖₂²
        double[] unstable = new GradientDescent<>(objective, UNSTABLE_STEP * eta, run.steps())
                .run(inst.theta0(), GradientDescent.noRecorder()).last();
        double unstableErr = norm(minus(unstable, thetaStar)) / norm(thetaStar);
        double share = slowModeShare(svd, r0);
        Provenance prov = Provenance.of(inst.seed(), backend.name(), "n", n, "p", p);
        return new LeastSquaresDescent(prov, inst.shape(), eta, smin, smax, rec.checked, rec.maxRatio,
                rec.slackAfterFirst, rec.slack, rec.minRateMultiple, rec.maxRatioControl, rec.slackControl,
                run.steps(), rec.path, dist0, limitErr, minNormErr, worstRatio, inst.xi().length,
                new LeastSquaresHypothesis(n, p, smin, smax, eta), share, unstableErr, rec.residuals(),
                rec.distances(), rec.cumulative());
    }

    /** max over other minimizers θ = θ* + (I − X⁺X)ξ of ‖θ* − θ₀‖/‖θ − θ₀‖ (LSQ-2). */
    private static double otherMinimizersRatio(SingularValues svd, LeastSquaresInstance inst,
            double[] thetaStar, double dist0) {
        double worstRatio = 0;
        for (double[] xi : inst.xi()) {
            double[] proj = rowSpaceProjection(svd, xi);
            double[] other = thetaStar.clone();
            for (int c = 0; c < other.length; c++) {
                other[c] += xi[c] - proj[c];
            }
            worstRatio = Math.max(worstRatio, dist0 / norm(minus(other, inst.theta0())));
        }
        return worstRatio;
    }

    /** ½‖Xθ − y‖² and its gradient Xᵀ(Xθ − y); the loss keeps ‖Xθ − y‖ exactly as sqrt(2·loss). */
    private record Objective(Backend backend, Matrix x, double[] y) implements GradientDescent.VectorProblem {
        @Override
        public GradientDescent.Evaluation<double[]> evaluate(double[] theta) {
            double[] res = minus(apply(backend, false, x, theta), y);
            double r = norm(res);
            return new GradientDescent.Evaluation<>(0.5 * r * r, apply(backend, true, x, res));
        }
    }

    /** Residuals against LSQ-1's bound while it is above 1e−14 r₀, and the path length of the steps taken. */
    private static final class Recorder implements GradientDescent.StepRecorder<double[]> {
        final double q, eta, r0, tOneOverRate;
        final double[] thetaStar;
        final double thetaStarNorm;
        double maxRatio, slackAfterFirst, slack, minRateMultiple = Double.POSITIVE_INFINITY, maxRatioControl,
                slackControl, path, previousStep;
        int checked;
        final java.util.List<double[]> rows = new java.util.ArrayList<>();

        Recorder(double q, double eta, double r0, double[] thetaStar) {
            this.q = q;
            this.eta = eta;
            this.r0 = r0;
            this.tOneOverRate = 1.0 / -Math.log(q);
            this.thetaStar = thetaStar;
            this.thetaStarNorm = norm(thetaStar);
        }

        /** ‖Xθ_t − y‖/r₀ while the bound was compared. */
        double[] residuals() {
            double[] out = new double[checked + 1];
            for (int t = 0; t <= checked; t++) {
                out[t] = rows.get(t)[0];
            }
            return out;
        }

        double[] distances() {
            return rows.stream().mapToDouble(r -> r[1]).toArray();
        }

        double[] cumulative() {
            return rows.stream().mapToDouble(r -> r[2]).toArray();
        }

        @Override
        public void record(int t, double[] theta, GradientDescent.Evaluation<double[]> at) {
            double r = Math.sqrt(2 * at.loss());
            double bound = Math.pow(q, t) * r0;                   // LSQ-1: (1 − ησ_min²)^t r₀
            if (bound > CHECK_FLOOR * r0) {
                checked = t;
                double ratio = r / bound, ratioControl = r / (Math.pow(q, 2.0 * t) * r0);
                maxRatio = Math.max(maxRatio, ratio);
                maxRatioControl = Math.max(maxRatioControl, ratioControl);
                if (t >= 1) {
                    slackAfterFirst = Math.max(slackAfterFirst, ratio);
                }
                if (t >= tOneOverRate) {
                    slack = Math.max(slack, ratio);
                    slackControl = Math.max(slackControl, ratioControl);
                    minRateMultiple = Math.min(minRateMultiple, Math.log(r / r0) / (t * Math.log(q)));
                }
            }
            path += previousStep;                                 // ‖θ_t − θ_{t−1}‖ = η‖∇L(θ_{t−1})‖
            previousStep = eta * norm(at.gradient());
            rows.add(new double[] {r / r0, norm(minus(theta, thetaStar)) / thetaStarNorm, path});
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    /** √Σ_{σ_i² ≤ 2σ_n²} (u_iᵀr₀)² / ‖r₀‖. */
    static double slowModeShare(SingularValues svd, double[] r0) {
        double[] s = svd.s();
        double edge = 2 * s[s.length - 1] * s[s.length - 1], sum = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] * s[i] <= edge) {
                double c = dot(column(svd.u(), i), r0);
                sum += c * c;
            }
        }
        return Math.sqrt(sum) / norm(r0);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] column(DenseMatrix m, int j) {
        double[] c = new double[m.rows()];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.get(i, j);
        }
        return c;
    }

    /** Xv or Xᵀv. */
    static double[] apply(Backend backend, boolean trans, Matrix x, double[] v) {
        Matrix out = backend.zeros(trans ? x.cols() : x.rows(), 1);
        backend.gemv(trans, 1.0, x, backend.adopt(DenseMatrix.columnVector(v)), 0.0, out);
        return out.toDense().data().clone();
    }

    /** X⁺v, the minimum-norm least-squares solution, from the thin SVD X = U diag(s) Vᵀ computed once. */
    static double[] pinvApply(SingularValues svd, double[] v) {
        DenseMatrix u = svd.u(), w = svd.v();
        double[] s = svd.s(), c = new double[s.length], out = new double[w.rows()];
        for (int k = 0; k < s.length; k++) {               // X⁺v = V diag(1/s) Uᵀv (full row rank: every s > 0)
            for (int i = 0; i < u.rows(); i++) {
                c[k] += u.get(i, k) * v[i];
            }
            c[k] /= s[k];
        }
        for (int j = 0; j < out.length; j++) {
            for (int k = 0; k < s.length; k++) {
                out[j] += w.get(j, k) * c[k];
            }
        }
        return out;
    }

    /** X⁺Xξ = V Vᵀξ: the projection of ξ onto X's row space (thin SVD, n right singular vectors). */
    static double[] rowSpaceProjection(SingularValues svd, double[] xi) {
        DenseMatrix w = svd.v();
        int p = w.rows(), n = w.cols();
        double[] c = new double[n], out = new double[p];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < p; j++) {
                c[k] += w.get(j, k) * xi[j];
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < n; k++) {
                out[j] += w.get(j, k) * c[k];
            }
        }
        return out;
    }
}
