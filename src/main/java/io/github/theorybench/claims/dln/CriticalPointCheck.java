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
import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * DLN-3 (CLAIMS.md; 003 Theorem 2.3, Kawaguchi, at depth 2, with the critical points of Baldi &amp; Hornik):
 * ℓ(W₁, W₂) = ½‖W₂W₁X − Y‖_F², W₁ ∈ R^{k×d_x}, W₂ ∈ R^{d_y×k}, k &lt; d_y ≤ d_x, XXᵀ and XYᵀ full rank,
 * Σ = YXᵀ(XXᵀ)⁻¹XYᵀ = UΛUᵀ with distinct eigenvalues ({@link BaldiHornikInstance}). For every index set I of k
 * eigenvectors and invertible C, W₂ = U_I C, W₁ = C⁻¹U_Iᵀ Φ̂ (Φ̂ = YXᵀ(XXᵀ)⁻¹) is a critical point (checked with
 * C = I) with loss ½‖Y − Φ̂X‖² + ½Σ_{i∉I}λ_i; it is a global minimum iff I is the top k, otherwise a saddle whose
 * Hessian has a negative eigenvalue.
 * <p>Checks (thresholds of CLAIMS.md, relative): ‖∇ℓ‖_F ≤ 1e−12·‖YXᵀ‖_F at every constructed point; global point:
 * λ_min(∇²ℓ) ≥ −1e−10·λ_max (and k² zero eigenvalues, the GL(k) orbit); saddles: λ_min &lt; −1e−10·λ_max. The Hessian
 * is analytic (forward-mode derivative of the gradient recursion, {@link DeepLinearNet#hessian}), so the zero
 * eigenvalues sit at round-off. Gradient descent from random init reaches the global value:
 * (ℓ_T − OPT)/(ℓ₀ − OPT) ≤ 1e−10.
 * <p>Hypotheses (003 Thm 2.3 and the construction): the data meet the theorem's assumptions
 * ({@link BaldiHornikInstance.Fit#meetsTheorem23Assumptions}) and each point is built from a valid index set — a
 * non-top one for a saddle row ({@link BaldiHornikInstance#isNonTopSubset}), the top one for the global row.
 * <p>Controls, each the claim's own statistic and rule on a point where it must fail: (1) the gradient test on the
 * global point moved by a relative 1e−8 (the threshold is not so loose that a non-critical point passes); (2) the
 * global point's test "λ_min ≥ −1e−10·λ_max" on the mildest saddle (the non-global point closest to the optimum:
 * top k−1 plus the (k+1)-th eigenvector) must flag it as not a minimum; (3) the saddles' test "λ_min &lt; −1e−10·λ_max"
 * on the global minimizer must find no negative eigenvalue (there the Hessian is positive semidefinite: it is a
 * minimum, and its k² zero eigenvalues sit at round-off, ~1e−16 of λ_max, six orders inside the threshold);
 * (4) the optimum-value test applied to the mildest saddle's loss must flag it as non-global (a GD run stuck there
 * would be caught).
 */
public final class CriticalPointCheck extends MeasuredCheck<CriticalPointCheck.Sizes, CriticalPointCheck.Measurement> {
    public static final Criterion GRADIENT = Criterion.claim("DLN-3", "criticalPointGradient");
    public static final Criterion GRADIENT_PERTURBED = Criterion.control("DLN-3", "gradientTestAtPerturbedGlobalPoint");
    public static final Criterion GLOBAL_NO_NEGATIVE = Criterion.claim("DLN-3", "globalPointNoNegativeEigenvalue");
    public static final Criterion GLOBAL_TEST_ON_SADDLE = Criterion.control("DLN-3",
            "noNegativeEigenvalueTestOnMildestSaddle");
    public static final Criterion SADDLE_NEGATIVE = Criterion.claim("DLN-3", "saddleNegativeEigenvalue");
    public static final Criterion SADDLE_TEST_ON_GLOBAL = Criterion.control("DLN-3",
            "negativeEigenvalueTestOnGlobalPoint");
    public static final Criterion DESCENT_GLOBAL_VALUE = Criterion.claim("DLN-3", "descentReachesGlobalValue");
    public static final Criterion VALUE_TEST_ON_SADDLE = Criterion.control("DLN-3", "globalValueTestOnMildestSaddle");

    static final int DX = 6, DY = 4, K = 2, N = 30;
    /** CLAIMS.md (calibrated): ‖∇ℓ‖ ≤ 1e−12·‖YXᵀ‖ at a constructed critical point. */
    static final double GRAD_REL = 1e-12;
    /** CLAIMS.md (calibrated): "no negative eigenvalue" means λ_min ≥ −1e−10·λ_max; a saddle has λ_min below that. */
    static final double NEG_REL = 1e-10;
    /** Gradient descent reaches the global value: (ℓ_T − OPT)/(ℓ₀ − OPT) ≤ 1e−10. */
    static final double GD_GAP = 1e-10;

    /** Seeds; GD inits per seed; GD step cap. */
    public record Sizes(int seeds, int inits, int gdMaxSteps) {
        /** CLAIMS.md: 5 seeds, 3 inits, GD capped at 2e5 steps. */
        public static Sizes claims() {
            return new Sizes(5, 3, 200_000);
        }

        public static Sizes quick() {
            return new Sizes(2, 1, 200_000);
        }
    }

    /**
     * A critical point's measured properties.
     *
     * @param swapCurvature the Hessian's Rayleigh quotient along the most negative swap direction, min over i ∉ I,
     * j ∈ I of (λ_j − λ_i)/(1 + ‖u_iᵀΦ̂‖²) (Σ's eigenvalues λ, eigenvectors u): rotating column u_j of W₂ = U_I
     * toward u_i, with W₁ following, changes ℓ by ε²(λ_j − λ_i) + O(ε³) over a step of squared length
     * ε²(1 + ‖u_iᵀΦ̂‖²). So λ_min ≤ swapCurvature, negative exactly when a better eigenvector is left out.
     */
    record Point(int[] idx, boolean global, double loss, double closedForm, double grad, double lamMin,
            double lamMax, int nearZero, double asymmetry, double swapCurvature) {
        String name() {
            return "I={" + (idx[0] + 1) + "," + (idx[1] + 1) + "}";
        }
    }

    /** One GD run from a random init: ℓ₀, ℓ_T, steps, η. */
    record Descent(double l0, double lT, int steps, double eta) {
    }

    /**
     * Everything measured on one seed.
     *
     * @param l0Ref ℓ at W = 0 (the optimum-value control's reference)
     * @param perturbedGrad ‖∇ℓ‖ at the global point moved by a relative 1e−8
     */
    record SeedPoints(Provenance provenance, boolean assumptions, double opt, double gradBound, double l0Ref,
            List<Point> points, double perturbedGrad, List<Descent> descents) {
        /** The saddle rows' hypothesis: Thm 2.3's assumptions, and the point built from a non-top index set. */
        boolean saddleHypothesis(Point p) {
            return assumptions && BaldiHornikInstance.isNonTopSubset(p.idx(), K, DY);
        }

        /** The global row's hypothesis: Thm 2.3's assumptions, and the point built from the top index set. */
        boolean globalHypothesis(Point p) {
            return assumptions && BaldiHornikInstance.isTopSubset(p.idx(), K, DY);
        }

        Point globalPoint() {
            return points.stream().filter(Point::global).findFirst().orElseThrow();
        }

        Point mildestSaddle() {
            Point mildest = null;
            for (Point p : points) {
                if (!p.global() && (mildest == null || p.loss() < mildest.loss())) {
                    mildest = p;
                }
            }
            return mildest;
        }
    }

    public record Measurement(List<SeedPoints> seeds) {
    }

    public CriticalPointCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    CriticalPointCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("DLN-3");
    }

    /** W₂ = U_I C, W₁ = C⁻¹ U_Iᵀ Φ̂ for eigenvector indices {@code idx} (0 = largest). */
    static List<Matrix> criticalPoint(Backend b, BaldiHornikInstance.Fit fit, int[] idx, DenseMatrix cMat) {
        DenseMatrix ui = fit.eigenvectors(idx);
        DenseMatrix cInv = b.solve(b.adopt(cMat), b.adopt(DenseMatrix.identity(K)));
        Matrix w2 = b.multiply(false, false, b.adopt(ui), b.adopt(cMat));
        Matrix uPhi = b.multiply(true, false, b.adopt(ui), b.adopt(fit.phiHat()));
        Matrix w1 = b.multiply(false, false, b.adopt(cInv), uPhi);
        return List.of(w1, w2);
    }

    static double gradNorm(List<Matrix> gradients) {
        double s = 0;
        for (Matrix g : gradients) {
            double f = g.toDense().frobeniusNorm();
            s += f * f;
        }
        return Math.sqrt(s);
    }

    static Point point(Backend b, BaldiHornikInstance.Fit fit, DeepLinearNet net, int[] idx, DenseMatrix cMat) {
        List<Matrix> w = criticalPoint(b, fit, idx, cMat);
        DeepLinearNet.Evaluation e = net.evaluate(w);
        DenseMatrix h = net.hessian(w);
        double asym = DenseMatrix.relativeDifference(h, h.transpose());
        SymmetricEigen eig = b.eigSym(b.adopt(h.plusScaled(1, h.transpose()).scale(0.5)));
        int zeros = 0;
        for (double l : eig.values()) {
            zeros += Math.abs(l) <= NEG_REL * eig.max() ? 1 : 0;
        }
        boolean global = true;
        for (int j = 0; j < K; j++) {
            global &= idx[j] < K;
        }
        return new Point(idx, global, e.loss(), fit.criticalValue(idx), gradNorm(e.gradients()), eig.min(),
                eig.max(), zeros, asym, swapCurvature(b, fit, idx));
    }

    /** min over i ∉ I, j ∈ I of (λ_j − λ_i)/(1 + ‖u_iᵀΦ̂‖²): see {@link Point#swapCurvature()}. */
    static double swapCurvature(Backend b, BaldiHornikInstance.Fit fit, int[] idx) {
        double[] asc = fit.sigma().values();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < DY; i++) {
            boolean in = false;
            for (int j : idx) {
                in |= j == i;
            }
            if (in) {
                continue;
            }
            DenseMatrix ui = fit.eigenvectors(new int[] {i});
            double norm = b.multiply(true, false, b.adopt(ui), b.adopt(fit.phiHat())).toDense().frobeniusNorm();
            for (int j : idx) {
                best = Math.min(best, (asc[DY - 1 - j] - asc[DY - 1 - i]) / (1 + norm * norm));
            }
        }
        return best;
    }

    /** Gradient descent from a random init, stopping once (ℓ − OPT)/(ℓ₀ − OPT) ≤ 1e−2·GD_GAP. */
    static Descent descend(Backend b, BaldiHornikInstance inst, BaldiHornikInstance.Fit fit, long seed, int maxSteps,
            double opt) {
        DeepLinearNet net = inst.net(b, DX, K, DY);
        RandomGenerator rng = RandomMatrices.rng(seed);
        DeepLinearNet.Layers w0 = net.layers(List.of(RandomMatrices.gaussian(K, DX, 1 / Math.sqrt(DX), rng),
                RandomMatrices.gaussian(DY, K, 1 / Math.sqrt(K), rng)));
        // Step from the data scale: the Hessian's blocks are W₂ᵀW₂ ⊗ XXᵀ and W₁XXᵀW₁ᵀ ⊗ I.
        double xx = b.svd(b.adopt(inst.x())).max();
        double phi = b.svd(b.adopt(fit.phiHat())).max();
        double eta = 0.25 / (xx * xx * Math.max(1.0, phi));
        double[] l0 = {Double.NaN};
        GradientDescent.Result<DeepLinearNet.Layers> run = new GradientDescent<>(net.descent(), eta, maxSteps)
                .run(w0, (t, w, e) -> e.loss() - opt <= 0.01 * GD_GAP * (l0[0] - opt), (t, w, e) -> {
                    if (t == 0) {
                        l0[0] = e.loss();
                    }
                });
        return new Descent(l0[0], run.lastEvaluation().loss(), run.steps(), eta);
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "DLN-3");
        List<SeedPoints> out = new ArrayList<>();
        for (int s = 0; s < sizes.seeds(); s++) {
            out.add(measureSeed(ctx, seeds, s, sizes));
        }
        return new Measurement(out);
    }

    private static SeedPoints measureSeed(CheckContext ctx, SeedStream seeds, int s, Sizes sizes) {
        Backend b = ctx.backend();
        long seed = seeds.seed(s);
        BaldiHornikInstance inst = BaldiHornikInstance.build(seed, DX, DY, N);
        BaldiHornikInstance.Fit fit = inst.fit(b);
        DeepLinearNet net = inst.net(b, DX, K, DY);
        // C = I: the balanced representative of each GL(k) orbit (a random C gives the same critical values and
        // zero gradient, but rescales λ_max, so λ_min/λ_max would not be comparable with CLAIMS.md's calibration).
        DenseMatrix cMat = DenseMatrix.identity(K);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < DY; i++) {
            for (int j = i + 1; j < DY; j++) {
                points.add(point(b, fit, net, new int[] {i, j}, cMat));
            }
        }
        double opt = fit.criticalValue(new int[] {0, 1});
        double l0Ref = net.loss(net.adopt(List.of(DenseMatrix.zeros(K, DX), DenseMatrix.zeros(DY, K))));
        double[] theta = DeepLinearNet.flatten(criticalPoint(b, fit, new int[] {0, 1}, cMat));
        double norm = norm(theta);
        double[] dir = RandomMatrices.gaussianVector(theta.length, 1.0, RandomMatrices.rng(seeds.child("perturbation")
                .seed(s)));
        double dn = norm(dir);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 1e-8 * norm * dir[i] / dn;
        }
        double pertGrad = gradNorm(net.evaluate(net.unflatten(theta)).gradients());
        List<Descent> descents = new ArrayList<>();
        for (int i = 0; i < sizes.inits(); i++) {
            Descent d = descend(b, inst, fit, seeds.child("init/" + i).seed(s), sizes.gdMaxSteps(), opt);
            ctx.progress(NumberText.format("DLN-3 seed %d init %d: gap %.3g after %d steps", seed, i,
                    (d.lT() - opt) / (d.l0() - opt), d.steps()));
            descents.add(d);
        }
        Provenance p = Provenance.of(seed, b.name(), "d_x", DX, "d_y", DY, "k", K, "n", N);
        return new SeedPoints(p, fit.meetsTheorem23Assumptions(DX), opt, GRAD_REL * fit.yxNorm(), l0Ref, points,
                pertGrad, descents);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (SeedPoints s : m.seeds()) {
            for (Point p : s.points()) {
                out.add(gradient(s, p));
                out.add(p.global() ? globalHessian(GLOBAL_NO_NEGATIVE, s, p) : saddleHessian(SADDLE_NEGATIVE, s, p));
            }
            out.addAll(controls(s));
            for (int i = 0; i < s.descents().size(); i++) {
                out.add(descent(s, i));
            }
        }
        return out;
    }

    static Verdict gradient(SeedPoints s, Point p) {
        return Verdict.builder(GRADIENT).at(s.provenance()).check("gradient at critical point " + p.name())
                .hypothesisMet(s.saddleHypothesis(p) || s.globalHypothesis(p)).observed(p.grad())
                .bound(s.gradBound())
                .measure("lossMinusClosedForm", p.loss() - p.closedForm())
                .measure("relativeGradient", p.grad() / (s.gradBound() / GRAD_REL))
                .detail(NumberText.format("%s point %s (eigenvector indices, 1 = largest): ||grad|| = %.3g <= 1e-12"
                        + " ||YX^T|| = %.3g; loss %.6g vs closed form %.6g", p.global() ? "global" : "saddle",
                        p.name(), p.grad(), s.gradBound(), p.loss(), p.closedForm())).build();
    }

    /** "No negative eigenvalue": −λ_min/λ_max ≤ 1e−10, with the k² zero eigenvalues of the GL(k) orbit. */
    static Verdict globalHessian(Criterion c, SeedPoints s, Point p) {
        double ratio = p.lamMin() / p.lamMax();
        boolean control = c.role() == Verdict.Role.CONTROL;
        return Verdict.builder(c).at(s.provenance()).check((control
                ? "control: no-negative-eigenvalue test on the mildest saddle " : "global point has no negative"
                        + " eigenvalue ") + p.name()).hypothesisMet(s.globalHypothesis(p)).observed(-ratio)
                .bound(NEG_REL)
                .holds(-ratio <= NEG_REL && p.nearZero() == K * K).measure("lambdaMin", p.lamMin())
                .measure("lambdaMax", p.lamMax()).measure("zeroEigenvalues", p.nearZero())
                .measure("hessianAsymmetry", p.asymmetry()).detail(NumberText.format("lambda_min/lambda_max = %.3g >="
                        + " -1e-10 and %d eigenvalues within 1e-10 lambda_max of 0 (k^2 = %d expected)%s", ratio,
                        p.nearZero(), K * K, control ? ": must fail at a saddle" : "")).build();
    }

    /** "A negative eigenvalue": λ_min/λ_max &lt; −1e−10. */
    static Verdict saddleHessian(Criterion c, SeedPoints s, Point p) {
        double ratio = p.lamMin() / p.lamMax();
        boolean control = c.role() == Verdict.Role.CONTROL;
        return Verdict.builder(c).at(s.provenance()).check((control
                ? "control: negative-eigenvalue test on the global point " : "saddle has a negative eigenvalue ")
                + p.name()).hypothesisMet(s.saddleHypothesis(p)).observed(ratio).bound(-NEG_REL)
                .slack(ratio / -NEG_REL)
                .measure("lambdaMin", p.lamMin()).measure("lambdaMax", p.lamMax())
                .measure("hessianAsymmetry", p.asymmetry()).measure("lossGap", (p.loss() - s.opt())
                        / (s.l0Ref() - s.opt())).measure("swapCurvatureOverLambdaMax", p.swapCurvature() / p.lamMax())
                .detail(NumberText.format("lambda_min/lambda_max = %.3g < -1e-10 (loss %.6g, optimum %.6g)%s", ratio,
                        p.loss(), s.opt(), control ? ": the global minimizer's Hessian is positive semidefinite,"
                                + " so the test must find no negative eigenvalue" : "")).build();
    }

    static List<Verdict> controls(SeedPoints s) {
        Point mildest = s.mildestSaddle();
        double valueGap = (mildest.loss() - s.opt()) / (s.l0Ref() - s.opt());
        return List.of(Verdict.builder(GRADIENT_PERTURBED).at(s.provenance())
                        .check("control: gradient test at a perturbed global point").observed(s.perturbedGrad())
                        .bound(s.gradBound()).detail(NumberText.format("global point moved by 1e-8 relative: ||grad||"
                                + " = %.3g must exceed 1e-12 ||YX^T|| = %.3g", s.perturbedGrad(), s.gradBound()))
                        .build(),
                globalHessian(GLOBAL_TEST_ON_SADDLE, s, mildest),
                saddleHessian(SADDLE_TEST_ON_GLOBAL, s, s.globalPoint()),
                Verdict.builder(VALUE_TEST_ON_SADDLE).at(s.provenance())
                        .check("control: optimum-value test on the mildest saddle " + mildest.name())
                        .observed(valueGap).bound(GD_GAP).detail(NumberText.format("(loss - OPT)/(l(0) - OPT) = %.3g"
                                + " at the saddle (l(0) = loss at W = 0) must exceed 1e-10", valueGap)).build());
    }

    static Verdict descent(SeedPoints s, int i) {
        Descent d = s.descents().get(i);
        Point mildest = s.mildestSaddle();
        double valueGap = (mildest.loss() - s.opt()) / (s.l0Ref() - s.opt());
        double gap = (d.lT() - s.opt()) / (d.l0() - s.opt());
        return Verdict.builder(DESCENT_GLOBAL_VALUE).at(s.provenance())
                .check("GD reaches the global value (init " + i + ")").hypothesisMet(s.assumptions()).observed(gap)
                .bound(GD_GAP).measure("steps", d.steps()).measure("eta", d.eta()).measure("saddleGap", valueGap)
                .detail(NumberText.format("GD (eta = %.3g) from a random init: (l_T - OPT)/(l_0 - OPT) = %.3g after %d"
                        + " steps (<= 1e-10); the mildest saddle sits at %.3g", d.eta(), gap, d.steps(), valueGap))
                .build();
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<double[]> saddles = new ArrayList<>(), globals = new ArrayList<>();
        for (SeedPoints s : m.seeds()) {
            for (Point p : s.points()) {
                double[] xy = {(p.loss() - s.opt()) / (s.l0Ref() - s.opt()), p.lamMin() / p.lamMax()};
                (p.global() ? globals : saddles).add(xy);
            }
        }
        saddles.sort((a, b) -> Double.compare(a[0], b[0]));
        double xMax = saddles.isEmpty() ? 1 : saddles.get(saddles.size() - 1)[0];
        double[] xs = {0, xMax};
        return List.of(new Figure("DLN-3-hessian", "DLN-3: smallest Hessian eigenvalue at the Baldi-Hornik critical"
                + " points (depth 2)", "(loss - OPT)/(l(0) - OPT)", "lambda_min / lambda_max", false, false, List.of(
                        new Figure.Series("saddles", column(saddles, 0), column(saddles, 1), false),
                        new Figure.Series("global minimizers", column(globals, 0), column(globals, 1), false),
                        new Figure.Series("threshold -1e-10", xs, new double[] {-NEG_REL, -NEG_REL}, true),
                        new Figure.Series("calibrated saddles: -2%", xs, new double[] {-0.02, -0.02}, true),
                        new Figure.Series("calibrated saddles: -50%", xs, new double[] {-0.5, -0.5}, true))));
    }

    private static double[] column(List<double[]> rows, int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }

    @Override
    public List<Table> tables(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (SeedPoints s : m.seeds()) {
            for (Point p : s.points()) {
                rows.add(List.of(String.valueOf(s.provenance().seed()), p.name(), p.global() ? "global" : "saddle",
                        fmt(p.grad()), fmt(p.loss() - s.opt()), fmt(p.lamMin()), fmt(p.lamMax()),
                        fmt(p.lamMin() / p.lamMax()), String.valueOf(p.nearZero())));
            }
        }
        return List.of(new Table("DLN-3-critical-points", NumberText.format("DLN-3: Baldi-Hornik critical points of"
                + " 1/2 ||W2 W1 X - Y||^2 (d_x = %d, d_y = %d, k = %d, n = %d)", DX, DY, K, N), List.of("seed",
                "eigenvectors I", "kind", "||grad||", "loss - OPT", "lambda_min", "lambda_max",
                "lambda_min/lambda_max", "# |lambda| <= 1e-10 lambda_max"), rows,
                "Hessian analytic (Hessian-vector products on unit vectors); W2 = U_I C, W1 = C^-1 U_I^T Phi_hat with"
                        + " C = I."));
    }

    static String fmt(double v) {
        return NumberText.sig3(v);
    }
}
