package io.github.theorybench.claims.power;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.List;

/** PWR-3 (002): ‖Z − XXᵀ‖₂/‖XXᵀ‖₂ falls like n^{−1/2} (slope in [−0.6, −0.4]), d = 30, r* = 2. */
public final class ConcentrationCheck extends MeasuredCheck<ConcentrationCheck.Sizes, ConcentrationCheck.Measurement> {
    public static final Criterion CONCENTRATION_SLOPE = Criterion.claim("PWR-3", "concentrationSlope");

    static final int R_STAR = 2;
    /** CLAIMS.md PWR-3: slope in [−0.6, −0.4]. */
    static final double SLOPE_LOW = -0.6;
    static final double SLOPE_HIGH = -0.4;

    /** Dimension d; sample sizes n = nMin·2^k, k = 0 … doublings. */
    public record Sizes(int d, int nMin, int doublings) {
        /** CLAIMS.md PWR-3 calibration: n = 250 … 8000. */
        public static Sizes claims() {
            return new Sizes(30, 250, 5);
        }

        public static Sizes quick() {
            return new Sizes(30, 250, 3);
        }

        int[] ns() {
            int[] ns = new int[doublings + 1];
            for (int k = 0; k <= doublings; k++) {
                ns[k] = nMin << k;
            }
            return ns;
        }
    }

    /**
     * @param provenance base seed and sizes
     * @param ns the sample sizes
     * @param seeds the instance seed of each n
     * @param error ‖Z − XXᵀ‖₂/‖XXᵀ‖₂ at each n
     * @param fit its log-log fit against n
     */
    record Measurement(Provenance provenance, int d, int[] ns, long[] seeds, double[] error, LineFit fit) {
        /** err·sqrt(n/d) at index k (CLAIMS.md calibration: 1.4–1.6). */
        double scaledError(int k) {
            return error[k] * Math.sqrt(ns[k] / (double) d);
        }
    }

    public ConcentrationCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    ConcentrationCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("PWR-3");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        int[] ns = sizes.ns();
        double[] x = new double[ns.length], err = new double[ns.length];
        long[] seeds = new long[ns.length];
        for (int k = 0; k < ns.length; k++) {
            seeds[k] = SeedStream.of(ctx.seed(), "PWR-3").seed(k);
            SymmetricSensingInstance inst = SymmetricSensingInstance.build(ctx.backend(), seeds[k],
                    RandomMatrices.rng(seeds[k]), sizes.d(), ns[k], SpectralInstance.EIGENVALUES);
            SymmetricEigen diff = ctx.backend().eigSym(inst.z().plusScaled(-1, inst.target()));
            err[k] = Math.max(Math.abs(diff.min()), Math.abs(diff.max())) / inst.targetEigen().max();
            x[k] = ns[k];
        }
        Provenance prov = Provenance.of(ctx.seed(), ctx.backend().name(), "d", sizes.d(), "rStar", R_STAR, "n",
                ns[0] + ".." + ns[ns.length - 1]);
        return new Measurement(prov, sizes.d(), ns, seeds, err, LineFit.logLog(x, err));
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        double slope = m.fit().slope();
        int last = m.ns().length - 1;
        return List.of(Verdict.builder(CONCENTRATION_SLOPE).at(m.provenance()).check("||Z - XX^T||_2/||XX^T||_2 against n")
                .observed(slope).bound(-0.5).slack(slope / -0.5).window(SLOPE_LOW, SLOPE_HIGH)
                .measure("errTimesSqrtNOverDFirst", m.scaledError(0)).measure("errTimesSqrtNOverDLast",
                        m.scaledError(last))
                .detail("one instance per n (seeds from stream PWR-3); calibrated err*sqrt(n/d) 1.4-1.6").build());
    }

    @Override
    public List<Figure> figures(Measurement m) {
        int[] ns = m.ns();
        double[] x = new double[ns.length], ref = new double[ns.length];
        for (int k = 0; k < ns.length; k++) {
            x[k] = ns[k];
            ref[k] = m.error()[0] * Math.sqrt((double) ns[0] / ns[k]);
        }
        return List.of(new Figure("PWR-3-concentration", "PWR-3: ||Z - XX'|| / ||XX'|| against the number of "
                + "measurements", "n", "relative spectral error", true, true, List.of(new Figure.Series("measured", x,
                        m.error(), false), new Figure.Series("n^(-1/2) reference", x, ref, true))));
    }
}
