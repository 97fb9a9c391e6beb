package io.github.theorybench.report;

import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure for a claim ID whose check draws none, made from its rows when a picture says more than the numbers: each
 * row's observed / bound (or its observed value against a window all rows share), numbered as in the family page's
 * table and coloured by status, with the bound (or the window's edges) drawn. An ID with fewer than {@link #MIN_ROWS}
 * such rows gets no figure: its numbers are in the table, and the reason is recorded.
 */
final class GenericFigures {
    /** Fewer rows than this are read faster as numbers than as a plot. */
    static final int MIN_ROWS = 3;
    /** Log scale when the plotted values span more than this factor. */
    private static final double LOG_SPAN = 30;

    /** The figures made, and for every other ID without a figure of its own the reason it has none. */
    record Result(List<Figure> figures, Map<String, String> reasons) {
    }

    private GenericFigures() {
    }

    /** Figures for {@code ids} not in {@code drawn}, from their rows in {@code verdicts}. */
    static Result forIds(List<String> ids, java.util.Set<String> drawn, List<Verdict> verdicts) {
        List<Figure> figures = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String id : ids) {
            if (drawn.contains(id)) {
                continue;
            }
            List<Verdict> rows = verdicts.stream().filter(v -> v.id().equals(id)).toList();
            Figure f = ratioFigure(id, rows);
            if (f == null) {
                f = windowFigure(id, rows);
            }
            if (f != null) {
                figures.add(f);
            } else {
                reasons.put(id, reason(rows));
            }
        }
        return new Result(figures, reasons);
    }

    private static String reason(List<Verdict> rows) {
        if (rows.isEmpty()) {
            return "no rows in this run";
        }
        long numeric = rows.stream().filter(v -> Double.isFinite(v.observed())).count();
        if (numeric < MIN_ROWS) {
            return numeric == 0 ? "its rows carry no number to plot (see the table)"
                    : numeric + (numeric == 1 ? " row with a number" : " rows with numbers")
                            + ": the table says it";
        }
        return "its rows' thresholds differ in kind (bounds of mixed sign, different windows): the table says it";
    }

    /** Rows with a positive bound and a positive observed value: observed / bound per row, 1 = the bound. */
    private static Figure ratioFigure(String id, List<Verdict> rows) {
        Map<String, List<double[]>> byStatus = new LinkedHashMap<>();
        int k = 0, used = 0;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Verdict v : rows) {
            k++;
            boolean window = !Double.isNaN(v.windowLow()) || !Double.isNaN(v.windowHigh());
            if (window || !(v.bound() > 0) || !(v.observed() > 0) || !Double.isFinite(v.observed())) {
                continue;
            }
            double r = v.observed() / v.bound();
            byStatus.computeIfAbsent(v.status().label(), s -> new ArrayList<>()).add(new double[] {k, r});
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
            used++;
        }
        if (used < MIN_ROWS) {
            return null;
        }
        List<Figure.Series> series = series(byStatus);
        series.add(new Figure.Series("the bound (observed = bound)", new double[] {0.5, rows.size() + 0.5},
                new double[] {1, 1}, true));
        boolean log = Math.max(hi, 1) / Math.min(lo, 1) > LOG_SPAN;
        return new Figure(id + "-rows", id + ": observed / bound of each row (colour = status)",
                "row (numbered as in the table)", "observed / bound (dimensionless; 1 = the bound)", false, log,
                series);
    }

    /** Rows sharing one window: observed per row, the window's edges drawn. */
    private static Figure windowFigure(String id, List<Verdict> rows) {
        Map<String, List<double[]>> byStatus = new LinkedHashMap<>();
        double wlo = Double.NaN, whi = Double.NaN;
        int k = 0, used = 0;
        for (Verdict v : rows) {
            k++;
            if (Double.isNaN(v.windowLow()) || Double.isNaN(v.windowHigh()) || !Double.isFinite(v.observed())) {
                continue;
            }
            if (used > 0 && (v.windowLow() != wlo || v.windowHigh() != whi)) {
                return null;
            }
            wlo = v.windowLow();
            whi = v.windowHigh();
            byStatus.computeIfAbsent(v.status().label(), s -> new ArrayList<>()).add(new double[] {k, v.observed()});
            used++;
        }
        if (used < MIN_ROWS || !Double.isFinite(wlo) || !Double.isFinite(whi)) {
            return null;
        }
        List<Figure.Series> series = series(byStatus);
        double[] xs = {0.5, rows.size() + 0.5};
        series.add(new Figure.Series("window low " + ClaimsMarkdown.fmt(wlo), xs, new double[] {wlo, wlo}, true));
        series.add(new Figure.Series("window high " + ClaimsMarkdown.fmt(whi), xs, new double[] {whi, whi}, true));
        return new Figure(id + "-rows", id + ": observed value of each row against the window (colour = status)",
                "row (numbered as in the table)", "observed (the statistic of the table's rows)", false, false,
                series);
    }

    private static List<Figure.Series> series(Map<String, List<double[]>> byStatus) {
        List<Figure.Series> out = new ArrayList<>();
        byStatus.forEach((label, pts) -> {
            double[] x = new double[pts.size()], y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            out.add(new Figure.Series(label, x, y, false));
        });
        return out;
    }
}
