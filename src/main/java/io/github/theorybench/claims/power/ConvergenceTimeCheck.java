package io.github.theorybench.claims.power;

import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.FactorizedSensing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * PWR-6 (002, "How does more overparameterization help?"): on PWR-1..4's symmetric instance
 * ({@link SymmetricSensingInstance}: d = 30, r* = 2, n = 2000, L(U) = ¼‖𝒜(UUᵀ) − y‖², GD with μ = 0.1 from U₀ = αŪ,
 * Ū iid N(0, 1) with r columns), the iterations T to reach L_T ≤ 1e−3·L₀, split into the spectral phase
 * t ≤ t_spec (t_spec = first t with ‖U_tU_tᵀ‖₂ ≥ 0.01‖XXᵀ‖₂, as in PWR-1..4) and the rest, for r ∈ {r*, 4r*, 10r*}.
 * Medians over init seeds. Asserted (CLAIMS.md): T(4r*)/T(10r*) ∈ [0.8, 1.25]. Control: the same agreement test
 * between r* and 4r* must fail (calibrated ratio ≈ 2.5).
 *
 * <p>α = 1e−3 is the asserted init scale (BAL's stable run; the middle of PWR-5's range); the full run also reports
 * α = 1e−2 and 1e−6. Measured (seed 1): T(r*)/T(4r*) = 1.26 at α = 1e−3 (1.39 at 1e−2, 1.14 at 1e−6; 1.15 at
 * α = 1e−3 on instance seed 2) — r* is slower on every init seed, but far less than the calibrated 2.5×, so the
 * control bites only narrowly here (a finding, not tuned away).
 */
public final class ConvergenceTimeCheck implements ClaimCheck {
    static final double MU = PowerMethodCheck.MU;
    static final double ALPHA = 1e-3;
    static final double LOSS_FRACTION = 1e-3;
    static final double LOW = 0.8;
    static final double HIGH = 1.25;
    static final int CAP = 20000;

    @Override
    public List<String> ids() {
        return List.of("PWR-6");
    }

    /** One run: spectral phase length, total iterations to L ≤ 1e−3 L₀ (−1 if the cap was hit). */
    record Run(int r, long initSeed, int tSpec, int total) {
    }

