package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.ClaimCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The DLS family's catalogue: its six entries in order, its calibrations, DLS-6's erratum (hypothesis, control and
 * thresholds of every family: ClaimRegistryTest).
 */
@SmallInstances
class FeatureLearningCatalogTest {
    @Test
    @DisplayName("DLS-1..6 catalogue: family DLS, entries DLS-1..DLS-6 in order, calibrations of DLS-1..5 criteria, the DLS-6 erratum")
    void catalogue() {
        FeatureLearningClaims f = new FeatureLearningClaims();
        assertThat(f.name()).isEqualTo("DLS");
        assertThat(f.title()).contains("Damian-Lee-Soltanolkotabi");
        assertThat(f.entries()).extracting(ClaimCatalog.Entry::id).containsExactly("DLS-1", "DLS-2", "DLS-3",
                "DLS-4", "DLS-5", "DLS-6");
        assertThat(f.calibrations()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(f.calibrations()).extracting(c -> c.criterion().id()).contains("DLS-1", "DLS-4", "DLS-5")
                .allMatch(id -> id.matches("DLS-[1-5]"));
        assertThat(f.errata()).hasSize(1);
        assertThat(f.errata().get(0).id()).isEqualTo("DLS-6");
        assertThat(f.checks()).hasSize(4);
    }
}
