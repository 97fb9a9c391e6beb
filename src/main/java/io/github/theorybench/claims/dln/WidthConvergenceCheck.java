package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import java.util.ArrayList;
import java.util.List;

/**
 * DLN-2 (CLAIMS.md; 003 Theorem 4.1, Du &amp; Hu): ℓ = ½‖(m^{L−1}d_out)^{−1/2} W_L⋯W₁X − Y‖_F², all entries of the
 * W_l iid N(0, 1), gradient descent with η = d_out/(3L‖XᵀX‖₂):
 * ℓ(t) − OPT ≤ (1 − ηLλ_r(XᵀX)/(4d_out))^t (ℓ(0) − OPT), r = rank X, OPT the least-squares optimum, for m ≥ C·(…)
 * with an unspecified constant C. The check sweeps m = 2, 4, 8, … and reports the smallest width from which the
 * inequality held at every step at every larger width of the sweep (isolated passes below a failing width are
 * listed but not counted), for L ∈ {2, 3, 5}, over seeds (d_in = 10, n = 20, d_out = 2, X and Y Gaussian:
 * {@link DuHuInstance}; one run: {@link WidthRun}). Control: rate × 16 at a large width (CLAIMS.md: measured 8–10×).
 */
public final class WidthConvergenceCheck
        extends MeasuredCheck<WidthConvergenceCheck.Sizes, WidthConvergenceCheck.Measurement> {
    static final int D_IN = 10, N = 20, D_OUT = 2;

    /** Depths; seeds per depth; the largest width of the doubling sweep from m = 2; the large width. */
    public record Sizes(int[] depths, int seeds, int maxSweep, int large) {
        public Sizes {
            depths = depths.clone();
        }

        /** CLAIMS.md: L ∈ {2, 3, 5}, 5 seeds, sweep m = 2..64, control at m = 1024. */
        public static Sizes claims() {
            return new Sizes(new int[] {2, 3, 5}, 5, 64, 1024);
        }

        public static Sizes quick() {
            return new Sizes(new int[] {2, 3, 5}, 2, 32, 128);
        }
    }

    /** The doubling sweep of one (depth, seed). */
    record SeedSweep(Provenance provenance, int depth, DuHuInstance.Fit fit, List<WidthRun> runs, int maxSweep) {
        /** The smallest width where the inequality held, −1 if none. */
        int firstHeld() {
            return runs.stream().filter(WidthRun::held).mapToInt(WidthRun::m).findFirst().orElse(-1);
        }

        /** The run from which the inequality held at every larger width of the sweep, or null. */
        WidthRun heldFrom() {
            WidthRun from = null;
            for (WidthRun r : runs) {
                from = r.held() ? from == null ? r : from : null;
            }
            return from;
        }
    }

    /** The large-width run of one depth (the claim's rate and the rate × 16 control). */
    record LargeRun(Provenance provenance, int depth, WidthRun run) {
    }

    public record Measurement(Sizes sizes, List<SeedSweep> sweeps, List<LargeRun> large) {
    }

    public WidthConvergenceCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    WidthConvergenceCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("DLN-2");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "DLN-2");
        List<SeedSweep> sweeps = new ArrayList<>();
        List<LargeRun> large = new ArrayList<>();
        for (int depth : sizes.depths()) {
            for (int s = 0; s < sizes.seeds(); s++) {
                long seed = seeds.seed(s);
                DuHuInstance inst = DuHuInstance.build(seed, D_IN, N, D_OUT);
                DuHuInstance.Fit fit = inst.fit(ctx.backend());
                List<WidthRun> runs = new ArrayList<>();
                for (int m = 2; m <= sizes.maxSweep(); m *= 2) {
                    runs.add(WidthRun.measure(ctx.backend(), inst, fit, depth, m, initSeeds(seeds, depth, m).seed(s),
                            true));
                }
                SeedSweep sw = new SeedSweep(Provenance.of(seed, ctx.backend().name(), "L", depth, "d_in", D_IN,
                        "n", N, "d_out", D_OUT), depth, fit, runs, sizes.maxSweep());
                WidthRun from = sw.heldFrom();
                ctx.progress(NumberText.format("DLN-2 L=%d seed %d: held from width %d", depth, seed,
                        from == null ? -1 : from.m()));
                sweeps.add(sw);
            }
            long seed = seeds.seed(0);                   // the large width runs on the first seed's data
            DuHuInstance inst = DuHuInstance.build(seed, D_IN, N, D_OUT);
            WidthRun r = WidthRun.measure(ctx.backend(), inst, inst.fit(ctx.backend()), depth, sizes.large(),
                    initSeeds(seeds, depth, sizes.large()).seed(0), false);
            ctx.progress(NumberText.format("DLN-2 L=%d m=%d: held %s, min rate %.2fx", depth, sizes.large(),
                    r.held(), r.minRateMultiple()));
            large.add(new LargeRun(Provenance.of(seed, ctx.backend().name(), "L", depth, "m", sizes.large(), "d_in",
                    D_IN, "n", N, "d_out", D_OUT), depth, r));
        }
        return new Measurement(sizes, sweeps, large);
    }

    /** The N(0, 1) inits at depth L and width m, one per data seed. */
    static SeedStream initSeeds(SeedStream seeds, int depth, int m) {
        return seeds.child("init/L=" + depth + "/m=" + m);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (int depth : m.sizes().depths()) {
            m.sweeps().stream().filter(s -> s.depth() == depth).forEach(s -> out.add(smallestWidth(s)));
            for (LargeRun r : m.large()) {
                if (r.depth() == depth) {
                    out.add(largeWidth(r));
                    out.add(control(r));
                }
            }
        }
        return out;
    }

    private static String outcome(WidthRun r) {
        return r.held() ? "held" : "fails at t=" + r.firstFailure();
    }

    /** The smallest width of the sweep from which the inequality held at every step. */
    static Verdict smallestWidth(SeedSweep s) {
        WidthRun from = s.heldFrom();
        int first = s.firstHeld(), smallest = from == null ? -1 : from.m();
        boolean monotone = first == smallest;
        DuHuInstance.Fit fit = s.fit();
        List<String> outcomes = s.runs().stream().map(WidthConvergenceCheck::outcome).toList();
        return Verdict.builder("DLN-2").at(s.provenance()).check("smallest width (L=" + s.depth() + ")")
                .observed(smallest < 0 ? Double.NaN : smallest).bound(s.maxSweep()).holds(smallest > 0)
                .measure("eta", fit.eta(s.depth())).measure("firstHeldWidth", first)
                .measure("boundRate", fit.rate(s.depth())).measure("opt", fit.opt()).measure("rank", fit.rank())
                .measure("kappa", fit.kappa())
                .measure("slackAtSmallest", from == null ? Double.NaN : from.slack())
                .measure("minRateMultipleAtSmallest", from == null ? Double.NaN : from.minRateMultiple())
                .detail(NumberText.format("doubling sweep m = 2..%d: %s; smallest width with l(t) - OPT <= (1 - %.3g)^t"
                        + " (l(0) - OPT) at every step until round-off, at it and every larger width of the sweep: %s%s"
                        + " (constant C of the width condition unspecified; slack there %.3g, measured rate >= %.2f x"
                        + " the bound's)", s.maxSweep(), String.join(", ", outcomes), fit.rate(s.depth()),
                        smallest < 0 ? "none" : String.valueOf(smallest), monotone ? ""
                                : " (it also held at m = " + first + ", but failed at a larger width)",
                        from == null ? Double.NaN : from.slack(), from == null ? Double.NaN
                                : from.minRateMultiple())).build();
    }

    /** DLN-2's inequality at every step at the large width. */
    static Verdict largeWidth(LargeRun l) {
        WidthRun r = l.run();
        return Verdict.builder("DLN-2").at(l.provenance()).check("rate at large width (L=" + l.depth() + ")")
                .observed(r.slack()).bound(1.0).holds(r.held()).measure("minRateMultiple", r.minRateMultiple())
                .measure("checkedSteps", r.checkedSteps())
                .detail(NumberText.format("m = %d: bound held at every step up to t = %d (round-off after); slack"
                        + " over t >= 1/rate %.3g; measured rate >= %.2f x the bound's", r.m(), r.checkedSteps(),
                        r.slack(), r.minRateMultiple())).build();
    }

    /** The rate × 16 control at the large width. */
    static Verdict control(LargeRun l) {
        WidthRun r = l.run();
        return Verdict.builder("DLN-2").control().at(l.provenance()).check("control: rate x 16 (L=" + l.depth()
                + ")").observed(r.minRateMultiple()).bound(16).holds(r.control16Held())
                .detail(NumberText.format("(1 - rate)^(16 t) must fail: the measured rate is %.2f x the bound's (<"
                        + " 16)", r.minRateMultiple())).build();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<String> header = new ArrayList<>(List.of("L", "seed"));
        for (int w = 2; w <= m.sizes().maxSweep(); w *= 2) {
            header.add("m=" + w);
        }
        header.add("held from m");
        header.add("min rate / bound's there");
        List<List<String>> rows = new ArrayList<>();
        for (int depth : m.sizes().depths()) {
            for (SeedSweep s : m.sweeps()) {
                if (s.depth() != depth) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(String.valueOf(depth), String.valueOf(
                        s.provenance().seed())));
                s.runs().forEach(r -> row.add(outcome(r)));
                WidthRun from = s.heldFrom();
                row.add(from == null ? "> " + s.maxSweep() : s.firstHeld() == from.m() ? String.valueOf(from.m())
                        : from.m() + " (isolated pass at " + s.firstHeld() + ")");
                row.add(from == null ? "-" : ZeroAsymmetricDescentCheck.fmt(from.minRateMultiple()));
                rows.add(row);
            }
            for (LargeRun l : m.large()) {
                if (l.depth() == depth) {
                    List<String> row = new ArrayList<>(List.of(String.valueOf(depth), l.provenance().seed() + " (m="
                            + l.run().m() + ")"));
                    while (row.size() < header.size() - 2) {
                        row.add("");
                    }
                    row.add((l.run().held() ? "held at m=" : "FAILED at m=") + l.run().m());
                    row.add(ZeroAsymmetricDescentCheck.fmt(l.run().minRateMultiple()));
                    rows.add(row);
                }
            }
        }
        return List.of(new Table("DLN-2-widths", NumberText.format("DLN-2: smallest width m at which the Du-Hu bound"
                + " held at every step (d_in = %d, n = %d, d_out = %d)", D_IN, N, D_OUT), header, rows,
                "held = l(t) - OPT <= (1 - eta L lambda_r / (4 d_out))^t (l(0) - OPT) at every step until l - OPT"
                        + " reached round-off; 'fails at t' = first violating step; rate = min over t >= 1/rate of"
                        + " ln((l(t)-OPT)/(l(0)-OPT)) / (t ln(1 - rate))."));
    }
}
