package io.github.theorybench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Report output directories: a run writes everything into a staging directory next to the target, then moves each
 * entry into place, so an interrupted run leaves the previous report intact. A directory holding files but not the
 * {@link #MARKER} is foreign and refused.
 */
public final class ReportFiles {
    /** Present in every directory theorybench writes reports into. */
    public static final String MARKER = ".theorybench-report";

    private ReportFiles() {
    }

    /**
     * Creates {@code out} if needed and marks it as a report directory; refuses a non-empty directory without the
     * marker, or an unwritable one.
     */
    public static void prepareOutput(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException("--out " + out + " exists and is not a directory");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IOException("--out " + out + " cannot be created (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        if (!Files.isWritable(out)) {
            throw new IOException("--out " + out + " is not writable");
        }
        boolean empty;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            empty = !ds.iterator().hasNext();
        }
        if (!empty && !Files.exists(out.resolve(MARKER))) {
            throw new IOException("--out " + out + " holds files that theorybench did not write (no " + MARKER
                    + "); choose an empty directory or a previous report directory");
        }
        if (empty) {
            Files.writeString(out.resolve(MARKER), "written by theorybench\n", StandardCharsets.UTF_8);
        }
    }

    /** A fresh staging directory inside {@code out} (same file system, so the final moves are renames). */
    public static Path staging(Path out) throws IOException {
        return Files.createTempDirectory(out, ".tmp-");
    }

    /** Moves every entry of {@code staging} into {@code out} (replacing same-named entries), then deletes staging. */
    public static void publish(Path staging, Path out) throws IOException {
        Files.writeString(staging.resolve(MARKER), "written by theorybench\n", StandardCharsets.UTF_8);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(staging)) {
            for (Path entry : ds) {
                Path target = out.resolve(entry.getFileName().toString());
                if (Files.isDirectory(entry) && Files.exists(target)) {
                    Path old = out.resolve(".old-" + entry.getFileName() + "-" + System.nanoTime());
                    move(target, old);
                    move(entry, target);
                    deleteTree(old);
                } else {
                    move(entry, target);
                }
            }
        }
        deleteTree(staging);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes text via a temporary file in the same directory, then an atomic rename. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".part");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
