package io.github.theorybench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAZY-9 (000, "Linearization in Deep Learning") remainder e(Δ) = f(W₀ + Δ) − f(W₀) − J₀Δ on tiny nets with non-unit
 * inputs and both signs of the output scale: against explicit Jacobians, central differences, a replay of the
 * documented ascent, and brute force for the structured starts (single neuron, exact ReLU worst case).
 */
class LinearizationRemainderTest {
    private static final Backend B = Backends.byName(Backends.DEFAULT);

    /** A fixed-sign net on n non-unit inputs (norms ~ 1.5 in d = 3) with output scale c. */
    private static LinearizationRemainder remainder(Activation act, int n, int m, double c, long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(n, 3, 0.9, rng);
        TwoLayerInit init = TwoLayerInit.randomSign(m, 3, 1.0, rng);
        return new LinearizationRemainder(new TwoLayerNet(B, x, init.signs(), act, c, false), init.weights());
    }

    private static DenseMatrix w0(LinearizationRemainder rem, long seed, int n, int m) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        RandomMatrices.gaussian(n, 3, 0.9, rng);
        return TwoLayerInit.randomSign(m, 3, 1.0, rng).weights();
    }

    private static double norm(DenseMatrix x, int i) {
        double s = 0;
        for (int k = 0; k < x.cols(); k++) {
            s += x.get(i, k) * x.get(i, k);
        }
        return Math.sqrt(s);
    }

    @Test
    @DisplayName("LAZY-9 remainder: only first-layer nets (a trained outer layer is refused); reluOptimum needs ReLU")
    void guards() {
        DenseMatrix x = RandomMatrices.gaussian(2, 3, 1.0, RandomMatrices.rng(1));
        TwoLayerNet outer = new TwoLayerNet(B, x, new double[] {1, -1}, Activation.TANH, 1.0, true);
        assertThatThrownBy(() -> new LinearizationRemainder(outer, DenseMatrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first layer only");
        LinearizationRemainder tanh = remainder(Activation.TANH, 2, 4, 0.5, 2);
        assertThatThrownBy(() -> tanh.reluOptimum(1.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs ReLU");
        assertThat(tanh.net().activation()).isEqualTo(Activation.TANH);
    }

    @Test
    @DisplayName("LAZY-9 remainder: J0 Delta and e(Delta) = f(W0 + Delta) - f(W0) - J0 Delta against the explicit "
            + "Jacobian (tanh, relu; c = 0.5 and c = -0.3)")
    void errorsAgainstExplicitJacobian() {
        for (Activation act : new Activation[] {Activation.TANH, Activation.RELU}) {
            for (double c : new double[] {0.5, -0.3}) {
                LinearizationRemainder rem = remainder(act, 4, 6, c, 3);
                DenseMatrix w0 = w0(rem, 3, 4, 6);
                TwoLayerNet net = rem.net();
                DenseMatrix delta = RandomMatrices.gaussian(6, 3, 0.4, RandomMatrices.rng(4));
                DenseMatrix j = net.jacobianExplicit(w0);
                double[] f = net.predictions(w0.plusScaled(1.0, delta)), f0 = net.predictions(w0);
                double[] jv = rem.jvp(delta), e = rem.errors(delta);
                for (int i = 0; i < 4; i++) {
                    double expected = 0;
                    for (int p = 0; p < j.cols(); p++) {
                        expected += j.get(i, p) * delta.getFlat(p);
                    }
                    assertThat(jv[i]).isCloseTo(expected, Offset.offset(1e-12));
                    assertThat(e[i]).isCloseTo(f[i] - f0[i] - expected, Offset.offset(1e-12));
                }
                assertThat(LinearizationRemainder.maxAbs(e)).isGreaterThan(0);
            }
        }
    }

    @Test
    @DisplayName("LAZY-9 remainder: maxAbs and argMaxAbs (first index on ties, negative entries by magnitude)")
    void maxAbsAndArgMax() {
        assertThat(LinearizationRemainder.maxAbs(new double[] {0.5, -3, 2})).isEqualTo(3.0);
        assertThat(LinearizationRemainder.maxAbs(new double[] {})).isEqualTo(0.0);
        assertThat(LinearizationRemainder.maxAbs(new double[] {-0.0, -1e-300})).isEqualTo(1e-300);
        assertThat(LinearizationRemainder.argMaxAbs(new double[] {1, -3, 3})).isEqualTo(1);
        assertThat(LinearizationRemainder.argMaxAbs(new double[] {0.5, -0.2, 0.7})).isEqualTo(2);
        assertThat(LinearizationRemainder.argMaxAbs(new double[] {-4, 1, 2})).isEqualTo(0);
        assertThat(LinearizationRemainder.argMaxAbs(new double[] {2, 2})).isEqualTo(0);
    }

    @Test
    @DisplayName("LAZY-9 remainder gradient: grad e_i(Delta) . V equals central differences of e_i (tanh, softplus, "
            + "c = -0.3)")
    void gradientAgainstFiniteDifferences() {
        RandomGenerator rng = RandomMatrices.rng(9);
        for (Activation act : new Activation[] {Activation.TANH, Activation.SOFTPLUS}) {
            LinearizationRemainder rem = remainder(act, 3, 7, -0.3, 10);
            DenseMatrix delta = RandomMatrices.gaussian(7, 3, 0.3, rng), dir = RandomMatrices.gaussian(7, 3, 1.0, rng);
            for (int i = 0; i < 3; i++) {
                DenseMatrix g = rem.gradient(delta, i);
                double dot = 0;
                for (int k = 0; k < g.size(); k++) {
                    dot += g.getFlat(k) * dir.getFlat(k);
                }
                double h = 1e-6;
                double fd = (rem.errors(delta.plusScaled(h, dir))[i] - rem.errors(delta.plusScaled(-h, dir))[i])
                        / (2 * h);
                assertThat(dot).as("%s, input %d", act, i).isCloseTo(fd, Offset.offset(1e-8));
                // twice: the cached J0^T e_i is reused and still right
                assertThat(rem.gradient(delta, i).data()).containsExactly(g.data());
            }
            assertThat(rem.gradient(DenseMatrix.zeros(7, 3), 0).frobeniusNorm()).isEqualTo(0.0);
        }
    }

    /**
     * The ascent as documented on {@link LinearizationRemainder#ascend}: start on the sphere, step η r along
     * sign(e_i*) ∇e_i* / ‖∇e_i*‖ for the worst input i*, project, accept only improvements (η ← min(2, 1.5η)),
     * otherwise η ← 0.3η; stop after {@code steps} evaluations, when η ≤ 1e-6 or the gradient vanishes.
     */
    private static LinearizationRemainder.Ascent replay(LinearizationRemainder rem, DenseMatrix start, double r,
            int steps) {
        DenseMatrix cur = start.scale(r / start.frobeniusNorm());
        double[] e = rem.errors(cur);
        double val = LinearizationRemainder.maxAbs(e), first = val, eta = 0.5;
        int evals = 1;
        while (evals < steps && eta > 1e-6) {
            int i = LinearizationRemainder.argMaxAbs(e);
            DenseMatrix g = rem.gradient(cur, i);
            double gn = g.frobeniusNorm();
            if (gn == 0) {
                break;
            }
            DenseMatrix cand = cur.plusScaled(Math.signum(e[i]) * eta * r / gn, g);
            cand = cand.scale(r / cand.frobeniusNorm());
            double[] ce = rem.errors(cand);
            evals++;
            if (LinearizationRemainder.maxAbs(ce) > val) {
                cur = cand;
                e = ce;
                val = LinearizationRemainder.maxAbs(ce);
                eta = Math.min(2.0, eta * 1.5);
            } else {
                eta *= 0.3;
            }
        }
        return new LinearizationRemainder.Ascent(cur, val, first, evals);
    }

    @Test
    @DisplayName("LAZY-9 ascent: matches the documented projected ascent step for step (tanh, relu), stays on the "
            + "sphere, never loses its start value, and improves it")
    void ascentReplayed() {
        for (Activation act : new Activation[] {Activation.TANH, Activation.RELU}) {
            LinearizationRemainder rem = remainder(act, 3, 8, -0.4, 12);
            RandomGenerator rng = RandomMatrices.rng(13);
            for (int steps : new int[] {1, 4, 25}) {
                for (double r : new double[] {0.3, 2.0}) {
                    DenseMatrix start = RandomMatrices.gaussian(8, 3, 1.0, rng);
                    LinearizationRemainder.Ascent a = rem.ascend(start, r, steps);
                    LinearizationRemainder.Ascent b = replay(rem, start, r, steps);
                    String at = act + ", steps " + steps + ", r = " + r;
                    assertThat(a.evaluations()).as(at).isEqualTo(b.evaluations()).isLessThanOrEqualTo(steps);
                    assertThat(a.value()).as(at).isEqualTo(b.value());
                    assertThat(a.startValue()).as(at).isEqualTo(b.startValue());
                    assertThat(a.delta().data()).as(at).containsExactly(b.delta().data());
                    assertThat(a.delta().frobeniusNorm()).as(at).isCloseTo(r, Offset.offset(1e-12 * r));
                    assertThat(a.value()).as(at).isEqualTo(LinearizationRemainder.maxAbs(rem.errors(a.delta())))
                            .isGreaterThanOrEqualTo(a.startValue());
                    assertThat(a.startValue()).isEqualTo(LinearizationRemainder.maxAbs(rem.errors(start.scale(
                            r / start.frobeniusNorm()))));
                    if (steps == 1) {
                        assertThat(a.evaluations()).isEqualTo(1);
                        assertThat(a.value()).isEqualTo(a.startValue());
                    }
                    if (steps == 25 && act == Activation.TANH) {
                        assertThat(a.value()).as(at).isGreaterThan(a.startValue());
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("LAZY-9 ascent, ReLU far from every kink: the remainder and its gradient vanish, so the ascent stops "
            + "after one evaluation")
    void reluAscentWithoutKinkCrossing() {
        LinearizationRemainder rem = remainder(Activation.RELU, 2, 5, 1.0, 14);
        DenseMatrix start = RandomMatrices.gaussian(5, 3, 1.0, RandomMatrices.rng(15));
        LinearizationRemainder.Ascent a = rem.ascend(start, 1e-9, 50);
        assertThat(a.evaluations()).isEqualTo(1);
        assertThat(a.value()).isCloseTo(0.0, Offset.offset(1e-14));   // round-off of a linear region
        assertThat(rem.gradient(a.delta(), 0).frobeniusNorm()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("LAZY-9 single-neuron start (tanh): the best (input, neuron, sign) by brute force of "
            + "|c s_j (sigma(z + delta) - sigma(z) - sigma'(z) delta)| with delta = +-r ||x_i||, one row along x_i, "
            + "||Delta||_F = r")
    void singleNeuronStartByBruteForce() {
        for (double c : new double[] {0.5, -0.3}) {
            int n = 3, m = 9;
            LinearizationRemainder rem = remainder(Activation.TANH, n, m, c, 16);
            DenseMatrix w0 = w0(rem, 16, n, m), x = rem.net().inputs();
            double[] s = rem.net().outerWeights();
            for (double r : new double[] {0.2, 1.5}) {
                double best = -1;
                int bi = -1, bj = -1;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        double z = 0;
                        for (int k = 0; k < 3; k++) {
                            z += w0.get(j, k) * x.get(i, k);
                        }
                        for (double dl : new double[] {r * norm(x, i), -r * norm(x, i)}) {
                            Activation t = Activation.TANH;
                            double v = Math.abs(c * s[j] * (t.value(z + dl) - t.value(z) - t.derivative(z) * dl));
                            if (v > best) {
                                best = v;
                                bi = i;
                                bj = j;
                            }
                        }
                    }
                }
                DenseMatrix d = rem.singleNeuronStart(r);
                assertThat(d.frobeniusNorm()).isCloseTo(r, Offset.offset(1e-12));
                for (int j = 0; j < m; j++) {
                    double rowNorm = Math.sqrt(d.get(j, 0) * d.get(j, 0) + d.get(j, 1) * d.get(j, 1)
                            + d.get(j, 2) * d.get(j, 2));
                    assertThat(rowNorm).as("row %d", j).isCloseTo(j == bj ? r : 0, Offset.offset(1e-12));
                }
                // the row is parallel to x_bi, and the exact remainder at x_bi is the brute-force best
                for (int k = 0; k < 3; k++) {
                    assertThat(Math.abs(d.get(bj, k))).isCloseTo(r * Math.abs(x.get(bi, k)) / norm(x, bi),
                            Offset.offset(1e-12));
                }
                assertThat(Math.abs(rem.errors(d)[bi])).isCloseTo(best, Offset.offset(1e-12));
            }
        }
    }

    @Test
    @DisplayName("LAZY-9 exact ReLU worst case: V = |c| max over inputs, signs and k of r ||x_i|| sqrt(k) - (sum of the "
            + "k smallest |z_ij| among neurons of that sign), by brute force; attained by its maximiser on the sphere")
    void reluOptimumByBruteForce() {
        for (double c : new double[] {0.5, -0.3}) {
            int n = 3, m = 10;
            LinearizationRemainder rem = remainder(Activation.RELU, n, m, c, 17);
            DenseMatrix w0 = w0(rem, 17, n, m), x = rem.net().inputs();
            double[] s = rem.net().outerWeights();
            // r = 20: every neuron of the best sign is pushed across (k = all of them)
            for (double r : new double[] {0.3, 2.0, 20.0}) {
                double best = Double.NEGATIVE_INFINITY;
                int bi = -1, bsign = 0, bk = 0;
                for (int i = 0; i < n; i++) {
                    for (int sign : new int[] {-1, 1}) {
                        double[] z = new double[m];
                        int cnt = 0;
                        for (int j = 0; j < m; j++) {
                            // the sign of e_i is the sign of c s_j for the neurons pushed across their kink
                            if (Math.signum(c * s[j]) == sign) {
                                double zz = 0;
                                for (int k = 0; k < 3; k++) {
                                    zz += w0.get(j, k) * x.get(i, k);
                                }
                                z[cnt++] = Math.abs(zz);
                            }
                        }
                        double[] sorted = Arrays.copyOf(z, cnt);
                        Arrays.sort(sorted);
                        for (int k = 1; k <= cnt; k++) {
                            double sum = 0;
                            for (int l = 0; l < k; l++) {
                                sum += sorted[l];
                            }
                            double v = Math.abs(c) * (r * norm(x, i) * Math.sqrt(k) - sum);
                            if (v > best) {
                                best = v;
                                bi = i;
                                bsign = sign;
                                bk = k;
                            }
                        }
                    }
                }
                LinearizationRemainder.ReluOptimum opt = rem.reluOptimum(r);
                String at = "c = " + c + ", r = " + r;
                assertThat(opt.value()).as(at).isCloseTo(Math.max(best, 0), Offset.offset(1e-12));
                assertThat(opt.input()).as(at).isEqualTo(bi);
                assertThat(opt.sign()).as(at).isEqualTo(bsign);
                assertThat(opt.neurons()).as(at).isEqualTo(bk);
                assertThat(opt.delta().frobeniusNorm()).as(at).isCloseTo(r, Offset.offset(1e-12));
                double[] e = rem.errors(opt.delta());
                assertThat(e[bi]).as(at).isCloseTo(bsign * opt.value(), Offset.offset(1e-12));
                assertThat(LinearizationRemainder.maxAbs(e)).as(at).isCloseTo(opt.value(), Offset.offset(1e-12));
                int nonZeroRows = 0;
                for (int j = 0; j < m; j++) {
                    if (Math.abs(d(opt.delta(), j)) > 0) {
                        nonZeroRows++;
                        assertThat(Math.signum(c * s[j])).isEqualTo(bsign);
                    }
                }
                assertThat(nonZeroRows).isEqualTo(bk);
                if (r == 20.0) {
                    assertThat(bk).as(at).isEqualTo((int) Arrays.stream(s).filter(sj -> Math.signum(c * sj) == opt.sign())
                            .count());
                }
            }
            // tiny radius: no neuron reaches its kink, so the worst case is 0 (the max with 0)
            LinearizationRemainder.ReluOptimum none = rem.reluOptimum(1e-9);
            assertThat(none.value()).isEqualTo(0.0);
            assertThat(LinearizationRemainder.maxAbs(rem.errors(none.delta()))).isCloseTo(0.0, Offset.offset(1e-14));
        }
    }

    private static double d(DenseMatrix delta, int j) {
        return Math.abs(delta.get(j, 0)) + Math.abs(delta.get(j, 1)) + Math.abs(delta.get(j, 2));
    }
}
