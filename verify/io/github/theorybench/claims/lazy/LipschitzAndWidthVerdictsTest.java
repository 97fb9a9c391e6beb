package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Direction;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Errors;
import io.github.theorybench.claims.lazy.LinearizationErrorCheck.Sample;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-4, 7, 8, 9, 11 verdict rules on hand-made measurements: ratio rules exactly at their bound and one ulp beyond;
 * slope rules (decided on a log-log fit of exact power laws, whose slope carries ~1e-15 round-off) at 1e-9 inside and
 * outside each edge. No dynamics, no random numbers.
 */
@SmallInstances
class LipschitzAndWidthVerdictsTest {
    /** A fitted slope of an exact power law is exact to ~1e-14; the tests sit this far from each edge. */
    private static final double FIT_EDGE = 1e-9;
    private static final Provenance P = Provenance.of(3, "ejml", "n", 10);

    private static Verdict only(List<Verdict> vs, Criterion c) {
        List<Verdict> hits = vs.stream().filter(v -> v.criterion().equals(c)).toList();
        assertThat(hits).as("%s", c).hasSize(1);
        return hits.get(0);
    }

    private static JacobianLipschitzCheck.Measurement lipschitz(double pairMax, double tight) {
        return new JacobianLipschitzCheck.Measurement(List.of(new JacobianLipschitzCheck.PairRatios(P,
                Activation.TANH, true, new double[] {0.1, pairMax}, new double[] {pairMax, 0.2})),
                new JacobianLipschitzCheck.TightRatio(P, true, 1e-3, tight));
    }

