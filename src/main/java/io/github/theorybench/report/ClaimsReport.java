package io.github.theorybench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Erratum;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a claims run: {@code claims.json} (one row per verdict, the calibrations and errata; all timings in the
 * separate "timing" object so the rest is byte-identical for the same seed), the index {@code README.md}, one page
 * per family ({@code lazy.md}, …), {@code calibration.md}, the flat table {@code claims.md}, {@code plots/*.png} and
 * {@code instances/*.json}. Everything is staged and then moved into place ({@link ReportFiles}).
 */
public final class ClaimsReport {
    /** What the run was: settings shared by all rows. */
    public record RunSettings(long seed, boolean quick, String backend, String backendDescription,
            List<String> selection, String command) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClaimsReport() {
    }

    public static void write(Path out, RunSettings settings, List<ClaimsRun.Outcome> outcomes, double wallSeconds,
            Path repoRoot) throws IOException {
        ReportFiles.prepareOutput(out);
        Path staging = ReportFiles.staging(out);
        try {
            Path plots = Files.createDirectories(staging.resolve("plots"));
            Path instances = Files.createDirectories(staging.resolve("instances"));
            List<Verdict> verdicts = new ArrayList<>();
            List<Figure> figures = new ArrayList<>();
            List<Table> tables = new ArrayList<>();
            List<ReportContent.CheckTime> timing = new ArrayList<>();
            for (ClaimsRun.Outcome o : outcomes) {
                verdicts.addAll(o.result().verdicts());
                figures.addAll(o.result().figures());
                tables.addAll(o.result().tables());
                timing.add(new ReportContent.CheckTime(o.checkName(), o.ids(), o.seconds()));
                for (Map.Entry<String, Object> inst : o.result().instances().entrySet()) {
                    Files.writeString(instances.resolve(safe(inst.getKey()) + ".json"),
                            JSON.writeValueAsString(inst.getValue()) + "\n");
                }
            }
            List<ClaimFamily> families = ClaimRegistry.families();
            Placed placed = renderFigures(figures, verdicts, settings, families, plots);
            ReportContent content = new ReportContent(settings, verdicts, placed.figures(), tables,
                    TestIndex.paths(repoRoot), repoLink(out, repoRoot), families, SweepRates.read(out),
                    placed.noFigure(), timing, wallSeconds, RunInfo.machine(), RunInfo.libraries(), otherPages(out),
                    ProfileLinks.scan(out, settings.backend(), settings.seed(), settings.quick()));
            Files.writeString(staging.resolve("claims.json"), JSON.writeValueAsString(json(content)) + "\n");
            writePages(staging, content);
            ReportFiles.publish(staging, out);
        } finally {
            ReportFiles.deleteTree(staging);
        }
    }

    /** The Markdown pages of {@code content}: README.md, the family pages, calibration.md, claims.md. */
    public static Map<String, String> pages(ReportContent content) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("README.md", IndexPage.render(content));
        pages.putAll(FamilyPage.pages(content));
        pages.put("calibration.md", CalibrationPage.render(content));
        pages.put("claims.md", ClaimsMarkdown.claimsPage(content.settings(), content.verdicts(), content.tables()));
        return pages;
    }

    public static void writePages(Path dir, ReportContent content) throws IOException {
        for (Map.Entry<String, String> p : pages(content).entrySet()) {
            Files.writeString(dir.resolve(p.getKey()), p.getValue());
        }
    }

    private record Placed(List<ReportContent.PlacedFigure> figures, Map<String, String> noFigure) {
    }

    /** Renders the checks' figures, then a row figure for each selected ID none of them shows (where it helps). */
    private static Placed renderFigures(List<Figure> figures, List<Verdict> verdicts, RunSettings settings,
            List<ClaimFamily> families, Path plots) throws IOException {
        List<ReportContent.PlacedFigure> placed = new ArrayList<>();
        Set<String> drawn = new LinkedHashSet<>();
        for (Figure f : figures) {
            String file = safe(f.name()) + ".png";
            PlotRenderer.render(f, plots.resolve(file));
            List<String> ids = ReportContent.figureIds(f);
            drawn.addAll(ids);
            placed.add(new ReportContent.PlacedFigure(f, "plots/" + file, ids, false));
        }
        List<String> ids = ReportContent.orderedIds(settings.selection(), families, verdicts);
        GenericFigures.Result g = GenericFigures.forIds(ids, drawn, verdicts);
        for (Figure f : g.figures()) {
            String file = safe(f.name()) + ".png";
            PlotRenderer.renderRows(f, plots.resolve(file));
            placed.add(new ReportContent.PlacedFigure(f, "plots/" + file, ReportContent.figureIds(f), true));
        }
        return new Placed(placed, g.reasons());
    }

    /** The path from the report directory to the repository root, or null when it holds no verify/ tests. */
    static String repoLink(Path out, Path repoRoot) {
        Path root = repoRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("verify"))) {
            return null;
        }
        String rel = out.toAbsolutePath().normalize().relativize(root).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /** Pages other commands wrote into the report directory: benchmarks, backend parity, seed sweeps. */
    static Map<String, String> otherPages(Path out) {
        Map<String, String> pages = new LinkedHashMap<>();
        if (Files.isRegularFile(out.resolve("bench/README.md"))) {
            pages.put("benchmarks", "bench/README.md");
        }
        if (Files.isRegularFile(out.resolve("parity.md"))) {
            pages.put("backend parity", "parity.md");
        }
        if (Files.isRegularFile(out.resolve("sweep/README.md"))) {
            pages.put("seed sweeps", "sweep/README.md");
        }
        return pages;
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** JSON numbers: NaN and infinities are not JSON, write them as null (absent). */
    static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> row(Verdict v) {
        Map<String, Object> r = new LinkedHashMap<>();
        ClaimCatalog.Entry e = ClaimCatalog.contains(v.id()) ? ClaimCatalog.entry(v.id()) : null;
        r.put("id", v.id());
        r.put("family", e == null ? "" : e.family());
        r.put("kind", v.kind().label());
        r.put("role", v.role().label());
        r.put("check", v.check());
        r.put("key", v.key());
        r.put("statement", v.statement());
        r.put("status", v.status().label());
        r.put("hypothesisMet", v.hypothesisMet());
        r.put("observed", num(v.observed()));
        r.put("bound", num(v.bound()));
        r.put("slack", num(v.slack()));
        r.put("windowLow", num(v.windowLow()));
        r.put("windowHigh", num(v.windowHigh()));
        r.put("margin", num(v.margin()));
        r.put("holds", v.holds());
        r.put("controlExpectsHolds", v.controlExpectsHolds());
        r.put("seed", v.seed());
        r.put("sizes", v.sizes());
        r.put("backend", v.backend());
        r.put("activation", v.activation());
        r.put("tolerance", num(v.tolerance()));
        r.put("detail", v.detail());
        r.put("finding", v.finding());
        Map<String, Object> ms = new TreeMap<>();
        v.measurements().forEach((k, x) -> ms.put(k, num(x)));
        r.put("measurements", ms);
        r.put("error", v.error());
        r.put("source", e == null ? "" : e.source());
        return r;
    }

    private static Map<String, Object> json(ReportContent c) {
        RunSettings s = c.settings();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "theorybench");
        root.put("command", s.command());
        root.put("seed", s.seed());
        root.put("quick", s.quick());
        root.put("backend", s.backend());
        root.put("backendDescription", s.backendDescription());
        root.put("selection", s.selection());
        root.put("summary", summary(c.verdicts()));
        root.put("verdicts", c.verdicts().stream().map(ClaimsReport::row).toList());
        root.put("tables", c.tables().stream().map(ClaimsReport::table).toList());
        root.put("figures", c.figures().stream().filter(f -> !f.generic()).map(ReportContent.PlacedFigure::file)
                .toList());
        root.put("plots", c.figures().stream().map(ClaimsReport::plot).toList());
        root.put("calibrations", calibrations(c));
        root.put("errata", errata(c));
        root.put("machine", c.machine());
        root.put("libraries", c.libraries());
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("wallSeconds", c.wallSeconds());
        Map<String, Object> perCheck = new LinkedHashMap<>();
        c.timing().forEach(t -> perCheck.put(t.check(), t.seconds()));
        timing.put("perCheckSeconds", perCheck);
        root.put("timing", timing);
        return root;
    }

    private static Map<String, Object> table(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("title", t.title());
        m.put("header", t.header());
        m.put("rows", t.rows());
        m.put("note", t.note());
        return m;
    }

    private static Map<String, Object> plot(ReportContent.PlacedFigure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.file());
        m.put("ids", f.ids());
        m.put("title", f.figure().title());
        m.put("generic", f.generic());
        return m;
    }

    private static List<Object> calibrations(ReportContent c) {
        List<Object> out = new ArrayList<>();
        List<String> ids = c.ids();
        for (ClaimFamily f : c.families()) {
            for (Calibration k : f.calibrations()) {
                if (!ids.contains(k.criterion().id())) {
                    continue;
                }
                CalibrationCheck x = CalibrationCheck.of(k, c.verdicts());
                Map<String, Object> m = criterion(k.criterion());
                m.put("quantity", k.quantity());
                m.put("measurement", k.measurement());
                m.put("low", num(k.low()));
                m.put("high", num(k.high()));
                m.put("calibrated", k.calibrated());
                m.put("rows", x.rows());
                m.put("measuredMin", num(x.min()));
                m.put("measuredMax", num(x.max()));
                m.put("factor", num(x.factor()));
                m.put("flagged", x.flagged());
                m.put("note", k.note());
                out.add(m);
            }
        }
        return out;
    }

    private static List<Object> errata(ReportContent c) {
        List<Object> out = new ArrayList<>();
        List<String> ids = c.ids();
        for (ClaimFamily f : c.families()) {
            for (Erratum e : f.errata()) {
                if (!ids.contains(e.id())) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("printed", e.printed());
                m.put("corrected", e.corrected());
                m.put("printedRows", criterion(e.printedRows()));
                m.put("correctedRows", criterion(e.correctedRows()));
                m.put("evidence", e.evidence());
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, Object> criterion(io.github.theorybench.claims.Criterion k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("key", k.key());
        m.put("role", k.role().label());
        return m;
    }

    static Map<String, Long> summary(List<Verdict> verdicts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict.Status st : Verdict.Status.values()) {
            counts.put(st.label(), verdicts.stream().filter(v -> v.status() == st).count());
        }
        return counts;
    }

    static String summaryLine(List<Verdict> verdicts) {
        Map<String, Long> c = summary(verdicts);
        long claims = verdicts.stream().filter(v -> v.role() == Verdict.Role.CLAIM).count();
        long ids = verdicts.stream().map(Verdict::id).distinct().count();
        return String.format(Locale.ROOT,
                "%d claim IDs, %d claim rows: %d hold, %d hypothesis not met, %d violated (findings), %d errors; "
                        + "%d controls bit, %d controls did not bite; %d exploratory rows",
                ids, claims, c.get("holds"), c.get("hypothesis not met"), c.get("violated"), c.get("error"),
                c.get("control bit"), c.get("control did not bite"), c.get("exploratory"));
    }

    static String byFamily(List<Verdict> verdicts) {
        return verdicts.stream().map(Verdict::id).distinct().collect(Collectors.joining(", "));
    }
}
