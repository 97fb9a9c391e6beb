package io.github.theorybench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Erratum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages of a report (issue 17) on hand-made rows for every catalogue ID: size bound, one row per ID, links. */
class ReportPagesTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @TempDir
    Path out;

    private String write() throws IOException {
        ClaimsReport.writePages(out, ReportFixture.content(out));
        Files.writeString(out.resolve("claims.json"), "{}");     // written beside the pages by ClaimsReport.write
        return Files.readString(out.resolve("README.md"));
    }

    @Test
    @DisplayName("the index stays within 40 KB with a long finding on every ID, shortened there and whole on the "
            + "family pages")
    void indexSizeBound() throws IOException {
        String index = write();
        assertThat(index.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(IndexPage.MAX_BYTES);
        assertThat(index).doesNotContain(ReportFixture.LONG_FINDING).contains("**Cause:**");
        assertThat(Files.readString(out.resolve("lsq.md"))).contains(ReportFixture.LONG_FINDING);
    }

    @Test
    @DisplayName("every catalogue ID has one row on the index and a section on its family page")
    void everyIdHasARow() throws IOException {
        String index = write();
        for (ClaimCatalog.Entry e : ClaimCatalog.entries()) {
            String row = "| [" + e.id() + "](" + ReportContent.idLink(e.id()) + ") |";
            assertThat(index.split("\n")).as(e.id()).filteredOn(l -> l.startsWith(row)).hasSize(1);
            assertThat(Files.readString(out.resolve(ReportContent.familyPage(e.family()))))
                    .contains("\n## " + e.id() + "\n");
        }
    }

    @Test
    @DisplayName("every relative link of the index and the family pages points at a file (and heading) that exists")
    void linksResolve() throws IOException {
        write();
        List<String> pages = new ArrayList<>(List.of("README.md", "calibration.md"));
        ClaimRegistry.families().forEach(f -> pages.add(ReportContent.familyPage(f.name())));
        for (String page : pages) {
            Path file = out.resolve(page);
            assertThat(file).as(page).exists();
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (!target.startsWith("http")) {
                    assertTarget(file, target);
                }
            }
        }
    }

    @Test
    @DisplayName("the index lists each family's errata with the rows of both criteria, and the sections in order")
    void errataAndSections() throws IOException {
        String index = write();
        assertThat(index).contains("## Findings", "## Claims", "## Errors in the notes", "## Calibration",
                "## Machine and libraries", "## Time per check", "[calibration](calibration.md)");
        assertThat(index.indexOf("## Findings")).isLessThan(index.indexOf("## Claims"));
        for (var f : ClaimRegistry.families()) {
            for (Erratum e : f.errata()) {
                assertThat(index).contains("**[" + e.id() + "](", "printed form `" + e.printedRows().key() + "`",
                        "corrected form `" + e.correctedRows().key() + "`");
            }
        }
        assertThat(Files.readString(out.resolve("calibration.md"))).startsWith("# ");
    }

    @Test
    @DisplayName("the sweep column reads a committed sweep/sweep.json (power and control flag rates, marks, quick); "
            + "an unreadable one is skipped")
    void sweepColumn() throws IOException {
        Files.createDirectories(out.resolve("sweep/old"));
        Files.writeString(out.resolve("sweep/sweep.json"), """
                {"run": {"quick": true}, "criteria": [
                  {"id": "LSQ-1", "key": "residualDecay", "role": "claim", "trials": 20, "passes": 19, "marked": true},
                  {"id": "LSQ-1", "key": "residualDecay", "role": "control", "trials": 20, "flags": 20},
                  {"id": "LSQ-2", "key": "", "role": "claim", "trials": 0, "passes": 0}]}
                """);
        Files.writeString(out.resolve("sweep/README.md"), "# sweep\n");
        Files.writeString(out.resolve("sweep/old/sweep.json"), "{not json");
        String index = write();
        String lsq1 = index.lines().filter(l -> l.startsWith("| [LSQ-1]")).findFirst().orElseThrow();
        assertThat(lsq1).contains("[⚠️ power 19/20 · flags 20/20 (quick)](sweep/README.md)");
        String lsq2 = index.lines().filter(l -> l.startsWith("| [LSQ-2]")).findFirst().orElseThrow();
        assertThat(lsq2).doesNotContain("power");
        assertThat(SweepRates.read(out).skipped()).containsExactly("sweep/old/sweep.json");
        assertThat(index).contains("[seed sweeps](sweep/README.md)");
    }

    private static void assertTarget(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? page : page.resolveSibling(path).normalize();
        assertThat(file).as(page.getFileName() + " → " + target).exists();
        if (hash >= 0 && file.toString().endsWith(".md")) {
            String anchor = target.substring(hash + 1);
            List<String> slugs = Files.readAllLines(file).stream().filter(l -> l.startsWith("#"))
                    .map(ReportPagesTest::slug).toList();
            assertThat(slugs).as(page.getFileName() + " → " + target).contains(anchor);
        }
    }

    /** GitHub's heading anchor: lower case, punctuation but '-' and '_' dropped, spaces as '-'. */
    static String slug(String heading) {
        return heading.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
