package io.github.theorybench.sweep;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} ({@code --shard k/N}, 1 ≤ k ≤ N): the seeds of a range taken round-robin, seed s
 * belonging to shard 1 + ((s − first) mod N). The shares are disjoint, cover the range, and depend on nothing but
 * (k, N, range), so N machines given k = 1..N run every seed exactly once and {@code theorybench merge} rebuilds the
 * single run.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard index out of range: " + index + "/" + count
                    + " (need 1 <= k <= N)");
        }
    }

    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard needs k/N with 1 <= k <= N (e.g. 2/8), got '" + t + "'");
        }
        try {
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + t + ": number out of range");
        }
    }

    public boolean owns(SeedRange range, long seed) {
        return range.contains(seed) && (seed - range.first()) % count == index - 1;
    }

    /** This shard's seeds of {@code range}, ascending. */
    public List<Long> seeds(SeedRange range) {
        return range.seeds().stream().filter(s -> owns(range, s)).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
