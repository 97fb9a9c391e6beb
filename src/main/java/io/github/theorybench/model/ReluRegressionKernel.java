package io.github.theorybench.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused loss-and-gradient pass of {@link ReluRegression} on the JDK's Vector API: per training point, the row
 * z = Wᵀx (d fused multiply-adds per lane), relu(z), f = aᵀrelu(z)/√m, the residual, and the point's contributions to
 * ∇_a and ∇_W — no n × m matrix (pre-activations, activation pattern or Jacobian) is ever stored. Four independent
 * accumulators hide the FMA latency in the forward pass; rows are taken in pairs so that each load and store of ∇_W
 * serves two points. Only touched when jdk.incubator.vector is in the boot layer ({@link ActivationKernels#VECTOR_API}).
 */
final class ReluRegressionKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private ReluRegressionKernel() {
    }

    static int lanes() {
        return SPECIES.length();
    }

    /**
     * rel[off .. off + m) = relu(Σ_k x[xi + k] wt[k·m + j]); returns Σ_j a_j rel_j (lane partial sums added in a
     * fixed order, so the result does not depend on the JIT).
     */
    static double forward(double[] x, int xi, int d, double[] wt, double[] a, int m, double[] rel, int off,
            double[] lanes) {
        int w = SPECIES.length(), j = 0;
        DoubleVector f0 = DoubleVector.zero(SPECIES), f1 = f0, f2 = f0, f3 = f0;
        for (; j + 4 * w <= m; j += 4 * w) {
            DoubleVector a0 = DoubleVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0; k < d; k++) {
                DoubleVector xb = DoubleVector.broadcast(SPECIES, x[xi + k]);
                int o = k * m + j;
                a0 = DoubleVector.fromArray(SPECIES, wt, o).fma(xb, a0);
                a1 = DoubleVector.fromArray(SPECIES, wt, o + w).fma(xb, a1);
                a2 = DoubleVector.fromArray(SPECIES, wt, o + 2 * w).fma(xb, a2);
                a3 = DoubleVector.fromArray(SPECIES, wt, o + 3 * w).fma(xb, a3);
            }
            a0 = a0.max(0.0);
            a1 = a1.max(0.0);
            a2 = a2.max(0.0);
            a3 = a3.max(0.0);
            a0.intoArray(rel, off + j);
            a1.intoArray(rel, off + j + w);
            a2.intoArray(rel, off + j + 2 * w);
            a3.intoArray(rel, off + j + 3 * w);
            f0 = a0.fma(DoubleVector.fromArray(SPECIES, a, j), f0);
            f1 = a1.fma(DoubleVector.fromArray(SPECIES, a, j + w), f1);
            f2 = a2.fma(DoubleVector.fromArray(SPECIES, a, j + 2 * w), f2);
            f3 = a3.fma(DoubleVector.fromArray(SPECIES, a, j + 3 * w), f3);
        }
        for (; j + w <= m; j += w) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            for (int k = 0; k < d; k++) {
                a0 = DoubleVector.fromArray(SPECIES, wt, k * m + j).fma(DoubleVector.broadcast(SPECIES, x[xi + k]),
                        a0);
            }
            a0 = a0.max(0.0);
            a0.intoArray(rel, off + j);
            f0 = a0.fma(DoubleVector.fromArray(SPECIES, a, j), f0);
        }
        f0.add(f1).add(f2.add(f3)).intoArray(lanes, 0);
        double f = 0;
        for (int l = 0; l < w; l++) {
            f += lanes[l];
        }
        for (; j < m; j++) {
            double z = 0;
            for (int k = 0; k < d; k++) {
                z = Math.fma(x[xi + k], wt[k * m + j], z);
            }
            z = Math.max(z, 0.0);
            rel[off + j] = z;
            f = Math.fma(z, a[j], f);
        }
        return f;
    }

    /**
     * ga += r0·rel0 + r1·rel1 and gw[k·m + j] += s0_j x0_k + s1_j x1_k with s_j = r·1[rel_j > 0]: the unscaled
     * gradient contributions of two points whose relu rows sit at rel[0 .. m) and rel[m .. 2m) (r1 = 0 and rel1 = 0
     * for a single point).
     */
    static void backward(double[] x, int x0, int x1, int d, double r0, double r1, double[] rel, int m, double[] ga,
            double[] gw) {
        int w = SPECIES.length(), j = 0;
        DoubleVector rb0 = DoubleVector.broadcast(SPECIES, r0), rb1 = DoubleVector.broadcast(SPECIES, r1);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (; j + w <= m; j += w) {
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, rel, j), v1 = DoubleVector.fromArray(SPECIES, rel, m + j);
            v0.fma(rb0, v1.fma(rb1, DoubleVector.fromArray(SPECIES, ga, j))).intoArray(ga, j);
            DoubleVector s0 = zero.blend(rb0, v0.compare(VectorOperators.GT, 0.0));
            DoubleVector s1 = zero.blend(rb1, v1.compare(VectorOperators.GT, 0.0));
            for (int k = 0; k < d; k++) {
                int o = k * m + j;
                s1.fma(DoubleVector.broadcast(SPECIES, x[x1 + k]), s0.fma(DoubleVector.broadcast(SPECIES, x[x0 + k]),
                        DoubleVector.fromArray(SPECIES, gw, o))).intoArray(gw, o);
            }
        }
        for (; j < m; j++) {
            ReluRegression.backwardLane(x, x0, x1, d, r0, r1, rel, m, ga, gw, j);
        }
    }
}
