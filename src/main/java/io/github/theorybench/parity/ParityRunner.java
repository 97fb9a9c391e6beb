package io.github.theorybench.parity;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.NativeLibraries;
import io.github.theorybench.report.ClaimsRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the same claim selection, seed and sizes on each backend in turn (each run on {@link ClaimsRun}'s workers,
 * OpenBLAS single-threaded as in every claim run), so the runs differ in the backend alone.
 */
public final class ParityRunner {
    private ParityRunner() {
    }

    /** One run per backend, in the order given; a backend that fails to load stops everything (one line). */
    public static List<BackendRun> run(List<String> backends, List<String> ids, long seed, boolean quick, int workers,
            Consumer<String> progress) {
        NativeLibraries.useSingleThreadedOpenBlas();
        List<Backend> loaded = backends.stream().map(Backends::byName).toList();
        List<BackendRun> runs = new ArrayList<>();
        for (Backend b : loaded) {
            runs.add(runOne(b, ids, seed, quick, workers, progress));
        }
        return runs;
    }

    static BackendRun runOne(Backend b, List<String> ids, long seed, boolean quick, int workers,
            Consumer<String> progress) {
        List<ClaimCheck> checks = ClaimRegistry.covering(ids);   // fresh check objects for every backend
        long t0 = System.nanoTime();
        CheckContext ctx = new CheckContext(b, seed, quick, line -> progress.accept(String.format(Locale.ROOT,
                "%-8s [%6.1fs] %s", b.name(), (System.nanoTime() - t0) / 1e9, line)));
        List<ClaimsRun.Outcome> outcomes = ClaimsRun.run(checks, ids, ctx, workers);
        double wall = (System.nanoTime() - t0) / 1e9;
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, Double> perCheck = new LinkedHashMap<>();
        for (ClaimsRun.Outcome o : outcomes) {
            verdicts.addAll(o.result().verdicts());
            perCheck.put(o.checkName(), o.seconds());
        }
        progress.accept(String.format(Locale.ROOT, "%-8s done: %d rows in %.1f s", b.name(), verdicts.size(), wall));
        return new BackendRun(b.name(), b.description(), verdicts, wall, perCheck);
    }
}
