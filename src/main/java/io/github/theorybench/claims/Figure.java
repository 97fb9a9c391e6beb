package io.github.theorybench.claims;

import java.util.List;

/**
 * Data for one plot: file stem (PNG name without extension), title, axis labels, log axes, and series. Rendered by
 * the report layer (XChart). A series with {@code line = true} is drawn as a line (a bound or reference); otherwise as
 * markers joined by lines (a measurement).
 */
public record Figure(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
        List<Series> series) {

    public record Series(String label, double[] x, double[] y, boolean reference) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + label + ": " + x.length + " x values, " + y.length
                        + " y values");
            }
        }
    }
}
