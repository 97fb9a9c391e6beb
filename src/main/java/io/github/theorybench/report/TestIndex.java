package io.github.theorybench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds, for each claim ID, the test class whose {@code @DisplayName} starts with it (for report links). */
public final class TestIndex {
    private static final Pattern DISPLAY = Pattern.compile("@DisplayName\\(\"([A-Z]+-\\d+)\\b");

    private TestIndex() {
    }

    /** ID → path of the test source relative to the repository root; empty if verify/ is not there. */
    public static Map<String, String> scan(Path repoRoot) {
        Map<String, String> out = new TreeMap<>();
        Path verify = repoRoot.resolve("verify");
        if (!Files.isDirectory(verify)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(verify)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                try {
                    Matcher m = DISPLAY.matcher(Files.readString(p));
                    while (m.find()) {
                        out.putIfAbsent(m.group(1), repoRoot.relativize(p).toString().replace('\\', '/'));
                    }
                } catch (IOException e) {
                    // unreadable source: no link for it
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
