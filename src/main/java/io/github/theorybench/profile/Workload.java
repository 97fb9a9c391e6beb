package io.github.theorybench.profile;

import java.util.Map;

/**
 * What {@link ProfileRunner} profiles: a claims run ({@link ClaimsWorkload}) or one hot-loop benchmark
 * ({@link BenchWorkload}). {@link #prepare()} runs before the profiler starts (loading backends, building and warming
 * a benchmark's state); {@link #run()} is the profiled part.
 */
public interface Workload {
    /** Human-readable title of the profile, e.g. {@code LAZY-1} or {@code gramStructured, openblas, 1024x4096x256}. */
    String title();

    void prepare() throws Exception;

    void run() throws Exception;

    /** The Markdown section describing what ran (checks and their times, or operations and time per operation). */
    String markdown(ResourceMeter.Usage usage);

    /** The same facts for profile.json (check names under "checks" for the report's links). */
    Map<String, Object> json(ResourceMeter.Usage usage);
}
