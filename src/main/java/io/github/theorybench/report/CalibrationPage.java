package io.github.theorybench.report;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code calibration.md} (issue 15): every calibrated number of CLAIMS.md that the families record ({@link
 * ClaimFamily#calibrations()}) beside the range measured over the rows of its criterion in this run, the factor
 * between them, and the family's note; a factor above 2 is flagged ⚠️ and needs that note (Trust rule 4).
 */
final class CalibrationPage {
    private CalibrationPage() {
    }

    static String render(ReportContent c) {
        List<String> ids = c.ids();
        StringBuilder body = new StringBuilder();
        List<CalibrationCheck> all = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (ClaimFamily f : c.selectedFamilies()) {
            List<Calibration> cs = f.calibrations().stream().filter(k -> ids.contains(k.criterion().id())).toList();
            if (cs.isEmpty()) {
                without.add(f.name());
                continue;
            }
            body.append("## ").append(f.name()).append(" — ").append(f.title()).append("\n\n| ID | quantity | CLAIMS.md "
                    + "| measured | factor | criterion | note |\n|---|---|---|---|---|---|---|\n");
            for (Calibration k : cs) {
                CalibrationCheck x = CalibrationCheck.of(k, c.verdicts());
                all.add(x);
                String note = k.note().isBlank() ? (x.flagged() ? "**no note yet** (a factor beyond 2 needs its "
                        + "cause)" : "") : ClaimsMarkdown.cell(k.note());
                body.append("| [").append(k.criterion().id()).append("](").append(ReportContent.idLink(k.criterion()
                        .id())).append(") | ").append(ClaimsMarkdown.cell(k.quantity())).append(" | ")
                        .append(ClaimsMarkdown.cell(k.calibrated())).append(" | ")
                        .append(ClaimsMarkdown.cell(x.measuredText())).append(" | ").append(x.factorText())
                        .append(" | `").append(k.criterion().key()).append("` (").append(k.criterion().role().label())
                        .append(")").append(measurementName(k)).append(" | ").append(note).append(" |\n");
            }
            body.append('\n');
        }
        StringBuilder sb = new StringBuilder("# Calibration: CLAIMS.md's numbers beside the measured ones\n\n");
        sb.append("[← index](README.md). Run: `").append(c.settings().command()).append("` (seed ")
                .append(c.settings().seed()).append(", backend `").append(c.settings().backend()).append("`, ")
                .append(c.settings().quick() ? "quick sizes: numbers measured at other sizes than CLAIMS.md's"
                        : "the sizes CLAIMS.md gives").append(").\n\n");
        sb.append("Each calibrated number of CLAIMS.md (measured on an independent implementation) beside the range "
                + "measured here over the rows of its criterion. *factor*: 1 (\"within\") when the two ranges "
                + "overlap, otherwise the ratio of their nearest ends; ⚠️ beyond 2×, where the family's note gives "
                + "the cause (Trust rule 4).\n\n");
        long flagged = all.stream().filter(CalibrationCheck::flagged).count();
        long unmeasured = all.stream().filter(x -> !x.measured()).count();
        sb.append("**").append(all.size()).append(" calibrated numbers: ").append(all.size() - flagged - unmeasured)
                .append(" within 2×, ").append(flagged).append(" beyond 2× (")
                .append(all.stream().filter(x -> x.flagged() && x.calibration().note().isBlank()).count())
                .append(" without a note), ").append(unmeasured).append(" not measured in this run.**");
        if (!without.isEmpty()) {
            sb.append(" Families with no calibration recorded yet: ").append(String.join(", ", without)).append('.');
        }
        return sb.append("\n\n").append(body).toString();
    }

    private static String measurementName(Calibration k) {
        return k.measurement().equals("observed") ? "" : ", " + k.measurement();
    }
}
