package io.github.theorybench.claims.power;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.Quantiles;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * PWR-7 (002, "Spectral phase needs t⋆ ≃ (1/μ) ln(2n/r) iterations (U_t ≈ (I + μZ)^t U₀)"; CLAIMS.md PWR-7): the steps
 * of the spectral phase's power iterates (I + μZ)^t U₀ to alignment (largest principal angle to Z's top-r* eigenspace
 * ≤ 0.1, {@link AlignmentRuns}) fall linearly in ln r, r = 2 … 60, with slope within 20% of 1/ln(1 + μλ_{r*}(Z)) (median
 * steps over inits; d = 30, r* = 2, μ = 0.1, n = 2000, XXᵀ eigenvalues 1, 0.33 so that λ_{r*}(Z) ≈ 0.40 as in CLAIMS.md's
 * calibration). The notes' printed 1/μ is checked by the same fit (an erratum: the notes assume κ ≍ 1, λ_{r*} ≈ 1).
 * Control: rank-r* inits G·R (r columns, r* directions), where the ln r gain has no source: slope ≈ 0. Exploratory: the
 * same fit on the family's instance (eigenvalues 1, 0.8), with the rate 1/(2 ln(1/q)), q = (1 + μλ_{r*+1})/(1 + μλ_{r*}),
 * that the power method gives: sin θ_t ≈ √(d/r)·q^t, so t(0.1) = [ln 10 + ½ ln(d/r)]/ln(1/q).
 */
public final class AlignmentTimeCheck extends MeasuredCheck<AlignmentTimeCheck.Sizes, AlignmentTimeCheck.Measurement> {
    public static final Criterion STEPS_SLOPE = Criterion.claim("PWR-7", "alignmentStepsSlope");
    public static final Criterion STEPS_SLOPE_PRINTED = Criterion.claim("PWR-7", "alignmentStepsSlopePrintedRate");
    public static final Criterion STEPS_SLOPE_LOW_RANK = Criterion.control("PWR-7", "alignmentStepsSlopeRankRStarInit");
    public static final Criterion STEPS_SLOPE_FAMILY = Criterion.exploratory("PWR-7",
            "alignmentStepsSlopeFamilyInstance");

    static final double MU = 0.1;
    static final int R_STAR = 2;
    /** Alignment: the largest principal angle ≤ 0.1 (radians). */
    static final double ANGLE = 0.1;
    /** CLAIMS.md PWR-7: slope within 20%. */
    static final double LOW = 0.8;
    static final double HIGH = 1.2;
    static final int CAP = 5000;
    /**
     * Target eigenvalues with λ_{r*}(Z) ≈ 0.40 at n = 2000, d = 30 (CLAIMS.md's calibration instance states λ_{r*}(Z),
     * not λ_{r*}(XXᵀ)): the sampling noise lifts λ₂(Z) by ~0.07 above λ₂(XXᵀ). XXᵀ's 0.4 gave λ₂(Z) ≈ 0.47 and
     * slopes 0.74–1.09 × 1/ln(1 + μλ₂) over seeds 1–20 (16/20 in the window, 15 inits); 0.33 gives 0.80–1.14 (19/20).
     */
    static final double[] EIGENVALUES = {1.0, 0.33};

    /** Dimension, measurements, inits per r, and the ranks r. */
    public record Sizes(int d, int n, int inits, List<Integer> ranks) {
        /** CLAIMS.md PWR-7: d = 30, r = 2 … 60. */
        public static Sizes claims() {
            return new Sizes(30, 2000, 25, List.of(2, 4, 8, 16, 30, 60));
        }

        public static Sizes quick() {
            return new Sizes(30, 2000, 7, List.of(2, 4, 8, 16, 30, 60));
        }
    }

