package io.github.theorybench.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check hands to the report: verdict rows, figure data (rendered to PNG by the report layer), Markdown
 * tables, and exported instances (name → JSON-serializable object, written to reports/instances/NAME.json).
 */
public final class CheckResult {
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final Map<String, Object> instances = new LinkedHashMap<>();

    public CheckResult add(Verdict v) {
        verdicts.add(v);
        return this;
    }

    public CheckResult addAll(List<Verdict> vs) {
        verdicts.addAll(vs);
        return this;
    }

    public CheckResult figure(Figure f) {
        figures.add(f);
        return this;
    }

    public CheckResult table(Table t) {
        tables.add(t);
        return this;
    }

    public CheckResult instance(String name, Object data) {
        instances.put(name, data);
        return this;
    }

    public CheckResult merge(CheckResult other) {
        verdicts.addAll(other.verdicts);
        figures.addAll(other.figures);
        tables.addAll(other.tables);
        instances.putAll(other.instances);
        return this;
    }

    public List<Verdict> verdicts() {
        return Collections.unmodifiableList(verdicts);
    }

    public List<Figure> figures() {
        return Collections.unmodifiableList(figures);
    }

    public List<Table> tables() {
        return Collections.unmodifiableList(tables);
    }

    public Map<String, Object> instances() {
        return Collections.unmodifiableMap(instances);
    }

    /** The verdicts for one claim ID. */
    public List<Verdict> verdicts(String id) {
        return verdicts.stream().filter(v -> v.id().equals(id)).toList();
    }

    /** The single claim-role verdict for {@code id} with the given check name. */
    public Verdict verdict(String id, String check) {
        return verdicts.stream().filter(v -> v.id().equals(id) && v.check().equals(check)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no verdict " + id + " / " + check + " in " + verdicts
                        .stream().map(v -> v.id() + "/" + v.check()).toList()));
    }

    /** The rows judged by criterion {@code c}, in the order the check produced them. */
    public List<Verdict> verdicts(Criterion c) {
        return verdicts.stream().filter(v -> v.criterion().equals(c)).toList();
    }

    /** The single row judged by {@code c}; an error naming the rows there are when there is not exactly one. */
    public Verdict verdict(Criterion c) {
        List<Verdict> vs = verdicts(c);
        if (vs.size() != 1) {
            throw new IllegalStateException(vs.size() + " rows for " + c + "; criteria present: " + verdicts.stream()
                    .map(Verdict::criterion).distinct().toList());
        }
        return vs.get(0);
    }
}
