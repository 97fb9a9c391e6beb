package io.github.theorybench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One seed block: every row the chosen checks produced with base seed {@code seed}, reduced to what a sweep judges
 * (criterion, status, statistic, threshold). Written once per block to {@code blocks/seed-N.json}; the sweep's pages
 * are computed from these files alone, so a resumed, sharded or merged sweep renders the same bytes as a single run.
 */
public record Block(long seed, String backendDescription, List<Row> rows) {
    public Block {
        rows = List.copyOf(rows);
    }

    /**
     * One verdict row. {@code key} is the criterion's camelCase key, empty for checks not yet converted to criteria
     * (then {@code check}, the display label, names the criterion); {@code margin} is {@link Verdict#margin()}.
     */
    public record Row(String id, String key, String check, String role, String kind, String status,
            boolean hypothesisMet, boolean holds, double observed, double bound, double windowLow, double windowHigh,
            double margin, long rowSeed, String error) {

        public static Row of(Verdict v) {
            return new Row(v.id(), v.key(), v.check(), v.role().label(), v.kind().label(), v.status().label(),
                    v.hypothesisMet(), v.holds(), v.observed(), v.bound(), v.windowLow(), v.windowHigh(), v.margin(),
                    v.seed(), v.error());
        }

        public Verdict.Status statusValue() {
            for (Verdict.Status s : Verdict.Status.values()) {
                if (s.label().equals(status)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown status '" + status + "'");
        }

        /** The name the sweep counts this row under: its key, or its display label before conversion. */
        public String criterionName() {
            return key.isEmpty() ? check : key;
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("backend", backendDescription);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", r.id());
            x.put("key", r.key());
            x.put("check", r.check());
            x.put("role", r.role());
            x.put("kind", r.kind());
            x.put("status", r.status());
            x.put("hypothesisMet", r.hypothesisMet());
            x.put("holds", r.holds());
            x.put("observed", num(r.observed()));
            x.put("bound", num(r.bound()));
            x.put("windowLow", num(r.windowLow()));
            x.put("windowHigh", num(r.windowHigh()));
            x.put("margin", num(r.margin()));
            x.put("rowSeed", r.rowSeed());
            x.put("error", r.error());
            rs.add(x);
        }
        m.put("rows", rs);
        return m;
    }

    static Block fromJson(JsonNode n) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode x : n.path("rows")) {
            rows.add(new Row(x.path("id").asText(), x.path("key").asText(), x.path("check").asText(),
                    x.path("role").asText(), x.path("kind").asText(), x.path("status").asText(),
                    x.path("hypothesisMet").asBoolean(), x.path("holds").asBoolean(), dbl(x, "observed"),
                    dbl(x, "bound"), dbl(x, "windowLow"), dbl(x, "windowHigh"), dbl(x, "margin"),
                    x.path("rowSeed").asLong(), x.hasNonNull("error") ? x.get("error").asText() : null));
        }
        if (!n.hasNonNull("seed")) {
            throw new IllegalArgumentException("block without a seed");
        }
        return new Block(n.get("seed").asLong(), n.path("backend").asText(), rows);
    }

    /** JSON has no NaN or infinities: those are written as the strings "NaN", "Infinity", "-Infinity". */
    static Object num(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    private static double dbl(JsonNode x, String field) {
        JsonNode v = x.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.doubleValue();
    }
}
