package io.github.theorybench.model.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ArcCos#acos} is StrictMath.acos (fdlibm) bit for bit: on the branch edges and on random inputs. */
class ArcCosTest {
    private static void same(double x) {
        assertThat(Double.doubleToRawLongBits(ArcCos.acos(x))).as("acos(%s)", x)
                .isEqualTo(Double.doubleToRawLongBits(StrictMath.acos(x)));
    }

    @Test
    @DisplayName("acos equals StrictMath.acos in every bit at the branch edges (|x| = 0.5, 1, 2^-57), outside [-1, 1] and on NaN")
    void edges() {
        double[] xs = {-1, 1, 0, -0.0, 0.5, -0.5, Math.nextUp(0.5), Math.nextDown(0.5), Math.nextUp(-0.5),
            Math.nextDown(-0.5), Math.nextDown(1), Math.nextUp(-1), 0x1p-57, Math.nextUp(0x1p-57), -0x1p-57,
            Double.MIN_VALUE, 1e-300, Math.nextUp(1), -1.5, 2, Double.NaN, Double.POSITIVE_INFINITY};
        for (double x : xs) {
            same(x);
        }
        assertThat(ArcCos.acos(-1)).isEqualTo(Math.PI);
        assertThat(ArcCos.acos(1)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("acos equals StrictMath.acos in every bit on 4e5 random inputs, uniform and clustered near +-1")
    void random() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            same(r.nextDouble(-1, 1));
            same(Math.tanh(r.nextDouble(-20, 20)));
        }
    }
}
