package io.github.theorybench.assertions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link VerdictAssert#controlBit()} enforces Trust rule 2's margin, on both sides of it. */
class VerdictAssertTest {
    private static final Criterion CONTROL = Criterion.control("LSQ-1", "testControl");

    /** A control of the rule observed ≤ bound = 1 that observed {@code observed} (it bites when observed > 1). */
    private static Verdict control(double observed) {
        return Verdict.builder(CONTROL).check("test control").observed(observed).bound(1.0).holds(observed <= 1.0)
                .build();
    }

    @Test
    @DisplayName("controlBit: a control beyond its bound by 6% passes, by 1% fails (margin >= 0.05), one that held fails")
    void controlMargin() {
        assertThatCode(() -> VerdictAssert.assertThat(control(1.06)).controlBit()).doesNotThrowAnyException();
        assertThatCode(() -> VerdictAssert.assertThat(control(1.0 + VerdictAssert.MIN_CONTROL_MARGIN)).controlBit())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> VerdictAssert.assertThat(control(1.01)).controlBit())
                .isInstanceOf(AssertionError.class).hasMessageContaining("margin");
        assertThatThrownBy(() -> VerdictAssert.assertThat(control(0.9)).controlBit())
                .isInstanceOf(AssertionError.class).hasMessageContaining("control that bit");
    }
}
