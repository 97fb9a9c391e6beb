package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.random.RandomGenerator;

/**
 * LAZY-8 (001: R₀ = Θ(α²mn) for random-sign init): R₀/(α² m n) with R₀ = ½‖αf(W₀) − y‖² stays in one band of
 * ratio ≤ 4 over α ∈ {10, 100, 1000}, m ∈ {64, 512, 4096}, n ∈ {16, 64, 256} (mean over 5 seeds each; d = 5, tanh,
 * unit-norm inputs, y_i ~ N(0, 1)). Reported beside the Gaussian-width prediction E[σ(vᵀx)²]/2 for ‖x‖ = 1.
 */
public final class InitialRiskScalingCheck implements ClaimCheck {
    private final double[] alphas;
    private final int[] widths, ns;
    private final int d, seeds;

    /** CLAIMS.md's grid. */
    public InitialRiskScalingCheck() {
        this(new double[] {10, 100, 1000}, new int[] {64, 512, 4096}, new int[] {16, 64, 256}, 5, 5);
    }

    /** The same band on another grid (fast tests on small instances); each array ascending. */
    InitialRiskScalingCheck(double[] alphas, int[] widths, int[] ns, int d, int seeds) {
        this.alphas = alphas.clone();
        this.widths = widths.clone();
        this.ns = ns.clone();
        this.d = d;
        this.seeds = seeds;
    }

    @Override
    public List<String> ids() {
        return List.of("LAZY-8");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int n : ns) {
            for (int m : widths) {
                for (double alpha : alphas) {
                    double mean = 0;
                    for (int s = 0; s < seeds; s++) {
                        RandomGenerator rng = RandomMatrices.rng(ctx.seed() * 7919L + n * 31L + m * 7L + s);
                        DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
                        double[] y = RandomMatrices.gaussianVector(n, 1.0, rng);
                        TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
                        double[] f = TwoLayerNet.withFixedSigns(ctx.backend(), x, init.signs(), Activation.TANH)
                                .predictions(init.weights());
                        double r0 = 0;
                        for (int i = 0; i < n; i++) {
                            r0 += 0.5 * Math.pow(alpha * f[i] - y[i], 2);
                        }
                        mean += r0 / (alpha * alpha * m * n) / seeds;
                    }
                    lo = Math.min(lo, mean);
                    hi = Math.max(hi, mean);
                    rows.add(List.of(Integer.toString(n), Integer.toString(m), String.format(Locale.ROOT, "%.0f",
                            alpha), String.format(Locale.ROOT, "%.4f", mean)));
                }
            }
        }
        // E[tanh(z)²]/2, z ~ N(0, 1): the limit of R₀/(α² m n) as α → ∞ (f(x) is a sum of m iid ±σ(w_jᵀx))
        GaussIntegrator gh = new GaussIntegratorFactory().hermite(80);
        double e2 = 0;
        for (int i = 0; i < gh.getNumberOfPoints(); i++) {
            e2 += gh.getWeight(i) * Math.pow(Math.tanh(Math.sqrt(2) * gh.getPoint(i)), 2);
        }
        double prediction = e2 / Math.sqrt(Math.PI) / 2;
        CheckResult out = new CheckResult();
        out.add(Verdict.builder("LAZY-8").check("band of R0/(alpha^2 m n) over alpha, m, n").seed(ctx.seed())
                .backend(ctx.backend().name()).activation("tanh").size("n", ns[0] + ".." + ns[ns.length - 1])
                .size("m", widths[0] + ".." + widths[widths.length - 1])
                .size("d", d).size("seeds", seeds).observed(hi / lo).bound(4.0)
                .measure("bandLow", lo).measure("bandHigh", hi).measure("gaussianPrediction", prediction)
                .detail(String.format(Locale.ROOT, "means over %d seeds lie in [%.4f, %.4f] (band ratio %.2f, "
                        + "calibrated 1.8); Gaussian-width prediction E[sigma(v.x)^2]/2 = %.4f", seeds, lo, hi, hi / lo,
                        prediction)).build());
        out.table(new Table("LAZY-8-band", "LAZY-8: mean R0/(alpha^2 m n) over " + seeds + " seeds",
                List.of("n", "m", "alpha", "R0/(alpha^2 m n)"), rows,
                String.format(Locale.ROOT, "Gaussian-width prediction %.4f", prediction)));
        return out;
    }
}
