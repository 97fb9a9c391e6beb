package io.github.theorybench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a claims run: {@code claims.json} (one row per verdict; all timings in the separate "timing" object so the
 * rest is byte-identical for the same seed), {@code claims.md}, {@code plots/*.png}, {@code instances/*.json} and the
 * index {@code README.md}. Everything is staged and then moved into place ({@link ReportFiles}).
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
            for (ClaimsRun.Outcome o : outcomes) {
                verdicts.addAll(o.result().verdicts());
                figures.addAll(o.result().figures());
                tables.addAll(o.result().tables());
                for (Map.Entry<String, Object> inst : o.result().instances().entrySet()) {
                    Files.writeString(instances.resolve(safe(inst.getKey()) + ".json"),
                            JSON.writeValueAsString(inst.getValue()) + "\n");
                }
            }
            Map<String, String> figureFiles = new LinkedHashMap<>();
            for (Figure f : figures) {
                String file = safe(f.name()) + ".png";
                PlotRenderer.render(f, plots.resolve(file));
                figureFiles.put(f.name(), "plots/" + file);
            }
            Files.writeString(staging.resolve("claims.json"),
                    JSON.writeValueAsString(json(settings, outcomes, verdicts, figures, tables, wallSeconds)) + "\n");
            Map<String, String> tests = TestIndex.scan(repoRoot);
            Files.writeString(staging.resolve("claims.md"), ClaimsMarkdown.claimsPage(settings, verdicts, tables));
            Files.writeString(staging.resolve("README.md"), ClaimsMarkdown.indexPage(settings, outcomes, verdicts,
                    figures, figureFiles, tables, tests, wallSeconds, Files.exists(out.resolve("bench/README.md")),
                    ProfileLinks.scan(out, settings.backend(), settings.seed(), settings.quick())));
            ReportFiles.publish(staging, out);
        } finally {
            ReportFiles.deleteTree(staging);
        }
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
        r.put("holds", v.holds());
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

    private static Map<String, Object> json(RunSettings s, List<ClaimsRun.Outcome> outcomes, List<Verdict> verdicts,
            List<Figure> figures, List<Table> tables, double wallSeconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "theorybench");
        root.put("command", s.command());
        root.put("seed", s.seed());
        root.put("quick", s.quick());
        root.put("backend", s.backend());
        root.put("backendDescription", s.backendDescription());
        root.put("selection", s.selection());
        root.put("summary", summary(verdicts));
        root.put("verdicts", verdicts.stream().map(ClaimsReport::row).toList());
        root.put("tables", tables.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("title", t.title());
            m.put("header", t.header());
            m.put("rows", t.rows());
            m.put("note", t.note());
            return m;
        }).toList());
        root.put("figures", figures.stream().map(f -> "plots/" + safe(f.name()) + ".png").toList());
        root.put("machine", RunInfo.machine());
        root.put("libraries", RunInfo.libraries());
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("wallSeconds", wallSeconds);
        Map<String, Object> perCheck = new LinkedHashMap<>();
        outcomes.forEach(o -> perCheck.put(o.checkName(), o.seconds()));
        timing.put("perCheckSeconds", perCheck);
        root.put("timing", timing);
        return root;
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
                        + "%d controls bit, %d controls did not bite",
                ids, claims, c.get("holds"), c.get("hypothesis not met"), c.get("violated"), c.get("error"),
                c.get("control bit"), c.get("control did not bite"));
    }

    static String byFamily(List<Verdict> verdicts) {
        return verdicts.stream().map(Verdict::id).distinct().collect(Collectors.joining(", "));
    }
}
