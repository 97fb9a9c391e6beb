package io.github.theorybench.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.claims.Verdict.Role;
import io.github.theorybench.claims.Verdict.Status;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The verdict row every check returns (CLAIMS.md: observed, bound, slack, hypothesis met, seed, sizes, backend): the
 * builder's defaults, the status a report shows, error rows and the copy-with helpers, asserted exactly.
 */
class VerdictTest {

    /** A verdict with every field set to a distinct value (the canonical constructor, no builder defaults). */
    private static Verdict full(Role role, boolean hypothesisMet, boolean holds, String error) {
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("n", 20);
        sizes.put("m", 7);
        return new Verdict("LAZY-3", ClaimKind.EXACT, role, "travel", "travel", hypothesisMet, 1.5, 2.5, 0.6, 0.1, 0.9,
                holds, 42L, sizes, "ejml", "tanh", 1e-9, "some detail", "a finding", Map.of("b", 2.0, "a", 1.0), error,
                false, 3.25);
    }

    @Test
    @DisplayName("Verdict builder defaults: kind from the catalogue, role claim, hypothesis met, NaN numbers, slack = observed/bound, empty strings")
    void builderDefaults() {
        Verdict v = Verdict.builder("LAZY-7").build();
        assertThat(v.id()).isEqualTo("LAZY-7");
        assertThat(v.kind()).isEqualTo(ClaimKind.SCALING);
        assertThat(v.role()).isEqualTo(Role.CLAIM);
        assertThat(v.check()).isEmpty();
        assertThat(v.hypothesisMet()).isTrue();
        assertThat(v.observed()).isNaN();
        assertThat(v.bound()).isNaN();
        assertThat(v.slack()).isNaN();
        assertThat(v.windowLow()).isNaN();
        assertThat(v.windowHigh()).isNaN();
        assertThat(v.holds()).isFalse();   // NaN <= NaN is false
        assertThat(v.seed()).isZero();
        assertThat(v.sizes()).isEmpty();
        assertThat(v.backend()).isEmpty();
        assertThat(v.activation()).isEmpty();
        assertThat(v.tolerance()).isNaN();
        assertThat(v.detail()).isEmpty();
        assertThat(v.measurements()).isEmpty();
        assertThat(v.error()).isNull();
        assertThat(v.seconds()).isZero();
        assertThat(Verdict.builder("LSQ-1").build().kind()).isEqualTo(ClaimKind.EXACT);
        assertThat(Verdict.builder("DLS-2").build().kind()).isEqualTo(ClaimKind.PHENOMENON);
    }

    @Test
    @DisplayName("Verdict builder setters land in the matching fields")
    void builderSetters() {
        Verdict v = Verdict.builder("LAZY-1").kind(ClaimKind.PHENOMENON).role(Role.CONTROL).check("risk decay")
                .hypothesisMet(false).observed(3.0).bound(4.0).slack(0.25).window(-1.0, 2.0).holds(true).seed(17)
                .size("n", 5).size("alpha", 0.5).backend("openblas").activation("relu").tolerance(1e-6)
                .detail("d").measure("z", 3.0).measure("a", 1.0).build();
        assertThat(v.kind()).isEqualTo(ClaimKind.PHENOMENON);
        assertThat(v.role()).isEqualTo(Role.CONTROL);
        assertThat(v.check()).isEqualTo("risk decay");
        assertThat(v.hypothesisMet()).isFalse();
        assertThat(v.observed()).isEqualTo(3.0);
        assertThat(v.bound()).isEqualTo(4.0);
        assertThat(v.slack()).isEqualTo(0.25);
        assertThat(v.windowLow()).isEqualTo(-1.0);
        assertThat(v.windowHigh()).isEqualTo(2.0);
        assertThat(v.holds()).isTrue();
        assertThat(v.seed()).isEqualTo(17L);
        assertThat(v.sizes()).containsExactly(Map.entry("n", 5), Map.entry("alpha", 0.5));
        assertThat(v.backend()).isEqualTo("openblas");
        assertThat(v.activation()).isEqualTo("relu");
        assertThat(v.tolerance()).isEqualTo(1e-6);
        assertThat(v.detail()).isEqualTo("d");
        assertThat(v.measurements()).containsExactly(Map.entry("a", 1.0), Map.entry("z", 3.0));
        assertThat(v.error()).isNull();
        assertThat(Verdict.builder("LAZY-1").control().build().role()).isEqualTo(Role.CONTROL);
        assertThat(Verdict.builder("LAZY-1").control().role(Role.CLAIM).build().role()).isEqualTo(Role.CLAIM);
    }

