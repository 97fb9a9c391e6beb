package io.github.theorybench.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One criterion's statistic over a sweep as a PNG (XChart): the empirical CDF of every counted row's value, rows that
 * held (bit) and rows that did not as separate markers, and the threshold or window as dashed vertical lines. The
 * x axis is logarithmic when every value and threshold is positive and they span two decades.
 */
final class SweepPlot {
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    private static final Color OK = new Color(0x1f77b4);
    private static final Color BAD = new Color(0xd62728);
    private static final Color REFERENCE = new Color(0x333333);

    private SweepPlot() {
    }

    /** Renders {@code c}'s plot to {@code png}; false (nothing written) when no value is finite. */
    static boolean render(CriterionSweep c, Path png) throws IOException {
        CriterionSweep.Statistic s = c.statistic();
        double[] v = s.values();
        Integer[] order = new Integer[v.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        List<Double> okX = new ArrayList<>(), okY = new ArrayList<>(), badX = new ArrayList<>(), badY = new ArrayList<>();
        for (int r = 0; r < v.length; r++) {
            int i = order[r];
            if (Double.isFinite(v[i])) {
                (s.ok()[i] ? okX : badX).add(v[i]);
                (s.ok()[i] ? okY : badY).add((r + 1.0) / v.length);
            }
        }
        if (okX.isEmpty() && badX.isEmpty()) {
            return false;
        }
        boolean control = c.role().equals("control");
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title(c)).xAxisTitle(xLabel(c, control))
                .yAxisTitle("fraction of rows ≤ x (empirical CDF)").build();
        Styler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setChartBackgroundColor(Color.WHITE);
        st.setMarkerSize(7);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisLogarithmic(logAxis(s));
        points(chart, control ? "rows where the control bit" : "rows that held", okX, okY, OK);
        points(chart, control ? "rows where it did not bite" : "rows that did not hold", badX, badY, BAD);
        if (s.hasWindow()) {
            reference(chart, "window low " + SweepReport.num(s.windowLow()), s.windowLow());
            reference(chart, "window high " + SweepReport.num(s.windowHigh()), s.windowHigh());
        } else if (s.hasBound()) {
            reference(chart, s.name().equals("margin") ? "threshold: margin 0" : "bound " + SweepReport.num(s.bound()),
                    s.bound());
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return true;
    }

    private static String title(CriterionSweep c) {
        return String.format(Locale.ROOT, "%s %s (%s): %s", c.id(), c.keyed() ? c.name() : "\"" + c.name() + "\"",
                c.role(), SweepReport.rateText(c));
    }

    private static String xLabel(CriterionSweep c, boolean control) {
        return c.statistic().name().equals("margin") ? "margin (observed − bound)/|bound| per row (rows' bounds differ;"
                + (control ? " > 0: bit)" : " > 0: violated)") : "observed";
    }

    private static void points(XYChart chart, String label, List<Double> x, List<Double> y, Color colour) {
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }

    private static void reference(XYChart chart, String label, double x) {
        XYSeries s = chart.addSeries(label, new double[] {x, x}, new double[] {0, 1});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(DASHED);
        s.setLineColor(REFERENCE);
    }

    private static boolean logAxis(CriterionSweep.Statistic s) {
        double lo = s.min(), hi = s.max();
        if (s.hasWindow()) {
            lo = Math.min(lo, s.windowLow());
            hi = Math.max(hi, s.windowHigh());
        } else if (s.hasBound()) {
            lo = Math.min(lo, s.bound());
            hi = Math.max(hi, s.bound());
        }
        return lo > 0 && hi / lo >= 100;
    }
}
