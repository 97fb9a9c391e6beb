package io.github.theorybench.claims;

import java.util.List;

/**
 * Data for one plot: file stem (PNG name without extension), title, axis labels, log axes, and series. Rendered by
 * the report layer (XChart). A series with {@code line = true} is drawn as a line (a bound or reference); otherwise as
 * markers joined by lines (a measurement).
 */
public record Figure(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
        List<Series> series) {

    /**
     * One curve. {@code bandOf}, if not null, names the series this one bounds (a min or max edge of a band): it is
     * drawn thin and dashed in that series' colour and left out of the legend.
     */
    public record Series(String label, double[] x, double[] y, boolean reference, String bandOf) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + label + ": " + x.length + " x values, " + y.length
                        + " y values");
            }
        }

        public Series(String label, double[] x, double[] y, boolean reference) {
            this(label, x, y, reference, null);
        }

        /** An edge of the band around the series labelled {@code of}. */
        public static Series band(String label, String of, double[] x, double[] y) {
            return new Series(label, x, y, true, of);
        }
    }
}
