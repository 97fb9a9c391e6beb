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

    /**
     * Why a claim's observed values differ between backends by more than round-off, by claim ID, for the "largest
     * differences" table (statuses equal). Investigated from {@code theorybench parity --quick} (seed 1).
     */
    public static final Map<String, String> VALUE_NOTES = Map.of(
            "MEM-1", "interpolationResidual is itself a round-off measure, |f(x_i) − y_i| over the a-priori "
                    + "rounding bound 10ε Σ_j |A_ij||w_j|: its value is whatever the backend's summation order leaves, "
                    + "so backends differ by O(1) relative while every value stays far below the bound 1 (parity "
                    + "--quick, seed 1: 0.013 to 0.066 over 24 rows and 4 backends)");

    /** Values below this (on both backends) are round-off of a quantity that is zero in exact arithmetic. */
    public static final double ROUNDOFF_LEVEL = 1e-12;

    /** The explanation shown beside a row's value difference: round-off level, a note for its claim, or none (""). */
    public static String valueNote(String id, double observed, double reference) {
        if (Math.max(Math.abs(observed), Math.abs(reference)) < ROUNDOFF_LEVEL) {
            return "round-off level (both below 1e-12: zero in exact arithmetic)";
        }
        return VALUE_NOTES.getOrDefault(id, "");
    }
}
