package io.github.theorybench.claims.support;

import java.util.Locale;

/**
 * The one number format of the claims: every detail string, table cell and figure label goes through here, so the
 * same number reads the same everywhere and never depends on the JVM's locale.
 */
public final class NumberText {
    private NumberText() {
    }

    /** {@link String#format} in {@link Locale#ROOT}. */
    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** {@code digits} significant digits ({@code %.Ng}): 0.00224, 4.56, 2.59e+05. */
    public static String sig(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    /** Three significant digits, the default for table cells. */
    public static String sig3(double v) {
        return sig(v, 3);
    }

    /** {@code decimals} digits after the point ({@code %.Nf}). */
    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Scientific notation with {@code digits} after the point ({@code %.Ne}): 1.0e-12. */
    public static String sci(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "e", v);
    }
}
