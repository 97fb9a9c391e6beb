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
        List<VerdictLog.Entry> entries = new ArrayList<>(VerdictLog.snapshot());
        if (entries.isEmpty()) {
            return;
        }
        entries.sort(Comparator.comparing((VerdictLog.Entry e) -> family(e.verdict()))
                .thenComparingInt(e -> number(e.verdict())).thenComparing(e -> e.verdict().role()));
        print(System.out, entries.stream().filter(e -> !e.smallInstance()).map(VerdictLog.Entry::verdict).toList());
        printSmallInstanceSummary(System.out,
                entries.stream().filter(VerdictLog.Entry::smallInstance).map(VerdictLog.Entry::verdict).toList());
        try {
            write(JSON_OUT, entries);
        } catch (IOException e) {
            System.out.println("claims table: could not write " + JSON_OUT + ": " + e.getMessage());
        }
    }

    private static String family(Verdict v) {
        return v.id().substring(0, v.id().indexOf('-'));
    }

    private static int number(Verdict v) {
        return Integer.parseInt(v.id().substring(v.id().indexOf('-') + 1));
    }

    private static Map<String, Long> statusCounts(List<Verdict> verdicts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            counts.merge(v.status().label(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * One line for the verdicts of {@link SmallInstances} test classes: they test the checks' mechanics on instances
     * below CLAIMS.md's sizes, where a claim may legitimately fail (asserted as such), so they are kept out of the table.
     */
    static void printSmallInstanceSummary(PrintStream out, List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return;
        }
        out.println("small-instance verdicts (check mechanics below CLAIMS.md sizes, not evidence for the claims; rows in "
                + JSON_OUT + " with \"instance\": \"small\"): " + verdicts.size() + " " + statusCounts(verdicts));
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }

    static void print(PrintStream out, List<Verdict> verdicts) {
        String line = "-".repeat(118);
        out.println();
        out.println(line);
        out.println("theorybench claims checked by this test run at the sizes CLAIMS.md gives (" + verdicts.size() + " verdicts)");
        out.println(line);
        out.printf(Locale.ROOT, "%-8s %-7s %-22s %-46s %11s %11s %10s%n", "ID", "role", "status", "check", "observed",
                "bound", "slack");
        for (Verdict v : verdicts) {
            String check = v.check().length() > 46 ? v.check().substring(0, 45) + "~" : v.check();
            out.printf(Locale.ROOT, "%-8s %-7s %-22s %-46s %11s %11s %10s%n", v.id(), v.role().label(),
                    v.status().label(), check, num(v.observed()), num(v.bound()), num(v.slack()));
        }
        out.println(line);
        out.println("summary: " + statusCounts(verdicts) + "; claim IDs: " + verdicts.stream().map(Verdict::id).distinct().count());
        out.println(line);
    }

    static void write(Path file, List<VerdictLog.Entry> entries) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VerdictLog.Entry e : entries) {
            Verdict v = e.verdict();
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
            r.put("instance", e.smallInstance() ? "small" : "claims-size");
            rows.add(r);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".claims-verify", ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), rows);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
