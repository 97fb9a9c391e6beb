package io.github.theorybench.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Crossover charts (XChart): the median time of one hot loop against n, log-log, one line per backend (solid:
 * structured, dashed: explicit) and NumPy's structured form dotted, so where two lines cross one backend overtakes
 * another.
 */
final class BenchCharts {
    private BenchCharts() {
    }

    static void crossover(BenchTables t, String loop, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1000).height(620)
                .title(BenchTables.capitalize(loop) + ": median time per operation vs n (log-log; lower is better)")
                .xAxisTitle("n (points); default sweep m = 4n hidden units, d = n/4 inputs")
                .yAxisTitle("ms per operation").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        boolean any = false;
        for (String form : BenchTables.FORMS) {
            for (String b : t.backends()) {
                List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
                for (String size : t.sizes()) {
                    Optional<BenchTables.Row> r = t.find(loop, form, b, size);
                    if (r.isPresent()) {
                        xs.add((double) HotLoopSizes.parse(size).n());
                        ys.add(r.get().median());
                    }
                }
                if (!xs.isEmpty()) {
                    XYSeries s = chart.addSeries(b + " " + form, xs, ys);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    s.setLineStyle(form.equals("structured") ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
                    any = true;
                }
            }
        }
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (String size : t.sizes()) {
            double np = t.numpyMs(loop, size);
            if (!Double.isNaN(np)) {
                xs.add((double) HotLoopSizes.parse(size).n());
                ys.add(np);
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries("NumPy structured", xs, ys);
            s.setLineStyle(SeriesLines.DOT_DOT);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setLineColor(Color.BLACK);
            s.setMarkerColor(Color.BLACK);
        }
        if (!any && xs.isEmpty()) {
            chart.addSeries("no data", List.of(1.0), List.of(1.0));
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
