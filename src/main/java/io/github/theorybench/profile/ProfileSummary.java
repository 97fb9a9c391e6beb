package io.github.theorybench.profile;

/**
 * Everything a profile's summary states, apart from the workload's own section.
 *
 * @param title      what was profiled
 * @param command    the command that reproduces it
 * @param profiler   the profiler and its version
 * @param event      the sampling event that ran ({@code cpu} = perf_events' CPU clock, {@code itimer}, ...)
 * @param eventNote  why {@code auto} fell back to another event, or ""
 * @param intervalMs the sampling interval (CPU time)
 * @param shares     the samples, charged to layers
 * @param usage      wall and CPU time, GC, allocation, threads
 */
public record ProfileSummary(String title, String command, String profiler, String event, String eventNote,
        int intervalMs, LayerShares shares, ResourceMeter.Usage usage) {
}
