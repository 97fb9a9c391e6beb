package io.github.theorybench.claims.mem;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
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
 * y_i ~ N(0, 1), a uniform on the sphere; hypothesis: the projections aᵀx_i are distinct. Checks per (n, seed):
 * parameter count exactly 2n + d; componentwise backward error of the triangular solve ≤ 1e−13; and the net's own
 * evaluation |f(x_i) − y_i| ≤ 10·ε·Σ_j|A_ij||w_j| for every i (ε = 2^−52), i.e. exact up to the rounding of the
 * cancelling sum, with the amplification max_i Σ_j|A_ij||w_j| / max|y| reported.
 * <p>Control: the same residual rule on the construction with one neuron fewer (n − 1 thresholds, 2n − 2 + d weights)
 * at the largest n, where the amplification makes the rule loosest. That net interpolates the n − 1 smallest
 * projections and gives the last point the affine continuation beyond b_(n−1), which y_(n) does not enter: an
 * independent N(0, 1) label misses it by O(1), far above 10·ε·Σ_j|A_ij||w_j|.
 */
public final class MemorizationCheck extends MeasuredCheck<MemorizationCheck.Sizes, MemorizationCheck.Measurement> {
    public static final Criterion PARAMETER_COUNT = Criterion.claim("MEM-1", "parameterCount");
    public static final Criterion BACKWARD_ERROR = Criterion.claim("MEM-1", "backwardError");
    public static final Criterion INTERPOLATION = Criterion.claim("MEM-1", "interpolationResidual");
    public static final Criterion INTERPOLATION_FEWER_WEIGHTS = Criterion.control("MEM-1",
            "interpolationResidualOneNeuronFewer");

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

