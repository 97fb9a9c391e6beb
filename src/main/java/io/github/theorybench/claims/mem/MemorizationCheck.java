package io.github.theorybench.claims.mem;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import java.util.ArrayList;
import java.util.List;

/**
 * MEM-1 (CLAIMS.md; 003, Zhang et al. Theorem 1): a two-layer ReLU net with 2n + d weights represents any labels on
 * n points in d dimensions ({@link io.github.theorybench.model.MemorizingReluNet}: one direction a, sorted
 * thresholds, a triangular solve). Instance ({@link MemorizationInstance}): x_i ~ N(0, I_d), d = 10, labels
 * y_i ~ N(0, 1), a uniform on the sphere. Checks per (n, seed): parameter count exactly 2n + d; componentwise backward
 * error of the triangular solve ≤ 1e−13; and the net's own evaluation |f(x_i) − y_i| ≤ 10·ε·Σ_j|A_ij||w_j| for every
 * i (ε = 2^−52), i.e. exact up to the rounding of the cancelling sum, with the amplification
 * max_i Σ_j|A_ij||w_j| / max|y| reported.
 * <p>Control (CLAIMS.md's calibration): a fixed residual threshold max|f − y| ≤ 1e−9·max|y| at the largest n.
 */
public final class MemorizationCheck extends MeasuredCheck<MemorizationCheck.Sizes, List<MemorizationFit>> {
    public static final Criterion PARAMETER_COUNT = Criterion.claim("MEM-1", "parameterCount");
    public static final Criterion BACKWARD_ERROR = Criterion.claim("MEM-1", "backwardError");
    public static final Criterion INTERPOLATION = Criterion.claim("MEM-1", "interpolationResidual");
    public static final Criterion FIXED_THRESHOLD = Criterion.control("MEM-1", "fixedResidualThreshold");

    /** MEM-1's bound on the triangular solve's componentwise backward error (CLAIMS.md). */
    static final double BACKWARD_TOLERANCE = 1e-13;

    /** Sizes n (the control runs at the last), seeds per n, dimension d. */
    public record Sizes(List<Integer> ns, int seeds, int d) {
        /** CLAIMS.md: n up to 2000, d = 10, 5 seeds. */
        public static Sizes claims() {
            return new Sizes(List.of(10, 100, 500, 1000, 2000), 5, 10);
        }

        public static Sizes quick() {
            return new Sizes(List.of(10, 100, 2000), 2, 10);
        }
    }

    public MemorizationCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    MemorizationCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("MEM-1");
    }

    @Override
    public List<MemorizationFit> measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "MEM-1");
        List<MemorizationFit> out = new ArrayList<>();
        for (int n : sizes.ns()) {
            for (int s = 0; s < sizes.seeds(); s++) {
                long seed = seeds.seed(s);
                out.add(MemorizationFit.measure(ctx.backend(), MemorizationInstance.build(seed, n, sizes.d())));
            }
            ctx.progress("MEM-1 n=" + n + " done");
        }
        return out;
    }

    @Override
    public List<Verdict> verdicts(List<MemorizationFit> fits) {
        int largest = fits.stream().mapToInt(MemorizationFit::n).max().orElse(0);
        List<Verdict> out = new ArrayList<>();
        for (MemorizationFit r : fits) {
            out.addAll(verdicts(r, r.n() == largest));
        }
        return out;
    }

    /** The rows of one construction; the control only at the largest n. */
    static List<Verdict> verdicts(MemorizationFit r, boolean withControl) {
        int n = r.n(), d = (Integer) r.provenance().sizes().get("d");
        boolean hyp = r.minGap() > 0;
        List<Verdict> out = new ArrayList<>();
        out.add(Verdict.builder(PARAMETER_COUNT).at(r.provenance()).check("parameter count (n=" + n + ")")
                .observed(r.params()).bound(2 * n + d).holds(r.params() == 2 * n + d)
                .detail(NumberText.format("|a| + |b| + |w| = %d, 2n + d = %d", r.params(), 2 * n + d)).build());
        out.add(Verdict.builder(BACKWARD_ERROR).at(r.provenance()).check("triangular solve backward error (n=" + n + ")")
                .hypothesisMet(hyp).observed(r.backwardError()).bound(BACKWARD_TOLERANCE)
                .detail(NumberText.format("componentwise backward error max_i |y - A w|_i / (|A||w| + |y|)_i = %.3g "
                        + "(residual in compensated arithmetic)", r.backwardError())).build());
        out.add(Verdict.builder(INTERPOLATION).at(r.provenance()).check("interpolation residual (n=" + n + ")")
                .hypothesisMet(hyp).observed(r.residualRatio()).bound(1.0).measure("amplification", r.amplification())
                .measure("residual", r.residual()).measure("residualOverMaxY", r.relativeResidual())
                .measure("minGap", r.minGap()).detail(NumberText.format("max_i |f(x_i) - y_i| / (10 eps sum_j "
                        + "|A_ij||w_j|) = %.3g <= 1; max residual %.3g, amplification max_i sum_j |A_ij||w_j| / max|y| "
                        + "= %.3g, residual/max|y| = %.3g, min gap of a^T x = %.3g", r.residualRatio(), r.residual(),
                        r.amplification(), r.relativeResidual(), r.minGap())).build());
        if (withControl) {
            out.add(Verdict.builder(FIXED_THRESHOLD).at(r.provenance())
                    .check("control: fixed residual 1e-9 max|y| (n=" + n + ")").observed(r.relativeResidual())
                    .bound(1e-9).measure("amplification", r.amplification())
                    .detail(NumberText.format("residual/max|y| = %.3g against a fixed 1e-9 that ignores the "
                            + "amplification %.3g", r.relativeResidual(), r.amplification())).build());
        }
        return out;
    }

    @Override
    public List<Table> tables(List<MemorizationFit> fits) {
        List<List<String>> rows = new ArrayList<>();
        for (MemorizationFit r : fits) {
            rows.add(List.of(String.valueOf(r.n()), String.valueOf(r.provenance().seed()), String.valueOf(r.params()),
                    NumberText.sig3(r.amplification()), NumberText.sig3(r.backwardError()),
                    NumberText.sig3(r.relativeResidual()), NumberText.sig3(r.residualRatio())));
        }
        int d = fits.isEmpty() ? 0 : (Integer) fits.get(0).provenance().sizes().get("d");
        return List.of(new Table("MEM-1-construction", NumberText.format("MEM-1: Zhang et al. construction on n "
                + "Gaussian points in d = %d (labels N(0,1))", d), List.of("n", "seed", "params (2n+d)",
                "amplification max(|A||w|)/max|y|", "backward error", "residual/max|y|",
                "max_i |f_i - y_i| / (10 eps (|A||w|)_i)"), rows, "residual = max_i |f(x_i) - y_i| of the net's own "
                + "evaluation (features ReLU(Xa - b), one GEMV); backward error componentwise, residual in compensated "
                + "arithmetic."));
    }
}
