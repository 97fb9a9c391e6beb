package io.github.theorybench.claims.ntk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LogLogFit: ordinary least squares of ln y on ln x (the fitted exponent of the NTK-2/NTK-3 scaling claims). */
class LogLogFitTest {
    @Test
    @DisplayName("NTK-2/NTK-3 fit: an exact power line y = 3 x^-1/2 gives slope -1/2 and intercept ln 3")
    void exactDecreasingLine() {
        double[] x = {64, 128, 256, 512, 1024};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * Math.pow(x[i], -0.5);
        }
        LogLogFit fit = LogLogFit.of(x, y);
        assertThat(fit.slope()).isCloseTo(-0.5, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(Math.log(3), within(1e-12));
        assertThat(fit.at(100)).isCloseTo(0.3, within(1e-12));          // 3·100^-1/2
    }

    @Test
    @DisplayName("NTK-2/NTK-3 fit: unevenly spaced exact line y = 5 x^1.5 (two points is enough)")
    void exactIncreasingLineAndTwoPoints() {
        double[] x = {1, 2, 8, 32};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 5 * Math.pow(x[i], 1.5);
        }
        LogLogFit fit = LogLogFit.of(x, y);
        assertThat(fit.slope()).isCloseTo(1.5, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(Math.log(5), within(1e-12));
        assertThat(fit.at(4)).isCloseTo(40, within(1e-10));             // 5·4^1.5
        LogLogFit two = LogLogFit.of(new double[] {2, 8}, new double[] {7, 28});   // y = 3.5 x
        assertThat(two.slope()).isCloseTo(1.0, within(1e-12));
        assertThat(two.intercept()).isCloseTo(Math.log(3.5), within(1e-12));
    }

    @Test
    @DisplayName("NTK-2/NTK-3 fit: scattered points match the normal-equation formula (n Sxy - Sx Sy)/(n Sxx - Sx^2)")
    void scatteredPointsMatchNormalEquations() {
        double[] x = {3, 10, 20, 70, 150};
        double[] y = {2.0, 0.9, 1.3, 0.2, 0.35};
        // textbook OLS on (u, v) = (ln x, ln y), computed from raw sums rather than centred ones
        double n = x.length, su = 0, sv = 0, suv = 0, suu = 0;
        for (int i = 0; i < x.length; i++) {
            double u = Math.log(x[i]), v = Math.log(y[i]);
            su += u;
            sv += v;
            suv += u * v;
            suu += u * u;
        }
        double slope = (n * suv - su * sv) / (n * suu - su * su);
        double intercept = (sv - slope * su) / n;
        LogLogFit fit = LogLogFit.of(x, y);
        assertThat(fit.slope()).isCloseTo(slope, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(intercept, within(1e-12));
        assertThat(fit.at(50)).isCloseTo(Math.exp(intercept) * Math.pow(50, slope), within(1e-12));
    }

    @Test
    @DisplayName("NTK-2/NTK-3 fit: fewer than two points or unequal lengths are rejected")
    void rejectsDegenerateInput() {
        assertThatThrownBy(() -> LogLogFit.of(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogLogFit.of(new double[] {}, new double[] {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogLogFit.of(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogLogFit.of(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("NTK-2/NTK-3 figures: the reference line c x^e passes through the geometric centre of the data")
    void referenceLineThroughGeometricCentre() {
        double[] x = {4, 16, 64};
        double[] y = {1.0, 0.8, 0.1};
        double e = -0.5;
        // c = (prod_i y_i x_i^-e)^(1/n): the line's log-residuals sum to zero
        double c = Math.cbrt(1.0 * Math.pow(4, 0.5) * 0.8 * Math.pow(16, 0.5) * 0.1 * Math.pow(64, 0.5));
        double[] ref = LogLogFit.referenceLine(x, y, e);
        assertThat(ref).hasSize(3);
        for (int i = 0; i < x.length; i++) {
            assertThat(ref[i]).isCloseTo(c * Math.pow(x[i], e), within(1e-12));
        }
        // exact data on the line with the same exponent is reproduced
        double[] line = LogLogFit.referenceLine(x, new double[] {2 * Math.pow(4, 1.5), 2 * Math.pow(16, 1.5),
                2 * Math.pow(64, 1.5)}, 1.5);
        assertThat(line[2]).isCloseTo(2 * Math.pow(64, 1.5), within(1e-9));
    }
}
