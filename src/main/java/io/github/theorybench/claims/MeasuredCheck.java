package io.github.theorybench.claims;

import java.util.List;
import java.util.Map;

/**
 * The one shape of a claim check (STYLE.md): sizes → seeded instances → {@link #measure} → measurement record →
 * pure {@link #verdicts} → {@link #tables}/{@link #figures} rendered from the same record.
 * <ul>
 * <li>{@code S} is the check's {@code Sizes} record, with static {@code claims()} (CLAIMS.md's sizes) and
 * {@code quick()} factories. The public no-argument constructor passes both; a package-private constructor taking
 * one {@code Sizes} is the single way tests run other sizes.</li>
 * <li>{@code measure} builds every instance from the context's seed (through
 * {@link io.github.theorybench.claims.support.SeedStream}) with a named, reusable instance builder, runs the
 * dynamics and returns a record of numbers: all randomness and all numerical work happen here.</li>
 * <li>{@code verdicts} decides: no I/O, no random numbers, no backend. Tests judge hand-made measurements through it
 * at the thresholds, on both sides.</li>
 * </ul>
 *
 * @param <S> the sizes record
 * @param <M> the measurement record
 */
public abstract class MeasuredCheck<S, M> implements ClaimCheck {
    private final S claimsSizes;
    private final S quickSizes;

    /** {@code claims} at CLAIMS.md's sizes, {@code quick} for {@code --quick} and the fast tests. */
    protected MeasuredCheck(S claims, S quick) {
        this.claimsSizes = claims;
        this.quickSizes = quick;
    }

    /** The sizes a run on {@code ctx} uses. */
    public final S sizes(CheckContext ctx) {
        return ctx.quick() ? quickSizes : claimsSizes;
    }

    /** Builds the seeded instances at {@code sizes} and measures them on {@code ctx}'s backend. */
    public abstract M measure(S sizes, CheckContext ctx);

    /** Decides every row from the measurement alone. */
    public abstract List<Verdict> verdicts(M measurement);

    /** Tables for the report, rendered from the measurement. */
    public List<Table> tables(M measurement) {
        return List.of();
    }

    /** Figures for the report, rendered from the measurement. */
    public List<Figure> figures(M measurement) {
        return List.of();
    }

    /** Instances exported for independent recomputation (name → JSON-serializable object). */
    public Map<String, Object> instances(M measurement) {
        return Map.of();
    }

    /** Measures once and renders everything from that one measurement. */
    public final CheckResult result(M measurement) {
        CheckResult out = new CheckResult().addAll(verdicts(measurement));
        tables(measurement).forEach(out::table);
        figures(measurement).forEach(out::figure);
        instances(measurement).forEach(out::instance);
        return out;
    }

    @Override
    public final CheckResult run(CheckContext ctx) {
        return result(measure(sizes(ctx), ctx));
    }
}
