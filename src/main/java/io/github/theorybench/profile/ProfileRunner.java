package io.github.theorybench.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.theorybench.report.ReportFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import one.profiler.AsyncProfiler;

/**
 * Profiles one {@link Workload} with async-profiler and writes {@code <parent>/<name>/}: {@code flamegraph.html}
 * (async-profiler's own, Java and native frames, library names on native frames), {@code README.md} (the summary:
 * CPU share per layer, top self-time frames, allocation, GC, wall vs CPU time and threads), {@code profile.json} (the
 * same, machine-readable) and {@code stacks.collapsed.gz} (every sampled stack, from which the summary is computed).
 * Everything is written into a staging directory and moved into place at the end: a failure leaves no partial profile.
 */
public final class ProfileRunner {
    /** Frames listed in the summary's self-time table. */
    public static final int TOP_FRAMES = 15;

    /**
     * How to profile.
     *
     * @param parent      the directory holding profiles (e.g. {@code reports/profile})
     * @param name        the profile's directory name
     * @param command     the command line that reproduces the profile (printed in the summary)
     * @param event       {@code auto} (perf_events' CPU clock where permitted, else {@code itimer}), {@code cpu},
     *                    {@code itimer} or {@code ctimer}
     * @param intervalMs  sampling interval in milliseconds of CPU time
     * @param profilerLib a libasyncProfiler.so to load instead of the jar's, or null
     */
    public record Options(Path parent, String name, String command, String event, int intervalMs, Path profilerLib) {
    }

    /** The event that ran and, when {@code auto} fell back, why. */
    record Event(String name, String note) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileRunner() {
    }

    /**
     * Loads the profiler and checks the event, before any output directory is touched or anything slow runs: a
     * profiler that cannot load or sample fails fast with one line.
     */
    public static void preflight(Options o) {
        chooseEvent(AsyncProfilerLibrary.load(o.profilerLib()), o.event());
    }

    public static Path run(Workload w, Options o, PrintWriter progress) throws Exception {
        AsyncProfiler profiler = AsyncProfilerLibrary.load(o.profilerLib());
        Event event = chooseEvent(profiler, o.event());
        try {
            ReportFiles.prepareOutput(o.parent());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Path staging = ReportFiles.staging(o.parent());
        try {
            Path dir = Files.createDirectories(staging.resolve(o.name()));
            progress.println("profile: " + w.title() + " — preparing (not profiled)");
            progress.flush();
            w.prepare();
            progress.printf(Locale.ROOT, "profile: async-profiler %s, event %s every %d ms%s%n",
                    AsyncProfilerLibrary.jarVersion(), event.name(), o.intervalMs(),
                    event.note().isEmpty() ? "" : " (" + event.note() + ")");
            progress.flush();
            ResourceMeter.Usage usage;
            String collapsed;
            String flame;
            try (ResourceMeter meter = new ResourceMeter()) {
                start(profiler, event.name(), o.intervalMs());
                try {
                    w.run();
                } finally {
                    profiler.execute("stop");
                }
                usage = meter.stop();
                collapsed = profiler.execute("collapsed,ann,lib");
                flame = profiler.execute("flamegraph,lib,title=" + o.name().replace(',', ' ')
                        + " — theorybench profile");
            }
            List<CollapsedStacks.Stack> stacks = CollapsedStacks.parse(collapsed);
            if (stacks.isEmpty()) {
                throw new ProfilerUnavailableException("async-profiler recorded no samples (event " + event.name()
                        + "); the workload may have been too short for a " + o.intervalMs() + " ms interval");
            }
            LayerShares shares = LayerShares.of(stacks, TOP_FRAMES);
            Files.writeString(dir.resolve("flamegraph.html"), flame, StandardCharsets.UTF_8);
            try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("stacks.collapsed.gz")))) {
                gz.write(collapsed.getBytes(StandardCharsets.UTF_8));
            }
            ProfileSummary summary = new ProfileSummary(w.title(), o.command(), "async-profiler "
                    + AsyncProfilerLibrary.jarVersion(), event.name(), event.note(), o.intervalMs(), shares, usage);
            Files.writeString(dir.resolve("README.md"), ProfileMarkdown.render(summary, w.markdown(usage)),
                    StandardCharsets.UTF_8);
            Map<String, Object> json = new LinkedHashMap<>(ProfileMarkdown.json(summary));
            json.putAll(w.json(usage));
            Files.writeString(dir.resolve("profile.json"), JSON.writeValueAsString(json) + "\n",
                    StandardCharsets.UTF_8);
            ReportFiles.publish(staging, o.parent());
            Path out = o.parent().resolve(o.name());
            progress.printf(Locale.ROOT, "profile: %d samples, %s %.0f%% -> %s%n", shares.total(),
                    shares.dominant().label(), 100 * shares.share(shares.dominant()), out.resolve("README.md"));
            progress.flush();
            return out;
        } finally {
            ReportFiles.deleteTree(staging);
        }
    }

    static void start(AsyncProfiler profiler, String event, int intervalMs) {
        try {
            // DWARF unwinding: OpenBLAS's kernels keep no frame pointers, so without it their callers are lost
            profiler.execute("start,event=" + event + ",interval=" + intervalMs + "ms,cstack=dwarf");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ProfilerUnavailableException("async-profiler: cannot start event " + event + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@code auto}: perf_events' CPU clock where this machine permits it, else {@code itimer} (setitimer's process CPU
     * timer, no kernel frames), with the reason; any other name must pass async-profiler's own check.
     */
    static Event chooseEvent(AsyncProfiler profiler, String requested) {
        if (!"auto".equals(requested)) {
            String why = check(profiler, requested);
            if (why != null) {
                throw new ProfilerUnavailableException("async-profiler: event " + requested + " is not available"
                        + " here: " + why);
            }
            return new Event(requested, "");
        }
        String perf = check(profiler, "cpu-clock");
        if (perf == null) {
            return new Event("cpu", "");
        }
        String itimer = check(profiler, "itimer");
        if (itimer != null) {
            throw new ProfilerUnavailableException("async-profiler: neither perf_events (" + perf + ") nor itimer ("
                    + itimer + ") can sample this JVM");
        }
        return new Event("itimer", "perf_events are not permitted here (" + perf + "), so the itimer engine ran");
    }

    /** null when async-profiler can use the event, else its reason. */
    static String check(AsyncProfiler profiler, String event) {
        try {
            profiler.execute("check,event=" + event);
            return null;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
        }
    }
}
