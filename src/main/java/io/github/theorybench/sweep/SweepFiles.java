package io.github.theorybench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.theorybench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a sweep directory: {@code sweep-run.json} (what the sweep is), {@code blocks/seed-N.json} (one file
 * per completed seed block, each written to a temporary file and renamed, so a block is either whole or absent),
 * and, once every block is there, the pages {@code sweep.json}, {@code README.md} and {@code plots/}.
 */
public final class SweepFiles {
    public static final String SPEC = "sweep-run.json";
    public static final String BLOCKS = "blocks";
    private static final Pattern BLOCK_FILE = Pattern.compile("seed-(\\d+)\\.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepFiles() {
    }

    public static Path blockFile(Path dir, long seed) {
        return dir.resolve(BLOCKS).resolve("seed-" + seed + ".json");
    }

    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(SPEC));
    }

    public static SweepSpec readSpec(Path dir) throws IOException {
        try {
            return SweepSpec.fromJson(JSON.readTree(dir.resolve(SPEC).toFile()));
        } catch (IOException | RuntimeException e) {
            throw new IOException(dir.resolve(SPEC) + " is not a sweep description (" + e.getMessage() + ")", e);
        }
    }

    public static void writeSpec(Path dir, SweepSpec spec) throws IOException {
        ReportFiles.writeAtomically(dir.resolve(SPEC), PRETTY.writeValueAsString(spec.toJson()) + "\n");
    }

    /** Writes one block: temporary file, then an atomic rename (an interrupted write leaves no block behind). */
    public static void writeBlock(Path dir, Block block) throws IOException {
        ReportFiles.writeAtomically(blockFile(dir, block.seed()), JSON.writeValueAsString(block.toJson()) + "\n");
    }

    public static Block readBlock(Path file) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
            return Block.fromJson(n);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a seed block (" + e.getMessage() + ")", e);
        }
    }

    /** The seeds that have a block file, ascending, each mapped to its file. */
    public static TreeMap<Long, Path> blockFiles(Path dir) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        Path blocks = dir.resolve(BLOCKS);
        if (!Files.isDirectory(blocks)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(blocks)) {
            for (Path p : ds) {
                Matcher m = BLOCK_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.put(Long.parseLong(m.group(1)), p);
                }
            }
        }
        return out;
    }

    /** The blocks of {@code seeds}, in that order; every one must exist. */
    public static List<Block> readBlocks(Path dir, List<Long> seeds) throws IOException {
        List<Block> out = new ArrayList<>();
        for (long s : seeds) {
            Block b = readBlock(blockFile(dir, s));
            if (b.seed() != s) {
                throw new IOException(blockFile(dir, s) + " holds seed " + b.seed());
            }
            out.add(b);
        }
        return out;
    }
}
