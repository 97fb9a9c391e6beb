package io.github.theorybench.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.linalg.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a check hands to the report (CheckResult), the figure and table records, and the check context. */
class CheckResultTest {
    private static Verdict v(String id, String check, double observed) {
        return Verdict.builder(id).check(check).observed(observed).bound(1.0).build();
    }

    private static Figure fig(String name) {
        return new Figure(name, "t", "x", "y", false, true,
                List.of(new Figure.Series("s", new double[] {1}, new double[] {2}, false)));
    }

    private static Table table(String name) {
        return new Table(name, "t", List.of("h"), List.of(List.of("c")), "note");
    }

    @Test
    @DisplayName("CheckResult: add, addAll, figure, table, instance keep insertion order and return the same result")
    void accumulates() {
        CheckResult r = new CheckResult();
        Verdict a = v("LSQ-1", "a", 0.5), b = v("LSQ-2", "b", 0.6), c = v("LSQ-1", "c", 0.7);
        Figure f = fig("F");
        Table t = table("T");
        assertThat(r.add(a)).isSameAs(r);
        assertThat(r.addAll(List.of(b, c))).isSameAs(r);
        assertThat(r.figure(f)).isSameAs(r);
        assertThat(r.table(t)).isSameAs(r);
        assertThat(r.instance("z", 1)).isSameAs(r);
        assertThat(r.instance("a", 2)).isSameAs(r);
        assertThat(r.verdicts()).containsExactly(a, b, c);
        assertThat(r.figures()).containsExactly(f);
        assertThat(r.tables()).containsExactly(t);
        assertThat(r.instances()).containsExactly(Map.entry("z", 1), Map.entry("a", 2));
        assertThatThrownBy(() -> r.verdicts().add(a)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.figures().add(f)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.tables().add(t)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.instances().put("q", 1)).isInstanceOf(UnsupportedOperationException.class);
        List<Verdict> source = new ArrayList<>(List.of(a));
        new CheckResult().addAll(source);
        assertThat(source).containsExactly(a);
    }

    @Test
    @DisplayName("CheckResult.merge appends all four parts of the other result, in order, and leaves the other unchanged")
    void merge() {
        Verdict a = v("LSQ-1", "a", 0.5), b = v("LSQ-2", "b", 0.6);
        CheckResult left = new CheckResult().add(a).figure(fig("F1")).table(table("T1")).instance("x", 1)
                .instance("y", 2);
        CheckResult right = new CheckResult().add(b).figure(fig("F2")).table(table("T2")).instance("y", 3)
                .instance("w", 4);
        assertThat(left.merge(right)).isSameAs(left);
        assertThat(left.verdicts()).containsExactly(a, b);
        assertThat(left.figures()).extracting(Figure::name).containsExactly("F1", "F2");
        assertThat(left.tables()).extracting(Table::name).containsExactly("T1", "T2");
        assertThat(left.instances()).containsExactly(Map.entry("x", 1), Map.entry("y", 3), Map.entry("w", 4));
        assertThat(right.verdicts()).containsExactly(b);
        assertThat(right.figures()).hasSize(1);
        assertThat(right.tables()).hasSize(1);
        assertThat(right.instances()).hasSize(2);
    }

    @Test
    @DisplayName("CheckResult lookups: verdicts(id) filters by ID in order; verdict(id, check) needs both to match, first wins, else names what exists")
    void lookups() {
        Verdict a = v("LSQ-1", "a", 0.1), b = v("LSQ-2", "a", 0.2), c = v("LSQ-1", "c", 0.3),
                a2 = v("LSQ-1", "a", 0.4);
        CheckResult r = new CheckResult().add(a).add(b).add(c).add(a2);
        assertThat(r.verdicts("LSQ-1")).containsExactly(a, c, a2);
        assertThat(r.verdicts("LSQ-2")).containsExactly(b);
        assertThat(r.verdicts("LSQ-3")).isEmpty();
        assertThat(r.verdict("LSQ-1", "a")).isSameAs(a);
        assertThat(r.verdict("LSQ-2", "a")).isSameAs(b);
        assertThat(r.verdict("LSQ-1", "c")).isSameAs(c);
        assertThatThrownBy(() -> r.verdict("LSQ-2", "c")).isInstanceOf(IllegalStateException.class)
                .hasMessage("no verdict LSQ-2 / c in [LSQ-1/a, LSQ-2/a, LSQ-1/c, LSQ-1/a]");
        assertThatThrownBy(() -> r.verdict("LSQ-3", "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Figure.Series: x and y of equal length; a band names its series and is a reference line; plain series are not bands")
    void series() {
        double[] x = {1, 2}, y = {3, 4};
        Figure.Series s = new Figure.Series("m", x, y, false);
        assertThat(s.bandOf()).isNull();
        assertThat(s.reference()).isFalse();
        assertThat(new Figure.Series("r", x, y, true).reference()).isTrue();
        Figure.Series band = Figure.Series.band("m min", "m", x, y);
        assertThat(band.label()).isEqualTo("m min");
        assertThat(band.bandOf()).isEqualTo("m");
        assertThat(band.reference()).isTrue();
        assertThat(band.x()).isSameAs(x);
        assertThat(band.y()).isSameAs(y);
        assertThatThrownBy(() -> new Figure.Series("bad", new double[] {1, 2, 3}, y, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("series bad: 3 x values, 2 y values");
        assertThatThrownBy(() -> Figure.Series.band("bad", "m", x, new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("CheckContext: negative seeds rejected, seed 0 allowed, progress lines forwarded, a null sink is replaced")
    void context() {
        assertThatThrownBy(() -> CheckContext.of(Backends.byName(Backends.DEFAULT), -1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("seed must be non-negative, got -1");
        CheckContext zero = CheckContext.of(Backends.byName(Backends.DEFAULT), 0, false);
        assertThat(zero.seed()).isZero();
        assertThat(zero.quick()).isFalse();
        zero.progress("ignored");
        List<String> lines = new ArrayList<>();
        CheckContext c = new CheckContext(Backends.byName(Backends.DEFAULT), 5, true, lines::add);
        c.progress("one");
        c.progress("two");
        assertThat(lines).containsExactly("one", "two");
        CheckContext nullSink = new CheckContext(Backends.byName(Backends.DEFAULT), 5, true, null);
        assertThat(nullSink.progress()).isNotNull();
        nullSink.progress("fine");
    }
}
