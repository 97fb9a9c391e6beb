package io.github.theorybench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.theorybench.bench.BenchTables.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark page from hand-made rows: error marks, ratios, the recommendation, the floor, sizes. */
class BenchTablesTest {
    static Row row(String loop, String form, String backend, String size, double median, double relErr) {
        return new Row(loop, form, backend, size, median, relErr * median, median, 10, 2, 1024);
    }

    /** ejml fastest at n = 32, openblas from n = 64 on, every loop; DGEMM 100 GFLOP/s on openblas; triad 20 GB/s. */
    static BenchTables sample(JsonNode numpy) {
        List<Row> rows = new ArrayList<>();
        for (String loop : BenchTables.LOOPS) {
            rows.add(row(loop, "structured", "ejml", "32x128x8", 0.010, 0.02));
            rows.add(row(loop, "structured", "openblas", "32x128x8", 0.020, 0.02));
            rows.add(row(loop, "structured", "ejml", "64x256x16", 0.200, 0.02));
            rows.add(row(loop, "structured", "openblas", "64x256x16", 0.050, 0.02));
            rows.add(row(loop, "structured", "ejml", "1024x4096x256", 2000, 0.15));   // misses the target
            rows.add(row(loop, "structured", "openblas", "1024x4096x256", 100, 0.03));
            rows.add(row(loop, "explicit", "openblas", "64x256x16", 1.0, 0.03));
        }
        rows.add(row("dgemm", "dgemm", "openblas", "1024", DgemmBenchmark.FLOPS / 100e9 * 1e3, 0.01));
        rows.add(row("dgemm", "dgemm", "ejml", "1024", DgemmBenchmark.FLOPS / 5e9 * 1e3, 0.01));
        rows.add(row("stream", "triad", "java", "33554432", StreamBenchmark.TRIAD_BYTES / 20e9 * 1e3, 0.01));
        rows.add(row("stream", "copy", "java", "33554432", StreamBenchmark.COPY_BYTES / 18e9 * 1e3, 0.01));
        return new BenchTables(rows, numpy);
    }

    static BenchSuite.Plan plan() {
        return BenchSuite.Plan.of(false, HotLoopSizes.parseList("32x128x8,64x256x16,1024x4096x256"));
    }

    @Test
    @DisplayName("a row is precise when its 99.9% error is below 10% of its mean (exactly 10% and NaN are not)")
    void errorTarget() {
        assertThat(row("gram", "structured", "ejml", "32x128x8", 1, 0.0999).precise()).isTrue();
        assertThat(row("gram", "structured", "ejml", "32x128x8", 1, 0.10).precise()).isFalse();
        assertThat(new Row("gram", "structured", "ejml", "32x128x8", 1, Double.NaN, 1, 1, 1, 0).precise()).isFalse();
        assertThat(BenchTables.meanWithError(row("gram", "structured", "ejml", "32x128x8", 2, 0.15)))
                .isEqualTo("2.00 ± 0.30 (15.0%) ⚠️");
    }

    @Test
    @DisplayName("the recommendation names the small-size winner, the crossover size and the large-size winner with its lead")
    void recommendationFromData() {
        String text = BenchReport.recommendationText(sample(null));
        assertThat(text).contains("structured gram: ejml up to 32x128x8, openblas from 64x256x16 on")
                .contains("at 1024x4096x256 20.0× faster than ejml, the next")
                .contains("below n ≈ 64 (64x256x16) ejml is as fast or faster").contains("from 64x256x16 on use openblas");
        assertThat(BenchReport.crossover(sample(null), "openblas")).isEqualTo("64x256x16");
    }

    @Test
    @DisplayName("floor = BLAS-3 flops at the backend's DGEMM rate + element-wise bytes at the triad bandwidth")
    void floor() {
        BenchTables t = sample(null);
        HotLoopSizes s = HotLoopSizes.parse("1024x4096x256");
        double n = 1024, m = 4096, d = 256;
        double gramFlops = 2 * n * m * d + n * n * m, gramBytes = 16 * n * m + 24 * n * n;
        assertThat(t.dgemmGflops("openblas")).isCloseTo(100, within(1e-9));
        assertThat(t.triadGbPerSecond()).isCloseTo(20, within(1e-9));
        assertThat(t.floorMs("gram", "openblas", s)).isCloseTo((gramFlops / 100e9 + gramBytes / 20e9) * 1e3,
                within(1e-9));
        double gradFlops = 4 * n * m * d, gradBytes = 16 * n * m + 16 * n * d;
        assertThat(t.floorMs("gradient", "openblas", s)).isCloseTo((gradFlops / 100e9 + gradBytes / 20e9) * 1e3,
                within(1e-9));
    }

