package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DLS-6 verdict rules on hand-made measurements, at the 1e−12 threshold and one ulp beyond, both sides. */
@SmallInstances
class HermiteExpansionVerdictsTest {
    private static HermiteExpansionCheck.Expansion expansion(double corrected, double printed, double stein) {
        return new HermiteExpansionCheck.Expansion(Provenance.of(4, "ejml", "d", 2, "degree", 6, "nodes", 8, "points",
                20), "random, d=2, degree 6", 6, true, 10.0, corrected, printed, stein, new double[] {1, 2}, 3.0, 2.0);
    }

    private static Verdict only(List<Verdict> vs, io.github.theorybench.claims.Criterion c) {
        return vs.stream().filter(v -> v.criterion().equals(c)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("DLS-6 verdict: series error <= 1e-12 holds, one ulp above fails; the printed-series control bites above 1e-12 and carries its finding; Stein at 1e-12")
    void thresholds() {
        double tol = HermiteExpansionCheck.TOLERANCE;
        HermiteExpansionCheck check = new HermiteExpansionCheck();
        List<Verdict> at = check.verdicts(new HermiteExpansionCheck.Measurement(List.of(expansion(tol, tol, tol))));
        assertThat(only(at, HermiteExpansionCheck.EXPANSION).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(only(at, HermiteExpansionCheck.STEIN).status()).isEqualTo(Verdict.Status.HOLDS);
        assertThat(only(at, HermiteExpansionCheck.PRINTED_EXPANSION).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        double up = Math.nextUp(tol);
        List<Verdict> above = check.verdicts(new HermiteExpansionCheck.Measurement(List.of(expansion(up, up, up))));
        assertThat(only(above, HermiteExpansionCheck.EXPANSION).status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(only(above, HermiteExpansionCheck.STEIN).status()).isEqualTo(Verdict.Status.VIOLATED);
        Verdict printed = only(above, HermiteExpansionCheck.PRINTED_EXPANSION);
        assertThat(printed.status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(printed.finding()).contains("1/t!");
        assertThat(only(above, HermiteExpansionCheck.EXPANSION).finding()).isEmpty();
        assertThat(printed.measurements()).containsEntry("printedAtWorstPoint", 3.0).containsEntry("fAtWorstPoint",
                2.0);
    }

    @Test
    @DisplayName("DLS-6 hypothesis: a polynomial of degree <= 6 in d <= 3 with the q-node rule exact for degree 2 deg f (2 deg f <= 2q - 1)")
    void hypothesis() {
        var f = HermitePolynomialInstance.build(3, 2, 6, 5).f();
        assertThat(HermitePolynomialInstance.quadratureIsExact(f, 7, 6, 3)).isTrue();     // 12 <= 13
        assertThat(HermitePolynomialInstance.quadratureIsExact(f, 6, 6, 3)).isFalse();    // 12 > 11
        assertThat(HermitePolynomialInstance.quadratureIsExact(f, 8, 5, 3)).isFalse();    // degree 6 > 5
        assertThat(HermitePolynomialInstance.quadratureIsExact(HermitePolynomialInstance.build(3, 4, 2, 5).f(), 8,
                6, 3)).isFalse();                                                           // d = 4 > 3
    }
}
