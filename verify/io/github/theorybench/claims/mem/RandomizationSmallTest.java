package io.github.theorybench.claims.mem;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.ReluRegression;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MEM-2 (003, Zhang et al.) replayed once on a small instance — n = 20, d = 4, width 30 (150 parameters) and 2
 * (10 < n), levels {0, 1}, two seeds — with the step size recomputed from the explicit Jacobian J (Hipparchus'
 * symmetric eigen-decomposition of J Jᵀ) and each run by a plain gradient-descent loop of the test's own.
 */
@SmallInstances
class RandomizationSmallTest {
    static final int N = 20, D = 4, WIDTH = 30, NARROW = 2, BUDGET = 4000, TEST = 200;
    static final long SEED = 4;
    private final Backend b = Backends.byName(Backends.DEFAULT);

    @Test
    @DisplayName("MEM-2 small instance (n = 20, d = 4, width 30 and 2): step size, time to fit, accuracy, test error and rows recomputed")
    void smallInstance() {
        RandomizationCheck.Sizes sizes = new RandomizationCheck.Sizes(N, D, WIDTH, NARROW, List.of(0.0, 1.0), 2, 1,
                BUDGET, TEST, 199);
        RandomizationCheck check = new RandomizationCheck(sizes);
        CheckContext ctx = CheckContext.of(b, SEED, false);
        RandomizationCheck.Measurement m = check.measure(sizes, ctx);
        assertThat(check.ids()).containsExactly("MEM-2");
        assertThat(RandomizationCheck.Sizes.claims().seeds()).isEqualTo(20);
        assertThat(m.runs()).hasSize(4);
        assertThat(m.controls()).hasSize(1);
        SeedStream seeds = SeedStream.of(SEED, "MEM-2");
        for (int s = 0; s < 2; s++) {
            RandomizationInstance inst = RandomizationInstance.build(seeds.seed(s), N, D, WIDTH, NARROW, TEST);
            labels(inst);
            double eta = 1 / (1.5 * lambdaMax(inst.x(), inst.theta0(), WIDTH));
            for (int c = 0; c < 2; c++) {
                RandomizationRun got = m.runs().get(2 * s + c);
                assertThat(got.eta()).isCloseTo(eta, within(1e-10 * eta));
                compare(got, train(inst, inst.theta0(), WIDTH, c, eta), inst);
            }
            if (s == 0) {
                double etaNarrow = 1 / (1.5 * lambdaMax(inst.x(), inst.controlTheta0(), NARROW));
                compare(m.controls().get(0), train(inst, inst.controlTheta0(), NARROW, 1, etaNarrow), inst);
            }
        }
        CheckResult r = check.result(m);
        assertThat(r.verdicts(RandomizationCheck.FITS)).hasSize(2).allSatisfy(v -> assertThat(v).holds());
        assertThat(r.verdict(RandomizationCheck.NARROW_FITS)).controlBit();
        assertThat(r.tables().get(0).rows()).hasSize(3);
        assertThat(r.figures()).extracting(Figure::name).containsExactly("MEM-2-test-error", "MEM-2-time-to-fit",
                "MEM-2-steps-to-mse");
        gradient(seeds.seed(0));
    }