    /** GD for every (r, init seed) at once on the instance's Gram form (one GEMM with H a step). */
    static List<Run> descend(Backend b, SymmetricSensingInstance inst, int[] rs, long[] initSeeds, double alpha) {
        FactorizedSensing.GramForm f = inst.loss().gramForm(inst.target());
        List<int[]> keys = new ArrayList<>();
        List<DenseMatrix> u = new ArrayList<>();
        for (int r : rs) {
            for (long s : initSeeds) {
                keys.add(new int[] {r, (int) s});
                u.add(RandomMatrices.gaussian(inst.d(), r, 1, RandomMatrices.rng(s)).scale(alpha));
            }
        }
        int k = keys.size();
        double targetNorm = inst.targetEigen().max();
        int[] tSpec = new int[k], total = new int[k];
        Arrays.fill(tSpec, -1);
        Arrays.fill(total, -1);
        double[] loss0 = new double[k];
        List<Integer> active = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            active.add(j);
        }
        for (int t = 0; t <= CAP && !active.isEmpty(); t++) {
            List<DenseMatrix> us = new ArrayList<>();
            for (int j : active) {
                us.add(u.get(j));
            }
            List<FactorizedSensing.Evaluation> ev = f.symmetric(us);
            List<Integer> still = new ArrayList<>();
            for (int q = 0; q < active.size(); q++) {
                int j = active.get(q);
                double l = ev.get(q).loss();
                if (t == 0) {
                    loss0[j] = l;
                }
                if (tSpec[j] < 0) {
                    double s = b.svd(u.get(j)).max();
                    if (s * s >= 0.01 * targetNorm) {              // ‖UUᵀ‖₂ = σ_max(U)²
                        tSpec[j] = t;
                    }
                }
                if (l <= LOSS_FRACTION * loss0[j]) {
                    total[j] = t;
                    continue;
                }
                u.set(j, u.get(j).plusScaled(-MU, ev.get(q).gradU()));  // GD: U ← U − μ∇L
                still.add(j);
            }
            active = still;
        }
        List<Run> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            out.add(new Run(keys.get(j)[0], keys.get(j)[1], tSpec[j], total[j]));
        }
        return out;
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Medians per r of one α's runs: total, spectral phase, rest, and the per-seed range of the total. */
    record Summary(double alpha, double[] total, double[] spectral, double[] rest, double[] minTotal,
            double[] maxTotal, boolean reached) {
    }

    static Summary summarize(List<Run> runs, int[] rs, double alpha) {
        int m = rs.length;
        double[] tot = new double[m], spec = new double[m], rest = new double[m], lo = new double[m], hi = new double[m];
        boolean reached = true;
        for (int i = 0; i < m; i++) {
            int r = rs[i];
            List<Run> mine = runs.stream().filter(x -> x.r() == r).toList();
            reached &= mine.stream().allMatch(x -> x.total() >= 0 && x.tSpec() >= 0);
            double[] t = mine.stream().mapToDouble(Run::total).toArray();
            tot[i] = median(t);
            spec[i] = median(mine.stream().mapToDouble(Run::tSpec).toArray());
            rest[i] = median(mine.stream().mapToDouble(x -> x.total() - x.tSpec()).toArray());
            lo[i] = Arrays.stream(t).min().orElse(Double.NaN);
            hi[i] = Arrays.stream(t).max().orElse(Double.NaN);
        }
        return new Summary(alpha, tot, spec, rest, lo, hi, reached);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return run(ctx, 30, 2000);
    }

    /** The check on a d × d target with n measurements; tests run it on small sizes. */
    CheckResult run(CheckContext ctx, int d, int n) {
        Backend b = ctx.backend();
        int rStar = 2;
        int seeds = ctx.quick() ? 3 : 9;
        long[] initSeeds = new long[seeds];
        for (int s = 0; s < seeds; s++) {
            initSeeds[s] = ctx.seed() + 200 + s;
        }
        int[] rs = {rStar, 4 * rStar, 10 * rStar};
        SymmetricSensingInstance inst = SymmetricSensingInstance.build(b, ctx.seed(), d, rStar, n);
        // the asserted α, then (full mode, reported only) a larger and a smaller one
        double[] alphas = ctx.quick() ? new double[] {ALPHA} : new double[] {ALPHA, 1e-2, 1e-6};
        List<Summary> sums = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (double a : alphas) {
            List<Run> runs = descend(b, inst, rs, initSeeds, a);
            Summary sm = summarize(runs, rs, a);
            sums.add(sm);
            for (int i = 0; i < rs.length; i++) {
                rows.add(List.of(String.format(Locale.ROOT, "%.0e%s", a, a == ALPHA ? " (asserted)" : ""),
                        String.format(Locale.ROOT, "%d (%d r*)", rs[i], rs[i] / rStar),
                        String.format(Locale.ROOT, "%.0f", sm.spectral()[i]),
                        String.format(Locale.ROOT, "%.0f", sm.rest()[i]),
                        String.format(Locale.ROOT, "%.0f", sm.total()[i]),
                        String.format(Locale.ROOT, "%.0f..%.0f", sm.minTotal()[i], sm.maxTotal()[i]),
                        String.format(Locale.ROOT, "%.2f", sm.total()[i] / sm.total()[1])));
            }
            ctx.progress(String.format(Locale.ROOT, "PWR-6 alpha %.0e: median T = %.0f, %.0f, %.0f", a, sm.total()[0],
                    sm.total()[1], sm.total()[2]));
        }
        Summary main = sums.get(0);
        double[] medTotal = main.total(), medSpec = main.spectral();
        CheckResult out = new CheckResult();
        double ratio = medTotal[1] / medTotal[2], control = medTotal[0] / medTotal[1];
        StringBuilder other = new StringBuilder();
        for (Summary sm : sums.subList(1, sums.size())) {
            other.append(String.format(Locale.ROOT, "; alpha %.0e: T(4r*)/T(10r*) = %.2f, T(r*)/T(4r*) = %.2f",
                    sm.alpha(), sm.total()[1] / sm.total()[2], sm.total()[0] / sm.total()[1]));
        }
        out.add(base(inst, ctx, seeds).check("T(4 r*) / T(10 r*) within [0.8, 1.25]").observed(ratio).bound(1.0)
                .slack(ratio).holds(main.reached() && ratio >= LOW && ratio <= HIGH).window(LOW, HIGH)
                .measure("medianTotal_r2", medTotal[0]).measure("medianTotal_r8", medTotal[1])
                .measure("medianTotal_r20", medTotal[2]).measure("medianSpectral_r2", medSpec[0])
                .measure("medianSpectral_r8", medSpec[1]).measure("medianSpectral_r20", medSpec[2])
                .measure("ratioRStarOver4RStar", control)
                .detail(String.format(Locale.ROOT, "median iterations to L <= 1e-3 L0 over %d init seeds, alpha = %.0e: "
                        + "r = 2: %.0f (spectral %.0f), r = 8: %.0f (%.0f), r = 20: %.0f (%.0f); T(r*)/T(4r*) = %.2f "
                        + "(calibrated 2.5)%s", seeds, ALPHA, medTotal[0], medSpec[0], medTotal[1], medSpec[1],
                        medTotal[2], medSpec[2], control, other)).build());
        out.add(base(inst, ctx, seeds).control().check("control: T(r*) / T(4 r*) within [0.8, 1.25]").observed(control)
                .bound(1.0).slack(control).window(LOW, HIGH)
                .measure("minTotal_r2", main.minTotal()[0]).measure("maxTotal_r8", main.maxTotal()[1])
                .detail(String.format(Locale.ROOT, "the same agreement test between r = r* and 4r*: ratio %.2f "
                        + "(calibrated 2.5; here r* is slower on every seed, %.0f..%.0f vs %.0f..%.0f iterations, but "
                        + "only by this factor)", control, main.minTotal()[0], main.maxTotal()[0], main.minTotal()[1],
                        main.maxTotal()[1])).build());
        out.table(new Table("PWR-6-convergence-time", String.format(Locale.ROOT, "PWR-6: iterations to L_T <= 1e-3 L_0 "
                + "(symmetric, d = %d, n = %d, r* = 2, mu = %.2g; medians over %d init seeds, instance seed %d)", d, n, MU,
                seeds, ctx.seed()), List.of("alpha", "r", "spectral phase t_spec", "rest T - t_spec", "total T",
                        "total T range over seeds", "T / T(4 r*)"), rows,
                "t_spec = first t with ||U_t U_t^T||_2 >= 0.01 ||XX^T||_2; the rest is saddle avoidance + local "
                        + "convergence. Only alpha = 1e-3 is asserted."));
        return out;
    }

    static Verdict.Builder base(SymmetricSensingInstance inst, CheckContext ctx, int seeds) {
        return Verdict.builder("PWR-6").seed(inst.seed()).backend(ctx.backend().name()).size("d", inst.d())
                .size("rStar", inst.rStar()).size("n", inst.n()).size("mu", MU).size("alpha", ALPHA)
                .size("initSeeds", seeds).size("r", "2, 8, 20");
    }
}
