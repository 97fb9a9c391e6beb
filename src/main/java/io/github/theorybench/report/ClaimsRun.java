package io.github.theorybench.report;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.BackendUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs claim checks and collects their results: one {@link Outcome} per check, in registration order, with its wall
 * time kept apart from the verdicts. Checks run on {@link OrderedWorkers} (default two workers, each check on
 * single-threaded BLAS): every check draws its instances from the run's seed alone, so the outcomes — and every byte
 * of the report but the timings — are the same for any number of workers. A check that throws becomes error rows (one
 * per selected ID it covers), never a crash — except a missing backend, which no check can work around and which must
 * stop the run.
 */
public final class ClaimsRun {
    /** The result of one check: its verdicts restricted to the selected IDs, figures, tables, instances, time. */
    public record Outcome(String checkName, List<String> ids, CheckResult result, double seconds) {
    }

    private ClaimsRun() {
    }

    /** Runs {@code checks} on {@link OrderedWorkers#defaultWorkers()} workers. */
    public static List<Outcome> run(List<ClaimCheck> checks, List<String> selectedIds, CheckContext ctx) {
        return run(checks, selectedIds, ctx, OrderedWorkers.defaultWorkers());
    }

    /** Runs {@code checks} on {@code workers} workers; outcomes in the order of {@code checks}. */
    public static List<Outcome> run(List<ClaimCheck> checks, List<String> selectedIds, CheckContext ctx,
            int workers) {
        Set<String> wanted = new LinkedHashSet<>(selectedIds);
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (int k = 0; k < checks.size(); k++) {
            ClaimCheck check = checks.get(k);
            String label = String.format(Locale.ROOT, "[%d/%d] %s", k + 1, checks.size(),
                    check.getClass().getSimpleName());
            tasks.add(() -> runOne(check, wanted, ctx, label));
        }
        return OrderedWorkers.map(tasks, workers);
    }

    /**
     * Runs one check on {@code ctx} and keeps the rows of the {@code wanted} IDs; progress lines start with
     * {@code label}. A check that throws (anything but a missing backend) gives one error row per wanted ID it covers.
     */
    public static Outcome runOne(ClaimCheck check, Set<String> wanted, CheckContext ctx, String label) {
        String name = check.getClass().getSimpleName();
        List<String> ids = check.ids().stream().filter(wanted::contains).toList();
        ctx.progress(label + " (" + String.join(", ", ids) + ") ...");
        long t0 = System.nanoTime();
        CheckResult filtered = new CheckResult();
        try {
            CheckResult r = check.run(ctx);
            r.verdicts().stream().filter(v -> wanted.contains(v.id())).forEach(filtered::add);
            r.figures().forEach(filtered::figure);
            r.tables().forEach(filtered::table);
            r.instances().forEach(filtered::instance);
        } catch (BackendUnavailableException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            for (String id : ids) {
                filtered.add(Verdict.error(id, name, ctx.seed(), ctx.backend().name(), e));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bad = filtered.verdicts().stream().filter(v -> v.status().needsAttention()).count();
        ctx.progress(String.format(Locale.ROOT, "%s done in %.1f s: %d rows%s", label, seconds,
                filtered.verdicts().size(), bad == 0 ? "" : ", " + bad + " violated/error"));
        return new Outcome(name, ids, filtered, seconds);
    }
}
