package io.github.theorybench.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Bar charts (XChart) of one hot loop: GFLOP/s per backend and size, one bar per form. */
final class BenchCharts {
    private BenchCharts() {
    }

    static void render(BenchTables t, String loop, Path png) throws IOException {
        List<BenchTables.Row> rows = t.loop(loop);
        List<String> categories = new ArrayList<>();
        for (BenchTables.Row r : rows) {
            String c = r.backend() + " " + r.size();
            if (!categories.contains(c)) {
                categories.add(c);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title(BenchTables.capitalize(loop) + ": GFLOP/s by backend and size (higher is better)")
                .xAxisTitle("backend, n x m x d").yAxisTitle("GFLOP/s (GEMM-equivalent)").build();
        style(chart);
        for (String form : List.of("structured", "explicit")) {
            List<Double> ys = new ArrayList<>();
            for (String c : categories) {
                String[] p = c.split(" ");
                ys.add(t.find(loop, form, p[0], p[1]).map(BenchTables.Row::gflops).orElse(0.0));
            }
            if (ys.stream().anyMatch(y -> y > 0)) {
                chart.addSeries(form, categories, ys);
            }
        }
        save(chart, png);
    }

    static void renderDgemm(BenchTables t, Path png) throws IOException {
        List<String> backends = t.loop("dgemm").stream().map(BenchTables.Row::backend).toList();
        List<Double> rates = t.loop("dgemm").stream().map(BenchTables.Row::gflops).toList();
        CategoryChart chart = new CategoryChartBuilder().width(800).height(480)
                .title("DGEMM n = 1024: GFLOP/s per backend").xAxisTitle("backend").yAxisTitle("GFLOP/s").build();
        style(chart);
        chart.addSeries("dgemm", backends, rates);
        save(chart, png);
    }

    private static void style(CategoryChart chart) {
        System.setProperty("java.awt.headless", "true");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
    }

    private static void save(CategoryChart chart, Path png) throws IOException {
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
