package io.github.theorybench.sweep;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.report.ClaimsRun;
import io.github.theorybench.report.OrderedWorkers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's missing seed blocks on a pool of workers. The unit of work is one check at one base seed, each on a
 * fresh check object and single-threaded BLAS, so a block's numbers do not depend on the pool, the order, or what ran
 * before it in this JVM. A block is written (atomically) as soon as its last check finishes, and one progress line per
 * block goes to stderr: blocks done / total, elapsed, ETA.
 */
public final class SweepRunner {
    private final Path dir;
    private final SweepSpec spec;
    private final Backend backend;
    private final PrintWriter err;
    private final AtomicInteger done = new AtomicInteger();
    private long start;
    private int total;
    private int before;

    public SweepRunner(Path dir, SweepSpec spec, Backend backend, PrintWriter err) {
        this.dir = dir;
        this.spec = spec;
        this.backend = backend;
        this.err = err;
    }

    /** The spec's own seeds that have no block yet, ascending. */
    public List<Long> missing() throws IOException {
        Set<Long> have = SweepFiles.blockFiles(dir).keySet();
        return spec.ownSeeds().stream().filter(s -> !have.contains(s)).toList();
    }

    /** Runs every missing block on {@code workers} threads; returns the number of blocks run. */
    public int run(int workers) throws IOException {
        List<Long> todo = missing();
        total = spec.ownSeeds().size();
        before = total - todo.size();
        start = System.nanoTime();
        if (before > 0) {
            line(String.format(Locale.ROOT, "sweep: resuming: %d of %d blocks already done, %d to run", before, total,
                    todo.size()));
        }
        List<Runnable> tasks = new ArrayList<>();
        for (long seed : todo) {
            tasks.addAll(blockTasks(seed));
        }
        if (workers == 1) {
            tasks.forEach(Runnable::run);
            return todo.size();
        }
        ExecutorService pool = OrderedWorkers.newPool(workers, "theorybench-sweep");
        try {
            List<Future<?>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            for (Future<?> f : futures) {
                OrderedWorkers.await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        return todo.size();
    }

    /** One task per check of the block; the one that finishes last writes the block. */
    private List<Runnable> blockTasks(long seed) {
        List<ClaimCheck> checks = ClaimRegistry.covering(spec.ids());
        Set<String> wanted = new LinkedHashSet<>(spec.ids());
        CheckContext ctx = new CheckContext(backend, seed, spec.quick(), s -> { });
        ClaimsRun.Outcome[] slots = new ClaimsRun.Outcome[checks.size()];
        AtomicInteger remaining = new AtomicInteger(checks.size());
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < checks.size(); k++) {
            int slot = k;
            tasks.add(() -> {
                slots[slot] = ClaimsRun.runOne(checks.get(slot), wanted, ctx, "seed " + seed);
                if (remaining.decrementAndGet() == 0) {
                    finish(seed, slots);
                }
            });
        }
        if (checks.isEmpty()) {
            tasks.add(() -> finish(seed, slots));
        }
        return tasks;
    }

    private void finish(long seed, ClaimsRun.Outcome[] slots) {
        List<Block.Row> rows = new ArrayList<>();
        for (ClaimsRun.Outcome o : slots) {
            o.result().verdicts().forEach(v -> rows.add(Block.Row.of(v)));
        }
        try {
            SweepFiles.writeBlock(dir, new Block(seed, backend.description(), rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long bad = rows.stream().filter(r -> r.statusValue().needsAttention()).count();
        int n = done.incrementAndGet();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / n * (total - before - n);
        line(String.format(Locale.ROOT, "sweep: [%d/%d] seed %d: %d rows, %d violated/error; %s elapsed, ETA %s",
                before + n, total, seed, rows.size(), bad, duration(elapsed), duration(eta)));
    }

    private synchronized void line(String s) {
        err.println(s);
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        return s < 3600 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
