package io.github.theorybench.report;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Erratum;
import io.github.theorybench.claims.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code theorybench explain ID} as text: the catalogue entry (statement, source seed file, kind, hypothesis,
 * control, thresholds), the family's calibrations and errata for the ID, the check classes and tests that hold it,
 * and the latest committed verdicts for it (from a report's {@code claims.json}) with the line that reruns them.
 * Where a family has not filled a text yet, the output says so.
 */
public final class ClaimExplanation {
    private static final String NOT_YET = "(not recorded by the family yet)";

    private ClaimExplanation() {
    }

    /**
     * The explanation of {@code id} (case-insensitive).
     *
     * @param repoRoot the repository root (for the source and test paths)
     * @param report the committed {@code claims.json} to read verdicts from; a missing one is said, not an error
     * @throws IllegalArgumentException for an ID the catalogue does not hold
     */
    public static String explain(String id, Path repoRoot, Path report) {
        String key = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
        if (!ClaimCatalog.contains(key)) {
            throw new IllegalArgumentException("unknown claim ID '" + id + "' (theorybench claims --list shows them)");
        }
        ClaimCatalog.Entry e = ClaimCatalog.entry(key);
        ClaimFamily f = ClaimRegistry.families().stream().filter(x -> x.name().equals(e.family())).findFirst()
                .orElseThrow();
        StringBuilder sb = new StringBuilder();
        sb.append(e.id()).append(" — ").append(e.family()).append(": ").append(f.title()).append('\n');
        field(sb, "statement", e.statement());
        field(sb, "source", "../shared/seeds/" + e.source());
        field(sb, "kind", e.kind().label());
        field(sb, "hypothesis", orNotYet(e.hypothesis()));
        field(sb, "control", orNotYet(e.control()));
        field(sb, "thresholds", orNotYet(e.thresholds()));
        calibrations(sb, f, e.id());
        errata(sb, f, e.id());
        checks(sb, e.id(), repoRoot);
        tests(sb, e.id(), repoRoot);
        verdicts(sb, e.id(), repoRoot, report);
        return sb.toString();
    }

    private static String orNotYet(String s) {
        return s == null || s.isBlank() ? NOT_YET : s;
    }

    private static void field(StringBuilder sb, String name, String text) {
        sb.append(String.format(Locale.ROOT, "  %-11s %s%n", name + ":", text));
    }

    private static void calibrations(StringBuilder sb, ClaimFamily f, String id) {
        List<Calibration> cs = f.calibrations().stream().filter(c -> c.criterion().id().equals(id)).toList();
        if (cs.isEmpty()) {
            field(sb, "calibrated", "none recorded for " + id);
            return;
        }
        sb.append("  calibrated numbers (CLAIMS.md):\n");
        for (Calibration c : cs) {
            sb.append("    - ").append(c.quantity()).append(" [").append(c.criterion().key()).append(" ")
                    .append(c.measurement()).append("]: ").append(c.calibrated());
            if (!c.note().isBlank()) {
                sb.append(" — note: ").append(c.note());
            }
            sb.append('\n');
        }
    }

    private static void errata(StringBuilder sb, ClaimFamily f, String id) {
        for (Erratum x : f.errata()) {
            if (x.id().equals(id)) {
                sb.append("  erratum:    printed: ").append(x.printed()).append("\n              corrected: ")
                        .append(x.corrected()).append("\n              rows: printed `").append(x.printedRows().key())
                        .append("`, corrected `").append(x.correctedRows().key()).append("`\n              evidence: ")
                        .append(x.evidence()).append('\n');
            }
        }
    }

    private static void checks(StringBuilder sb, String id, Path repoRoot) {
        List<String> out = new ArrayList<>();
        for (ClaimCheck c : ClaimRegistry.all()) {
            if (c.ids().contains(id)) {
                out.add(sourcePath(c.getClass(), repoRoot));
            }
        }
        field(sb, "check", out.isEmpty() ? "no check registered yet" : String.join(", ", out));
    }

    /** The source file of a class, relative to the repository root ("src/main/java/…/X.java"). */
    static String sourcePath(Class<?> type, Path repoRoot) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String rel = "src/main/java/" + top.getName().replace('.', '/') + ".java";
        return Files.isRegularFile(repoRoot.resolve(rel)) ? rel : top.getName();
    }

    private static void tests(StringBuilder sb, String id, Path repoRoot) {
        List<TestIndex.TestName> names = TestIndex.names(repoRoot).getOrDefault(id, List.of());
        if (names.isEmpty()) {
            field(sb, "tests", Files.isDirectory(repoRoot.resolve("verify")) ? "no @DisplayName starts with " + id
                    : "verify/ not found under " + repoRoot);
            return;
        }
        sb.append("  tests:\n");
        String last = null;
        for (TestIndex.TestName t : names) {
            if (!t.path().equals(last)) {
                sb.append("    ").append(t.path()).append('\n');
                last = t.path();
            }
            sb.append("      - ").append(t.displayName()).append('\n');
        }
    }

    private static void verdicts(StringBuilder sb, String id, Path repoRoot, Path report) {
        String shown = report.toString().replace('\\', '/');
        ClaimsJson json;
        try {
            json = ClaimsJson.read(report);
        } catch (IOException ex) {
            sb.append("  verdicts:   none: ").append(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()).append('\n');
            return;
        }
        List<Verdict> rows = json.rows(id);
        if (rows.isEmpty()) {
            sb.append("  verdicts:   ").append(id).append(" has no row in ").append(shown).append(" (`")
                    .append(json.settings().command()).append("`)\n");
            return;
        }
        IdSummary s = IdSummary.of(id, rows);
        sb.append("  verdicts (").append(shown).append(", `").append(json.settings().command()).append("`): ")
                .append(s.icons()).append('\n');
        for (Verdict v : rows) {
            sb.append("    ").append(v.status().icon()).append(' ').append(v.status().label())
                    .append("  ").append(v.role().label()).append(" `").append(IdSummary.label(v)).append("` ");
            sb.append(v.error() != null ? "threw: " + v.error() : Threshold.observedAgainst(v));
            sb.append(", seed ").append(v.seed());
            if (!v.sizes().isEmpty()) {
                sb.append(", ").append(ClaimsMarkdown.sizes(v.sizes()));
            }
            sb.append('\n');
            if (!v.finding().isBlank()) {
                sb.append("        cause: ").append(v.finding()).append('\n');
            }
        }
        field(sb, "rerun", ClaimsMarkdown.rerun(id, json.settings()));
    }

    /**
     * One status cell for {@code theorybench claims --list}: the icon counts of {@code id}'s rows in {@code json}
     * ("✅×10 🦷×2"), "not run" when it has none, "–" without a report.
     */
    public static String statusCell(String id, ClaimsJson json) {
        if (json == null) {
            return "–";
        }
        IdSummary s = IdSummary.of(id, json.verdicts());
        return s.rows().isEmpty() ? "not run" : s.icons();
    }

    /** {@code s} padded with spaces to {@code columns} terminal columns (an emoji takes two, U+FE0F none). */
    public static String pad(String s, int columns) {
        int width = s.codePoints().map(c -> c == 0xFE0F ? 0 : c >= 0x2600 && c != 0x00D7 ? 2 : 1).sum();
        return s + " ".repeat(Math.max(0, columns - width));
    }
}
