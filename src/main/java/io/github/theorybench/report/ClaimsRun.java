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

/**
 * Runs claim checks and collects their results: one {@link Outcome} per check, with its wall time kept apart from
 * the verdicts. A check that throws becomes error rows (one per selected ID it covers), never a crash — except a
 * missing backend, which no check can work around and which must stop the run.
 */
public final class ClaimsRun {
    /** The result of one check: its verdicts restricted to the selected IDs, figures, tables, instances, time. */
    public record Outcome(String checkName, List<String> ids, CheckResult result, double seconds) {
    }

    private ClaimsRun() {
    }

    public static List<Outcome> run(List<ClaimCheck> checks, List<String> selectedIds, CheckContext ctx) {
        Set<String> wanted = new LinkedHashSet<>(selectedIds);
        List<Outcome> outcomes = new ArrayList<>();
        int k = 0;
        for (ClaimCheck check : checks) {
            k++;
            String name = check.getClass().getSimpleName();
            List<String> ids = check.ids().stream().filter(wanted::contains).toList();
            ctx.progress(String.format(Locale.ROOT, "[%d/%d] %s (%s) ...", k, checks.size(), name,
                    String.join(", ", ids)));
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
            long bad = filtered.verdicts().stream().filter(v -> v.status().needsAttention())
                    .count();
            ctx.progress(String.format(Locale.ROOT, "[%d/%d] %s done in %.1f s: %d rows%s", k, checks.size(), name,
                    seconds, filtered.verdicts().size(), bad == 0 ? "" : ", " + bad + " violated/error"));
            outcomes.add(new Outcome(name, ids, filtered, seconds));
        }
        return outcomes;
    }
}
