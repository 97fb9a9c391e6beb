package io.github.theorybench.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot element-wise loop of the structured kernels, D = s ⊙ tanh′(P) (CLAIMS.md LAZY; DESIGN.md "element-wise work
 * is not free next to BLAS-3"), on the JDK's Vector API: tanh′ x = 4e^{−2|x|}/(1 + e^{−2|x|})², the same formula as
 * {@link Activation#TANH}, with {@link KernelExp}'s exponential run lane-wise: the same IEEE operations in the same
 * order as {@link KernelExp#exp}, so the vector body, the scalar tail and the scalar kernel give identical bits,
 * whether or not C2 has compiled the loop yet (the Vector API's own lane-wise EXP does not: see {@link KernelExp}).
 * Only touched when the module jdk.incubator.vector is in the boot layer ({@link ActivationKernels#VECTOR_API}).
 */
final class VectorTanh {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorTanh() {
    }

    static int lanes() {
        return SPECIES.length();
    }

    /** out[off + j] = scale[j] · tanh′(in[off + j]) for j < n. */
    static void derivativeRow(double[] in, double[] out, int off, int n, double[] scale) {
        int j = 0;
        for (int end = SPECIES.loopBound(n); j < end; j += SPECIES.length()) {
            DoubleVector e = exp(DoubleVector.fromArray(SPECIES, in, off + j).abs().mul(-2.0));
            DoubleVector q = e.add(1.0);
            DoubleVector.fromArray(SPECIES, scale, j).mul(4.0).mul(e).div(q.mul(q)).intoArray(out, off + j);
        }
        for (; j < n; j++) {
            out[off + j] = KernelExp.scaledTanhDerivative(scale[j], in[off + j]);
        }
    }

    /** a·b + c with one rounding (Math.fma per lane). */
    private static DoubleVector fma(DoubleVector a, DoubleVector b, double c) {
        return a.fma(b, a.broadcast(c));
    }

    /** {@link KernelExp#exp} lane-wise, operation for operation. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(-KernelExp.CLAMP).min(KernelExp.CLAMP);
        DoubleVector t = xc.mul(KernelExp.LOG2E).add(KernelExp.SHIFTER);
        LongVector n = t.reinterpretAsLongs().sub(KernelExp.SHIFTER_BITS);
        DoubleVector nd = t.sub(KernelExp.SHIFTER);
        DoubleVector r = xc.sub(nd.mul(KernelExp.LN2_HI)).sub(nd.mul(KernelExp.LN2_LO));
        DoubleVector q = fma(fma(fma(fma(fma(fma(fma(fma(fma(fma(fma(r.broadcast(KernelExp.C13), r, KernelExp.C12), r,
                KernelExp.C11), r, KernelExp.C10), r, KernelExp.C9), r, KernelExp.C8), r, KernelExp.C7), r,
                KernelExp.C6), r, KernelExp.C5), r, KernelExp.C4), r, KernelExp.C3), r, KernelExp.C2);
        DoubleVector p = r.mul(r).fma(q, r).add(1.0);
        LongVector k1 = n.lanewise(VectorOperators.ASHR, 1), k2 = n.sub(k1);
        return p.mul(k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles())
                .mul(k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
    }
}
