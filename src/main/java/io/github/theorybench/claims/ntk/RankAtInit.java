package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.Activation;

/**
 * What NTK-4's rank part measures on one {@link RankInstance}: the spectrum of J₀ ∈ R^{n×md}, and for ReLU the
 * activation pattern the hypothesis is judged on.
 *
 * @param provenance seed, sizes, backend, activation
 * @param lambdaMinOverMax |λ_min(J₀J₀ᵀ)|/λ_max (n > md: round-off when rank(J₀) = md), NaN for n ≤ md
 * @param lambdaMdOverMax the md-th largest eigenvalue of J₀J₀ᵀ over λ_max (n > md), NaN for n ≤ md
 * @param condition σ_max(J₀)/σ_min(J₀) (n ≤ md: finite iff full row rank), NaN for n > md
 * @param pattern the ReLU activation pattern, null for a smooth activation
 * @param distinctNeurons no two neurons with w_j = ±w_k ({@link #distinctNeurons(RankInstance)})
 */
public record RankAtInit(Provenance provenance, double lambdaMinOverMax, double lambdaMdOverMax, double condition,
        ReluPattern pattern, boolean distinctNeurons) {

    public int n() {
        return (Integer) provenance.sizes().get("n");
    }

    public int d() {
        return (Integer) provenance.sizes().get("d");
    }

    public int m() {
        return (Integer) provenance.sizes().get("m");
    }

    /** Measures {@code inst} with {@code act}: eigenvalues of J₀J₀ᵀ for n > md, singular values of J₀ otherwise. */
    public static RankAtInit measure(Backend backend, RankInstance inst, Activation act, String role) {
        Provenance p = Provenance.of(inst.seed(), backend.name(), "n", inst.n(), "d", inst.d(), "m", inst.m(), "md",
                inst.m() * inst.d()).withActivation(act.label());
        if (!role.isEmpty()) {
            p = p.withSize("init", role);
        }
        int md = inst.m() * inst.d();
        ReluPattern pattern = act == Activation.RELU ? ReluPattern.of(backend, inst) : null;
        if (inst.n() > md) {
            SymmetricEigen e = backend.eigSym(inst.net(backend, act).gramExplicit(inst.w0()));
            return new RankAtInit(p, Math.abs(e.min()) / e.max(), e.values()[inst.n() - md] / e.max(), Double.NaN,
                    pattern, distinctNeurons(inst));
        }
        double[] s = backend.svd(backend.adopt(inst.net(backend, act).jacobianExplicit(inst.w0()))).s();
        // |σ_min|: LAPACK can return an exact zero singular value as −0.0, and σ_max/−0.0 = −∞ would read as well
        // conditioned
        return new RankAtInit(p, Double.NaN, Double.NaN, s[0] / Math.abs(s[s.length - 1]), pattern,
                distinctNeurons(inst));
    }

    /**
     * Part of "generic W₀" that can fail on a constructed init: no two neurons with w_j = ±w_k. For an even σ′ (tanh)
     * such neurons have proportional Jacobian blocks s_j σ′(w_jᵀx_i) x_iᵀ, so rank(J₀) ≤ (m − 1)d. Gaussian draws
     * meet it with probability 1.
     */
    static boolean distinctNeurons(RankInstance inst) {
        for (int j = 0; j < inst.m(); j++) {
            for (int k = j + 1; k < inst.m(); k++) {
                boolean same = true, opposite = true;
                for (int c = 0; c < inst.d(); c++) {
                    same &= inst.w0().get(j, c) == inst.w0().get(k, c);
                    opposite &= inst.w0().get(j, c) == -inst.w0().get(k, c);
                }
                if (same || opposite) {
                    return false;
                }
            }
        }
        return true;
    }
}
