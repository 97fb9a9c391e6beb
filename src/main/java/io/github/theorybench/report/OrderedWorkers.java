package io.github.theorybench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent tasks on a fixed number of worker threads, results in the order the tasks were given, whatever the
 * order they finish in. Each task computes its own numbers from its own inputs (claim checks derive everything from
 * their seed, and the backends keep no state between calls), so what a task returns does not depend on the worker
 * that ran it or on what ran beside it: the cores are used across checks and seeds, never inside a reduction
 * (Trust rule 5).
 */
public final class OrderedWorkers {
    private OrderedWorkers() {
    }

    /** The default pool size: two workers, or one on a one-core machine (each check runs single-threaded BLAS). */
    public static int defaultWorkers() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs {@code tasks} on {@code workers} threads (on the calling thread when one worker, or one task, suffices) and
     * returns their results in task order. The first task that throws stops the rest and its exception is rethrown as
     * it was (unchecked ones unwrapped).
     */
    public static <T> List<T> map(List<? extends Callable<T>> tasks, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + workers);
        }
        if (workers == 1 || tasks.size() <= 1) {
            List<T> out = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) {
                out.add(call(t));
            }
            return out;
        }
        ExecutorService pool = newPool(Math.min(workers, tasks.size()), "theorybench-worker");
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(t));
            }
            List<T> out = new ArrayList<>(tasks.size());
            for (Future<T> f : futures) {
                out.add(await(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fixed pool of daemon threads named {@code prefix-1, prefix-2, …}. */
    public static ExecutorService newPool(int workers, String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(workers, tf);
    }

    /** The future's value, or the task's own exception (unchecked ones as they were thrown). */
    public static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    private static <T> T call(Callable<T> t) {
        try {
            return t.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
