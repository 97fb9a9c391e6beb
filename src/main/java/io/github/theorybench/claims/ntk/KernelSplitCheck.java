package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.model.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * NTK-1 (CLAIMS.md; seed 000_ddbc9886f8669f64.txt): for f(x) = Σ_j a_j σ(w_jᵀx) with both layers trained, the
 * empirical NTK J_θ J_θᵀ from the full materialised Jacobian (θ = (W, a)) equals K₁ + K₂,
 * K₁(x,x′) = Σ_j a_j² σ′(w_jᵀx)σ′(w_jᵀx′) xᵀx′ (first layer), K₂(x,x′) = Σ_j σ(w_jᵀx)σ(w_jᵀx′) (outer weights),
 * to relative Frobenius error ≤ 1e−12 ({@link KernelSplit}). Parametrization: output scale c = 1, a_j ~ N(0,1),
 * w_j ~ N(0, I_d), unit-norm x_i ({@link KernelSplitInstance}); tanh and ReLU.
 * <p>Hypothesis ({@link #bothLayersTrained}): θ holds both layers, so J_θ has md + m columns. Control: the same
 * identity, same statistic and tolerance, on the net that trains the first layer only — its Jacobian lacks the
 * outer-weight block, J Jᵀ = K₁, and the error must equal ‖K₂‖_F/‖K₁ + K₂‖_F (≈ 0.5–0.8 here, some 10¹¹ times the
 * tolerance). The figure repeats the measurement over widths m/16 … m.
 */
public final class KernelSplitCheck extends MeasuredCheck<KernelSplitCheck.Sizes, List<KernelSplit>> {
    public static final Criterion EXPLICIT_GRAM = Criterion.claim("NTK-1", "explicitGramIsK1PlusK2");
    public static final Criterion STRUCTURED_GRAM = Criterion.claim("NTK-1", "structuredGramIsK1PlusK2");
    public static final Criterion FIRST_LAYER_ONLY = Criterion.control("NTK-1", "firstLayerOnlyGram");

    /** NTK-1's tolerance on the relative Frobenius error (CLAIMS.md). */
    static final double TOLERANCE = 1e-12;
    /** The figure's width sweep: m/2^k for k = WIDTH_HALVINGS … 0. */
    static final int WIDTH_HALVINGS = 4;

    /** Inputs n in dimension d, width m. */
    public record Sizes(int n, int d, int m) {
        public static Sizes claims() {
            return new Sizes(40, 10, 400);
        }

        public static Sizes quick() {
            return new Sizes(12, 5, 64);
        }
    }

    public KernelSplitCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    KernelSplitCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("NTK-1");
    }

    /** NTK-1's hypothesis: θ = (W, a), the Jacobian has a column per first-layer weight and per outer weight. */
    public static boolean bothLayersTrained(int jacobianColumns, int m, int d) {
        return jacobianColumns == m * d + m;
    }

    /** Per width m/16, …, m (ascending), tanh then ReLU on the same instance; the rows judge width m. */
    @Override
    public List<KernelSplit> measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "NTK-1");
        List<KernelSplit> out = new ArrayList<>();
        for (int k = WIDTH_HALVINGS; k >= 0; k--) {
            int m = Math.max(1, sizes.m() >> k);
            KernelSplitInstance inst = KernelSplitInstance.build(seeds.child("m" + m).seed(0), sizes.n(), sizes.d(),
                    m);
            for (Activation act : List.of(Activation.TANH, Activation.RELU)) {
                out.add(KernelSplit.measure(ctx.backend(), inst, act));
            }
        }
        return out;
    }

    @Override
    public List<Verdict> verdicts(List<KernelSplit> splits) {
        int widest = splits.stream().mapToInt(KernelSplit::m).max().orElse(0);
        List<Verdict> out = new ArrayList<>();
        for (KernelSplit s : splits) {
            if (s.m() == widest) {
                out.addAll(verdicts(s));
            }
        }
        return out;
    }

    static List<Verdict> verdicts(KernelSplit s) {
        String act = " (" + s.provenance().activation() + ")";
        boolean both = bothLayersTrained(s.jacobianColumns(), s.m(), s.d());
        boolean firstOnly = bothLayersTrained(s.firstLayerOnlyColumns(), s.m(), s.d());
        return List.of(row(EXPLICIT_GRAM, s, "J J^T (full Jacobian) = K1 + K2" + act, s.explicitError(),
                        s.jacobianColumns(), both).build(),
                row(STRUCTURED_GRAM, s, "structured Gram = K1 + K2" + act, s.structuredError(), s.jacobianColumns(),
                        both).build(),
                row(FIRST_LAYER_ONLY, s, "control: first layer only trained, J_W J_W^T vs K1 + K2" + act,
                        s.firstLayerOnlyError(), s.firstLayerOnlyColumns(), firstOnly)
                        .measure("predictedError", s.predictedFirstLayerOnlyError())
                        .detail(NumberText.format("theta = W only: J lacks the outer-weight block, so J J^T = K1 and"
                                + " the error must be ||K2||_F/||K1 + K2||_F = %.4g (measured %.4g)",
                                s.predictedFirstLayerOnlyError(), s.firstLayerOnlyError())).build());
    }

    private static Verdict.Builder row(Criterion c, KernelSplit s, String check, double error, int columns,
            boolean hypothesis) {
        return Verdict.builder(c).at(s.provenance()).check(check).observed(error).bound(TOLERANCE)
                .tolerance(TOLERANCE).hypothesisMet(hypothesis).measure("jacobianColumns", columns)
                .detail(NumberText.format("relative Frobenius error; f = sum_j a_j sigma(w_j^T x), c = 1, a ~ N(0,1),"
                        + " w ~ N(0,I), unit-norm x; theta = (W, a), both layers trained (%d = md + m columns)",
                        columns));
    }

    @Override
    public List<Figure> figures(List<KernelSplit> splits) {
        List<Figure.Series> series = new ArrayList<>();
        for (Activation act : List.of(Activation.TANH, Activation.RELU)) {
            List<KernelSplit> s = splits.stream().filter(k -> k.provenance().activation().equals(act.label()))
                    .toList();
            double[] ms = s.stream().mapToDouble(KernelSplit::m).toArray();
            String a = " (" + act.label() + ")";
            series.add(new Figure.Series("J J^T, full Jacobian" + a, ms,
                    s.stream().mapToDouble(KernelSplit::explicitError).toArray(), false));
            series.add(new Figure.Series("structured Gram" + a, ms,
                    s.stream().mapToDouble(KernelSplit::structuredError).toArray(), false));
            series.add(new Figure.Series("control: first layer only" + a, ms,
                    s.stream().mapToDouble(KernelSplit::firstLayerOnlyError).toArray(), false));
            series.add(new Figure.Series("control's prediction ||K2||/||K1+K2||" + a, ms,
                    s.stream().mapToDouble(KernelSplit::predictedFirstLayerOnlyError).toArray(), true));
            if (act == Activation.TANH) {
                series.add(new Figure.Series("tolerance 1e-12", ms, constant(ms.length, TOLERANCE), true));
            }
        }
        return List.of(new Figure("ntk1-kernel-split-error", "NTK-1: ||J J^T - (K1 + K2)||_F / ||K1 + K2||_F",
                "width m", "relative Frobenius error", true, true, series));
    }

    static double[] constant(int length, double value) {
        double[] c = new double[length];
        java.util.Arrays.fill(c, value);
        return c;
    }
}
