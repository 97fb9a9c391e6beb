package io.github.theorybench.claims;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one criterion a check judges: the claim ID, a camelCase key unique within that ID, and the row's role.
 * Every row of one criterion is decided by the same rule (a check may apply it to several instances and seeds), so
 * the key is what tests look verdicts up by, what a seed sweep counts pass rates of, and what {@code claims.json}
 * names the row. Checks declare theirs as constants, e.g.
 * {@code static final Criterion RESIDUAL_DECAY = Criterion.claim("LSQ-1", "residualDecay");}.
 */
public record Criterion(String id, String key, Verdict.Role role) {
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");

    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (key == null || !CAMEL.matcher(key).matches()) {
            throw new IllegalArgumentException("criterion key must be camelCase, got '" + key + "' for " + id);
        }
    }

    /** The claim's own check. */
    public static Criterion claim(String id, String key) {
        return new Criterion(id, key, Verdict.Role.CLAIM);
    }

    /** A control: the claim's own statistic on an instance or ablation where the theory predicts failure. */
    public static Criterion control(String id, String key) {
        return new Criterion(id, key, Verdict.Role.CONTROL);
    }

    /** A row on an instance outside the claim's hypothesis, reported for what it shows. */
    public static Criterion exploratory(String id, String key) {
        return new Criterion(id, key, Verdict.Role.EXPLORATORY);
    }

    @Override
    public String toString() {
        return id + "/" + key + " (" + role.label() + ")";
    }
}
