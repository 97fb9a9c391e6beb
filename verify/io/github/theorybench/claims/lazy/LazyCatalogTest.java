package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.Erratum;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The LAZY family's registry: its name, title, the twelve catalogue entries in order, calibrations and errata. */
class LazyCatalogTest {
    @Test
    @DisplayName("LAZY-1..12 catalogue: family LAZY, entries LAZY-1..LAZY-12 in order, calibrations of both notes (flows, sweeps, Lipschitz/width) and errata for LAZY-9, 11, 12")
    void registry() {
        LazyClaims f = new LazyClaims();
        assertThat(f.name()).isEqualTo("LAZY");
        assertThat(f.title()).isEqualTo("lazy training (Chizat-Bach)");
        assertThat(f.entries()).extracting(ClaimCatalog.Entry::id).containsExactly("LAZY-1", "LAZY-2", "LAZY-3",
                "LAZY-4", "LAZY-5", "LAZY-6", "LAZY-7", "LAZY-8", "LAZY-9", "LAZY-10", "LAZY-11", "LAZY-12");
        List<Calibration> cal = f.calibrations();
        assertThat(cal).extracting(c -> c.criterion().id()).contains("LAZY-1", "LAZY-3", "LAZY-10", "LAZY-12",
                "LAZY-4", "LAZY-7", "LAZY-9", "LAZY-11");
        assertThat(cal).hasSize(LazyFlowCatalog.all().size() + LipschitzAndWidthNotes.calibrations().size());
        assertThat(LipschitzAndWidthNotes.calibrations()).isNotEmpty();
        List<Erratum> errata = f.errata();
        assertThat(errata).extracting(Erratum::id).contains("LAZY-9", "LAZY-11", "LAZY-12");
        assertThat(errata).hasSize(1 + LipschitzAndWidthNotes.errata().size());
    }
}
