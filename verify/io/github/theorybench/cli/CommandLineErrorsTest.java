package io.github.theorybench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.BackendUnavailableException;
import io.github.theorybench.report.ClaimsReport;
import io.github.theorybench.report.ClaimsRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Bad input gets one clear line on stderr and a non-zero exit, never a stack trace; reports are never half-written. */
class CommandLineErrorsTest {
    @TempDir
    static Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(TheoryBench.commandLine(), args);
    }

    static Stream<Arguments> badInputs() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "mine");
        return Stream.of(
                Arguments.of("unknown claim ID", new String[] {"claims", "--only", "LAZY-99"}, "unknown claim ID 'LAZY-99'"),
                Arguments.of("glob matching nothing", new String[] {"claims", "--only", "FOO-*"}, "matches no claim ID"),
                Arguments.of("malformed pattern", new String[] {"claims", "--only", "LAZY-1;rm"}, "bad claim pattern"),
                Arguments.of("empty item", new String[] {"claims", "--only", "LAZY-1,,LAZY-2"}, "empty item"),
                Arguments.of("unknown backend", new String[] {"claims", "--backend", "cuda"}, "unknown backend 'cuda'"),
                Arguments.of("negative seed", new String[] {"claims", "--seed", "-4"}, "non-negative"),
                Arguments.of("non-numeric seed", new String[] {"claims", "--seed", "abc"}, "--seed"),
                Arguments.of("unknown option", new String[] {"claims", "--fast"}, "Unknown option: '--fast'"),
                Arguments.of("missing command", new String[] {}, "missing command"),
                Arguments.of("unknown command", new String[] {"audit"}, "audit"),
                Arguments.of("--out is a file", new String[] {"claims", "--only", "LAZY-8", "--out", file.toString()},
                        "not a directory"),
                Arguments.of("--out under a file (unwritable)", new String[] {"claims", "--only", "LAZY-8", "--out",
                    file.resolve("sub").toString()}, "--out"),
                Arguments.of("--out foreign non-empty directory", new String[] {"claims", "--only", "LAZY-8", "--out",
                    foreign.toString()}, "did not write"),
                Arguments.of("bench --out foreign directory", new String[] {"bench", "--quick", "--out",
                    foreign.toString()}, "did not write"),
                Arguments.of("bench --sizes with two numbers", new String[] {"bench", "--sizes", "128x256"},
                        "must be NxMxD"),
                Arguments.of("bench --sizes zero", new String[] {"bench", "--sizes", "128x0x32"}, "positive"),
                Arguments.of("bench --sizes repeated", new String[] {"bench", "--sizes", "64x64x8,64x64x8"}, "twice"),
                Arguments.of("parity unknown backend", new String[] {"parity", "--backends", "ejml,cuda"},
                        "unknown backend 'cuda'"),
                Arguments.of("parity negative seed", new String[] {"parity", "--seed", "-1"}, "non-negative"),
                Arguments.of("size with two numbers", new String[] {"backends", "--size", "4,5"}, "three positive"),
                Arguments.of("negative size", new String[] {"backends", "--size", "4,-5,2"}, "three positive"),
                Arguments.of("non-numeric size", new String[] {"backends", "--size", "4,x,2"}, "--size"),
                Arguments.of("zero repeats", new String[] {"backends", "--repeats", "0"}, "--repeats"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGivesOneLineAndNonZeroExit(String name, String[] args, String expected) {
        Run r = run(args);
        assertThat(r.exit()).as("exit code").isNotZero();
        assertThat(r.err().strip().lines()).as("stderr of %s", name).hasSize(1);
        assertThat(r.err()).startsWith("theorybench: ").contains(expected).doesNotContain("\tat ")
                .doesNotContain("Exception in");
    }

    @Test
    @DisplayName("bench --sizes with a bad size: one line, exit 2 (usage), before any benchmark runs")
    void badBenchSizesExitTwo() {
        Run r = run("bench", "--sizes", "128x256x32,12x3", "--out", tmp.resolve("never-bench").toString());
        assertThat(r.exit()).isEqualTo(TheoryBench.EXIT_USAGE);
        assertThat(r.err().strip().lines()).singleElement().asString().contains("'12x3' must be NxMxD");
        assertThat(tmp.resolve("never-bench")).doesNotExist();
    }

    @Test
    @DisplayName("a native library that fails to load: one line naming it, exit 3")
    void missingNativeLibrary() {
        CommandLine cl = TheoryBench.commandLine();
        cl.addSubcommand("load-native", new CommandLine(new LoadNative()));
        Run r = run(cl, "load-native");
        assertThat(r.exit()).isEqualTo(TheoryBench.EXIT_BACKEND);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("backend jblas unavailable").contains("libjblas.so").doesNotContain("\tat ");
    }

    @CommandLine.Command(name = "load-native")
    static final class LoadNative implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new BackendUnavailableException("jblas",
                    "native library libjblas.so (org.jblas:jblas) failed to load: libgfortran.so.5: cannot open");
        }
    }

    @Test
    @DisplayName("a report write that fails half-way leaves the previous report intact")
    void failedWriteLeavesPreviousReport() throws Exception {
        Path out = tmp.resolve("report");
        Run first = run("claims", "--only", "LAZY-8", "--quick", "--out", out.toString());
        assertThat(first.exit()).isZero();
        String before = Files.readString(out.resolve("claims.json"));
        CheckResult broken = new CheckResult().add(Verdict.builder("LAZY-8").check("x").observed(1).bound(2).build())
                .figure(new Figure("LAZY-8-empty", "no plottable point", "x", "y", true, true,
                        List.of(new Figure.Series("s", new double[] {-1}, new double[] {0}, false))));
        assertThatThrownBy(() -> ClaimsReport.write(out, new ClaimsReport.RunSettings(1, true, "ejml", "ejml",
                List.of("LAZY-8"), "test"), List.of(new ClaimsRun.Outcome("Broken", List.of("LAZY-8"), broken, 0)),
                0, Path.of(""))).hasMessageContaining("no plottable point");
        assertThat(Files.readString(out.resolve("claims.json"))).isEqualTo(before);
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    @DisplayName("a check that throws becomes an error row, not a crash")
    void throwingCheckBecomesErrorRow() {
        var ctx = io.github.theorybench.claims.CheckContext.of(
                io.github.theorybench.linalg.Backends.byName("ejml"), 3, true);
        io.github.theorybench.claims.ClaimCheck boom = new io.github.theorybench.claims.ClaimCheck() {
            @Override
            public List<String> ids() {
                return List.of("LAZY-9");
            }

            @Override
            public CheckResult run(io.github.theorybench.claims.CheckContext c) {
                throw new IllegalStateException("diverged");
            }
        };
        List<ClaimsRun.Outcome> o = ClaimsRun.run(List.of(boom), List.of("LAZY-9"), ctx);
        assertThat(o.get(0).result().verdicts()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(Verdict.Status.ERROR);
            assertThat(v.error()).contains("diverged");
        });
    }

    @Test
    @DisplayName("the same command and seed give byte-identical JSON apart from the timing fields")
    void deterministicJson() throws Exception {
        Path a = tmp.resolve("det-a"), b = tmp.resolve("det-b");
        assertThat(run("claims", "--only", "LAZY-8,LAZY-4", "--quick", "--seed", "5", "--out", a.toString()).exit())
                .isZero();
        assertThat(run("claims", "--only", "LAZY-8,LAZY-4", "--quick", "--seed", "5", "--out", b.toString()).exit())
                .isZero();
        ObjectMapper m = new ObjectMapper();
        JsonNode ja = m.readTree(a.resolve("claims.json").toFile()), jb = m.readTree(b.resolve("claims.json").toFile());
        assertThat(ja.get("timing")).isNotNull();
        ((ObjectNode) ja).remove("timing");
        ((ObjectNode) jb).remove("timing");
        assertThat(m.writeValueAsString(ja)).isEqualTo(m.writeValueAsString(jb));
        assertThat(ja.get("verdicts").size()).isGreaterThan(3);
        Run other = run("claims", "--only", "LAZY-8", "--quick", "--seed", "6", "--out", tmp.resolve("det-c")
                .toString());
        assertThat(other.exit()).isZero();
        assertThat(m.readTree(tmp.resolve("det-c/claims.json").toFile()).get("verdicts").get(0).get("observed"))
                .isNotEqualTo(ja.get("verdicts").get(ja.get("verdicts").size() - 1).get("observed"));
    }

    @Test
    void listAndHelp() {
        Run list = run("claims", "--list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("LAZY-1").contains("DLS-3").contains("001_0eca414dd9b88dfc.txt");
        for (String cmd : new String[] {"claims", "bench", "report", "backends"}) {
            Run help = run(cmd, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("Usage: theorybench " + cmd);
        }
    }
}
