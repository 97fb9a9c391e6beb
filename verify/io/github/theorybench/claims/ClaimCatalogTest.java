package io.github.theorybench.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The claim catalogue against ../shared/CLAIMS.md (IDs in order, kinds, seed files) and the --only selection. */
class ClaimCatalogTest {
    private static final String S000 = "000_ddbc9886f8669f64.txt", S001 = "001_0eca414dd9b88dfc.txt",
            S002 = "002_d419add4266800f0.txt", S003 = "003_e3d7742aedb82e06.txt", S004 = "004_90acb96d7f6e165f.txt";

    /** ID, kind and source seed file of every claim, in CLAIMS.md order (kinds: the "(exact)" etc. tags there). */
    private static final Object[][] CLAIMS = {
        {"LAZY-1", ClaimKind.EXACT, S001}, {"LAZY-2", ClaimKind.EXACT, S001}, {"LAZY-3", ClaimKind.EXACT, S001},
        {"LAZY-4", ClaimKind.EXACT, S001}, {"LAZY-5", ClaimKind.EXACT, S001}, {"LAZY-6", ClaimKind.EXACT, S001},
        {"LAZY-7", ClaimKind.SCALING, S000}, {"LAZY-8", ClaimKind.SCALING, S001},
        {"LAZY-9", ClaimKind.SCALING, S000}, {"LAZY-10", ClaimKind.PHENOMENON, S001},
        {"LAZY-11", ClaimKind.EXACT, S000}, {"LAZY-12", ClaimKind.SCALING, S001},
        {"NTK-1", ClaimKind.EXACT, S000}, {"NTK-2", ClaimKind.SCALING, S000}, {"NTK-3", ClaimKind.SCALING, S003},
        {"NTK-4", ClaimKind.PHENOMENON, S000}, {"NTK-5", ClaimKind.SCALING, S003},
        {"LSQ-1", ClaimKind.EXACT, S002}, {"LSQ-2", ClaimKind.EXACT, S002}, {"LSQ-3", ClaimKind.EXACT, S002},
        {"BAL-1", ClaimKind.EXACT, S002}, {"BAL-2", ClaimKind.EXACT, S002}, {"BAL-3", ClaimKind.EXACT, S002},
        {"BAL-4", ClaimKind.SCALING, S002}, {"BAL-5", ClaimKind.PHENOMENON, S002}, {"BAL-6", ClaimKind.EXACT, S002},
        {"PWR-1", ClaimKind.PHENOMENON, S002}, {"PWR-2", ClaimKind.PHENOMENON, S002},
        {"PWR-3", ClaimKind.SCALING, S002}, {"PWR-4", ClaimKind.SCALING, S002}, {"PWR-5", ClaimKind.SCALING, S002},
        {"PWR-6", ClaimKind.PHENOMENON, S002}, {"PWR-7", ClaimKind.SCALING, S002},
        {"DLN-1", ClaimKind.EXACT, S003}, {"DLN-2", ClaimKind.EXACT, S003}, {"DLN-3", ClaimKind.EXACT, S003},
        {"DLN-4", ClaimKind.EXACT, S003},
        {"MEM-1", ClaimKind.EXACT, S003}, {"MEM-2", ClaimKind.PHENOMENON, S003},
        {"DLS-1", ClaimKind.PHENOMENON, S004}, {"DLS-2", ClaimKind.PHENOMENON, S004},
        {"DLS-3", ClaimKind.PHENOMENON, S004}, {"DLS-4", ClaimKind.SCALING, S004},
        {"DLS-5", ClaimKind.PHENOMENON, S004}, {"DLS-6", ClaimKind.EXACT, S002},
    };

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Object[] c : CLAIMS) {
            ids.add((String) c[0]);
        }
        return ids;
    }

    @Test
    @DisplayName("ClaimCatalog lists every CLAIMS.md ID once, in order, with its kind, family, seed file and a statement")
    void everyId() {
        assertThat(ClaimCatalog.entries()).extracting(ClaimCatalog.Entry::id).containsExactlyElementsOf(ids());
        for (Object[] c : CLAIMS) {
            String id = (String) c[0];
            ClaimCatalog.Entry e = ClaimCatalog.entry(id);
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.kind()).as(id).isEqualTo(c[1]);
            assertThat(ClaimCatalog.kind(id)).as(id).isEqualTo(c[1]);
            assertThat(e.source()).as(id).isEqualTo(c[2]);
            assertThat(e.family()).as(id).isEqualTo(id.substring(0, id.indexOf('-')));
            assertThat(e.statement()).as(id).isNotBlank();
            assertThat(ClaimCatalog.statement(id)).isEqualTo(e.statement());
            assertThat(ClaimCatalog.contains(id)).isTrue();
        }
        assertThat(ClaimCatalog.entry("LAZY-10").family()).isEqualTo("LAZY");
        assertThat(ClaimCatalog.entry("LAZY-3").statement()).contains("sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2)");
    }

    @Test
    @DisplayName("ClaimCatalog: unknown IDs are not contained, have an empty statement, and entry/kind reject them by name")
    void unknownIds() {
        assertThat(ClaimCatalog.contains("LAZY-99")).isFalse();
        assertThat(ClaimCatalog.contains("lazy-1")).isFalse();
        assertThat(ClaimCatalog.statement("LAZY-99")).isEmpty();
        assertThatThrownBy(() -> ClaimCatalog.entry("LAZY-99")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown claim ID 'LAZY-99'");
        assertThatThrownBy(() -> ClaimCatalog.kind("X-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("ClaimCatalog.entries is a copy: changing it leaves the catalogue alone")
    void entriesIsACopy() {
        List<ClaimCatalog.Entry> e = ClaimCatalog.entries();
        e.clear();
        assertThat(ClaimCatalog.entries()).hasSize(CLAIMS.length);
    }

    @Test
    @DisplayName("ClaimCatalog.select: IDs and globs, case and spaces ignored, duplicates dropped, catalogue order within a glob")
    void select() {
        assertThat(ClaimCatalog.select("LAZY-1")).containsExactly("LAZY-1");
        assertThat(ClaimCatalog.select(" lsq-2 , LAZY-1,lsq-2")).containsExactly("LSQ-2", "LAZY-1");
        assertThat(ClaimCatalog.select("DLS-*")).containsExactly("DLS-1", "DLS-2", "DLS-3", "DLS-4", "DLS-5",
                "DLS-6");
        assertThat(ClaimCatalog.select("LAZY-?")).containsExactly("LAZY-1", "LAZY-2", "LAZY-3", "LAZY-4", "LAZY-5",
                "LAZY-6", "LAZY-7", "LAZY-8", "LAZY-9");
        assertThat(ClaimCatalog.select("LAZY-1*")).containsExactly("LAZY-1", "LAZY-10", "LAZY-11", "LAZY-12");
        assertThat(ClaimCatalog.select("BAL-2,BAL-*")).containsExactly("BAL-2", "BAL-1", "BAL-3", "BAL-4", "BAL-5",
                "BAL-6");
        assertThat(ClaimCatalog.select("*")).containsExactlyElementsOf(ids());
        // '-' is literal in a glob, not a regex range
        assertThat(ClaimCatalog.select("*-3")).containsExactly("LAZY-3", "NTK-3", "LSQ-3", "BAL-3", "PWR-3",
                "DLN-3", "DLS-3");
        Set<String> distinct = new LinkedHashSet<>(ClaimCatalog.select("*,LAZY-1,PWR-*"));
        assertThat(distinct).hasSize(CLAIMS.length);
    }

    @Test
    @DisplayName("ClaimCatalog.select errors name the offending item: empty, bad characters, glob matching nothing, unknown ID")
    void selectErrors() {
        assertThatThrownBy(() -> ClaimCatalog.select("LAZY-1,,LSQ-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty item in claim selection 'LAZY-1,,LSQ-1'");
        assertThatThrownBy(() -> ClaimCatalog.select("LAZY-1,")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("empty item");
        assertThatThrownBy(() -> ClaimCatalog.select("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("empty item");
        assertThatThrownBy(() -> ClaimCatalog.select("LAZY.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad claim pattern 'LAZY.1': use IDs like LAZY-1 and globs like PWR-*");
        assertThatThrownBy(() -> ClaimCatalog.select("LAZY_1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad claim pattern");
        assertThatThrownBy(() -> ClaimCatalog.select("FOO-*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("claim pattern 'FOO-*' matches no claim ID");
        assertThatThrownBy(() -> ClaimCatalog.select(" lazy-99 ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown claim ID 'lazy-99' (see 'theorybench claims --list')");
    }
}
