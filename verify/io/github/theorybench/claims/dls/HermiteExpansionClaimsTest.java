package io.github.theorybench.claims.dls;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.Erratum;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DLS-6 at CLAIMS.md's sizes (degree 6, d ∈ {1, 2, 3}, 5 random polynomials each and x², 8-node quadrature). */
class HermiteExpansionClaimsTest {
    private static CheckResult result;

    @BeforeAll
    static void run() {
        result = new HermiteExpansionCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), 1, false));
    }

    @Test
    @DisplayName("DLS-6 Hermite expansion f = sum_{t>=0} (1/t!) <E grad^t f, S_t> to 1e-12 on polynomials of degree <= 6 in d <= 3; Stein holds; the printed sum_{t>=1} <E[f S_t], S_t> is flagged with its finding")
    void hermiteExpansion() {
        assertThat(result.verdicts(HermiteExpansionCheck.EXPANSION)).hasSize(16)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(HermiteExpansionCheck.STEIN)).hasSize(16)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(result.verdicts(HermiteExpansionCheck.PRINTED_EXPANSION)).hasSize(16).allSatisfy(v -> {
            assertThat(v).controlBit().hasFinding();
            assertThat(v.margin()).isGreaterThanOrEqualTo(0.05);
            assertThat(v.observed()).isGreaterThan(0.1);            // an O(1) miss, not round-off
        });
        // f = x^2: the printed series is 2x^2 - 2, so at the worst test point it reads 2 f - 2
        var square = result.verdicts(HermiteExpansionCheck.PRINTED_EXPANSION).get(0);
        assertThat(square.check()).contains("x^2");
        assertThat(square.measurements().get("printedAtWorstPoint")).isCloseTo(
                2 * square.measurements().get("fAtWorstPoint") - 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.figures()).hasSize(1);
    }

    @Test
    @DisplayName("DLS-6 in the catalogue (exact, source 002) with hypothesis, control and thresholds; its erratum names the printed and corrected rows")
    void catalogueAndErratum() {
        ClaimCatalog.Entry e = ClaimCatalog.entry("DLS-6");
        assertThat(e.source()).isEqualTo(ClaimCatalog.NOTES_002);
        assertThat(e.kind()).isEqualTo(io.github.theorybench.claims.ClaimKind.EXACT);
        assertThat(e.hypothesis()).isNotBlank();
        assertThat(e.control()).isNotBlank();
        assertThat(e.thresholds()).isNotBlank();
        Erratum err = new FeatureLearningClaims().errata().stream().filter(x -> x.id().equals("DLS-6")).findFirst()
                .orElseThrow();
        assertThat(err.printedRows()).isEqualTo(HermiteExpansionCheck.PRINTED_EXPANSION);
        assertThat(err.correctedRows()).isEqualTo(HermiteExpansionCheck.EXPANSION);
        assertThat(new FeatureLearningClaims().checks()).anyMatch(c -> c.ids().contains("DLS-6"));
    }
}
