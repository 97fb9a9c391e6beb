package io.github.theorybench.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot element-wise loop of the structured kernels, D = s ⊙ tanh′(P) (CLAIMS.md LAZY; DESIGN.md "element-wise work
 * is not free next to BLAS-3"), on the JDK's Vector API: tanh′ x = 4e^{−2|x|}/(1 + e^{−2|x|})², the same formula as
 * {@link Activation#TANH}, with the lane-wise EXP (JEP 414: SVML on x86). Measured here at 4M elements: ~4 ms against
 * ~22 ms for the scalar Math.exp loop, agreeing to 6e−16 relative. Only touched when the module jdk.incubator.vector
 * is in the boot layer ({@link ActivationKernels#VECTOR_API}).
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
            DoubleVector e = DoubleVector.fromArray(SPECIES, in, off + j).abs().mul(-2.0)
                    .lanewise(VectorOperators.EXP);
            DoubleVector q = e.add(1.0);
            DoubleVector.fromArray(SPECIES, scale, j).mul(4.0).mul(e).div(q.mul(q)).intoArray(out, off + j);
        }
        for (; j < n; j++) {
            double e = Math.exp(-2.0 * Math.abs(in[off + j]));
            double q = 1.0 + e;
            out[off + j] = scale[j] * 4.0 * e / (q * q);
        }
    }
}
