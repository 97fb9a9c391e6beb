package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * NTK-1 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt): for f(x) = Σ_j a_j σ(w_jᵀx) with both layers trained, the
 * empirical NTK J_θ J_θᵀ from the full materialised Jacobian (θ = (W, a)) equals K₁ + K₂,
 * K₁(x,x′) = Σ_j a_j² σ′(w_jᵀx)σ′(w_jᵀx′) xᵀx′ (first layer), K₂(x,x′) = Σ_j σ(w_jᵀx)σ(w_jᵀx′) (outer weights),
 * to relative Frobenius error ≤ 1e−12 ({@link KernelSplit}). Parametrization: output scale c = 1, a_j ~ N(0,1),
 * w_j ~ N(0, I_d), unit-norm x_i ({@link KernelSplitInstance}); tanh and ReLU.
 */
public final class KernelSplitCheck extends MeasuredCheck<KernelSplitCheck.Sizes, List<KernelSplit>> {
    public static final Criterion EXPLICIT_GRAM = Criterion.claim("NTK-1", "explicitGramIsK1PlusK2");
    public static final Criterion STRUCTURED_GRAM = Criterion.claim("NTK-1", "structuredGramIsK1PlusK2");
    public static final Criterion K2_DROPPED = Criterion.control("NTK-1", "k2Dropped");
    public static final Criterion K2_PERTURBED = Criterion.control("NTK-1", "k2Perturbed");

    /** NTK-1's tolerance on the relative Frobenius error (CLAIMS.md). */
    static final double TOLERANCE = 1e-12;

    /** Inputs n in dimension d, width m. */
    public record Sizes(int n, int d, int m) {
        public static Sizes claims() {
            return new Sizes(40, 10, 400);
        }

        public static Sizes quick() {
            return new Sizes(12, 5, 64);
        }
    }

    public KernelSplitCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    KernelSplitCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("NTK-1");
    }

    @Override
    public List<KernelSplit> measure(Sizes sizes, CheckContext ctx) {
        long seed = SeedStream.of(ctx.seed(), "NTK-1").seed(0);
        KernelSplitInstance inst = KernelSplitInstance.build(seed, sizes.n(), sizes.d(), sizes.m());
        List<KernelSplit> out = new ArrayList<>();
        for (Activation act : List.of(Activation.TANH, Activation.RELU)) {
            out.add(KernelSplit.measure(ctx.backend(), inst, act));
        }
        return out;
    }

    @Override
    public List<Verdict> verdicts(List<KernelSplit> splits) {
        List<Verdict> out = new ArrayList<>();
        for (KernelSplit s : splits) {
            out.addAll(verdicts(s));
        }
        return out;
    }

    static List<Verdict> verdicts(KernelSplit s) {
        String act = " (" + s.provenance().activation() + ")";
        return List.of(row(EXPLICIT_GRAM, s, "J J^T (full Jacobian) = K1 + K2" + act, s.explicitError()),
                row(STRUCTURED_GRAM, s, "structured Gram = K1 + K2" + act, s.structuredError()),
                row(K2_DROPPED, s, "control: K2 dropped" + act, s.droppedK2Error()),
                row(K2_PERTURBED, s, "control: K2 perturbed by 1e-9" + act, s.perturbedK2Error()));
    }

    private static Verdict row(Criterion c, KernelSplit s, String check, double error) {
        return Verdict.builder(c).at(s.provenance()).check(check).observed(error).bound(TOLERANCE)
                .tolerance(TOLERANCE)
                .detail("relative Frobenius error; f = sum_j a_j sigma(w_j^T x), c = 1, a ~ N(0,1), w ~ N(0,I),"
                        + " unit-norm x; theta = (W, a), both layers trained").build();
    }
}
