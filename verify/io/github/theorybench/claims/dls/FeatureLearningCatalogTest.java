package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DLS family's catalogue: its six entries in order, each with hypothesis and control, its calibrations, DLS-6's erratum. */
@SmallInstances
class FeatureLearningCatalogTest {
    @Test
    @DisplayName("DLS-1..6 catalogue: family DLS, entries DLS-1..DLS-6 each with hypothesis and control, calibrations of DLS-1..5 criteria, the DLS-6 erratum")
    void catalogue() {
        FeatureLearningClaims f = new FeatureLearningClaims();
        assertThat(f.name()).isEqualTo("DLS");
        assertThat(f.title()).contains("Damian-Lee-Soltanolkotabi");
        assertThat(f.entries()).extracting(ClaimCatalog.Entry::id).containsExactly("DLS-1", "DLS-2", "DLS-3",
                "DLS-4", "DLS-5", "DLS-6");
        for (ClaimCatalog.Entry e : f.entries()) {
            assertThat(e.hypothesis()).as(e.id()).isNotBlank();
            assertThat(e.control()).as(e.id()).isNotBlank();
            assertThat(e.thresholds()).as(e.id()).isNotBlank();
        }
        assertThat(f.calibrations()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(f.calibrations()).extracting(c -> c.criterion().id()).contains("DLS-1", "DLS-4", "DLS-5")
                .allMatch(id -> id.matches("DLS-[1-5]"));
        for (Calibration c : f.calibrations()) {
            assertThat(c.low()).as(c.quantity()).isLessThanOrEqualTo(c.high());
        }
        assertThat(f.errata()).hasSize(1);
        assertThat(f.errata().get(0).id()).isEqualTo("DLS-6");
        assertThat(f.checks()).hasSize(4);
    }
}
