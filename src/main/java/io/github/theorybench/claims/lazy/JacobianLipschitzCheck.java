package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * LAZY-4 (001, the Jacobian Lipschitz bound): ‖J_W − J_V‖_F ≤ β₀·sqrt(Σ_i‖x_i‖⁴)·‖W − V‖_F for s_j ∈ {±1}. Since
 * row i of J_W is [s_j σ′(w_jᵀx_i) x_iᵀ]_j, ‖J_W − J_V‖_F² = Σ_i ‖x_i‖² Σ_j (σ′(w_jᵀx_i) − σ′(v_jᵀx_i))², computed
 * from the structured factors D. Random pairs, nearby pairs, and the tight n = 1 case (every w_jᵀx at the argmax of
 * |σ″|, V = W + δ·1xᵀ) whose ratio approaches 1; the control checks that case against bound/2.
 */
public final class JacobianLipschitzCheck implements ClaimCheck {
    @Override
    public List<String> ids() {
        return List.of("LAZY-4");
    }

    /** ‖J_W − J_V‖_F / (β₀ sqrt(Σ‖x_i‖⁴) ‖W − V‖_F). */
    static double ratio(TwoLayerNet net, DenseMatrix w, DenseMatrix v) {
        DenseMatrix dw = net.structuredFactor(w).toDense(), dv = net.structuredFactor(v).toDense();
        DenseMatrix x = net.inputs();
        double num = 0, sum4 = 0;
        for (int i = 0; i < net.n(); i++) {
            double xi2 = 0;
            for (int k = 0; k < net.d(); k++) {
                xi2 += x.get(i, k) * x.get(i, k);
            }
            sum4 += xi2 * xi2;
            double row = 0;
            for (int j = 0; j < net.m(); j++) {
                double diff = dw.get(i, j) - dv.get(i, j);
                row += diff * diff;
            }
            num += xi2 * row;
        }
        double dist = w.plusScaled(-1, v).frobeniusNorm();
        return Math.sqrt(num) / (net.activation().beta0() * Math.sqrt(sum4) * dist);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult out = new CheckResult();
        int n = 10, d = 5, m = ctx.quick() ? 100 : 400, pairs = ctx.quick() ? 20 : 100;
        for (Activation act : List.of(Activation.TANH, Activation.SOFTPLUS)) {
            RandomGenerator rng = RandomMatrices.rng(ctx.seed());
            DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);   // not unit-norm: Σ‖x_i‖⁴ matters
            TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
            TwoLayerNet net = TwoLayerNet.withFixedSigns(ctx.backend(), x, init.signs(), act);
            double worstRandom = 0, worstNear = 0;
            for (int p = 0; p < pairs; p++) {
                DenseMatrix w = RandomMatrices.gaussian(m, d, 1.0, rng), v = RandomMatrices.gaussian(m, d, 1.0, rng);
                worstRandom = Math.max(worstRandom, ratio(net, w, v));
                DenseMatrix near = w.plusScaled(1e-3, RandomMatrices.gaussian(m, d, 1.0, rng));
                worstNear = Math.max(worstNear, ratio(net, w, near));
            }
            for (String kind : List.of("random pairs", "nearby pairs")) {
                double r = kind.equals("random pairs") ? worstRandom : worstNear;
                out.add(Verdict.builder("LAZY-4").check(kind + ", " + act.label()).seed(ctx.seed())
                        .backend(ctx.backend().name()).activation(act.label()).size("n", n).size("d", d).size("m", m)
                        .size("pairs", pairs).observed(r).bound(1.0)
                        .detail("observed = max ||J_W - J_V||_F / (beta0 sqrt(sum ||x_i||^4) ||W - V||_F)").build());
            }
        }
        // tight case: n = 1, unit x, every w_jᵀx = z* = atanh(1/√3) where |tanh″| = 4/(3√3) is largest
        RandomGenerator rng = RandomMatrices.rng(ctx.seed() + 1);
        int mt = 50, dt = 5;
        DenseMatrix x = RandomMatrices.unitRows(1, dt, rng);
        double zStar = 0.5 * Math.log((1 + 1 / Math.sqrt(3)) / (1 - 1 / Math.sqrt(3)));
        DenseMatrix w = DenseMatrix.zeros(mt, dt), v = DenseMatrix.zeros(mt, dt);
        // σ‴(z*) = 0, so the ratio is 1 − O(δ²); δ = 1e-3 keeps the cancellation error in σ′(z*+δ) − σ′(z*) (≈ ε/δ) far below that
        double delta = 1e-3;
        double[] signs = new double[mt];
        for (int j = 0; j < mt; j++) {
            signs[j] = rng.nextBoolean() ? 1 : -1;
            for (int k = 0; k < dt; k++) {
                w.set(j, k, zStar * x.get(0, k));
                v.set(j, k, (zStar + delta) * x.get(0, k));
            }
        }
        TwoLayerNet tight = TwoLayerNet.withFixedSigns(ctx.backend(), x, signs, Activation.TANH);
        double r = ratio(tight, w, v);
        for (boolean control : new boolean[] {false, true}) {
            Verdict.Builder b = Verdict.builder("LAZY-4").seed(ctx.seed() + 1).backend(ctx.backend().name())
                    .activation("tanh").size("n", 1).size("d", dt).size("m", mt).observed(r).bound(control ? 0.5 : 1.0)
                    .detail(String.format(Locale.ROOT, "n = 1, w_j.x = atanh(1/sqrt 3) (argmax |tanh''|), "
                            + "V = W + %.0e x: ratio %.7f", delta, r));
            if (control) {
                b.control().check("tight n = 1 case against bound/2");
            } else {
                b.check("tight n = 1 case at argmax |sigma''|");
            }
            out.add(b.build());
        }
        return out;
    }
}
