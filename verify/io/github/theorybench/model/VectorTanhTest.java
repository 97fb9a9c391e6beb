package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import org.junit.jupiter.api.Test;

/** The Vector API tanh′ loop against the scalar formula of {@link Activation#TANH}, on heap and off-heap storage. */
class VectorTanhTest {
    @Test
    void testsRunTheVectorLoop() {
        // surefire's argLine adds jdk.incubator.vector, as bin/theorybench and the JMH forks do
        assertThat(ActivationKernels.VECTOR_API).isTrue();
        assertThat(ActivationKernels.tanhDerivativeKernel()).startsWith("Vector API");
    }

    @Test
    void agreesWithTheScalarDerivativeIncludingTailsAndExtremes() {
        // 37 columns: a vector body plus a scalar tail for any lane count; values from 0 to saturation (|x| = 400)
        int rows = 5, cols = 37;
        DenseMatrix p = RandomMatrices.gaussian(rows, cols, 3.0, RandomMatrices.rng(7));
        p.set(0, 0, 0.0);
        p.set(0, 1, -0.0);
        p.set(1, 2, 400.0);
        p.set(1, 3, -400.0);
        p.set(2, 4, 1e-300);
        double[] scale = RandomMatrices.gaussianVector(cols, 1.0, RandomMatrices.rng(8));
        for (String backend : new String[] {"ejml", "openblas"}) {
            var b = Backends.byName(backend);
            Matrix in = b.adopt(p), out = b.zeros(rows, cols);
            ActivationKernels.apply(Activation.TANH, true, in, scale, out);
            DenseMatrix got = out.toDense();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double want = scale[j] * Activation.TANH.derivative(p.get(i, j));
                    assertThat(got.get(i, j)).as("%s (%d, %d) at x = %s", backend, i, j, p.get(i, j))
                            .isCloseTo(want, org.assertj.core.data.Offset.offset(4e-16 * Math.abs(want) + 1e-300));
                }
            }
        }
    }
}
