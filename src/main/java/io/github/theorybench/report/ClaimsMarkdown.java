package io.github.theorybench.report;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown pages of a claims run: the verdict table (claims.md) and the index (README.md). */
final class ClaimsMarkdown {
    private ClaimsMarkdown() {
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    static String statusCell(Verdict v) {
        return switch (v.status()) {
            case HOLDS -> "✅ holds";
            case HYPOTHESIS_NOT_MET -> "⚪ hypothesis not met";
            case VIOLATED -> "❌ violated";
            case CONTROL_BIT -> "🦷 control bit";
            case CONTROL_DID_NOT_BITE -> "⚠️ control did not bite";
            case EXPLORATORY -> "🔭 exploratory";
            case ERROR -> "💥 error";
        };
    }

    static String sizes(Map<String, Object> sizes) {
        List<String> parts = new ArrayList<>();
        sizes.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    static void verdictTable(StringBuilder sb, List<Verdict> rows, Map<String, String> tests) {
        sb.append("| ID | check | kind | role | hypothesis met | observed | bound | slack | status | seed | sizes |"
                + " backend |");
        if (tests != null) {
            sb.append(" test |");
        }
        sb.append('\n').append("|---|---|---|---|---|---|---|---|---|---|---|---|").append(tests != null ? "---|" : "")
                .append('\n');
        for (Verdict v : rows) {
            String bound = fmt(v.bound());
            if (!Double.isNaN(v.windowLow())) {
                bound += " (window " + fmt(v.windowLow()) + "…" + fmt(v.windowHigh()) + ")";
            }
            sb.append("| ").append(v.id()).append(" | ").append(cell(v.check())).append(" | ")
                    .append(v.kind().label()).append(" | ").append(v.role().label()).append(" | ")
                    .append(v.hypothesisMet() ? "yes" : "**no**").append(" | ").append(fmt(v.observed()))
                    .append(" | ").append(bound).append(" | ").append(fmt(v.slack())).append(" | ")
                    .append(statusCell(v)).append(" | ").append(v.seed()).append(" | ").append(cell(sizes(v.sizes())))
                    .append(" | ").append(v.backend()).append(" |");
            if (tests != null) {
                String t = tests.get(v.id());
                sb.append(t == null ? " – |" : " [" + t.substring(t.lastIndexOf('/') + 1) + "](../" + t + ") |");
            }
            sb.append('\n');
        }
    }

    static void table(StringBuilder sb, Table t) {
        sb.append("#### ").append(cell(t.title())).append("\n\n| ").append(String.join(" | ", t.header()))
                .append(" |\n|").append("---|".repeat(t.header().size())).append('\n');
        for (List<String> r : t.rows()) {
            sb.append("| ").append(String.join(" | ", r.stream().map(ClaimsMarkdown::cell).toList())).append(" |\n");
        }
        if (t.note() != null && !t.note().isBlank()) {
            sb.append('\n').append(t.note()).append('\n');
        }
        sb.append('\n');
    }

    static Map<String, List<Verdict>> byFamily(List<Verdict> verdicts) {
        Map<String, List<Verdict>> out = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            String fam = v.id().substring(0, v.id().indexOf('-'));
            out.computeIfAbsent(fam, k -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static void details(StringBuilder sb, List<Verdict> rows) {
        boolean any = rows.stream().anyMatch(v -> !v.detail().isBlank() || v.error() != null
                || !v.measurements().isEmpty());
        if (!any) {
            return;
        }
        sb.append("\n<details><summary>details and measurements</summary>\n\n");
        for (Verdict v : rows) {
            sb.append("- **").append(v.id()).append("** ").append(cell(v.check())).append(": ")
                    .append(cell(v.detail()));
            if (v.error() != null) {
                sb.append(" — error: `").append(cell(v.error())).append('`');
            }
            if (!Double.isNaN(v.tolerance())) {
                sb.append(" (tolerance ").append(fmt(v.tolerance())).append(')');
            }
            if (!v.measurements().isEmpty()) {
                List<String> ms = new ArrayList<>();
                v.measurements().forEach((k, x) -> ms.add(k + " = " + fmt(x)));
                sb.append(" — ").append(String.join("; ", ms));
            }
            sb.append('\n');
        }
        sb.append("\n</details>\n");
    }

    static String claimsPage(ClaimsReport.RunSettings s, List<Verdict> verdicts, List<Table> tables) {
        StringBuilder sb = new StringBuilder("# theorybench claims\n\n");
        sb.append(ClaimsReport.summaryLine(verdicts)).append(".\n\n");
        sb.append("Seed ").append(s.seed()).append(", backend ").append(s.backend()).append(s.quick()
                ? ", quick sizes" : ", the sizes CLAIMS.md gives").append(". `slack` = observed / bound (max over "
                + "time for exact claims; for scaling claims observed is the fitted exponent, bound the theorem's).\n\n");
        for (Map.Entry<String, List<Verdict>> fam : byFamily(verdicts).entrySet()) {
            sb.append("## ").append(fam.getKey()).append("\n\n");
            verdictTable(sb, fam.getValue(), null);
            details(sb, fam.getValue());
            sb.append('\n');
        }
        if (!tables.isEmpty()) {
            sb.append("## Tables\n\n");
            tables.forEach(t -> table(sb, t));
        }
        return sb.toString();
    }

    static String indexPage(ClaimsReport.RunSettings s, List<ClaimsRun.Outcome> outcomes, List<Verdict> verdicts,
            List<Figure> figures, Map<String, String> figureFiles, List<Table> tables, Map<String, String> tests,
            double wallSeconds, boolean hasBench, Map<String, String> profiles) {
        StringBuilder sb = new StringBuilder("# theorybench report\n\n");
        sb.append("**").append(ClaimsReport.summaryLine(verdicts)).append(".**\n\n");
        sb.append("Produced by `").append(s.command()).append("` — seed ").append(s.seed()).append(", backend `")
                .append(s.backend()).append("` (").append(s.backendDescription()).append(")")
                .append(s.quick() ? ", quick sizes" : ", the sizes CLAIMS.md gives")
                .append(String.format(Locale.ROOT, ", wall time %.1f s.", wallSeconds)).append("\n\n");
        sb.append("Machine: ");
        List<String> m = new ArrayList<>();
        RunInfo.machine().forEach((k, v) -> m.add(k + " " + v));
        sb.append(String.join("; ", m)).append(".  \nLibraries: ");
        List<String> l = new ArrayList<>();
        RunInfo.libraries().forEach((k, v) -> l.add(k + " " + v));
        sb.append(String.join(", ", l)).append(".\n\n");
        sb.append("Machine-readable: [claims.json](claims.json); the same table flat: [claims.md](claims.md)");
        if (hasBench) {
            sb.append("; backend benchmarks: [bench/README.md](bench/README.md)");
        }
        sb.append(".\n\n");
        sb.append("How to read a row: *observed* is the measured quantity, *bound* the theorem's (for scaling claims, "
                + "the theorem's exponent and the accepted window), *slack* = observed / bound. *hypothesis met* says "
                + "whether the instance satisfies the claim's hypothesis; a conclusion checked without it is reported "
                + "as \"hypothesis not met\", never as a pass. Rows with role *control* are teeth checks: the same "
                + "check on an instance or bound where it must report a violation (\"control bit\").\n\n");
        findings(sb, verdicts);
        Map<String, List<Figure>> figsByFamily = new LinkedHashMap<>();
        for (Figure f : figures) {
            // the family is the figure name's leading letters ("LAZY-1-risk", "ntk2-kernel-error" -> LAZY, NTK)
            String fam = f.name().replaceFirst("^([A-Za-z]+).*$", "$1");
            figsByFamily.computeIfAbsent(fam.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Verdict>> fam : byFamily(verdicts).entrySet()) {
            sb.append("## ").append(fam.getKey()).append("\n\n");
            fam.getValue().stream().map(Verdict::id).distinct().forEach(id -> sb.append("- **").append(id)
                    .append("** ").append(cell(ClaimCatalog.statement(id))).append(" _(")
                    .append(ClaimCatalog.contains(id) ? ClaimCatalog.entry(id).source() : "").append(")_\n"));
            sb.append('\n');
            verdictTable(sb, fam.getValue(), tests);
            details(sb, fam.getValue());
            for (Table t : tables) {
                if (t.name().toUpperCase(Locale.ROOT).startsWith(fam.getKey())) {
                    sb.append('\n');
                    table(sb, t);
                }
            }
            for (Figure f : figsByFamily.getOrDefault(fam.getKey(), List.of())) {
                sb.append("\n![").append(cell(f.title())).append("](").append(figureFiles.get(f.name())).append(")\n");
            }
            sb.append('\n');
        }
        boolean linked = !profiles.isEmpty(); // issue 16: a profile column only when profiles exist
        sb.append("## Time per check\n\n| check | IDs | seconds |").append(linked ? " profile |" : "")
                .append("\n|---|---|---|").append(linked ? "---|" : "").append('\n');
        for (ClaimsRun.Outcome o : outcomes) {
            sb.append("| ").append(o.checkName()).append(" | ").append(String.join(", ", o.ids())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", o.seconds())).append(" |")
                    .append(linked ? " " + ProfileLinks.cell(profiles.get(o.checkName())) + " |" : "").append('\n');
        }
        sb.append(linked ? ProfileLinks.NOTE : "");
        List<String> missing = ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id)
                .filter(id -> verdicts.stream().noneMatch(v -> v.id().equals(id))).toList();
        if (!missing.isEmpty()) {
            sb.append("\nNot in this report (no check registered or not selected): ").append(String.join(", ",
                    missing)).append(".\n");
        }
        return sb.toString();
    }

    /** The rows a reader must not miss: claims violated on an honest instance, controls that did not bite, errors. */
    static void findings(StringBuilder sb, List<Verdict> verdicts) {
        List<Verdict> hits = verdicts.stream().filter(v -> v.status().needsAttention()).toList();
        sb.append("## Findings\n\n");
        if (hits.isEmpty()) {
            sb.append("None: every claim row held or its hypothesis was not met, and every control bit.\n\n");
            return;
        }
        sb.append("Rows where a claim did not hold as stated on an honest instance (details in the family sections):\n\n");
        for (Verdict v : hits) {
            sb.append("- ").append(statusCell(v)).append(" **").append(v.id()).append("** ").append(cell(v.check()))
                    .append(" — observed ").append(fmt(v.observed())).append(" vs bound ").append(fmt(v.bound()))
                    .append(", seed ").append(v.seed()).append(", ").append(sizes(v.sizes())).append(": ")
                    .append(cell(v.error() != null ? v.error() : v.detail())).append('\n');
        }
        sb.append('\n');
    }
}
