package io.github.theorybench.report;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.Erratum;
import io.github.theorybench.claims.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The index {@code README.md}: what a reader takes in at a glance — the summary line, the findings with their causes,
 * one row per claim ID, the errors in the notes, the calibration flags, then machine, libraries and time per check.
 * Everything longer lives on the family pages it links to. The page stays under {@link #MAX_BYTES}: where findings
 * and errata are long, their texts are shortened (in full on the family pages) until it fits.
 */
final class IndexPage {
    /** The size bound of issue 17. */
    static final int MAX_BYTES = 40 * 1024;
    /** Text lengths tried in turn for a finding's cause and an erratum's evidence, longest first. */
    private static final int[] TEXT_CAPS = {900, 600, 400, 250, 150, 80, 40};
    private static final int STATEMENT_CAP = 90;

    private IndexPage() {
    }

    static String render(ReportContent c) {
        String page = "";
        for (int cap : TEXT_CAPS) {
            page = render(c, cap);
            if (page.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
                return page;
            }
        }
        return page;
    }

    static String render(ReportContent c, int textCap) {
        StringBuilder sb = new StringBuilder("# theorybench report\n\n");
        sb.append("**").append(ClaimsReport.summaryLine(c.verdicts())).append(".**\n\n");
        header(sb, c);
        findings(sb, c, textCap);
        claims(sb, c);
        errata(sb, c, textCap);
        calibration(sb, c);
        figures(sb, c);
        machine(sb, c);
        timing(sb, c);
        return sb.toString();
    }

    private static void header(StringBuilder sb, ReportContent c) {
        ClaimsReport.RunSettings s = c.settings();
        sb.append("Produced by `").append(s.command()).append("`: seed ").append(s.seed()).append(", backend `")
                .append(s.backend()).append("`, ").append(s.quick() ? "quick sizes" : "the sizes CLAIMS.md gives")
                .append(String.format(Locale.ROOT, ", wall time %.0f s.", c.wallSeconds()));
        if (c.repoLink() != null) {
            sb.append(" How to read it: [README](").append(c.repoLink()).append("/README.md#how-to-read-a-report).");
        }
        sb.append("\n\nFamily pages (every row, tables, plots): ");
        List<String> links = new ArrayList<>();
        for (ClaimFamily f : c.selectedFamilies()) {
            links.add("[" + f.name() + "](" + ReportContent.familyPage(f.name()) + ")");
        }
        sb.append(String.join(" · ", links)).append(".  \nAlso: [calibration](calibration.md) · [flat table]"
                + "(claims.md) · [claims.json](claims.json)");
        c.otherPages().forEach((label, path) -> sb.append(" · [").append(label).append("](").append(path)
                .append(')'));
        sb.append(".\n\n").append(ClaimsMarkdown.legend()).append(".\n\n");
    }

    /** Violated rows with their causes, toothless controls and errors, rows of one criterion and cause together. */
    private static void findings(StringBuilder sb, ReportContent c, int cap) {
        Map<String, List<Verdict>> groups = new LinkedHashMap<>();
        for (Verdict v : c.verdicts()) {
            if (v.status().needsAttention()) {
                groups.computeIfAbsent(v.id() + "|" + IdSummary.label(v) + "|" + v.status() + "|" + v.finding()
                        + "|" + v.error(), k -> new ArrayList<>()).add(v);
            }
        }
        sb.append("## Findings\n\n");
        if (groups.isEmpty()) {
            sb.append("None: every claim row held or its hypothesis was not met, and every control bit.\n\n");
            return;
        }
        sb.append("Rows where a claim did not hold as stated on an honest instance, each with its cause (Trust rule "
                + "4), and any control that did not bite or check that threw.\n\n");
        for (List<Verdict> g : groups.values()) {
            Verdict v = g.get(0);
            sb.append("- ").append(v.status().icon()).append(" **[").append(v.id()).append("](")
                    .append(ReportContent.idLink(v.id())).append(")** `").append(IdSummary.label(v)).append("` ");
            sb.append(g.size() == 1 ? Threshold.observedAgainst(v) + ", seed " + v.seed() : RowGroups.describe(g))
                    .append(". ").append(cause(v, cap)).append(" Rerun: `")
                    .append(ClaimsMarkdown.rerun(v.id(), c.settings())).append("`\n");
        }
        sb.append('\n');
    }

    private static String cause(Verdict v, int cap) {
        return switch (v.status()) {
            case ERROR -> "**The check threw:** `" + ClaimsMarkdown.cell(v.error()) + "`.";
            case CONTROL_DID_NOT_BITE -> "**The control did not bite:** the check could not report the violation it "
                    + "must (a defect of the check).";
            default -> v.finding().isBlank() ? "**Cause: not recorded yet** (a violated row needs its cause, Trust "
                    + "rule 4)." : "**Cause:** " + ClaimsMarkdown.cell(ClaimsMarkdown.shorten(v.finding(), cap));
        };
    }

    private static void claims(StringBuilder sb, ReportContent c) {
        sb.append("## Claims\n\n*rows*: statuses of the ID's rows. *headline*: its claim row nearest the threshold (a "
                + "violated one first), with its criterion. *margin*: how far beyond (+) or inside (−) the threshold, "
                + "relative. *sweep*: the lowest pass rate of its claim criteria (power) and flag rate of its controls"
                + " over seed blocks.\n\n| ID | claim | rows | headline | slack / exponent | margin | sweep | links |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        Map<String, IdSummary> sums = IdSummary.of(c.ids(), c.verdicts());
        for (IdSummary s : sums.values()) {
            ClaimCatalog.Entry e = c.entry(s.id());
            String statement = e == null ? "" : ClaimsMarkdown.shorten(e.statement(), STATEMENT_CAP);
            String headline = s.rows().isEmpty() ? "not in this run (no check registered yet)" : s.headlineText();
            sb.append("| [").append(s.id()).append("](").append(ReportContent.idLink(s.id())).append(") | ")
                    .append(ClaimsMarkdown.cell(statement)).append(" | ").append(s.icons()).append(" | ")
                    .append(ClaimsMarkdown.cell(headline)).append(" | ").append(s.slackOrExponent()).append(" | ")
                    .append(s.marginText()).append(" | ").append(c.sweep().cell(s.id())).append(" | ")
                    .append(links(c, s.id())).append(" |\n");
        }
        List<String> notRun = ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id)
                .filter(id -> !sums.containsKey(id)).toList();
        if (!notRun.isEmpty()) {
            sb.append("\nNot selected in this run: ").append(String.join(", ", notRun)).append(".\n");
        }
        sb.append('\n');
    }

    private static String links(ReportContent c, String id) {
        List<String> out = new ArrayList<>();
        String test = c.mainTest(id);
        if (test != null && c.testLink(test) != null) {
            int more = c.tests().get(id).size() - 1;
            out.add("[test](" + c.testLink(test) + ")" + (more > 0 ? " +" + more : ""));
        }
        List<ReportContent.PlacedFigure> figs = c.figuresOf(id);
        if (!figs.isEmpty()) {
            out.add("[plot](" + figs.get(0).file() + ")" + (figs.size() > 1 ? " +" + (figs.size() - 1) : ""));
        }
        return out.isEmpty() ? "–" : String.join(" · ", out);
    }

    private static void errata(StringBuilder sb, ReportContent c, int cap) {
        List<String> ids = c.ids();
        List<Erratum> errata = new ArrayList<>();
        c.families().forEach(f -> f.errata().stream().filter(e -> ids.contains(e.id())).forEach(errata::add));
        sb.append("## Errors in the notes\n\n");
        if (errata.isEmpty()) {
            sb.append("None recorded by the families of this run.\n\n");
            return;
        }
        sb.append("Statements of the seeds that fail as printed while a corrected form holds: the printed form, the "
                + "corrected one, and the rows that measure each.\n\n");
        for (Erratum e : errata) {
            sb.append("- **[").append(e.id()).append("](").append(ReportContent.idLink(e.id())).append(")** printed: ")
                    .append(ClaimsMarkdown.cell(e.printed())).append(" → corrected: ")
                    .append(ClaimsMarkdown.cell(e.corrected())).append("  \n  Rows: printed form `")
                    .append(e.printedRows().key()).append("` ")
                    .append(ClaimsMarkdown.cell(RowGroups.describe(RowGroups.of(e.printedRows(), c.verdicts()))))
                    .append("; corrected form `").append(e.correctedRows().key()).append("` ")
                    .append(ClaimsMarkdown.cell(RowGroups.describe(RowGroups.of(e.correctedRows(), c.verdicts()))))
                    .append(".  \n  Evidence: ").append(ClaimsMarkdown.cell(ClaimsMarkdown.shorten(e.evidence(), cap)))
                    .append('\n');
        }
        sb.append('\n');
    }

    private static void calibration(StringBuilder sb, ReportContent c) {
        List<String> ids = c.ids();
        List<CalibrationCheck> checks = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (ClaimFamily f : c.selectedFamilies()) {
            List<Calibration> cs = f.calibrations().stream().filter(x -> ids.contains(x.criterion().id())).toList();
            if (cs.isEmpty()) {
                without.add(f.name());
            }
            cs.forEach(x -> checks.add(CalibrationCheck.of(x, c.verdicts())));
        }
        long flagged = checks.stream().filter(CalibrationCheck::flagged).count();
        long unmeasured = checks.stream().filter(x -> !x.measured()).count();
        sb.append("## Calibration\n\n").append(checks.size()).append(" calibrated numbers of CLAIMS.md beside the "
                + "measured ones in [calibration.md](calibration.md): ").append(checks.size() - flagged - unmeasured)
                .append(" within 2×, ").append(flagged).append(" beyond 2× (each with the family's note), ")
                .append(unmeasured).append(" not measured in this run.");
        if (c.settings().quick()) {
            sb.append(" This run used quick sizes, not CLAIMS.md's: its factors are indicative only.");
        }
        if (!without.isEmpty()) {
            sb.append(" No calibrations recorded yet: ").append(String.join(", ", without)).append('.');
        }
        sb.append('\n');
        for (CalibrationCheck x : checks) {
            if (x.flagged()) {
                Calibration k = x.calibration();
                sb.append("- ").append(x.factorText()).append(" **").append(k.criterion().id()).append("** ")
                        .append(ClaimsMarkdown.cell(k.quantity())).append(": measured ").append(x.measuredText())
                        .append(", calibrated ").append(ClaimsMarkdown.cell(k.calibrated()))
                        .append(k.note().isBlank() ? " — **no note yet**" : "").append('\n');
            }
        }
        sb.append('\n');
    }

    private static void figures(StringBuilder sb, ReportContent c) {
        long own = c.figures().stream().filter(f -> !f.generic()).count();
        List<String> generic = c.figures().stream().filter(ReportContent.PlacedFigure::generic)
                .map(f -> f.ids().isEmpty() ? f.figure().name() : f.ids().get(0)).toList();
        sb.append("## Figures\n\n").append(own).append(" plots from the checks");
        if (!generic.isEmpty()) {
            sb.append("; row plots (observed against the threshold, row by row) for ")
                    .append(String.join(", ", generic)).append(", whose checks draw none");
        }
        sb.append(". Without a plot: ");
        List<String> none = new ArrayList<>();
        c.noFigure().forEach((id, why) -> none.add(id + " (" + why + ")"));
        sb.append(none.isEmpty() ? "none" : String.join("; ", none)).append(".\n");
        // figures read back from a claims.json carry no series: nothing to say about their references
        List<String> noReference = c.figures().stream().filter(f -> !f.generic() && !f.figure().series().isEmpty()
                && f.figure().series().stream().noneMatch(s -> s.reference() && s.bandOf() == null))
                .map(f -> f.figure().name()).toList();
        if (!noReference.isEmpty()) {
            sb.append("Drawn without a bound, window or reference line: ").append(String.join(", ", noReference))
                    .append(".\n");
        }
        sb.append('\n');
    }

    private static void machine(StringBuilder sb, ReportContent c) {
        sb.append("## Machine and libraries\n\nBackend: ").append(ClaimsMarkdown.cell(c.settings()
                .backendDescription())).append(".  \nMachine: ");
        List<String> m = new ArrayList<>();
        c.machine().forEach((k, v) -> m.add(k + " " + v));
        sb.append(String.join("; ", m)).append(".  \nLibraries: ");
        List<String> l = new ArrayList<>();
        c.libraries().forEach((k, v) -> l.add(k + " " + v));
        sb.append(String.join(", ", l)).append(".\n\n");
    }

    private static void timing(StringBuilder sb, ReportContent c) {
        boolean linked = !c.profiles().isEmpty(); // issue 16: a profile column only when profiles exist
        sb.append("## Time per check\n\n| check | IDs | seconds |").append(linked ? " profile |" : "")
                .append("\n|---|---|---|").append(linked ? "---|" : "").append('\n');
        for (ReportContent.CheckTime t : c.timing()) {
            sb.append("| ").append(t.check()).append(" | ").append(String.join(", ", t.ids())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", t.seconds())).append(" |")
                    .append(linked ? " " + ProfileLinks.cell(c.profiles().get(t.check())) + " |" : "").append('\n');
        }
        sb.append(String.format(Locale.ROOT, "| **all (wall)** | | %.1f |%s%n", c.wallSeconds(), linked ? " |" : ""));
        sb.append(linked ? ProfileLinks.NOTE : "");
    }
}
