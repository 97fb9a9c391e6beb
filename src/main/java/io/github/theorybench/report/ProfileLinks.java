package io.github.theorybench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profiles a report can link from its time-per-check table: every {@code <out>/profile/<name>/profile.json} of a
 * claims profile (written by {@code theorybench profile}) made with the report's backend, seed and sizes, by check
 * name. Where several match, the directory named after the check wins, then the first name in sorted order.
 */
public final class ProfileLinks {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The line under a time-per-check table that links profiles. */
    static final String NOTE = "\nProfiles (`theorybench profile`, `report --profile`) are of separate runs of the "
            + "same check, seed, backend and sizes.\n";

    /** The time-per-check table's profile cell: links to the flame graph and summary, or a dash. */
    static String cell(String dir) {
        return dir == null ? "–" : "[flame graph](" + dir + "/flamegraph.html) · [summary](" + dir + "/README.md)";
    }

    private ProfileLinks() {
    }

    /** Check name → the profile's directory relative to {@code out} (e.g. {@code profile/LazyTrainingCheck}). */
    public static Map<String, String> scan(Path out, String backend, long seed, boolean quick) {
        Map<String, String> links = new TreeMap<>();
        Path root = out.resolve("profile");
        if (!Files.isDirectory(root)) {
            return links;
        }
        Map<String, Path> dirs = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path d : ds) {
                if (!d.getFileName().toString().startsWith(".") && Files.isRegularFile(d.resolve("profile.json"))) {
                    dirs.put(d.getFileName().toString(), d);
                }
            }
        } catch (IOException e) {
            return links;
        }
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            JsonNode p;
            try {
                p = JSON.readTree(e.getValue().resolve("profile.json").toFile());
            } catch (IOException ex) {
                continue; // not a profile this version can read: no link
            }
            if (!"claims".equals(p.path("kind").asText()) || !backend.equals(p.path("backend").asText())
                    || p.path("seed").asLong(-1) != seed || p.path("quick").asBoolean(!quick) != quick) {
                continue;
            }
            for (JsonNode c : p.path("checks")) {
                String check = c.asText();
                String rel = "profile/" + e.getKey();
                if (!links.containsKey(check) || e.getKey().equals(check)) {
                    links.put(check, rel);
                }
            }
        }
        return links;
    }
}
