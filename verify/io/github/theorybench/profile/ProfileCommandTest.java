package io.github.theorybench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.theorybench.cli.TheoryBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code theorybench profile} end to end in this JVM (async-profiler from the Maven jar, whatever event this machine
 * permits): a small claim check and a small benchmark give a flame graph, a summary whose layer samples add up to the
 * samples, and a report that links the profile; bad input gives one line, a non-zero exit and no profile directory.
 */
class ProfileCommandTest {
    @TempDir
    static Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = TheoryBench.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The summary's invariants: every file there, layer samples summing to all samples, shares to 1. */
    static JsonNode assertProfile(Path dir) throws Exception {
        for (String f : new String[] {"flamegraph.html", "README.md", "profile.json", "stacks.collapsed.gz"}) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("flamegraph.html"))).containsIgnoringCase("<html");
        JsonNode p = new ObjectMapper().readTree(dir.resolve("profile.json").toFile());
        long samples = p.get("samples").asLong();
        assertThat(samples).isPositive();
        long sum = 0;
        double share = 0;
        for (JsonNode l : p.get("layers")) {
            sum += l.get("samples").asLong();
            share += l.get("share").asDouble();
        }
        assertThat(sum).isEqualTo(samples);
        assertThat(share).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.get("topFrames").size()).isBetween(1, ProfileRunner.TOP_FRAMES);
        String md = Files.readString(dir.resolve("README.md"));
        assertThat(md).contains("## CPU share per layer").contains("| **total** | **100.0%** | **" + samples + "**")
                .contains("## Top ").contains("wall time").contains("CPU time of the process").contains("threads")
                .contains("Java heap allocated").contains("garbage collections");
        try (Stream<Path> s = Files.list(dir.getParent())) {
            assertThat(s.map(x -> x.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
        return p;
    }

    @Test
    @DisplayName("profile --only LSQ-1 --quick: flame graph and summary; the claims report links them")
    void claimsProfileAndReportLink() throws Exception {
        Path out = tmp.resolve("claims");
        Run r = run("profile", "--only", "LSQ-1", "--quick", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode p = assertProfile(out.resolve("profile/LSQ-1-quick"));
        assertThat(p.get("kind").asText()).isEqualTo("claims");
        assertThat(r.err()).contains("-> " + out.resolve("profile/LSQ-1-quick/README.md"));
        Run claims = run("claims", "--only", "LSQ-1", "--quick", "--out", out.toString());
        assertThat(claims.exit()).as(claims.err()).isIn(0, TheoryBench.EXIT_FINDINGS);
        String index = Files.readString(out.resolve("README.md"));
        assertThat(index).contains("](profile/LSQ-1-quick/flamegraph.html)")
                .contains("](profile/LSQ-1-quick/README.md)");
    }

    @Test
    @DisplayName("profile --bench gramStructured at a small size: the BLAS layer is sampled")
    void benchProfile() throws Exception {
        Path out = tmp.resolve("bench");
        Run r = run("profile", "--bench", "gramStructured", "--backend", "openblas", "--size", "128x512x32",
                "--seconds", "1", "--warmup", "0.5", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode p = assertProfile(out.resolve("profile/bench-gramStructured-openblas-128x512x32"));
        long blas = 0;
        for (JsonNode l : p.get("layers")) {
            if (l.get("layer").asText().equals(Layer.NATIVE_BLAS.name())) {
                blas = l.get("samples").asLong();
            }
        }
        assertThat(blas).as("samples in OpenBLAS").isPositive();
    }

    static Stream<Arguments> badInputs() throws Exception {
        Path notLib = Files.writeString(tmp.resolve("libfake.so"), "not a library");
        return Stream.of(
                Arguments.of("no workload", new String[] {"profile"}, "exactly one of"),
                Arguments.of("two workloads", new String[] {"profile", "--only", "LSQ-1", "--bench", "gramStructured"},
                        "exactly one of"),
                Arguments.of("unknown claim", new String[] {"profile", "--only", "LAZY-99"}, "unknown claim ID"),
                Arguments.of("unknown check", new String[] {"profile", "--check", "NoSuchCheck"}, "unknown check"),
                Arguments.of("unknown benchmark", new String[] {"profile", "--bench", "gramFast"},
                        "unknown benchmark 'gramFast'"),
                Arguments.of("unknown size", new String[] {"profile", "--bench", "gramStructured", "--size", "12x34"},
                        "unknown size '12x34'"),
                Arguments.of("zero size", new String[] {"profile", "--bench", "gramStructured", "--size", "0x4x4"},
                        "unknown size"),
                Arguments.of("unknown backend", new String[] {"profile", "--bench", "gramStructured", "--backend",
                    "cuda"}, "unknown backend 'cuda'"),
                Arguments.of("unknown event", new String[] {"profile", "--only", "LSQ-1", "--event", "cycles!"},
                        "unknown --event"),
                Arguments.of("bad interval", new String[] {"profile", "--only", "LSQ-1", "--interval", "0"},
                        "--interval"),
                Arguments.of("bad name", new String[] {"profile", "--only", "LSQ-1", "--name", "../up"}, "--name"),
                Arguments.of("profiler library that cannot load", new String[] {"profile", "--only", "LSQ-1",
                    "--quick", "--profiler-lib", notLib.toString()}, "not a shared library"),
                Arguments.of("profiler library missing", new String[] {"profile", "--only", "LSQ-1", "--quick",
                    "--profiler-lib", tmp.resolve("nope.so").toString()}, "does not exist"),
                Arguments.of("bench --prof unknown JMH profiler", new String[] {"bench", "--quick", "--prof",
                    "nosuch", "--out", tmp.resolve("bad-bench").toString()}, "nosuch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGivesOneLineAndNoProfile(String name, String[] args, String expected) throws Exception {
        Path out = tmp.resolve("bad-" + name.replaceAll("\\W", "_"));
        String[] withOut = args[0].equals("profile") ? Stream.concat(Stream.of(args), Stream.of("--out",
                out.toString())).toArray(String[]::new) : args;
        Run r = run(withOut);
        assertThat(r.exit()).as("exit code").isNotZero();
        assertThat(r.err().strip().lines()).as("stderr of %s", name).hasSize(1);
        assertThat(r.err()).startsWith("theorybench: ").contains(expected).doesNotContain("\tat ");
        assertThat(out.resolve("profile")).doesNotExist();
    }
}
