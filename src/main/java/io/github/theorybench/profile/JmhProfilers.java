package io.github.theorybench.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/**
 * JMH's own profilers for {@code theorybench bench --prof NAME[:OPTIONS]} ({@code gc}, {@code stack}, {@code async},
 * any other JMH knows): each is checked with JMH's factory before the suite starts (a profiler that cannot run here
 * fails in one line), and {@code async} gets the async-profiler library from the Maven jar
 * ({@link AsyncProfilerLibrary}) and an output directory unless the options name them.
 */
public final class JmhProfilers {
    /** A profiler and its JMH option line ({@code key=value;key=value}, possibly empty). */
    public record Spec(String name, String options) {
    }

    private JmhProfilers() {
    }

    /**
     * Parses {@code NAME[:OPTIONS]} arguments and checks each with JMH; {@code asyncDir} is where {@code async} writes
     * when its options give no {@code dir}.
     */
    public static List<Spec> parse(List<String> args, Path asyncDir) {
        List<Spec> out = new ArrayList<>();
        for (String a : args) {
            int colon = a.indexOf(':');
            String name = (colon < 0 ? a : a.substring(0, colon)).trim();
            String opts = colon < 0 ? "" : a.substring(colon + 1).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("--prof needs a JMH profiler name (gc, stack, async, ...), got '"
                        + a + "'");
            }
            if (name.equals("async")) {
                opts = asyncOptions(opts, asyncDir);
            }
            try {
                ProfilerFactory.getProfilerOrException(new ProfilerConfig(name, opts));
            } catch (ProfilerException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new ProfilerUnavailableException("JMH profiler '" + name + "' cannot run here: "
                        + msg.lines().findFirst().orElse(msg));
            }
            out.add(new Spec(name, opts));
        }
        return List.copyOf(out);
    }

    /** JMH's async-profiler options with {@code libPath}, {@code dir}, {@code output} and DWARF unwinding defaulted. */
    static String asyncOptions(String opts, Path asyncDir) {
        List<String> parts = new ArrayList<>(opts.isEmpty() ? List.of() : List.of(opts.split(";")));
        if (parts.stream().noneMatch(p -> p.startsWith("libPath="))) {
            parts.add("libPath=" + AsyncProfilerLibrary.libraryFile(null));
        }
        if (parts.stream().noneMatch(p -> p.startsWith("dir="))) {
            parts.add("dir=" + asyncDir.toAbsolutePath());
        }
        if (parts.stream().noneMatch(p -> p.startsWith("output="))) {
            parts.add("output=flamegraph");
        }
        if (parts.stream().noneMatch(p -> p.startsWith("cstack=") || p.startsWith("rawCommand="))) {
            parts.add("rawCommand=cstack=dwarf"); // JMH 1.37's own cstack option predates DWARF unwinding
        }
        return String.join(";", parts);
    }

    /** Adds the profilers to a JMH run. */
    public static ChainedOptionsBuilder apply(ChainedOptionsBuilder o, List<Spec> specs) {
        for (Spec s : specs) {
            o = s.options().isEmpty() ? o.addProfiler(s.name()) : o.addProfiler(s.name(), s.options());
        }
        return o;
    }

    /**
     * A Markdown table of bytes allocated per operation ({@code gc.alloc.rate.norm}, from {@code --prof gc}) for every
     * result that has it, or "" when none has.
     */
    public static String allocationMarkdown(Collection<RunResult> results) {
        StringBuilder rows = new StringBuilder();
        for (RunResult r : results) {
            Map<String, Result> sec = r.getSecondaryResults();
            Result norm = sec.get("gc.alloc.rate.norm");
            if (norm == null) {
                continue;
            }
            String bench = r.getParams().getBenchmark();
            bench = bench.substring(bench.lastIndexOf('.') + 1);
            String backend = r.getParams().getParam("backend");
            String size = r.getParams().getParam("size");
            Result rate = sec.get("gc.alloc.rate");
            rows.append("| ").append(bench).append(" | ").append(backend == null ? "–" : backend).append(" | ")
                    .append(size == null ? "–" : size).append(" | ")
                    .append(ProfileMarkdown.bytes(norm.getScore())).append(" | ")
                    .append(rate == null ? "–" : String.format(Locale.ROOT, "%.1f MB/s", rate.getScore()))
                    .append(" |\n");
        }
        if (rows.length() == 0) {
            return "";
        }
        return "\n## Allocation per operation (JMH `-prof gc`)\n\nJava heap bytes allocated per benchmark operation "
                + "(`gc.alloc.rate.norm`): a backend that copies arrays into JNI or allocates result matrices shows "
                + "here; off-heap buffers do not.\n\n| benchmark | backend | size | bytes per operation | allocation "
                + "rate |\n|---|---|---|---:|---:|\n" + rows;
    }
}
