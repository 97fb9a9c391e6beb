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
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.DeepLinearNet;
import java.util.ArrayList;
import java.util.List;

/**
 * DLN-4 (CLAIMS.md; 003 Theorem 2.3 (iv), Kawaguchi): "If rank(W_H⋯W_2) = p, then the Hessian at any saddle point has
 * at least one (strictly) negative eigenvalue", for Ȳ = W_{H+1}⋯W_1X at depth H ∈ {2, 3} (H hidden layers of width
 * k = p = 2; d_x = 6, d_y = 4, n = 30). The saddles are the depth-2 Baldi–Hornik points of every non-top index set
 * I of Σ's eigenvectors, split across the H + 1 layers ({@link DeepSaddleInstance}).
 * <ul>
 * <li>{@link #SADDLE_GRADIENT}: ‖∇ℓ‖_F ≤ 1e−10·‖YXᵀ‖_F at each constructed point (it is critical);</li>
 * <li>{@link #SADDLE_CURVATURE}: λ_min(∇²ℓ)/λ̄ &lt; −1e−10 with the rank condition met, λ̄ the largest Hessian
 * eigenvalue at the instance's global minimizer (split the same way): one curvature scale per instance, so that a
 * point whose Hessian vanishes is judged on the same scale.</li>
 * </ul>
 * Controls, the same statistic and rule: at W = 0 — a critical point and a saddle (ℓ(0) &gt; OPT, and ℓ falls along
 * t·(V_1, …, V_{H+1}) as −t^{H+1}⟨V_{H+1}⋯V_1X, Y⟩), with rank(W_H⋯W_2) = 0 &lt; p — the Hessian is exactly 0 (every
 * second derivative keeps a zero layer when H ≥ 2): the hypothesis fails and so does the conclusion; at the global
 * minimizer the Hessian is positive semidefinite: no negative eigenvalue to find. The Hessian is the exact one
 * (Hessian-vector products of the backprop recursion, {@link DeepLinearNet#hessian}), checked against finite
 * differences of the gradient in the tests.
 */
