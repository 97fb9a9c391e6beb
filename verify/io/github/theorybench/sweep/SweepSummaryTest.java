package io.github.theorybench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.claims.support.WilsonInterval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sweep's counting rules on hand-made blocks: outcomes, rates, marks, worst seeds, the plotted statistic. */
class SweepSummaryTest {
    private static final SweepSpec SPEC = new SweepSpec("abc", "LSQ-1", List.of("LSQ-1", "LSQ-2"), true, "openblas",
            new SeedRange(1, 4), null);

    static Block.Row claim(String key, String status, boolean hyp, double observed, double bound) {
        return new Block.Row("LSQ-1", key, "label " + key, "claim", "exact", status, hyp, status.equals("holds"),
                observed, bound, Double.NaN, Double.NaN, (observed - bound) / Math.abs(bound), 1, null);
    }

    static Block.Row control(String status, double observed) {
        return new Block.Row("LSQ-1", "rateX2", "control", "control", "exact", status, true, false, observed, 1.0,
                Double.NaN, Double.NaN, observed - 1.0, 1, null);
    }

    static Block.Row error(String id) {
        return new Block.Row(id, "error", "Check", "claim", "exact", "error", false, false, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, 1, "boom");
    }

    static CriterionSweep find(List<CriterionSweep> cs, String name, String role) {
        return cs.stream().filter(c -> c.name().equals(name) && c.role().equals(role)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("pass, fail, not applicable (every row's hypothesis unmet), error and absent, per block")
    void outcomes() {
        List<Block> blocks = List.of(
                new Block(1, "b", List.of(claim("decay", "holds", true, 0.5, 1), claim("decay", "hypothesis not met",
                        false, 2, 1))),
                new Block(2, "b", List.of(claim("decay", "violated", true, 1.5, 1))),
                new Block(3, "b", List.of(claim("decay", "hypothesis not met", false, 0.1, 1))),
                new Block(4, "b", List.of(error("LSQ-1"))));
        CriterionSweep c = find(SweepSummary.summarize(SPEC, blocks), "decay", "claim");
        assertThat(c.outcomes()).isEqualTo("PFNE");
        assertThat(c.successes()).isEqualTo(1);
        assertThat(c.trials()).isEqualTo(3);
        assertThat(c.notApplicable()).isEqualTo(1);
        assertThat(c.errors()).isEqualTo(1);
        assertThat(c.interval()).isEqualTo(WilsonInterval.of95(1, 3));
        assertThat(c.mark()).contains("power 1/3 = 33.3% < 95%").contains("3 blocks < 20");
        assertThat(c.worst().seed()).as("the failed block").isEqualTo(2);
        assertThat(c.worst().rerun()).isEqualTo("bin/theorybench claims --only LSQ-1 --seed 2 --backend openblas"
                + " --quick");
        assertThat(c.statistic().values()).as("hypothesis-not-met rows are not plotted").containsExactly(0.5, 1.5);
        assertThat(c.statistic().bound()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a control is flagged only when every row bit; its worst block is the weakest bite")
    void controls() {
        List<Block> blocks = new ArrayList<>();
        for (long s = 1; s <= 20; s++) {
            blocks.add(new Block(s, "b", List.of(control("control bit", 3.0 + s))));
        }
        blocks.set(4, new Block(5, "b", List.of(control("control bit", 1.5), control("control did not bite", 0.5))));
        CriterionSweep c = find(SweepSummary.summarize(SPEC, blocks), "rateX2", "control");
        assertThat(c.successes()).isEqualTo(19);
        assertThat(c.trials()).isEqualTo(20);
        assertThat(c.mark()).as("19/20 is exactly 95%: not marked").isEmpty();
        assertThat(c.worst().seed()).isEqualTo(5);
        assertThat(c.worst().outcome()).isEqualTo(BlockOutcome.FAIL);
        blocks.set(5, new Block(6, "b", List.of(control("control did not bite", 0.9))));
        CriterionSweep c2 = find(SweepSummary.summarize(SPEC, blocks), "rateX2", "control");
        assertThat(c2.mark()).isEqualTo("flagged in 18/20 = 90.0% < 95%");
        assertThat(c2.worst().seed()).as("of two blocks that did not bite, the weaker bite").isEqualTo(5);
    }

    @Test
    @DisplayName("exactly 95% over 20 blocks is not marked; 18/19 is, on both counts; exploratory never")
    void marksAtTheThreshold() {
        List<Block> blocks = new ArrayList<>();
        for (long s = 1; s <= 20; s++) {
            blocks.add(new Block(s, "b", List.of(claim("decay", s == 7 ? "violated" : "holds", true, 0.5, 1))));
        }
        assertThat(find(SweepSummary.summarize(SPEC, blocks), "decay", "claim").mark()).isEmpty();
        List<Block> fewer = blocks.subList(0, 19);
        assertThat(find(SweepSummary.summarize(SPEC, fewer), "decay", "claim").mark())
                .isEqualTo("power 18/19 = 94.7% < 95%; 19 blocks < 20");
        Block.Row expl = new Block.Row("LSQ-1", "outside", "x", "exploratory", "exact", "exploratory", false, false, 3,
                1, Double.NaN, Double.NaN, 2, 1, null);
        CriterionSweep e = find(SweepSummary.summarize(SPEC, List.of(new Block(1, "b", List.of(expl)))), "outside",
                "exploratory");
        assertThat(e.mark()).isEmpty();
        assertThat(e.outcomes()).isEqualTo("F");
    }

    @Test
    @DisplayName("rows with different bounds are plotted as margins against 0; a shared window as observed")
    void statistic() {
        List<Block> differing = List.of(new Block(1, "b", List.of(claim("decay", "holds", true, 0.5, 1),
                claim("decay", "holds", true, 1, 4))));
        CriterionSweep.Statistic s = find(SweepSummary.summarize(SPEC, differing), "decay", "claim").statistic();
        assertThat(s.name()).isEqualTo("margin");
        assertThat(s.values()).containsExactly(-0.5, -0.75);
        assertThat(s.bound()).isZero();
        Block.Row w = new Block.Row("LSQ-2", "slope", "fit", "claim", "scaling", "holds", true, true, 0.5, Double.NaN,
                0.4, 0.6, -0.25, 1, null);
        CriterionSweep.Statistic ws = find(SweepSummary.summarize(SPEC, List.of(new Block(1, "b", List.of(w)))),
                "slope", "claim").statistic();
        assertThat(ws.name()).isEqualTo("observed");
        assertThat(ws.windowLow()).isEqualTo(0.4);
        assertThat(ws.windowHigh()).isEqualTo(0.6);
    }

    @Test
    @DisplayName("a check without criterion keys is counted under its display label; order follows the selection")
    void unkeyedAndOrder() {
        Block.Row unkeyed = new Block.Row("LSQ-2", "", "one-step bound, mu = 0.1", "claim", "exact", "holds", true,
                true, 0.5, 1, Double.NaN, Double.NaN, -0.5, 1, null);
        List<CriterionSweep> cs = SweepSummary.summarize(SPEC, List.of(new Block(1, "b", List.of(unkeyed,
                claim("decay", "holds", true, 0.5, 1)))));
        assertThat(cs).extracting(CriterionSweep::id).containsExactly("LSQ-1", "LSQ-2");
        assertThat(cs.get(1).keyed()).isFalse();
        assertThat(cs.get(1).name()).isEqualTo("one-step bound, mu = 0.1");
        assertThat(cs.get(1).stem()).isEqualTo("LSQ-2-one-step_bound__mu___0.1-claim");
    }

    @Test
    @DisplayName("seed ranges and shards: parsing, round-robin shares that partition the range")
    void rangesAndShards() {
        assertThat(SeedRange.parse("1..200").count()).isEqualTo(200);
        assertThat(SeedRange.parse("7").seeds()).containsExactly(7L);
        assertThatThrownBy(() -> SeedRange.parse("3..1")).hasMessageContaining("reversed");
        assertThatThrownBy(() -> SeedRange.parse("")).hasMessageContaining("FIRST..LAST");
        SeedRange r = SeedRange.parse("5..14");
        List<Long> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            all.addAll(new Shard(k, 3).seeds(r));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(r.seeds());
        assertThat(new Shard(2, 3).seeds(r)).containsExactly(6L, 9L, 12L);
        assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("shard index out of range");
    }

    @Test
    @DisplayName("a block survives its JSON round trip bit for bit, NaN and infinities included")
    void blockRoundTrip() throws Exception {
        Block.Row r = new Block.Row("LSQ-1", "decay", "l", "claim", "exact", "holds", true, true, 0.1 + 0.2,
                Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, Math.nextUp(1.0), 42, null);
        Block b = new Block(3, "desc", List.of(r, error("LSQ-2")));
        Block back = Block.fromJson(SweepFiles.JSON.readTree(SweepFiles.JSON.writeValueAsString(b.toJson())));
        assertThat(back).isEqualTo(b);
    }
}
