package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.model.HermiteExpansion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-6 replayed once at small sizes (d ∈ {1, 2}, one polynomial each, and x²). The corrected series is recomputed
 * another way: by multi-index, Σ_α E[∂^α f] He_α(x)/α! (the t!/α! index tuples with counts α times 1/t!), with
 * E[x^k] = (k − 1)!! in closed form and He_n from its explicit sum — no quadrature, no tensor loop.
 */
@SmallInstances
class HermiteExpansionSmallTest {
    /** Sums of up to 84 terms of size up to max|f|·e^{O(1)}: a few thousand ulps. */
    private static final double ROUND_OFF = 1e-12;

    /** E[z^k] for z ~ N(0, 1): (k − 1)!! for even k, 0 for odd k. */
    private static double moment(int k) {
        if (k % 2 == 1) {
            return 0;
        }
        double m = 1;
        for (int j = k - 1; j > 1; j -= 2) {
            m *= j;
        }
        return m;
    }

    /** He_n(z) = n! Σ_m (−1)^m z^{n−2m} / (m! (n − 2m)! 2^m). */
    private static double hermite(int n, double z) {
        double s = 0;
        for (int m = 0; 2 * m <= n; m++) {
            s += Math.pow(-1, m) * Math.pow(z, n - 2 * m) / (fact(m) * fact(n - 2 * m) * Math.pow(2, m));
        }
        return fact(n) * s;
    }

    private static double fact(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** Σ_α E[∂^α f] Π_j He_{α_j}(x_j)/α_j!, every α with |α| ≤ deg f. */
    private static double byMultiIndex(HermiteExpansion.Polynomial f, double[] x) {
        double s = 0;
        for (int[] alpha : HermiteExpansion.Polynomial.monomials(f.d(), f.degree())) {
            double e = 0;                                        // E[∂^α f] = Σ_k c_k Π_j e!/(e−α)! E[x^(e−α)]
            for (int k = 0; k < f.coefficients().length; k++) {
                double term = f.coefficients()[k];
                for (int j = 0; j < f.d() && term != 0; j++) {
                    int ej = f.exponents()[k][j];
                    term = ej < alpha[j] ? 0 : term * fact(ej) / fact(ej - alpha[j]) * moment(ej - alpha[j]);
                }
                e += term;
            }
            double he = 1;
            for (int j = 0; j < f.d(); j++) {
                he *= hermite(alpha[j], x[j]) / fact(alpha[j]);
            }
            s += e * he;
        }
        return s;
    }

    @Test
    @DisplayName("DLS-6 small run (x^2, d = 1 and 2): the series recomputed by multi-index with closed-form moments; the printed series of x^2 is 2x^2 - 2")
    void smallRun() {
        HermiteExpansionCheck.Sizes sizes = new HermiteExpansionCheck.Sizes(new int[] {1, 2}, 1, 6, 10, 8);
        HermiteExpansionCheck check = new HermiteExpansionCheck(sizes);
        HermiteExpansionCheck.Measurement m = check.measure(sizes, CheckContext.of(Backends.byName("ejml"), 1, false));
        assertThat(m.expansions()).hasSize(3);
        SeedStream seeds = SeedStream.of(1, "DLS-6");
        HermitePolynomialInstance square = HermitePolynomialInstance.square(seeds.child("square").seed(0), 10);
        HermiteExpansion.Coefficients c = new HermiteExpansion.Coefficients(square.f(),
                new HermiteExpansion.GaussianExpectation(1, 8));
        for (double[] x : square.points()) {
            assertThat(HermiteExpansion.printed(c, x, 2)).isCloseTo(2 * x[0] * x[0] - 2, within(ROUND_OFF));
            assertThat(HermiteExpansion.corrected(c, x, 2)).isCloseTo(x[0] * x[0], within(ROUND_OFF));
        }
        for (int i = 0; i < 3; i++) {
            HermitePolynomialInstance inst = i == 0 ? square : HermitePolynomialInstance.build(seeds.child("d=" + i)
                    .seed(0), i, 6, 10);
            HermiteExpansionCheck.Expansion e = m.expansions().get(i);
            double scale = 0, err = 0;
            for (double[] x : inst.points()) {
                double fx = inst.f().value(x);
                scale = Math.max(scale, Math.abs(fx));
                err = Math.max(err, Math.abs(byMultiIndex(inst.f(), x) - fx));
            }
            assertThat(e.fScale()).isEqualTo(scale);
            assertThat(err / scale).as("multi-index series of %s", e.name()).isLessThan(ROUND_OFF);
            assertThat(e.correctedError()).isLessThan(ROUND_OFF);
            assertThat(e.printedError()).isGreaterThan(0.1);
            assertThat(e.hypothesis()).isTrue();
        }
        // x^2: the printed series is 2x^2 - 2, so its error is |x^2 - 2|, worst where that is largest
        HermiteExpansionCheck.Expansion sq = m.expansions().get(0);
        double scale = 0, miss = -1;
        double[] worst = null;
        for (double[] x : square.points()) {
            scale = Math.max(scale, x[0] * x[0]);
            if (Math.abs(x[0] * x[0] - 2) > miss) {
                miss = Math.abs(x[0] * x[0] - 2);
                worst = x;
            }
        }
        assertThat(sq.printedError()).isCloseTo(miss / scale, within(ROUND_OFF));
        assertThat(sq.worstPoint()).containsExactly(worst);
        assertThat(sq.printedThere()).isCloseTo(2 * worst[0] * worst[0] - 2, within(ROUND_OFF));
        assertThat(sq.fThere()).isEqualTo(worst[0] * worst[0]);
        assertThat(sq.degree()).isEqualTo(2);
        assertThat(sq.provenance().sizes()).containsEntry("d", 1).containsEntry("points", 10).containsEntry("nodes", 8);
        for (HermiteExpansionCheck.Expansion e : m.expansions()) {
            assertThat(e.steinError()).as("Stein for %s", e.name()).isLessThan(ROUND_OFF);
        }
        assertThat(check.result(m).verdicts(HermiteExpansionCheck.PRINTED_EXPANSION)).hasSize(3)
                .allSatisfy(v -> assertThat(v.status()).isEqualTo(io.github.theorybench.claims.Verdict.Status
                        .CONTROL_BIT));
    }
}