    /** The constructions per (n, seed), and the one-neuron-fewer constructions at the largest n. */
    public record Measurement(List<MemorizationFit> fits, List<MemorizationFit> ablated) {
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
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "MEM-1");
        int largest = sizes.ns().get(sizes.ns().size() - 1);
        List<MemorizationFit> fits = new ArrayList<>(), ablated = new ArrayList<>();
        for (int n : sizes.ns()) {
            for (int s = 0; s < sizes.seeds(); s++) {
                MemorizationInstance inst = MemorizationInstance.build(seeds.seed(s), n, sizes.d());
                fits.add(MemorizationFit.measure(ctx.backend(), inst));
                if (n == largest) {
                    ablated.add(MemorizationFit.measure(ctx.backend(), inst, n - 1));
                }
            }
            ctx.progress("MEM-1 n=" + n + " done");
        }
        return new Measurement(fits, ablated);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (MemorizationFit r : m.fits()) {
            out.addAll(verdicts(r));
        }
        for (MemorizationFit r : m.ablated()) {
            out.add(residualRow(INTERPOLATION_FEWER_WEIGHTS, r, "control: interpolation residual with n - 1 "
                    + "neurons, 2n - 2 + d weights (n=" + r.n() + ")"));
        }
        return out;
    }

    /** The rows of one construction. */
    static List<Verdict> verdicts(MemorizationFit r) {
        int n = r.n(), d = d(r);
        List<Verdict> out = new ArrayList<>();
        out.add(Verdict.builder(PARAMETER_COUNT).at(r.provenance()).check("parameter count (n=" + n + ")")
                .hypothesisMet(r.distinctProjections()).observed(r.params()).bound(2 * n + d)
                .holds(r.params() == 2 * n + d)
                .detail(NumberText.format("|a| + |b| + |w| = %d, 2n + d = %d", r.params(), 2 * n + d)).build());
        out.add(Verdict.builder(BACKWARD_ERROR).at(r.provenance()).check("triangular solve backward error (n=" + n + ")")
                .hypothesisMet(r.distinctProjections()).observed(r.backwardError()).bound(BACKWARD_TOLERANCE)
                .detail(NumberText.format("componentwise backward error max_i |y - A w|_i / (|A||w| + |y|)_i = %.3g "
                        + "(residual in compensated arithmetic)", r.backwardError())).build());
        out.add(residualRow(INTERPOLATION, r, "interpolation residual (n=" + n + ")"));
        return out;
    }

    private static int d(MemorizationFit r) {
        return (Integer) r.provenance().sizes().get("d");
    }

    /** max_i |f(x_i) − y_i| / (10 ε Σ_j |A_ij||w_j|) ≤ 1 (CLAIMS.md MEM-1). */
    static Verdict residualRow(Criterion c, MemorizationFit r, String check) {
        return Verdict.builder(c).at(r.provenance()).check(check).hypothesisMet(r.distinctProjections())
                .observed(r.residualRatio()).bound(1.0).measure("amplification", r.amplification())
                .measure("residual", r.residual()).measure("residualOverMaxY", r.relativeResidual())
                .measure("minGap", r.minGap()).measure("params", r.params())
                .detail(NumberText.format("max_i |f(x_i) - y_i| / (10 eps sum_j |A_ij||w_j|) = %.3g <= 1 with %d "
                        + "weights; max residual %.3g, amplification max_i sum_j |A_ij||w_j| / max|y| = %.3g, "
                        + "residual/max|y| = %.3g, min gap of a^T x = %.3g", r.residualRatio(), r.params(),
                        r.residual(), r.amplification(), r.relativeResidual(), r.minGap())).build();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (MemorizationFit r : m.fits()) {
            rows.add(List.of(String.valueOf(r.n()), String.valueOf(r.provenance().seed()), String.valueOf(r.params()),
                    NumberText.sig3(r.amplification()), NumberText.sig3(r.backwardError()),
                    NumberText.sig3(r.relativeResidual()), NumberText.sig3(r.residualRatio())));
        }
        int d = m.fits().isEmpty() ? 0 : d(m.fits().get(0));
        return List.of(new Table("MEM-1-construction", NumberText.format("MEM-1: Zhang et al. construction on n "
                + "Gaussian points in d = %d (labels N(0,1))", d), List.of("n", "seed", "params (2n+d)",
                "amplification max(|A||w|)/max|y|", "backward error", "residual/max|y|",
                "max_i |f_i - y_i| / (10 eps (|A||w|)_i)"), rows, "residual = max_i |f(x_i) - y_i| of the net's own "
                + "evaluation (features ReLU(Xa - b), one GEMV); backward error componentwise, residual in compensated "
                + "arithmetic."));
    }

    /** Residual/max|y| against n beside the claim's own scale 10 ε · amplification, and the control's residual. */
    @Override
    public List<Figure> figures(Measurement m) {
        List<Integer> ns = m.fits().stream().map(MemorizationFit::n).distinct().toList();
        double[] x = new double[ns.size()], res = new double[ns.size()], scale = new double[ns.size()];
        for (int k = 0; k < ns.size(); k++) {
            int n = ns.get(k);
            x[k] = n;
            for (MemorizationFit r : m.fits()) {
                if (r.n() == n) {
                    res[k] = Math.max(res[k], r.relativeResidual());
                    scale[k] = Math.max(scale[k], MemorizationFit.ROUNDING_FACTOR * MemorizationFit.EPS
                            * r.amplification());
                }
            }
        }
        List<Figure.Series> series = new ArrayList<>(List.of(
                new Figure.Series("max over seeds of residual / max|y|", x, res, false),
                new Figure.Series("10 eps max_i sum_j |A_ij||w_j| / max|y| (the claim's scale, max over seeds)", x,
                        scale, true)));
        if (!m.ablated().isEmpty()) {
            double[] ax = m.ablated().stream().mapToDouble(MemorizationFit::n).toArray();
            double[] ay = m.ablated().stream().mapToDouble(MemorizationFit::relativeResidual).toArray();
            series.add(new Figure.Series("control: n - 1 neurons, residual / max|y|", ax, ay, false));
        }
        return List.of(new Figure("MEM-1-residual", "MEM-1: interpolation residual of the construction against n",
                "n (points)", "residual / max|y| (dimensionless)", true, true, series));
    }
}