    /**
     * One instance's steps to alignment.
     *
     * @param provenance seed and sizes
     * @param eigenvalues XXᵀ's nominal eigenvalues
     * @param lambdas λ₁, λ₂, λ₃ of Z
     * @param ranks the r
     * @param steps per r, steps of each init (−1: not aligned within the cap)
     * @param medians per r, the median steps
     * @param fit median steps against ln r
     * @param independent every init had r independent columns ({@link PowerHypotheses#independentColumns})
     */
    record Series(Provenance provenance, double[] eigenvalues, double[] lambdas, int[] ranks, int[][] steps,
            double[] medians, LineFit fit, boolean independent) {
        /** Steps per e-fold of r, −slope. */
        double stepsPerEFold() {
            return -fit.slope();
        }

        /** CLAIMS.md's rate 1/ln(1 + μλ_{r*}). */
        double corrected() {
            return 1 / Math.log(1 + MU * lambdas[R_STAR - 1]);
        }

        /** The power method's rate 1/(2 ln(1/q)), q = (1 + μλ_{r*+1})/(1 + μλ_{r*}). */
        double gapRate() {
            return 1 / (2 * Math.log((1 + MU * lambdas[R_STAR - 1]) / (1 + MU * lambdas[R_STAR])));
        }

        boolean allAligned() {
            for (int[] s : steps) {
                for (int v : s) {
                    if (v < 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** The claim's instance with Gaussian and rank-r* inits, and the family's instance. */
    record Measurement(Series claim, Series lowRank, Series family) {
    }

    public AlignmentTimeCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    AlignmentTimeCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("PWR-7");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        Backend b = ctx.backend();
        SeedStream seeds = SeedStream.of(ctx.seed(), "PWR-7");
        AlignmentInstance main = AlignmentInstance.build(b, seeds.seed(0), sizes.d(), sizes.n(), EIGENVALUES,
                sizes.inits(), R_STAR, sizes.ranks());
        AlignmentInstance family = AlignmentInstance.build(b, seeds.child("familyInstance").seed(0), sizes.d(),
                sizes.n(), SpectralInstance.EIGENVALUES, sizes.inits(), R_STAR, sizes.ranks());
        Series claim = series(b, main, false);
        ctx.progress(NumberText.format("PWR-7 medians %s", java.util.Arrays.toString(claim.medians())));
        return new Measurement(claim, series(b, main, true), series(b, family, false));
    }

    /** Steps to alignment of every init of every rank, their medians and the fit against ln r. */
    static Series series(Backend b, AlignmentInstance inst, boolean lowRank) {
        SymmetricSensingInstance s = inst.sensing();
        int[] ranks = inst.ranks().stream().mapToInt(Integer::intValue).toArray();
        int[][] steps = new int[ranks.length][];
        double[] medians = new double[ranks.length], x = new double[ranks.length];
        boolean independent = true;
        for (int k = 0; k < ranks.length; k++) {
            List<DenseMatrix> inits = inst.inits(ranks[k], lowRank);
            steps[k] = new int[inits.size()];
            for (int j = 0; j < inits.size(); j++) {
                steps[k][j] = AlignmentRuns.stepsToAlignment(b, s, inits.get(j), R_STAR, MU, ANGLE, CAP);
                independent &= PowerHypotheses.independentColumns(rank(b, inits.get(j)), ranks[k], s.d(),
                        s.lambda(R_STAR), s.lambda(R_STAR + 1));
            }
            medians[k] = Quantiles.median(java.util.Arrays.stream(steps[k]).mapToDouble(v -> v < 0 ? CAP : v)
                    .toArray());
            x[k] = ranks[k];
        }
        Provenance prov = Provenance.of(inst.seed(), b.name(), "d", s.d(), "rStar", R_STAR, "n", s.n(), "mu", MU,
                "r", inst.ranks().toString(), "inits", steps[0].length);
        double[] eig = s.targetEigen().values();
        return new Series(prov, new double[] {eig[eig.length - 1], eig[eig.length - 2], eig[eig.length - 3]},
                new double[] {s.lambda(1), s.lambda(2), s.lambda(3)}, ranks, steps, medians,
                LineFit.semiLogX(x, medians), independent);
    }

    /** Numerical rank: singular values above 1e−10 of the largest. */
    static int rank(Backend b, DenseMatrix u) {
        double[] sv = b.svd(u).s();
        int k = 0;
        for (double v : sv) {
            k += v > 1e-10 * sv[0] ? 1 : 0;
        }
        return k;
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        Series c = m.claim();
        double ratio = c.stepsPerEFold() / c.corrected(), printed = c.stepsPerEFold() * MU;
        return List.of(base(STEPS_SLOPE, c, ratio).hypothesisMet(c.independent())
                        .check("steps to alignment against ln r: slope / (1/ln(1 + mu lambda_r*))")
                        .detail(NumberText.format("%.1f steps per e-fold of r (median steps %s at r = %s) vs "
                                + "1/ln(1 + mu lambda_2) = %.1f (lambda_2(Z) = %.3f); the notes' 1/mu = %.0f; the "
                                + "power method's 1/(2 ln(1/q)) = %.1f", c.stepsPerEFold(), medianText(c),
                                java.util.Arrays.toString(c.ranks()), c.corrected(), c.lambdas()[1], 1 / MU,
                                c.gapRate())).build(),
                base(STEPS_SLOPE_PRINTED, c, printed).hypothesisMet(c.independent()).bound(1.0)
                        .check("the notes' rate: slope / (1/mu)")
                        .detail(NumberText.format("printed t* ~ (1/mu) ln(2n/r): %.1f steps per e-fold vs 1/mu = "
                                + "%.0f", c.stepsPerEFold(), 1 / MU))
                        .finding(printed >= LOW && printed <= HIGH ? "" : NumberText.format("the notes' (1/mu) "
                                + "ln(2n/r) assumes kappa ~ 1 (lambda_r*(Z) ~ 1, where ln(1 + mu lambda) ~ mu); here "
                                + "lambda_2(Z) = %.3f and the power iterates grow the r*-th direction by 1 + mu lambda_2 "
                                + "a step, so the slope is %.1f steps per e-fold, %.2f x the printed 1/mu = %.0f, and "
                                + "within %.0f%% of 1/ln(1 + mu lambda_2) = %.1f (the corrected row)", c.lambdas()[1],
                                c.stepsPerEFold(), printed, 1 / MU, 100 * Math.abs(ratio - 1), c.corrected())).build(),
                base(STEPS_SLOPE_LOW_RANK, m.lowRank(), m.lowRank().stepsPerEFold() / m.lowRank().corrected())
                        .hypothesisMet(m.lowRank().independent())
                        .check("control: the same fit with rank-r* inits G R (r columns, r* directions)")
                        .detail(NumberText.format("U0 = G R spans r* = 2 random directions whatever r: no ln r gain, "
                                + "%.1f steps per e-fold (median steps %s)", m.lowRank().stepsPerEFold(),
                                medianText(m.lowRank()))).build(),
                base(STEPS_SLOPE_FAMILY, m.family(), m.family().stepsPerEFold() / m.family().corrected())
                        .hypothesisMet(m.family().independent())
                        .measure("ratioToGapRate", m.family().stepsPerEFold() / m.family().gapRate())
                        .check("exploratory: the same fit on the PWR-1..6 instance (XX^T eigenvalues 1, 0.8)")
                        .detail(NumberText.format("%.1f steps per e-fold vs 1/ln(1 + mu lambda_2) = %.1f (lambda_2 = "
                                + "%.3f) and the power method's 1/(2 ln(1/q)) = %.1f (lambda_3 = %.3f): the rate is set "
                                + "by the gap, sin(theta_t) ~ sqrt(d/r) q^t; 1/ln(1 + mu lambda_r*) agrees with it "
                                + "only where (1 + mu lambda_3)^2 ~ 1 + mu lambda_2 (exploratory: r runs up to 2d here)",
                                m.family().stepsPerEFold(), m.family().corrected(), m.family().lambdas()[1],
                                m.family().gapRate(), m.family().lambdas()[2])).build());
    }

    private static Verdict.Builder base(Criterion c, Series s, double observed) {
        return Verdict.builder(c).at(s.provenance()).observed(observed).bound(1.0).slack(observed).window(LOW, HIGH)
                .holds(s.allAligned() && observed >= LOW && observed <= HIGH)
                .measure("stepsPerEFold", s.stepsPerEFold()).measure("correctedRate", s.corrected())
                .measure("printedRate", 1 / MU).measure("gapRate", s.gapRate()).measure("rSquared", s.fit().rSquared())
                .measure("lambda2", s.lambdas()[1]).measure("lambda3", s.lambdas()[2])
                .measure("medianStepsRMin", s.medians()[0]).measure("medianStepsRMax",
                        s.medians()[s.medians().length - 1]);
    }

    private static String medianText(Series s) {
        StringBuilder t = new StringBuilder();
        for (double v : s.medians()) {
            t.append(t.length() == 0 ? "" : ", ").append(NumberText.fixed(v, 0));
        }
        return t.toString();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (Series s : List.of(m.claim(), m.lowRank(), m.family())) {
            String label = s == m.claim() ? "claim (XX^T 1, 0.33)" : s == m.lowRank() ? "control: rank-r* inits"
                    : "exploratory (XX^T 1, 0.8)";
            for (int k = 0; k < s.ranks().length; k++) {
                rows.add(List.of(label, Integer.toString(s.ranks()[k]), NumberText.fixed(s.medians()[k], 0),
                        java.util.Arrays.toString(s.steps()[k])));
            }
            rows.add(List.of(label, "fit", NumberText.format("%.1f steps per e-fold", s.stepsPerEFold()),
                    NumberText.format("1/ln(1 + mu l2) = %.1f, 1/(2 ln(1/q)) = %.1f, 1/mu = %.0f, lambda_2..3(Z) = "
                            + "%.3f, %.3f", s.corrected(), s.gapRate(), 1 / MU, s.lambdas()[1], s.lambdas()[2])));
        }
        return List.of(new Table("PWR-7-alignment-steps", "PWR-7: power-method steps to alignment (largest principal "
                + "angle <= 0.1) against r (d = 30, n = 2000, r* = 2, mu = 0.1)", List.of("instance", "r",
                        "median steps", "steps per init"), rows, "CLAIMS.md calibration: medians 144, 107, 88, 76, "
                        + "68, 54 at r = 2, 4, 8, 16, 30, 60 (lambda_r*(Z) = 0.40), 26-28 steps per e-fold."));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<Figure.Series> series = new ArrayList<>();
        for (Series s : List.of(m.claim(), m.lowRank(), m.family())) {
            double[] x = java.util.Arrays.stream(s.ranks()).asDoubleStream().toArray();
            String label = s == m.claim() ? "XX^T 1, 0.33" : s == m.lowRank() ? "control: rank-r* inits"
                    : "XX^T 1, 0.8 (exploratory)";
            series.add(new Figure.Series(label, x, s.medians(), false));
            if (s != m.lowRank()) {
                series.add(new Figure.Series("slope -1/ln(1 + mu l2), " + label, x, line(s, x, s.corrected()), true));
            }
        }
        double[] x = java.util.Arrays.stream(m.claim().ranks()).asDoubleStream().toArray();
        series.add(new Figure.Series("notes' slope -1/mu, XX^T 1, 0.33", x, line(m.claim(), x, 1 / MU), true));
        return List.of(new Figure("PWR-7-alignment-steps", "PWR-7: steps to alignment of the power iterates against r",
                "r (columns of U0, log scale)", "median steps to angle <= 0.1", true, false, series));
    }

    /** The line with slope −rate in ln r through the fitted line's centre. */
    private static double[] line(Series s, double[] x, double rate) {
        double mean = 0;
        for (double v : x) {
            mean += Math.log(v) / x.length;
        }
        double centre = s.fit().intercept() + s.fit().slope() * mean;
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = centre - rate * (Math.log(x[k]) - mean);
        }
        return y;
    }
}
