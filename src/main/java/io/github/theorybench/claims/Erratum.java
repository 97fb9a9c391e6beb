package io.github.theorybench.claims;

/**
 * A statement of the notes that fails as printed while a corrected one holds (issue "Errors in the notes"): the
 * report's section of that name prints each with the rows that show it.
 *
 * @param id the claim ID
 * @param printed the statement as the seed file prints it (with the file's words or formula)
 * @param corrected the corrected statement the project checks
 * @param printedRows the rows that run the printed form (violated, each with its finding)
 * @param correctedRows the rows that run the corrected form (holding)
 * @param evidence one or two sentences: the derivation or ablation that shows which is right
 */
public record Erratum(String id, String printed, String corrected, Criterion printedRows, Criterion correctedRows,
        String evidence) {
}
