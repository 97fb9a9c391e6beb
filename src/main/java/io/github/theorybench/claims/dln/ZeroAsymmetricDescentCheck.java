package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.Figure;
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

/**
 * DLN-1 (CLAIMS.md; 003 Theorem 4.3, Wu, Wang &amp; E): discrete gradient descent W_l ← W_l − η∂R/∂W_l on
 * R = ½‖W_L⋯W₁ − Φ‖_F² (W_l ∈ R^{d×d} for l &lt; L, W_L ∈ R^{d_y×d}) from the zero-asymmetric init W_l(0) = I (l &lt; L),
 * W_L(0) = 0, with φ = max{2‖Φ‖_F, 3/√L, 1} and η* = min{1/(4L³φ⁶), 1/(144L²φ⁴)}: R(t) ≤ (1 − η/2)^t R(0) for η ≤ η*.
 * <p>Runs η = k·η* for k ∈ {1, 10, 100, 1000} (k = 1: a 2e4-step prefix, as CLAIMS.md says; else until R ≤ 1e−6 R(0)
 * or a step cap) and checks the inequality with the run's own η at every step. Beyond the theorem, a sweep of larger
 * k finds the first multiple where the inequality fails (CLAIMS.md: 1e4–3e6×, where GD diverges).
 * Control: rate × 8, R(t) ≤ (1 − η/2)^{8t} R(0) at k = 1. It must fail at t = 1 for a reason: at the
 * zero-asymmetric init only W_L moves in the first step, W_L(1) = ηΦ, so R(1) = (1 − η)²R(0), a decay rate of
 * −2ln(1 − η) ≈ 4× the bound's −ln(1 − η/2).
 */
public final class ZeroAsymmetricDescentCheck implements ClaimCheck {
    static final double RUN_TARGET = 1e-6;
    static final int PREFIX = 20_000;
    static final int SWEEP_CAP = 20_000;
    private final int[] quickDepths;
    private final int quickCap, prefix, sweepCap;

    /** CLAIMS.md sizes: quick L = 3 with a 2e4 step cap; prefix and sweep cap 2e4 steps. */
    public ZeroAsymmetricDescentCheck() {
        this(new int[] {3}, 20_000, PREFIX, SWEEP_CAP);
    }

    /** Test hook: quick runs over other depths and step caps (small instances for fast tests); full runs unchanged. */
    ZeroAsymmetricDescentCheck(int[] quickDepths, int quickCap, int prefix, int sweepCap) {
        this.quickDepths = quickDepths.clone();
        this.quickCap = quickCap;
        this.prefix = prefix;
        this.sweepCap = sweepCap;
    }

    @Override
    public List<String> ids() {
        return List.of("DLN-1");
    }

    /** η* of 003 Theorem 4.3. */
    static double stepBound(int depth, double phiNorm) {
        double phi = Math.max(Math.max(2 * phiNorm, 3 / Math.sqrt(depth)), 1.0);
        return Math.min(1.0 / (4 * Math.pow(depth, 3) * Math.pow(phi, 6)), 1.0 / (144.0 * depth * depth
                * Math.pow(phi, 4)));
    }

    /** One GD run: the inequality at every step, slack, measured rate as a multiple of the bound's. */
    record Run(double multiple, double eta, int steps, boolean reachedTarget, boolean diverged, boolean held,
            int firstFailure, double slackAfterOneOverRate, double slackAll, double minRateMultiple,
            double finalRateMultiple, double finalRatio, boolean controlHeld, double controlSlack, double[] ts,
            double[] ratios) {
    }

