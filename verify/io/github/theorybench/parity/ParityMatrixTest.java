package io.github.theorybench.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parity matrix on hand-made rows: matching, relative differences, differences and their explanations. */
class ParityMatrixTest {
    private static final Criterion DECAY = Criterion.claim("LSQ-1", "residualDecay");
    private static final Criterion DECAY_CONTROL = Criterion.control("LSQ-1", "residualDecayControl");

    static Verdict row(Criterion c, double observed, double bound, long seed, int n) {
        return Verdict.builder(c).observed(observed).bound(bound).seed(seed).size("n", n).backend("x").build();
    }

    static Verdict labelled(String id, String check, double observed, double bound) {
        return Verdict.builder(id).check(check).observed(observed).bound(bound).seed(1).build();
    }

    static BackendRun run(String name, Verdict... vs) {
        return new BackendRun(name, name + " library", List.of(vs), 1.0, Map.of("Check", 1.0));
    }

    @Test
    @DisplayName("rows match by ID, key, role, seed and sizes (not by order); the reference is openblas wherever it is listed")
    void rowsMatchByCriterionSeedAndSizes() {
        BackendRun ejml = run("ejml", row(DECAY, 0.5, 1, 2, 10), row(DECAY, 0.25, 1, 1, 10));
        BackendRun openblas = run("openblas", row(DECAY, 0.25, 1, 1, 10), row(DECAY, 0.5, 1, 2, 10));
        ParityMatrix m = ParityMatrix.of(List.of(ejml, openblas), Map.of());
        assertThat(m.referenceName()).isEqualTo("openblas");
        assertThat(m.rows()).hasSize(2);
        assertThat(m.rows()).allSatisfy(r -> {
            assertThat(r.statusesEqual()).isTrue();
            assertThat(r.relDiff()).containsExactly(0.0, 0.0);
        });
        assertThat(m.rows().get(0).key().seed()).as("reference order first").isEqualTo(1);
        assertThat(m.differences()).isEmpty();
    }

