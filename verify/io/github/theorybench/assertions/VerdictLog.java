package io.github.theorybench.assertions;

import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Verdicts asserted during the test run (read by the end-of-run claims table), each marked with whether the
 * asserting test class is a {@link SmallInstances} one.
 */
public final class VerdictLog {
    /** One asserted verdict; {@code smallInstance} when it was asserted from a {@link SmallInstances} test class. */
    public record Entry(Verdict verdict, boolean smallInstance) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private VerdictLog() {
    }

    public static void record(Verdict v) {
        boolean small = callingSmallInstanceClass().isPresent();
        synchronized (ENTRIES) {
            ENTRIES.add(new Entry(v, small));
        }
    }

    /** The outermost {@link SmallInstances} class on the caller's stack (the test class asserting), if any. */
    static java.util.Optional<Class<?>> callingSmallInstanceClass() {
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .map(VerdictLog::smallInstanceClass).filter(java.util.Objects::nonNull).findFirst());
    }

    /** The class, or a class it is nested in (nested, local and anonymous helpers of a test class), if marked. */
    static Class<?> smallInstanceClass(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (k.isAnnotationPresent(SmallInstances.class)) {
                return k;
            }
        }
        return null;
    }

    static boolean isSmallInstanceClass(Class<?> c) {
        return smallInstanceClass(c) != null;
    }

    public static List<Entry> snapshot() {
        synchronized (ENTRIES) {
            return List.copyOf(ENTRIES);
        }
    }
}
