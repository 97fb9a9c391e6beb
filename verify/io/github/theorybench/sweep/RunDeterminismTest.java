package io.github.theorybench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.FreshJvm;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.NativeLibraries;
import io.github.theorybench.report.ClaimsRun;
import io.github.theorybench.report.OrderedWorkers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Trust rule 5: same seed, backend and machine give the same bits — within one JVM (cold, then warm), in a fresh JVM,
 * and with checks running on several workers.
 */
class RunDeterminismTest {
    /** An exact claim with a cheap check (LSQ-1..3 share one). */
    private static final String EXACT_ID = "LSQ-1";
    private static final long SEED = 7;

    @Test
    @DisplayName("LSQ-1's check twice in this JVM and once in a fresh JVM: the same bits in every row")
    void sameBitsInThisJvmAndAFreshOne() throws Exception {
        List<String> first = RowBits.of(RowBits.run(EXACT_ID, SEED, true));
        List<String> second = RowBits.of(RowBits.run(EXACT_ID, SEED, true));
        List<String> fresh = FreshJvm.run(List.of(), RowBits.class.getName(), EXACT_ID, Long.toString(SEED), "quick");
        assertThat(first).isNotEmpty();
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(fresh).containsExactlyElementsOf(first);
    }

    @Test
    @DisplayName("checks on two workers give the same rows, in registration order, as one after the other")
    void workersDoNotChangeTheRows() {
        NativeLibraries.useSingleThreadedOpenBlas();
        List<String> ids = List.of("LSQ-1", "LSQ-2", "LSQ-3", "BAL-1", "BAL-2", "BAL-3", "BAL-4");
        List<ClaimCheck> checks = ClaimRegistry.covering(ids);
        CheckContext ctx = CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, true);
        List<String> serial = bits(ClaimsRun.run(checks, ids, ctx, 1));
        List<String> parallel = bits(ClaimsRun.run(ClaimRegistry.covering(ids), ids, ctx, 2));
        assertThat(parallel).containsExactlyElementsOf(serial);
    }

    private static List<String> bits(List<ClaimsRun.Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        outcomes.forEach(o -> out.addAll(RowBits.of(o.result().verdicts())));
        return out;
    }

    @Test
    @DisplayName("ordered workers return results in task order whatever order the tasks finish in")
    void orderedWorkersKeepTaskOrder() {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            int id = k;
            tasks.add(() -> {
                Thread.sleep((8 - id) * 5L);      // later tasks finish first
                return id;
            });
        }
        assertThat(OrderedWorkers.map(tasks, 2)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(OrderedWorkers.map(tasks, 1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    @DisplayName("a task's unchecked exception reaches the caller as it was thrown")
    void orderedWorkersRethrow() {
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
            throw new IllegalStateException("boom");
        }, () -> 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OrderedWorkers.map(tasks, 2))
                .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    @DisplayName("ejml-mt splits rows over threads and gives ejml's bits (GEMM and SYRK above EJML's threading size)")
    void ejmlConcurrentOpsGiveTheSingleThreadedBits() {
        Backend st = Backends.byName("ejml"), mt = Backends.byName("ejml-mt");
        SplittableRandom r = new SplittableRandom(5);
        DenseMatrix a = DenseMatrix.zeros(300, 200), b = DenseMatrix.zeros(200, 150);
        for (int k = 0; k < a.size(); k++) {
            a.data()[k] = r.nextGaussian();
        }
        for (int k = 0; k < b.size(); k++) {
            b.data()[k] = r.nextGaussian();
        }
        for (boolean trans : new boolean[] {false, true}) {
            DenseMatrix x = trans ? a.transpose() : a;
            assertThat(raw(mt.multiply(trans, false, x, b))).isEqualTo(raw(st.multiply(trans, false, x, b)));
        }
        assertThat(raw(mt.gram(true, a))).isEqualTo(raw(st.gram(true, a)));
        assertThat(raw(mt.gram(false, a))).isEqualTo(raw(st.gram(false, a)));
    }

    private static long[] raw(Matrix m) {
        long[] out = new long[m.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Double.doubleToRawLongBits(m.getFlat(k));
        }
        return out;
    }
}