    @Test
    @DisplayName("the same criterion twice on one instance is told apart by occurrence; different sizes are different rows")
    void occurrencesAndSizes() {
        BackendRun a = run("openblas", row(DECAY, 0.1, 1, 1, 10), row(DECAY, 0.2, 1, 1, 10), row(DECAY, 0.3, 1, 1, 20));
        BackendRun b = run("jblas", row(DECAY, 0.1, 1, 1, 10), row(DECAY, 0.2 * (1 + 1e-9), 1, 1, 10),
                row(DECAY, 0.3, 1, 1, 20));
        ParityMatrix m = ParityMatrix.of(List.of(a, b), Map.of());
        assertThat(m.rows()).extracting(r -> r.key().occurrence()).containsExactly(1, 2, 1);
        assertThat(m.rows().get(1).relDiff()[1]).isCloseTo(1e-9, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(m.claims()).singleElement().satisfies(l -> {
            assertThat(l.maxRelDiff()[1]).isCloseTo(1e-9, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(l.differingRows()).containsExactly(0, 0);
        });
    }

    @Test
    @DisplayName("a check not yet converted (empty key) is matched by its display label")
    void fallbackToDisplayLabel() {
        ParityMatrix m = ParityMatrix.of(List.of(run("openblas", labelled("PWR-1", "alignment", 0.9, 1)),
                run("ejml", labelled("PWR-1", "alignment", 0.9, 1), labelled("PWR-1", "other", 2, 1))), Map.of());
        assertThat(m.rows()).extracting(r -> r.key().criterion()).containsExactly("alignment", "other");
        assertThat(m.rows().get(0).key().keyed()).isFalse();
        assertThat(m.rows().get(1).cells().get(0).missing()).isEqualTo("no such row on openblas");
        assertThat(m.differences()).singleElement().satisfies(d -> assertThat(d.open()).isTrue());
    }

    @Test
    @DisplayName("a status that flips on the threshold (both margins within 1e-3) is borderline; far from it, open; a note explains")
    void borderlineOpenAndNoted() {
        Verdict refHolds = row(DECAY, 1 - 1e-4, 1, 1, 10), otherViolated = row(DECAY, 1 + 1e-4, 1, 1, 10);
        ParityMatrix near = ParityMatrix.of(List.of(run("openblas", refHolds), run("ejml", otherViolated)), Map.of());
        assertThat(near.differences()).singleElement().satisfies(d -> {
            assertThat(d.open()).isFalse();
            assertThat(d.backend()).isEqualTo("ejml");
            assertThat(d.explanation()).contains("borderline").contains("2.00e-04");
        });
        ParityMatrix far = ParityMatrix.of(List.of(run("openblas", row(DECAY, 0.5, 1, 1, 10)),
                run("ejml", row(DECAY, 1.5, 1, 1, 10))), Map.of());
        assertThat(far.differences()).singleElement().satisfies(d -> {
            assertThat(d.open()).isTrue();
            assertThat(d.explanation()).contains("0.500").contains("1.50").doesNotContain("borderline");
        });
        ParityMatrix noted = ParityMatrix.of(List.of(run("openblas", row(DECAY, 0.5, 1, 1, 10)),
                run("ejml", row(DECAY, 1.5, 1, 1, 10))), Map.of("LSQ-1/residualDecay", "kappa 1e12 explains it."));
        assertThat(noted.differences()).singleElement().satisfies(d -> {
            assertThat(d.open()).isFalse();
            assertThat(d.explanation()).startsWith("kappa 1e12 explains it.");
        });
        assertThat(noted.openDifferences()).isZero();
    }

    @Test
    @DisplayName("a check that threw on one backend: its rows are missing there with the error, and the error row differs")
    void errorRowsAreDifferences() {
        Verdict err = Verdict.error("LSQ-1", "LeastSquaresDescentCheck", 1, "ejml",
                new ArithmeticException("solve: A (80x80) is singular to working precision"));
        ParityMatrix m = ParityMatrix.of(List.of(run("openblas", row(DECAY, 0.5, 1, 1, 10),
                row(DECAY_CONTROL, 2, 1, 1, 10)), run("ejml", err)), Map.of());
        assertThat(m.rows()).hasSize(3);
        assertThat(m.differences()).hasSize(3).allSatisfy(d -> assertThat(d.open()).isTrue());
        assertThat(m.differences().get(0).explanation()).contains("threw on ejml").contains("singular");
        assertThat(m.claims().get(0).counts().get(1)).containsEntry(Verdict.Status.ERROR, 1);
        assertThat(ParityReport.markdown(new ParityReport.Settings("theorybench parity", 1, true, List.of("LSQ-1")), m))
                .contains("| LSQ-1 |").contains("**3 differ**").contains("**open**").contains("💥1");
    }

    @Test
    @DisplayName("relative difference: 0 for equal values and for NaN on both sides, infinite for NaN on one side, absolute at 0")
    void relativeDifference() {
        assertThat(ParityMatrix.relativeDifference(2.0, 2.0)).isZero();
        assertThat(ParityMatrix.relativeDifference(Double.NaN, Double.NaN)).isZero();
        assertThat(ParityMatrix.relativeDifference(Double.NaN, 1)).isInfinite();
        assertThat(ParityMatrix.relativeDifference(1, Double.NaN)).isInfinite();
        assertThat(ParityMatrix.relativeDifference(3.0, 2.0)).isEqualTo(0.5);
        assertThat(ParityMatrix.relativeDifference(-1.0, -2.0)).isEqualTo(0.5);
        assertThat(ParityMatrix.relativeDifference(1e-300, 0.0)).isEqualTo(1e-300 / Double.MIN_NORMAL);
    }

    @Test
    @DisplayName("the page: summary line, wall time per backend, a matrix line per claim, 'same' where statuses agree")
    void markdownPage() {
        ParityMatrix m = ParityMatrix.of(List.of(run("ejml", row(DECAY, 0.5, 1, 1, 10)),
                run("openblas", row(DECAY, 0.5 * (1 + 3e-13), 1, 1, 10))), Map.of());
        String md = ParityReport.markdown(new ParityReport.Settings("theorybench parity --quick", 1, true,
                List.of("LSQ-1")), m);
        assertThat(md).contains("1 rows × 2 backends: 1 rows with the same status on every backend; 0 differences")
                .contains("| `ejml` | ejml library | 1 s | 1 | 0 |").contains("| LSQ-1 | ✅1 · same · Δ 3.0e-13 | ✅1 |")
                .contains("None: every row has the same status");
        assertThat(md).contains("| 0.500000 | 0.500000 | 3.0e-13 | yes |  |");
        assertThat(ParityNotes.valueNote("LSQ-1", 3e-13, -1e-13)).startsWith("round-off level");
        assertThat(ParityNotes.valueNote("LSQ-1", 1e-12, 0)).isEmpty();
        assertThat(ParityNotes.valueNote("MEM-1", 0.011, 0.43)).contains("summation order");
        assertThat(ParityReport.json(new ParityReport.Settings("c", 1, true, List.of("LSQ-1")), m))
                .containsEntry("reference", "openblas").containsKey("backends").containsKey("rows");
    }
}
