package io.github.theorybench.model;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import java.util.Arrays;

/**
 * LAZY-9 (000, "Linearization in Deep Learning": f_θ ≈ f₀ + ∇f(θ₀)ᵀ(θ − θ₀) + O(‖θ − θ₀‖²)): the remainder
 * e(Δ) = f(W₀ + Δ) − f(W₀) − J₀Δ of a fixed-sign net f = c Σ_j s_j σ(w_jᵀx) at its n inputs, with J₀Δ in structured
 * form ((X Δᵀ) ⊙ D₀) 1 (one GEMM over all points, {@link TwoLayerKernels#jvpStructured}), its gradient, and a
 * projected gradient ascent of max_i |e_i(Δ)| on the sphere ‖Δ‖_F = r.
 */
public final class LinearizationRemainder {
    private final TwoLayerNet net;
    private final Backend b;
    private final DenseMatrix w0;
    private final Matrix x;
    private final Matrix d0;
    private final Matrix ones;
    private final Matrix scratch;
    private final Matrix jvp;
    private final double[] f0;
    private final DenseMatrix[] g0;
    private DenseMatrix z0;

    public LinearizationRemainder(TwoLayerNet net, DenseMatrix w0) {
        if (net.trainsOuter()) {
            throw new IllegalArgumentException("LAZY-9 remainder: first layer only (fixed signs)");
        }
        this.net = net;
        this.b = net.backend();
        this.w0 = w0;
        this.x = b.adopt(net.inputs());
        this.d0 = net.structuredFactor(w0);                  // D₀ = c s ⊙ σ′(X W₀ᵀ)
        double[] o = new double[net.m()];
        Arrays.fill(o, 1.0);
        this.ones = b.adopt(DenseMatrix.columnVector(o));
        this.scratch = b.zeros(net.n(), net.m());
        this.jvp = b.zeros(net.n(), 1);
        this.f0 = net.predictions(w0);
        this.g0 = new DenseMatrix[net.n()];
    }

    public TwoLayerNet net() {
        return net;
    }

    /** J₀Δ at every input (structured, see class comment). */
    public double[] jvp(DenseMatrix delta) {
        TwoLayerKernels.jvpStructured(b, d0, x, b.adopt(delta), scratch, ones, jvp);
        return jvp.toDense().data().clone();
    }

    /** e_i(Δ) = f(W₀ + Δ)(x_i) − f(W₀)(x_i) − (J₀Δ)_i for every input i. */
    public double[] errors(DenseMatrix delta) {
        double[] f = net.predictions(w0.plusScaled(1.0, delta));
        double[] jv = jvp(delta);
        double[] e = new double[f.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = f[i] - f0[i] - jv[i];
        }
        return e;
    }

    public static double maxAbs(double[] e) {
        double s = 0;
        for (double v : e) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }

    public static int argMaxAbs(double[] e) {
        int k = 0;
        for (int i = 1; i < e.length; i++) {
            if (Math.abs(e[i]) > Math.abs(e[k])) {
                k = i;
            }
        }
        return k;
    }

    private static double[] unit(int n, int i) {
        double[] c = new double[n];
        c[i] = 1.0;
        return c;
    }

    /** ∇_Δ e_i(Δ) = J_{W₀+Δ}ᵀ e_i − J₀ᵀ e_i (m × d): two structured gradients (D ⊙ r)ᵀ X. */
    public DenseMatrix gradient(DenseMatrix delta, int i) {
        int m = net.m(), d = net.d();
        if (g0[i] == null) {
            g0[i] = DenseMatrix.wrap(m, d, net.gradientStructured(w0, unit(net.n(), i)));
        }
        DenseMatrix g = DenseMatrix.wrap(m, d, net.gradientStructured(w0.plusScaled(1.0, delta), unit(net.n(), i)));
        return g.plusScaled(-1.0, g0[i]);
    }

