package io.github.theorybench.claims.mem;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.model.ReluRegression;

/**
 * What MEM-2 measures on one training run: full-batch gradient descent with η = 1/(1.5 λ_max(J₀J₀ᵀ)) on one
 * corruption level's labels until the training MSE falls below {@value #FIT_MSE} or the step budget runs out.
 *
 * @param provenance seed and sizes
 * @param corruption the fraction c of labels replaced by random signs
 * @param width m
 * @param params m(d + 1)
 * @param fitted whether the training MSE fell below {@value #FIT_MSE} within the budget
 * @param stepsToFit the first t with MSE < {@value #FIT_MSE} (the budget if never)
 * @param stepsToAccuracy the first t with every training sign right, Zhang et al.'s time to fit (the budget if never)
 * @param finalMse training MSE at the last iterate
 * @param testError share of test points whose sign differs from the clean teacher's
 * @param eta the step size
 */
public record RandomizationRun(Provenance provenance, double corruption, int width, int params, boolean fitted,
        int stepsToFit, int stepsToAccuracy, double finalMse, double testError, double eta) {
    /** CLAIMS.md MEM-2: a run has fitted once the training MSE is below this. */
    public static final double FIT_MSE = 1e-4;

    /** GD from θ₀ on (X, y) with step η for at most {@code budget} steps, then the test error. */
    public static RandomizationRun train(RandomizationInstance inst, double c, boolean control, double eta, int budget,
            Provenance prov) {
        int m = control ? inst.controlWidth() : inst.width();
        double[] theta0 = control ? inst.controlTheta0() : inst.theta0();
        ReluRegression.Objective objective = new ReluRegression.Objective(inst.x(), inst.labels(c), m);
        int n = inst.n();
        int[] accuracyAt = {budget};
        GradientDescent.Result<double[]> run = new GradientDescent<>(objective, eta, budget).run(theta0.clone(),
                (t, theta, e) -> objective.meanSquaredError() < FIT_MSE,
                (t, theta, e) -> {
                    if (objective.correct() == n && accuracyAt[0] == budget) {
                        accuracyAt[0] = Math.min(t, budget);
                    }
                });
        boolean fitted = run.reason() == GradientDescent.Stop.RULE;
        double finalMse = 2 * run.lastEvaluation().loss() / n;
        double[] f = ReluRegression.predict(inst.testX(), run.last(), m);
        double[] truth = inst.teacherLabels(inst.testX());
        int wrong = 0;
        for (int i = 0; i < f.length; i++) {
            wrong += f[i] * truth[i] > 0 ? 0 : 1;
        }
        return new RandomizationRun(prov, c, m, ReluRegression.parameterCount(m, inst.d()), fitted,
                fitted ? run.steps() : budget, accuracyAt[0], finalMse, (double) wrong / f.length, eta);
    }
}
