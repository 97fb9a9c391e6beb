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
        var three = HermitePolynomialInstance.build(3, 3, 6, 5);
        assertThat(three.d()).isEqualTo(3);
        assertThat(HermitePolynomialInstance.quadratureIsExact(three.f(), 8, 6, 3)).isTrue();          // d = 3 <= 3
        assertThat(HermitePolynomialInstance.quadratureIsExact(HermitePolynomialInstance.build(3, 1, 6, 5).f(), 8,
                6, 3)).isTrue();                                                            // d = 1 >= 1
    }

    @Test
    @DisplayName("DLS-6 texts, table and figure of a hand-made measurement: control check text and worst point, Stein detail, rows in sci/sig3, an exact 0 plotted at 1e-18")
    void rendering() {
        HermiteExpansionCheck check = new HermiteExpansionCheck();
        HermiteExpansionCheck.Measurement m = new HermiteExpansionCheck.Measurement(List.of(expansion(0, 0.75, 2e-16),
                expansion(3e-15, 1.5, 0)));
        List<Verdict> vs = check.verdicts(m);
        assertThat(check.ids()).containsExactly("DLS-6");
        Verdict printed = only(vs, HermiteExpansionCheck.PRINTED_EXPANSION);
        assertThat(printed.check()).isEqualTo("control: printed expansion sum_{t>=1} <E[f S_t], S_t> (random, d=2,"
                + " degree 6)");
        assertThat(printed.detail()).isEqualTo("max over 20 test points in [-3, 3]^2 of |series(x) - f(x)| = 0.750 x"
                + " max|f| (max|f| = 10.00); worst at x = [1.0, 2.0]: printed 3.0000 vs f = 2.0000");
        assertThat(printed.finding()).endsWith("reproduces f to 0.0e+00 of max|f|");
        Verdict corrected = only(vs, HermiteExpansionCheck.EXPANSION);
        assertThat(corrected.check()).isEqualTo("Hermite expansion sum_{t>=0} (1/t!) <E grad^t f, S_t> (random, d=2,"
                + " degree 6)");
        assertThat(corrected.detail()).endsWith("(max|f| = 10.00)");
        assertThat(corrected.measurements()).containsEntry("fScale", 10.0).containsEntry("degree", 6.0);
        assertThat(only(vs, HermiteExpansionCheck.STEIN).detail()).isEqualTo("max over index tuples with t <= 6 of"
                + " |E[f S_t] - E[grad^t f]| = 2.00e-16 of the largest |E[grad^t f]|");
        assertThat(vs).hasSize(6);
        var table = check.tables(m).get(0);
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(1)).containsExactly("random, d=2, degree 6", "4", "6", "10.0", "3.00e-15",
                "0.00e+00", "1.50");
        var f = check.figures(m).get(0);
        assertThat(f.series().get(0).x()).containsExactly(1, 2);
        assertThat(f.series().get(0).y()).containsExactly(1e-18, 3e-15);
        assertThat(f.series().get(1).y()).containsExactly(0.75, 1.5);
        assertThat(f.series().get(2).y()).containsExactly(1e-12, 1e-12);
        assertThat(HermiteExpansionCheck.Sizes.claims().polynomials()).isEqualTo(5);
        assertThat(HermiteExpansionCheck.Sizes.quick().polynomials()).isEqualTo(2);
        assertThat(HermiteExpansionCheck.Sizes.quick().dims()).containsExactly(1, 2, 3);
    }
}
