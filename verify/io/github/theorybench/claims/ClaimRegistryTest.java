package io.github.theorybench.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The registered checks against the catalogue: every claim ID has exactly one check, and selection picks them. */
class ClaimRegistryTest {

    private static List<String> catalogued() {
        return ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id).toList();
    }

    @Test
    @DisplayName("ClaimRegistry.families: every catalogue entry states its hypothesis, control and thresholds; every calibration belongs to its family and has low <= high")
    void everyFamilyStatesItsTerms() {
        for (ClaimFamily f : ClaimRegistry.families()) {
            assertThat(f.entries()).as(f.name()).isNotEmpty();
            for (ClaimCatalog.Entry e : f.entries()) {
                assertThat(e.family()).as(e.id()).isEqualTo(f.name());
                assertThat(e.hypothesis()).as(e.id()).isNotBlank();
                assertThat(e.control()).as(e.id()).isNotBlank();
                assertThat(e.thresholds()).as(e.id()).isNotBlank();
            }
            for (Calibration c : f.calibrations()) {
                assertThat(c.criterion().id()).as(c.quantity()).startsWith(f.name() + "-");
                assertThat(c.low()).as(c.quantity()).isLessThanOrEqualTo(c.high());
            }
        }
    }

    @Test
    @DisplayName("ClaimRegistry: every catalogued ID is claimed by exactly one registered check, no check names an ID twice or an uncatalogued ID")
    void exactlyOneCheckPerId() {
        Map<String, List<String>> owners = new HashMap<>();
        for (ClaimCheck c : ClaimRegistry.all()) {
            List<String> ids = c.ids();
            assertThat(ids).as(c.getClass().getSimpleName()).isNotEmpty().doesNotHaveDuplicates();
            for (String id : ids) {
                assertThat(ClaimCatalog.contains(id)).as("%s names %s", c.getClass().getSimpleName(), id).isTrue();
                owners.computeIfAbsent(id, k -> new ArrayList<>()).add(c.getClass().getSimpleName());
            }
        }
        for (String id : catalogued()) {
            assertThat(owners.get(id)).as(id).hasSize(1);
        }
        assertThat(owners).hasSameSizeAs(catalogued());
        assertThat(ClaimRegistry.uncovered()).isEmpty();
    }

    @Test
    @DisplayName("ClaimRegistry.all: one instance per check class, in CLAIMS.md family order, fresh on every call")
    void order() {
        List<ClaimCheck> all = ClaimRegistry.all();
        assertThat(all).extracting(c -> c.getClass()).doesNotHaveDuplicates();
        // first IDs of the checks, concatenated, follow the catalogue order
        List<String> firstIds = all.stream().map(c -> c.ids().get(0)).toList();
        List<String> order = catalogued();
        for (int i = 1; i < firstIds.size(); i++) {
            assertThat(order.indexOf(firstIds.get(i))).as(firstIds.get(i))
                    .isGreaterThan(order.indexOf(firstIds.get(i - 1)));
        }
        assertThat(all.get(0).ids()).contains("LAZY-1");
        assertThat(all.get(all.size() - 1).ids()).containsExactly("DLS-6");
        assertThat(ClaimRegistry.all().get(0)).isNotSameAs(all.get(0));
    }

    @Test
    @DisplayName("ClaimRegistry.covering picks exactly the checks that own a selected ID, in registry order")
    void covering() {
        for (String id : catalogued()) {
            List<ClaimCheck> cs = ClaimRegistry.covering(List.of(id));
            assertThat(cs).as(id).hasSize(1);
            assertThat(cs.get(0).ids()).as(id).contains(id);
        }
        List<ClaimCheck> dls = ClaimRegistry.covering(List.of("DLS-2", "DLS-1"));
        assertThat(dls).hasSize(1);
        assertThat(dls.get(0).ids()).containsExactly("DLS-1", "DLS-2", "DLS-3");
        List<ClaimCheck> two = ClaimRegistry.covering(List.of("DLS-3", "LSQ-1"));
        assertThat(two).extracting(c -> c.ids().get(0)).containsExactly("LSQ-1", "DLS-1");
        assertThat(ClaimRegistry.covering(List.of())).isEmpty();
        assertThat(ClaimRegistry.covering(List.of("NOPE-1"))).isEmpty();
        assertThat(ClaimRegistry.covering(catalogued())).hasSameSizeAs(ClaimRegistry.all());
    }
}
