package io.github.theorybench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import org.hipparchus.analysis.integration.SimpsonIntegrator;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The LAZY gradient flows (CLAIMS.md LAZY; 001 Theorem 8.1) on a small net n = 3, d = 3, m = 20 (tanh, antisymmetric
 * init, unit inputs), each against a computation that does not go through the class under test: the field against
 * finite differences of the risk written here in loops, the linearized path against its closed form
 * r(t) = exp(−α²G₀t) r₀ in G₀'s eigenbasis (Hipparchus), and the integration's convergence as the tolerance tightens.
 */
class ScaledTwoLayerFlowTest {
    static final int N = 3, D = 3, M = 20;
    /** Central differences of a smooth risk with step 1e−6: truncation ~h² and cancellation ~ε/h, about 1e−9 here. */
    static final double FD_TOLERANCE = 1e-7;

    private Backend backend;
    private DenseMatrix x, w0;
    private double[] y, s;
    private TwoLayerNet net;
    /** J₀ built entry by entry: row i, column j·d + k = s_j tanh'(w_jᵀx_i) x_ik (CLAIMS.md LAZY's Jacobian). */
    private double[][] j0;

    @BeforeEach
    void instance() {
        backend = Backends.byName(Backends.DEFAULT);
        RandomGenerator rng = RandomMatrices.rng(2);
        x = RandomMatrices.unitRows(N, D, rng);
        y = RandomMatrices.gaussianVector(N, 1.0, rng);
        TwoLayerInit init = TwoLayerInit.antisymmetric(M, D, 1.0, rng);
        w0 = init.weights();
        s = init.signs();
        net = TwoLayerNet.withFixedSigns(backend, x, s, Activation.TANH);
        j0 = new double[N][M * D];
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < M; a++) {
                double th = Math.tanh(dot(w0.data(), a, i));
                for (int k = 0; k < D; k++) {
                    j0[i][a * D + k] = s[a] * (1 - th * th) * x.get(i, k);
                }
            }
        }
    }

    private double dot(double[] w, int a, int i) {
        double pre = 0;
        for (int k = 0; k < D; k++) {
            pre += w[a * D + k] * x.get(i, k);
        }
        return pre;
    }

    /** f(x_i; W) = Σ_j s_j tanh(w_jᵀx_i), from a flat row-major W. */
    private double[] predictions(double[] w) {
        double[] f = new double[N];
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < M; a++) {
                f[i] += s[a] * Math.tanh(dot(w, a, i));
            }
        }
        return f;
    }

    /** f₀(U) = f(W₀) + J₀(U − W₀). */
    private double[] linearPredictions(double[] u) {
        double[] f = predictions(w0.data());
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < M * D; k++) {
                f[i] += j0[i][k] * (u[k] - w0.data()[k]);
            }
        }
        return f;
    }

    private double risk(double alpha, double[] f) {
        double r = 0;
        for (int i = 0; i < N; i++) {
            r += 0.5 * (alpha * f[i] - y[i]) * (alpha * f[i] - y[i]);
        }
        return r;
    }

    private double[] perturbedState(double scale) {
        double[] st = new double[M * D + 2];
        for (int k = 0; k < M * D; k++) {
            st[k] = w0.data()[k] + scale * Math.sin(1.7 * k + 0.3);
        }
        st[M * D] = 0.37;                                   // path length and ∫‖r‖ do not enter the field
        st[M * D + 1] = 0.11;
        return st;
    }

    @Test
    @DisplayName("LAZY flow layout: state (vec W, path length, int ||r||), initial state (W0, 0, 0), weights row-major")
    void layout() {
        ScaledTwoLayerFlow f = new ScaledTwoLayerFlow(net, w0, y, 3.0, false);
        assertThat(f.dimension()).isEqualTo(M * D + 2);
        assertThat(f.weightCount()).isEqualTo(M * D);
        assertThat(f.pathLengthIndex()).isEqualTo(M * D);
        assertThat(f.residualIntegralIndex()).isEqualTo(M * D + 1);
        double[] s0 = f.initialState();
        assertThat(java.util.Arrays.copyOf(s0, M * D)).containsExactly(w0.data());
        assertThat(s0[M * D]).isZero();
        assertThat(s0[M * D + 1]).isZero();
        DenseMatrix w = f.weights(perturbedState(0.1));
        assertThat(w.rows()).isEqualTo(M);
        assertThat(w.get(4, 2)).isEqualTo(perturbedState(0.1)[4 * D + 2]);
        assertThat(f.alpha()).isEqualTo(3.0);
        assertThat(f.labels()).containsExactly(y);
        assertThatThrownBy(() -> new ScaledTwoLayerFlow(net, w0, new double[N + 1], 1, false))
                .hasMessageContaining("labels");
        assertThatThrownBy(() -> new ScaledTwoLayerFlow(new TwoLayerNet(backend, x, s, Activation.TANH, 1, true), w0,
                y, 1, false)).hasMessageContaining("first layer only");
    }

    @Test
    @DisplayName("LAZY nonlinear field: dW/dt = -grad_W 1/2||alpha f(W) - y||^2 (finite differences), dL/dt = ||dW/dt||, dI/dt = ||alpha f - y||")
    void nonlinearField() {
        double alpha = 3.0;
        ScaledTwoLayerFlow f = new ScaledTwoLayerFlow(net, w0, y, alpha, false);
        double[] st = perturbedState(0.2);
        double[] fw = predictions(st);
        double[] z = f.scaledPredictions(st);
        double rr = 0;
        for (int i = 0; i < N; i++) {
            assertThat(z[i]).isCloseTo(alpha * fw[i], within(1e-12));
            rr += (alpha * fw[i] - y[i]) * (alpha * fw[i] - y[i]);
        }
        double[] dy = new double[f.dimension()];
        f.evaluate(st, dy);
        double h = 1e-6, speed = 0;
        for (int k = 0; k < M * D; k++) {
            double[] p = st.clone(), q = st.clone();
            p[k] += h;
            q[k] -= h;
            double grad = (risk(alpha, predictions(p)) - risk(alpha, predictions(q))) / (2 * h);
            assertThat(dy[k]).as("component %d", k).isCloseTo(-grad, within(FD_TOLERANCE * (1 + Math.abs(grad))));
            speed += dy[k] * dy[k];
        }
        assertThat(dy[M * D]).isCloseTo(Math.sqrt(speed), within(1e-12 * Math.sqrt(speed)));
        assertThat(dy[M * D + 1]).isCloseTo(Math.sqrt(rr), within(1e-12 * Math.sqrt(rr)));
        // a second evaluation at another state reuses the work matrices without carrying anything over
        double[] dy2 = new double[f.dimension()];
        f.evaluate(perturbedState(0.05), dy2);
        f.evaluate(st, dy2);
        assertThat(dy2).containsExactly(dy);
    }

    @Test
    @DisplayName("LAZY linearized field: alpha (f(W0) + J0 (U - W0)), dU/dt = -grad_U of the linearized risk; equal to the nonlinear field at W0")
    void linearizedField() {
        double alpha = 3.0;
        ScaledTwoLayerFlow f = new ScaledTwoLayerFlow(net, w0, y, alpha, true);
        double[] st = perturbedState(0.2);
        double[] z = f.scaledPredictions(st);
        double[] fl = linearPredictions(st), fw = predictions(st);
        for (int i = 0; i < N; i++) {
            assertThat(z[i]).isCloseTo(alpha * fl[i], within(1e-12));
            assertThat(Math.abs(z[i] - alpha * fw[i])).isGreaterThan(1e-6);   // not the nonlinear model
        }
        double[] dy = new double[f.dimension()];
        f.evaluate(st, dy);
        double h = 1e-3;                                                     // quadratic: central differences exact
        for (int k = 0; k < M * D; k++) {
            double[] p = st.clone(), q = st.clone();
            p[k] += h;
            q[k] -= h;
            double grad = (risk(alpha, linearPredictions(p)) - risk(alpha, linearPredictions(q))) / (2 * h);
            assertThat(dy[k]).as("component %d", k).isCloseTo(-grad, within(1e-9 * (1 + Math.abs(grad))));
        }
        double[] a = new double[f.dimension()], b = new double[f.dimension()];
        f.evaluate(f.initialState(), a);
        new ScaledTwoLayerFlow(net, w0, y, alpha, false).evaluate(f.initialState(), b);
        for (int k = 0; k < f.dimension(); k++) {
            assertThat(a[k]).isCloseTo(b[k], within(1e-12 * (1 + Math.abs(b[k]))));
        }
    }

    /** The linearized flow in G₀'s eigenbasis: r(t) = Σ_i c_i e^{−α²λ_i t} q_i with c = Qᵀr₀, r₀ = −y. */
    private record Closed(double[] lam, double[] c, double alpha) {
        double risk(double t) {
            double r = 0;
            for (int i = 0; i < lam.length; i++) {
                double e = Math.exp(-alpha * alpha * lam[i] * t);
                r += 0.5 * e * e * c[i] * c[i];
            }
            return r;
        }

        /** ‖U(t) − U₀‖ = ‖J₀ᵀG₀⁻¹(I − E)r₀‖/α. */
        double travel(double t) {
            double s2 = 0;
            for (int i = 0; i < lam.length; i++) {
                double e = Math.exp(-alpha * alpha * lam[i] * t);
                s2 += (1 - e) * (1 - e) * c[i] * c[i] / lam[i] / (alpha * alpha);
            }
            return Math.sqrt(s2);
        }

        double speed(double t) {                                          // ‖U̇‖ = α sqrt(rᵀG₀r)
            double q = 0;
            for (int i = 0; i < lam.length; i++) {
                q += lam[i] * c[i] * c[i] * Math.exp(-2 * alpha * alpha * lam[i] * t);
            }
            return alpha * Math.sqrt(q);
        }

        double residualNorm(double t) {
            return Math.sqrt(2 * risk(t));
        }
    }

    private Closed closed(double alpha) {
        RealMatrix jm = new Array2DRowRealMatrix(j0);
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(jm.multiplyTransposed(jm));
        double[] c = new double[N];
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < N; a++) {
                c[i] -= eig.getEigenvector(i).getEntry(a) * y[a];
            }
        }
        return new Closed(eig.getEigenvalues(), c, alpha);
    }

    @Test
    @DisplayName("LAZY-2 linearized path: risk, travel, path length, int ||r|| and lambda(J0 J0^T) against the closed form exp(-alpha^2 G0 t) r0")
    void linearizedPathMatchesClosedForm() {
        double alpha = 5.0;
        Closed cf = closed(alpha);
        double[] times = GradientFlow.logSpacedTimes(1e-4, 2.0, 8);
        ScaledFlowPath lin = ScaledFlowPath.integrate(new ScaledTwoLayerFlow(net, w0, y, alpha, true), times);
        assertThat(lin.size()).isEqualTo(times.length);
        assertThat(lin.t()).containsExactly(times);
        assertThat(lin.linearized()).isTrue();
        assertThat(lin.alpha()).isEqualTo(alpha);
        assertThat(lin.absTol()).isEqualTo(ScaledFlowPath.ABS_TOL);
        assertThat(lin.relTol()).isEqualTo(ScaledFlowPath.REL_TOL);
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-10, 1e-14, 3, 30);
        double length = 0, integral = 0;
        for (int k = 0; k < lin.size(); k++) {
            double t = times[k];
            if (k > 0) {
                length += simpson.integrate(1_000_000, cf::speed, times[k - 1], t);
                integral += simpson.integrate(1_000_000, cf::residualNorm, times[k - 1], t);
            }
            assertThat(lin.risk()[k]).as("risk %d", k).isCloseTo(cf.risk(t), within(1e-9 * cf.risk(0)));
            assertThat(lin.travel()[k]).as("travel %d", k).isCloseTo(cf.travel(t), within(1e-8 * cf.travel(t)
                    + 1e-15));
            assertThat(lin.pathLength()[k]).as("length %d", k).isCloseTo(length, within(1e-7 * length + 1e-15));
            assertThat(lin.residualIntegral()[k]).as("int ||r|| %d", k).isCloseTo(integral,
                    within(1e-7 * integral + 1e-15));
            assertThat(lin.lambdaMin()[k]).isCloseTo(cf.lam()[N - 1], within(1e-10 * cf.lam()[0]));
            assertThat(lin.lambdaMax()[k]).isCloseTo(cf.lam()[0], within(1e-10 * cf.lam()[0]));
        }
        assertThat(lin.finalTravel()).isEqualTo(lin.travel()[lin.size() - 1]);
        assertThat(lin.maxTravel()).isEqualTo(lin.finalTravel());              // monotone for the linear flow
        assertThat(lin.finalRisk()).isEqualTo(lin.risk()[lin.size() - 1]);
        assertThat(lin.finalPathLength()).isEqualTo(lin.pathLength()[lin.size() - 1]);
    }

    @Test
    @DisplayName("LAZY flows under GradientFlow converge: the linearized risk's error against the closed form falls as the tolerance tightens across decades")
    void integrationConverges() {
        double alpha = 5.0;
        Closed cf = closed(alpha);
        double[] times = GradientFlow.logSpacedTimes(1e-3, 1.0, 6);
        double previous = Double.POSITIVE_INFINITY;
        for (double tol : new double[] {1e-4, 1e-7, 1e-10}) {
            ScaledTwoLayerFlow f = new ScaledTwoLayerFlow(net, w0, y, alpha, true);
            Trajectory tr = new GradientFlow(tol, tol).integrate(f, f.initialState(), times);
            double err = 0;
            for (int k = 0; k < tr.size(); k++) {
                double[] z = f.scaledPredictions(tr.state(k));
                double r = 0;
                for (int i = 0; i < N; i++) {
                    r += 0.5 * (z[i] - y[i]) * (z[i] - y[i]);
                }
                err = Math.max(err, Math.abs(r - cf.risk(times[k])));
            }
            assertThat(err).as("error at tolerance %g", tol).isLessThan(previous / 10);
            previous = err;
        }
    }

    @Test
    @DisplayName("LAZY-1 nonlinear path at large alpha: starts at (R0, 0, 0, lambda(J0 J0^T)), J_t moves a little, stays within 1e-3 of the linearized path")
    void nonlinearPathStaysNearLinearized() {
        double alpha = 40.0;
        double[] times = GradientFlow.logSpacedTimes(1e-6, 2e-3, 8);   // risk stays far above round-off
        ScaledFlowPath lin = ScaledFlowPath.integrate(new ScaledTwoLayerFlow(net, w0, y, alpha, true), times);
        ScaledFlowPath nl = ScaledFlowPath.integrate(new ScaledTwoLayerFlow(net, w0, y, alpha, false), times);
        assertThat(nl.linearized()).isFalse();
        assertThat(nl.risk()[0]).isCloseTo(risk(alpha, predictions(w0.data())), within(1e-12));
        assertThat(nl.travel()[0]).isZero();
        assertThat(nl.pathLength()[0]).isZero();
        assertThat(nl.residualIntegral()[0]).isZero();
        assertThat(nl.lambdaMin()[0]).isCloseTo(lin.lambdaMin()[0], within(1e-10 * lin.lambdaMax()[0]));
        assertThat(nl.lambdaMin()[nl.size() - 1]).isNotEqualTo(nl.lambdaMin()[0]);
        for (int k = 1; k < nl.size(); k++) {
            assertThat(nl.risk()[k]).isLessThan(nl.risk()[k - 1]);
            assertThat(nl.travel()[k]).isLessThanOrEqualTo(nl.pathLength()[k] * (1 + 1e-9));
            assertThat(nl.risk()[k]).isCloseTo(lin.risk()[k], within(1e-3 * lin.risk()[k]));
            assertThat(nl.travel()[k]).isCloseTo(lin.travel()[k], within(1e-3 * lin.travel()[k]));
        }
    }
}
