package io.github.theorybench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.cli.TheoryBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code theorybench sweep} and {@code merge} end to end on a cheap selection (LSQ-*, --quick, three seeds): the same
 * command twice gives the same bytes; 2 and 3 shards merged give the single run's bytes; an interrupted sweep
 * resumes to the same bytes; bad input gets one line, exit 2, and nothing written.
 */
class SweepCommandTest {
    private static final String ONLY = "LSQ-*";
    private static final String SEEDS = "1..3";

    @TempDir
    static Path tmp;
    private static Path single;
    private static Run singleRun;

    record Run(int exit, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = TheoryBench.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, err.toString());
    }

    static Run sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--only", ONLY, "--seeds", SEEDS, "--quick", "--out",
                out.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @BeforeAll
    static void singleRun() {
        single = tmp.resolve("single");
        singleRun = sweep(single);
        assertThat(singleRun.exit()).as(singleRun.err()).isZero();
    }

    /** Every file under {@code dir} (relative path → bytes as text of hex digests would hide nothing: compare bytes). */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void assertSameBytes(Path actual, Path expected) throws IOException {
        Map<String, byte[]> a = files(actual), e = files(expected);
        assertThat(a.keySet()).containsExactlyElementsOf(e.keySet());
        for (String f : e.keySet()) {
            assertThat(a.get(f)).as("bytes of %s", f).isEqualTo(e.get(f));
        }
    }

    @Test
    @DisplayName("a sweep writes blocks, sweep.json, README.md and one plot per criterion; one progress line per block")
    void layoutAndProgress() throws IOException {
        Map<String, byte[]> f = files(single);
        assertThat(f).containsKeys("sweep-run.json", "sweep.json", "README.md", "blocks/seed-1.json",
                "blocks/seed-2.json", "blocks/seed-3.json", "plots/LSQ-1-residualDecay-claim.png");
        List<String> progress = singleRun.err().lines().filter(l -> l.startsWith("sweep: [")).toList();
        assertThat(progress).hasSize(3).allSatisfy(l -> assertThat(l).containsPattern("\\[\\d/3\\] seed \\d")
                .contains("ETA"));
        String md = Files.readString(single.resolve("README.md"));
        assertThat(md).contains("| LSQ-1 | `residualDecay` | claim |").contains("rerun `bin/theorybench claims"
                + " --only LSQ-1 --seed ");
    }

    @Test
    @DisplayName("the same sweep command twice: identical bytes in every file")
    void sameCommandSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        assertThat(sweep(again).exit()).isZero();
        assertSameBytes(again, single);
    }

    @Test
    @DisplayName("3 shards merged: byte-identical to the single run")
    void threeShardsMerge() throws IOException {
        List<String> dirs = shards(3, "three");
        Path merged = tmp.resolve("merged3");
        List<String> args = new ArrayList<>(List.of("merge", "--out", merged.toString()));
        args.addAll(dirs);
        Run m = run(args.toArray(String[]::new));
        assertThat(m.exit()).as(m.err()).isZero();
        assertSameBytes(merged, single);
    }

    @Test
    @DisplayName("2 shards merged (given in reverse order): byte-identical to the single run")
    void twoShardsMerge() throws IOException {
        List<String> dirs = new ArrayList<>(shards(2, "two"));
        java.util.Collections.reverse(dirs);
        Path merged = tmp.resolve("merged2");
        List<String> args = new ArrayList<>(List.of("merge", "--out", merged.toString()));
        args.addAll(dirs);
        assertThat(run(args.toArray(String[]::new)).exit()).isZero();
        assertSameBytes(merged, single);
    }

    static List<String> shards(int n, String name) {
        List<String> dirs = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            Path d = tmp.resolve(name + "-" + k);
            Run r = sweep(d, "--shard", k + "/" + n);
            assertThat(r.exit()).as(r.err()).isZero();
            dirs.add(d.toString());
        }
        return dirs;
    }

    @Test
    @DisplayName("an interrupted sweep: refused without --resume, resumed from its blocks to the single run's bytes")
    void resumeAfterInterruption() throws IOException {
        Path r = tmp.resolve("resumed");
        copyTree(single, r);
        // what a kill during seed 2 leaves: blocks 1 and 3, a half-written temporary file, no pages yet
        Files.delete(r.resolve("blocks/seed-2.json"));
        Files.writeString(r.resolve("blocks/.tmp-123.part"), "{\"seed\": 2, \"ro");
        for (String page : new String[] {"sweep.json", "README.md"}) {
            Files.delete(r.resolve(page));
        }
        io.github.theorybench.report.ReportFiles.deleteTree(r.resolve("plots"));
        Run refused = sweep(r);
        assertThat(refused.exit()).isEqualTo(TheoryBench.EXIT_USAGE);
        assertThat(refused.err()).contains("interrupted sweep").contains("--resume");
        assertThat(Files.exists(r.resolve("blocks/seed-1.json"))).as("nothing lost").isTrue();
        Run resumed = sweep(r, "--resume");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: 2 of 3 blocks already done, 1 to run")
                .contains("sweep: [3/3] seed 2:");
        assertSameBytes(r, single);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static Stream<Arguments> badSweeps() {
        return Stream.of(
                Arguments.of("empty seed range", new String[] {"--seeds", ""}, "--seeds needs FIRST..LAST"),
                Arguments.of("reversed seed range", new String[] {"--seeds", "5..1"}, "reversed"),
                Arguments.of("seed range not numbers", new String[] {"--seeds", "a..b"}, "--seeds needs"),
                Arguments.of("negative seed", new String[] {"--seeds", "-1..3"}, "--seeds needs"),
                Arguments.of("shard index above N", new String[] {"--seeds", "1..3", "--shard", "4/3"},
                        "shard index out of range"),
                Arguments.of("shard index 0", new String[] {"--seeds", "1..3", "--shard", "0/3"},
                        "shard index out of range"),
                Arguments.of("shard without seeds", new String[] {"--seeds", "1..3", "--shard", "4/4"},
                        "owns no seed"),
                Arguments.of("malformed shard", new String[] {"--seeds", "1..3", "--shard", "2of3"}, "--shard needs"),
                Arguments.of("zero jobs", new String[] {"--seeds", "1..3", "--jobs", "0"}, "--jobs"),
                Arguments.of("unknown claim", new String[] {"--seeds", "1..3", "--only", "LSQ-9"}, "unknown claim ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSweeps")
    @DisplayName("bad sweep input: one line, exit 2, nothing written")
    void badSweepInput(String name, String[] args, String expected) {
        Path out = tmp.resolve("bad-" + name.replace(' ', '-'));
        List<String> a = new ArrayList<>(List.of("sweep", "--quick", "--out", out.toString()));
        if (!List.of(args).contains("--only")) {
            a.addAll(List.of("--only", ONLY));
        }
        a.addAll(List.of(args));
        Run r = run(a.toArray(String[]::new));
        assertOneLineUsageError(r, expected);
        assertThat(Files.exists(out)).as("nothing written for %s", name).isFalse();
    }

    @Test
    @DisplayName("--resume on a sweep of another run (other seeds): one line, exit 2, its blocks untouched")
    void resumeOfAnotherRun() throws IOException {
        Path other = tmp.resolve("other-run");
        copyTree(single, other);
        Map<String, byte[]> before = files(other);
        List<String> a = List.of("sweep", "--only", ONLY, "--seeds", "1..4", "--quick", "--resume", "--out",
                other.toString());
        assertOneLineUsageError(run(a.toArray(String[]::new)), "holds a different sweep (seeds 1..3 vs 1..4)");
        assertThat(files(other).keySet()).containsExactlyElementsOf(before.keySet());
    }

    @Test
    @DisplayName("merge refuses shards of different runs, missing, repeated or incomplete shards: exit 2, nothing written")
    void badMerges() throws IOException {
        List<String> three = shards(3, "bad-merge");
        Path otherCommit = tmp.resolve("other-commit");
        copyTree(Path.of(three.get(2)), otherCommit);
        edit(otherCommit, "\"commit\" : \"", "\"commit\" : \"0000");
        Path otherOptions = tmp.resolve("other-options");
        copyTree(Path.of(three.get(2)), otherOptions);
        edit(otherOptions, "\"quick\" : true", "\"quick\" : false");
        Path otherSeeds = tmp.resolve("other-seeds");
        copyTree(Path.of(three.get(2)), otherSeeds);
        edit(otherSeeds, "\"last\" : 3", "\"last\" : 30");
        Path incomplete = tmp.resolve("incomplete");
        copyTree(Path.of(three.get(2)), incomplete);
        Files.delete(incomplete.resolve("blocks/seed-3.json"));
        Object[][] cases = {
            {List.of(three.get(0), three.get(1), otherCommit.toString()), "different runs", "commit"},
            {List.of(three.get(0), three.get(1), otherOptions.toString()), "different runs", "sizes"},
            {List.of(three.get(0), three.get(1), otherSeeds.toString()), "different runs", "seeds 1..3 vs 1..30"},
            {List.of(three.get(0), three.get(1)), "shard 3/3 is missing", ""},
            {List.of(three.get(0), three.get(1), three.get(1)), "given twice", ""},
            {List.of(three.get(0), three.get(1), incomplete.toString()), "incomplete: 0 of 1 blocks", ""},
            {List.of(three.get(0), single.toString()), "whole sweep, not a shard", ""},
            {List.of(three.get(0), tmp.toString()), "not a sweep output", ""}};
        int k = 0;
        for (Object[] c : cases) {
            Path out = tmp.resolve("bad-merge-out-" + k++);
            List<String> a = new ArrayList<>(List.of("merge", "--out", out.toString()));
            @SuppressWarnings("unchecked")
            List<String> dirs = (List<String>) c[0];
            a.addAll(dirs);
            Run r = run(a.toArray(String[]::new));
            assertOneLineUsageError(r, (String) c[1]);
            assertThat(r.err()).contains((String) c[2]);
            assertThat(Files.exists(out)).as("nothing written for %s", c[1]).isFalse();
        }
    }

    static void edit(Path dir, String from, String to) throws IOException {
        Path f = dir.resolve(SweepFiles.SPEC);
        String s = Files.readString(f);
        assertThat(s).contains(from);
        Files.writeString(f, s.replace(from, to));
    }

    static void assertOneLineUsageError(Run r, String expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(TheoryBench.EXIT_USAGE);
        assertThat(r.err().strip().lines()).as("stderr").hasSize(1);
        assertThat(r.err()).startsWith("theorybench: ").contains(expected).doesNotContain("\tat ");
    }
}
