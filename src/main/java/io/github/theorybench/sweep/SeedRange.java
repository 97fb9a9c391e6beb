package io.github.theorybench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base seeds of a sweep, {@code first..last} inclusive: one seed block per base seed (a run of the chosen checks
 * with {@code --seed s}).
 */
public record SeedRange(long first, long last) {
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:\\.\\.(\\d+))?");
    /** More blocks than any sweep needs; a typo such as 1..20000000 is refused instead of running for weeks. */
    public static final long MAX_BLOCKS = 1_000_000;

    public SeedRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("seed range " + first + ".." + last + " is empty or reversed");
        }
    }

    /** Parses {@code FIRST..LAST} or a single seed {@code N}; one-line errors for anything else. */
    public static SeedRange parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = RANGE.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("--seeds needs FIRST..LAST with 0 <= FIRST <= LAST (e.g. 1..200), got '"
                    + t + "'");
        }
        long a, b;
        try {
            a = Long.parseLong(m.group(1));
            b = m.group(2) == null ? a : Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds " + t + ": seed out of range");
        }
        if (b < a) {
            throw new IllegalArgumentException("--seeds " + t + " is reversed (FIRST must be <= LAST)");
        }
        if (b - a >= MAX_BLOCKS) {
            throw new IllegalArgumentException("--seeds " + t + " asks for more than " + MAX_BLOCKS + " seed blocks");
        }
        return new SeedRange(a, b);
    }

    public long count() {
        return last - first + 1;
    }

    public boolean contains(long seed) {
        return seed >= first && seed <= last;
    }

    /** Every seed, ascending. */
    public List<Long> seeds() {
        List<Long> out = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            out.add(s);
        }
        return out;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
