package io.github.theorybench.parity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.report.ReportFiles;
import io.github.theorybench.report.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code parity.md} and {@code parity.json} for a {@link ParityMatrix}. */
public final class ParityReport {
    /** What was run, for the page's head and the JSON. */
    public record Settings(String command, long seed, boolean quick, List<String> selection) {
    }

    /** Rows listed under "largest differences of observed values". */
    static final int LARGEST = 12;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParityReport() {
    }

    public static void write(Path out, Settings s, ParityMatrix m) throws IOException {
        ReportFiles.prepareOutput(out);
        ReportFiles.writeAtomically(out.resolve("parity.json"), JSON.writeValueAsString(json(s, m)) + "\n");
        ReportFiles.writeAtomically(out.resolve("parity.md"), markdown(s, m));
    }


    static String counts(Map<Verdict.Status, Integer> c) {
        if (c.isEmpty()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        c.forEach((st, n) -> parts.add(st.icon() + n));
        return String.join(" ", parts);
    }

    static String rel(double v) {
        return v == 0 ? "0" : Double.isInfinite(v) ? "NaN on one side" : NumberText.sci(v, 1);
    }

    public static String summaryLine(ParityMatrix m) {
        long diffs = m.differences().size(), open = m.openDifferences();
        return String.format(Locale.ROOT, "%d rows × %d backends: %d rows with the same status on every backend; "
                + "%d differences from %s (%d explained, %d open)", m.rows().size(), m.runs().size(), m.equalRows(),
                diffs, m.referenceName(), diffs - open, open);
    }

    static String markdown(Settings s, ParityMatrix m) {
        StringBuilder sb = new StringBuilder("# Claims on every backend (parity)\n\n");
        sb.append("`").append(s.command()).append("` — seed ").append(s.seed()).append(", ")
                .append(s.quick() ? "**quick sizes** (the tests' small instances)" : "the sizes CLAIMS.md gives")
                .append(". The same checks, seeds and sizes on each backend, OpenBLAS on one thread as in every claim "
                        + "run; reference: `").append(m.referenceName()).append("`.\n\n");
        sb.append("**").append(summaryLine(m)).append("**\n\n");
        sb.append("Rows are matched by claim ID, criterion (the row's key; its display label for a check not yet "
                + "converted), role, seed and sizes. Cells: status counts (✅ holds · ⚪ hypothesis not met · ❌ violated "
                + "· 🦷 control bit · ⚠️ control did not bite · 🔭 exploratory · 💥 error), then for each backend the "
                + "number of rows whose status differs from the reference and the largest relative difference "
                + "|x − x_ref|/|x_ref| of a row's observed value.\n\n");
        backends(sb, m);
        matrix(sb, m);
        differences(sb, m);
        largest(sb, m);
        sb.append("Machine: ");
        List<String> parts = new ArrayList<>();
        RunInfo.machine().forEach((k, v) -> parts.add(k + " " + v));
        sb.append(String.join("; ", parts)).append(".\n");
        return sb.toString();
    }

    private static void backends(StringBuilder sb, ParityMatrix m) {
        sb.append("## Backends\n\n| backend | library | wall time | rows | violated / error rows |\n|---|---|---|---|---|\n");
        for (BackendRun r : m.runs()) {
            long bad = r.verdicts().stream().filter(v -> v.status().needsAttention()).count();
            sb.append("| `").append(r.backend()).append("` | ").append(r.description()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f s", r.wallSeconds())).append(" | ")
                    .append(r.verdicts().size()).append(" | ").append(bad).append(" |\n");
        }
        sb.append('\n');
    }

    private static void matrix(StringBuilder sb, ParityMatrix m) {
        sb.append("## Matrix\n\n| claim |");
        m.runs().forEach(r -> sb.append(' ').append(r.backend()).append(" |"));
        sb.append("\n|---|");
        m.runs().forEach(r -> sb.append("---|"));
        sb.append('\n');
        int ref = m.referenceIndex();
        for (ParityMatrix.ClaimLine line : m.claims()) {
            sb.append("| ").append(line.id()).append(" |");
            for (int b = 0; b < m.runs().size(); b++) {
                sb.append(' ').append(counts(line.counts().get(b)));
                if (b != ref) {
                    sb.append(line.differingRows()[b] == 0 ? " · same" : " · **" + line.differingRows()[b]
                            + " differ**").append(" · Δ ").append(rel(line.maxRelDiff()[b]));
                }
                sb.append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static void differences(StringBuilder sb, ParityMatrix m) {
        sb.append("## Differences\n\n");
        if (m.differences().isEmpty()) {
            sb.append("None: every row has the same status on every backend.\n\n");
            return;
        }
        sb.append("| row | backend | status there | status on ").append(m.referenceName())
                .append(" | explanation | open |\n|---|---|---|---|---|---|\n");
        for (ParityMatrix.Difference d : m.differences()) {
            ParityMatrix.Cell c = d.row().cells().get(d.backendIndex());
            ParityMatrix.Cell r = d.row().cells().get(m.referenceIndex());
            sb.append("| ").append(d.row().key().label().replace("|", "\\|")).append(" | ").append(d.backend())
                    .append(" | ").append(c.status() == null ? "missing" : c.status().label()).append(" | ")
                    .append(r.status() == null ? "missing" : r.status().label()).append(" | ")
                    .append(d.explanation().replace("|", "\\|")).append(" | ").append(d.open() ? "**open**" : "explained")
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private static void largest(StringBuilder sb, ParityMatrix m) {
        record Entry(ParityMatrix.Row row, int backend, double rel) {
        }
        List<Entry> entries = new ArrayList<>();
        for (ParityMatrix.Row row : m.rows()) {
            for (int b = 0; b < m.runs().size(); b++) {
                if (b != m.referenceIndex() && row.cells().get(b).verdict() != null
                        && row.cells().get(m.referenceIndex()).verdict() != null && row.relDiff()[b] > 0) {
                    entries.add(new Entry(row, b, row.relDiff()[b]));
                }
            }
        }
        entries.sort(Comparator.comparingDouble((Entry e) -> -e.rel()).thenComparing(e -> e.row().key().label()));
        sb.append("## Largest differences of observed values\n\n");
        if (entries.isEmpty()) {
            sb.append("None: every observed value equals the reference's bit for bit.\n\n");
            return;
        }
        sb.append("| row | backend | observed there | on ").append(m.referenceName())
                .append(" | relative difference | same status | why |\n|---|---|---|---|---|---|---|\n");
        for (Entry e : entries.subList(0, Math.min(LARGEST, entries.size()))) {
            ParityMatrix.Cell c = e.row().cells().get(e.backend()), r = e.row().cells().get(m.referenceIndex());
            sb.append("| ").append(e.row().key().label().replace("|", "\\|")).append(" | ")
                    .append(m.runs().get(e.backend()).backend()).append(" | ").append(NumberText.sig(c.observed(), 6))
                    .append(" | ").append(NumberText.sig(r.observed(), 6)).append(" | ").append(rel(e.rel()))
                    .append(" | ").append(c.status() == r.status() ? "yes" : "**no**").append(" | ")
                    .append(ParityNotes.valueNote(e.row().key().id(), c.observed(), r.observed()).replace("|", "\\|"))
                    .append(" |\n");
        }
        sb.append('\n');
    }

    static Map<String, Object> json(Settings s, ParityMatrix m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "theorybench parity");
        root.put("command", s.command());
        root.put("seed", s.seed());
        root.put("quick", s.quick());
        root.put("selection", s.selection());
        root.put("reference", m.referenceName());
        root.put("summary", summaryLine(m));
        List<Map<String, Object>> backends = new ArrayList<>();
        for (BackendRun r : m.runs()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("backend", r.backend());
            b.put("description", r.description());
            b.put("wallSeconds", r.wallSeconds());
            b.put("checkSeconds", new java.util.TreeMap<>(r.checkSeconds()));
            backends.add(b);
        }
        root.put("backends", backends);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ParityMatrix.Row row : m.rows()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", row.key().id());
            o.put("criterion", row.key().criterion());
            o.put("keyed", row.key().keyed());
            o.put("role", row.key().role().label());
            o.put("seed", row.key().seed());
            o.put("sizes", row.key().sizes());
            o.put("occurrence", row.key().occurrence());
            o.put("statusesEqual", row.statusesEqual());
            Map<String, Object> cells = new LinkedHashMap<>();
            for (int b = 0; b < m.runs().size(); b++) {
                ParityMatrix.Cell c = row.cells().get(b);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("status", c.status() == null ? "missing" : c.status().label());
                cell.put("observed", finite(c.observed()));
                cell.put("relativeDifference", finite(row.relDiff()[b]));
                if (c.verdict() == null) {
                    cell.put("missing", c.missing());
                }
                cells.put(m.runs().get(b).backend(), cell);
            }
            o.put("backends", cells);
            rows.add(o);
        }
        root.put("rows", rows);
        root.put("differences", m.differences().stream().map(d -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("row", d.row().key().label());
            o.put("backend", d.backend());
            o.put("explanation", d.explanation());
            o.put("open", d.open());
            return o;
        }).toList());
        root.put("machine", RunInfo.machine());
        return root;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