    /** Clean labels sign(uᵀx) by loops; level 1 replaces every label by its random sign, level 0 none. */
    private static void labels(RandomizationInstance inst) {
        double[] clean = inst.labels(0.0), random = inst.labels(1.0);
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int k = 0; k < D; k++) {
                s += inst.teacher()[k] * inst.x().get(i, k);
            }
            assertThat(clean[i]).isEqualTo(s >= 0 ? 1.0 : -1.0);
            assertThat(random[i]).isEqualTo(inst.randomSigns()[i]);
        }
        long flipped = java.util.stream.IntStream.range(0, N).filter(i -> inst.labels(0.5)[i] != clean[i]
                && inst.labels(0.5)[i] == inst.randomSigns()[i]).count();
        assertThat(flipped).isLessThanOrEqualTo(N / 2);               // round(0.5 n) replaced, some by the same sign
    }

    /** λ_max(J Jᵀ) with J explicit: ∂f/∂w_jk = a_j 1[z_ij > 0] x_ik/√m, ∂f/∂a_j = relu(z_ij)/√m. */
    private static double lambdaMax(DenseMatrix x, double[] theta, int m) {
        double[][] j = new double[N][m * (D + 1)];
        for (int i = 0; i < N; i++) {
            for (int q = 0; q < m; q++) {
                double z = 0;
                for (int k = 0; k < D; k++) {
                    z += x.get(i, k) * theta[k * m + q];
                }
                for (int k = 0; k < D; k++) {
                    j[i][k * m + q] = z > 0 ? theta[m * D + q] * x.get(i, k) / Math.sqrt(m) : 0;
                }
                j[i][m * D + q] = Math.max(z, 0) / Math.sqrt(m);
            }
        }
        RealMatrix jm = new Array2DRowRealMatrix(j);
        double[] ev = new EigenDecompositionSymmetric(jm.multiply(jm.transpose())).getEigenvalues();
        return ev[0];
    }

    /** Plain GD on ½‖f − y‖²: {steps to MSE < 1e−4 (or budget), steps to 100% accuracy, final MSE, test error}. */
    private static double[] train(RandomizationInstance inst, double[] theta0, int m, double c, double eta) {
        double[] theta = theta0.clone(), y = inst.labels(c);
        int accuracy = BUDGET, t = 0;
        double mse = 0;
        for (; ; t++) {
            double[] grad = new double[theta.length];
            mse = 0;
            int right = 0;
            for (int i = 0; i < N; i++) {
                double f = 0;
                double[] z = new double[m];
                for (int q = 0; q < m; q++) {
                    for (int k = 0; k < D; k++) {
                        z[q] += inst.x().get(i, k) * theta[k * m + q];
                    }
                    f += theta[m * D + q] * Math.max(z[q], 0) / Math.sqrt(m);
                }
                double r = f - y[i];
                mse += r * r / N;
                right += f * y[i] > 0 ? 1 : 0;
                for (int q = 0; q < m; q++) {
                    grad[m * D + q] += r * Math.max(z[q], 0) / Math.sqrt(m);
                    for (int k = 0; k < D; k++) {
                        grad[k * m + q] += z[q] > 0 ? r * theta[m * D + q] * inst.x().get(i, k) / Math.sqrt(m) : 0;
                    }
                }
            }
            if (right == N && accuracy == BUDGET) {
                accuracy = t;
            }
            if (mse < RandomizationRun.FIT_MSE || t == BUDGET) {
                break;
            }
            for (int p = 0; p < theta.length; p++) {
                theta[p] -= eta * grad[p];
            }
        }
        double[] f = ReluRegression.predict(inst.testX(), theta, m), truth = inst.teacherLabels(inst.testX());
        int wrong = 0;
        for (int i = 0; i < TEST; i++) {
            wrong += f[i] * truth[i] > 0 ? 0 : 1;
        }
        return new double[] {t, accuracy, mse, wrong / (double) TEST};
    }

    /** Two summation orders: the crossing of MSE 1e−4 and the test signs agree up to one step and one point. */
    private static void compare(RandomizationRun got, double[] want, RandomizationInstance inst) {
        assertThat((double) got.stepsToFit()).isCloseTo(want[0], within(1.0));
        assertThat((double) got.stepsToAccuracy()).isCloseTo(want[1], within(1.0));
        assertThat(got.fitted()).isEqualTo(want[2] < RandomizationRun.FIT_MSE);
        assertThat(got.testError()).isCloseTo(want[3], within(1.5 / TEST));
        assertThat(got.params()).isEqualTo(got.width() * (D + 1));
        assertThat(inst.n()).isEqualTo(N);
    }

    /** The objective's gradient against central differences, and its accuracy count and MSE. */
    private void gradient(long seed) {
        RandomizationInstance inst = RandomizationInstance.build(seed, N, D, WIDTH, NARROW, TEST);
        ReluRegression.Objective obj = new ReluRegression.Objective(inst.x(), inst.labels(0.0), WIDTH);
        double[] theta = inst.theta0();
        double[] g = obj.evaluate(theta).gradient();
        double h = 1e-6;
        for (int p = 0; p < theta.length; p += 13) {
            double[] up = theta.clone(), dn = theta.clone();
            up[p] += h;
            dn[p] -= h;
            double fd = (obj.evaluate(up).loss() - obj.evaluate(dn).loss()) / (2 * h);
            assertThat(g[p]).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
        }
        obj.evaluate(theta);
        double[] f = ReluRegression.predict(inst.x(), theta, WIDTH), y = inst.labels(0.0);
        double mse = 0;
        int right = 0;
        for (int i = 0; i < N; i++) {
            mse += (f[i] - y[i]) * (f[i] - y[i]) / N;
            right += f[i] * y[i] > 0 ? 1 : 0;
        }
        assertThat(obj.meanSquaredError()).isCloseTo(mse, within(1e-12 * mse));
        assertThat(obj.correct()).isEqualTo(right);
    }
}
