package io.github.theorybench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code claims.json} read back: its run settings, verdict rows (as {@link Verdict}s, so every page and the CLI
 * format them one way), tables, plots and timings. Reads the files of earlier versions too: a row without {@code
 * controlExpectsHolds} gets it from its recorded status.
 */
public record ClaimsJson(ClaimsReport.RunSettings settings, List<Verdict> verdicts, List<Table> tables,
        Map<String, List<String>> plots, List<ReportContent.CheckTime> timing, double wallSeconds,
        Map<String, String> machine, Map<String, String> libraries) {

    /** Reads {@code file}; an IOException names the file when it is missing or not a claims report. */
    public static ClaimsJson read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no report at " + file);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (!root.path("verdicts").isArray()) {
            throw new IOException(file + " holds no verdicts: not a theorybench claims report");
        }
        List<String> selection = new ArrayList<>();
        root.path("selection").forEach(n -> selection.add(n.asText()));
        ClaimsReport.RunSettings s = new ClaimsReport.RunSettings(root.path("seed").asLong(1),
                root.path("quick").asBoolean(false), root.path("backend").asText(""),
                root.path("backendDescription").asText(""), selection, root.path("command").asText(""));
        List<Verdict> verdicts = new ArrayList<>();
        root.path("verdicts").forEach(n -> verdicts.add(verdict(n)));
        List<ReportContent.CheckTime> timing = new ArrayList<>();
        root.path("timing").path("perCheckSeconds").fields().forEachRemaining(e -> timing.add(
                new ReportContent.CheckTime(e.getKey(), checkIds(e.getKey(), selection), e.getValue().asDouble())));
        return new ClaimsJson(s, verdicts, tables(root.path("tables")), plots(root), timing,
                root.path("timing").path("wallSeconds").asDouble(Double.NaN), strings(root.path("machine")),
                strings(root.path("libraries")));
    }

    /** The selected IDs of the registered check of that (simple class) name, as the run that timed it listed them. */
    private static List<String> checkIds(String check, List<String> selection) {
        return io.github.theorybench.claims.ClaimRegistry.all().stream()
                .filter(c -> c.getClass().getSimpleName().equals(check)).findFirst()
                .map(c -> c.ids().stream().filter(selection::contains).toList()).orElse(List.of());
    }

    /** {@link #read}, or null when {@code file} is missing or not a claims report (for optional status columns). */
    public static ClaimsJson readOrNull(Path file) {
        try {
            return read(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Verdict verdict(JsonNode n) {
        String id = n.path("id").asText();
        Verdict.Role role = Verdict.Role.valueOf(n.path("role").asText("claim").toUpperCase(Locale.ROOT));
        ClaimKind kind = kind(id, n.path("kind").asText(""));
        boolean holds = n.path("holds").asBoolean();
        boolean expectsHolds = n.has("controlExpectsHolds") ? n.path("controlExpectsHolds").asBoolean()
                : role == Verdict.Role.CONTROL && (n.path("status").asText().equals("control bit") == holds);
        Map<String, Object> sizes = new LinkedHashMap<>();
        n.path("sizes").fields().forEachRemaining(e -> sizes.put(e.getKey(), e.getValue().isNumber()
                ? (Object) e.getValue().numberValue() : e.getValue().asText()));
        Map<String, Double> ms = new LinkedHashMap<>();
        n.path("measurements").fields().forEachRemaining(e -> ms.put(e.getKey(), dbl(e.getValue())));
        String error = n.hasNonNull("error") ? n.path("error").asText() : null;
        return new Verdict(id, kind, role, n.path("check").asText(""), n.path("key").asText(""),
                n.path("hypothesisMet").asBoolean(true), dbl(n.path("observed")), dbl(n.path("bound")),
                dbl(n.path("slack")), dbl(n.path("windowLow")), dbl(n.path("windowHigh")), holds,
                n.path("seed").asLong(), sizes, n.path("backend").asText(""), n.path("activation").asText(""),
                dbl(n.path("tolerance")), n.path("detail").asText(""), n.path("finding").asText(""), ms, error,
                expectsHolds, 0.0);
    }

    private static ClaimKind kind(String id, String label) {
        for (ClaimKind k : ClaimKind.values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return ClaimCatalog.contains(id) ? ClaimCatalog.kind(id) : ClaimKind.EXACT;
    }

    private static double dbl(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    private static List<Table> tables(JsonNode arr) {
        List<Table> out = new ArrayList<>();
        for (JsonNode t : arr) {
            List<String> header = new ArrayList<>();
            t.path("header").forEach(h -> header.add(h.asText()));
            List<List<String>> rows = new ArrayList<>();
            t.path("rows").forEach(r -> {
                List<String> cells = new ArrayList<>();
                r.forEach(x -> cells.add(x.asText()));
                rows.add(cells);
            });
            out.add(new Table(t.path("name").asText(""), t.path("title").asText(""), header, rows,
                    t.path("note").asText("")));
        }
        return out;
    }

    /** Plot file → the IDs it shows ("plots" of this version; the older "figures" list placed by file name). */
    private static Map<String, List<String>> plots(JsonNode root) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (root.path("plots").isArray()) {
            for (JsonNode p : root.path("plots")) {
                List<String> ids = new ArrayList<>();
                p.path("ids").forEach(i -> ids.add(i.asText()));
                out.put(p.path("file").asText(), ids);
            }
            return out;
        }
        for (JsonNode f : root.path("figures")) {
            String file = f.asText();
            out.put(file, IdRefs.leading(file.substring(file.lastIndexOf('/') + 1)));
        }
        return out;
    }

    private static Map<String, String> strings(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /**
     * The pages' content for this report as it lies in {@code reportDir}: its rows, tables and timings, the plots it
     * lists (placed on their IDs), the families, tests and sweeps found now. Renders the same pages as the run that
     * wrote it, up to what the families and tests say today.
     */
    public ReportContent content(Path reportDir, Path repoRoot) {
        List<io.github.theorybench.claims.ClaimFamily> families = io.github.theorybench.claims.ClaimRegistry
                .families();
        List<ReportContent.PlacedFigure> placed = new ArrayList<>();
        java.util.Set<String> drawn = new java.util.LinkedHashSet<>();
        plots.forEach((file, ids) -> {
            String stem = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.png$", "");
            placed.add(new ReportContent.PlacedFigure(new io.github.theorybench.claims.Figure(stem, stem, "", "",
                    false, false, List.of()), file, ids, stem.endsWith("-rows")));
            drawn.addAll(ids);
        });
        List<String> ids = ReportContent.orderedIds(settings.selection(), families, verdicts);
        Map<String, String> noFigure = new LinkedHashMap<>();
        GenericFigures.Result g = GenericFigures.forIds(ids, drawn, verdicts);
        ids.stream().filter(id -> !drawn.contains(id)).forEach(id -> noFigure.put(id,
                g.reasons().getOrDefault(id, "no plot in this report")));
        return new ReportContent(settings, verdicts, placed, tables, TestIndex.paths(repoRoot),
                ClaimsReport.repoLink(reportDir, repoRoot), families, SweepRates.read(reportDir), noFigure, timing,
                wallSeconds, machine, libraries, ClaimsReport.otherPages(reportDir));
    }

    /** The rows of {@code id}. */
    public List<Verdict> rows(String id) {
        return verdicts.stream().filter(v -> v.id().equals(id)).toList();
    }
}