    @Test
    @DisplayName("Verdict builder: slack defaults to observed/bound (ClaimKind.EXACT: slack = observed / bound); an explicit slack wins, also 0")
    void builderSlack() {
        assertThat(Verdict.builder("LSQ-1").observed(3.0).bound(4.0).build().slack()).isEqualTo(0.75);
        assertThat(Verdict.builder("LSQ-1").observed(-6.0).bound(4.0).build().slack()).isEqualTo(-1.5);
        assertThat(Verdict.builder("LAZY-7").observed(0.5).bound(0.25).build().slack()).isEqualTo(2.0);
        assertThat(Verdict.builder("LSQ-1").observed(3.0).bound(4.0).slack(0.0).build().slack()).isZero();
        assertThat(Verdict.builder("LSQ-1").observed(3.0).bound(4.0).slack(9.0).build().slack()).isEqualTo(9.0);
    }

    @Test
    @DisplayName("Verdict builder: without a window, holds defaults to observed <= bound (boundary included); a window decides for every kind")
    void builderHoldsNonScaling() {
        assertThat(Verdict.builder("LSQ-1").observed(1.0).bound(2.0).build().holds()).isTrue();
        assertThat(Verdict.builder("LSQ-1").observed(2.0).bound(2.0).build().holds()).isTrue();
        assertThat(Verdict.builder("LSQ-1").observed(Math.nextUp(2.0)).bound(2.0).build().holds()).isFalse();
        assertThat(Verdict.builder("DLS-1").observed(3.0).bound(2.0).build().holds()).isFalse();
        // a window decides for a phenomenon claim too (PWR-2 rate/q in [0.9, 1.1], LAZY-10 slope in [-1.1, -0.9]:
        // reading them as observed <= bound reported -0.95 violated and -1.2 holding)
        assertThat(Verdict.builder("LAZY-10").observed(-0.95).bound(-1.0).window(-1.1, -0.9).build().holds()).isTrue();
        assertThat(Verdict.builder("LAZY-10").observed(-1.2).bound(-1.0).window(-1.1, -0.9).build().holds()).isFalse();
        assertThat(Verdict.builder("PWR-2").observed(1.05).bound(1.0).window(0.9, 1.1).build().holds()).isTrue();
        assertThat(Verdict.builder("PWR-2").observed(0.5).bound(1.0).window(0.9, 1.1).build().holds()).isFalse();
        assertThat(Verdict.builder("LSQ-1").observed(3.0).bound(2.0).window(0.0, 5.0).build().holds()).isTrue();
        assertThat(Verdict.builder("LSQ-1").observed(1.0).bound(2.0).window(5.0, 6.0).build().holds()).isFalse();
        // an explicit holds wins over the default either way
        assertThat(Verdict.builder("LSQ-1").observed(3.0).bound(2.0).holds(true).build().holds()).isTrue();
        assertThat(Verdict.builder("LSQ-1").observed(1.0).bound(2.0).holds(false).build().holds()).isFalse();
    }

    @Test
    @DisplayName("Verdict builder: holds for a scaling claim is windowLow <= observed <= windowHigh (both edges included), observed <= bound without a window")
    void builderHoldsScaling() {
        // CLAIMS.md LAZY-7: slope in [0.4, 0.6]; observed is the fitted exponent, bound the theorem's (0.5)
        Verdict.Builder b = Verdict.builder("LAZY-7").bound(0.5).window(0.4, 0.6);
        assertThat(b.observed(0.4).build().holds()).isTrue();
        assertThat(b.observed(0.6).build().holds()).isTrue();
        assertThat(b.observed(0.55).build().holds()).isTrue();   // above the bound, inside the window
        assertThat(b.observed(Math.nextDown(0.4)).build().holds()).isFalse();
        assertThat(b.observed(Math.nextUp(0.6)).build().holds()).isFalse();
        assertThat(b.observed(0.3).build().holds()).isFalse();
        assertThat(b.observed(0.7).build().holds()).isFalse();
        assertThat(b.observed(0.55).build().windowHigh()).isEqualTo(0.6);
        // no window (windowLow NaN): falls back to observed <= bound
        assertThat(Verdict.builder("LAZY-7").observed(0.4).bound(0.5).build().holds()).isTrue();
        assertThat(Verdict.builder("LAZY-7").observed(0.6).bound(0.5).build().holds()).isFalse();
    }

