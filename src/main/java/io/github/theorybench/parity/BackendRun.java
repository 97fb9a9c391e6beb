package io.github.theorybench.parity;

import io.github.theorybench.claims.Verdict;
import java.util.List;
import java.util.Map;

/**
 * One backend's claims run for the parity matrix: its verdict rows (error rows included), its wall time and the time
 * of each check.
 */
public record BackendRun(String backend, String description, List<Verdict> verdicts, double wallSeconds,
        Map<String, Double> checkSeconds) {
    public BackendRun {
        verdicts = List.copyOf(verdicts);
        checkSeconds = Map.copyOf(checkSeconds);
    }
}
