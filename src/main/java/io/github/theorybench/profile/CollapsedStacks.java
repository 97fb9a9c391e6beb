package io.github.theorybench.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * async-profiler's collapsed format: one line per distinct stack, frames root first separated by {@code ;}, then a
 * space and the number of samples. Malformed lines are refused, not skipped, so a summary never silently loses
 * samples.
 */
public final class CollapsedStacks {
    /** One distinct stack and its sample count. */
    public record Stack(List<Frame> frames, long samples) {
        public Frame leaf() {
            return frames.get(frames.size() - 1);
        }

        /** The innermost frame outside the kernel (a page fault or system call is charged to the code entering it). */
        public Frame userLeaf() {
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (frames.get(i).kind() != Frame.Kind.KERNEL) {
                    return frames.get(i);
                }
            }
            return leaf();
        }

        /**
         * The name a sample's self time is summed under: the {@link #userLeaf()}'s display name; a native frame the
         * profiler could not name (a library's static function, e.g. OpenBLAS's {@code blas_thread_server} spin loop)
         * adds its nearest named caller, so the static functions of one library are not lumped into one row.
         */
        public String selfName() {
            int i = frames.size() - 1;
            while (i > 0 && frames.get(i).kind() == Frame.Kind.KERNEL) {
                i--;
            }
            Frame leaf = frames.get(i);
            if (!Frame.UNEXPORTED.equals(leaf.name())) {
                return leaf.display();
            }
            for (int j = i - 1; j >= 0; j--) {
                Frame f = frames.get(j);
                if (!Frame.UNEXPORTED.equals(f.name()) && f.kind() != Frame.Kind.KERNEL) {
                    return leaf.display() + " (called from " + f.display() + ")";
                }
            }
            return leaf.display() + " (no named caller)";
        }

        /** Whether the sample was taken in the kernel. */
        public boolean inKernel() {
            return leaf().kind() == Frame.Kind.KERNEL;
        }
    }

    private CollapsedStacks() {
    }

    public static List<Stack> parse(String text) {
        List<Stack> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            long n;
            try {
                n = space < 0 ? -1 : Long.parseLong(line.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0 || space == 0) {
                throw new IllegalArgumentException("collapsed stacks, line " + lineNo + ": no sample count");
            }
            List<Frame> frames = new ArrayList<>();
            for (String raw : line.substring(0, space).split(";")) {
                if (!raw.isEmpty()) {
                    frames.add(Frame.parse(raw));
                }
            }
            if (frames.isEmpty()) {
                throw new IllegalArgumentException("collapsed stacks, line " + lineNo + ": no frames");
            }
            out.add(new Stack(List.copyOf(frames), n));
        }
        return out;
    }
}
