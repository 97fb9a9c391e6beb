package io.github.theorybench.claims.lazy;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import java.util.List;
import java.util.Locale;
import org.hipparchus.analysis.integration.SimpsonIntegrator;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-8 (CLAIMS.md; 001: R₀ = Θ(α² m n) for random-sign init) on a small grid α ∈ {10, 100}, m ∈ {16, 64},
 * n ∈ {8, 16}, d = 3, 4 seeds: every table cell R₀/(α² m n) recomputed from the same draws with the model written out
 * (f(x_i) = Σ_j s_j tanh(w_jᵀx_i), R₀ = ½‖αf − y‖²), the band from those cells, and the Gaussian-width prediction
 * E[tanh(z)²]/2 by Simpson quadrature instead of Gauss–Hermite. {@link LazyTrainingTest} runs the CLAIMS.md grid.
 */
@SmallInstances
class InitialRiskScalingSmallGridTest {
    static final double[] ALPHAS = {10, 100};
    static final int[] WIDTHS = {16, 64}, NS = {8, 16};
    static final int D = 3, SEEDS = 4;
    static final long SEED = 3;

    private Backend backend;
    private CheckResult result;
    private Verdict verdict;
    private Table table;

    /** The check runs in each test, not in {@code @BeforeAll}: PIT attributes that code to a single test method. */
    @BeforeEach
    void run() {
        backend = Backends.byName(Backends.DEFAULT);
        result = new InitialRiskScalingCheck(ALPHAS, WIDTHS, NS, D, SEEDS).run(CheckContext.of(backend, SEED, true));
        verdict = result.verdict("LAZY-8", "band of R0/(alpha^2 m n) over alpha, m, n");
        table = result.tables().get(0);
    }

    /** Mean over seeds of R₀/(α² m n) for one grid point, from the check's draws (seed · 7919 + 31 n + 7 m + s). */
    private static double meanRatio(int n, int m, double alpha) {
        double mean = 0;
        for (int s = 0; s < SEEDS; s++) {
            RandomGenerator rng = RandomMatrices.rng(SEED * 7919L + n * 31L + m * 7L + s);
            DenseMatrix x = RandomMatrices.unitRows(n, D, rng);
            double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
            TwoLayerInit init = TwoLayerInit.randomSign(m, D, 1.0, rng);
            double r0 = 0;
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < m; j++) {
                    double pre = 0;
                    for (int k = 0; k < D; k++) {
                        pre += init.weights().get(j, k) * x.get(i, k);
                    }
                    f += init.signs()[j] * Math.tanh(pre);
                }
                r0 += 0.5 * (alpha * f - y[i]) * (alpha * f - y[i]);
            }
            mean += r0 / (alpha * alpha * m * n);
        }
        return mean / SEEDS;
    }

    @Test
    @DisplayName("LAZY-8 table: one row per (n, m, alpha), each cell R0/(alpha^2 m n) recomputed; the band is their min and max")
    void cellsAndBand() {
        assertThat(new InitialRiskScalingCheck().ids()).containsExactly("LAZY-8");
        assertThat(table.name()).isEqualTo("LAZY-8-band");
        assertThat(table.title()).isEqualTo("LAZY-8: mean R0/(alpha^2 m n) over 4 seeds");
        assertThat(table.header()).containsExactly("n", "m", "alpha", "R0/(alpha^2 m n)");
        assertThat(table.rows()).hasSize(8);
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        int row = 0;
        for (int n : NS) {
            for (int m : WIDTHS) {
                for (double alpha : ALPHAS) {
                    double mean = meanRatio(n, m, alpha);
                    lo = Math.min(lo, mean);
                    hi = Math.max(hi, mean);
                    assertThat(table.rows().get(row++)).containsExactly(Integer.toString(n), Integer.toString(m),
                            String.format(Locale.ROOT, "%.0f", alpha), String.format(Locale.ROOT, "%.4f", mean));
                }
            }
        }
        assertThat(verdict).hasMeasurementCloseTo("bandLow", lo, 1e-12, "min of the cells")
                .hasMeasurementCloseTo("bandHigh", hi, 1e-12, "max of the cells");
        assertThat(verdict.observed()).isCloseTo(hi / lo, within(1e-12 * hi / lo));
        assertThat(verdict.bound()).isEqualTo(4.0);
        assertThat(verdict.holds()).isEqualTo(hi / lo <= 4.0);
        assertThat(verdict).holds();                              // Θ(α² m n): one band even on this small grid
        assertThat(verdict.seed()).isEqualTo(SEED);
        assertThat(verdict.backend()).isEqualTo(backend.name());
        assertThat(verdict.activation()).isEqualTo("tanh");
        assertThat(verdict.sizes()).containsEntry("n", "8..16").containsEntry("m", "16..64").containsEntry("d", D)
                .containsEntry("seeds", SEEDS);
        assertThat(verdict.detail()).startsWith(String.format(Locale.ROOT, "means over 4 seeds lie in [%.4f, %.4f] "
                + "(band ratio %.2f, calibrated 1.8)", lo, hi, hi / lo));
    }

    @Test
    @DisplayName("LAZY-8 Gaussian-width prediction E[tanh(z)^2]/2, z ~ N(0, 1), by Simpson quadrature (CLAIMS.md: about 0.197)")
    void gaussianPrediction() {
        double e2 = new SimpsonIntegrator(1e-13, 1e-15, 3, 30).integrate(1_000_000,
                z -> Math.tanh(z) * Math.tanh(z) * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI), -12, 12);
        assertThat(verdict).hasMeasurementCloseTo("gaussianPrediction", e2 / 2, 1e-9, "E[tanh(z)^2]/2");
        assertThat(e2 / 2).isCloseTo(0.197, within(1e-3));
        assertThat(table.note()).isEqualTo(String.format(Locale.ROOT, "Gaussian-width prediction %.4f", e2 / 2));
        assertThat(verdict.detail()).endsWith(String.format(Locale.ROOT, "E[sigma(v.x)^2]/2 = %.4f", e2 / 2));
    }
}
