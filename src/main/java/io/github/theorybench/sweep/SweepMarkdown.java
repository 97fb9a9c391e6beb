package io.github.theorybench.sweep;

import io.github.theorybench.claims.ClaimCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The Markdown page of a sweep: the rule-3 table, then one section per claim with its plots and worst seeds. */
final class SweepMarkdown {
    private SweepMarkdown() {
    }

    static String page(SweepSpec spec, List<Block> blocks, List<CriterionSweep> criteria, List<String> pngs) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Seed sweep: ").append(spec.only()).append("\n\n");
        sb.append("Produced by `").append(spec.command()).append("` at commit `").append(spec.commit())
                .append("`: ").append(blocks.size()).append(" seed blocks (base seeds ").append(range(spec))
                .append("), ").append(spec.sizes()).append(", backend `").append(spec.backend()).append("` (")
                .append(String.join("; ", new LinkedHashSet<>(blocks.stream().map(Block::backendDescription)
                        .sorted().toList()))).append(").\n\n");
        sb.append("A **seed block** is one run of the claim's checks with `--seed s`. A claim criterion *passes* in a"
                + " block when every row of it whose hypothesis was met holds (and at least one was met); blocks where"
                + " no row met its hypothesis are *not applicable* and not counted. A control is *flagged* when every"
                + " row of it bit. A block where the check threw counts as an error (not a pass). Rates carry a"
                + " Wilson 95% interval. **Trust rule 3** (CLAIMS.md): power ≥ 95% and control flag rate ≥ 95%, over"
                + " ≥ 20 blocks; ⚠️ marks a criterion short of it. Exploratory rows are shown, never judged."
                + " Details: the README's \"Seed sweeps\" section.\n\n");
        long marked = criteria.stream().filter(CriterionSweep::marked).count();
        sb.append(String.format(Locale.ROOT, "**%d criteria, %d marked** (%d claim, %d control, %d exploratory).%n%n",
                criteria.size(), marked, count(criteria, "claim"), count(criteria, "control"),
                count(criteria, "exploratory")));
        table(sb, criteria);
        for (String id : ids(criteria)) {
            section(sb, id, criteria, pngs);
        }
        return sb.toString();
    }

    private static String range(SweepSpec spec) {
        return spec.shard() == null ? spec.seeds().toString() : spec.seeds() + ", shard " + spec.shard()
                + " of them";
    }

    private static long count(List<CriterionSweep> cs, String role) {
        return cs.stream().filter(c -> c.role().equals(role)).count();
    }

    private static List<String> ids(List<CriterionSweep> cs) {
        return new ArrayList<>(new LinkedHashSet<>(cs.stream().map(CriterionSweep::id).toList()));
    }

    private static void table(StringBuilder sb, List<CriterionSweep> criteria) {
        sb.append("| ID | criterion | role | kind | rate | Wilson 95% | counted | n/a | errors | worst seed | rule 3 |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (CriterionSweep c : criteria) {
            sb.append("| ").append(c.id()).append(" | ").append(name(c)).append(" | ").append(c.role()).append(" | ")
                    .append(c.kind()).append(" | ").append(rate(c)).append(" | ").append(interval(c)).append(" | ")
                    .append(c.trials()).append(" | ").append(c.notApplicable()).append(" | ").append(c.errors())
                    .append(" | ").append(c.worst() == null ? "–" : Long.toString(c.worst().seed())).append(" | ")
                    .append(c.role().equals("exploratory") ? "–" : c.marked() ? "⚠️ " + cell(c.mark()) : "✅")
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private static String name(CriterionSweep c) {
        return c.keyed() ? "`" + c.name() + "`" : cell(c.name()) + " (no key yet)";
    }

    private static String rate(CriterionSweep c) {
        return c.trials() == 0 ? "–" : String.format(Locale.ROOT, "%d/%d = %.1f%%", c.successes(), c.trials(),
                100 * c.rate());
    }

    private static String interval(CriterionSweep c) {
        return c.interval() == null ? "–" : String.format(Locale.ROOT, "[%.1f%%, %.1f%%]", 100 * c.interval().low(),
                100 * c.interval().high());
    }

    static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static void section(StringBuilder sb, String id, List<CriterionSweep> criteria, List<String> pngs) {
        sb.append("## ").append(id).append("\n\n");
        if (ClaimCatalog.contains(id)) {
            sb.append(cell(ClaimCatalog.statement(id))).append("\n\n");
        }
        for (int i = 0; i < criteria.size(); i++) {
            CriterionSweep c = criteria.get(i);
            if (!c.id().equals(id)) {
                continue;
            }
            sb.append("**").append(c.id()).append(' ').append(name(c)).append("** (").append(c.role())
                    .append(c.keyed() ? ", rows: " + cell(String.join("; ", c.checks())) : "").append("): ")
                    .append(SweepReport.rateText(c));
            if (c.marked()) {
                sb.append(" — ⚠️ ").append(cell(c.mark()));
            }
            sb.append(".");
            statisticLine(sb, c);
            if (c.worst() != null) {
                sb.append(" Worst block: seed ").append(c.worst().seed()).append(" (")
                        .append(c.worst().outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .append(", margin ").append(SweepReport.num(c.worst().margin())).append("), rerun `")
                        .append(c.worst().rerun()).append("`.");
            }
            sb.append("\n\n");
            if (pngs.get(i) != null) {
                sb.append("![").append(c.id()).append(' ').append(c.name()).append("](").append(pngs.get(i))
                        .append(")\n\n");
            }
        }
    }

    private static void statisticLine(StringBuilder sb, CriterionSweep c) {
        CriterionSweep.Statistic s = c.statistic();
        if (s.values().length == 0) {
            return;
        }
        sb.append(' ').append(s.name().equals("margin") ? "Margin" : "Observed").append(" over ")
                .append(s.values().length).append(" rows: min ").append(SweepReport.num(s.min())).append(", median ")
                .append(SweepReport.num(s.median())).append(", max ").append(SweepReport.num(s.max()));
        if (s.hasWindow()) {
            sb.append(" (window ").append(SweepReport.num(s.windowLow())).append("…")
                    .append(SweepReport.num(s.windowHigh())).append(')');
        } else if (s.hasBound()) {
            sb.append(s.name().equals("margin") ? " (threshold 0; the rows' bounds differ)" : " (bound "
                    + SweepReport.num(s.bound()) + ")");
        }
        if (s.nonFinite() > 0) {
            sb.append(", ").append(s.nonFinite()).append(" not finite");
        }
        sb.append('.');
    }
}
