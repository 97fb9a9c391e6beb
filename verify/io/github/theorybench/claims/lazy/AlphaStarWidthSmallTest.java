package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.model.Activation;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-12 (CLAIMS.md second wave) replayed once by {@link AlphaStarWidthCheck} on small instances (n = 4, d = 3,
 * widths 20…160, α ∈ {10, 100, 1000}, 5 seeds): α*(α)/α recomputed from a Jacobian built in loops and Hipparchus' SVD
 * on the instances {@link LazyInstance#build} draws, the medians, the slope and the extrapolated width in loops.
 */
@SmallInstances
class AlphaStarWidthSmallTest {
    static final int N = 4, D = 3, SEEDS = 5;
    static final List<Integer> WIDTHS = List.of(20, 40, 80, 160);
    static final List<Double> ALPHAS = List.of(10.0, 100.0, 1000.0);
    static final long SEED = 4;
    /** σ_min from two SVDs of the same J₀ (LAPACK's and Hipparchus'), cubed: agree to ~1e−12 relative. */
    static final double RATIO_AGREEMENT = 1e-9;

    @Test
    @DisplayName("LAZY-12 small widths (n = 4, m = 20..160): alpha*/alpha, medians, slope, extrapolated width and the controls recomputed")
    void widths() {
        Backend backend = Backends.byName(Backends.DEFAULT);
        CheckResult result = new AlphaStarWidthCheck(new AlphaStarWidthCheck.Sizes(N, D, WIDTHS, ALPHAS, SEEDS))
                .run(CheckContext.of(backend, SEED, true));
        assertThat(new AlphaStarWidthCheck().ids()).containsExactly("LAZY-12");
        assertThat(AlphaStarWidthCheck.Sizes.claims().seeds()).isEqualTo(40);
        double[][][] random = new double[SEEDS][WIDTHS.size()][], anti = new double[SEEDS][WIDTHS.size()][];
        double maxDeviationIn = 0, maxDeviationAnti = 0;
        SeedStream seeds = SeedStream.of(SEED, "LAZY-12");
        for (int s = 0; s < SEEDS; s++) {
            for (int w = 0; w < WIDTHS.size(); w++) {
                LazyInstance r = LazyInstance.build(backend, seeds.seed(s), N, D, WIDTHS.get(w), Activation.TANH,
                        LazyInstance.Init.RANDOM_SIGN);
                LazyInstance a = LazyInstance.build(backend, seeds.seed(s), N, D, WIDTHS.get(w), Activation.TANH,
                        LazyInstance.Init.ANTISYMMETRIC);
                random[s][w] = ratios(r);
                anti[s][w] = ratios(a);
                double f0 = norm(predictions(r)), y = norm(r.y());
                for (int k = 0; k < 2; k++) {
                    if (y <= 4e-4 * ALPHAS.get(k) * f0 && y <= 4e-4 * ALPHAS.get(2) * f0) {
                        maxDeviationIn = Math.max(maxDeviationIn, Math.abs(random[s][w][k] / random[s][w][2] - 1));
                    }
                    maxDeviationAnti = Math.max(maxDeviationAnti, Math.abs(anti[s][w][k] / anti[s][w][2] - 1));
                }
            }
        }
        Verdict dep = result.verdict(AlphaStarWidthCheck.ALPHA_INDEPENDENCE);
        assertThat(dep.observed()).isCloseTo(maxDeviationIn, within(1e-9));
        Verdict depAnti = result.verdict(AlphaStarWidthCheck.ALPHA_INDEPENDENCE_ANTISYMMETRIC);
        assertThat(depAnti.observed()).isCloseTo(maxDeviationAnti, within(1e-6 * maxDeviationAnti));
        assertThat(depAnti.observed()).isCloseTo(99, within(1e-6));          // α* α-free: ratio(10)/ratio(1000) = 100
        assertThat(depAnti).controlBit();
        double[] medRandom = medians(random), medAnti = medians(anti);
        double[] m = WIDTHS.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] fit = fit(m, medRandom);
        Verdict slope = result.verdict(AlphaStarWidthCheck.WIDTH_SLOPE);
        assertThat(slope.observed()).isCloseTo(fit[0], within(1e-8));
        assertThat(slope.measurements().get("medianM80")).isCloseTo(medRandom[2], within(RATIO_AGREEMENT
                * medRandom[2]));
        Verdict slopeAnti = result.verdict(AlphaStarWidthCheck.WIDTH_SLOPE_ANTISYMMETRIC);
        assertThat(slopeAnti.observed()).isCloseTo(fit(m, medAnti)[0], within(1e-8));
        Verdict largest = result.verdict(AlphaStarWidthCheck.HYPOTHESIS_AT_LARGEST_WIDTH);
        assertThat(largest.observed()).isCloseTo(medRandom[3], within(RATIO_AGREEMENT * medRandom[3]));
        double mOne = Math.exp(-fit[1] / fit[0]);
        assertThat(largest.measurements().get("extrapolatedWidth")).isCloseTo(mOne, within(1e-6 * mOne));
        assertThat(largest.measurements().get("extrapolatedWidthHalfPower")).isCloseTo(160 * medRandom[3]
                * medRandom[3], within(1e-8 * 160 * medRandom[3] * medRandom[3]));
        assertThat(largest).isViolated().hasFinding();
        Verdict largestAnti = result.verdict(AlphaStarWidthCheck.HYPOTHESIS_AT_LARGEST_WIDTH_ANTISYMMETRIC);
        assertThat(largestAnti.observed()).isCloseTo(medAnti[3], within(RATIO_AGREEMENT * medAnti[3]));
        assertThat(largestAnti).controlBit();
        table(result.tables().get(0), medRandom, medAnti);
        figure(result.figures().get(0), m, medRandom, random);
    }

    /** f(x_i; W₀) = Σ_j s_j tanh(w_jᵀx_i). */
    static double[] predictions(LazyInstance inst) {
        double[] f = new double[inst.n()];
        for (int i = 0; i < inst.n(); i++) {
            for (int j = 0; j < inst.m(); j++) {
                double pre = 0;
                for (int k = 0; k < inst.d(); k++) {
                    pre += inst.w0().get(j, k) * inst.x().get(i, k);
                }
                f[i] += inst.signs()[j] * Math.tanh(pre);
            }
        }
        return f;
    }

    static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
    }

    /** α*(α)/α = β sqrt(1152 σ_max² ½‖αf(W₀) − y‖²)/(σ_min³ α) for each α, σ's by Hipparchus' SVD of J₀ (loops). */
    static double[] ratios(LazyInstance inst) {
        LoopFlow lf = new LoopFlow(inst.x().toArray2d(), inst.y(), inst.signs(), 1);
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(lf.jacobian(inst.w0().data())))
                .getSingularValues();
        double smax = sv[0], smin = sv[inst.n() - 1];
        double beta = 4 / (3 * Math.sqrt(3)) * Math.sqrt(inst.n());          // unit inputs: Σ‖x_i‖⁴ = n
        double[] f0 = predictions(inst);
        double[] out = new double[ALPHAS.size()];
        for (int k = 0; k < out.length; k++) {
            double a = ALPHAS.get(k), r0 = 0;
            for (int i = 0; i < f0.length; i++) {
                r0 += 0.5 * (a * f0[i] - inst.y()[i]) * (a * f0[i] - inst.y()[i]);
            }
            out[k] = beta * Math.sqrt(1152 * smax * smax * r0) / Math.pow(smin, 3) / a;
        }
        return out;
    }

    /** Per width, the median over seeds of the ratio at α = 1000. */
    static double[] medians(double[][][] r) {
        double[] out = new double[WIDTHS.size()];
        for (int w = 0; w < out.length; w++) {
            double[] v = new double[SEEDS];
            for (int s = 0; s < SEEDS; s++) {
                v[s] = r[s][w][2];
            }
            Arrays.sort(v);
            out[w] = v[SEEDS / 2];                                             // odd count: the middle value
        }
        return out;
    }

    /** {slope, intercept} of log y on log x, in loops. */
    static double[] fit(double[] x, double[] y) {
        int k = x.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < k; i++) {
            double u = Math.log(x[i]), v = Math.log(y[i]);
            sx += u;
            sy += v;
            sxx += u * u;
            sxy += u * v;
        }
        double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
        return new double[] {slope, (sy - slope * sx) / k};
    }

    private static void table(Table t, double[] medRandom, double[] medAnti) {
        assertThat(t.rows()).hasSize(WIDTHS.size());
        for (int w = 0; w < WIDTHS.size(); w++) {
            assertThat(t.rows().get(w).get(0)).isEqualTo(Integer.toString(WIDTHS.get(w)));
            assertThat(Double.parseDouble(t.rows().get(w).get(3))).isCloseTo(medRandom[w], within(1e-4
                    * medRandom[w]));
            assertThat(Double.parseDouble(t.rows().get(w).get(5))).isCloseTo(medAnti[w], within(1e-2 * medAnti[w]));
        }
    }

    private static void figure(Figure f, double[] m, double[] medRandom, double[][][] random) {
        assertThat(f.logX()).isTrue();
        assertThat(f.logY()).isTrue();
        assertThat(f.series().get(0).x()).containsExactly(m);
        for (int w = 0; w < m.length; w++) {
            assertThat(f.series().get(0).y()[w]).isCloseTo(medRandom[w], within(RATIO_AGREEMENT * medRandom[w]));
            double lo = Double.POSITIVE_INFINITY;
            for (double[][] s : random) {
                lo = Math.min(lo, s[w][2]);
            }
            assertThat(f.series().get(1).y()[w]).isCloseTo(lo, within(RATIO_AGREEMENT * lo));
        }
        assertThat(f.series().get(1).bandOf()).isEqualTo(f.series().get(0).label());
        assertThat(f.series().get(3).y()[1]).isCloseTo(1.0, within(1e-9));    // the extrapolation ends at 1
    }
}
