package io.github.theorybench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every claim ID of ../shared/CLAIMS.md with its kind, one-line statement, source seed file, hypothesis predicate in
 * words, control and thresholds. The single list the CLI's {@code --list}, {@code --only}, {@code explain} and the
 * reports use. Each family declares its own entries ({@link ClaimFamily#entries()}); this class gathers them in
 * {@link ClaimRegistry#families()} order.
 */
public final class ClaimCatalog {
    public static final String NOTES_000 = "000_ddbc9886f8669f64.txt";
    public static final String NOTES_001 = "001_0eca414dd9b88dfc.txt";
    public static final String NOTES_002 = "002_d419add4266800f0.txt";
    public static final String NOTES_003 = "003_e3d7742aedb82e06.txt";
    public static final String NOTES_004 = "004_90acb96d7f6e165f.txt";

    /**
     * One catalogue entry. {@code hypothesis} states the claim's hypothesis predicate in words (Trust rule 1),
     * {@code control} what its control runs and why it must fail, {@code thresholds} the numbers a verdict is judged
     * by, marking the calibrated ones.
     */
    public record Entry(String id, String family, ClaimKind kind, String statement, String source, String hypothesis,
            String control, String thresholds) {
        public static Entry of(String id, ClaimKind kind, String statement, String source) {
            return new Entry(id, id.substring(0, id.indexOf('-')), kind, statement, source, "", "", "");
        }

        public Entry hypothesis(String h) {
            return new Entry(id, family, kind, statement, source, h, control, thresholds);
        }

        public Entry control(String c) {
            return new Entry(id, family, kind, statement, source, hypothesis, c, thresholds);
        }

        public Entry thresholds(String t) {
            return new Entry(id, family, kind, statement, source, hypothesis, control, t);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        for (ClaimFamily f : ClaimRegistry.families()) {
            for (Entry e : f.entries()) {
                if (!e.family().equals(f.name())) {
                    throw new IllegalStateException(e.id() + " listed under family " + f.name());
                }
                if (ENTRIES.put(e.id(), e) != null) {
                    throw new IllegalStateException("claim ID " + e.id() + " listed twice");
                }
            }
        }
    }

    private ClaimCatalog() {
    }

    public static List<Entry> entries() {
        return new ArrayList<>(ENTRIES.values());
    }

    public static boolean contains(String id) {
        return ENTRIES.containsKey(id);
    }

    public static Entry entry(String id) {
        Entry e = ENTRIES.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown claim ID '" + id + "'");
        }
        return e;
    }

    public static ClaimKind kind(String id) {
        return entry(id).kind();
    }

    public static String statement(String id) {
        Entry e = ENTRIES.get(id);
        return e == null ? "" : e.statement();
    }

    /**
     * IDs matching a comma-separated selection of IDs and globs ({@code LAZY-1,PWR-*}). Unknown IDs and globs that
     * match nothing are errors naming the offending item.
     */
    public static List<String> select(String selection) {
        List<String> out = new ArrayList<>();
        for (String raw : selection.split(",", -1)) {
            String item = raw.trim().toUpperCase(java.util.Locale.ROOT);
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty item in claim selection '" + selection + "'");
            }
            if (!item.matches("[A-Z0-9*?\\-]+")) {
                throw new IllegalArgumentException("bad claim pattern '" + raw.trim()
                        + "': use IDs like LAZY-1 and globs like PWR-*");
            }
            if (item.contains("*") || item.contains("?")) {
                Pattern p = Pattern.compile(item.replace("-", "\\-").replace("?", ".").replace("*", ".*"));
                List<String> hits = ENTRIES.keySet().stream().filter(id -> p.matcher(id).matches()).toList();
                if (hits.isEmpty()) {
                    throw new IllegalArgumentException("claim pattern '" + raw.trim() + "' matches no claim ID");
                }
                hits.stream().filter(h -> !out.contains(h)).forEach(out::add);
            } else {
                if (!ENTRIES.containsKey(item)) {
                    throw new IllegalArgumentException("unknown claim ID '" + raw.trim()
                            + "' (see 'theorybench claims --list')");
                }
                if (!out.contains(item)) {
                    out.add(item);
                }
            }
        }
        return out;
    }
}
