package io.github.theorybench.parity;

import java.util.Map;

/**
 * Explanations of status differences between backends that were investigated and are not defects, by criterion
 * ("ID/criterion", the criterion being the row's key or its display label). Each names the numbers that explain it
 * (conditioning, a tolerance). A difference without a note here and not borderline ({@link ParityMatrix#BORDERLINE_MARGIN})
 * is reported as open.
 */
public final class ParityNotes {
    private ParityNotes() {
    }

    public static final Map<String, String> NOTES = Map.of();
}