public final class SaddleCurvatureCheck
        extends MeasuredCheck<SaddleCurvatureCheck.Sizes, SaddleCurvatureCheck.Measurement> {
    public static final Criterion SADDLE_GRADIENT = Criterion.claim("DLN-4", "saddleGradient");
    public static final Criterion SADDLE_CURVATURE = Criterion.claim("DLN-4", "saddleNegativeEigenvalue");
    public static final Criterion ZERO_POINT = Criterion.control("DLN-4", "negativeEigenvalueAtZero");
    public static final Criterion GLOBAL_POINT = Criterion.control("DLN-4", "negativeEigenvalueAtGlobalMinimum");

    static final int DX = 6, DY = 4, K = 2, N = 30;
    /** CLAIMS.md DLN-4: gradient ≤ 1e−10, relative to ‖YXᵀ‖_F (the gradient's scale at W with ‖W_l‖ ~ 1). */
    static final double GRAD_REL = 1e-10;
    /**
     * "Strictly negative": λ_min below −1e−10 of the instance's curvature scale (DLN-3's threshold; round-off in the
     * exact Hessian's entries is ~1e−16 of it).
     */
    static final double NEG_REL = 1e-10;

    /** Depths H (hidden layers) and seeds per depth. */
    public record Sizes(int[] hidden, int seeds) {
        public Sizes {
            hidden = hidden.clone();
        }

        /** CLAIMS.md: H ∈ {2, 3}; 5 seeds (as DLN-3). */
        public static Sizes claims() {
            return new Sizes(new int[] {2, 3}, 5);
        }

        public static Sizes quick() {
            return new Sizes(new int[] {2, 3}, 2);
        }
    }

    /** What kind of critical point. */
    enum Kind {
        SADDLE, GLOBAL, ZERO
    }

    /**
     * One critical point.
     *
     * @param idx its eigenvector index set (empty for W = 0)
     * @param grad ‖∇ℓ‖_F
     * @param middleRank numerical rank of W_H⋯W_2
     * @param lamMin smallest Hessian eigenvalue
     * @param lamMax largest Hessian eigenvalue
     * @param maxAbsHessian largest |entry| of the Hessian
     * @param asymmetry ‖H − Hᵀ‖/‖H‖ of the computed Hessian (0 when H = 0)
     */
    record Point(Kind kind, int[] idx, double loss, double closedForm, double grad, int middleRank, double lamMin,
            double lamMax, double maxAbsHessian, double asymmetry) {
        String name() {
            if (kind == Kind.ZERO) {
                return "W=0";
            }
            StringBuilder sb = new StringBuilder("I={");
            for (int i = 0; i < idx.length; i++) {
                sb.append(i == 0 ? "" : ",").append(idx[i] + 1);
            }
            return sb.append('}').toString();
        }
    }

    /**
     * One (seed, H).
     *
     * @param assumptions 003 Thm 2.3's assumptions on the data
     * @param opt the global value
     * @param yxNorm ‖YXᵀ‖_F
     * @param l0 ℓ(0) = ½‖Y‖²
     */
    record DepthCase(Provenance provenance, int hidden, int p, boolean assumptions, double opt, double yxNorm,
            double l0, List<Point> saddles, Point global, Point zero) {
        /** λ̄: the largest Hessian eigenvalue at the global minimizer. */
        double scale() {
            return global.lamMax();
        }
    }

    public record Measurement(List<DepthCase> cases) {
    }

    public SaddleCurvatureCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    SaddleCurvatureCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("DLN-4");
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "DLN-4");
        List<DepthCase> cases = new ArrayList<>();
        for (int s = 0; s < sizes.seeds(); s++) {
            for (int hidden : sizes.hidden()) {
                DeepSaddleInstance inst = DeepSaddleInstance.build(seeds.seed(s), DX, DY, N, hidden, K);
                cases.add(measure(ctx.backend(), inst));
            }
        }
        return new Measurement(cases);
    }

    /** Every critical point of one instance. */
    static DepthCase measure(Backend b, DeepSaddleInstance inst) {
        BaldiHornikInstance.Fit fit = inst.data().fit(b);
        DeepLinearNet net = inst.net(b);
        List<Point> saddles = new ArrayList<>();
        Point global = null;
        for (int i = 0; i < DY; i++) {
            for (int j = i + 1; j < DY; j++) {
                int[] idx = {i, j};
                Point p = point(b, net, inst.criticalPoint(b, fit, idx),
                        BaldiHornikInstance.isTopSubset(idx, K, DY) ? Kind.GLOBAL : Kind.SADDLE, idx,
                        fit.criticalValue(idx));
                if (p.kind() == Kind.GLOBAL) {
                    global = p;
                } else {
                    saddles.add(p);
                }
            }
        }
        double l0 = 0.5 * Math.pow(inst.data().y().frobeniusNorm(), 2);
        Point zero = point(b, net, inst.zeroPoint(b), Kind.ZERO, new int[0], l0);
        Provenance prov = Provenance.of(inst.seed(), b.name(), "H", inst.hidden(), "d_x", DX, "d_y", DY, "k", K, "n",
                N);
        return new DepthCase(prov, inst.hidden(), inst.p(), fit.meetsTheorem23Assumptions(DX),
                fit.criticalValue(new int[] {0, 1}), fit.yxNorm(), l0, saddles, global, zero);
    }

    static Point point(Backend b, DeepLinearNet net, List<Matrix> w, Kind kind, int[] idx, double closedForm) {
        DeepLinearNet.Evaluation e = net.evaluate(w);
        double g = 0;
        for (Matrix m : e.gradients()) {
            g += Math.pow(m.toDense().frobeniusNorm(), 2);
        }
        DenseMatrix h = net.hessian(w);
        double maxAbs = 0;
        for (double v : h.data()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double asym = maxAbs == 0 ? 0 : DenseMatrix.relativeDifference(h, h.transpose());
        SymmetricEigen eig = b.eigSym(b.adopt(h.plusScaled(1, h.transpose()).scale(0.5)));
        int rank = BaldiHornikInstance.numericalRank(b.svd(DeepSaddleInstance.middleProduct(b, w)).s());
        return new Point(kind, idx, e.loss(), closedForm, Math.sqrt(g), rank, eig.min(), eig.max(), maxAbs, asym);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (DepthCase c : m.cases()) {
            for (Point p : c.saddles()) {
                out.add(gradient(c, p));
                out.add(curvature(c, p));
            }
            out.add(control(ZERO_POINT, c, c.zero()));
            out.add(control(GLOBAL_POINT, c, c.global()));
        }
        return out;
    }

    /** The point's hypothesis: the data meet Thm 2.3's assumptions, the point is a saddle, rank(W_H⋯W_2) = p. */
    static boolean hypothesis(DepthCase c, Point p) {
        return c.assumptions() && p.kind() != Kind.GLOBAL && p.loss() > c.opt() && p.middleRank() == c.p();
    }

    static Verdict gradient(DepthCase c, Point p) {
        double bound = GRAD_REL * c.yxNorm();
        return Verdict.builder(SADDLE_GRADIENT).at(c.provenance())
                .check(NumberText.format("gradient at the split critical point %s (H=%d)", p.name(), c.hidden()))
                .hypothesisMet(c.assumptions() && BaldiHornikInstance.isNonTopSubset(p.idx(), K, DY))
                .observed(p.grad()).bound(bound).measure("lossMinusClosedForm", p.loss() - p.closedForm())
                .measure("relativeGradient", p.grad() / c.yxNorm())
                .detail(NumberText.format("%s split across %d layers: ||grad|| = %.3g <= 1e-10 ||YX^T|| = %.3g; loss"
                        + " %.6g vs the closed form %.6g", p.name(), c.hidden() + 1, p.grad(), bound, p.loss(),
                        p.closedForm())).build();
    }

    static Verdict curvature(DepthCase c, Point p) {
        double ratio = p.lamMin() / c.scale();
        return Verdict.builder(SADDLE_CURVATURE).at(c.provenance())
                .check(NumberText.format("saddle %s (H=%d) has a negative Hessian eigenvalue", p.name(), c.hidden()))
                .hypothesisMet(hypothesis(c, p)).observed(ratio).bound(-NEG_REL).slack(ratio / -NEG_REL)
                .measure("lambdaMin", p.lamMin()).measure("lambdaMax", p.lamMax()).measure("scale", c.scale())
                .measure("lambdaMinOverOwnMax", p.lamMin() / p.lamMax()).measure("middleRank", p.middleRank())
                .measure("lossGap", (p.loss() - c.opt()) / (c.l0() - c.opt()))
                .measure("hessianAsymmetry", p.asymmetry())
                .detail(NumberText.format("rank(W_H...W_2) = %d = p; lambda_min = %.4g = %.3g x the curvature scale"
                        + " %.4g (lambda_max at the global minimizer) < -1e-10; at its own lambda_max %.3g; loss - OPT"
                        + " = %.3g of l(0) - OPT", p.middleRank(), p.lamMin(), ratio, c.scale(),
                        p.lamMin() / p.lamMax(), (p.loss() - c.opt()) / (c.l0() - c.opt()))).build();
    }

    /** The negative-eigenvalue test where it must not fire: W = 0 (rank 0 &lt; p) and the global minimizer. */
    static Verdict control(Criterion crit, DepthCase c, Point p) {
        double ratio = p.lamMin() / c.scale();
        boolean zero = p.kind() == Kind.ZERO;
        String why = zero ? NumberText.format("W = 0 is a critical point (||grad|| = %.3g) and a saddle (l(0) - OPT = "
                + "%.4g > 0), but rank(W_H...W_2) = %d < p = %d: the hypothesis of (iv) fails, and the Hessian is"
                + " exactly 0 (max |entry| %.3g) - no negative eigenvalue", p.grad(), c.l0() - c.opt(), p.middleRank(),
                c.p(), p.maxAbsHessian()) : NumberText.format("the global minimizer %s (rank(W_H...W_2) = %d): the"
                        + " Hessian is positive semidefinite, lambda_min = %.3g", p.name(), p.middleRank(), p.lamMin());
        return Verdict.builder(crit).at(c.provenance())
                .check(NumberText.format("control: negative-eigenvalue test at %s (H=%d)", zero ? "W = 0"
                        : "the global minimizer", c.hidden())).hypothesisMet(hypothesis(c, p)).observed(ratio)
                .bound(-NEG_REL).measure("lambdaMin", p.lamMin()).measure("lambdaMax", p.lamMax())
                .measure("middleRank", p.middleRank()).measure("maxAbsHessian", p.maxAbsHessian())
                .measure("gradient", p.grad()).detail(why + "; the test lambda_min/scale < -1e-10 must report no"
                        + " negative eigenvalue").build();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (DepthCase c : m.cases()) {
            List<Point> all = new ArrayList<>(c.saddles());
            all.add(c.global());
            all.add(c.zero());
            for (Point p : all) {
                rows.add(List.of(String.valueOf(c.provenance().seed()), String.valueOf(c.hidden()), p.name(),
                        p.kind().name().toLowerCase(java.util.Locale.ROOT), NumberText.sig3(p.grad() / c.yxNorm()),
                        String.valueOf(p.middleRank()), NumberText.sig3(p.loss() - c.opt()),
                        NumberText.sig3(p.lamMin() / c.scale()), NumberText.sig3(p.lamMin()),
                        NumberText.sig3(p.maxAbsHessian())));
            }
        }
        return List.of(new Table("DLN-4-saddles", NumberText.format("DLN-4: critical points of 1/2 ||W_{H+1}...W_1 X"
                + " - Y||^2 split across H + 1 layers (d_x = %d, d_y = %d, hidden width k = p = %d, n = %d)", DX, DY,
                K, N), List.of("seed", "H", "point", "kind", "||grad||/||YX^T||", "rank(W_H...W_2)", "loss - OPT",
                        "lambda_min/scale", "lambda_min", "max |Hessian entry|"), rows,
                "scale = the largest Hessian eigenvalue at the global minimizer of the same instance; Hessian exact"
                        + " (Hessian-vector products of the backprop recursion)."));
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<Figure.Series> series = new ArrayList<>();
        for (int hidden : new int[] {2, 3}) {
            List<double[]> pts = new ArrayList<>();
            for (DepthCase c : m.cases()) {
                if (c.hidden() == hidden) {
                    for (Point p : c.saddles()) {
                        pts.add(new double[] {(p.loss() - c.opt()) / (c.l0() - c.opt()), p.lamMin() / c.scale()});
                    }
                    pts.add(new double[] {1.0, c.zero().lamMin() / c.scale()});
                }
            }
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            if (!pts.isEmpty()) {
                series.add(new Figure.Series("H = " + hidden + " (W = 0 at x = 1)", pts.stream().mapToDouble(
                        a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray(), false));
            }
        }
        series.add(new Figure.Series("threshold -1e-10 (negative below)", new double[] {0, 1},
                new double[] {-NEG_REL, -NEG_REL}, true));
        return List.of(new Figure("DLN-4-saddles", "DLN-4: smallest Hessian eigenvalue at the split saddles and at"
                + " W = 0",
                "(loss - OPT)/(l(0) - OPT)", "lambda_min / (lambda_max at the global minimizer)", false, false,
                series));
    }
}
