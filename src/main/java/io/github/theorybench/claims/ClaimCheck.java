package io.github.theorybench.claims;

import java.util.List;

/**
 * One check of one claim or a small family of claims that share an instance (e.g. LAZY-1..6 on one trajectory).
 * Implementations are named for what they check ({@code RiskDecayCheck}); data flows instance → dynamics →
 * measurement → verdicts, returned in a {@link CheckResult} that the report layer renders.
 */
public interface ClaimCheck {
    /** The claim IDs this check produces verdicts for. */
    List<String> ids();

    /** Runs the check on {@code ctx}'s backend and seed; {@code ctx.quick()} selects the small sizes. */
    CheckResult run(CheckContext ctx);
}
