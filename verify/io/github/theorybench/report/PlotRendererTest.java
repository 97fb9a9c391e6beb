package io.github.theorybench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.claims.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Plots readable at page width: one grid line per decade on log axes, references drawn dashed, no empty figure. */
class PlotRendererTest {
    /** m from 16 to 4096 (2.4 decades) and an error 3/sqrt(m) from 0.75 to 0.047 (1.2 decades). */
    private static Figure logLog() {
        double[] m = {16, 64, 256, 1024, 4096}, err = new double[5], ref = new double[5];
        for (int i = 0; i < 5; i++) {
            err[i] = 3 / Math.sqrt(m[i]);
            ref[i] = 2.5 / Math.sqrt(m[i]);
        }
        return new Figure("X-1-error", "X-1: error against width", "width m", "error (relative)", true, true,
                List.of(new Figure.Series("error", m, err, false), new Figure.Series("reference m^-1/2", m, ref, true)));
    }

    @Test
    @DisplayName("a log axis spanning decades gets one grid line per decade and none of XChart's minor lines")
    void decadeGridOnly() throws IOException {
        XYChart chart = PlotRenderer.chart(logLog(), false);
        assertThat(chart.getStyler().isPlotGridVerticalLinesVisible()).isFalse();
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(chart.getSeriesMap().keySet()).contains("grid x 2", "grid x 3").doesNotContain("grid x 1",
                "grid x 4");
        chart.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("grid"))
                .forEach(s -> assertThat(s.isShowInLegend()).isFalse());
        // the error spans 0.047 .. 0.75: a single decade line (0.1), so XChart's own ticks stay on y
        assertThat(chart.getStyler().isPlotGridHorizontalLinesVisible()).isTrue();
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction()).isNull();
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction()).isNull();
    }

    @Test
    @DisplayName("a reference series is drawn dashed without markers and shown in the legend; data with markers")
    void referenceDrawn() throws IOException {
        XYChart chart = PlotRenderer.chart(logLog(), false);
        XYSeries ref = chart.getSeriesMap().get("reference m^-1/2");
        assertThat(ref.getMarker()).isEqualTo(SeriesMarkers.NONE);
        assertThat(ref.getLineStyle().getDashArray()).isNotNull();
        assertThat(ref.isShowInLegend()).isTrue();
        assertThat(chart.getSeriesMap().get("error").getMarker()).isNotEqualTo(SeriesMarkers.NONE);
        assertThat(chart.getWidth()).isEqualTo(PlotRenderer.WIDTH);
    }

    @Test
    @DisplayName("a PNG is written; a figure without a plottable point is refused")
    void writesAndRefuses(@TempDir Path dir) throws IOException {
        PlotRenderer.render(logLog(), dir.resolve("a.png"));
        assertThat(Files.size(dir.resolve("a.png"))).isPositive();
        Figure empty = new Figure("X-2", "X-2", "x", "y", true, true, List.of(new Figure.Series("s",
                new double[] {0, -1}, new double[] {1, 2}, false)));
        assertThatThrownBy(() -> PlotRenderer.render(empty, dir.resolve("b.png"))).isInstanceOf(IOException.class)
                .hasMessageContaining("no plottable point");
    }
}
