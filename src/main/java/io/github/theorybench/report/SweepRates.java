package io.github.theorybench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Power and control flag rates per claim ID from committed seed sweeps ({@code theorybench sweep}): the report's
 * {@code sweep/sweep.json} and {@code sweep/<name>/sweep.json}, read loosely — only {@code criteria[].id}, {@code
 * role}, {@code key}, {@code trials}, {@code passes} or {@code flags}, {@code marked} and the run's {@code quick} are
 * used; a file that is missing, unreadable or of another shape is skipped (and named in {@link #skipped()}). Where
 * two sweeps measured the same criterion, the one with more blocks counts.
 */
public final class SweepRates {
    /** One criterion's rate: successes of trials (passes for a claim, flags for a control). */
    public record Rate(String id, String key, String role, int successes, int trials, boolean marked, boolean quick,
            String page) {
        double rate() {
            return trials == 0 ? Double.NaN : (double) successes / trials;
        }
    }

    private final Map<String, Rate> byCriterion = new LinkedHashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private SweepRates() {
    }

    /** No sweep. */
    public static SweepRates none() {
        return new SweepRates();
    }

    /** The sweeps under {@code reportDir/sweep}. */
    public static SweepRates read(Path reportDir) {
        SweepRates out = new SweepRates();
        Path root = reportDir.resolve("sweep");
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("sweep.json"));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, Files::isDirectory)) {
            List<Path> dirs = new ArrayList<>();
            ds.forEach(dirs::add);
            dirs.stream().sorted().forEach(d -> files.add(d.resolve("sweep.json")));
        } catch (IOException e) {
            out.skipped.add("sweep/ (" + e.getClass().getSimpleName() + ")");
        }
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                out.add(f, reportDir.relativize(f).toString().replace('\\', '/'));
            }
        }
        return out;
    }

    private void add(Path file, String rel) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            skipped.add(rel);
            return;
        }
        JsonNode criteria = root.path("criteria");
        if (!criteria.isArray()) {
            skipped.add(rel);
            return;
        }
        boolean quick = root.path("run").path("quick").asBoolean(false);
        String page = Files.isRegularFile(file.resolveSibling("README.md"))
                ? rel.replaceFirst("sweep\\.json$", "README.md") : rel;
        for (JsonNode c : criteria) {
            String id = c.path("id").asText(""), role = c.path("role").asText("");
            int trials = c.path("trials").asInt(0);
            int succ = c.has("flags") ? c.path("flags").asInt(0) : c.path("passes").asInt(0);
            if (id.isEmpty() || trials <= 0) {
                continue;
            }
            Rate r = new Rate(id, c.path("key").asText(""), role, succ, trials, c.path("marked").asBoolean(false),
                    quick, page);
            String k = id + "/" + r.key() + "/" + role + "/" + c.path("checks").toString();
            Rate old = byCriterion.get(k);
            if (old == null || old.trials() < trials) {
                byCriterion.put(k, r);
            }
        }
        sources.add(rel);
    }

    /** The sweep files read, relative to the report directory. */
    public List<String> sources() {
        return sources;
    }

    /** Sweep files that could not be read. */
    public List<String> skipped() {
        return skipped;
    }

    /** The rates of {@code id}'s criteria. */
    public List<Rate> rates(String id) {
        return byCriterion.values().stream().filter(r -> r.id().equals(id)).toList();
    }

    /**
     * One cell: the lowest claim criterion's pass rate ("power 19/20") and the lowest control's flag rate ("flags
     * 20/20"), ⚠️ when a criterion is marked (below 95% or fewer than 20 blocks), "(quick)" for quick-size sweeps;
     * "–" when no sweep measured the ID.
     */
    public String cell(String id) {
        List<Rate> rs = rates(id);
        if (rs.isEmpty()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        lowest(rs, "claim").ifPresent(r -> parts.add("power " + r.successes() + "/" + r.trials()));
        lowest(rs, "control").ifPresent(r -> parts.add("flags " + r.successes() + "/" + r.trials()));
        if (parts.isEmpty()) {
            return "–";
        }
        String s = String.join(" · ", parts);
        if (rs.stream().anyMatch(Rate::marked)) {
            s = "⚠️ " + s;
        }
        if (rs.stream().anyMatch(Rate::quick)) {
            s += " (quick)";
        }
        return "[" + s + "](" + rs.get(0).page() + ")";
    }

    private static java.util.Optional<Rate> lowest(List<Rate> rs, String role) {
        return rs.stream().filter(r -> r.role().toLowerCase(Locale.ROOT).equals(role))
                .min(java.util.Comparator.comparingDouble(Rate::rate).thenComparing(Rate::trials));
    }
}