    @Test
    @DisplayName("Verdict builder: unknown claim IDs are rejected (kind comes from the catalogue)")
    void builderUnknownId() {
        assertThatThrownBy(() -> Verdict.builder("NOPE-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOPE-1");
    }

    @Test
    @DisplayName("Verdict status: error first, then control bit / did not bite, then hypothesis not met, then holds / violated")
    void status() {
        assertThat(full(Role.CLAIM, true, true, null).status()).isEqualTo(Status.HOLDS);
        assertThat(full(Role.CLAIM, true, false, null).status()).isEqualTo(Status.VIOLATED);
        assertThat(full(Role.CLAIM, false, true, null).status()).isEqualTo(Status.HYPOTHESIS_NOT_MET);
        assertThat(full(Role.CLAIM, false, false, null).status()).isEqualTo(Status.HYPOTHESIS_NOT_MET);
        assertThat(full(Role.CONTROL, true, true, null).status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        assertThat(full(Role.CONTROL, true, false, null).status()).isEqualTo(Status.CONTROL_BIT);
        assertThat(full(Role.CONTROL, false, true, null).status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        assertThat(full(Role.CONTROL, false, false, null).status()).isEqualTo(Status.CONTROL_BIT);
        assertThat(full(Role.EXPLORATORY, true, false, null).status()).isEqualTo(Status.EXPLORATORY);
        assertThat(full(Role.EXPLORATORY, false, true, null).status()).isEqualTo(Status.EXPLORATORY);
        // a control on a claim found false as stated bites when the check reports "holds" (Trust rule 2)
        Verdict otherWay = Verdict.builder(Criterion.control("BAL-1", "otherWay")).controlExpectsHolds().observed(1)
                .bound(2).build();
        assertThat(otherWay.status()).isEqualTo(Status.CONTROL_BIT);
        assertThat(Verdict.builder(Criterion.control("BAL-1", "otherWay")).controlExpectsHolds().observed(3).bound(2)
                .build().status()).isEqualTo(Status.CONTROL_DID_NOT_BITE);
        assertThat(otherWay.criterion()).isEqualTo(Criterion.control("BAL-1", "otherWay"));
        assertThat(Status.VIOLATED.needsAttention()).isTrue();
        assertThat(Status.CONTROL_DID_NOT_BITE.needsAttention()).isTrue();
        assertThat(Status.ERROR.needsAttention()).isTrue();
        assertThat(Status.EXPLORATORY.needsAttention()).isFalse();
        assertThat(Status.HYPOTHESIS_NOT_MET.needsAttention()).isFalse();
        for (Role r : Role.values()) {
            for (boolean h : new boolean[] {false, true}) {
                assertThat(full(r, h, h, "boom").status()).isEqualTo(Status.ERROR);
                assertThat(full(r, !h, h, "").status()).isEqualTo(Status.ERROR);
            }
        }
    }

    @Test
    @DisplayName("Verdict status order and labels, role and kind labels")
    void labels() {
        assertThat(Status.values()).containsExactly(Status.HOLDS, Status.HYPOTHESIS_NOT_MET, Status.VIOLATED,
                Status.CONTROL_BIT, Status.CONTROL_DID_NOT_BITE, Status.EXPLORATORY, Status.ERROR);
        assertThat(List.of(Status.values()).stream().map(Status::label).toList()).containsExactly("holds",
                "hypothesis not met", "violated", "control bit", "control did not bite", "exploratory", "error");
        assertThat(Role.EXPLORATORY.label()).isEqualTo("exploratory");
        assertThat(Role.CLAIM.label()).isEqualTo("claim");
        assertThat(Role.CONTROL.label()).isEqualTo("control");
        assertThat(ClaimKind.EXACT.label()).isEqualTo("exact");
        assertThat(ClaimKind.SCALING.label()).isEqualTo("scaling");
        assertThat(ClaimKind.PHENOMENON.label()).isEqualTo("phenomenon");
    }

    @Test
    @DisplayName("Verdict withSeconds / withBackend change exactly one field")
    void withHelpers() {
        Verdict v = full(Role.CONTROL, false, true, "e");
        Verdict s = v.withSeconds(7.5);
        assertThat(s.seconds()).isEqualTo(7.5);
        assertThat(s).isEqualTo(new Verdict(v.id(), v.kind(), v.role(), v.check(), v.key(), v.hypothesisMet(),
                v.observed(), v.bound(), v.slack(), v.windowLow(), v.windowHigh(), v.holds(), v.seed(), v.sizes(),
                v.backend(), v.activation(), v.tolerance(), v.detail(), v.finding(), v.measurements(), v.error(),
                v.controlExpectsHolds(), 7.5));
        Verdict b = v.withBackend("openblas");
        assertThat(b.backend()).isEqualTo("openblas");
        assertThat(b).isEqualTo(new Verdict(v.id(), v.kind(), v.role(), v.check(), v.key(), v.hypothesisMet(),
                v.observed(), v.bound(), v.slack(), v.windowLow(), v.windowHigh(), v.holds(), v.seed(), v.sizes(),
                "openblas", v.activation(), v.tolerance(), v.detail(), v.finding(), v.measurements(), v.error(),
                v.controlExpectsHolds(), v.seconds()));
        assertThat(v.seconds()).isEqualTo(3.25);
        assertThat(v.backend()).isEqualTo("ejml");
    }

    @Test
    @DisplayName("Verdict error row: catalogue kind, claim role, NaN numbers, hypothesis and holds false, one-line message")
    void errorRow() {
        Verdict v = Verdict.error("PWR-4", "t_spec slope", 9L, "ejml", new IllegalStateException("bad\nthing"));
        assertThat(v).isEqualTo(new Verdict("PWR-4", ClaimKind.SCALING, Role.CLAIM, "t_spec slope", "error",
                false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, 9L, Map.of(), "ejml", "",
                Double.NaN, "check threw", "", Map.of(), "IllegalStateException: bad thing", false, 0.0));
        assertThat(v.status()).isEqualTo(Status.ERROR);
        assertThat(Verdict.error("LSQ-2", "c", 0L, "b", new ArithmeticException()).error())
                .isEqualTo("ArithmeticException");
        assertThat(Verdict.error("LSQ-2", "c", 0L, "b", new ArithmeticException()).kind())
                .isEqualTo(ClaimKind.EXACT);
    }

    @Test
    @DisplayName("Verdict record: null id/kind/role rejected; sizes kept in order, measurements sorted, both copied and read-only")
    void canonicalConstructor() {
        assertThatThrownBy(() -> new Verdict(null, ClaimKind.EXACT, Role.CLAIM, "", "", true, 0, 0, 0, 0, 0, true, 0,
                null, "", "", 0, "", "", null, null, false, 0)).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> new Verdict("LSQ-1", null, Role.CLAIM, "", "", true, 0, 0, 0, 0, 0, true, 0,
                null, "", "", 0, "", "", null, null, false, 0)).isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> new Verdict("LSQ-1", ClaimKind.EXACT, null, "", "", true, 0, 0, 0, 0, 0, true, 0,
                null, "", "", 0, "", "", null, null, false, 0)).isInstanceOf(NullPointerException.class).hasMessage("role");
        Verdict empty = new Verdict("LSQ-1", ClaimKind.EXACT, Role.CLAIM, "", "", true, 0, 0, 0, 0, 0, true, 0, null, "",
                "", 0, "", "", null, null, false, 0);
        assertThat(empty.sizes()).isEmpty();
        assertThat(empty.measurements()).isEmpty();

        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("z", 1);
        sizes.put("a", 2);
        Map<String, Double> meas = new HashMap<>();
        meas.put("z", 1.0);
        meas.put("a", 2.0);
        Verdict v = new Verdict("LSQ-1", ClaimKind.EXACT, Role.CLAIM, "", "", true, 0, 0, 0, 0, 0, true, 0, sizes, "",
                "", 0, "", "", meas, null, false, 0);
        sizes.put("late", 3);
        meas.put("late", 3.0);
        assertThat(v.sizes()).containsExactly(Map.entry("z", 1), Map.entry("a", 2));
        assertThat(v.measurements()).containsExactly(Map.entry("a", 2.0), Map.entry("z", 1.0));
        assertThatThrownBy(() -> v.sizes().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> v.measurements().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("Verdict statement is the catalogue's")
    void statement() {
        assertThat(Verdict.builder("MEM-1").build().statement()).isEqualTo(ClaimCatalog.entry("MEM-1").statement())
                .startsWith("two-layer ReLU net with 2n + d weights");
        assertThat(full(Role.CLAIM, true, true, null).statement()).isEqualTo(ClaimCatalog.statement("LAZY-3"));
    }

    @Test
    @DisplayName("Verdict margin: relative excess over the bound or beyond the window edge, negative inside, flipped for controls that run the other way")
    void margin() {
        assertThat(Verdict.builder("LSQ-1").observed(1.1).bound(1.0).build().margin()).isCloseTo(0.1,
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Verdict.builder("LSQ-1").observed(0.5).bound(1.0).build().margin()).isEqualTo(-0.5);
        assertThat(Verdict.builder("LSQ-1").observed(-3).bound(-2).build().margin()).isEqualTo(-0.5);
        assertThat(Verdict.builder("NTK-2").observed(-0.7).window(-0.6, -0.4).build().margin())
                .isCloseTo(1.0 / 6, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Verdict.builder("NTK-2").observed(-0.3).window(-0.6, -0.4).build().margin())
                .isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Verdict.builder("NTK-2").observed(-0.5).window(-0.6, -0.4).build().margin())
                .isCloseTo(-1.0 / 6, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Verdict.builder(Criterion.control("BAL-1", "otherWay")).controlExpectsHolds().observed(0.5)
                .bound(1.0).build().margin()).isEqualTo(0.5);
    }
}