    @Test
    @DisplayName("the page: ratios before absolute times, NumPy over theorybench per size, ⚠️ on imprecise rows, floor multiples")
    void page() throws Exception {
        JsonNode numpy = new ObjectMapper().readTree("{\"numpy\": \"2.0\", \"sizes\": {\"1024x4096x256\": "
                + "{\"gramStructured\": {\"median\": 150, \"best\": 140}}}, \"dgemm\": {\"median\": 25, \"best\": 24}}");
        BenchTables t = sample(numpy);
        String md = BenchTables.markdown(t, new BenchTables.Context(plan(), List.of("explicit forms skipped at x"),
                List.of(), "2.0", 100, 120, "cpu test"));
        assertThat(md.indexOf("× fastest")).isLessThan(md.indexOf("mean ms ± 99.9% error"));
        assertThat(md.indexOf("## Which backend for my sizes")).isLessThan(md.indexOf("## References"));
        assertThat(md).contains("| 1024x4096x256 | openblas | structured | 1.00× | ")
                .contains("| 1.50× |")   // NumPy 150 ms / openblas 100 ms
                .contains("2000 ± 300 (15.0%) ⚠️").contains("3 row(s) missed the target")
                .contains("## Machine limit at 1024x4096x256").contains("explicit forms skipped at x")
                .contains("![gram crossover](crossover-gram.png)").contains("| 1.0 KiB |");
    }

    @Test
    @DisplayName("--sizes: NxMxD items in order; a bad item, an empty item, a repeat or a size beyond the limits is refused with one line")
    void sizes() {
        assertThat(HotLoopSizes.parseList("128x256x32,64x64x8")).extracting(HotLoopSizes::label)
                .containsExactly("128x256x32", "64x64x8");
        assertThatThrownBy(() -> HotLoopSizes.parseList("128x256")).hasMessageContaining("must be NxMxD");
        assertThatThrownBy(() -> HotLoopSizes.parseList("0x2x2")).hasMessageContaining("positive");
        assertThatThrownBy(() -> HotLoopSizes.parseList("ax2x2")).hasMessageContaining("positive integers");
        assertThatThrownBy(() -> HotLoopSizes.parseList("2x2x2,,4x4x4")).hasMessageContaining("empty item");
        assertThatThrownBy(() -> HotLoopSizes.parseList("2x2x2,2x2x2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> HotLoopSizes.parseList("100000x100000x2")).hasMessageContaining("2^28");
        assertThat(HotLoopSizes.SWEEP).extracting(HotLoopSizes::label).startsWith("32x128x8").endsWith("1024x4096x256");
        assertThat(HotLoopSizes.parse("256x512x64").explicitRuns()).isTrue();
        assertThat(HotLoopSizes.parse("256x1024x64").explicitSkipReason()).contains("2^23");
    }

    @Test
    @DisplayName("tiers: sub-2e8-flop sizes in the one-fork tier, the rest with two forks; quick mode one short tier")
    void tiers() {
        BenchSuite.Plan p = plan();
        assertThat(p.tier(HotLoopSizes.parse("64x256x16")).forks()).isEqualTo(1);
        assertThat(p.tier(HotLoopSizes.parse("1024x4096x256")).forks()).isEqualTo(2);
        assertThat(p.largest().label()).isEqualTo("1024x4096x256");
        assertThat(BenchSuite.Plan.of(true, null).sizes()).hasSize(1);
        assertThat(BenchSuite.Plan.of(false, null).sizes()).isEqualTo(HotLoopSizes.SWEEP);
    }

    @Test
    @DisplayName("a crossover chart per loop is a PNG")
    void chart(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("c.png");
        BenchCharts.crossover(sample(null), "gram", png);
        byte[] head = Files.readAllBytes(png);
        assertThat(head.length).isGreaterThan(1000);
        assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
