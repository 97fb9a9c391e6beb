package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.TwoLayerNet;
import java.util.HashMap;
import java.util.Map;

/**
 * What NTK-4's rank part measures on one {@link RankInstance}: the spectrum of J₀ ∈ R^{n×md}.
 *
 * @param provenance seed, sizes, backend, activation
 * @param lambdaMinOverMax |λ_min(J₀J₀ᵀ)|/λ_max (n > md: round-off when rank(J₀) = md)
 * @param lambdaMdOverMax the md-th largest eigenvalue of J₀J₀ᵀ over λ_max (n > md), NaN otherwise
 * @param sigmaRatio σ_min(J₀)/σ_max(J₀) (n ≤ md), NaN otherwise
 * @param inactivePoints ReLU: points inactive on every neuron
 * @param patternBound ReLU: Σ over distinct nonzero activation patterns of min(#points, d); n otherwise
 */
public record RankAtInit(Provenance provenance, double lambdaMinOverMax, double lambdaMdOverMax, double sigmaRatio,
        int inactivePoints, int patternBound) {

    /** n > md: the Gram's spectrum. */
    public static RankAtInit deficient(Backend backend, RankInstance inst, Activation act, Provenance p) {
        TwoLayerNet net = inst.net(backend, act);
        SymmetricEigen e = backend.eigSym(net.gramExplicit(inst.w0()));
        int md = inst.m() * inst.d();
        return new RankAtInit(p, Math.abs(e.min()) / e.max(), e.values()[inst.n() - md] / e.max(), Double.NaN, 0,
                inst.n());
    }

    /** n ≤ md: σ_min/σ_max of J₀, and for ReLU the activation-pattern counts. */
    public static RankAtInit full(Backend backend, RankInstance inst, Activation act, Provenance p) {
        DenseMatrix j0 = inst.net(backend, act).jacobianExplicit(inst.w0());
        double[] s = backend.svd(j0).s();
        int inactive = 0, patternBound = inst.n();
        if (act == Activation.RELU) {
            int n = inst.n(), m = inst.m(), d = inst.d();
            Map<String, Integer> patterns = new HashMap<>();
            for (int i = 0; i < n; i++) {
                StringBuilder key = new StringBuilder(m);
                for (int j = 0; j < m; j++) {
                    double z = 0;
                    for (int c = 0; c < d; c++) {
                        z += inst.w0().get(j, c) * inst.x().get(i, c);
                    }
                    key.append(z > 0 ? '1' : '0');
                }
                if (key.indexOf("1") < 0) {
                    inactive++;
                } else {
                    patterns.merge(key.toString(), 1, Integer::sum);
                }
            }
            patternBound = patterns.values().stream().mapToInt(k -> Math.min(k, d)).sum();
        }
        return new RankAtInit(p, Double.NaN, Double.NaN, s[s.length - 1] / s[0], inactive, patternBound);
    }
}
