package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerNet;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * NTK-1 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt): for f(x) = Σ_j a_j σ(w_jᵀx) with both layers trained, the
 * empirical NTK J_θ J_θᵀ from the full materialised Jacobian (θ = (W, a)) equals K₁ + K₂,
 * K₁(x,x′) = Σ_j a_j² σ′(w_jᵀx)σ′(w_jᵀx′) xᵀx′ (first layer), K₂(x,x′) = Σ_j σ(w_jᵀx)σ(w_jᵀx′) (outer weights),
 * to relative Frobenius error ≤ 1e−12. K₁ and K₂ are summed here by direct loops, independently of
 * {@link TwoLayerNet}'s kernels. Parametrization: output scale c = 1, a_j ~ N(0,1), w_j ~ N(0, I_d), unit-norm x_i.
 * Controls: K₁ alone (dropped K₂ term) and K₂ perturbed by a relative 1e−9 must be flagged.
 */
public final class KernelSplitCheck implements ClaimCheck {
    static final double TOLERANCE = 1e-12;

    @Override
    public List<String> ids() {
        return List.of("NTK-1");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Backend backend = ctx.backend();
        int n = ctx.quick() ? 12 : 40, d = ctx.quick() ? 5 : 10, m = ctx.quick() ? 64 : 400;
        CheckResult result = new CheckResult();
        for (Activation act : List.of(Activation.TANH, Activation.RELU)) {
            RandomGenerator rng = RandomMatrices.rng(ctx.seed());
            DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
            DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng);
            double[] a = RandomMatrices.gaussianVector(m, 1.0, rng);
            TwoLayerNet net = new TwoLayerNet(backend, x, a, act, 1.0, true);
            DenseMatrix explicit = net.gramExplicit(w);
            DenseMatrix structured = net.gramStructured(w);
            DenseMatrix[] k = split(x, w, a, act);
            DenseMatrix sum = k[0].plusScaled(1.0, k[1]);
            result.add(row(ctx, act, n, d, m, "J J^T (full Jacobian) = K1 + K2", explicit, sum, false));
            result.add(row(ctx, act, n, d, m, "structured Gram = K1 + K2", structured, sum, false));
            result.add(row(ctx, act, n, d, m, "control: K2 dropped", explicit, k[0], true));
            result.add(row(ctx, act, n, d, m, "control: K2 perturbed by 1e-9",
                    explicit, k[0].plusScaled(1.0 + 1e-9, k[1]), true));
        }
        return result;
    }

    /** {K₁, K₂} by direct sums over neurons (NTK-1's formulas). */
    static DenseMatrix[] split(DenseMatrix x, DenseMatrix w, double[] a, Activation act) {
        int n = x.rows(), d = x.cols(), m = w.rows();
        double[][] pre = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += w.get(j, c) * x.get(i, c);
                }
                pre[i][j] = s;
            }
        }
        DenseMatrix k1 = DenseMatrix.zeros(n, n), k2 = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double xx = 0;
                for (int c = 0; c < d; c++) {
                    xx += x.get(i, c) * x.get(l, c);
                }
                double s1 = 0, s2 = 0;
                for (int j = 0; j < m; j++) {
                    s1 += a[j] * a[j] * act.derivative(pre[i][j]) * act.derivative(pre[l][j]);
                    s2 += act.value(pre[i][j]) * act.value(pre[l][j]);
                }
                k1.set(i, l, s1 * xx);
                k2.set(i, l, s2);
            }
        }
        return new DenseMatrix[] {k1, k2};
    }

    private static Verdict row(CheckContext ctx, Activation act, int n, int d, int m, String check, DenseMatrix gram,
            DenseMatrix reference, boolean control) {
        double err = gram.plusScaled(-1.0, reference).frobeniusNorm() / reference.frobeniusNorm();
        Verdict.Builder b = Verdict.builder("NTK-1").check(check + " (" + act.label() + ")").observed(err)
                .bound(TOLERANCE).tolerance(TOLERANCE).seed(ctx.seed()).size("n", n).size("d", d).size("m", m)
                .backend(ctx.backend().name()).activation(act.label())
                .detail("relative Frobenius error; f = sum_j a_j sigma(w_j^T x), c = 1, a ~ N(0,1), w ~ N(0,I),"
                        + " unit-norm x; theta = (W, a), both layers trained");
        if (control) {
            b.control();
        }
        return b.build();
    }
}
