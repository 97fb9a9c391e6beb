package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * DLN-2 (CLAIMS.md; 003 Theorem 4.1, Du &amp; Hu): ℓ = ½‖(m^{L−1}d_out)^{−1/2} W_L⋯W₁X − Y‖_F², all entries of the
 * W_l iid N(0, 1), gradient descent with η = d_out/(3L‖XᵀX‖₂):
 * ℓ(t) − OPT ≤ (1 − ηLλ_r(XᵀX)/(4d_out))^t (ℓ(0) − OPT), r = rank X, OPT the least-squares optimum, for m ≥ C·(…)
 * with an unspecified constant C. The check sweeps m = 2, 4, 8, … and reports the smallest width from which the
 * inequality held at every step at every larger width of the sweep (isolated passes below a failing width are
 * listed but not counted), for L ∈ {2, 3, 5}, over seeds (d_in = 10, n = 20, d_out = 2, X and Y Gaussian).
 * <p>ℓ − OPT is computed as ½‖cW_L⋯W₁X − Ŷ‖² (Ŷ = Y X⁺ X, Pythagoras: Y − Ŷ ⟂ the row space of X), which keeps its
 * relative accuracy down to round-off; checking stops once it is below the round-off floor ½(1e−13·‖Ŷ‖_F)² (the
 * output within ~100 ulps of the fit). Control: rate × 16 at a large width (CLAIMS.md: measured 8–10×).
 */
public final class WidthConvergenceCheck implements ClaimCheck {
    static final int D_IN = 10, N = 20, D_OUT = 2;
    static final double FLOOR_REL = 1e-13;
    private final int[] depths;
    private final int quickSeeds, quickMaxSweep, quickLarge;

    /** CLAIMS.md sizes: L in {2, 3, 5}; quick: 2 seeds, sweep to m = 32, large width 128. */
    public WidthConvergenceCheck() {
        this(new int[] {2, 3, 5}, 2, 32, 128);
    }

    /** Test hook: other depths and quick sizes (small instances for fast tests); full-run sizes unchanged. */
    WidthConvergenceCheck(int[] depths, int quickSeeds, int quickMaxSweep, int quickLarge) {
        this.depths = depths.clone();
        this.quickSeeds = quickSeeds;
        this.quickMaxSweep = quickMaxSweep;
        this.quickLarge = quickLarge;
    }

    @Override
    public List<String> ids() {
        return List.of("DLN-2");
    }

    /** A Du–Hu instance: X (d_in × n), Y (d_out × n), the LS fit Ŷ, OPT, η and the bound's rate. */
    record Instance(DenseMatrix x, DenseMatrix y, DenseMatrix yHat, double opt, double lambdaMax, double lambdaR,
            int rank) {
        double eta(int depth) {
            return D_OUT / (3.0 * depth * lambdaMax);              // 003 Thm 4.1: η = d_out/(3L‖XᵀX‖)
        }

        double rate(int depth) {
            return eta(depth) * depth * lambdaR / (4.0 * D_OUT);    // ηLλ_r(XᵀX)/(4 d_out)
        }
    }

    static Instance instance(Backend b, long seed) {
        RandomGenerator rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.gaussian(D_IN, N, 1.0, rng);
        DenseMatrix y = RandomMatrices.gaussian(D_OUT, N, 1.0, rng);
        double[] s = b.svd(b.adopt(x)).s();
        int rank = 0;
        for (double v : s) {
            rank += v > s[0] * 1e-12 ? 1 : 0;
        }
        // Φ̂ᵀ = argmin ‖XᵀΦᵀ − Yᵀ‖ (least squares), Ŷ = Φ̂X.
        DenseMatrix phiT = b.leastSquares(b.adopt(x.transpose()), b.adopt(y.transpose()));
        DenseMatrix yHat = b.multiply(true, false, b.adopt(phiT), b.adopt(x)).toDense();
        double opt = 0.5 * Math.pow(yHat.plusScaled(-1, y).frobeniusNorm(), 2);
        return new Instance(x, y, yHat, opt, s[0] * s[0], s[rank - 1] * s[rank - 1], rank);
    }

    /** One GD run at width m. */
    record Run(int m, boolean held, int firstFailure, int checkedSteps, double slack, double minRateMultiple,
            boolean control16Held, double excess0) {
    }

