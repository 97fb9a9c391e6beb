package io.github.theorybench.report;

import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown pieces every page shares (numbers, status icons, verdict tables, tables) and the flat verdict table
 * {@code claims.md}, kept for tools: one row per verdict, every column, no prose.
 */
final class ClaimsMarkdown {
    private ClaimsMarkdown() {
    }

    /** Four significant digits; scientific below 1e−3 and from 1e5; "–" for NaN. */
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

    /** A non-negative fraction as a percentage with two significant digits ("53%", "4.6%", "1.2e+03%"). */
    static String percent(double fraction) {
        double p = 100 * fraction;
        if (p >= 1e4) {
            return String.format(Locale.ROOT, "%.1e%%", p);
        }
        return p >= 10 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.2g%%", p);
    }

    /** Text safe inside a table cell: pipes escaped, one line. */
    static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** {@code s} cut to at most {@code max} characters at a word boundary, with "…" where it was cut. */
    static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s == null ? "" : s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }


    static String statusCell(Verdict v) {
        return v.status().icon() + " " + v.status().label();
    }

    /** The legend of the status icons, one line. */
    static String legend() {
        List<String> parts = new ArrayList<>();
        for (Verdict.Status s : Verdict.Status.values()) {
            parts.add(s.icon() + " " + s.label());
        }
        return String.join(" · ", parts);
    }

    static String sizes(Map<String, Object> sizes) {
        List<String> parts = new ArrayList<>();
        sizes.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** Bound with its window where one is set. */
    static String boundCell(Verdict v) {
        String bound = fmt(v.bound());
        if (!Double.isNaN(v.windowLow()) || !Double.isNaN(v.windowHigh())) {
            bound += " (window " + fmt(v.windowLow()) + "…" + fmt(v.windowHigh()) + ")";
        }
        return bound;
    }

    /** The rerun command for the rows of {@code id} in a run with these settings. */
    static String rerun(String id, ClaimsReport.RunSettings s) {
        return "bin/theorybench claims --only " + id + " --seed " + s.seed() + " --backend " + s.backend()
                + (s.quick() ? " --quick" : "");
    }

    /** A titled table with its note. */
    static void table(StringBuilder sb, Table t, String heading) {
        sb.append(heading).append(' ').append(cell(t.title())).append("\n\n| ")
                .append(String.join(" | ", t.header().stream().map(ClaimsMarkdown::cell).toList()))
                .append(" |\n|").append("---|".repeat(t.header().size())).append('\n');
        for (List<String> r : t.rows()) {
            sb.append("| ").append(String.join(" | ", r.stream().map(ClaimsMarkdown::cell).toList())).append(" |\n");
        }
        if (t.note() != null && !t.note().isBlank()) {
            sb.append('\n').append(t.note()).append('\n');
        }
        sb.append('\n');
    }

    /** Rows grouped by family, in the order given. */
    static Map<String, List<Verdict>> byFamily(List<Verdict> verdicts) {
        Map<String, List<Verdict>> out = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            out.computeIfAbsent(family(v.id()), k -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static String family(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    /** Details, errors, tolerances and measurements of {@code rows}, folded. */
    static void details(StringBuilder sb, List<Verdict> rows, boolean numbered) {
        boolean any = rows.stream().anyMatch(v -> !v.detail().isBlank() || v.error() != null
                || !v.measurements().isEmpty());
        if (!any) {
            return;
        }
        sb.append("<details><summary>details and measurements</summary>\n\n");
        for (int i = 0; i < rows.size(); i++) {
            Verdict v = rows.get(i);
            sb.append("- ").append(numbered ? (i + 1) + ". " : "**" + v.id() + "** ").append(cell(v.check()))
                    .append(": ").append(cell(v.detail()));
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
        sb.append("\n</details>\n\n");
    }

    /** {@code claims.md}: the summary line and one flat table per family, every row. */
    static String claimsPage(ClaimsReport.RunSettings s, List<Verdict> verdicts, List<Table> tables) {
        StringBuilder sb = new StringBuilder("# theorybench claims\n\n");
        sb.append(ClaimsReport.summaryLine(verdicts)).append(".\n\n");
        sb.append("Seed ").append(s.seed()).append(", backend ").append(s.backend()).append(s.quick()
                ? ", quick sizes" : ", the sizes CLAIMS.md gives").append(". `slack` = observed / bound (max over "
                + "time for exact claims; for scaling claims observed is the fitted exponent, bound the theorem's). "
                + "The pages for readers: [README.md](README.md) and one page per family.\n\n");
        for (Map.Entry<String, List<Verdict>> fam : byFamily(verdicts).entrySet()) {
            sb.append("## ").append(fam.getKey()).append("\n\n");
            flatTable(sb, fam.getValue());
            sb.append('\n');
            details(sb, fam.getValue(), false);
        }
        if (!tables.isEmpty()) {
            sb.append("## Tables\n\n");
            tables.forEach(t -> table(sb, t, "####"));
        }
        return sb.toString();
    }

    private static void flatTable(StringBuilder sb, List<Verdict> rows) {
        sb.append("| ID | check | key | kind | role | hypothesis met | observed | bound | slack | status | seed | sizes |"
                + " backend |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Verdict v : rows) {
            sb.append("| ").append(v.id()).append(" | ").append(cell(v.check())).append(" | ").append(v.key())
                    .append(" | ").append(v.kind().label()).append(" | ").append(v.role().label()).append(" | ")
                    .append(v.hypothesisMet() ? "yes" : "**no**").append(" | ").append(fmt(v.observed()))
                    .append(" | ").append(boundCell(v)).append(" | ").append(fmt(v.slack())).append(" | ")
                    .append(statusCell(v)).append(" | ").append(v.seed()).append(" | ").append(cell(sizes(v.sizes())))
                    .append(" | ").append(v.backend()).append(" |\n");
        }
    }
}
