package io.github.theorybench.report;

import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Verdict;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders {@link Figure} data to PNG with XChart, readable at GitHub's page width (≈ 900 px): measurements as markers
 * joined by lines, references (bounds, windows, rate lines) dashed, band edges thin and dotted in their series'
 * colour. Log axes spanning two decades or more draw one grid line per decade (never the minor 2…9 lines) and label
 * the decades only. Row figures ({@link GenericFigures}) draw markers only, coloured by status.
 */
public final class PlotRenderer {
    static final int WIDTH = 900;
    private static final int BASE_HEIGHT = 520;
    /** Extra height per legend entry beyond the third, so a long legend does not squash the plot. */
    private static final int LEGEND_ROW = 22;

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    private static final BasicStroke BAND = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {3f, 3f}, 0f);
    private static final Color GRID = new Color(0xE3E3E3);
    /** Room around the data on each side of an axis with explicit range, as a fraction of its span. */
    private static final double PAD = 0.04;
    /** Decade lines of a log axis: a little darker than the linear grid, as they are few. */
    private static final Color GRID_DECADE = new Color(0xD0D0D0);
    /** A fixed palette, so a band can share its series' colour (XChart's theme colours are assigned late). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    /** Status colours of row figures, the same for every ID. */
    private static final Map<String, Color> STATUS = Map.of(
            Verdict.Status.HOLDS.label(), new Color(0x2ca02c),
            Verdict.Status.VIOLATED.label(), new Color(0xd62728),
            Verdict.Status.CONTROL_BIT.label(), new Color(0x9467bd),
            Verdict.Status.CONTROL_DID_NOT_BITE.label(), new Color(0xff7f0e),
            Verdict.Status.HYPOTHESIS_NOT_MET.label(), new Color(0x7f7f7f),
            Verdict.Status.EXPLORATORY.label(), new Color(0x17becf),
            Verdict.Status.ERROR.label(), Color.BLACK);

    private PlotRenderer() {
    }

    /** Renders a check's figure. Throws if no series has a plottable point (the report then keeps the old one). */
    public static void render(Figure f, Path png) throws IOException {
        save(chart(f, false), png);
    }

    /** Renders a row figure: markers only, coloured by the status its series is named after. */
    static void renderRows(Figure f, Path png) throws IOException {
        save(chart(f, true), png);
    }

    private static void save(XYChart chart, Path png) throws IOException {
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** The styled chart of {@code f} (visible for tests). */
    static XYChart chart(Figure f, boolean rows) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Figure.Series> plottable = new ArrayList<>();
        List<double[][]> points = new ArrayList<>();
        for (Figure.Series s : f.series()) {
            double[][] p = plottablePoints(f, s);
            if (p[0].length > 0) {
                plottable.add(s);
                points.add(p);
            }
        }
        if (plottable.isEmpty()) {
            throw new IOException("figure " + f.name() + " has no plottable point");
        }
        long legendRows = plottable.stream().filter(s -> s.bandOf() == null).count();
        int height = BASE_HEIGHT + LEGEND_ROW * (int) Math.max(0, legendRows - 3);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(f.title()).xAxisTitle(f.xLabel())
                .yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        logAxes(chart.getStyler(), f, points);
        decadeGrid(chart, f, points);
        Map<String, Color> colours = new HashMap<>();
        for (int i = 0; i < plottable.size(); i++) {
            addSeries(chart, plottable.get(i), points.get(i), colours, rows);
        }
        return chart;
    }

    /** The points of {@code s} a chart can show: finite, and positive on a log axis (others dropped, never changed). */
    private static double[][] plottablePoints(Figure f, Figure.Series s) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            double x = s.x()[i], y = s.y()[i];
            if (Double.isFinite(x) && Double.isFinite(y) && !(f.logX() && x <= 0) && !(f.logY() && y <= 0)) {
                kept.add(new double[] {x, y});
            }
        }
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    /** Fonts, grid and legend for reading at page width. */
    static void style(XYStyler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(new Color(0xBBBBBB));
        st.setPlotGridLinesColor(GRID);
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        st.setChartTitleBoxVisible(false);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendBorderColor(new Color(0xBBBBBB));
        st.setMarkerSize(7);
        st.setAntiAlias(true);
    }

    /**
     * Log axes: a grid line per decade only, drawn by XChart's logarithmic tick calculator (a tick-label formatting
     * function would make XChart 3.8 fall back to linear ticks, so none is set on a log axis).
     */
    private static void logAxes(XYStyler st, Figure f, List<double[][]> points) {
        st.setXAxisLogarithmic(f.logX());
        st.setYAxisLogarithmic(f.logY());
        if (f.logX()) {
            st.setXAxisLogarithmicDecadeOnly(spansDecades(points, 0));
        }
        if (f.logY()) {
            st.setYAxisLogarithmicDecadeOnly(spansDecades(points, 1));
        }
    }

    /**
     * On a log axis spanning two decades or more, XChart draws a grid line at every tick (1…9 × 10ⁿ), a grey curtain;
     * its grid is switched off there and one thin line per decade drawn instead (as unlabelled series under the data).
     * So that these lines cross the whole plot, both axes get explicit ranges: the data's, widened by {@link #PAD} of
     * its span (in log space on a log axis) on each side, in place of XChart's own padding.
     */
    private static void decadeGrid(XYChart chart, Figure f, List<double[][]> points) {
        boolean gridY = f.logY() && spansDecades(points, 1), gridX = f.logX() && spansDecades(points, 0);
        if (!gridX && !gridY) {
            return;
        }
        XYStyler st = chart.getStyler();
        double[] xr = padded(range(points, 0), f.logX()), yr = padded(range(points, 1), f.logY());
        st.setPlotContentSize(1.0);
        st.setXAxisMin(xr[0]);
        st.setXAxisMax(xr[1]);
        st.setYAxisMin(yr[0]);
        st.setYAxisMax(yr[1]);
        if (gridY) {
            st.setPlotGridHorizontalLinesVisible(false);
            for (long k = firstDecade(yr[0]); k <= lastDecade(yr[1]); k++) {
                double y = Math.pow(10, k);
                gridLine(chart, "grid y " + k, new double[] {xr[0], xr[1]}, new double[] {y, y});
            }
        }
        if (gridX) {
            st.setPlotGridVerticalLinesVisible(false);
            for (long k = firstDecade(xr[0]); k <= lastDecade(xr[1]); k++) {
                double x = Math.pow(10, k);
                gridLine(chart, "grid x " + k, new double[] {x, x}, new double[] {yr[0], yr[1]});
            }
        }
    }

    /** A range widened by PAD of its span on each side (in log space for a log axis; ±PAD·|v| if it is a point). */
    static double[] padded(double[] r, boolean log) {
        if (log) {
            double lo = Math.log10(r[0]), hi = Math.log10(r[1]);
            double w = hi > lo ? PAD * (hi - lo) : PAD;
            return new double[] {Math.pow(10, lo - w), Math.pow(10, hi + w)};
        }
        double w = r[1] > r[0] ? PAD * (r[1] - r[0]) : Math.max(PAD * Math.abs(r[0]), PAD);
        return new double[] {r[0] - w, r[1] + w};
    }

    private static void gridLine(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(GRID_DECADE);
        s.setLineStyle(new BasicStroke(1f));
        s.setShowInLegend(false);
    }

    private static double[] range(List<double[][]> points, int axis) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[][] p : points) {
            for (double v : p[axis]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private static long firstDecade(double lo) {
        return (long) Math.ceil(Math.log10(lo) - 1e-9);
    }

    private static long lastDecade(double hi) {
        return (long) Math.floor(Math.log10(hi) + 1e-9);
    }

    /** Whether the points span two decade lines or more on {@code axis} (else XChart's own ticks are kept). */
    static boolean spansDecades(List<double[][]> points, int axis) {
        double[] r = range(points, axis);
        return lastDecade(r[1]) - firstDecade(r[0]) >= 1;
    }

    private static void addSeries(XYChart chart, Figure.Series s, double[][] p, Map<String, Color> colours,
            boolean rows) {
        XYSeries series = chart.addSeries(s.label(), p[0], p[1]);
        if (s.bandOf() != null) {
            Color c = colours.getOrDefault(s.bandOf(), Color.GRAY);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(BAND);
            series.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
            series.setShowInLegend(false);
            return;
        }
        Color c = !rows ? PALETTE[colours.size() % PALETTE.length]
                : s.reference() ? Color.DARK_GRAY : STATUS.getOrDefault(s.label(), Color.GRAY);
        colours.put(s.label(), c);
        series.setLineColor(c);
        series.setMarkerColor(c);
        if (s.reference()) {
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(DASHED);
        } else if (rows) {
            series.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
        } else {
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(SOLID);
        }
    }
}