    static Run run(Backend b, Instance inst, int depth, int m, long initSeed, boolean stopAtFailure) {
        int[] dims = new int[depth + 1];
        dims[0] = D_IN;
        for (int l = 1; l < depth; l++) {
            dims[l] = m;
        }
        dims[depth] = D_OUT;
        double c = 1 / Math.sqrt(Math.pow(m, depth - 1) * D_OUT);     // (m^{L−1} d_out)^{−1/2}
        DeepLinearNet net = new DeepLinearNet(b, dims, c, inst.x(), inst.y());
        RandomGenerator rng = RandomMatrices.rng(initSeed);
        List<DenseMatrix> init = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            init.add(RandomMatrices.gaussian(dims[l], dims[l - 1], 1.0, rng));   // N(0, 1) entries
        }
        List<Matrix> w = net.adopt(init);
        double eta = inst.eta(depth);
        double logQ = Math.log1p(-inst.rate(depth));
        double oneOverRate = -1 / logQ;
        double floor = 0.5 * Math.pow(FLOOR_REL * inst.yHat().frobeniusNorm(), 2);
        double[] yh = inst.yHat().data(), yy = inst.y().data();
        double e0 = Double.NaN, slack = Double.NaN, minRate = Double.POSITIVE_INFINITY;
        boolean held = true, control = true;
        int firstFailure = -1, t = 0, checked = 0;
        int maxSteps = (int) Math.ceil(2 * oneOverRate * Math.log(1e40)); // beyond the bound reaching the floor
        for (; t <= maxSteps; t++) {
            DeepLinearNet.Forward f = net.step(w, eta);
            double excess = 0;                                        // ½‖cH_L − Ŷ‖² = ½‖E + Y − Ŷ‖²
            Matrix e = f.residual();
            for (int k = 0; k < yh.length; k++) {
                double r = e.getFlat(k) + yy[k] - yh[k];
                excess += 0.5 * r * r;
            }
            if (t == 0) {
                e0 = excess;
            }
            if (!Double.isFinite(excess) || excess > 1e12 * e0) {
                held = false;
                firstFailure = firstFailure < 0 ? t : firstFailure;
                control = false;
                break;
            }
            if (excess <= floor) {
                break;                                                // round-off: stop checking
            }
            checked = t;
            double logRatio = Math.log(excess / e0);
            boolean ok = logRatio <= t * logQ + 1e-12;
            if (!ok && firstFailure < 0) {
                firstFailure = t;
            }
            held &= ok;
            control &= logRatio <= 16 * t * logQ + 1e-12;
            if (t >= oneOverRate) {
                double sl = Math.exp(logRatio - t * logQ);
                slack = Double.isNaN(slack) ? sl : Math.max(slack, sl);
                minRate = Math.min(minRate, logRatio / (t * logQ));
            }
            if (!held && stopAtFailure && !control) {
                break;
            }
        }
        return new Run(m, held, firstFailure, checked, slack, minRate, control, e0);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Backend b = ctx.backend();
        int seeds = ctx.quick() ? quickSeeds : 5;
        int maxSweep = ctx.quick() ? quickMaxSweep : 64;
        int large = ctx.quick() ? quickLarge : 1024;
        CheckResult out = new CheckResult();
        List<String> header = new ArrayList<>(List.of("L", "seed"));
        for (int m = 2; m <= maxSweep; m *= 2) {
            header.add("m=" + m);
        }
        header.add("held from m");
        header.add("min rate / bound's there");
        List<List<String>> rows = new ArrayList<>();
        for (int depth : depths) {
            for (int s = 0; s < seeds; s++) {
                long seed = ctx.seed() * 1000 + 200 + s;
                Instance inst = instance(b, seed);
                List<String> row = new ArrayList<>(List.of(String.valueOf(depth), String.valueOf(seed)));
                // first: the smallest width where it held; smallest: the width from which it held at every larger
                // width of the sweep (the theorem's "m large enough"; an isolated pass below a failing width is luck).
                int first = -1, smallest = -1;
                Run atSmallest = null;
                for (int m = 2; m <= maxSweep; m *= 2) {
                    Run r = run(b, inst, depth, m, seed * 31 + m, true);
                    row.add(r.held() ? "held" : "fails at t=" + r.firstFailure());
                    if (r.held()) {
                        first = first < 0 ? m : first;
                        if (smallest < 0) {
                            smallest = m;
                            atSmallest = r;
                        }
                    } else {
                        smallest = -1;
                        atSmallest = null;
                    }
                }
                boolean monotone = first == smallest;
                ctx.progress(String.format(Locale.ROOT, "DLN-2 L=%d seed %d: held from width %d", depth, seed,
                        smallest));
                row.add(smallest < 0 ? "> " + maxSweep : monotone ? String.valueOf(smallest) : smallest
                        + " (isolated pass at " + first + ")");
                row.add(atSmallest == null ? "-" : fmt(atSmallest.minRateMultiple()));
                rows.add(row);
                out.add(Verdict.builder("DLN-2").seed(seed).size("L", depth).size("d_in", D_IN).size("n", N)
                        .size("d_out", D_OUT).backend(b.name()).check("smallest width (L=" + depth + ")")
                        .observed(smallest < 0 ? Double.NaN : smallest).bound(maxSweep)
                        .holds(smallest > 0).measure("eta", inst.eta(depth)).measure("first_held_width", first)
                        .measure("bound_rate", inst.rate(depth)).measure("opt", inst.opt())
                        .measure("rank", inst.rank())
                        .measure("kappa", inst.lambdaMax() / inst.lambdaR())
                        .measure("slack_at_smallest", atSmallest == null ? Double.NaN : atSmallest.slack())
                        .measure("min_rate_multiple_at_smallest", atSmallest == null ? Double.NaN
                                : atSmallest.minRateMultiple())
                        .detail(String.format(Locale.ROOT, "doubling sweep m = 2..%d: %s; smallest width with"
                                + " l(t) - OPT <= (1 - %.3g)^t (l(0) - OPT) at every step until round-off, at it and"
                                + " every larger width of the sweep: %s%s"
                                + " (constant C of the width condition unspecified; slack there %.3g, measured rate"
                                + " >= %.2f x the bound's)", maxSweep, String.join(", ", row.subList(2, row.size()
                                        - 2)), inst.rate(depth), smallest < 0 ? "none" : String.valueOf(smallest),
                                monotone ? "" : " (it also held at m = " + first + ", but failed at a larger width)",
                                atSmallest == null ? Double.NaN
                                        : atSmallest.slack(), atSmallest == null ? Double.NaN
                                                : atSmallest.minRateMultiple())).build());
            }
            // Large width: the claim and its control (rate × 16).
            long seed = ctx.seed() * 1000 + 200;
            Instance inst = instance(b, seed);
            Run r = run(b, inst, depth, large, seed * 31 + large, false);
            ctx.progress(String.format(Locale.ROOT, "DLN-2 L=%d m=%d: held %s, min rate %.2fx", depth, large,
                    r.held(), r.minRateMultiple()));
            out.add(Verdict.builder("DLN-2").seed(seed).size("L", depth).size("m", large).size("d_in", D_IN)
                    .size("n", N).size("d_out", D_OUT).backend(b.name()).check("rate at large width (L=" + depth
                            + ")").observed(r.slack()).bound(1.0).holds(r.held())
                    .measure("min_rate_multiple", r.minRateMultiple()).measure("checked_steps", r.checkedSteps())
                    .detail(String.format(Locale.ROOT, "m = %d: bound held at every step up to t = %d (round-off"
                            + " after); slack over t >= 1/rate %.3g; measured rate >= %.2f x the bound's", large,
                            r.checkedSteps(), r.slack(), r.minRateMultiple())).build());
            out.add(Verdict.builder("DLN-2").control().seed(seed).size("L", depth).size("m", large)
                    .size("d_in", D_IN).size("n", N).size("d_out", D_OUT).backend(b.name())
                    .check("control: rate x 16 (L=" + depth + ")").observed(r.minRateMultiple()).bound(16)
                    .holds(r.control16Held()).detail(String.format(Locale.ROOT, "(1 - rate)^(16 t) must fail: the"
                            + " measured rate is %.2f x the bound's (< 16)", r.minRateMultiple())).build());
            rows.add(new ArrayList<>(List.of(String.valueOf(depth), seed + " (m=" + large + ")")));
            List<String> last = rows.get(rows.size() - 1);
            while (last.size() < header.size() - 2) {
                last.add("");
            }
            last.add(r.held() ? "held at m=" + large : "FAILED at m=" + large);
            last.add(fmt(r.minRateMultiple()));
        }
        out.table(new Table("DLN-2-widths", String.format(Locale.ROOT, "DLN-2: smallest width m at which the Du-Hu"
                + " bound held at every step (d_in = %d, n = %d, d_out = %d)", D_IN, N, D_OUT), header, rows,
                "held = l(t) - OPT <= (1 - eta L lambda_r / (4 d_out))^t (l(0) - OPT) at every step until l - OPT"
                        + " reached round-off; 'fails at t' = first violating step; rate = min over t >= 1/rate of"
                        + " ln((l(t)-OPT)/(l(0)-OPT)) / (t ln(1 - rate))."));
        return out;
    }

    private static String fmt(double v) {
        return ZeroAsymmetricDescentCheck.fmt(v); // one number format for the DLN tables
    }
}