    /** The best point of an ascent: max_i |e_i(Δ)| at ‖Δ‖_F = r, and how many evaluations it took. */
    public record Ascent(DenseMatrix delta, double value, double startValue, int evaluations) {
    }

    /**
     * Projected gradient ascent of F(Δ) = max_i |e_i(Δ)| on the sphere ‖Δ‖_F = r from {@code start} (rescaled onto
     * the sphere): step along the (sub)gradient sign(e_i*)∇e_i* of the current worst input i*, normalised to length
     * η r, project back onto the sphere; accept only improving steps (η × 1.5), otherwise shrink η × 0.3. Returns the
     * best point seen ({@code steps} evaluations at most).
     */
    public Ascent ascend(DenseMatrix start, double r, int steps) {
        DenseMatrix cur = start.scale(r / start.frobeniusNorm());
        double[] e = errors(cur);
        double val = maxAbs(e), startValue = val;
        double eta = 0.5;
        int evals = 1;
        while (evals < steps && eta > 1e-6) {
            int i = argMaxAbs(e);
            DenseMatrix g = gradient(cur, i);
            double gn = g.frobeniusNorm();
            if (gn == 0 || !Double.isFinite(gn)) {
                break;                                      // ReLU: no neuron crosses its kink; nothing to follow
            }
            DenseMatrix cand = cur.plusScaled(Math.signum(e[i]) * eta * r / gn, g);
            cand = cand.scale(r / cand.frobeniusNorm());
            double[] ce = errors(cand);
            evals++;
            double cv = maxAbs(ce);
            if (cv > val) {
                cur = cand;
                e = ce;
                val = cv;
                eta = Math.min(2.0, eta * 1.5);
            } else {
                eta *= 0.3;
            }
        }
        return new Ascent(cur, val, startValue, evals);
    }

    /** Pre-activations Z₀ = X W₀ᵀ (n × m), computed once. */
    private DenseMatrix z0() {
        if (z0 == null) {
            Matrix p = b.zeros(net.n(), net.m());
            TwoLayerKernels.preactivations(b, x, b.adopt(w0), p);
            z0 = p.toDense();
        }
        return z0;
    }

