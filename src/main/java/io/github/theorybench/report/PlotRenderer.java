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
import java.util.function.Function;
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
 * colour. Log axes draw one grid line per decade (never the minor 2…9 lines) and label powers of ten as 10ⁿ, every
 * k-th decade when there are many. Row figures ({@link GenericFigures}) draw markers only, coloured by status.
 */
public final class PlotRenderer {
    static final int WIDTH = 900;
    private static final int BASE_HEIGHT = 520;
    /** Extra height per legend entry beyond the third, so a long legend does not squash the plot. */
    private static final int LEGEND_ROW = 22;
    /** At most this many labelled decades on a log axis; the grid keeps a line per decade. */
    private static final int MAX_DECADE_LABELS = 9;

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    private static final BasicStroke BAND = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {3f, 3f}, 0f);
    private static final Color GRID = new Color(0xE3E3E3);
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

    /** Log axes: a grid line per decade only, powers of ten labelled 10ⁿ (every k-th when there are many). */
    private static void logAxes(XYStyler st, Figure f, List<double[][]> points) {
        st.setXAxisLogarithmic(f.logX());
        st.setYAxisLogarithmic(f.logY());
        if (f.logX()) {
            int step = decadeStep(points, 0);
            st.setXAxisLogarithmicDecadeOnly(step > 0);
            st.setxAxisTickLabelsFormattingFunction(logLabels(Math.max(step, 1)));
        }
        if (f.logY()) {
            int step = decadeStep(points, 1);
            st.setYAxisLogarithmicDecadeOnly(step > 0);
            st.setyAxisTickLabelsFormattingFunction(logLabels(Math.max(step, 1)));
        }
    }

    /**
     * Every how many decades to label an axis spanning the points' range; 0 when the range lies within one decade
     * (a decade-only axis would show no grid line there, so XChart's own ticks are kept).
     */
    static int decadeStep(List<double[][]> points, int axis) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double[][] p : points) {
            for (double v : p[axis]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9), last = (int) Math.floor(Math.log10(hi) + 1e-9);
        int decades = last - first + 1;
        if (decades < 2) {
            return 0;
        }
        return (decades + MAX_DECADE_LABELS - 1) / MAX_DECADE_LABELS;
    }

    /** Tick labels of a log axis: 10ⁿ for powers of ten (blank unless n is a multiple of {@code step}). */
    static Function<Double, String> logLabels(int step) {
        return v -> {
            double e = Math.log10(v);
            long n = Math.round(e);
            if (Math.abs(e - n) > 1e-9) {
                return plain(v);
            }
            if (n % step != 0) {
                return " ";
            }
            return Math.abs(n) <= 3 ? plain(Math.pow(10, n)) : "10" + superscript(n);
        };
    }

    private static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String superscript(long n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs(n)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
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
