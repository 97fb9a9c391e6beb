package io.github.theorybench.sweep;

import io.github.theorybench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The rules for a sweep's output directory: empty, new, or a previous sweep's (only the sweep's own files in it, so
 * {@code --out reports} can never wipe the main report). Checked before anything is written.
 */
public final class SweepOutput {
    private static final Set<String> OWN = Set.of(ReportFiles.MARKER, SweepFiles.SPEC, SweepFiles.BLOCKS,
            "sweep.json", "README.md", "plots");

    private SweepOutput() {
    }

    /** Refuses a directory that holds anything but a previous sweep (one line, as an IllegalArgumentException). */
    public static void checkUsable(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!OWN.contains(n) && !n.startsWith(".tmp-") && !n.startsWith(".old-")) {
                    throw new IllegalArgumentException("--out " + out + " holds '" + n + "', which is not part of a"
                            + " sweep; choose an empty directory or a previous sweep's");
                }
            }
        }
    }

    /** Makes {@code out} an empty sweep directory (keeping nothing of a previous sweep). */
    public static void prepareFresh(Path out) throws IOException {
        checkUsable(out);
        prepare(out);
        for (String n : new String[] {SweepFiles.BLOCKS, "plots", "sweep.json", "README.md", SweepFiles.SPEC}) {
            Path p = out.resolve(n);
            if (Files.isDirectory(p)) {
                ReportFiles.deleteTree(p);
            } else {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Creates and marks {@code out} (one-line errors for unwritable paths); clears temporary files of a crash. */
    public static void prepare(Path out) throws IOException {
        try {
            ReportFiles.prepareOutput(out);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (Path d : new Path[] {out, out.resolve(SweepFiles.BLOCKS)}) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, ".tmp-*")) {
                for (Path p : ds) {
                    if (Files.isDirectory(p)) {
                        ReportFiles.deleteTree(p);
                    } else {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
