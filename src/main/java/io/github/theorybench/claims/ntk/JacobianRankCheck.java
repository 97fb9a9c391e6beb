package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerNet;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * NTK-4 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt, [SJL17]): for Gaussian X and generic W₀ (m ≥ d) the first-layer
 * Jacobian J₀ ∈ R^{n×md} of f = Σ_j s_j σ(w_jᵀx) (fixed signs, c = 1, LAZY model) has rank min(n, md).
 * n > md: λ_min(J₀J₀ᵀ)/λ_max < 1e−12 while λ_{n−md+1} (the md-th largest) is not; n ≤ md (tanh): σ_min/σ_max > 1e−6;
 * ReLU: a point inactive on every neuron makes the hypothesis fail (reported, not counted). Discrete gradient descent
 * W ← W − η J_Wᵀ(f(W) − y) (tanh, n ≤ md/2, η = 0.5/‖J₀‖₂²) drives R below 1e−8 R₀ and
 * ‖W_T − W₀‖_F ≤ 2‖J₀⁺r₀‖ (r₀ = f(W₀) − y).
 */
public final class JacobianRankCheck implements ClaimCheck {
    @Override
    public List<String> ids() {
        return List.of("NTK-4");
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult result = new CheckResult();
        int[] seeds = ctx.quick() ? new int[] {0, 1} : new int[] {0, 1, 2, 3, 4};
        for (int s : seeds) {
            long seed = ctx.seed() * 1000 + s;
            result.add(rankDeficient(ctx, seed, Activation.TANH, 30, 3, 4));
            result.add(fullRank(ctx, seed, Activation.TANH, 12, 3, 4));
            result.add(fullRank(ctx, seed, Activation.RELU, 12, 3, 4));
            result.add(descent(ctx, seed, 10, 5, 4));
        }
        return result;
    }

    private record Instance(TwoLayerNet net, DenseMatrix w0, DenseMatrix j0) {
    }

    private static Instance instance(Backend backend, long seed, Activation act, int n, int d, int m) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
        DenseMatrix w0 = RandomMatrices.gaussian(m, d, 1.0, rng);
        double[] signs = new double[m];
        for (int j = 0; j < m; j++) {
            signs[j] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        TwoLayerNet net = TwoLayerNet.withFixedSigns(backend, x, signs, act);
        return new Instance(net, w0, net.jacobianExplicit(w0));
    }

    private static Verdict.Builder base(CheckContext ctx, long seed, Activation act, int n, int d, int m) {
        return Verdict.builder("NTK-4").seed(seed).size("n", n).size("d", d).size("m", m).size("md", m * d)
                .backend(ctx.backend().name()).activation(act.label());
    }

    /** n > md: numerical rank md. */
    static Verdict rankDeficient(CheckContext ctx, long seed, Activation act, int n, int d, int m) {
        Instance in = instance(ctx.backend(), seed, act, n, d, m);
        SymmetricEigen e = ctx.backend().eigSym(in.net().gramExplicit(in.w0()));
        double ratio = Math.abs(e.min()) / e.max();
        double mdth = e.values()[n - m * d] / e.max(); // the md-th largest eigenvalue
        return base(ctx, seed, act, n, d, m).check("n > md: lambda_min/lambda_max (rank md)").observed(ratio)
                .bound(1e-12).holds(ratio < 1e-12 && mdth > 1e-12).measure("lambda_md_over_lambda_max", mdth)
                .detail(String.format(Locale.ROOT, "|lambda_min|/lambda_max = %.3g < 1e-12, md-th largest/lambda_max"
                        + " = %.3g (numerical rank md = %d of n = %d)", ratio, mdth, m * d, n))
                .build();
    }

