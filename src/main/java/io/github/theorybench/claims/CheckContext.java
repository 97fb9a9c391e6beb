package io.github.theorybench.claims;

import io.github.theorybench.linalg.Backend;
import java.util.function.Consumer;

/**
 * Where a check runs: backend, base seed, sizes (quick = small instances for tests and smoke runs; otherwise the
 * sizes CLAIMS.md gives), and a sink for progress lines (stderr in the CLI).
 */
public record CheckContext(Backend backend, long seed, boolean quick, Consumer<String> progress) {
    public CheckContext {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be non-negative, got " + seed);
        }
        if (progress == null) {
            progress = s -> { };
        }
    }

    public static CheckContext of(Backend backend, long seed, boolean quick) {
        return new CheckContext(backend, seed, quick, s -> { });
    }

    public void progress(String line) {
        progress.accept(line);
    }
}
