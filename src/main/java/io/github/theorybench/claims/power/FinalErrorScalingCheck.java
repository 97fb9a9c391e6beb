package io.github.theorybench.claims.power;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.model.sensing.SensingInstance;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.FactorizedSensing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PWR-5 (002, Theorem of Xie, Stöger & Soltanolkotabi '22): asymmetric sensing as in BAL ({@link SensingInstance}:
 * d₁ = d₂ = 20, r* = 2, XYᵀ with orthonormal X, Y, L(U, V) = ½‖𝒜(UVᵀ) − y‖²), GD with step μ = 0.1 from
 * U₀ = αŪ, V₀ = αV̄. For r > r*, after convergence ‖U_TV_Tᵀ − XYᵀ‖_F/‖XYᵀ‖_F ≲ poly(d, r*, r)·α^{21/16}: the fitted
 * exponent of the final error in α over α = 1e−2 … 1e−5 must be ≥ 21/16 − {@link #TOLERANCE} where the sample-size
 * hypothesis n ≳ r*²(d₁ + d₂) holds. With r = r* the parameterization is exact and GD reaches machine precision.
 *
 * <p>Heuristic exponent (CLAIMS.md PWR-5): near U = V = 0 the ½-convention GD is [U; V] ← (I + μ Sym(Z))[U; V] with
 * Z = 𝒜*𝒜(XYᵀ) = 𝒜*(y) ∈ R^{d₁×d₂} and Sym(Z) = [[0, Z], [Zᵀ, 0]] (002, "Symmetrization I"), whose eigenvalues are
 * ±σ_k(Z). So λ_k := λ_k(Sym(Z)) = σ_k(Z). The signal (λ₁, λ₂) reaches O(1) after T ≈ ln(1/α)/ln(1 + μλ₁) steps
 * while the largest noise direction (λ₃) grows to α(1 + μλ₃)^T in each factor, so the noise in UVᵀ is
 * α^{2(1 − ln(1 + μλ₃)/ln(1 + μλ₁))}.
 *
 * <p>Stopping rule ("after convergence"): stop at the first t with L_t ≤ 1e−2·L₀ (the spectral phase is over, the
 * loss has started to fall) and ln(L_{t−10}/L_t)/10 ≤ 0.01 (the loss no longer falls geometrically: it has reached
 * its plateau or round-off; the local phase runs at 10–30% per step), with a cap of 20000 steps (recorded).
 * Past the plateau the error still creeps down (n > d₁d₂: the overparameterized part of UVᵀ is fitted slowly, faster
 * for larger α), so a fixed long T lowers the fitted exponent: the full run reports it for T = 3000 (seed 1: 1.19/1.22
 * at n = 800, 1.59/1.54 at n = 3200 for r = 8/20 — CLAIMS.md's calibrated ranges — against 1.36/1.39 and 1.71/1.69 at
 * the plateau).
 */
public final class FinalErrorScalingCheck implements ClaimCheck {
    static final double MU = 0.1;
    static final double EXPONENT = 21.0 / 16.0;
    /** Fitted exponents down to 21/16 − 0.1 count as "≲ α^{21/16}" (a 3-decade log-log fit with α-dependent phase
     * lengths is not a pure power law; PWR-1's window allows ±0.2 around 1 for the same reason). */
    static final double TOLERANCE = 0.1;
    /** The constant in n ≳ r*²(d₁ + d₂), taken as n ≥ 10·r*²(d₁ + d₂) (CLAIMS.md: not met at n = 5·r*²(d₁ + d₂)). */
    static final double SAMPLE_CONSTANT = 10;
    /** The stopping rule of the class comment. */
    static final StopRule PLATEAU = new StopRule(10, 1e-2, 1e-2, 20000);
    /** Sensitivity (full mode, reported only): a fixed T = 3000 steps, far past the plateau, as a fixed-T run would. */
    static final StopRule FIXED = new StopRule(10, Double.NEGATIVE_INFINITY, 1e-2, 3000);
    static final int D = 20;
    static final int R_STAR = 2;

    @Override
    public List<String> ids() {
        return List.of("PWR-5");
    }

    /**
     * Stop at the first t with L_t ≤ gate·L₀ and ln(L_{t−window}/L_t)/window ≤ rateTolerance, or at t = cap.
     */
    record StopRule(int window, double rateTolerance, double gate, int cap) {
        boolean plateau(double[] loss, int t) {
            return t >= window && loss[t] <= gate * loss[0] && Math.log(loss[t - window] / loss[t]) / window
                    <= rateTolerance;
        }
    }

    /** One GD run to its plateau. */
    record Run(int r, double alpha, int steps, boolean plateau, double finalError, double finalLossOverL0) {
    }

    /** Runs GD to the plateau for every (r, α), all sharing {@code base}'s operator: one batched GEMM pair a step. */
    static List<Run> descend(Backend b, SensingInstance base, int[] rs, double[] alphas, long initSeed, StopRule rule) {
        List<SensingInstance> insts = new ArrayList<>();
        for (int r : rs) {
            for (double a : alphas) {
                insts.add(base.reinitialized(r, a, initSeed + r));    // same Ū, V̄ for every α at one r: U₀ = αŪ
            }
        }
        int k = insts.size();
        DenseMatrix[] u = new DenseMatrix[k], v = new DenseMatrix[k];
        double[][] loss = new double[k][rule.cap() + 1];
        Run[] done = new Run[k];
        List<Integer> active = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            u[j] = insts.get(j).u0().copy();
            v[j] = insts.get(j).v0().copy();
            active.add(j);
        }
        FactorizedSensing.GramForm f = base.loss().gramForm(base.target());   // one GEMM with H = 𝔸ᵀ𝔸/n a step
        double targetNorm = base.target().frobeniusNorm();
        for (int t = 0; !active.isEmpty(); t++) {
            List<DenseMatrix> us = new ArrayList<>(), vs = new ArrayList<>();
            for (int j : active) {
                us.add(u[j]);
                vs.add(v[j]);
            }
            List<FactorizedSensing.Evaluation> ev = f.asymmetric(us, vs);
            List<Integer> still = new ArrayList<>();
            for (int q = 0; q < active.size(); q++) {
                int j = active.get(q);
                double l = ev.get(q).loss();
                loss[j][t] = l;
                boolean plateau = rule.plateau(loss[j], t);
                if (plateau || t == rule.cap() || !Double.isFinite(l)) {
                    DenseMatrix err = b.multiply(false, true, u[j], v[j]).toDense().plusScaled(-1, base.target());
                    done[j] = new Run(insts.get(j).r(), insts.get(j).alpha(), t, plateau,
                            err.frobeniusNorm() / targetNorm, l / loss[j][0]);
                    continue;
                }
                u[j] = u[j].plusScaled(-MU, ev.get(q).gradU());      // GD: U ← U − μ∇_U L, V ← V − μ∇_V L
                v[j] = v[j].plusScaled(-MU, ev.get(q).gradV());
                still.add(j);
            }
            active = still;
        }
        return List.of(done);
    }

    /** λ_k(Sym(Z)) = σ_k(Z), Z = 𝒜*(y) = 𝒜*𝒜(XYᵀ) (see the class comment). */
    static double[] sigmaZ(Backend b, SensingInstance inst) {
        return b.svd(inst.loss().operator().adjoint(inst.loss().labels())).s();
    }

    /** 2(1 − ln(1 + μλ₃)/ln(1 + μλ₁)) (CLAIMS.md PWR-5, with λ_k = σ_k(Z)). */
    static double heuristic(double[] s) {
        return 2 * (1 - Math.log(1 + MU * s[R_STAR]) / Math.log(1 + MU * s[0]));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        boolean quick = ctx.quick();
        return run(ctx, D, quick ? new int[] {800, 3200} : new int[] {800, 1600, 3200},
                quick ? new int[] {R_STAR, 8} : new int[] {R_STAR, 8, 20},
                quick ? new double[] {1e-2, Math.pow(10, -3.5), 1e-5}
                        : new double[] {1e-2, Math.pow(10, -2.5), 1e-3, Math.pow(10, -3.5), 1e-4, Math.pow(10, -4.5),
                                1e-5});
    }

    /**
     * The check on d × d targets over the sample sizes {@code ns}, ranks {@code rs} (containing r* and 8) and init
     * scales {@code alphas}; tests run it on small sizes. The fixed-T sensitivity runs when not quick, except n = 1600.
     */
    CheckResult run(CheckContext ctx, int d, int[] ns, int[] rs, double[] alphas) {
        Backend b = ctx.backend();
        boolean quick = ctx.quick();
        double minN = SAMPLE_CONSTANT * R_STAR * R_STAR * (d + d);
        CheckResult out = new CheckResult();
        List<List<String>> rows = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        double controlExponent = Double.NaN;
        SensingInstance controlInst = null;
        for (int n : ns) {
            SensingInstance base = SensingInstance.build(b, ctx.seed(), d, d, R_STAR, R_STAR, n, 1.0);
            double[] s = sigmaZ(b, base);
            double heur = heuristic(s);
            boolean hyp = n >= minN;
            List<Run> runs = descend(b, base, rs, alphas, ctx.seed() + 1000, PLATEAU);
            int[] over = java.util.Arrays.stream(rs).filter(r -> r > R_STAR).toArray();
            List<Run> fixed = quick || n == 1600 ? List.of() : descend(b, base, over, alphas, ctx.seed() + 1000, FIXED);
            List<Figure.Series> series = new ArrayList<>();
            for (int r : rs) {
                List<Run> mine = runs.stream().filter(x -> x.r() == r).toList();
                double[] a = mine.stream().mapToDouble(Run::alpha).toArray();
                double[] err = mine.stream().mapToDouble(Run::finalError).toArray();
                int maxSteps = mine.stream().mapToInt(Run::steps).max().orElse(0);
                boolean allPlateau = mine.stream().allMatch(Run::plateau);
                StringBuilder errs = new StringBuilder(), steps = new StringBuilder();
                for (Run x : mine) {
                    errs.append(errs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2e", x.finalError()));
                    steps.append(steps.length() == 0 ? "" : ", ").append(x.steps());
                }
                Verdict.Builder v = Verdict.builder("PWR-5").seed(ctx.seed()).backend(b.name()).size("d1", d)
                        .size("d2", d).size("rStar", R_STAR).size("r", r).size("n", n).size("mu", MU)
                        .size("alpha", String.format(Locale.ROOT, "%.0e..%.0e (%d values)", alphas[0],
                                alphas[alphas.length - 1], alphas.length))
                        .measure("lambda1", s[0]).measure("lambda2", s[1]).measure("lambda3", s[2])
                        .measure("heuristicExponent", heur).measure("maxSteps", maxSteps)
                        .measure("maxFinalError", max(err)).measure("minFinalError", min(err));
                String fitted;
                if (r == R_STAR) {
                    // exact parameterization: the error is round-off at every α, no exponent to fit
                    out.add(v.check(String.format(Locale.ROOT, "r = r*: exact parameterization, final error at machine precision, n = %d", n))
                            .kind(ClaimKind.PHENOMENON).observed(max(err)).bound(1e-12).holds(allPlateau
                                    && max(err) <= 1e-12).detail(String.format(Locale.ROOT, "r = r* = %d: GD reaches "
                                    + "relative error %.1e..%.1e at every alpha (steps %s): machine precision, not an "
                                    + "alpha power law", r, min(err), max(err), steps)).build());
                    fitted = "exact (machine precision)";
                } else {
                    LineFit fit = LineFit.logLog(a, err);
                    List<Run> fx = fixed.stream().filter(x -> x.r() == r).toList();
                    double fixedExp = fx.isEmpty() ? Double.NaN : LineFit.logLog(a,
                            fx.stream().mapToDouble(Run::finalError).toArray()).slope();
                    if (!fx.isEmpty()) {
                        v.measure("exponentAtFixedT3000", fixedExp);
                    }
                    out.add(v.check(String.format(Locale.ROOT, "final error exponent in alpha, n = %d, r = %d", n, r))
                            .observed(fit.slope()).bound(EXPONENT).slack(fit.slope() / EXPONENT)
                            .window(EXPONENT - TOLERANCE, Double.POSITIVE_INFINITY).hypothesisMet(hyp)
                            .holds(allPlateau && fit.slope() >= EXPONENT - TOLERANCE)
                            .detail(String.format(Locale.ROOT, "fitted exponent %.3f vs 21/16 = %.4f (tolerance %.2f) "
                                    + "and heuristic 2(1 - ln(1+mu l3)/ln(1+mu l1)) = %.3f (l_k = sigma_k(Z) = %.4f, "
                                    + "%.4f); n %s 10 r*^2 (d1+d2) = %.0f; final errors %s at steps %s%s", fit.slope(),
                                    EXPONENT, TOLERANCE, heur, s[0], s[2], hyp ? ">=" : "<", minN, errs, steps,
                                    allPlateau ? "" : "; some run hit the step cap")).build());
                    fitted = String.format(Locale.ROOT, "%.3f", fit.slope()) + (fx.isEmpty() ? ""
                            : String.format(Locale.ROOT, " (fixed T = 3000: %.3f)", fixedExp));
                    series.add(new Figure.Series("r = " + r, a, err, false));
                    if (n == ns[ns.length - 1] && r == 8) {
                        controlExponent = fit.slope();
                        controlInst = base;
                    }
                    if (r == 8) {
                        series.add(new Figure.Series("alpha^(21/16) reference", a,
                                LineFit.referenceLine(a, err, EXPONENT), true));
                    }
                }
                rows.add(List.of(Integer.toString(n), Integer.toString(r), String.format(Locale.ROOT, "%.4f", s[0]),
                        String.format(Locale.ROOT, "%.4f", s[2]), String.format(Locale.ROOT, "%.3f", heur), fitted,
                        hyp ? "yes" : "no", errs.toString(), steps.toString()));
            }
            figures.add(new Figure("PWR-5-final-error-n" + n, String.format(Locale.ROOT, "PWR-5: final error against "
                    + "alpha, n = %d (d1 = d2 = %d, r* = 2, mu = %.2g)", n, d, MU), "alpha", "||U_T V_T' - XY'||_F / "
                    + "||XY'||_F", true, true, series));
            ctx.progress(String.format(Locale.ROOT, "PWR-5 n = %d done", n));
        }
        // control: the exponent of no noise growth at all (α² from UVᵀ at initialization) is rejected by the same fit
        out.add(Verdict.builder("PWR-5").control().seed(ctx.seed()).backend(b.name()).size("d1", d).size("d2", d)
                .size("rStar", R_STAR).size("r", 8).size("n", ns[ns.length - 1])
                .check("control: exponent >= 2 - tolerance (no spectral-phase noise growth)")
                .observed(controlExponent).bound(2.0).window(2.0 - TOLERANCE, Double.POSITIVE_INFINITY)
                .holds(controlExponent >= 2.0 - TOLERANCE)
                .detail(String.format(Locale.ROOT, "the same fit (n = %d, r = 8) against the naive alpha^2 must fail: "
                        + "the noise grows during the spectral phase", controlInst == null ? 0 : controlInst.n()))
                .build());
        StringBuilder header = new StringBuilder();
        for (double a : alphas) {
            header.append(header.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1e", a));
        }
        out.table(new Table("PWR-5-final-error", String.format(Locale.ROOT, "PWR-5: final relative error after the "
                + "loss plateau (d1 = d2 = %d, r* = 2, mu = %.2g, seed %d; alpha = %s)", d, MU, ctx.seed(), header),
                List.of("n", "r", "lambda_1 = sigma_1(Z)", "lambda_3 = sigma_3(Z)", "heuristic exponent",
                        "fitted exponent (21/16 = 1.3125)", "n >= 10 r*^2 (d1+d2)", "final errors", "steps to plateau"),
                rows, "Stopping rule: first t with L_t <= 1e-2 L_0 and ln(L_{t-10}/L_t)/10 <= 0.01 (cap 20000). In brackets "
                        + "(full mode, n = 800 and 3200): the exponent when every run goes on to T = 3000 steps; past "
                        + "the plateau the overparameterized part of UV^T is still fitted slowly (n > d1 d2, so the "
                        + "global minimum is exact), at a rate that grows with alpha, which lowers the fitted exponent. "
                        + "Z = A*A(XY^T) = A*(y), lambda_k = k-th eigenvalue of [[0, Z], [Z^T, 0]] = sigma_k(Z)."));
        figures.forEach(out::figure);
        return out;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }
}
