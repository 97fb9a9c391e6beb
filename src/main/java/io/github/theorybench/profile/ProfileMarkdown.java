package io.github.theorybench.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The profile summary: README.md and the common part of profile.json. */
final class ProfileMarkdown {
    private ProfileMarkdown() {
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String bytes(double b) {
        double a = Math.abs(b);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    static String eventText(ProfileSummary s) {
        String engine = switch (s.event()) {
            case "cpu" -> "`cpu` (perf_events' CPU clock: on-CPU time of every thread, Java and native, kernel frames"
                    + " where permitted)";
            case "itimer" -> "`itimer` (setitimer's process CPU timer: on-CPU time, user-space frames only)";
            case "ctimer" -> "`ctimer` (per-thread POSIX CPU timers)";
            default -> "`" + s.event() + "`";
        };
        return engine + (s.eventNote().isEmpty() ? "" : " — " + s.eventNote());
    }

    static String render(ProfileSummary s, String workloadSection) {
        LayerShares sh = s.shares();
        ResourceMeter.Usage u = s.usage();
        StringBuilder sb = new StringBuilder("# Profile: ").append(s.title()).append("\n\n");
        sb.append("`").append(s.command()).append("` — ").append(s.profiler()).append(", event ")
                .append(eventText(s)).append(String.format(Locale.ROOT, ", one sample per %d ms of CPU time, "
                        + "DWARF stack unwinding; **%d samples**.", s.intervalMs(), sh.total())).append("\n\n");
        sb.append("Flame graph: [flamegraph.html](flamegraph.html) (open it in a browser: click a frame to zoom, "
                + "Ctrl+F to search; native frames carry their library, e.g. `` libopenblas_nolapack.so.0`dgemm_kernel_HASWELL ``). "
                + "Every sampled stack: `stacks.collapsed.gz` (async-profiler's collapsed format, from which every "
                + "number below is computed); machine-readable: [profile.json](profile.json).\n\n");
        sb.append("> Wall times depend on what else the machine runs (load average ")
                .append(String.format(Locale.ROOT, "%.1f at the start, %.1f at the end", u.loadAverageStart(),
                        u.loadAverageEnd()))
                .append(" on this machine's cores): on a shared machine read them as this run's, not as the code's. "
                        + "The layer shares are proportions of this process's own CPU samples and stay meaningful.\n\n");
        sb.append("## CPU share per layer\n\nEach sample is charged to one layer (the first frame from the leaf that "
                + "belongs to one; whole GC and compiler threads to GC and JIT), so the shares sum to 100%.\n\n");
        sb.append("| layer | CPU share | samples | what it holds |\n|---|---:|---:|---|\n");
        for (Layer l : Layer.values()) {
            String what = l.contents();
            if (l == Layer.GC_JIT && sh.byLayer().get(l) > 0) {
                what += String.format(Locale.ROOT, " (here: GC and allocation %s, JIT %s of all samples)",
                        pct((sh.byLayer().get(l) - sh.jit()) / (double) sh.total()),
                        pct(sh.jit() / (double) sh.total()));
            }
            sb.append("| ").append(l.label()).append(" | ").append(pct(sh.share(l))).append(" | ")
                    .append(sh.byLayer().get(l)).append(" | ").append(what).append(" |\n");
        }
        sb.append("| **total** | **").append(pct(1.0)).append("** | **").append(sh.total()).append("** | |\n\n");
        sb.append("## Top ").append(sh.topFrames().size()).append(" self-time frames\n\nThe frame a sample was taken"
                + " in (the leaf; for the ").append(pct(sh.kernel() / (double) Math.max(1, sh.total())))
                .append(" of samples taken in the kernel — page faults, system calls — the frame that entered it; a "
                        + "library's unexported function with its nearest named caller), summed over all stacks, and "
                        + "the layer most of its samples were charged to.\n\n");
        sb.append("| # | frame | self | samples | layer |\n|---:|---|---:|---:|---|\n");
        int k = 1;
        for (LayerShares.SelfFrame f : sh.topFrames()) {
            sb.append("| ").append(k++).append(" | `` ").append(f.frame().replace("|", "\\|")).append(" `` | ")
                    .append(pct(f.samples() / (double) sh.total())).append(" | ").append(f.samples())
                    .append(" | ").append(f.layer().label()).append(" |\n");
        }
        sb.append('\n');
        resources(sb, s);
        sb.append(workloadSection);
        return sb.toString();
    }

    private static void resources(StringBuilder sb, ProfileSummary s) {
        ResourceMeter.Usage u = s.usage();
        double sampledCpu = s.shares().total() * s.intervalMs() / 1e3;
        sb.append("## Time, threads, memory\n\n| quantity | value |\n|---|---|\n");
        sb.append(String.format(Locale.ROOT, "| wall time (profiled part) | %.2f s |%n", u.wallSeconds()));
        sb.append(String.format(Locale.ROOT, "| CPU time of the process | %.2f s (%.2f cores busy on average) |%n",
                u.cpuSeconds(), u.busyCores()));
        sb.append(String.format(Locale.ROOT, "| CPU time sampled | %.2f s (%d samples × %d ms) |%n", sampledCpu,
                s.shares().total(), s.intervalMs()));
        sb.append(String.format(Locale.ROOT, "| threads | %d OS threads (Java and native, e.g. OpenBLAS's; the larger"
                + " count of start and end), %d Java threads at most |%n", u.osThreadsPeak(), u.javaThreadsPeak()));
        sb.append(String.format(Locale.ROOT, "| Java heap allocated | %s (%s/s of wall time, %s per CPU second) |%n",
                bytes(u.allocatedBytes()), bytes(u.allocatedBytes() / Math.max(1e-9, u.wallSeconds())),
                bytes(u.allocatedBytes() / Math.max(1e-9, u.cpuSeconds()))));
        sb.append(String.format(Locale.ROOT, "| garbage collections | %d, %.3f s in the collectors' pauses (%.1f%% of"
                + " wall time) |%n", u.gcCount(), u.gcSeconds(), 100 * u.gcSeconds() / Math.max(1e-9,
                        u.wallSeconds())));
        sb.append('\n').append("Heap allocation = bytes freed by the collections (their before − after reports) + "
                + "growth of the used heap over the run; off-heap buffers (OpenBLAS's direct matrices) are not in "
                + "it.\n\n");
    }

    static Map<String, Object> json(ProfileSummary s) {
        LayerShares sh = s.shares();
        ResourceMeter.Usage u = s.usage();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "theorybench profile");
        root.put("title", s.title());
        root.put("command", s.command());
        root.put("profiler", s.profiler());
        root.put("event", s.event());
        root.put("eventNote", s.eventNote());
        root.put("intervalMs", s.intervalMs());
        root.put("samples", sh.total());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer l : Layer.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", l.name());
            m.put("label", l.label());
            m.put("samples", sh.byLayer().get(l));
            m.put("share", sh.share(l));
            layers.add(m);
        }
        root.put("layers", layers);
        root.put("jitSamples", sh.jit());
        root.put("kernelSamples", sh.kernel());
        root.put("topFrames", sh.topFrames().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("frame", f.frame());
            m.put("samples", f.samples());
            m.put("layer", f.layer().name());
            return m;
        }).toList());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("wallSeconds", u.wallSeconds());
        r.put("cpuSeconds", u.cpuSeconds());
        r.put("osThreadsPeak", u.osThreadsPeak());
        r.put("javaThreadsPeak", u.javaThreadsPeak());
        r.put("allocatedBytes", u.allocatedBytes());
        r.put("gcCount", u.gcCount());
        r.put("gcSeconds", u.gcSeconds());
        r.put("loadAverageStart", u.loadAverageStart());
        r.put("loadAverageEnd", u.loadAverageEnd());
        root.put("resources", r);
        return root;
    }
}
