package io.github.theorybench.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.linalg.Backends;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Claims on every backend (issue 20) in {@code mvn verify}: a cheap selection at the quick sizes run on ejml, ejml-mt,
 * jblas and openblas, compared row by row. The selection covers one check of every family whose quick run takes
 * about a second (the whole catalogue takes minutes per backend: {@code bin/theorybench parity --quick}) and between
 * them every backend operation the claims use: GEMM/SYRK/GEMV, symmetric eigen-decomposition, SVD, solve and least
 * squares.
 */
class ParityQuickTest {
    /** LAZY-4 (Jacobian Lipschitz), LAZY-7, NTK-1/2/4, BAL-1..3, PWR-3, DLN-3 (critical points), MEM-1. */
    static final String SELECTION = "LAZY-4,LAZY-7,NTK-1,NTK-2,NTK-4,BAL-1,BAL-2,BAL-3,PWR-3,DLN-3,MEM-1";

    @Test
    @DisplayName("parity: a cheap selection at the quick sizes has the same status on ejml, ejml-mt, jblas and openblas, row by row")
    void sameStatusesOnEveryBackend() {
        List<String> ids = ClaimCatalog.select(SELECTION);
        List<BackendRun> runs = ParityRunner.run(Backends.NAMES, ids, 1, true, 2, line -> { });
        ParityMatrix m = ParityMatrix.of(runs);
        assertThat(m.referenceName()).isEqualTo("openblas");
        assertThat(runs).allSatisfy(r -> assertThat(r.verdicts()).as(r.backend()).isNotEmpty()
                .noneMatch(v -> v.error() != null));
        assertThat(m.rows()).as(ParityReport.summaryLine(m)).allSatisfy(r -> assertThat(r.statusesEqual())
                .as(r.key().label()).isTrue());
        assertThat(m.differences()).isEmpty();
        assertThat(m.claims()).extracting(ParityMatrix.ClaimLine::id).containsExactlyElementsOf(ids);
        // ejml-mt splits rows of a product over threads but computes each row as ejml does: the same bits
        int mt = Backends.NAMES.indexOf("ejml-mt"), ejml = Backends.NAMES.indexOf("ejml");
        assertThat(m.rows()).allSatisfy(r -> assertThat(Double.doubleToLongBits(r.cells().get(mt).observed()))
                .as(r.key().label()).isEqualTo(Double.doubleToLongBits(r.cells().get(ejml).observed())));
    }
}
