package io.github.theorybench.assertions;

import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Verdicts asserted during the test run (read by the end-of-run claims table). */
public final class VerdictLog {
    private static final List<Verdict> VERDICTS = new ArrayList<>();

    private VerdictLog() {
    }

    public static synchronized void record(Verdict v) {
        VERDICTS.add(v);
    }

    public static synchronized List<Verdict> snapshot() {
        return List.copyOf(VERDICTS);
    }
}
