package io.github.theorybench.claims.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.dynamics.GradientFlow;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.integration.SimpsonIntegrator;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The LAZY building blocks (CLAIMS.md LAZY; 001 Theorem 8.1) on a small instance n = 3, d = 3, m = 20 (tanh,
 * antisymmetric init, seed 2), each against a computation that does not go through the class under test: the
 * instance's constants from an explicit Jacobian and Hipparchus' SVD, the ODE field against finite differences of the
 * risk, the linearized path against its closed-form solution r(t) = exp(−α² G₀ t) r₀, and LazyPath's decay comparison
 * on hand-made paths with known answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LazyFlowSmallInstanceTest {
    static final int N = 3, D = 3, M = 20;
    static final long SEED = 2;
    static final double TAU_MAX = 8;
    static final int POINTS = 8;

    private LazyInstance inst;
    /** J₀ built entry by entry: row i, column j·d + k = s_j tanh'(w_jᵀx_i) x_ik (CLAIMS.md LAZY's Jacobian). */
    private double[][] j0;

    /** The instance for the field tests; tests of build() and integrate() call them themselves (PIT attributes code
     *  run in {@code @BeforeAll} to one test method only). */
    @BeforeAll
    void build() {
        inst = LazyInstance.build(Backends.byName(Backends.DEFAULT), SEED, N, D, M, Activation.TANH);
        j0 = jacobian(inst, inst.w0());
    }

    private static double[][] jacobian(LazyInstance inst, DenseMatrix w) {
        double[][] j = new double[inst.n()][inst.m() * inst.d()];
        for (int i = 0; i < inst.n(); i++) {
            for (int a = 0; a < inst.m(); a++) {
                double pre = 0;
                for (int k = 0; k < inst.d(); k++) {
                    pre += w.get(a, k) * inst.x().get(i, k);
                }
                double th = Math.tanh(pre);
                for (int k = 0; k < inst.d(); k++) {
                    j[i][a * inst.d() + k] = inst.signs()[a] * (1 - th * th) * inst.x().get(i, k);
                }
            }
        }
        return j;
    }

    /** f(x_i; W) = Σ_j s_j tanh(w_jᵀx_i) (CLAIMS.md LAZY's model), from a flat row-major W. */
    private double[] predictions(double[] w) {
        double[] f = new double[inst.n()];
        for (int i = 0; i < inst.n(); i++) {
            for (int a = 0; a < inst.m(); a++) {
                double pre = 0;
                for (int k = 0; k < inst.d(); k++) {
                    pre += w[a * inst.d() + k] * inst.x().get(i, k);
                }
                f[i] += inst.signs()[a] * Math.tanh(pre);
            }
        }
        return f;
    }

    /** R = ½‖α f − y‖² at the predictions f. */
    private double risk(double alpha, double[] f) {
        double r = 0;
        for (int i = 0; i < f.length; i++) {
            r += 0.5 * (alpha * f[i] - inst.y()[i]) * (alpha * f[i] - inst.y()[i]);
        }
        return r;
    }

    /** f₀(U) = f(W₀) + J₀(U − W₀) (CLAIMS.md LAZY's linearized model); f(W₀) = 0 by the antisymmetric init. */
    private double[] linearPredictions(double[] u) {
        double[] w0 = inst.w0().data();
        double[] f = predictions(w0);
        for (int i = 0; i < f.length; i++) {
            for (int k = 0; k < w0.length; k++) {
                f[i] += j0[i][k] * (u[k] - w0[k]);
            }
        }
        return f;
    }

    private double[] perturbedState(double scale) {
        double[] s = new double[inst.m() * inst.d() + 1];
        double[] w0 = inst.w0().data();
        for (int k = 0; k < w0.length; k++) {
            s[k] = w0[k] + scale * Math.sin(1.7 * k + 0.3);
        }
        s[w0.length] = 0.37;                                  // the path-length coordinate does not enter the field
        return s;
    }

    @Test
    @DisplayName("LAZY setup: unit-norm inputs, f(W0) = 0, R0 = ||y||^2/2, sigma_min/max from the SVD of J0, beta = beta0 sqrt(sum ||x_i||^4), alpha* recomputed")
    void instanceConstants() {
        LazyInstance inst = LazyInstance.build(Backends.byName(Backends.DEFAULT), SEED, N, D, M, Activation.TANH);
        double[][] j0 = jacobian(inst, inst.w0());
        assertThat(inst.n()).isEqualTo(N);
        assertThat(inst.d()).isEqualTo(D);
        assertThat(inst.m()).isEqualTo(M);
        assertThat(inst.seed()).isEqualTo(SEED);
        assertThat(inst.sizes()).containsExactly(Map.entry("n", N), Map.entry("d", D), Map.entry("m", M));
        double sum4 = 0;
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int k = 0; k < D; k++) {
                s += inst.x().get(i, k) * inst.x().get(i, k);
            }
            assertThat(s).isCloseTo(1.0, within(1e-14));      // rows uniform on the unit sphere
            sum4 += s * s;
        }
        for (double f : inst.net().predictions(inst.w0())) {
            assertThat(f).isCloseTo(0.0, within(1e-13));      // antisymmetric init: f(W₀) = 0
        }
        double yy = 0;
        for (double yi : inst.y()) {
            yy += yi * yi;
        }
        assertThat(inst.r0()).isCloseTo(yy / 2, within(1e-13 * yy));       // R₀ = ½‖αf(W₀) − y‖² = ½‖y‖²
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(j0)).getSingularValues();
        assertThat(inst.sigmaMax()).isCloseTo(sv[0], within(1e-10 * sv[0]));          // σ_max = ‖J₀‖₂
        assertThat(inst.sigmaMin()).isCloseTo(sv[N - 1], within(1e-9 * sv[N - 1]));  // σ_min(J₀), n ≤ md
        // β = β₀ sqrt(Σ‖x_i‖⁴), β₀ = sup|tanh''| = 4/(3√3) (CLAIMS.md LAZY, LAZY-4)
        double beta0 = 4 / (3 * Math.sqrt(3));
        assertThat(inst.beta()).isCloseTo(beta0 * Math.sqrt(sum4), within(1e-14));
        // α* = β sqrt(1152 σ_max² R₀)/σ_min³ (CLAIMS.md LAZY)
        double alphaStar = beta0 * Math.sqrt(sum4) * Math.sqrt(1152 * sv[0] * sv[0] * yy / 2) / Math.pow(sv[N - 1], 3);
        assertThat(inst.alphaStar()).isCloseTo(alphaStar, within(1e-8 * alphaStar));
    }

    @Test
    @DisplayName("LAZY-1/3 constants: decay rate alpha^2 sigma_min^2/2, travel bound sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2)")
    void rateAndTravelBound() {
        double a = 2.5, smin = inst.sigmaMin(), smax = inst.sigmaMax();
        assertThat(inst.decayRate(a)).isCloseTo(a * a * smin * smin / 2, within(1e-14 * a * a * smin * smin));
        double bound = Math.sqrt(72 * smax * smax * inst.r0()) / (a * smin * smin);
        assertThat(inst.travelBound(a)).isCloseTo(bound, within(1e-14 * bound));
        assertThat(inst.travelBound(2 * a)).isCloseTo(bound / 2, within(1e-14 * bound));       // ∝ 1/α
    }

    @Test
    @DisplayName("LAZY instance export carries the data and constants needed to recompute alpha*")
    void export() {
        Map<String, Object> e = inst.export(7.0);
        assertThat(e).containsKeys("model", "X", "W0");
        assertThat(e.keySet()).containsExactly("seed", "activation", "alpha", "model", "X", "y", "W0", "s", "sigmaMin",
                "sigmaMax", "beta", "R0", "alphaStar");
        assertThat(e).containsEntry("seed", SEED).containsEntry("activation", "tanh").containsEntry("alpha", 7.0)
                .containsEntry("sigmaMin", inst.sigmaMin()).containsEntry("sigmaMax", inst.sigmaMax())
                .containsEntry("beta", inst.beta()).containsEntry("R0", inst.r0())
                .containsEntry("alphaStar", inst.alphaStar()).containsEntry("y", inst.y())
                .containsEntry("s", inst.signs());
        assertThat((double[][]) e.get("X")).isDeepEqualTo(inst.x().toArray2d());
        assertThat((double[][]) e.get("W0")).isDeepEqualTo(inst.w0().toArray2d());
    }

    @Test
    @DisplayName("LAZY flow field: state (vec W, path length), initial state (W0, 0), weights reshaped row-major")
    void fieldLayout() {
        ScaledFlowField f = new ScaledFlowField(inst, 3.0, false);
        assertThat(f.dimension()).isEqualTo(M * D + 1);
        double[] s0 = f.initialState();
        assertThat(s0).hasSize(M * D + 1);
        for (int k = 0; k < M * D; k++) {
            assertThat(s0[k]).isEqualTo(inst.w0().data()[k]);
        }
        assertThat(s0[M * D]).isZero();
        double[] s = perturbedState(0.1);
        DenseMatrix w = f.weights(s);
        assertThat(w.rows()).isEqualTo(M);
        assertThat(w.cols()).isEqualTo(D);
        assertThat(w.get(4, 2)).isEqualTo(s[4 * D + 2]);
    }

    @Test
    @DisplayName("LAZY nonlinear field: alpha f(W) from the model, dW/dt = -grad_W 1/2||alpha f(W) - y||^2 by finite differences, dL/dt = ||dW/dt||")
    void nonlinearFieldIsMinusTheRiskGradient() {
        double alpha = 3.0;
        ScaledFlowField f = new ScaledFlowField(inst, alpha, false);
        double[] s = perturbedState(0.2);
        double[] z = f.scaledPredictions(s);
        double[] fw = predictions(s);
        for (int i = 0; i < N; i++) {
            assertThat(z[i]).isCloseTo(alpha * fw[i], within(1e-12));
        }
        double[] dy = new double[f.dimension()];
        f.evaluate(s, dy);
        double h = 1e-6, speed = 0;
        for (int k = 0; k < M * D; k++) {
            double[] p = s.clone(), q = s.clone();
            p[k] += h;
            q[k] -= h;
            double grad = (risk(alpha, predictions(p)) - risk(alpha, predictions(q))) / (2 * h);
            assertThat(dy[k]).as("component %d", k).isCloseTo(-grad, within(1e-7 * (1 + Math.abs(grad))));
            speed += dy[k] * dy[k];
        }
        assertThat(dy[M * D]).isCloseTo(Math.sqrt(speed), within(1e-14 * Math.sqrt(speed)));
    }

    @Test
    @DisplayName("LAZY linearized field: alpha (f(W0) + J0 (U - W0)), dU/dt = -grad_U of the linearized risk (quadratic: central differences exact)")
    void linearizedFieldIsMinusTheLinearRiskGradient() {
        double alpha = 3.0;
        ScaledFlowField f = new ScaledFlowField(inst, alpha, true);
        double[] s = perturbedState(0.2);
        double[] z = f.scaledPredictions(s);
        double[] fl = linearPredictions(s);
        double[] fw = predictions(s);
        for (int i = 0; i < N; i++) {
            assertThat(z[i]).isCloseTo(alpha * fl[i], within(1e-12));
            assertThat(Math.abs(z[i] - alpha * fw[i])).isGreaterThan(1e-6);   // not the nonlinear model
        }
        double[] dy = new double[f.dimension()];
        f.evaluate(s, dy);
        double h = 1e-3, speed = 0;
        for (int k = 0; k < M * D; k++) {
            double[] p = s.clone(), q = s.clone();
            p[k] += h;
            q[k] -= h;
            double grad = (risk(alpha, linearPredictions(p)) - risk(alpha, linearPredictions(q))) / (2 * h);
            assertThat(dy[k]).as("component %d", k).isCloseTo(-grad, within(1e-9 * (1 + Math.abs(grad))));
            speed += dy[k] * dy[k];
        }
        assertThat(dy[M * D]).isCloseTo(Math.sqrt(speed), within(1e-14 * Math.sqrt(speed)));
        // at U = W₀ the two flows coincide (same J₀, same f(W₀))
        double[] a = new double[f.dimension()], b = new double[f.dimension()];
        f.evaluate(f.initialState(), a);
        new ScaledFlowField(inst, alpha, false).evaluate(f.initialState(), b);
        for (int k = 0; k <= M * D; k++) {
            assertThat(a[k]).isCloseTo(b[k], within(1e-12 * (1 + Math.abs(b[k]))));
        }
    }

    @Test
    @DisplayName("LAZY-2 linearized path at alpha*: risk, travel and path length against r(t) = exp(-alpha^2 G0 t) r0 in G0's eigenbasis")
    void linearizedPathMatchesClosedForm() {
        LazyPath lin = LazyPath.integrate(inst, inst.alphaStar(), true, TAU_MAX, POINTS);
        double alpha = inst.alphaStar();
        RealMatrix jm = new Array2DRowRealMatrix(j0);
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(jm.multiplyTransposed(jm));
        double[] lam = eig.getEigenvalues();                  // Hipparchus: descending
        double lamMin = lam[N - 1], lamMax = lam[0];
        double[] c = new double[N];                           // c = Qᵀ r₀, r₀ = α f(W₀) − y = −y
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < N; a++) {
                c[i] -= eig.getEigenvector(i).getEntry(a) * inst.y()[a];
            }
        }
        double[] tau = GradientFlow.logSpacedTimes(1e-3, TAU_MAX, POINTS);
        double scale = alpha * alpha * inst.sigmaMin() * inst.sigmaMin();
        assertThat(lin.size()).isEqualTo(POINTS + 1);
        assertThat(lin.alpha()).isEqualTo(alpha);
        assertThat(lin.linearized()).isTrue();
        assertThat(lin.absTol()).isEqualTo(1e-13);
        assertThat(lin.relTol()).isEqualTo(1e-12);
        assertThat(lin.evaluations()).isPositive();
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-10, 1e-14, 3, 30);
        double length = 0;
        for (int k = 0; k < lin.size(); k++) {
            double t = lin.t()[k];
            assertThat(t * scale).isCloseTo(tau[k], within(1e-12 * tau[k]));     // τ = t α² σ_min²
            double risk = 0, travel2 = 0;
            for (int i = 0; i < N; i++) {
                double e = Math.exp(-alpha * alpha * lam[i] * t);
                risk += 0.5 * e * e * c[i] * c[i];                                // ½‖e^{−α²G₀t} r₀‖²
                travel2 += (1 - e) * (1 - e) * c[i] * c[i] / lam[i] / (alpha * alpha); // ‖J₀ᵀG₀⁻¹(I−E)r₀‖²/α²
            }
            assertThat(lin.risk()[k]).as("risk at k = %d", k).isCloseTo(risk, within(1e-9 * inst.r0()));
            assertThat(lin.travel()[k]).as("travel at k = %d", k)
                    .isCloseTo(Math.sqrt(travel2), within(1e-8 * Math.sqrt(travel2) + 1e-15));
            if (k > 0) {
                // path length ∫‖U̇‖ds, ‖U̇‖ = α sqrt(r(s)ᵀ G₀ r(s))
                length += simpson.integrate(100000, s -> {
                    double q = 0;
                    for (int i = 0; i < N; i++) {
                        q += lam[i] * c[i] * c[i] * Math.exp(-2 * alpha * alpha * lam[i] * s);
                    }
                    return alpha * Math.sqrt(q);
                }, lin.t()[k - 1], t);
            }
            assertThat(lin.pathLength()[k]).as("path length at k = %d", k).isCloseTo(length,
                    within(1e-7 * length + 1e-15));
            assertThat(lin.lambdaMin()[k]).isCloseTo(lamMin, within(1e-10 * lamMax));   // J = J₀ throughout
            assertThat(lin.lambdaMax()[k]).isCloseTo(lamMax, within(1e-10 * lamMax));
        }
        assertThat(lin.finalTravel()).isEqualTo(lin.travel()[POINTS]);
        assertThat(lin.maxTravel()).isEqualTo(lin.travel()[POINTS]);             // monotone for the linear flow
    }

    @Test
    @DisplayName("LAZY-1 nonlinear path at alpha*: starts at (R0, 0, 0, sigma_min^2, sigma_max^2), J_t moves, stays within 1e-3 of the linearized path")
    void nonlinearPathStartsAtInitAndStaysLazy() {
        LazyPath lin = LazyPath.integrate(inst, inst.alphaStar(), true, TAU_MAX, POINTS);
        LazyPath nl = LazyPath.integrate(inst, inst.alphaStar(), false, TAU_MAX, POINTS);
        assertThat(nl.linearized()).isFalse();
        assertThat(nl.size()).isEqualTo(POINTS + 1);
        assertThat(nl.t()).containsExactly(lin.t());
        assertThat(nl.risk()[0]).isCloseTo(inst.r0(), within(1e-11));        // α*·f(W₀) is round-off
        assertThat(nl.travel()[0]).isZero();
        assertThat(nl.pathLength()[0]).isZero();
        double smin2 = inst.sigmaMin() * inst.sigmaMin(), smax2 = inst.sigmaMax() * inst.sigmaMax();
        assertThat(nl.lambdaMin()[0]).isCloseTo(smin2, within(1e-10 * smax2));
        assertThat(nl.lambdaMax()[0]).isCloseTo(smax2, within(1e-10 * smax2));
        // the nonlinear flow's Jacobian moves (eigenvalues of J_t J_tᵀ recomputed along the path), if only a little
        assertThat(nl.lambdaMin()[POINTS]).isNotEqualTo(nl.lambdaMin()[0]);
        assertThat(nl.lambdaMin()[POINTS]).isCloseTo(smin2, within(1e-3 * smin2));
        for (int k = 1; k < nl.size(); k++) {
            assertThat(nl.risk()[k]).isLessThan(nl.risk()[k - 1]);
            assertThat(nl.travel()[k]).isLessThanOrEqualTo(nl.pathLength()[k] * (1 + 1e-9));
            assertThat(nl.risk()[k]).isCloseTo(lin.risk()[k], within(1e-3 * lin.risk()[k]));
            assertThat(nl.travel()[k]).isCloseTo(lin.travel()[k], within(1e-3 * lin.travel()[k]));
        }
    }

    // ---- LazyPath.compareDecay on hand-made paths (CLAIMS.md LAZY-1: R(t) ≤ R₀ exp(−rate·t)) ----

    private static LazyPath path(double[] t, double[] risk) {
        double[] zero = new double[t.length];
        return new LazyPath(1.0, false, t, risk, zero, zero, zero, zero, 1e-13, 1e-12, 0);
    }

    @Test
    @DisplayName("LAZY-1 decay comparison: an exact exp(-2t) risk against rate 1: holds, slack = max R/bound over t >= 1/rate, multiple = 2")
    void decayComparisonOnExactExponential() {
        double[] t = {0, 0.5, 1, 2, 3};
        double[] risk = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            risk[k] = 4.0 * Math.exp(-2 * t[k]);
        }
        LazyPath.DecayComparison c = path(t, risk).compareDecay(4.0, LazyPath.constant(t.length, 1.0));
        assertThat(c.holds()).isTrue();
        assertThat(c.worstExcess()).isZero();                    // (R − bound)/R₀ is 0 at t = 0, negative after
        // slack over rate·t ≥ 1 (t = 1 included: rate·t = 1 exactly): R/bound = e^{−t}, largest at t = 1
        assertThat(c.slack()).isCloseTo(Math.exp(-1), within(1e-15));
        assertThat(c.smallestRateMultiple()).isCloseTo(2.0, within(1e-14));     // −ln(R/R₀)/(rate t) = 2
        // with rate 3 the bound is violated from t = 0.5 on: worst excess is max (e^{−2t} − e^{−3t})
        LazyPath.DecayComparison c3 = path(t, risk).compareDecay(4.0, LazyPath.constant(t.length, 3.0));
        assertThat(c3.holds()).isFalse();
        double worst = 0;
        for (double tk : t) {
            worst = Math.max(worst, Math.exp(-2 * tk) - Math.exp(-3 * tk));
        }
        assertThat(c3.worstExcess()).isCloseTo(worst, within(1e-15));
        assertThat(c3.slack()).isCloseTo(Math.exp(3), within(1e-13));         // R/bound = e^{t}, largest at t = 3
        assertThat(c3.smallestRateMultiple()).isCloseTo(2.0 / 3, within(1e-14));
    }

    @Test
    @DisplayName("LAZY-1 decay comparison: per-point rates, the 1e-9 tolerance, points below the floor skipped, a risk at its floor left out of slack")
    void decayComparisonEdges() {
        double[] t = {0, 1, 2};
        // rate_k varies: bound_k = e^{−rate_k t_k}; risk exactly at the bound at t = 1 (rate 1) and t = 2 (rate 0.5)
        double[] risk = {1, Math.exp(-1), Math.exp(-1)};
        LazyPath.DecayComparison c = path(t, risk).compareDecay(1.0, new double[] {5, 1, 0.5});
        assertThat(c.holds()).isTrue();
        assertThat(c.slack()).isCloseTo(1.0, within(1e-15));
        assertThat(c.smallestRateMultiple()).isCloseTo(1.0, within(1e-15));
        // an excess of 2e-9 R₀ is a violation, 0.5e-9 R₀ is integration tolerance
        assertThat(path(t, new double[] {1 + 2e-9, 0.1, 0.1}).compareDecay(1.0, LazyPath.constant(3, 1.0)).holds())
                .isFalse();
        LazyPath.DecayComparison tol = path(t, new double[] {1 + 0.5e-9, 0.1, 0.1}).compareDecay(1.0,
                LazyPath.constant(3, 1.0));
        assertThat(tol.holds()).isTrue();
        assertThat(tol.worstExcess()).isCloseTo(0.5e-9, within(1e-15));
        // a bound below FLOOR·R₀ = 1e-10 R₀ is not compared, however large the risk there
        LazyPath.DecayComparison floor = path(t, new double[] {1, 0.1, 0.5}).compareDecay(1.0,
                new double[] {1, 1, 12});                                            // e^{−24} < 1e-10
        assertThat(floor.holds()).isTrue();
        assertThat(floor.worstExcess()).isZero();
        assertThat(floor.slack()).isCloseTo(0.1 / Math.exp(-1), within(1e-14));
        // the floor scales with R₀: at R₀ = 4 a bound of 4e^{−24} ≈ 1.5e-10 is below 1e-10·R₀ = 4e-10, so skipped
        LazyPath.DecayComparison floor4 = path(t, new double[] {4, 0.4, 2}).compareDecay(4.0,
                new double[] {1, 1, 12});
        assertThat(floor4.holds()).isTrue();
        assertThat(floor4.worstExcess()).isZero();
        // a risk at FLOOR·R₀·1e-3 (round-off level, R₀ = 4) is left out of slack and multiple; above it, it counts
        double atFloor = LazyPath.FLOOR * 4.0 * 1e-3;
        LazyPath.DecayComparison round = path(new double[] {0, 2}, new double[] {4, atFloor}).compareDecay(4.0,
                LazyPath.constant(2, 1.0));
        assertThat(round.slack()).isZero();
        assertThat(round.smallestRateMultiple()).isEqualTo(Double.POSITIVE_INFINITY);
        LazyPath.DecayComparison above = path(new double[] {0, 2}, new double[] {4, 2 * atFloor}).compareDecay(4.0,
                LazyPath.constant(2, 1.0));
        assertThat(above.slack()).isCloseTo(2 * atFloor / (4 * Math.exp(-2)), within(1e-25));
        assertThat(above.smallestRateMultiple()).isCloseTo(-Math.log(2 * atFloor / 4) / 2, within(1e-12));
        // before rate·t reaches 1 nothing enters slack or multiple
        LazyPath.DecayComparison early = path(new double[] {0, 0.5}, new double[] {1, 0.1}).compareDecay(1.0,
                LazyPath.constant(2, 1.0));
        assertThat(early.slack()).isZero();
        assertThat(early.smallestRateMultiple()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    @DisplayName("LAZY path accessors: size, final travel is the last, max travel the largest; constant rate arrays")
    void pathAccessors() {
        double[] zero = new double[3];
        LazyPath p = new LazyPath(2.0, true, new double[] {0, 1, 2}, zero, new double[] {0, 3, 2}, zero, zero, zero,
                1e-13, 1e-12, 5);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.finalTravel()).isEqualTo(2.0);
        assertThat(p.maxTravel()).isEqualTo(3.0);
        assertThat(LazyPath.constant(4, 2.5)).containsExactly(2.5, 2.5, 2.5, 2.5);
        assertThat(List.of(LazyPath.ABS_TOL, LazyPath.REL_TOL, LazyPath.FLOOR)).containsExactly(1e-13, 1e-12, 1e-10);
    }
}
