package io.github.theorybench.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which asserted verdicts the claims table counts as small-instance ones ({@link SmallInstances}). */
class VerdictLogTest {
    @SmallInstances
    static final class Marked {
        static final class Nested {
        }
    }

    static final class Unmarked {
    }

    @Test
    void aMarkedClassAndWhatIsNestedInItAreSmallInstanceClasses() {
        assertThat(VerdictLog.isSmallInstanceClass(Marked.class)).isTrue();
        assertThat(VerdictLog.isSmallInstanceClass(Marked.Nested.class)).isTrue();
        assertThat(VerdictLog.smallInstanceClass(Marked.Nested.class)).isEqualTo(Marked.class);
        assertThat(VerdictLog.smallInstanceClass(Unmarked.class)).isNull();
        assertThat(VerdictLog.isSmallInstanceClass(Unmarked.class)).isFalse();
        assertThat(VerdictLog.isSmallInstanceClass(VerdictLogTest.class)).isFalse();
    }
}
