package io.github.theorybench.claims.lsq;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.claims.support.SeedStream;
import java.util.List;
import io.github.theorybench.claims.Figure;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LSQ-1..3 (seed 002) replayed once on small instances: n = 8 with p = 20 (κ² ≈ 5-10 > √8: √n-limited) and p = 600
 * (κ² ≈ 1.4 < √8: κ²-limited), two seeds; every number recomputed independently with Hipparchus and a GD loop of the
 * test's own, on the instances {@link LeastSquaresInstance#build} draws.
 */
@SmallInstances
class LeastSquaresSmallTest {
    static final int N = 8, P_SQRT = 20, P_KAPPA = 600;
    static final long SEED = 13;
    static final LeastSquaresDescentCheck.Sizes SIZES = new LeastSquaresDescentCheck.Sizes(N, P_SQRT, P_KAPPA, 2);
    private CheckResult quick;

    @Test
    @DisplayName("LSQ-1..3 small instances (n = 8, p = 20 and 600): verdicts, seeds and sizes recomputed independently")
    void smallInstances() {
        // run inside the asserting test: PIT credits @BeforeAll coverage to no test method
        quick = new LeastSquaresDescentCheck(SIZES).run(CheckContext.of(Backends.byName(Backends.DEFAULT), SEED,
                true));
        assertThat(new LeastSquaresDescentCheck().ids()).containsExactly("LSQ-1", "LSQ-2", "LSQ-3");
        assertThat(LeastSquaresDescentCheck.Sizes.claims()).isEqualTo(new LeastSquaresDescentCheck.Sizes(50, 100,
                2000, 5));
        assertThat(LeastSquaresDescentCheck.Sizes.quick().seeds()).isEqualTo(2);
        SeedStream seeds = SeedStream.of(SEED, "LSQ");
        assertThat(quick.verdicts(LeastSquaresDescentCheck.RESIDUAL_DECAY)).hasSize(4);
        assertThat(quick.verdicts(LeastSquaresDescentCheck.PATH_LENGTH_HALF_BOUND)).hasSize(2);
        double[][][] first = new double[2][][];
        for (int s = 0; s < 2; s++) {
            double[][] a = check(seeds.seed(s), P_SQRT, LeastSquaresInstance.Shape.SQRT_N_LIMITED);
            double[][] b = check(seeds.seed(s), P_KAPPA, LeastSquaresInstance.Shape.KAPPA_LIMITED);
            if (s == 0) {
                first[0] = a;
                first[1] = b;
            }
        }
        figures(first);
        rankDeficientInstance(seeds.seed(0));
    }

    /** The figures draw the first seed's paths (recomputed by the test's own GD) against their bounds. */
    private void figures(double[][][] first) {
        assertThat(quick.figures()).extracting(Figure::name).containsExactly("LSQ-1-residual-decay", "LSQ-2-limit",
                "LSQ-3-path-length");
        Figure decay = quick.figures().get(0), limit = quick.figures().get(1), path = quick.figures().get(2);
        for (int k = 0; k < 2; k++) {
            double[][] e = first[k];   // residual/r0 (checked t), distance to theta*, cumulative path, {q, bound}
            Figure.Series res = decay.series().get(2 * k), bound = decay.series().get(2 * k + 1);
            assertThat(res.reference()).isFalse();
            assertThat(bound.reference()).isTrue();
            assertThat(res.y()).hasSameSizeAs(e[0]);
            for (int t = 0; t < e[0].length; t++) {
                assertThat(res.y()[t]).isCloseTo(e[0][t], within(1e-9 * e[0][t] + 1e-15));
                assertThat(bound.y()[t]).isCloseTo(Math.pow(e[3][0], t), within(1e-12 * Math.pow(e[3][0], t)));
            }
            Figure.Series dist = limit.series().get(k == 0 ? 0 : 2);
            assertThat(dist.y()).hasSameSizeAs(e[1]);
            for (int t = 0; t < e[1].length; t++) {
                assertThat(dist.y()[t]).isCloseTo(e[1][t], within(1e-8 * e[1][0]));
            }
            Figure.Series cum = path.series().get(2 * k), pb = path.series().get(2 * k + 1);
            for (int t = 0; t < e[2].length; t++) {
                assertThat(cum.y()[t]).isCloseTo(e[2][t], within(1e-9 * e[2][e[2].length - 1]));
            }
            assertThat(pb.reference()).isTrue();
            for (double y : pb.y()) {
                assertThat(y).isCloseTo(e[3][1], within(1e-9 * e[3][1]));
            }
        }
        assertThat(limit.series().get(1).y()).containsOnly(1e-8);
        assertThat(limit.series().get(1).reference()).isTrue();
    }

