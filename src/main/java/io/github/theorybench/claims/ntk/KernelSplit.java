package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.TwoLayerNet;

/**
 * What NTK-1 measures on one {@link KernelSplitInstance} and activation: relative Frobenius errors
 * ‖G − (K₁ + K₂)‖_F/‖K₁ + K₂‖_F of the empirical NTK G = J Jᵀ of f = Σ_j a_j σ(w_jᵀx) (c = 1) against K₁ + K₂ summed
 * neuron by neuron ({@link #split}): for both layers trained, with J_θ materialized and in the structured form; and,
 * as the control, for a net that trains the first layer only (J = J_W, n × md: the outer-weight block is missing, so
 * J Jᵀ = K₁ and the identity must fail by exactly ‖K₂‖_F/‖K₁ + K₂‖_F).
 *
 * @param provenance seed, sizes, backend, activation
 * @param jacobianColumns columns of J_θ for the claim's net (md + m: both layers trained)
 * @param explicitError error of J_θJ_θᵀ, J_θ materialized
 * @param structuredError error of (D Dᵀ) ⊙ (X Xᵀ) + S Sᵀ
 * @param firstLayerOnlyColumns columns of the control's Jacobian (md)
 * @param firstLayerOnlyError error of J_W J_Wᵀ (materialized) against K₁ + K₂
 * @param predictedFirstLayerOnlyError ‖K₂‖_F/‖K₁ + K₂‖_F, what that error must be when J_W J_Wᵀ = K₁
 */
public record KernelSplit(Provenance provenance, int jacobianColumns, double explicitError, double structuredError,
        int firstLayerOnlyColumns, double firstLayerOnlyError, double predictedFirstLayerOnlyError) {

    public int m() {
        return (Integer) provenance.sizes().get("m");
    }

    public int d() {
        return (Integer) provenance.sizes().get("d");
    }

    /** Measures {@code inst} with activation {@code act} on {@code backend}. */
    public static KernelSplit measure(Backend backend, KernelSplitInstance inst, Activation act) {
        TwoLayerNet net = new TwoLayerNet(backend, inst.x(), inst.a(), act, 1.0, true);
        TwoLayerNet firstLayerOnly = new TwoLayerNet(backend, inst.x(), inst.a(), act, 1.0, false);
        DenseMatrix[] k = split(inst.x(), inst.w(), inst.a(), act);
        DenseMatrix sum = k[0].plusScaled(1.0, k[1]);
        Provenance p = Provenance.of(inst.seed(), backend.name(), "n", inst.n(), "d", inst.d(), "m", inst.m())
                .withActivation(act.label());
        return new KernelSplit(p, net.parameterCount(), relativeError(net.gramExplicit(inst.w()), sum),
                relativeError(net.gramStructured(inst.w()), sum), firstLayerOnly.parameterCount(),
                relativeError(firstLayerOnly.gramExplicit(inst.w()), sum),
                k[1].frobeniusNorm() / sum.frobeniusNorm());
    }

    static double relativeError(DenseMatrix gram, DenseMatrix reference) {
        return gram.plusScaled(-1.0, reference).frobeniusNorm() / reference.frobeniusNorm();
    }

    /** {K₁, K₂} by direct sums over neurons (NTK-1's formulas), independent of {@link TwoLayerNet}'s kernels. */
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
                    // NTK-1: K₁ = Σ_j a_j² σ′(w_jᵀx)σ′(w_jᵀx′) xᵀx′, K₂ = Σ_j σ(w_jᵀx)σ(w_jᵀx′)
                    s1 += a[j] * a[j] * act.derivative(pre[i][j]) * act.derivative(pre[l][j]);
                    s2 += act.value(pre[i][j]) * act.value(pre[l][j]);
                }
                k1.set(i, l, s1 * xx);
                k2.set(i, l, s2);
            }
        }
        return new DenseMatrix[] {k1, k2};
    }
}
