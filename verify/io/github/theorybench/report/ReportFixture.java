package io.github.theorybench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimRegistry;
import io.github.theorybench.claims.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made report content for the page tests: rows for every catalogue ID (no check runs), with long findings on
 * violated rows so the index's size bound is exercised.
 */
final class ReportFixture {
    /** Claim rows per ID, and how many of them are violated (each violated criterion with its own long finding). */
    static final int CLAIM_ROWS = 12;
    static final int VIOLATED_CRITERIA = 2;
    /** A cause far longer than any a family writes (the page must shorten it on the index, not on family pages). */
    static final String LONG_FINDING = "the cause, isolated by an ablation: " + "x".repeat(1500);

    private ReportFixture() {
    }

    static Path repoRoot() {
        return Path.of("").toAbsolutePath();
    }

    static ClaimsReport.RunSettings settings() {
        List<String> ids = ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id).toList();
        return new ClaimsReport.RunSettings(1, true, "ejml", "EJML (test)", ids, "theorybench claims --quick");
    }

    static Verdict row(String id, Verdict.Role role, String key, boolean holds, double observed, double bound,
            long seed, String finding) {
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("n", 8);
        return new Verdict(id, ClaimCatalog.kind(id), role, key + " (label)", key, true, observed, bound,
                bound - observed, Double.NaN, Double.NaN, holds, seed, sizes, "ejml", "tanh", 0.0, "", finding,
                Map.of(), null, false, 0.0);
    }

    /** Per ID: CLAIM_ROWS claim rows, the first VIOLATED_CRITERIA criteria violated on one seed, and two controls. */
    static List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        for (ClaimCatalog.Entry e : ClaimCatalog.entries()) {
            for (int k = 0; k < CLAIM_ROWS; k++) {
                boolean violated = k < VIOLATED_CRITERIA;
                out.add(row(e.id(), Verdict.Role.CLAIM, "criterion" + (k % 4), !violated, violated ? 1.5 : 0.5,
                        1.0, k + 1, violated ? LONG_FINDING + k : ""));
            }
            for (int k = 0; k < 2; k++) {
                out.add(row(e.id(), Verdict.Role.CONTROL, "control", false, 2.0, 1.0, k + 1, ""));
            }
        }
        return out;
    }

    /** The content of a run over every ID, as the report directory {@code out} would show it. */
    static ReportContent content(Path out) {
        List<ReportContent.CheckTime> timing = List.of(new ReportContent.CheckTime("SomeCheck", List.of("LSQ-1"),
                1.25));
        return new ReportContent(settings(), verdicts(), List.of(), List.of(), TestIndex.paths(repoRoot()),
                ClaimsReport.repoLink(out, repoRoot()), ClaimRegistry.families(), SweepRates.read(out),
                Map.of(), timing, 12.5, Map.of("cores", "2"), Map.of("EJML", "0.43"), ClaimsReport.otherPages(out));
    }

    /** Writes a claims.json holding {@link #verdicts()} (the fields {@link ClaimsJson} reads). */
    static Path claimsJson(Path dir) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        ClaimsReport.RunSettings s = settings();
        root.put("command", s.command());
        root.put("seed", s.seed());
        root.put("quick", s.quick());
        root.put("backend", s.backend());
        root.put("selection", s.selection());
        root.put("verdicts", verdicts().stream().map(ClaimsReport::row).toList());
        Path file = dir.resolve("claims.json");
        Files.createDirectories(dir);
        new ObjectMapper().writeValue(file.toFile(), root);
        return file;
    }
}