    private double inputNorm(int i) {
        double s = 0;
        for (int k = 0; k < net.d(); k++) {
            double v = net.inputs().get(i, k);
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Δ with one non-zero row j equal to (δ/‖x_i‖²) x_i: moves w_jᵀx_i by δ, ‖Δ‖_F = |δ|/‖x_i‖. */
    private DenseMatrix alongInput(int i, int[] rows, double[] shifts) {
        DenseMatrix delta = DenseMatrix.zeros(net.m(), net.d());
        double nx2 = inputNorm(i) * inputNorm(i);
        for (int t = 0; t < rows.length; t++) {
            for (int k = 0; k < net.d(); k++) {
                delta.set(rows[t], k, shifts[t] * net.inputs().get(i, k) / nx2);
            }
        }
        return delta;
    }

    /**
     * A structured start for the ascent (smooth σ): the whole radius in one neuron, along one input — the maximiser of
     * the second-order term c Σ_j s_j σ″(z_ij)(Δ_jᵀx_i)²/2 on the sphere is a single neuron at the largest |σ″(z_ij)|.
     * Searches all (i, j) with w_jᵀx_i moved by ±r‖x_i‖ for the largest exact remainder |c s_j (σ(z+δ) − σ(z) − σ′(z)δ)|.
     */
    public DenseMatrix singleNeuronStart(double r) {
        Activation act = net.activation();
        DenseMatrix z = z0();
        double c = net.outputScale();
        double[] s = net.outerWeights();
        double best = -1;
        int bi = 0, bj = 0;
        double bShift = r;
        for (int i = 0; i < net.n(); i++) {
            double reach = reach(r, i);
            for (int j = 0; j < net.m(); j++) {
                double zz = z.get(i, j);
                for (double dl : new double[] {reach, -reach}) {
                    double v = Math.abs(c * s[j] * (act.value(zz + dl) - act.value(zz) - act.derivative(zz) * dl));
                    if (v > best) {
                        best = v;
                        bi = i;
                        bj = j;
                        bShift = dl;
                    }
                }
            }
        }
        return alongInput(bi, new int[] {bj}, new double[] {bShift});
    }

    private double reach(double r, int i) {
        return r * inputNorm(i);
    }

    /** The exact worst case for ReLU and its maximiser (see {@link #reluOptimum}). */
    public record ReluOptimum(double value, int input, int sign, int neurons, DenseMatrix delta) {
    }

    /**
     * ReLU: the exact max over ‖Δ‖_F = r of max_i |e_i(Δ)|. For input x_i, neuron j contributes c s_j g_j with
     * g_j = relu(z+δ) − relu(z) − 1[z>0]δ = max(0, −sign(z)δ − |z|) ≥ 0 (δ = Δ_jᵀx_i, |δ| ≤ ‖Δ_j‖‖x_i‖), so the
     * sign of e_i is the sign of the s_j that are spent on; for a set A of k neurons the best budget split is equal,
     * giving c (r‖x_i‖√k − Σ_A|z_j|), maximised by the k smallest |z_ij| among neurons of that sign:
     * V = c max_k [r‖x_i‖√k − Σ_{l≤k} |z|_(l)]. This is the r^{4/3} m^{−1/6} construction of CLAIMS.md LAZY-9
     * (k ≈ (r m)^{2/3} neurons within ≈ r/√k of their kink).
     */
    public ReluOptimum reluOptimum(double r) {
        if (net.activation() != Activation.RELU) {
            throw new IllegalStateException("reluOptimum needs ReLU, got " + net.activation());
        }
        DenseMatrix z = z0();
        double[] s = net.outerWeights();
        double c = Math.abs(net.outputScale());
        double best = -1;
        int bi = 0, bsign = 1, bk = 0;
        for (int i = 0; i < net.n(); i++) {
            double reach = reach(r, i);
            for (int sign = -1; sign <= 1; sign += 2) {
                double[] a = new double[net.m()];
                int cnt = 0;
                for (int j = 0; j < net.m(); j++) {
                    if (s[j] * Math.signum(net.outputScale()) == sign) {
                        a[cnt++] = Math.abs(z.get(i, j));
                    }
                }
                a = Arrays.copyOf(a, cnt);
                Arrays.sort(a);
                double sum = 0;
                for (int k = 1; k <= cnt; k++) {
                    sum += a[k - 1];
                    double v = c * (reach * Math.sqrt(k) - sum);
                    if (v > best) {
                        best = v;
                        bi = i;
                        bsign = sign;
                        bk = k;
                    }
                }
            }
        }
        // the maximiser: the bk neurons of sign bsign nearest their kink at x_bi, each pushed across by reach/√bk
        double reach = reach(r, bi);
        Integer[] idx = new Integer[net.m()];
        int cnt = 0;
        for (int j = 0; j < net.m(); j++) {
            if (s[j] * Math.signum(net.outputScale()) == bsign) {
                idx[cnt++] = j;
            }
        }
        Integer[] chosen = Arrays.copyOf(idx, cnt);
        final int row = bi;
        Arrays.sort(chosen, (p, q) -> Double.compare(Math.abs(z.get(row, p)), Math.abs(z.get(row, q))));
        int[] rows = new int[bk];
        double[] shifts = new double[bk];
        for (int t = 0; t < bk; t++) {
            rows[t] = chosen[t];
            shifts[t] = -Math.signum(z.get(bi, chosen[t])) * reach / Math.sqrt(bk);
        }
        return new ReluOptimum(Math.max(best, 0), bi, bsign, bk, alongInput(bi, rows, shifts));
    }
}
