package io.github.theorybench.report;

import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One claim ID at a glance: how many of its rows have each status, and its headline row — the claim row (hypothesis
 * met) nearest to failing, i.e. with the largest {@link Threshold#margin}: a violated row if there is one, else the
 * tightest pass.
 */
public record IdSummary(String id, List<Verdict> rows, Map<Verdict.Status, Integer> counts, Verdict headline) {

    public static IdSummary of(String id, List<Verdict> all) {
        List<Verdict> rows = all.stream().filter(v -> v.id().equals(id)).toList();
        Map<Verdict.Status, Integer> counts = new EnumMap<>(Verdict.Status.class);
        rows.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        return new IdSummary(id, rows, counts, headline(rows));
    }

    /** The per-ID summaries of {@code ids}, in that order. */
    public static Map<String, IdSummary> of(List<String> ids, List<Verdict> all) {
        Map<String, IdSummary> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, of(id, all)));
        return out;
    }

    static Verdict headline(List<Verdict> rows) {
        List<Verdict> judged = rows.stream().filter(v -> v.role() == Verdict.Role.CLAIM && v.error() == null
                && v.hypothesisMet()).toList();
        if (judged.isEmpty()) {
            return rows.stream().filter(v -> v.error() != null).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0));
        }
        Comparator<Verdict> byStatus = Comparator.comparing(v -> v.status() == Verdict.Status.VIOLATED ? 0 : 1);
        Comparator<Verdict> byMargin = Comparator.comparingDouble(v -> {
            double m = Threshold.margin(v);
            return Double.isNaN(m) ? Double.POSITIVE_INFINITY : -m;
        });
        return judged.stream().sorted(byStatus.thenComparing(byMargin)).findFirst().orElseThrow();
    }

    /** The status counts as icons, e.g. "✅×10 🦷×2" ("–" when the ID has no row). */
    public String icons() {
        if (counts.isEmpty()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(s.icon() + "×" + n));
        return String.join(" ", parts);
    }

    /** Rows that need a reader's attention: violated claims, toothless controls, errors. */
    public int attention() {
        return counts.entrySet().stream().filter(e -> e.getKey().needsAttention()).mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** The headline as "`key` observed vs threshold" (empty when the ID has no row). */
    public String headlineText() {
        if (headline == null) {
            return "";
        }
        if (headline.error() != null) {
            return "💥 " + ClaimsMarkdown.cell(headline.error());
        }
        return "`" + label(headline) + "` " + Threshold.observedAgainst(headline);
    }

    /** Slack for a bound, the fitted exponent for a scaling claim ("exponent −0.50"), else "–". */
    public String slackOrExponent() {
        if (headline == null || headline.error() != null) {
            return "–";
        }
        boolean window = Threshold.direction(headline) == Threshold.Direction.WINDOW;
        if (headline.kind() == ClaimKind.SCALING && (window || label(headline).toLowerCase(java.util.Locale.ROOT)
                .matches(".*(slope|exponent).*"))) {
            return "exponent " + ClaimsMarkdown.fmt(headline.observed());
        }
        if (window || Double.isNaN(headline.slack())) {
            return "–";
        }
        return "slack " + ClaimsMarkdown.fmt(headline.slack());
    }

    /** The headline's margin as a signed percentage: "−53%" (room left), "+46%" (beyond the threshold). */
    public String marginText() {
        double m = headline == null ? Double.NaN : Threshold.margin(headline);
        if (!Double.isFinite(m)) {
            return "–";
        }
        return (m > 0 ? "+" : m < 0 ? "−" : "") + ClaimsMarkdown.percent(Math.abs(m));
    }

    /** A row's criterion key, or its display label where the check has no keys yet. */
    static String label(Verdict v) {
        return v.key().isEmpty() ? v.check() : v.key();
    }
}
