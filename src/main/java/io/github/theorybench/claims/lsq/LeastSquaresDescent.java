package io.github.theorybench.claims.lsq;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;

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
 */
public record LeastSquaresDescent(Provenance provenance, LeastSquaresInstance.Shape shape, double eta,
        double sigmaMin, double sigmaMax, int checkedSteps, double maxRatioToBound, double slackAfterFirstStep,
        double slackAfterOneOverRate, double minRateMultiple, double maxRatioToDoubledRateBound,
        double controlSlackAfterOneOverRate, int steps, double pathLength, double distanceToThetaStar,
        double limitError, double minNormError, double maxDistanceRatioOtherMinimizers, int otherMinimizers) {

    /** Below this multiple of r₀ the LSQ-1 bound is no longer compared: the residual sits at round-off there. */
    static final double CHECK_FLOOR = 1e-14;
    /** Descent stops once the bound is below this multiple of r₀: later steps are below round-off. */
    static final double STOP_FLOOR = 1e-16;
    static final int MAX_STEPS = 200_000;

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
        double[] s = backend.svd(x).s();
        double smax = s[0], smin = s[n - 1];
        double eta = 1.0 / (smax * smax);
        double q = 1.0 - eta * smin * smin;                        // LSQ-1 contraction factor
        double[] thetaStar = inst.theta0().clone();
        double[] corr = pinvApply(backend, x, minus(inst.y(), apply(backend, false, x, inst.theta0())));
        for (int k = 0; k < p; k++) {
            thetaStar[k] += corr[k];
        }
        Recorder rec = new Recorder(q, eta, norm(minus(apply(backend, false, x, inst.theta0()), inst.y())));
        GradientDescent.Result<double[]> run = new GradientDescent<>(new Objective(backend, x, inst.y()), eta,
                MAX_STEPS).run(inst.theta0(), (t, theta, e) -> t >= 1 && Math.pow(q, t - 1) * rec.r0 <= STOP_FLOOR * rec.r0,
                rec);
        double[] theta = run.last();
        double dist0 = norm(minus(thetaStar, inst.theta0()));
        double limitErr = norm(minus(theta, thetaStar)) / norm(thetaStar);
        double[] minNorm = pinvApply(backend, x, inst.y());
        double minNormErr = norm(minus(theta, minNorm)) / norm(minNorm);
        double worstRatio = 0;                                      // other minimizers θ* + (I − X⁺X)ξ
        for (double[] xi : inst.xi()) {
            double[] proj = pinvApply(backend, x, apply(backend, false, x, xi));
            double[] other = thetaStar.clone();
            for (int c = 0; c < p; c++) {
                other[c] += xi[c] - proj[c];
            }
            worstRatio = Math.max(worstRatio, dist0 / norm(minus(other, inst.theta0())));
        }
        Provenance prov = Provenance.of(inst.seed(), backend.name(), "n", n, "p", p);
        return new LeastSquaresDescent(prov, inst.shape(), eta, smin, smax, rec.checked, rec.maxRatio,
                rec.slackAfterFirst, rec.slack, rec.minRateMultiple, rec.maxRatioControl, rec.slackControl,
                run.steps(), rec.path, dist0, limitErr, minNormErr, worstRatio, inst.xi().length);
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
        double maxRatio, slackAfterFirst, slack, minRateMultiple = Double.POSITIVE_INFINITY, maxRatioControl,
                slackControl, path, previousStep;
        int checked;

        Recorder(double q, double eta, double r0) {
            this.q = q;
            this.eta = eta;
            this.r0 = r0;
            this.tOneOverRate = 1.0 / -Math.log(q);
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

    /** Xv or Xᵀv. */
    static double[] apply(Backend backend, boolean trans, Matrix x, double[] v) {
        Matrix out = backend.zeros(trans ? x.cols() : x.rows(), 1);
        backend.gemv(trans, 1.0, x, backend.adopt(DenseMatrix.columnVector(v)), 0.0, out);
        return out.toDense().data().clone();
    }

    /** X⁺v, the minimum-norm least-squares solution. */
    static double[] pinvApply(Backend backend, Matrix x, double[] v) {
        return backend.leastSquares(x, backend.adopt(DenseMatrix.columnVector(v))).data().clone();
    }
}
