package io.github.theorybench.report;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the pages of a claims run are rendered from: the run's settings and rows, its figures (placed on the
 * claim IDs they show), tables, timings and machine, the families' catalogue entries, calibrations and errata, the
 * tests of each ID, and the sweeps and other pages found in the report directory. The pages are pure functions of
 * this record, so they can be rendered again from a {@code claims.json} ({@link ClaimsJson}).
 *
 * @param repoLink the path from the report directory to the repository root ("..") for links to tests; null when
 *     the tests are not there
 * @param noFigure ID → why it has no figure
 * @param otherPages link text → path relative to the report directory (benchmarks, parity, sweeps)
 */
public record ReportContent(ClaimsReport.RunSettings settings, List<Verdict> verdicts, List<PlacedFigure> figures,
        List<Table> tables, Map<String, List<String>> tests, String repoLink, List<ClaimFamily> families,
        SweepRates sweep, Map<String, String> noFigure, List<CheckTime> timing, double wallSeconds,
        Map<String, String> machine, Map<String, String> libraries, Map<String, String> otherPages,
        Map<String, String> profiles) {

    /** Content without profile links (pages rebuilt from a claims.json, tests). */
    public ReportContent(ClaimsReport.RunSettings settings, List<Verdict> verdicts, List<PlacedFigure> figures,
            List<Table> tables, Map<String, List<String>> tests, String repoLink, List<ClaimFamily> families,
            SweepRates sweep, Map<String, String> noFigure, List<CheckTime> timing, double wallSeconds,
            Map<String, String> machine, Map<String, String> libraries, Map<String, String> otherPages) {
        this(settings, verdicts, figures, tables, tests, repoLink, families, sweep, noFigure, timing, wallSeconds,
                machine, libraries, otherPages, Map.of());
    }

    /** A rendered figure: its data, its PNG path relative to the report directory, the IDs it shows. */
    public record PlacedFigure(Figure figure, String file, List<String> ids, boolean generic) {
    }

    /** The wall time of one check. */
    public record CheckTime(String check, List<String> ids, double seconds) {
    }

    /** The IDs this run selected, in catalogue order. */
    public List<String> ids() {
        return orderedIds(settings.selection(), families, verdicts);
    }

    /** The selected IDs and those with rows, in the families' catalogue order (unknown IDs last). */
    static List<String> orderedIds(List<String> selection, List<ClaimFamily> families, List<Verdict> verdicts) {
        Set<String> selected = new LinkedHashSet<>(selection);
        verdicts.forEach(v -> selected.add(v.id()));
        List<String> out = new ArrayList<>();
        for (ClaimFamily f : families) {
            f.entries().stream().map(ClaimCatalog.Entry::id).filter(selected::contains).forEach(out::add);
        }
        selected.stream().filter(id -> !out.contains(id)).forEach(out::add);
        return out;
    }

    /** The families with at least one selected ID. */
    public List<ClaimFamily> selectedFamilies() {
        List<String> ids = ids();
        return families.stream().filter(f -> f.entries().stream().anyMatch(e -> ids.contains(e.id()))).toList();
    }

    public List<Verdict> rows(String id) {
        return verdicts.stream().filter(v -> v.id().equals(id)).toList();
    }

    public List<PlacedFigure> figuresOf(String id) {
        return figures.stream().filter(f -> f.ids().contains(id)).toList();
    }

    /** Figures of {@code family} tied to none of its IDs. */
    public List<PlacedFigure> familyFigures(String family) {
        return figures.stream().filter(f -> f.ids().isEmpty() && ClaimsMarkdown.family(f.figure().name())
                .toUpperCase(Locale.ROOT).equals(family)).toList();
    }

    public List<Table> tablesOf(String id) {
        return tables.stream().filter(t -> tableIds(t).contains(id)).toList();
    }

    /** Tables of {@code family} tied to none of its IDs. */
    public List<Table> familyTables(String family) {
        return tables.stream().filter(t -> tableIds(t).isEmpty() && ClaimsMarkdown.family(t.name())
                .toUpperCase(Locale.ROOT).equals(family)).toList();
    }

    static List<String> tableIds(Table t) {
        Set<String> ids = new LinkedHashSet<>(IdRefs.leading(t.name()));
        ids.addAll(IdRefs.leading(t.title()));
        return new ArrayList<>(ids);
    }

    /** The IDs a figure shows, from its name and title ("LAZY-1-risk", "LAZY-1/2: …", "ntk2-…"). */
    static List<String> figureIds(Figure f) {
        Set<String> ids = new LinkedHashSet<>(IdRefs.leading(f.name()));
        ids.addAll(IdRefs.leading(f.title()));
        return new ArrayList<>(ids);
    }

    public ClaimFamily familyOf(String id) {
        String fam = ClaimsMarkdown.family(id);
        return families.stream().filter(f -> f.name().equals(fam)).findFirst().orElse(null);
    }

    /** The family page's file name: "lazy.md". */
    public static String familyPage(String family) {
        return family.toLowerCase(Locale.ROOT) + ".md";
    }

    /** The link to an ID's section: "lazy.md#lazy-1". */
    public static String idLink(String id) {
        return familyPage(ClaimsMarkdown.family(id)) + "#" + id.toLowerCase(Locale.ROOT);
    }

    /** The link from the report directory to a test source, or null. */
    public String testLink(String path) {
        return repoLink == null ? null : repoLink + "/" + path;
    }

    /** The test a reader opens first: a family test rather than a small-instance or verdict-rule test. */
    public String mainTest(String id) {
        List<String> ts = tests.getOrDefault(id, List.of());
        return ts.stream().filter(p -> !p.matches(".*(Small|Verdicts|Hypotheses|Rules)[A-Za-z]*Test\\.java$"))
                .findFirst().orElse(ts.isEmpty() ? null : ts.get(0));
    }

    public ClaimCatalog.Entry entry(String id) {
        return ClaimCatalog.contains(id) ? ClaimCatalog.entry(id) : null;
    }
}