    @Test
    @DisplayName("LAZY-4 verdict: holds iff ratio <= 1; the bound/2 control bites iff the tight ratio exceeds 0.5")
    void lazy4() {
        JacobianLipschitzCheck c = new JacobianLipschitzCheck();
        assertThat(only(c.verdicts(lipschitz(1.0, 1.0)), JacobianLipschitzCheck.RANDOM_PAIRS).holds()).isTrue();
        assertThat(only(c.verdicts(lipschitz(Math.nextUp(1.0), 1.0)), JacobianLipschitzCheck.NEARBY_PAIRS).status())
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(only(c.verdicts(lipschitz(0.5, Math.nextUp(1.0))), JacobianLipschitzCheck.TIGHT_CASE).status())
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(only(c.verdicts(lipschitz(0.5, 0.5)), JacobianLipschitzCheck.TIGHT_CASE_HALF_BOUND).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(c.verdicts(lipschitz(0.5, Math.nextUp(0.5))), JacobianLipschitzCheck.TIGHT_CASE_HALF_BOUND)
                .status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(JacobianLipschitzCheck.unitSignsAndLipschitzDerivative(new double[] {1, -1}, Activation.TANH))
                .isTrue();
        assertThat(JacobianLipschitzCheck.unitSignsAndLipschitzDerivative(new double[] {1, -1}, Activation.RELU))
                .isFalse();
        assertThat(JacobianLipschitzCheck.unitSignsAndLipschitzDerivative(new double[] {1, 0.5}, Activation.TANH))
                .isFalse();
    }

    /** Widths 64..4096 with every draw's statistic c·m^slope (slopes: growth, normalized, error, shared). */
    private static WidthScalingCheck.Measurement widths(double growth, double error, double lambdaMin) {
        List<WidthScalingCheck.WidthPoint> pts = new ArrayList<>();
        int[] ms = {64, 256, 1024, 4096};
        for (int m : ms) {
            double g = Math.pow(m, growth), e = Math.pow(m, error);
            pts.add(new WidthScalingCheck.WidthPoint(m, List.of(new WidthScalingCheck.Draw(g, 2 * g, 1.0, 1.0, e, 0.3))));
        }
        WidthScalingCheck.Sizes s = new WidthScalingCheck.Sizes(10, 5, ms, 1);
        return new WidthScalingCheck.Measurement(P, s, lambdaMin, 1.0, pts);
    }

    @Test
    @DisplayName("LAZY-7 verdict: growth slopes must lie in [0.4, 0.6], the kernel error slope in [-0.6, -0.4]; K_inf singular = hypothesis not met")
    void lazy7() {
        WidthScalingCheck c = new WidthScalingCheck();
        double[][] cases = {{0.4 + FIT_EDGE, 1}, {0.4 - FIT_EDGE, 0}, {0.6 - FIT_EDGE, 1}, {0.6 + FIT_EDGE, 0}};
        for (double[] k : cases) {
            assertThat(only(c.verdicts(widths(k[0], -0.5, 0.1)), WidthScalingCheck.SIGMA_MIN_SLOPE).holds())
                    .as("growth %s", k[0]).isEqualTo(k[1] == 1);
        }
        double[][] err = {{-0.4 - FIT_EDGE, 1}, {-0.4 + FIT_EDGE, 0}, {-0.6 + FIT_EDGE, 1}, {-0.6 - FIT_EDGE, 0}};
        for (double[] k : err) {
            assertThat(only(c.verdicts(widths(0.5, k[0], 0.1)), WidthScalingCheck.KERNEL_ERROR_SLOPE).holds())
                    .as("error %s", k[0]).isEqualTo(k[1] == 1);
        }
        // the normalized and shared-neuron draws are flat (slope 0): both controls bite
        List<Verdict> vs = c.verdicts(widths(0.5, -0.5, 0.1));
        assertThat(only(vs, WidthScalingCheck.SIGMA_MAX_NORMALIZED).status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(only(vs, WidthScalingCheck.KERNEL_ERROR_SHARED_NEURON).status())
                .isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(only(c.verdicts(widths(0.5, -0.5, 1e-11)), WidthScalingCheck.SIGMA_MIN_SLOPE).status())
                .isEqualTo(Verdict.Status.HYPOTHESIS_NOT_MET);
        assertThat(WidthScalingCheck.limitKernelPositiveDefinite(1e-10, 1.0)).isFalse();
        assertThat(WidthScalingCheck.limitKernelPositiveDefinite(Math.nextUp(1e-10), 1.0)).isTrue();
    }

    private static InitialRiskScalingCheck.Measurement risks(double hi, double antiHi) {
        InitialRiskScalingCheck.Sizes s = InitialRiskScalingCheck.Sizes.claims();
        List<InitialRiskScalingCheck.Cell> cells = List.of(
                new InitialRiskScalingCheck.Cell(16, 64, 10, new double[] {1.0}, new double[] {1.0}, true),
                new InitialRiskScalingCheck.Cell(16, 64, 100, new double[] {hi}, new double[] {antiHi}, true));
        return new InitialRiskScalingCheck.Measurement(P, s, cells, 0.2);
    }

    @Test
    @DisplayName("LAZY-8 verdict: holds iff max/min of the cell means <= 4; the antisymmetric control bites iff its band exceeds 4")
    void lazy8() {
        InitialRiskScalingCheck c = new InitialRiskScalingCheck();
        assertThat(only(c.verdicts(risks(4.0, 5.0)), InitialRiskScalingCheck.BAND).holds()).isTrue();
        assertThat(only(c.verdicts(risks(Math.nextUp(4.0), 5.0)), InitialRiskScalingCheck.BAND).status())
                .isEqualTo(Verdict.Status.VIOLATED);
        assertThat(only(c.verdicts(risks(2.0, 4.0)), InitialRiskScalingCheck.ANTISYMMETRIC_BAND).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(c.verdicts(risks(2.0, Math.nextUp(4.0))), InitialRiskScalingCheck.ANTISYMMETRIC_BAND)
                .status()).isEqualTo(Verdict.Status.CONTROL_BIT);
    }

    /**
     * Every error an exact power law c·m^a·r^b: tanh random/gradient slope {@code tanhRand}, adversarial
     * {@code tanhAdv} (radius slope 2); ReLU every direction slope {@code relu} in m, radius slope 4/3; the unscaled
     * errors flat in m; the Taylor bound twice the adversarial error.
     */
    private static LinearizationErrorCheck.Measurement linearization(double tanhRand, double tanhAdv, double relu) {
        LinearizationErrorCheck.Sizes s = new LinearizationErrorCheck.Sizes(new int[] {64, 256, 1024, 4096}, 1024, 1,
                5, 0);
        List<Sample> width = new ArrayList<>(), radius = new ArrayList<>();
        for (int m : s.widths()) {
            width.add(new Sample(Activation.TANH, m, 1.0, 0, tanh(m, 1.0, tanhRand, tanhAdv)));
            width.add(new Sample(Activation.RELU, m, 1.0, 0, relu(m, 1.0, relu)));
        }
        for (double r : LinearizationErrorCheck.Sizes.radii()) {
            radius.add(new Sample(Activation.TANH, 1024, r, 0, tanh(1024, r, tanhRand, tanhAdv)));
            radius.add(new Sample(Activation.RELU, 1024, r, 0, relu(1024, r, relu)));
        }
        return new LinearizationErrorCheck.Measurement(P, s, width, radius);
    }

    private static Errors tanh(int m, double r, double rand, double adv) {
        double e = Math.pow(m, rand) * r * r, a = Math.pow(m, adv) * r * r;
        return new Errors(e, e, a, a, a, Double.NaN, 2 * a, 1.0, 1.0);
    }

    private static Errors relu(int m, double r, double slope) {
        double e = Math.pow(m, slope) * Math.pow(r, 4.0 / 3);
        return new Errors(e, e, e, e, e, e, Double.POSITIVE_INFINITY, 1.0, 1.0);
    }

    @Test
    @DisplayName("LAZY-9 verdict: tanh m-slope <= -0.4, radius slope in [1.8, 2.5], ReLU m-slope <= -1/3 + 0.1; a violated ReLU adversarial row carries its finding; controls")
    void lazy9() {
        LinearizationErrorCheck c = new LinearizationErrorCheck();
        double t = LinearizationErrorCheck.TANH_M_SLOPE_MAX, rl = LinearizationErrorCheck.RELU_M_SLOPE_MAX;
        assertThat(only(c.verdicts(linearization(-1, t - FIT_EDGE, -0.5)),
                LinearizationErrorCheck.tanhWidthSlope(Direction.ADVERSARIAL)).holds()).isTrue();
        assertThat(only(c.verdicts(linearization(-1, t + FIT_EDGE, -0.5)),
                LinearizationErrorCheck.tanhWidthSlope(Direction.ADVERSARIAL)).holds()).isFalse();
        assertThat(only(c.verdicts(linearization(-1, -0.5, rl - FIT_EDGE)),
                LinearizationErrorCheck.reluWidthSlope(Direction.RANDOM)).holds()).isTrue();
        List<Verdict> bad = c.verdicts(linearization(-1, -0.5, rl + FIT_EDGE));
        Verdict adv = only(bad, LinearizationErrorCheck.reluWidthSlope(Direction.ADVERSARIAL));
        assertThat(adv.status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(adv.finding()).contains("m^-1/3 is not the worst case");
        List<Verdict> ok = c.verdicts(linearization(-1, -0.5, -0.5));
        assertThat(only(ok, LinearizationErrorCheck.tanhRadiusSlope(Direction.RANDOM)).holds()).isTrue();
        // ReLU radius slope 4/3 leaves [1.8, 2.5]; the unscaled net is flat; tanh -0.5 passes the ReLU rule; the
        // adversarial error at half the Taylor bound exactly (ratio 1) does not bite, so the Taylor/2 control fails
        assertThat(only(ok, LinearizationErrorCheck.RELU_RADIUS_SLOPE).status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(only(ok, LinearizationErrorCheck.UNSCALED_NET).status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(only(ok, LinearizationErrorCheck.SMOOTH_UNDER_RELU_RULE).status())
                .isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(only(c.verdicts(linearization(-1, rl + FIT_EDGE, -0.5)),
                LinearizationErrorCheck.SMOOTH_UNDER_RELU_RULE).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(ok, LinearizationErrorCheck.TAYLOR_HALF_BOUND).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(LinearizationErrorCheck.ntkScaled(1 / Math.sqrt(64), 64)).isTrue();
        assertThat(LinearizationErrorCheck.ntkScaled(1.0, 64)).isFalse();
    }

    private static SpectralLipschitzCheck.Measurement spectral(double frob, double spec, double rankOne,
            double relu) {
        return new SpectralLipschitzCheck.Measurement(P, P, new SpectralLipschitzCheck.Search(null, frob, 10, 0.0),
                new SpectralLipschitzCheck.Search(null, spec, 10, 0.0), new double[] {0.1}, new double[] {rankOne},
                new double[] {relu}, 2.0, 2.5);
    }

    @Test
    @DisplayName("LAZY-11 verdict: holds iff ratio <= 1 + 1e-12; printed-form controls must hold (<= 1); bound/2 bites above 0.5")
    void lazy11() {
        SpectralLipschitzCheck c = new SpectralLipschitzCheck();
        double edge = 1 + SpectralLipschitzCheck.ROUND_OFF;
        assertThat(only(c.verdicts(spectral(edge, 1.0, 0.5, 2)), SpectralLipschitzCheck.FROBENIUS_ADVERSARIAL)
                .holds()).isTrue();
        assertThat(only(c.verdicts(spectral(Math.nextUp(edge), 1.0, 0.5, 2)),
                SpectralLipschitzCheck.FROBENIUS_ADVERSARIAL).holds()).isFalse();
        Verdict printed = only(c.verdicts(spectral(1.0, Math.nextUp(edge), 0.5, 2)),
                SpectralLipschitzCheck.PRINTED_SPECTRAL);
        assertThat(printed.status()).isEqualTo(Verdict.Status.VIOLATED);
        assertThat(printed.finding()).isNotBlank();
        assertThat(only(c.verdicts(spectral(1.0, 1.0, 1.0, 2)), SpectralLipschitzCheck.PRINTED_SPECTRAL_RANK_ONE)
                .status()).isEqualTo(Verdict.Status.CONTROL_BIT);
        assertThat(only(c.verdicts(spectral(1.0, 1.0, Math.nextUp(1.0), 2)),
                SpectralLipschitzCheck.PRINTED_SPECTRAL_RANK_ONE).status())
                .isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(c.verdicts(spectral(0.5, 1.0, 0.5, 2)), SpectralLipschitzCheck.FROBENIUS_HALF_BOUND)
                .status()).isEqualTo(Verdict.Status.CONTROL_DID_NOT_BITE);
        assertThat(only(c.verdicts(spectral(1.0, 1.0, 0.5, Math.nextUp(1.0))),
                SpectralLipschitzCheck.PRINTED_SIGMA_PRIME_RELU).status()).isEqualTo(Verdict.Status.VIOLATED);
        // a pair whose cancellation bound is 1e-12 moves the edge to 1 + 16e-12
        double wide = 1 + SpectralLipschitzCheck.CANCELLATION_FACTOR * 1e-12;
        SpectralLipschitzCheck.Measurement near = new SpectralLipschitzCheck.Measurement(P, P,
                new SpectralLipschitzCheck.Search(null, wide, 10, 1e-12), new SpectralLipschitzCheck.Search(null,
                        1.0, 10, 0.0), new double[] {0.1}, new double[] {0.5}, new double[] {2}, 2.0, 2.5);
        assertThat(only(c.verdicts(near), SpectralLipschitzCheck.FROBENIUS_ADVERSARIAL).holds()).isTrue();
        assertThat(SpectralLipschitzCheck.derivativeLipschitz(Activation.TANH)).isTrue();
        assertThat(SpectralLipschitzCheck.derivativeLipschitz(Activation.RELU)).isFalse();
        assertThat(SpectralLipschitzCheck.derivativeBounded(Activation.RELU)).isTrue();
    }
}
