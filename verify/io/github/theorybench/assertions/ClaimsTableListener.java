package io.github.theorybench.assertions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.theorybench.claims.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of the test run, prints one table of every verdict asserted through {@link VerdictAssert} — claim ID,
 * status, observed, bound, slack — and writes it to {@code target/claims-verify.json}. Registered through
 * META-INF/services, so {@code mvn verify} speaks in claims, not only in test counts.
 */
public final class ClaimsTableListener implements TestExecutionListener {
    static final Path JSON_OUT = Path.of("target", "claims-verify.json");

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<Verdict> verdicts = new ArrayList<>(VerdictLog.snapshot());
        if (verdicts.isEmpty()) {
            return;
        }
        verdicts.sort(Comparator.comparing((Verdict v) -> v.id().substring(0, v.id().indexOf('-')))
                .thenComparingInt(v -> Integer.parseInt(v.id().substring(v.id().indexOf('-') + 1)))
                .thenComparing(v -> v.role()));
        print(System.out, verdicts);
        try {
            write(JSON_OUT, verdicts);
        } catch (IOException e) {
            System.out.println("claims table: could not write " + JSON_OUT + ": " + e.getMessage());
        }
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }

    static void print(PrintStream out, List<Verdict> verdicts) {
        String line = "-".repeat(118);
        out.println();
        out.println(line);
        out.println("theorybench claims checked by this test run (" + verdicts.size() + " verdicts)");
        out.println(line);
        out.printf(Locale.ROOT, "%-8s %-7s %-22s %-46s %11s %11s %10s%n", "ID", "role", "status", "check", "observed",
                "bound", "slack");
        for (Verdict v : verdicts) {
            String check = v.check().length() > 46 ? v.check().substring(0, 45) + "~" : v.check();
            out.printf(Locale.ROOT, "%-8s %-7s %-22s %-46s %11s %11s %10s%n", v.id(), v.role().label(),
                    v.status().label(), check, num(v.observed()), num(v.bound()), num(v.slack()));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            counts.merge(v.status().label(), 1L, Long::sum);
        }
        out.println(line);
        out.println("summary: " + counts + "; claim IDs: " + verdicts.stream().map(Verdict::id).distinct().count());
        out.println(line);
    }

    static void write(Path file, List<Verdict> verdicts) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", v.id());
            r.put("role", v.role().label());
            r.put("status", v.status().label());
            r.put("check", v.check());
            r.put("hypothesisMet", v.hypothesisMet());
            r.put("observed", Double.isFinite(v.observed()) ? v.observed() : null);
            r.put("bound", Double.isFinite(v.bound()) ? v.bound() : null);
            r.put("slack", Double.isFinite(v.slack()) ? v.slack() : null);
            r.put("holds", v.holds());
            r.put("seed", v.seed());
            r.put("sizes", v.sizes());
            r.put("backend", v.backend());
            rows.add(r);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".claims-verify", ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), rows);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
