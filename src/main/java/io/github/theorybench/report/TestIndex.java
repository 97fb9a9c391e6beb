package io.github.theorybench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tests of each claim ID: every {@code @DisplayName} under {@code verify/} that starts with the ID (or with a
 * list naming it: "LAZY-1/3 …", "DLN-1..4 …", see {@link IdRefs}), with the test source that holds it. For report
 * links and {@code theorybench explain}.
 */
public final class TestIndex {
    private static final Pattern DISPLAY = Pattern.compile("@DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One display name of a test and its source, relative to the repository root. */
    public record TestName(String path, String displayName) {
    }

    private TestIndex() {
    }

    /** ID → the first test source naming it (relative to the repository root); empty if verify/ is not there. */
    public static Map<String, String> scan(Path repoRoot) {
        Map<String, String> out = new TreeMap<>();
        names(repoRoot).forEach((id, ns) -> out.put(id, ns.get(0).path()));
        return out;
    }

    /** ID → the test sources naming it, each once, in path order. */
    public static Map<String, List<String>> paths(Path repoRoot) {
        Map<String, List<String>> out = new TreeMap<>();
        names(repoRoot).forEach((id, ns) -> out.put(id, ns.stream().map(TestName::path).distinct().toList()));
        return out;
    }

    /** ID → every display name starting with it, with its source, in path order then source order. */
    public static Map<String, List<TestName>> names(Path repoRoot) {
        Map<String, List<TestName>> out = new LinkedHashMap<>();
        Path verify = repoRoot.resolve("verify");
        if (!Files.isDirectory(verify)) {
            return out;
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(verify)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            return out;
        }
        for (Path p : sources) {
            String rel = repoRoot.relativize(p).toString().replace('\\', '/');
            for (String name : displayNames(p)) {
                for (String id : IdRefs.leading(name)) {
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(new TestName(rel, name));
                }
            }
        }
        return out;
    }

    private static List<String> displayNames(Path source) {
        List<String> out = new ArrayList<>();
        try {
            Matcher m = DISPLAY.matcher(Files.readString(source));
            while (m.find()) {
                out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        } catch (IOException e) {
            // an unreadable source names no test
        }
        return out;
    }
}
