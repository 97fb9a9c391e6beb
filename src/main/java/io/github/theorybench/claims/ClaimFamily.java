package io.github.theorybench.claims;

import java.util.List;

/**
 * One family of claims (CLAIMS.md's sections: LAZY, NTK, …): its catalogue entries and the checks that produce its
 * verdicts, both in report order. Adding a claim touches only the family's package.
 */
public interface ClaimFamily {
    /** The ID prefix, e.g. "LAZY". */
    String name();

    /** A few words for page titles, e.g. "lazy training (Chizat-Bach)". */
    String title();

    List<ClaimCatalog.Entry> entries();

    List<ClaimCheck> checks();

    /** CLAIMS.md's calibrated numbers for this family, each with the rows that measure it. */
    default List<Calibration> calibrations() {
        return List.of();
    }

    /** Statements of the notes that fail as printed while a corrected one holds. */
    default List<Erratum> errata() {
        return List.of();
    }
}
