package io.github.theorybench.report;

import io.github.theorybench.claims.ClaimCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claim IDs a test display name, figure name or figure title starts with: "LAZY-1 …" → LAZY-1; "LAZY-1/2: …" →
 * LAZY-1, LAZY-2; "LAZY-4, 7, 8 …" → LAZY-4, 7, 8; "DLN-1..4 …" → DLN-1 to DLN-4; "ntk2-kernel-error" → NTK-2. Only
 * IDs in the catalogue are returned, in the order written.
 */
public final class IdRefs {
    private static final Pattern FIRST = Pattern.compile("\\s*([A-Za-z]+)-?(\\d+)(?![\\d.]\\d)");
    private static final Pattern NEXT = Pattern.compile(
            "\\s*(,|/|\\.\\.|&|and\\b)\\s*(?:([A-Za-z]+)-)?(\\d+)(?![\\d.]\\d)(?![A-Za-z])");
    /** A range "A..B" longer than this is not read as a list of IDs. */
    private static final int MAX_RANGE = 20;

    private IdRefs() {
    }

    /** The catalogue IDs {@code text} starts with (empty if it starts with none). */
    public static List<String> leading(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = FIRST.matcher(text);
        if (!m.lookingAt()) {
            return out;
        }
        String family = m.group(1).toUpperCase(Locale.ROOT);
        int last = Integer.parseInt(m.group(2));
        add(out, family, last);
        Matcher n = NEXT.matcher(text).region(m.end(), text.length());
        while (n.lookingAt()) {
            if (n.group(2) != null) {
                family = n.group(2).toUpperCase(Locale.ROOT);
            }
            int k = Integer.parseInt(n.group(3));
            if (n.group(1).equals("..") && k > last && k - last <= MAX_RANGE) {
                for (int j = last + 1; j <= k; j++) {
                    add(out, family, j);
                }
            } else {
                add(out, family, k);
            }
            last = k;
            n.region(n.end(), text.length());
        }
        return out;
    }

    private static void add(List<String> out, String family, int number) {
        String id = family + "-" + number;
        if (ClaimCatalog.contains(id) && !out.contains(id)) {
            out.add(id);
        }
    }
}