    /** n ≤ md: full row rank, σ_min/σ_max > 1e−6; ReLU points inactive on every neuron break the hypothesis. */
    static Verdict fullRank(CheckContext ctx, long seed, Activation act, int n, int d, int m) {
        Instance in = instance(ctx.backend(), seed, act, n, d, m);
        double[] s = ctx.backend().svd(in.j0()).s();
        double ratio = s[s.length - 1] / s[0];
        int inactive = 0, patternBound = n;
        if (act == Activation.RELU) {
            // ReLU rows are J_i = a_i ⊗ x_i with a_i = 1(W₀x_i > 0) ∈ {0,1}^m. Rows sharing one activation pattern a
            // lie in a ⊗ R^d, so rank(J₀) ≤ Σ_patterns min(#points with that pattern, d), and a point with a = 0 gives
            // a zero row. Full row rank needs that count ≥ n: the hypothesis ("generic W₀", [SJL17], is a smooth-σ
            // notion) as it applies to ReLU. Necessary, not sufficient: a rank loss with the count met is a finding.
            DenseMatrix pre = DenseMatrix.zeros(n, m);
            DenseMatrix x = in.net().inputs();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double p = 0;
                    for (int c = 0; c < d; c++) {
                        p += in.w0().get(j, c) * x.get(i, c);
                    }
                    pre.set(i, j, p);
                }
            }
            java.util.Map<String, Integer> patterns = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                StringBuilder key = new StringBuilder(m);
                for (int j = 0; j < m; j++) {
                    key.append(pre.get(i, j) > 0 ? '1' : '0');
                }
                if (key.indexOf("1") < 0) {
                    inactive++;
                } else {
                    patterns.merge(key.toString(), 1, Integer::sum);
                }
            }
            patternBound = patterns.values().stream().mapToInt(k -> Math.min(k, d)).sum();
        }
        boolean hypothesis = inactive == 0 && patternBound >= n;
        return base(ctx, seed, act, n, d, m).check("n <= md: sigma_min/sigma_max (full row rank, " + act.label()
                        + ")").observed(ratio).bound(1e-6).slack(1e-6 / ratio).holds(ratio > 1e-6)
                .hypothesisMet(hypothesis).measure("points_inactive_on_every_neuron", inactive)
                .measure("activation_pattern_rank_bound", patternBound)
                .detail(String.format(Locale.ROOT, "sigma_min/sigma_max = %.3g (must exceed 1e-6); %d of %d points"
                        + " inactive on every neuron%s", ratio, inactive, n, act != Activation.RELU ? ""
                        : String.format(Locale.ROOT, "; activation-pattern bound on rank(J0): %d (need >= n = %d)%s",
                                patternBound, n, hypothesis ? "" : " -> hypothesis not met: rank(J0) < n is forced")))
                .build();
    }

    /** Gradient descent from a full-rank W₀, tanh, n ≤ md/2. */
    static Verdict descent(CheckContext ctx, long seed, int n, int d, int m) {
        Instance in = instance(ctx.backend(), seed, Activation.TANH, n, d, m);
        Backend backend = ctx.backend();
        double[] y = RandomMatrices.gaussianVector(n, 1.0, RandomMatrices.rng(seed + 777));
        double[] sv = backend.svd(in.j0()).s();
        double eta = 0.5 / (sv[0] * sv[0]);
        double[] f0 = in.net().predictions(in.w0());
        double[] r0 = new double[n];
        for (int i = 0; i < n; i++) {
            r0[i] = f0[i] - y[i];
        }
        double risk0 = 0.5 * dot(r0, r0);
        double pinvNorm = norm(backend.leastSquares(backend.adopt(in.j0()),
                backend.adopt(DenseMatrix.columnVector(r0))).data());
        DenseMatrix w = in.w0().copy();
        int maxIter = 400_000, it = 0;
        double risk = risk0;
        double[] r = r0.clone();
        while (risk > 1e-8 * risk0 && it < maxIter && Double.isFinite(risk)) {
            double[] g = in.net().gradientStructured(w, r);
            double[] wa = w.data();
            for (int k = 0; k < wa.length; k++) {
                wa[k] -= eta * g[k];
            }
            double[] f = in.net().predictions(w);
            for (int i = 0; i < n; i++) {
                r[i] = f[i] - y[i];
            }
            risk = 0.5 * dot(r, r);
            it++;
        }
        double travel = w.plusScaled(-1.0, in.w0()).frobeniusNorm();
        boolean converged = risk <= 1e-8 * risk0;
        double[] svT = backend.svd(in.net().jacobianExplicit(w)).s(); // conditioning of J at the end of the run
        double condT = svT[svT.length - 1] / svT[0];
        double cond0 = sv[sv.length - 1] / sv[0], riskRatio = risk / risk0, travelRatio = travel / pinvNorm;
        return base(ctx, seed, Activation.TANH, n, d, m).check("GD from full-rank W0: R_T <= 1e-8 R_0 and travel <="
                        + " 2||J0^+ r0||").observed(travel).bound(2 * pinvNorm).holds(converged && travel <= 2 * pinvNorm)
                .hypothesisMet(cond0 > 1e-6 && n <= m * d / 2).measure("iterations", it)
                .measure("risk_ratio", riskRatio).measure("travel_over_pinv", travelRatio)
                .measure("eta", eta).measure("sigma_ratio_J_T", condT).measure("sigma_ratio_J0", cond0)
                .detail(String.format(Locale.ROOT, "discrete GD, eta = 0.5/||J0||^2 = %.3g: R_T/R_0 = %.3g after %d"
                        + " iterations; travel %.4g, ||J0^+ r0|| = %.4g (ratio %.3f, bound 2); sigma_min/sigma_max of J"
                        + " at init %.3g, at the end %.3g", eta, riskRatio, it, travel, pinvNorm, travelRatio, cond0,
                        condT))
                .build();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
