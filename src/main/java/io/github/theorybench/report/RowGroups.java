package io.github.theorybench.report;

import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one criterion in one line: "✅ 1.000 vs ≤ 1" for a single row, "✅×20 observed 1.1e−16 to 3.2e−15 vs ≤
 * 1e−10" for many. Rows of checks without criterion keys are grouped by their display label instead.
 */
final class RowGroups {
    private RowGroups() {
    }

    /** The rows judged by {@code c} (rows without a key belong to no criterion). */
    static List<Verdict> of(Criterion c, List<Verdict> verdicts) {
        return verdicts.stream().filter(v -> judgedBy(v, c)).toList();
    }

    /** Whether {@code v} is a row of {@code c}; never builds a criterion from an unkeyed row. */
    static boolean judgedBy(Verdict v, Criterion c) {
        return v.id().equals(c.id()) && v.key().equals(c.key()) && v.role() == c.role();
    }

    /** {@code rows} grouped by criterion (or display label where unkeyed) and role, in first-seen order. */
    static Map<String, List<Verdict>> byCriterion(List<Verdict> rows) {
        Map<String, List<Verdict>> out = new LinkedHashMap<>();
        for (Verdict v : rows) {
            out.computeIfAbsent(IdSummary.label(v) + " (" + v.role().label() + ")", k -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** One line for {@code rows} (all of one criterion): statuses, observed value(s), threshold(s). */
    static String describe(List<Verdict> rows) {
        if (rows.isEmpty()) {
            return "no row in this run";
        }
        if (rows.size() == 1) {
            Verdict v = rows.get(0);
            return v.status().icon() + " " + (v.error() != null ? "error: " + v.error()
                    : Threshold.observedAgainst(v));
        }
        Map<Verdict.Status, Integer> counts = new EnumMap<>(Verdict.Status.class);
        rows.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        List<String> icons = new ArrayList<>();
        counts.forEach((s, n) -> icons.add(s.icon() + "×" + n));
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Verdict v : rows) {
            if (!Double.isNaN(v.observed())) {
                lo = Math.min(lo, v.observed());
                hi = Math.max(hi, v.observed());
            }
        }
        StringBuilder sb = new StringBuilder(String.join(" ", icons));
        if (lo <= hi) {
            sb.append(" observed ").append(lo == hi ? ClaimsMarkdown.fmt(lo)
                    : ClaimsMarkdown.fmt(lo) + " to " + ClaimsMarkdown.fmt(hi));
        }
        List<String> thresholds = rows.stream().map(Threshold::text).filter(t -> !t.isEmpty()).distinct().toList();
        if (thresholds.size() == 1) {
            sb.append(thresholds.get(0).startsWith("vs") ? " " : " vs ").append(thresholds.get(0));
        } else if (thresholds.size() > 1) {
            sb.append(" (thresholds differ by row)");
        }
        return sb.toString();
    }
}
