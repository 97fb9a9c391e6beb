package io.github.theorybench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.report.ClaimsRun;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code report --profile}: which checks it profiles, and the child JVM it starts for each. */
class ReportProfileTest {
    static ClaimsRun.Outcome outcome(String name, double seconds) {
        return new ClaimsRun.Outcome(name, List.of("LSQ-1"), new CheckResult(), seconds);
    }

    @Test
    @DisplayName("the three slowest checks, slowest first, registration order on ties")
    void slowest() {
        List<ClaimsRun.Outcome> o = List.of(outcome("A", 1), outcome("B", 9), outcome("C", 3), outcome("D", 9),
                outcome("E", 2));
        assertThat(ReportCommand.slowest(o, ReportCommand.PROFILED_CHECKS)).containsExactly("B", "D", "C");
        assertThat(ReportCommand.slowest(o.subList(0, 2), 3)).containsExactly("B", "A");
    }

    @Test
    @DisplayName("the child JVM: this JVM's launcher, options and class path, with DebugNonSafepoints")
    void childJvm() {
        List<String> cmd = ReportCommand.childJvm();
        assertThat(cmd.get(0)).endsWith("java");
        assertThat(cmd).contains("-XX:+DebugNonSafepoints", "-cp", System.getProperty("java.class.path"));
    }
}