    static Run run(Backend b, int depth, int d, int dy, DenseMatrix phi, double multiple, int maxSteps,
            boolean stopAtFirstFailure) {
        double etaStar = stepBound(depth, phi.frobeniusNorm());
        double eta = multiple * etaStar;
        int[] dims = new int[depth + 1];
        for (int l = 0; l < depth; l++) {
            dims[l] = d;
        }
        dims[depth] = dy;
        // R = ½‖W_L⋯W₁ I − Φ‖²: X = I, Y = Φ, c = 1 (model/DeepLinearNet).
        DeepLinearNet net = new DeepLinearNet(b, dims, 1.0, DenseMatrix.identity(d), phi);
        List<DenseMatrix> init = new ArrayList<>();
        for (int l = 1; l < depth; l++) {
            init.add(DenseMatrix.identity(d));                 // W_l(0) = I
        }
        init.add(DenseMatrix.zeros(dy, d));                    // W_L(0) = 0
        List<Matrix> w = net.adopt(init);
        double logQ = Math.log1p(-eta / 2);                    // ln(1 − η/2); NaN for η > 2 (bound vacuous: fails)
        double oneOverRate = -1 / logQ;
        double r0 = Double.NaN;
        boolean held = true, controlHeld = true, reached = false, diverged = false;
        int firstFailure = -1;
        double slackLate = Double.NaN, slackAll = 0, minRate = Double.POSITIVE_INFINITY, lastRate = Double.NaN;
        double controlSlack = 0, ratio = 1;
        List<Double> ts = new ArrayList<>(), rs = new ArrayList<>();
        int t = 0;
        int record = Math.max(1, maxSteps / 400);
        for (; t <= maxSteps; t++) {
            double r = net.forward(w).loss();
            if (t == 0) {
                r0 = r;
            }
            if (!Double.isFinite(r) || r > 1e6 * r0) {
                diverged = true;
                held = false;
                firstFailure = firstFailure < 0 ? t : firstFailure;
                break;
            }
            ratio = r / r0;
            double logBound = t * logQ;                        // ln[(1 − η/2)^t]
            double slack = Math.exp(Math.log(ratio) - logBound);
            if (t % record == 0 || t < 50) {
                ts.add((double) t);
                rs.add(ratio);
            }
            if (t >= 1) {
                boolean ok = slack <= 1 + 1e-12;
                if (!ok && firstFailure < 0) {
                    firstFailure = t;
                }
                held &= ok;
                slackAll = Math.max(slackAll, slack);
                if (t >= oneOverRate) {
                    slackLate = Double.isNaN(slackLate) ? slack : Math.max(slackLate, slack);
                }
                if (ratio > 0) {
                    lastRate = Math.log(ratio) / logBound;     // cumulative rate / bound's rate
                    minRate = Math.min(minRate, lastRate);
                }
                double cs = Math.exp(Math.log(ratio) - 8 * logBound);   // control: rate × 8
                controlHeld &= cs <= 1 + 1e-12;
                controlSlack = Math.max(controlSlack, cs);
                if (!ok && stopAtFirstFailure) {
                    break;
                }
            }
            if (ratio <= RUN_TARGET && multiple > 1) {
                reached = true;
                break;
            }
            if (t < maxSteps) {
                net.step(w, eta);
            }
        }
        if (ratio <= RUN_TARGET) {
            reached = true;
        }
        return new Run(multiple, eta, Math.min(t, maxSteps), reached, diverged, held, firstFailure, slackLate,
                slackAll, minRate, lastRate, ratio, controlHeld, controlSlack,
                ts.stream().mapToDouble(Double::doubleValue).toArray(),
                rs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Backend b = ctx.backend();
        int d = 4, dy = 3;
        int[] depths = ctx.quick() ? quickDepths : new int[] {2, 3, 5};
        double[] phiNorms = {0.5, 2.0};
        int seeds = ctx.quick() ? 1 : 2;
        int cap = ctx.quick() ? quickCap : 200_000;
        double[] multiples = {1, 10, 100, 1000};
        double[] sweep = {1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7};
        CheckResult out = new CheckResult();
        List<List<String>> rows = new ArrayList<>();
        Figure.Series[] fig = null;
        for (int depth : depths) {
            for (double pn : phiNorms) {
                for (int s = 0; s < seeds; s++) {
                    long seed = ctx.seed() * 1000 + 100 + s;
                    DenseMatrix phi = RandomMatrices.gaussian(dy, d, 1.0, RandomMatrices.rng(seed));
                    phi = phi.scale(pn / phi.frobeniusNorm());
                    double etaStar = stepBound(depth, pn);
                    for (double k : multiples) {
                        Run r = run(b, depth, d, dy, phi, k, k == 1 ? prefix : cap, false);
                        ctx.progress(String.format(Locale.ROOT, "DLN-1 L=%d |Phi|=%.1f seed %d k=%.0f: %d steps,"
                                + " R/R0 = %.3g, held %s, min rate %.2fx", depth, pn, seed, k, r.steps(),
                                r.finalRatio(), r.held(), r.minRateMultiple()));
                        String run = k == 1 ? String.format(Locale.ROOT, "%d-step prefix", prefix)
                                : r.reachedTarget() ? "until R <= 1e-6 R0" : String.format(Locale.ROOT,
                                        "%d-step prefix (cap)", r.steps());
                        String inst = String.format(Locale.ROOT, "L=%d, |Phi|_F=%.1f, eta=%.0fx bound", depth, pn, k);
                        Verdict.Builder v = base(ctx, seed, depth, d, dy).check("risk decay (" + inst + ")")
                                .hypothesisMet(k <= 1).observed(Double.isNaN(r.slackAfterOneOverRate())
                                        ? r.slackAll() : r.slackAfterOneOverRate()).bound(1.0).holds(r.held())
                                .measure("eta", r.eta()).measure("eta_bound", etaStar).measure("multiple", k)
                                .measure("steps", r.steps()).measure("final_R_over_R0", r.finalRatio())
                                .measure("min_rate_multiple", r.minRateMultiple())
                                .measure("final_rate_multiple", r.finalRateMultiple())
                                .measure("rate_multiple_of_1x_bound", r.finalRateMultiple() * k)
                                .measure("slack_over_all_t_ge_1", r.slackAll())
                                .detail(String.format(Locale.ROOT, "%s, eta = %.0f x eta* (%.3g) = %.3g: R(t) <= (1 -"
                                        + " eta/2)^t R(0) %s over %d steps (R/R0 = %.3g at the end); slack over t >="
                                        + " 1/rate %s, over t >= 1: %.3g; measured rate >= %.2f x the bound's"
                                        + " (%.2f x at the end, = %.3g x the 1x bound's rate)%s", run, k, etaStar,
                                        r.eta(), r.held() ? "held at every step" : "FAILED first at t = "
                                                + r.firstFailure(), r.steps(), r.finalRatio(),
                                        Double.isNaN(r.slackAfterOneOverRate()) ? "n/a (prefix < 1/rate)"
                                                : String.format(Locale.ROOT, "%.3g", r.slackAfterOneOverRate()),
                                        r.slackAll(), r.minRateMultiple(), r.finalRateMultiple(),
                                        r.finalRateMultiple() * k, k > 1 ? " (beyond the theorem's step size)"
                                                : ""));
                        if (k > 1) {
                            v.slack(r.slackAll());
                        }
                        out.add(v.build());
                        if (k == 1) {
                            out.add(base(ctx, seed, depth, d, dy).control().check("control: rate x 8 (" + inst + ")")
                                    .observed(r.controlSlack()).bound(1.0).holds(r.controlHeld())
                                    .detail(String.format(Locale.ROOT, "R(t) <= (1 - eta/2)^(8t) R(0): max ratio"
                                            + " %.4g; R(1) = (1 - eta)^2 R(0) is a rate of ~4x the bound's",
                                            r.controlSlack())).build());
                        }
                        rows.add(List.of(String.valueOf(depth), fmt(pn), String.valueOf(seed), fmt(k), fmt(r.eta()),
                                run, String.valueOf(r.steps()), fmt(r.finalRatio()), r.held() ? "yes" : "no",
                                fmt(r.minRateMultiple()), fmt(r.finalRateMultiple())));
                        if (depth == 3 && pn == 0.5 && s == 0 && (k == 1 || k == 100)) {
                            double[] bound = new double[r.ts().length];
                            for (int i = 0; i < bound.length; i++) {
                                bound[i] = Math.pow(1 - r.eta() / 2, r.ts()[i]);
                            }
                            Figure.Series meas = new Figure.Series(String.format(Locale.ROOT,
                                    "R(t)/R(0), eta = %.0fx bound", k), r.ts(), r.ratios(), false);
                            Figure.Series ref = new Figure.Series(String.format(Locale.ROOT,
                                    "(1 - eta/2)^t, eta = %.0fx bound", k), r.ts(), bound, true);
                            if (fig == null) {
                                fig = new Figure.Series[] {meas, ref, null, null};
                            } else {
                                fig[2] = meas;
                                fig[3] = ref;
                            }
                        }
                    }
                    // Beyond the theorem: the first multiple of eta* where the inequality fails.
                    double firstFail = Double.NaN, lastHeld = Double.NaN;
                    boolean divergedThere = false;
                    Run failed = null;
                    for (double k : sweep) {
                        Run r = run(b, depth, d, dy, phi, k, sweepCap, false);
                        if (!r.held()) {
                            firstFail = k;
                            divergedThere = r.diverged();
                            failed = r;
                            break;
                        }
                        lastHeld = k;
                    }
                    double failEta = firstFail * etaStar;
                    out.add(base(ctx, seed, depth, d, dy).kind(io.github.theorybench.claims.ClaimKind.PHENOMENON)
                            .check(String.format(Locale.ROOT, "first failing step multiple (L=%d, |Phi|_F=%.1f)",
                                    depth, pn)).hypothesisMet(false).observed(firstFail).bound(1.0)
                            .holds(true).measure("diverged_there", divergedThere ? 1 : 0)
                            .measure("eta_at_first_failure", failEta).measure("last_held_multiple", lastHeld)
                            .measure("first_failing_step", failed == null ? Double.NaN : failed.firstFailure())
                            .measure("final_R_over_R0_there", failed == null ? Double.NaN : failed.finalRatio())
                            .detail(Double.isNaN(firstFail) ? "the inequality held at every multiple up to "
                                    + fmt(sweep[sweep.length - 1]) + " x eta*"
                                    : String.format(Locale.ROOT, "the inequality first fails at %s x eta* (eta ="
                                            + " %.3g, 1 - eta/2 = %.3g%s; held at %s x), first at step t = %d;"
                                            + " GD %s there (R/R0 = %.3g after %d steps; outside the theorem's"
                                            + " hypothesis; reported, not a violation). Note R(1) = (1 - eta)^2 R(0)"
                                            + " exceeds (1 - eta/2) R(0) exactly when eta > 1.5", fmt(firstFail),
                                            failEta, 1 - failEta / 2, failEta >= 2 ? ": the bound is vacuous" : "",
                                            fmt(lastHeld), failed.firstFailure(), divergedThere ? "diverges"
                                                    : "does not diverge", failed.finalRatio(), failed.steps()))
                            .build());
                    rows.add(List.of(String.valueOf(depth), fmt(pn), String.valueOf(seed), "first failure",
                            Double.isNaN(firstFail) ? "none" : fmt(failEta), divergedThere ? "diverged"
                                    : "did not diverge", failed == null ? "" : String.valueOf(failed.steps()),
                            failed == null ? "" : fmt(failed.finalRatio()), failed == null ? ""
                                    : "no (first at t=" + failed.firstFailure() + ")", "", ""));
                }
            }
        }
        List<Figure.Series> series = new ArrayList<>();
        for (Figure.Series f : fig) {
            if (f != null) {
                series.add(f);
            }
        }
        out.figure(new Figure("DLN-1-risk", "DLN-1: R(t)/R(0) against (1 - eta/2)^t (L = 3, |Phi|_F = 0.5, d = 4)",
                "step t", "R(t)/R(0)", false, true, series));
        out.table(new Table("DLN-1-runs", "DLN-1: GD runs at multiples of the step-size bound eta*", List.of("L",
                "|Phi|_F", "seed", "eta/eta*", "eta", "run", "steps", "R/R0 at end", "bound held",
                "min rate / bound's", "final rate / bound's"), rows,
                "rate = cumulative ln(R(t)/R(0)) / (t ln(1 - eta/2)), as a multiple of the bound's rate at that eta;"
                        + " 'first failure' rows give the smallest eta (absolute) of the sweep where the inequality"
                        + " failed."));
        return out;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static Verdict.Builder base(CheckContext ctx, long seed, int depth, int d, int dy) {
        return Verdict.builder("DLN-1").seed(seed).size("L", depth).size("d", d).size("d_y", dy)
                .backend(ctx.backend().name());
    }
}