    /** The hypothesis fails on the drawn X with its last row replaced by a copy of the first (rank n − 1). */
    private void rankDeficientInstance(long seed) {
        LeastSquaresInstance drawn = LeastSquaresInstance.build(seed, N, P_SQRT,
                LeastSquaresInstance.Shape.SQRT_N_LIMITED);
        double[][] x = drawn.x().toArray2d();
        x[N - 1] = x[0].clone();
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(x)).getSingularValues();
        double eta = 1 / (sv[0] * sv[0]);
        assertThat(new LeastSquaresHypothesis(N, P_SQRT, sv[N - 1], sv[0], eta).fullRowRank()).isFalse();
        assertThat(new LeastSquaresHypothesis(N, P_SQRT, sv[N - 1], sv[0], eta).holds()).isFalse();
        double[] drawnSv = new SingularValueDecomposition(new Array2DRowRealMatrix(drawn.x().toArray2d()))
                .getSingularValues();
        assertThat(new LeastSquaresHypothesis(N, P_SQRT, drawnSv[N - 1], drawnSv[0], 1 / (drawnSv[0] * drawnSv[0]))
                .holds()).isTrue();
    }

    /** X⁺v = Xᵀ(XXᵀ)⁻¹v for full row rank X. */
    static RealVector pinv(RealMatrix x, RealVector v) {
        RealMatrix g = x.multiply(x.transpose());
        return x.transpose().operate(new LUDecomposition(g).getSolver().solve(v));
    }

    private Verdict find(io.github.theorybench.claims.Criterion c, String label, long seed) {
        List<Verdict> vs = quick.verdicts(c).stream().filter(v -> v.check().endsWith("(" + label + ")")
                && v.seed() == seed).toList();
        assertThat(vs).hasSize(1);
        return vs.get(0);
    }

    private double[][] check(long seed, int p, LeastSquaresInstance.Shape shape) {
        String label = shape.label();
        LeastSquaresInstance drawn = LeastSquaresInstance.build(seed, N, p, shape);
        RealMatrix inX = new Array2DRowRealMatrix(drawn.x().toArray2d());
        RealVector inY = new ArrayRealVector(drawn.y());
        RealVector inTheta0 = new ArrayRealVector(drawn.theta0());
        double[] sv = new SingularValueDecomposition(inX).getSingularValues();
        double smax = sv[0], smin = sv[N - 1];
        double eta = 1 / (smax * smax);                 // LSQ-1: η = 1/‖X‖₂²
        double q = 1 - eta * smin * smin;               // LSQ-1: contraction (1 − ησ_min²)
        double kappa2 = smax * smax / (smin * smin);
        RealVector thetaStar = inTheta0.add(pinv(inX, inY.subtract(inX.operate(inTheta0))));
        // independent GD θ ← θ − ηXᵀ(Xθ − y) with LSQ-1's bound (1 − ησ_min²)^t r₀ while it is above 1e−14 r₀
        RealVector theta = inTheta0;
        double r0 = inX.operate(theta).subtract(inY).getNorm();
        List<Double> residuals = new java.util.ArrayList<>(), distances = new java.util.ArrayList<>(),
                cumulative = new java.util.ArrayList<>();
        double path = 0, slack = 0, slackAll = 0, slackControl = 0, minMultiple = Double.POSITIVE_INFINITY;
        boolean held = true, controlHeld = true;
        int checked = 0, t = 0;
        double tRate = 1 / -Math.log(q);
        while (true) {
            RealVector res = inX.operate(theta).subtract(inY);
            double r = res.getNorm(), bound = Math.pow(q, t) * r0;
            distances.add(theta.subtract(thetaStar).getNorm() / thetaStar.getNorm());
            cumulative.add(path);
            if (bound > 1e-14 * r0) {
                residuals.add(r / r0);
                checked = t;
                held &= r <= bound * (1 + 1e-12);
                controlHeld &= r <= Math.pow(q, 2 * t) * r0 * (1 + 1e-12);
                if (t >= 1) {
                    slackAll = Math.max(slackAll, r / bound);
                }
                if (t >= tRate) {
                    slack = Math.max(slack, r / bound);
                    slackControl = Math.max(slackControl, r / (Math.pow(q, 2 * t) * r0));
                    minMultiple = Math.min(minMultiple, Math.log(r / r0) / (t * Math.log(q)));
                }
            }
            RealVector step = inX.transpose().operate(res).mapMultiply(eta);
            path += step.getNorm();
            theta = theta.subtract(step);
            t++;
            if (bound <= 1e-16 * r0) {
                break;
            }
        }
        distances.add(theta.subtract(thetaStar).getNorm() / thetaStar.getNorm());   // the last iterate θ_T
        cumulative.add(path);
        Verdict l1 = find(LeastSquaresDescentCheck.RESIDUAL_DECAY, label, seed);
        assertThat(l1).hypothesisMet().holds()
                .hasMeasurementCloseTo("eta", eta, 1e-10, "1/sigma_max^2")
                .hasMeasurementCloseTo("sigmaMin", smin, 1e-10, "sigma_n(X)")
                .hasMeasurementCloseTo("sigmaMax", smax, 1e-10, "sigma_1(X)")
                .hasMeasurementCloseTo("slackOverAllTGe1", slackAll, 1e-6, "max_{t>=1} r_t/bound_t")
                // the minimum sits at the last checked steps, where r_t ~ 1e-14 r0 is round-off of two different GEMVs
                .hasMeasurementCloseTo("minRateMultiple", minMultiple, 1e-2, "min ln(r_t/r0)/(t ln q)");
        assertThat(held).isTrue();
        assertThat(l1.observed()).isCloseTo(slack, within(1e-6 * slack));
        assertThat(l1.slack()).isEqualTo(l1.observed());
        assertThat(l1.bound()).isEqualTo(1.0);
        assertThat(l1.measurements().get("checkedSteps")).isEqualTo(checked);
        // the measured rate is at least the bound's rate: every r_t ≤ q^t r₀ means ln(r_t/r₀) ≤ t ln q
        assertThat(minMultiple).isGreaterThanOrEqualTo(1.0);
        assertThat(slack).isLessThanOrEqualTo(slackAll);
        Verdict c1 = find(LeastSquaresDescentCheck.RESIDUAL_DECAY_RATE_X2, label, seed);
        assertThat(c1.role()).isEqualTo(Verdict.Role.CONTROL);
        assertThat(c1).controlBit();
        assertThat(controlHeld).isFalse();
        // the maximum of r_t / (q^{2t} r0) sits at the last checked step, where r_t is round-off (two different
        // GEMVs): agreement within a factor 2 of a number ~1/q^t ~ 1e12
        assertThat(c1.observed() / slackControl).isBetween(0.5, 2.0);
        assertThat(c1.observed()).isGreaterThan(1e6);
        assertThat(c1.bound()).isEqualTo(1.0);

        // LSQ-2: the limit is θ* to round-off, θ* is closest to θ₀ among θ* + (I − X⁺X)ξ:
        // ‖θ − θ₀‖² = ‖θ* − θ₀‖² + ‖(I − X⁺X)ξ‖² (θ* − θ₀ lies in the row space), so the ratio is
        // ‖θ* − θ₀‖ / sqrt(‖θ* − θ₀‖² + ‖(I − X⁺X)ξ‖²)
        double dist0 = thetaStar.subtract(inTheta0).getNorm();
        double worstRatio = 0;
        for (double[] draw : drawn.xi()) {
            RealVector xi = new ArrayRealVector(draw);
            double perp = xi.subtract(pinv(inX, inX.operate(xi))).getNorm();
            worstRatio = Math.max(worstRatio, dist0 / Math.sqrt(dist0 * dist0 + perp * perp));
        }
        Verdict l2 = find(LeastSquaresDescentCheck.LIMIT_IS_THETA_STAR, label, seed);
        assertThat(l2).holds().hasMeasurementCloseTo("maxDistRatioOtherMinimizers", worstRatio, 1e-8,
                "max ||theta* - theta0|| / ||theta - theta0||");
        assertThat(l2.observed()).isLessThan(1e-12)
                .isCloseTo(theta.subtract(thetaStar).getNorm() / thetaStar.getNorm(), within(1e-13));
        assertThat(l2.bound()).isEqualTo(1e-8);
        assertThat(l2.measurements().get("steps")).isEqualTo(t);
        assertThat(worstRatio).isLessThan(1.0);
        // LSQ-2's control: as many steps with η' = 2.1/σ_max², GD's update θ ← θ − η'Xᵀ(Xθ − y)
        RealVector unstable = inTheta0;
        for (int k = 0; k < t; k++) {
            unstable = unstable.subtract(inX.transpose().operate(inX.operate(unstable).subtract(inY))
                    .mapMultiply(2.1 * eta));
        }
        double unstableErr = unstable.subtract(thetaStar).getNorm() / thetaStar.getNorm();
        Verdict c2 = find(LeastSquaresDescentCheck.LIMIT_UNSTABLE_STEP, label, seed);
        assertThat(c2).controlBit();
        assertThat(c2.hypothesisMet()).isFalse();
        // the error grows like 1.1^t: two implementations agree to the relative round-off of that growth
        assertThat(c2.observed()).isCloseTo(unstableErr, within(1e-6 * unstableErr));
        assertThat(c2.bound()).isEqualTo(1e-8);
        assertThat(c2.margin()).isGreaterThan(1e6);
        RealVector minNorm = pinv(inX, inY);
        assertThat(l2.measurements().get("minNormError")).isCloseTo(thetaStar.subtract(minNorm).getNorm()
                / minNorm.getNorm(), within(1e-8));
        // LSQ-1's slow-mode share: √Σ_{σ_i² ≤ 2σ_n²} (u_iᵀ r₀)² / ‖r₀‖ with Hipparchus' left singular vectors
        SingularValueDecomposition hsvd = new SingularValueDecomposition(inX);
        RealVector r0v = inX.operate(inTheta0).subtract(inY);
        double share = 0;
        for (int i = 0; i < N; i++) {
            if (sv[i] * sv[i] <= 2 * smin * smin) {
                double c = hsvd.getU().getColumnVector(i).dotProduct(r0v);
                share += c * c;
            }
        }
        assertThat(l1).hasMeasurementCloseTo("slowModeShare", Math.sqrt(share) / r0v.getNorm(), 1e-9,
                "sqrt(sum (u_i'r0)^2) / ||r0|| over sigma_i^2 <= 2 sigma_n^2");
        assertThat(l1).hypothesisMet();
        assertThat(l2).hypothesisMet();

        // LSQ-3: path ≤ min(√n, κ²)‖θ* − θ₀‖
        double pathBound = Math.min(Math.sqrt(N), kappa2) * dist0;
        Verdict l3 = find(LeastSquaresDescentCheck.PATH_LENGTH, label, seed);
        assertThat(l3).hypothesisMet().holds().hasMeasurementCloseTo("kappa2", kappa2, 1e-9, "(sigma_max/sigma_min)^2")
                .hasMeasurementCloseTo("sqrtN", Math.sqrt(N), 1e-15, "sqrt(n)");
        assertThat(l3.observed()).isCloseTo(path, within(1e-9 * path));
        assertThat(l3.bound()).isCloseTo(pathBound, within(1e-9 * pathBound));
        List<Verdict> c3 = quick.verdicts(LeastSquaresDescentCheck.PATH_LENGTH_HALF_BOUND).stream()
                .filter(v -> v.seed() == seed && v.check().endsWith("(" + label + ")")).toList();
        if (kappa2 < Math.sqrt(N)) {
            assertThat(c3).hasSize(1);
            assertThat(c3.get(0)).controlBit();
            assertThat(c3.get(0).role()).isEqualTo(Verdict.Role.CONTROL);
            assertThat(c3.get(0).observed()).isEqualTo(l3.observed());
            assertThat(c3.get(0).bound()).isCloseTo(pathBound / 2, within(1e-9 * pathBound));
        } else {
            assertThat(c3).isEmpty();
        }
        assertThat(l3.detail()).contains(String.format(java.util.Locale.ROOT, "%.4g", path),
                String.format(java.util.Locale.ROOT, "kappa^2 = %.3f", kappa2));
        assertThat(l1.detail()).contains(String.format(java.util.Locale.ROOT, "= %.3f (over t >= 1: %.3f)", slack,
                slackAll), String.format(java.util.Locale.ROOT, "t <= %d", checked));
        assertThat(l2.detail()).contains(String.format(java.util.Locale.ROOT, "after %d steps", t),
                String.format(java.util.Locale.ROOT, "= %.4f (<= 1)", worstRatio));
        return new double[][] {residuals.stream().mapToDouble(Double::doubleValue).toArray(),
            distances.stream().mapToDouble(Double::doubleValue).toArray(),
            cumulative.stream().mapToDouble(Double::doubleValue).toArray(), {q, pathBound}};
    }
}
