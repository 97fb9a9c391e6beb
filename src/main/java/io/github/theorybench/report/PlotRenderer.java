package io.github.theorybench.report;

import io.github.theorybench.claims.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders {@link Figure} data to PNG with XChart: measurements as markers and lines, references as dashed lines. */
public final class PlotRenderer {
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);

    private static final BasicStroke BAND = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {3f, 3f}, 0f);
    /** A fixed palette, so a band can share its series' colour (XChart's theme colours are assigned late). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private PlotRenderer() {
    }

    public static void render(Figure f, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(f.title()).xAxisTitle(f.xLabel())
                .yAxisTitle(f.yLabel()).build();
        chart.getStyler().setXAxisLogarithmic(f.logX());
        chart.getStyler().setYAxisLogarithmic(f.logY());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        int plotted = 0;
        java.util.Map<String, Color> colours = new java.util.HashMap<>();
        for (Figure.Series s : f.series()) {
            // Log axes cannot show non-positive or non-finite values: drop those points (never change them).
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i], y = s.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || (f.logX() && x <= 0) || (f.logY() && y <= 0)) {
                    continue;
                }
                xs.add(x);
                ys.add(y);
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(s.label(), xs, ys);
            if (s.bandOf() != null) {
                Color c = colours.getOrDefault(s.bandOf(), Color.GRAY);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(BAND);
                series.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
                series.setShowInLegend(false);
                plotted++;
                continue;
            }
            Color c = PALETTE[colours.size() % PALETTE.length];
            colours.put(s.label(), c);
            series.setLineColor(c);
            series.setMarkerColor(c);
            if (s.reference()) {
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(DASHED);
            } else {
                series.setMarker(SeriesMarkers.CIRCLE);
            }
            plotted++;
        }
        if (plotted == 0) {
            throw new IOException("figure " + f.name() + " has no plottable point");
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
