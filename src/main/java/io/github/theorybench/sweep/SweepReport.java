package io.github.theorybench.sweep;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.support.WilsonInterval;
import io.github.theorybench.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a sweep's pages from its blocks: {@code sweep.json} (machine-readable), {@code README.md} (the table and one
 * section per claim) and {@code plots/<criterion>.png} (the empirical distribution of each criterion's statistic with
 * its threshold or window drawn). Staged and moved into place; no timings and nothing about the machine but the
 * backends' own descriptions, so the same blocks give the same bytes.
 */
public final class SweepReport {
    private SweepReport() {
    }

    /** Renders {@code dir}'s pages from the blocks of {@code spec}'s own seeds (all must be present). */
    public static List<CriterionSweep> write(Path dir, SweepSpec spec) throws IOException {
        List<Block> blocks = SweepFiles.readBlocks(dir, spec.ownSeeds());
        List<CriterionSweep> criteria = SweepSummary.summarize(spec, blocks);
        Path staging = ReportFiles.staging(dir);
        try {
            Path plots = Files.createDirectories(staging.resolve("plots"));
            List<String> pngs = new ArrayList<>();   // aligned with criteria; null where nothing is plottable
            for (CriterionSweep c : criteria) {
                boolean drawn = SweepPlot.render(c, plots.resolve(c.stem() + ".png"));
                pngs.add(drawn ? "plots/" + c.stem() + ".png" : null);
            }
            Files.writeString(staging.resolve("sweep.json"), SweepFiles.PRETTY.writeValueAsString(
                    json(spec, blocks, criteria, pngs)) + "\n");
            Files.writeString(staging.resolve("README.md"), SweepMarkdown.page(spec, blocks, criteria, pngs));
            ReportFiles.publish(staging, dir);
        } finally {
            ReportFiles.deleteTree(staging);
        }
        return criteria;
    }

    /** JSON numbers of the summary: NaN and infinities are not JSON, written as null. */
    static Object jnum(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String num(double v) {
        return io.github.theorybench.claims.support.NumberText.sig3(v);
    }

    static String rateText(CriterionSweep c) {
        WilsonInterval w = c.interval();
        if (w == null) {
            return "no block counted";
        }
        return String.format(Locale.ROOT, "%s %d/%d = %.1f%% [%.1f%%, %.1f%%]", c.role().equals("control") ? "flagged"
                : "passed", c.successes(), c.trials(), 100 * w.rate(), 100 * w.low(), 100 * w.high());
    }

    private static Map<String, Object> json(SweepSpec spec, List<Block> blocks, List<CriterionSweep> criteria,
            List<String> pngs) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "theorybench sweep");
        root.put("command", spec.command());
        root.put("run", spec.toJson());
        root.put("backends", new ArrayList<>(new LinkedHashSet<>(blocks.stream().map(Block::backendDescription)
                .sorted().toList())));
        root.put("blocks", blocks.size());
        root.put("seeds", blocks.stream().map(Block::seed).toList());
        root.put("outcomeLetters", "P pass (flagged, for a control), F fail (not flagged), E the check threw,"
                + " N hypothesis not met on every row (not counted), - no row in this block (not counted)");
        List<Object> cs = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            cs.add(criterionJson(criteria.get(i), pngs.get(i)));
        }
        root.put("criteria", cs);
        return root;
    }

    private static Map<String, Object> criterionJson(CriterionSweep c, String png) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("key", c.keyed() ? c.name() : "");
        m.put("checks", c.checks());
        m.put("role", c.role());
        m.put("kind", c.kind());
        m.put("statement", ClaimCatalog.contains(c.id()) ? ClaimCatalog.statement(c.id()) : "");
        m.put("trials", c.trials());
        m.put(c.role().equals("control") ? "flags" : "passes", c.successes());
        m.put("rate", jnum(c.rate()));
        m.put("wilson95", c.interval() == null ? null : List.of(c.interval().low(), c.interval().high()));
        m.put("errors", c.errors());
        m.put("notApplicable", c.notApplicable());
        m.put("absent", c.absent());
        m.put("marked", c.marked());
        m.put("mark", c.mark());
        CriterionSweep.Statistic s = c.statistic();
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("name", s.name());
        st.put("bound", jnum(s.bound()));
        st.put("windowLow", jnum(s.windowLow()));
        st.put("windowHigh", jnum(s.windowHigh()));
        st.put("rows", s.values().length);
        st.put("min", jnum(s.min()));
        st.put("median", jnum(s.median()));
        st.put("max", jnum(s.max()));
        st.put("nonFinite", s.nonFinite());
        m.put("statistic", st);
        if (c.worst() != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("seed", c.worst().seed());
            w.put("outcome", c.worst().outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            w.put("margin", jnum(c.worst().margin()));
            w.put("observed", jnum(c.worst().observed()));
            w.put("rerun", c.worst().rerun());
            m.put("worst", w);
        }
        m.put("plot", png);
        m.put("outcomes", c.outcomes());
        return m;
    }
}
