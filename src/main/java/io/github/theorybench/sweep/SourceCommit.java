package io.github.theorybench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit a sweep ran from: {@code git rev-parse HEAD} in the working directory (bin/theorybench runs from the
 * checkout's root), with "+dirty" when tracked files differ from it, or "unknown" outside a git checkout. Shards of one
 * run must agree on it ({@link SweepSpec#differenceFrom}).
 */
public final class SourceCommit {
    private SourceCommit() {
    }

    public static String current() {
        String head = git(List.of("git", "rev-parse", "HEAD"));
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return "unknown";
        }
        String status = git(List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return status == null || !status.isEmpty() ? head + "+dirty" : head;
    }

    private static String git(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
