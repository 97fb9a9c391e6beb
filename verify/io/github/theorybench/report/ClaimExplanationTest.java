package io.github.theorybench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.cli.TheoryBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code theorybench explain ID} for every catalogue ID, a bad ID, and the status column of {@code claims --list}. */
class ClaimExplanationTest {
    @TempDir
    static Path tmp;
    static Path report;

    @BeforeAll
    static void writeReport() throws IOException {
        report = ReportFixture.claimsJson(tmp.resolve("reports"));
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = TheoryBench.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Stream<String> ids() {
        return ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("explain prints the entry, the check and test sources, the committed verdicts and the rerun line")
    void everyId(String id) {
        ClaimCatalog.Entry e = ClaimCatalog.entry(id);
        String text = ClaimExplanation.explain(id.toLowerCase(java.util.Locale.ROOT), ReportFixture.repoRoot(),
                report);
        assertThat(text).startsWith(id + " — " + e.family()).contains(e.statement(), "../shared/seeds/" + e.source(),
                "kind:       " + e.kind().label(), "hypothesis:", "control:", "thresholds:",
                "rerun:      bin/theorybench claims --only " + id + " --seed 1 --backend ejml --quick");
        for (ClaimCheck c : ClaimRegistry.all()) {
            if (c.ids().contains(id)) {
                String path = ClaimExplanation.sourcePath(c.getClass(), ReportFixture.repoRoot());
                assertThat(ReportFixture.repoRoot().resolve(path)).exists();
                assertThat(text).contains(path);
            }
        }
        TestIndex.names(ReportFixture.repoRoot()).getOrDefault(id, java.util.List.of())
                .forEach(t -> assertThat(text).contains(t.path(), t.displayName()));
        int rows = ReportFixture.CLAIM_ROWS + 2;
        assertThat(text.lines().filter(l -> l.startsWith("    ") && l.contains(", seed "))).hasSize(rows);
        assertThat(text).contains("cause: " + ReportFixture.LONG_FINDING);
    }

    @Test
    @DisplayName("a bad ID prints one line and exits 2; a missing report is said, not an error")
    void badIdAndMissingReport() {
        Run bad = run("explain", "NOPE-7");
        assertThat(bad.exit()).isEqualTo(TheoryBench.EXIT_USAGE);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().trim()).doesNotContain("\n").startsWith("theorybench: unknown claim ID 'NOPE-7'");
        assertThatThrownBy(() -> ClaimExplanation.explain("LSQ-99", ReportFixture.repoRoot(), report))
                .isInstanceOf(IllegalArgumentException.class);
        Run missing = run("explain", "LSQ-1", "--report", tmp.resolve("absent.json").toString());
        assertThat(missing.exit()).isZero();
        assertThat(missing.out()).contains("verdicts:   none: no report at");
    }

    @Test
    @DisplayName("claims --list shows each ID's status counts from the committed report, '–' without one")
    void listStatusColumn() throws IOException {
        Run withReport = run("claims", "--list", "--report", report.toString());
        assertThat(withReport.exit()).isZero();
        assertThat(withReport.out().lines()).hasSize(ClaimCatalog.entries().size())
                .allMatch(l -> l.contains("✅×10 ❌×2 🦷×2"));
        Run without = run("claims", "--list", "--report", tmp.resolve("absent.json").toString());
        assertThat(without.out().lines()).allMatch(l -> l.matches("\\S+\\s+\\S.*\\s–\\s.*"));
        assertThat(Files.exists(tmp.resolve("absent.json"))).isFalse();
    }
}
