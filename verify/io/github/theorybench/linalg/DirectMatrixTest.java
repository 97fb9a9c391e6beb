package io.github.theorybench.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bulk non-finite scan of {@link DirectMatrix} (chunks of 4096 doubles) finds the first bad element anywhere. */
class DirectMatrixTest {
    @Test
    @DisplayName("firstNonFinite: -1 on finite data; the first NaN or infinity at the start, on both sides of a chunk edge, at the end")
    void firstNonFiniteAcrossChunks() {
        DirectMatrix m = new DirectMatrix(3, 4097);   // 12291 doubles: three chunks, the last one partial
        for (int k = 0; k < m.size(); k++) {
            m.setFlat(k, k * 0.5 - 3);
        }
        assertThat(m.firstNonFinite()).isEqualTo(-1);
        for (int bad : new int[] {0, 4095, 4096, 8192, m.size() - 1}) {
            DirectMatrix c = new DirectMatrix(3, 4097);
            for (int k = 0; k < c.size(); k++) {
                c.setFlat(k, k == bad ? Double.NaN : 1.0);
            }
            c.setFlat(c.size() - 1, bad == c.size() - 1 ? Double.NEGATIVE_INFINITY : 1.0);
            assertThat(c.firstNonFinite()).as("bad element at %d", bad).isEqualTo(bad);
            if (bad < c.size() - 1) {
                c.setFlat(c.size() - 1, Double.POSITIVE_INFINITY);   // a later one does not hide the first
                assertThat(c.firstNonFinite()).isEqualTo(bad);
            }
        }
        assertThat(new DirectMatrix(0, 5).firstNonFinite()).isEqualTo(-1);
    }
}
