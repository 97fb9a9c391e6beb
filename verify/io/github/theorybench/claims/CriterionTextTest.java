package io.github.theorybench.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Criterion roles and text, and the status icons of the README's legend ("How to read a report"). */
class CriterionTextTest {
    @Test
    @DisplayName("criteria carry their role and print as ID/key (role)")
    void roles() {
        Criterion e = Criterion.exploratory("DLS-2", "fixedEtaMedianRatio");
        assertThat(e.role()).isEqualTo(Verdict.Role.EXPLORATORY);
        assertThat(e.toString()).isEqualTo("DLS-2/fixedEtaMedianRatio (" + Verdict.Role.EXPLORATORY.label() + ")");
        assertThat(Criterion.claim("LSQ-1", "rate").toString()).startsWith("LSQ-1/rate (");
    }

    @Test
    @DisplayName("every status has the legend's icon")
    void icons() {
        assertThat(Verdict.Status.HOLDS.icon()).isEqualTo("✅");
        assertThat(Verdict.Status.HYPOTHESIS_NOT_MET.icon()).isEqualTo("⚪");
        assertThat(Verdict.Status.VIOLATED.icon()).isEqualTo("❌");
        assertThat(Verdict.Status.CONTROL_BIT.icon()).isEqualTo("🦷");
        assertThat(Verdict.Status.CONTROL_DID_NOT_BITE.icon()).isEqualTo("⚠️");
        assertThat(Verdict.Status.EXPLORATORY.icon()).isEqualTo("🔭");
        assertThat(Verdict.Status.ERROR.icon()).isEqualTo("💥");
    }
}
