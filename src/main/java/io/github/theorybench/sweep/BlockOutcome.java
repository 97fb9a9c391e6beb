package io.github.theorybench.sweep;

/**
 * How one criterion fared in one seed block (README "Seed sweeps" gives the rules). A claim criterion
 * <b>passes</b> in a block when no row of it whose hypothesis was met is violated and at least one row met its
 * hypothesis; it <b>fails</b> when one such row is violated. Rows with the hypothesis not met test nothing (Trust rule
 * 1), so a block whose rows all missed it is <b>not applicable</b> and left out of the rate. A control is <b>flagged</b>
 * when every row of it reports "control bit" (for a control that runs the other way: holds, as it must). An
 * exploratory criterion passes when every row holds; its rate is shown, never judged. A block where the check threw
 * counts as an <b>error</b> against every criterion of that claim (in the denominator, not a pass); a criterion with no
 * row in a block that did not throw is <b>absent</b> there and left out.
 */
public enum BlockOutcome {
    PASS('P', true, true),
    FAIL('F', false, true),
    ERROR('E', false, true),
    NOT_APPLICABLE('N', false, false),
    ABSENT('-', false, false);

    private final char letter;
    private final boolean success;
    private final boolean counted;

    BlockOutcome(char letter, boolean success, boolean counted) {
        this.letter = letter;
        this.success = success;
        this.counted = counted;
    }

    /** One letter per block in {@code sweep.json}'s outcome strings: P, F, E, N, -. */
    public char letter() {
        return letter;
    }

    /** A pass (flag, for a control). */
    public boolean success() {
        return success;
    }

    /** Whether the block enters the rate's denominator. */
    public boolean counted() {
        return counted;
    }
}
