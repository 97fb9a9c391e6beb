package io.github.theorybench.sweep;

import io.github.theorybench.report.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code theorybench merge}: combines the outputs of shards 1..N of one sweep into the directory a single run writes.
 * Every input is checked before anything is written: each is a shard's output, all of one run (same commit, claims,
 * sizes, backend, seed range and N), every shard present once and complete. The blocks are copied byte for byte and
 * the pages rendered from them, so the result equals the single run's, byte for byte.
 */
public final class SweepMerge {
    private SweepMerge() {
    }

    /** Validates {@code shards}; returns the merged (unsharded) spec or throws with a one-line reason. */
    public static SweepSpec validate(List<Path> shards, Path out) throws IOException {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("merge needs the shard directories to combine");
        }
        List<SweepSpec> specs = new ArrayList<>();
        for (Path d : shards) {
            if (!SweepFiles.isSweep(d)) {
                throw new IllegalArgumentException(d + " is not a sweep output (no " + SweepFiles.SPEC + ")");
            }
            SweepSpec s;
            try {
                s = SweepFiles.readSpec(d);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (s.shard() == null) {
                throw new IllegalArgumentException(d + " holds a whole sweep, not a shard");
            }
            if (!specs.isEmpty()) {
                String diff = specs.get(0).differenceFrom(s);
                if (diff != null) {
                    throw new IllegalArgumentException("shards of different runs: " + shards.get(0) + " and " + d
                            + " differ in " + diff);
                }
                if (specs.get(0).shard().count() != s.shard().count()) {
                    throw new IllegalArgumentException("shards of different splits: " + shards.get(0) + " is "
                            + specs.get(0).shard() + ", " + d + " is " + s.shard());
                }
            }
            specs.add(s);
        }
        checkShardSet(shards, specs);
        for (int i = 0; i < shards.size(); i++) {
            checkComplete(shards.get(i), specs.get(i));
        }
        Path o = out.toAbsolutePath().normalize();
        for (Path d : shards) {
            if (o.startsWith(d.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--out " + out + " lies inside the shard directory " + d);
            }
        }
        return specs.get(0).withoutShard();
    }

    private static void checkShardSet(List<Path> shards, List<SweepSpec> specs) {
        int n = specs.get(0).shard().count();
        Path[] seen = new Path[n + 1];
        for (int i = 0; i < specs.size(); i++) {
            int k = specs.get(i).shard().index();
            if (seen[k] != null) {
                throw new IllegalArgumentException("shard " + specs.get(i).shard() + " given twice: " + seen[k]
                        + " and " + shards.get(i));
            }
            seen[k] = shards.get(i);
        }
        for (int k = 1; k <= n; k++) {
            if (seen[k] == null) {
                throw new IllegalArgumentException("shard " + k + "/" + n + " is missing");
            }
        }
    }

    private static void checkComplete(Path dir, SweepSpec spec) throws IOException {
        Set<Long> have = SweepFiles.blockFiles(dir).keySet();
        List<Long> own = spec.ownSeeds();
        long missing = own.stream().filter(s -> !have.contains(s)).count();
        if (missing > 0) {
            throw new IllegalArgumentException("shard " + spec.shard() + " in " + dir + " is incomplete: "
                    + (own.size() - missing) + " of " + own.size() + " blocks (finish it with --resume)");
        }
    }

    /** Writes the merged sweep into {@code out} (validated first by {@link #validate}). */
    public static List<CriterionSweep> merge(List<Path> shards, Path out) throws IOException {
        SweepSpec merged = validate(shards, out);
        SweepOutput.prepareFresh(out);
        TreeMap<Long, Path> files = new TreeMap<>();
        for (Path d : shards) {
            SweepSpec s = SweepFiles.readSpec(d);
            for (long seed : s.ownSeeds()) {
                files.put(seed, SweepFiles.blockFile(d, seed));
            }
        }
        for (var e : files.entrySet()) {
            ReportFiles.writeAtomically(SweepFiles.blockFile(out, e.getKey()),
                    Files.readString(e.getValue(), StandardCharsets.UTF_8));
        }
        SweepFiles.writeSpec(out, merged);
        return SweepReport.write(out, merged);
    }
}
