package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.FreshJvm;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link KernelExp}: within one ulp of Math.exp, and the tanh′ kernel's bits independent of the JIT tier, the lane
 * count and the Vector API (the lane-wise EXP it replaces changed bits when C2 compiled the loop).
 */
class KernelExpTest {
    /** Math.exp is within 1 ulp of eˣ and KernelExp within about 0.6 ulp (see its class comment), so 2 ulps apart. */
    private static final double ULPS = 2;

    @Test
    @DisplayName("KernelExp.exp agrees with Math.exp to 2 ulps from the subnormal range to overflow")
    void closeToMathExp() {
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 200_000; k++) {
            double x = -745 + r.nextDouble() * (709.7 + 745);
            double want = Math.exp(x), got = KernelExp.exp(x);
            double ulp = Math.ulp(want);
            assertThat(Math.abs(got - want)).as("exp(%s) = %s vs Math.exp %s", x, got, want)
                    .isLessThanOrEqualTo(ULPS * ulp);
        }
        assertThat(KernelExp.exp(0.0)).isEqualTo(1.0);
        assertThat(KernelExp.exp(-0.0)).isEqualTo(1.0);
        assertThat(KernelExp.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(KernelExp.exp(-800)).isEqualTo(0.0);
        assertThat(KernelExp.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(KernelExp.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(KernelExp.exp(Double.NaN)).isNaN();
    }

    @Test
    @DisplayName("the vector loop gives the scalar loop's bits for every row length (vector body plus tail)")
    void vectorLoopEqualsScalarLoop() {
        assertThat(ActivationKernels.VECTOR_API).isTrue();
        SplittableRandom r = new SplittableRandom(11);
        for (int n = 0; n <= 4 * VectorTanh.lanes() + 3; n++) {
            double[] in = new double[n], scale = new double[n], out = new double[n];
            for (int j = 0; j < n; j++) {
                in[j] = r.nextGaussian() * (j % 3 == 0 ? 30 : 2);
                scale[j] = r.nextGaussian();
            }
            VectorTanh.derivativeRow(in, out, 0, n, scale);
            for (int j = 0; j < n; j++) {
                assertThat(Double.doubleToRawLongBits(out[j])).as("n = %d, j = %d", n, j)
                        .isEqualTo(Double.doubleToRawLongBits(KernelExp.scaledTanhDerivative(scale[j], in[j])));
            }
        }
    }

    @Test
    @DisplayName("tanh' kernel: the interpreter (-Xint, fresh JVM) and C2-compiled code give the same bits")
    void sameBitsInterpretedAndCompiled() throws Exception {
        for (int k = 0; k < 5_000; k++) {          // compiled by now
            KernelBits.kernel();
        }
        List<String> compiled = KernelBits.lines(KernelBits.kernel());
        List<String> interpreted = FreshJvm.run(List.of("-Xint"), KernelBits.class.getName());
        assertThat(interpreted).containsExactlyElementsOf(compiled);
    }

    /** A fixed input through {@link ActivationKernels#apply}, its output as raw bits (main: print them). */
    static final class KernelBits {
        static double[] kernel() {
            SplittableRandom r = new SplittableRandom(21);
            int rows = 16, cols = 37;
            DenseMatrix p = DenseMatrix.zeros(rows, cols), out = DenseMatrix.zeros(rows, cols);
            for (int k = 0; k < p.size(); k++) {
                p.data()[k] = r.nextGaussian() * 4;
            }
            double[] scale = new double[cols];
            for (int j = 0; j < cols; j++) {
                scale[j] = r.nextGaussian();
            }
            ActivationKernels.apply(Activation.TANH, true, p, scale, out);
            return out.data();
        }

        static List<String> lines(double[] v) {
            List<String> out = new ArrayList<>();
            for (double d : v) {
                out.add(Long.toHexString(Double.doubleToRawLongBits(d)));
            }
            return out;
        }

        public static void main(String[] args) {
            lines(kernel()).forEach(System.out::println);
        }
    }
}
