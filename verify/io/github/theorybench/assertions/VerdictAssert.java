package io.github.theorybench.assertions;

import io.github.theorybench.claims.Verdict;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions for claim verdicts. Every verdict asserted here is also recorded for the end-of-run claims
 * table ({@link VerdictLog}). Use {@code assertThat(verdict).holds()} for a claim, {@code .isViolated()} for a
 * teeth control, {@code .hypothesisMet()} where the claim needs its hypothesis.
 */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

    /** The {@link SmallInstances} test class asserting, or null for a test at CLAIMS.md sizes. */
    private final Class<?> smallInstanceTest;

    private VerdictAssert(Verdict actual) {
        super(actual, VerdictAssert.class);
        this.smallInstanceTest = VerdictLog.callingSmallInstanceClass().orElse(null);
    }

    public static VerdictAssert assertThat(Verdict actual) {
        VerdictLog.record(actual);
        return new VerdictAssert(actual);
    }

    /** The CLI reruns an instance at CLAIMS.md sizes; a small instance is rerun by its test class. */
    private String rerun() {
        Verdict v = actual;
        if (smallInstanceTest != null) {
            return "mvn test -Dtest=" + smallInstanceTest.getSimpleName()
                    + " (a small instance; the CLI runs CLAIMS.md sizes)";
        }
        return "bin/theorybench claims --only " + v.id() + " --seed " + v.seed() + " --backend "
                + (v.backend().isEmpty() ? "openblas" : v.backend());
    }

    private String describeVerdict() {
        Verdict v = actual;
        return String.format(java.util.Locale.ROOT,
                "%s [%s, %s] %s%n  statement: %s%n  check: %s%n  observed %.6g vs bound %.6g (slack %.4g)%s%n"
                        + "  hypothesis met: %s; holds: %s%n  seed %d, sizes %s, backend %s%s%n  detail: %s%s%n"
                        + "  rerun: %s",
                v.id(), v.kind().label(), v.role().label(), v.status().label(), v.statement(), v.check(),
                v.observed(), v.bound(), v.slack(),
                Double.isNaN(v.windowLow()) ? "" : String.format(java.util.Locale.ROOT, " window [%.4g, %.4g]",
                        v.windowLow(), v.windowHigh()),
                v.hypothesisMet(), v.holds(), v.seed(), v.sizes(), v.backend(),
                v.activation().isEmpty() ? "" : ", activation " + v.activation(), v.detail(),
                v.error() == null ? "" : "%n  error: " + v.error(), rerun());
    }

    /** The claim's conclusion held (and no error). */
    public VerdictAssert holds() {
        isNotNull();
        if (actual.error() != null || !actual.holds()) {
            failWithMessage("claim check failed:%n%s", describeVerdict());
        }
        return this;
    }

    /** The check reported a violation: what a teeth control must do. */
    public VerdictAssert isViolated() {
        isNotNull();
        if (actual.error() != null || actual.holds()) {
            failWithMessage("control did not bite (the check could not fail here):%n%s", describeVerdict());
        }
        return this;
    }

    /**
     * The row is a control and it bit: the check reported what it must (a violation, or "holds" for a control that
     * runs the other way on a claim found false as stated).
     */
    public VerdictAssert controlBit() {
        isNotNull();
        if (actual.status() != Verdict.Status.CONTROL_BIT) {
            failWithMessage("expected a control that bit, got %s:%n%s", actual.status().label(), describeVerdict());
        }
        double margin = actual.margin();
        if (!Double.isNaN(margin) && margin < MIN_CONTROL_MARGIN) {
            failWithMessage("control bit by a margin of %s < %s (Trust rule 2: a control must bite clearly):%n%s",
                    margin, MIN_CONTROL_MARGIN, describeVerdict());
        }
        return this;
    }

    /**
     * Trust rule 2 (CLAIMS.md): a control bites with {@link Verdict#margin()} ≥ 0.05 — beyond the threshold by 5% of
     * it, so a control that only grazes its bound (PWR-6's old 1.2551 vs 1.25) does not count. A composite rule
     * without a numeric threshold has a NaN margin and is judged by its status alone.
     */
    public static final double MIN_CONTROL_MARGIN = 0.05;

    /** A violated row carries its isolated cause (Trust rule 4). */
    public VerdictAssert hasFinding() {
        isNotNull();
        if (actual.finding().isBlank()) {
            failWithMessage("violated row without a finding (its cause):%n%s", describeVerdict());
        }
        return this;
    }

    public VerdictAssert hypothesisMet() {
        isNotNull();
        if (!actual.hypothesisMet()) {
            failWithMessage("hypothesis of the claim not met on this instance:%n%s", describeVerdict());
        }
        return this;
    }

    public VerdictAssert hypothesisNotMet() {
        isNotNull();
        if (actual.hypothesisMet()) {
            failWithMessage("expected an instance where the hypothesis fails:%n%s", describeVerdict());
        }
        return this;
    }

    public VerdictAssert hasSlackBelow(double limit) {
        isNotNull();
        if (!(actual.slack() < limit)) {
            failWithMessage("slack %.4g not below %.4g:%n%s", actual.slack(), limit, describeVerdict());
        }
        return this;
    }

    public VerdictAssert hasObservedWithin(double lo, double hi) {
        isNotNull();
        if (!(actual.observed() >= lo && actual.observed() <= hi)) {
            failWithMessage("observed %.6g outside [%.6g, %.6g]:%n%s", actual.observed(), lo, hi, describeVerdict());
        }
        return this;
    }

    /** A named measurement of the verdict lies in [lo, hi] (e.g. a calibrated rate multiple from CLAIMS.md). */
    public VerdictAssert hasMeasurementWithin(String name, double lo, double hi) {
        isNotNull();
        Double m = actual.measurements().get(name);
        if (m == null || !(m >= lo && m <= hi)) {
            failWithMessage("measurement %s = %s outside [%.6g, %.6g]:%n%s", name, m == null ? "(absent)"
                    : String.format(java.util.Locale.ROOT, "%.6g", m), lo, hi, describeVerdict());
        }
        return this;
    }

    /**
     * A named measurement equals an independently recomputed value to a relative tolerance: pins a formula of the
     * check (its constants, signs and powers), which a loose bound on its own would not notice.
     */
    public VerdictAssert hasMeasurementCloseTo(String name, double expected, double relTol, String formula) {
        isNotNull();
        Double m = actual.measurements().get(name);
        if (m == null || !(Math.abs(m - expected) <= relTol * Math.abs(expected))) {
            failWithMessage("measurement %s = %s but %s = %.10g (relative tolerance %.1g):%n%s", name,
                    m == null ? "(absent)" : String.format(java.util.Locale.ROOT, "%.10g", m), formula, expected,
                    relTol, describeVerdict());
        }
        return this;
    }
}
