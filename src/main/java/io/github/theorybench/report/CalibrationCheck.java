package io.github.theorybench.report;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.Verdict;
import java.util.List;

/**
 * One calibrated number of CLAIMS.md beside the range measured in a run (Trust rule 4): the values of {@link
 * Calibration#measurement()} over the rows of its criterion, and the factor between the two ranges — 1 when they
 * overlap, otherwise the ratio of the nearest ends (∞ when those differ in sign or one is 0). A factor above 2 is
 * flagged; the family's note says why.
 *
 * @param rows the rows of the criterion in the run
 * @param values how many of them carry a finite value of the measurement
 */
public record CalibrationCheck(Calibration calibration, int rows, int values, double min, double max,
        double factor) {
    /** Beyond this factor a difference is flagged and needs the family's note. */
    public static final double FLAG_FACTOR = 2;

    public static CalibrationCheck of(Calibration c, List<Verdict> verdicts) {
        List<Verdict> rows = RowGroups.of(c.criterion(), verdicts);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Verdict v : rows) {
            double x = value(v, c.measurement());
            if (Double.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                n++;
            }
        }
        if (n == 0) {
            return new CalibrationCheck(c, rows.size(), 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new CalibrationCheck(c, rows.size(), n, min, max, factor(min, max, c.low(), c.high()));
    }

    /** The named number of a row: "observed", "slack", "bound", else the measurement of that key (NaN if absent). */
    static double value(Verdict v, String measurement) {
        return switch (measurement) {
            case "observed" -> v.observed();
            case "slack" -> v.slack();
            case "bound" -> v.bound();
            default -> v.measurements().getOrDefault(measurement, Double.NaN);
        };
    }

    /** Factor between the measured range [min, max] and the calibrated one [low, high] (either order). */
    static double factor(double min, double max, double low, double high) {
        double lo = Math.min(low, high), hi = Math.max(low, high);
        if (Double.isNaN(lo) || Double.isNaN(hi) || Double.isNaN(min) || Double.isNaN(max)) {
            return Double.NaN;
        }
        if (max >= lo && min <= hi) {
            return 1;
        }
        return max < lo ? ratio(max, lo) : ratio(min, hi);
    }

    private static double ratio(double a, double b) {
        if (a == 0 || b == 0 || Math.signum(a) != Math.signum(b)) {
            return Double.POSITIVE_INFINITY;
        }
        double x = Math.abs(a), y = Math.abs(b);
        return Math.max(x, y) / Math.min(x, y);
    }

    public boolean measured() {
        return values > 0;
    }

    public boolean flagged() {
        return measured() && factor > FLAG_FACTOR;
    }

    /** "0.078" or "0.05–0.47 (12 rows)"; why not, when nothing was measured. */
    public String measuredText() {
        if (rows == 0) {
            return "not measured in this run (no row of " + calibration.criterion() + ")";
        }
        if (values == 0) {
            return "not measured: the rows carry no '" + calibration.measurement() + "'";
        }
        String range = min == max ? ClaimsMarkdown.fmt(min) : ClaimsMarkdown.fmt(min) + " to "
                + ClaimsMarkdown.fmt(max);
        return values == 1 ? range : range + " (" + values + " rows)";
    }

    /** "within", "×2.4", "sign differs", or "–". */
    public String factorText() {
        if (Double.isNaN(factor)) {
            return "–";
        }
        if (factor == 1) {
            return "within";
        }
        if (Double.isInfinite(factor)) {
            return (flagged() ? "⚠️ " : "") + "sign or zero differs";
        }
        return (flagged() ? "⚠️ ×" : "×") + String.format(java.util.Locale.ROOT, "%.2g", factor);
    }
}
