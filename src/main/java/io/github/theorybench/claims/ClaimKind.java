package io.github.theorybench.claims;

/** Kinds of claim (CLAIMS.md, "Kinds of claim"). */
public enum ClaimKind {
    /** An inequality or identity with explicit constants; slack = observed / bound, max over time. */
    EXACT,
    /** A rate with an unspecified constant; observed = fitted log-log exponent, checked against a window. */
    SCALING,
    /** A qualitative behaviour with thresholds from CLAIMS.md. */
    PHENOMENON;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
