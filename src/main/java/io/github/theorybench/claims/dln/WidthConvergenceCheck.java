package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
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
 * ℓ(t) − OPT ≤ (1 − ηLλ_r(XᵀX)/(4d_out))^t (ℓ(0) − OPT), r = rank X, OPT the least-squares optimum, for
 * m ≥ C·L·max{rκ³d_out(1 + ‖Φ‖²), …} with an unspecified constant C. On X, Y Gaussian (d_in = 10, n = 20,
 * d_out = 2: {@link DuHuInstance}; one run: {@link WidthRun}), for L ∈ {2, 3, 5} and each seed:
 * <ul>
 * <li>{@link #SMALLEST_WIDTH}: the doubling sweep m = 2, 4, 8, … stops at the first width at which the inequality
 * held at every step until ℓ − OPT reached round-off (CLAIMS.md: "the smallest width m from a doubling sweep at which
 * the inequality held"); the row holds when the sweep found one. Its hypothesis is the testable part of the theorem's
 * ({@link DuHuInstance.Fit#meetsTestableHypothesis}); the width condition itself is what the sweep measures.</li>
 * <li>{@link #LARGE_WIDTH_RATE} at m = 1024 on the first seed's data: the inequality as a rate, the smallest measured
 * rate multiple over the bound's ≥ 1 ({@link WidthRun#minRateMultiple()}); {@link #LARGE_WIDTH_RATE_X16}, control:
 * the same statistic against 16 (CLAIMS.md: the measured rate is 8–10× the bound's there).</li>
 * </ul>
 */
public final class WidthConvergenceCheck
        extends MeasuredCheck<WidthConvergenceCheck.Sizes, WidthConvergenceCheck.Measurement> {
    public static final Criterion SMALLEST_WIDTH = Criterion.claim("DLN-2", "smallestWidth");
    public static final Criterion LARGE_WIDTH_RATE = Criterion.claim("DLN-2", "rateAtLargeWidth");
    public static final Criterion LARGE_WIDTH_RATE_X16 = Criterion.control("DLN-2", "rateAtLargeWidthX16");

    static final int D_IN = 10, N = 20, D_OUT = 2;
    /** The control's rate multiple (CLAIMS.md: measured 8–10× the bound's rate at m = 1024). */
    static final double CONTROL_RATE = WidthRun.CONTROL_RATE;

    /** Depths; seeds per depth; the largest width of the doubling sweep from m = 2; the large width. */
    public record Sizes(int[] depths, int seeds, int maxSweep, int large) {
        public Sizes {
            depths = depths.clone();
        }

        /**
         * CLAIMS.md: L ∈ {2, 3, 5}, sweep from m = 2 (to 64), control at m = 1024; 20 seeds per depth, as a per-seed
         * criterion needs (Trust rule 3).
         */
        public static Sizes claims() {
            return new Sizes(new int[] {2, 3, 5}, 20, 64, 1024);
        }

        public static Sizes quick() {
            return new Sizes(new int[] {2, 3, 5}, 2, 32, 128);
        }
    }

    /** The doubling sweep of one (depth, seed), up to the first width that held. */
    record SeedSweep(Provenance provenance, int depth, DuHuInstance.Fit fit, List<WidthRun> runs, int maxSweep) {
        /** The run where the inequality first held, or null. */
        WidthRun held() {
            return runs.stream().filter(WidthRun::held).findFirst().orElse(null);
        }

        /** The smallest width where the inequality held; NaN if none of the sweep did. */
        double smallestWidth() {
            WidthRun h = held();
            return h == null ? Double.NaN : h.m();
        }

        /** The run the hypothesis is judged on: the one that held, else the last one. */
        WidthRun judged() {
            WidthRun h = held();
            return h != null ? h : runs.get(runs.size() - 1);
        }
    }

    /** The large-width run of one depth (the claim's rate and the rate × 16 control). */
    record LargeRun(Provenance provenance, int depth, DuHuInstance.Fit fit, WidthRun run) {
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
                for (int m = 2; m <= sizes.maxSweep() && (runs.isEmpty() || !runs.get(runs.size() - 1).held());
                        m *= 2) {
                    runs.add(WidthRun.measure(ctx.backend(), inst, fit, depth, m, initSeeds(seeds, depth, m).seed(s),
                            true));
                }
                SeedSweep sw = new SeedSweep(Provenance.of(seed, ctx.backend().name(), "L", depth, "d_in", D_IN,
                        "n", N, "d_out", D_OUT), depth, fit, runs, sizes.maxSweep());
                ctx.progress(NumberText.format("DLN-2 L=%d seed %d: first held at width %.0f", depth, seed,
                        sw.smallestWidth()));
                sweeps.add(sw);
            }
            long seed = seeds.seed(0);                   // the large width runs on the first seed's data
            DuHuInstance inst = DuHuInstance.build(seed, D_IN, N, D_OUT);
            WidthRun r = WidthRun.measure(ctx.backend(), inst, inst.fit(ctx.backend()), depth, sizes.large(),
                    initSeeds(seeds, depth, sizes.large()).seed(0), false);
            ctx.progress(NumberText.format("DLN-2 L=%d m=%d: held %s, min rate %.2fx", depth, sizes.large(),
                    r.held(), r.minRateMultiple()));
            large.add(new LargeRun(Provenance.of(seed, ctx.backend().name(), "L", depth, "m", sizes.large(), "d_in",
                    D_IN, "n", N, "d_out", D_OUT), depth, inst.fit(ctx.backend()), r));
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

    /** The smallest width of the sweep at which the inequality held at every step. */
    static Verdict smallestWidth(SeedSweep s) {
        WidthRun h = s.held(), judged = s.judged();
        DuHuInstance.Fit fit = s.fit();
        List<String> outcomes = s.runs().stream().map(r -> "m=" + r.m() + " " + outcome(r)).toList();
        return Verdict.builder(SMALLEST_WIDTH).at(s.provenance()).check("smallest width (L=" + s.depth() + ")")
                .hypothesisMet(fit.meetsTestableHypothesis(s.depth(), judged.m(), judged.eta(), judged.scale()))
                .observed(s.smallestWidth()).bound(s.maxSweep()).measure("eta", fit.eta(s.depth()))
                .measure("boundRate", fit.rate(s.depth())).measure("opt", fit.opt()).measure("rank", fit.rank())
                .measure("kappa", fit.kappa()).measure("widthConditionOverC", fit.widthConditionOverC(s.depth()))
                .measure("slackAtSmallest", h == null ? Double.NaN : h.slack())
                .measure("minRateMultipleAtSmallest", h == null ? Double.NaN : h.minRateMultiple())
                .detail(NumberText.format("doubling sweep from m = 2, up to the first width that held (at most %d):"
                        + " %s; l(t) - OPT <= (1 - %.3g)^t (l(0) - OPT) at every step until round-off first held at"
                        + " m = %s (slack there %.3g, smallest rate %.2f x the bound's). The width condition's"
                        + " constant C is unspecified: L r kappa^3 d_out (1 + |Phi|^2) = %.3g, so the theorem's"
                        + " m >= C x that is met at this width only for C <= %.2g", s.maxSweep(),
                        String.join(", ", outcomes), fit.rate(s.depth()), h == null ? "none" : String.valueOf(h.m()),
                        h == null ? Double.NaN : h.slack(), h == null ? Double.NaN : h.minRateMultiple(),
                        fit.widthConditionOverC(s.depth()), s.smallestWidth() / fit.widthConditionOverC(s.depth())))
                .build();
    }

    /** The rate multiple of the large-width run against {@code rate} (1: the claim; 16: its control). */
    private static Verdict.Builder rate(Criterion c, LargeRun l, double rate) {
        WidthRun r = l.run();
        return Verdict.builder(c).at(l.provenance())
                .hypothesisMet(l.fit().meetsTestableHypothesis(l.depth(), r.m(), r.eta(), r.scale()))
                .observed(r.minRateMultiple()).bound(rate).window(rate, Double.POSITIVE_INFINITY)
                .measure("minRateMultipleAfterOneOverRate", r.minRateMultipleAfterOneOverRate())
                .measure("checkedSteps", r.checkedSteps()).measure("slackAfterOneOverRate", r.slack());
    }

    /** DLN-2's inequality at every step at the large width, as a rate. */
    static Verdict largeWidth(LargeRun l) {
        WidthRun r = l.run();
        return rate(LARGE_WIDTH_RATE, l, 1.0).check("rate at large width (L=" + l.depth() + ")").slack(r.slack())
                .measure("widthConditionOverC", l.fit().widthConditionOverC(l.depth()))
                .detail(NumberText.format("m = %d: l(t) - OPT <= (1 - %.3g)^t (l(0) - OPT) %s up to t = %d (round-off"
                        + " after): smallest rate over t >= 1 %.3f x the bound's (over t >= 1/rate: %.3f); slack over"
                        + " t >= 1/rate %.3g", r.m(), l.fit().rate(l.depth()), r.held() ? "at every step"
                                : "FAILED first at t = " + r.firstFailure(), r.checkedSteps(), r.minRateMultiple(),
                        r.minRateMultipleAfterOneOverRate(), r.slack())).build();
    }

    /** The rate × 16 control at the large width: the same statistic against 16. */
    static Verdict control(LargeRun l) {
        WidthRun r = l.run();
        return rate(LARGE_WIDTH_RATE_X16, l, CONTROL_RATE).check("control: rate x 16 (L=" + l.depth() + ")")
                .detail(NumberText.format("(1 - rate)^(16 t) at every step needs a rate multiple >= 16: the smallest"
                        + " measured is %.3f x the bound's (CLAIMS.md: 8-10 x at m = 1024)", r.minRateMultiple()))
                .build();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<String> header = new ArrayList<>(List.of("L", "seed"));
        for (int w = 2; w <= m.sizes().maxSweep(); w *= 2) {
            header.add("m=" + w);
        }
        header.add("first held at m");
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
                while (row.size() < header.size() - 2) {
                    row.add("");
                }
                WidthRun h = s.held();
                row.add(h == null ? "> " + s.maxSweep() : String.valueOf(h.m()));
                row.add(h == null ? "-" : ZeroAsymmetricDescentCheck.fmt(h.minRateMultiple()));
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
                        + " reached round-off; 'fails at t' = first violating step; the sweep stops at the first width"
                        + " that held; rate = min over t >= 1 of ln((l(t)-OPT)/(l(0)-OPT)) / (t ln(1 - rate))."));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<Figure.Series> widths = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (int w = 2; w <= m.sizes().maxSweep(); w *= 2) {
            ms.add((double) w);
        }
        double[] x = ms.stream().mapToDouble(Double::doubleValue).toArray();
        for (int depth : m.sizes().depths()) {
            double[] count = new double[x.length];
            for (SeedSweep s : m.sweeps()) {
                for (int i = 0; i < x.length; i++) {
                    count[i] += s.depth() == depth && s.smallestWidth() == x[i] ? 1 : 0;
                }
            }
            widths.add(new Figure.Series("L = " + depth, x, count, false));
        }
        List<Figure.Series> decay = new ArrayList<>();
        double tMax = 1;
        double rate = Double.NaN;
        for (LargeRun l : m.large()) {
            decay.add(new Figure.Series("L = " + l.depth() + ", m = " + l.run().m(), l.run().ts(), l.run().ratios(),
                    false));
            tMax = Math.max(tMax, l.run().checkedSteps());
            rate = l.fit().rate(l.depth());                  // ηLλ_r/(4d_out) = λ_r/(12λ_max): the same for every L
        }
        double[] ts = {0, tMax};
        decay.add(new Figure.Series("bound (1 - rate)^t", ts, new double[] {1, Math.pow(1 - rate, tMax)}, true));
        double q16 = Math.pow(1 - rate, CONTROL_RATE * tMax);
        decay.add(new Figure.Series("control (1 - rate)^(16 t)", ts, new double[] {1, Math.max(q16, 1e-300)}, true));
        return List.of(new Figure("DLN-2-smallest-width", "DLN-2: smallest width of the doubling sweep at which the"
                + " Du-Hu bound held at every step", "width m", "seeds", true, false, widths),
                new Figure("DLN-2-large-width", "DLN-2: (l(t) - OPT)/(l(0) - OPT) at the large width against the"
                        + " bound and the rate x 16 control", "step t", "(l(t) - OPT)/(l(0) - OPT)", false, true,
                        decay));
    }
}
