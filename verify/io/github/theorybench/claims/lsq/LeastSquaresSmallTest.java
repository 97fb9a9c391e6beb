package io.github.theorybench.claims.lsq;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.model.RandomMatrices;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * LSQ-1..3 (seed 002) on small instances: n = 8 with p = 20 (κ² ≈ 5-10 > √8: √n-limited) and p = 600 (κ² ≈ 1.4 < √8:
 * κ²-limited); every number recomputed independently in the test with Hipparchus and its own GD loop.
 */
@SmallInstances
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastSquaresSmallTest {
    static final int N = 8, P_SQRT = 20, P_KAPPA = 600;
    static final long SEED = 13;
    private CheckResult quick;
    private CheckResult full;

    @BeforeAll
    void run() {
        quick = new LeastSquaresDescentCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, true), N,
                P_SQRT, P_KAPPA);
        full = new LeastSquaresDescentCheck().run(CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, false), N,
                P_SQRT, P_KAPPA);
    }


    @Test
    @DisplayName("LSQ-1..3 small instances (n = 8, p = 20 and 600): verdicts, seeds and sizes recomputed independently")
    void smallInstances() {
        // a single test method: PIT attributes what @BeforeAll runs to the first test method only, so a mutant in
        // the check would otherwise be tried against that method alone
        assertThat(new LeastSquaresDescentCheck().ids()).containsExactly("LSQ-1", "LSQ-2", "LSQ-3");
        layout();
        recomputed();
    }

    /** The instance as the check draws it (X, y, θ₀ from one stream), then the 20 ξ of LSQ-2's other minimizers. */
    record Inst(RealMatrix x, RealVector y, RealVector theta0, RandomGenerator rng) {
    }

    static Inst draw(long seed, int n, int p) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        RealMatrix x = new Array2DRowRealMatrix(RandomMatrices.gaussian(n, p, 1.0, rng).toArray2d());
        RealVector y = new ArrayRealVector(RandomMatrices.gaussianVector(n, 1.0, rng));
        RealVector theta0 = new ArrayRealVector(RandomMatrices.gaussianVector(p, 1.0, rng));
        return new Inst(x, y, theta0, rng);
    }

    /** X⁺v = Xᵀ(XXᵀ)⁻¹v for full row rank X. */
    static RealVector pinv(RealMatrix x, RealVector v) {
        RealMatrix g = x.multiply(x.transpose());
        return x.transpose().operate(new LUDecomposition(g).getSolver().solve(v));
    }

    private static Verdict find(CheckResult r, String id, String check, long seed) {
        List<Verdict> vs = r.verdicts(id).stream().filter(v -> v.check().equals(check) && v.seed() == seed).toList();
        assertThat(vs).hasSize(1);
        return vs.get(0);
    }

    /** LSQ-1..3 small: 2 seeds in quick mode, 5 in full, seeds seed*1000 + s, sizes (n, p) of both instances */
    private void layout() {
        for (CheckResult r : List.of(quick, full)) {
            int seeds = r == quick ? 2 : 5;
            assertThat(r.verdicts("LSQ-1")).hasSize(4 * seeds);
            assertThat(r.verdicts("LSQ-2")).hasSize(4 * seeds);
            // the bound/2 control only where κ² < √n: the p = 600 instances
            assertThat(r.verdicts("LSQ-3")).hasSize(3 * seeds);
            for (int s = 0; s < seeds; s++) {
                long seed = SEED * 1000 + s;
                Verdict a = find(r, "LSQ-1", "residual decay (sqrt(n)-limited)", seed);
                Verdict b = find(r, "LSQ-1", "residual decay (kappa^2-limited)", seed);
                assertThat(a.sizes()).containsEntry("n", N).containsEntry("p", P_SQRT);
                assertThat(b.sizes()).containsEntry("n", N).containsEntry("p", P_KAPPA);
                assertThat(a.backend()).isEqualTo(Backends.byName(Backends.DEFAULT).name());
            }
        }
    }

    /** LSQ-1..3 small: every verdict recomputed from an independent GD on the same instance */
    private void recomputed() {
        for (long seed : new long[] {SEED * 1000, SEED * 1000 + 1}) {
            check(seed, P_SQRT, "sqrt(n)-limited");
            check(seed, P_KAPPA, "kappa^2-limited");
        }
    }

    private void check(long seed, int p, String label) {
        String inst = " (" + label + ")";
        Inst in = draw(seed, N, p);
        double[] sv = new SingularValueDecomposition(in.x()).getSingularValues();
        double smax = sv[0], smin = sv[N - 1];
        double eta = 1 / (smax * smax);                 // LSQ-1: η = 1/‖X‖₂²
        double q = 1 - eta * smin * smin;               // LSQ-1: contraction (1 − ησ_min²)
        double kappa2 = smax * smax / (smin * smin);
        RealVector thetaStar = in.theta0().add(pinv(in.x(), in.y().subtract(in.x().operate(in.theta0()))));
        // independent GD θ ← θ − ηXᵀ(Xθ − y) with LSQ-1's bound (1 − ησ_min²)^t r₀ while it is above 1e−14 r₀
        RealVector theta = in.theta0();
        double r0 = in.x().operate(theta).subtract(in.y()).getNorm();
        double path = 0, slack = 0, slackAll = 0, slackControl = 0, minMultiple = Double.POSITIVE_INFINITY;
        boolean held = true, controlHeld = true;
        int checked = 0, t = 0;
        double tRate = 1 / -Math.log(q);
        while (true) {
            RealVector res = in.x().operate(theta).subtract(in.y());
            double r = res.getNorm(), bound = Math.pow(q, t) * r0;
            if (bound > 1e-14 * r0) {
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
            RealVector step = in.x().transpose().operate(res).mapMultiply(eta);
            path += step.getNorm();
            theta = theta.subtract(step);
            t++;
            if (bound <= 1e-16 * r0) {
                break;
            }
        }
        Verdict l1 = find(quick, "LSQ-1", "residual decay" + inst, seed);
        assertThat(l1).hypothesisMet().holds()
                .hasMeasurementCloseTo("eta", eta, 1e-10, "1/sigma_max^2")
                .hasMeasurementCloseTo("sigma_min", smin, 1e-10, "sigma_n(X)")
                .hasMeasurementCloseTo("sigma_max", smax, 1e-10, "sigma_1(X)")
                .hasMeasurementCloseTo("slack_over_all_t_ge_1", slackAll, 1e-6, "max_{t>=1} r_t/bound_t")
                // the minimum sits at the last checked steps, where r_t ~ 1e-14 r0 is round-off of two different GEMVs
                .hasMeasurementCloseTo("min_rate_multiple", minMultiple, 1e-2, "min ln(r_t/r0)/(t ln q)");
        assertThat(held).isTrue();
        assertThat(l1.observed()).isCloseTo(slack, within(1e-6 * slack));
        assertThat(l1.slack()).isEqualTo(l1.observed());
        assertThat(l1.bound()).isEqualTo(1.0);
        assertThat(l1.measurements().get("checked_steps")).isEqualTo(checked);
        // the measured rate is at least the bound's rate: every r_t ≤ q^t r₀ means ln(r_t/r₀) ≤ t ln q
        assertThat(minMultiple).isGreaterThanOrEqualTo(1.0);
        assertThat(slack).isLessThanOrEqualTo(slackAll);
        Verdict c1 = find(quick, "LSQ-1", "control: rate x 2" + inst, seed);
        assertThat(c1.role()).isEqualTo(Verdict.Role.CONTROL);
        assertThat(c1).isViolated();
        assertThat(controlHeld).isFalse();
        // the maximum of r_t / (q^{2t} r0) sits at the last checked step, where r_t is round-off (two different
        // GEMVs): agreement within a factor 2 of a number ~1/q^t ~ 1e12
        assertThat(c1.observed() / slackControl).isBetween(0.5, 2.0);
        assertThat(c1.observed()).isGreaterThan(1e6);
        assertThat(c1.bound()).isEqualTo(1.0);

        // LSQ-2: the limit is θ* to round-off, θ* is closest to θ₀ among θ* + (I − X⁺X)ξ:
        // ‖θ − θ₀‖² = ‖θ* − θ₀‖² + ‖(I − X⁺X)ξ‖² (θ* − θ₀ lies in the row space), so the ratio is
        // ‖θ* − θ₀‖ / sqrt(‖θ* − θ₀‖² + ‖(I − X⁺X)ξ‖²)
        double dist0 = thetaStar.subtract(in.theta0()).getNorm();
        double worstRatio = 0;
        for (int k = 0; k < 20; k++) {
            RealVector xi = new ArrayRealVector(RandomMatrices.gaussianVector(p, 1.0, in.rng()));
            double perp = xi.subtract(pinv(in.x(), in.x().operate(xi))).getNorm();
            worstRatio = Math.max(worstRatio, dist0 / Math.sqrt(dist0 * dist0 + perp * perp));
        }
        Verdict l2 = find(quick, "LSQ-2", "limit is theta*" + inst, seed);
        assertThat(l2).holds().hasMeasurementCloseTo("max_dist_ratio_other_minimizers", worstRatio, 1e-8,
                "max ||theta* - theta0|| / ||theta - theta0||");
        assertThat(l2.observed()).isLessThan(1e-12)
                .isCloseTo(theta.subtract(thetaStar).getNorm() / thetaStar.getNorm(), within(1e-13));
        assertThat(l2.bound()).isEqualTo(1e-8);
        assertThat(l2.measurements().get("steps")).isEqualTo(t);
        assertThat(worstRatio).isLessThan(1.0);
        RealVector minNorm = pinv(in.x(), in.y());
        Verdict c2 = find(quick, "LSQ-2", "control: limit is the min-norm solution X^+ y" + inst, seed);
        assertThat(c2).isViolated();
        assertThat(c2.observed()).isCloseTo(thetaStar.subtract(minNorm).getNorm() / minNorm.getNorm(),
                within(1e-8 * c2.observed()));
        assertThat(c2.bound()).isEqualTo(1e-8);

        // LSQ-3: path ≤ min(√n, κ²)‖θ* − θ₀‖
        double pathBound = Math.min(Math.sqrt(N), kappa2) * dist0;
        Verdict l3 = find(quick, "LSQ-3", "path length" + inst, seed);
        assertThat(l3).holds().hasMeasurementCloseTo("kappa2", kappa2, 1e-9, "(sigma_max/sigma_min)^2")
                .hasMeasurementCloseTo("sqrt_n", Math.sqrt(N), 1e-15, "sqrt(n)");
        assertThat(l3.observed()).isCloseTo(path, within(1e-9 * path));
        assertThat(l3.bound()).isCloseTo(pathBound, within(1e-9 * pathBound));
        List<Verdict> c3 = quick.verdicts("LSQ-3").stream().filter(v -> v.seed() == seed
                && v.check().equals("control: bound / 2" + inst)).toList();
        if (kappa2 < Math.sqrt(N)) {
            assertThat(c3).hasSize(1);
            assertThat(c3.get(0)).isViolated();
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
    }
}
