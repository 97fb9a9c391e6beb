package io.github.theorybench.report;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.Erratum;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One family's page ({@code lazy.md}, …): per claim ID its statement, hypothesis, control, thresholds, calibrated
 * numbers, errors in the notes, findings, the full verdict table with details, its tables and plots; then the
 * family's tables and plots tied to no single ID. Each ID's section is headed by the bare ID, so its anchor is the
 * lower-cased ID ({@code lazy.md#lazy-1}).
 */
final class FamilyPage {
    private FamilyPage() {
    }

    static String render(ReportContent c, ClaimFamily f) {
        List<String> ids = f.entries().stream().map(ClaimCatalog.Entry::id).filter(c.ids()::contains).toList();
        List<Verdict> rows = c.verdicts().stream().filter(v -> ids.contains(v.id())).toList();
        StringBuilder sb = new StringBuilder("# ").append(f.name()).append(" — ").append(f.title()).append("\n\n");
        sb.append("[← index](README.md) · ").append(ClaimsReport.summaryLine(rows)).append(". Rerun the family: `")
                .append(ClaimsMarkdown.rerun("'" + f.name() + "-*'", c.settings())).append("`.\n\n")
                .append(ClaimsMarkdown.legend()).append(".\n\n| ID | kind | claim | rows |\n|---|---|---|---|\n");
        for (String id : ids) {
            IdSummary s = IdSummary.of(id, c.verdicts());
            ClaimCatalog.Entry e = c.entry(id);
            sb.append("| [").append(id).append("](#").append(id.toLowerCase(java.util.Locale.ROOT)).append(") | ")
                    .append(e == null ? "" : e.kind().label()).append(" | ")
                    .append(e == null ? "" : ClaimsMarkdown.cell(e.statement())).append(" | ").append(s.icons())
                    .append(" |\n");
        }
        sb.append('\n');
        for (String id : ids) {
            section(sb, c, f, id);
        }
        List<Table> tables = c.familyTables(f.name());
        List<ReportContent.PlacedFigure> figures = c.familyFigures(f.name());
        if (!tables.isEmpty() || !figures.isEmpty()) {
            sb.append("## Tables and plots of the family\n\n");
            tables.forEach(t -> ClaimsMarkdown.table(sb, t, "####"));
            figures.forEach(p -> image(sb, p));
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, ReportContent c, ClaimFamily f, String id) {
        ClaimCatalog.Entry e = c.entry(id);
        List<Verdict> rows = c.rows(id);
        sb.append("## ").append(id).append("\n\n");
        if (e != null) {
            sb.append("**").append(e.kind().label()).append("** · source `").append(e.source()).append("` · ")
                    .append(IdSummary.of(id, c.verdicts()).icons()).append(tests(c, id)).append("\n\n> ")
                    .append(ClaimsMarkdown.cell(e.statement())).append("\n\n");
            sb.append("- **Hypothesis:** ").append(orNotYet(e.hypothesis())).append('\n')
                    .append("- **Control:** ").append(orNotYet(e.control())).append('\n')
                    .append("- **Thresholds:** ").append(orNotYet(e.thresholds())).append('\n');
        }
        calibrations(sb, c, f, id);
        for (Erratum x : f.errata()) {
            if (x.id().equals(id)) {
                sb.append("- **Error in the notes:** printed ").append(ClaimsMarkdown.cell(x.printed()))
                        .append(" → corrected ").append(ClaimsMarkdown.cell(x.corrected())).append(". ")
                        .append(ClaimsMarkdown.cell(x.evidence())).append('\n');
            }
        }
        sb.append("- **Rerun:** `").append(ClaimsMarkdown.rerun(id, c.settings())).append("`\n\n");
        if (rows.isEmpty()) {
            sb.append("No rows in this run (no check registered for ").append(id).append(" yet).\n\n");
            return;
        }
        findings(sb, rows);
        verdictTable(sb, rows);
        ClaimsMarkdown.details(sb, rows, true);
        c.tablesOf(id).forEach(t -> ClaimsMarkdown.table(sb, t, "####"));
        c.figuresOf(id).forEach(p -> image(sb, p));
        String why = c.noFigure().get(id);
        if (why != null) {
            sb.append("_No plot: ").append(why).append("._\n\n");
        }
    }

    private static String orNotYet(String s) {
        return s == null || s.isBlank() ? "_not stated in the catalogue yet_" : ClaimsMarkdown.cell(s);
    }

    private static String tests(ReportContent c, String id) {
        List<String> ts = c.tests().getOrDefault(id, List.of());
        if (ts.isEmpty() || c.repoLink() == null) {
            return ts.isEmpty() ? " · no test names this ID yet" : "";
        }
        List<String> links = new ArrayList<>();
        for (String t : ts) {
            links.add("[" + t.substring(t.lastIndexOf('/') + 1).replace(".java", "") + "](" + c.testLink(t) + ")");
        }
        return " · tests: " + String.join(", ", links);
    }

    private static void calibrations(StringBuilder sb, ReportContent c, ClaimFamily f, String id) {
        for (Calibration k : f.calibrations()) {
            if (!k.criterion().id().equals(id)) {
                continue;
            }
            CalibrationCheck x = CalibrationCheck.of(k, c.verdicts());
            sb.append("- **Calibrated** ").append(ClaimsMarkdown.cell(k.quantity())).append(": CLAIMS.md ")
                    .append(ClaimsMarkdown.cell(k.calibrated())).append(", measured ").append(x.measuredText())
                    .append(" (").append(x.factorText()).append(')');
            if (!k.note().isBlank()) {
                sb.append(" — ").append(ClaimsMarkdown.cell(k.note()));
            } else if (x.flagged()) {
                sb.append(" — **no note yet**");
            }
            sb.append('\n');
        }
    }

    private static void findings(StringBuilder sb, List<Verdict> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Verdict v = rows.get(i);
            if (v.status() == Verdict.Status.VIOLATED) {
                sb.append("❌ **Finding (row ").append(i + 1).append(", `").append(IdSummary.label(v)).append("`):** ")
                        .append(v.finding().isBlank() ? "cause not recorded yet (Trust rule 4)."
                                : ClaimsMarkdown.cell(v.finding())).append("\n\n");
            } else if (!v.finding().isBlank()) {
                sb.append("Note on row ").append(i + 1).append(" (`").append(IdSummary.label(v)).append("`): ")
                        .append(ClaimsMarkdown.cell(v.finding())).append("\n\n");
            }
        }
    }

    private static void verdictTable(StringBuilder sb, List<Verdict> rows) {
        sb.append("| # | check | criterion | role | hypothesis met | observed | threshold | slack | margin | status |"
                + " seed | sizes | backend |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            Verdict v = rows.get(i);
            double m = Threshold.margin(v);
            String margin = Double.isFinite(m) ? (m > 0 ? "+" : m < 0 ? "−" : "") + ClaimsMarkdown.percent(
                    Math.abs(m)) : "–";
            sb.append("| ").append(i + 1).append(" | ").append(ClaimsMarkdown.cell(v.check())).append(" | ")
                    .append(v.key().isEmpty() ? "–" : "`" + v.key() + "`").append(" | ").append(v.role().label())
                    .append(" | ").append(v.hypothesisMet() ? "yes" : "**no**").append(" | ")
                    .append(ClaimsMarkdown.fmt(v.observed())).append(" | ").append(threshold(v)).append(" | ")
                    .append(ClaimsMarkdown.fmt(v.slack())).append(" | ").append(margin).append(" | ")
                    .append(ClaimsMarkdown.statusCell(v)).append(" | ").append(v.seed()).append(" | ")
                    .append(ClaimsMarkdown.cell(ClaimsMarkdown.sizes(v.sizes()))).append(" | ").append(v.backend())
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private static String threshold(Verdict v) {
        String t = Threshold.text(v);
        return t.isEmpty() ? "–" : t;
    }

    private static void image(StringBuilder sb, ReportContent.PlacedFigure p) {
        sb.append("![").append(ClaimsMarkdown.cell(p.figure().title()).replace("[", "(").replace("]", ")"))
                .append("](").append(p.file()).append(")\n\n");
    }

    static Map<String, String> pages(ReportContent c) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (ClaimFamily f : c.selectedFamilies()) {
            out.put(ReportContent.familyPage(f.name()), render(c, f));
        }
        return out;
    }
}
