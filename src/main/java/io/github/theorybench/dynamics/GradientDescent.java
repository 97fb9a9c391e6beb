package io.github.theorybench.dynamics;

import java.util.Objects;

/**
 * Discrete gradient descent x_{t+1} = x_t − η ∇L(x_t) with a constant step η: a separate, named thing from the
 * gradient flow ({@link GradientFlow}), which it approximates only as η → 0. Like Hipparchus' integrators, the
 * equations ({@link Problem}), the iteration and what is recorded along the way ({@link StepRecorder}) are separate
 * pieces: a check supplies the problem and a recorder, and reads its measurements from what it recorded.
 * <p>The loop evaluates L and ∇L at x_t, hands (t, x_t, evaluation) to the recorder — for every t from 0 to the last
 * iterate — then stops if the loss is not finite ({@link Stop#DIVERGED}), if the stop rule says so
 * ({@link Stop#RULE}), or at the step budget ({@link Stop#MAX_STEPS}); otherwise it steps.
 *
 * @param <S> the iterate: a flat vector, a pair of factors, the layers of a deep net
 */
public final class GradientDescent<S> {
    /** The objective and the update in the iterate's own representation. */
    public interface Problem<S> {
        /** L(x) and ∇L(x). */
        Evaluation<S> evaluate(S x);

        /** x − η g, as a new iterate (x is not modified). */
        S step(S x, S gradient, double eta);
    }

    /** The loss and gradient at one iterate. */
    public record Evaluation<S>(double loss, S gradient) {
    }

    /** Sees every iterate x_t with its evaluation, t = 0, 1, …, last. */
    @FunctionalInterface
    public interface StepRecorder<S> {
        void record(int t, S x, Evaluation<S> at);
    }

    /** Decides, at iterate t, whether to stop before stepping. */
    @FunctionalInterface
    public interface StopRule<S> {
        boolean stop(int t, S x, Evaluation<S> at);
    }

    /** Why the iteration ended. */
    public enum Stop {
        /** The stop rule fired. */
        RULE,
        /** The step budget ran out first. */
        MAX_STEPS,
        /** The loss became infinite or NaN. */
        DIVERGED
    }

    /** The last iterate, its evaluation, the number of steps taken and why the run ended. */
    public record Result<S>(S last, Evaluation<S> lastEvaluation, int steps, Stop reason) {
    }

    private final Problem<S> problem;
    private final double eta;
    private final int maxSteps;

    /** Descent on {@code problem} with step {@code eta} for at most {@code maxSteps} steps. */
    public GradientDescent(Problem<S> problem, double eta, int maxSteps) {
        this.problem = Objects.requireNonNull(problem, "problem");
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + eta);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("step budget must be non-negative, got " + maxSteps);
        }
        this.eta = eta;
        this.maxSteps = maxSteps;
    }

    public double stepSize() {
        return eta;
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** Runs from {@code x0} until {@code stop} fires or the budget runs out, recording every iterate. */
    public Result<S> run(S x0, StopRule<S> stop, StepRecorder<S> recorder) {
        S x = x0;
        for (int t = 0; ; t++) {
            Evaluation<S> e = problem.evaluate(x);
            recorder.record(t, x, e);
            if (!Double.isFinite(e.loss())) {
                return new Result<>(x, e, t, Stop.DIVERGED);
            }
            if (stop.stop(t, x, e)) {
                return new Result<>(x, e, t, Stop.RULE);
            }
            if (t == maxSteps) {
                return new Result<>(x, e, t, Stop.MAX_STEPS);
            }
            x = problem.step(x, e.gradient(), eta);
        }
    }

    /** Runs the whole budget (no stop rule). */
    public Result<S> run(S x0, StepRecorder<S> recorder) {
        return run(x0, (t, x, e) -> false, recorder);
    }

    /** A stop rule that never fires. */
    public static <S> StopRule<S> never() {
        return (t, x, e) -> false;
    }

    /** A recorder that records nothing. */
    public static <S> StepRecorder<S> noRecorder() {
        return (t, x, e) -> { };
    }

    /** A problem on flat vectors: the caller gives L and ∇L; the update is x − ηg. */
    public interface VectorProblem extends Problem<double[]> {
        @Override
        default double[] step(double[] x, double[] gradient, double eta) {
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                next[i] = x[i] - eta * gradient[i];
            }
            return next;
        }
    }
}
