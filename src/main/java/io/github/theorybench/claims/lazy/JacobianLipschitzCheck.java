package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.MeasuredCheck;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * LAZY-4 (001, the Jacobian Lipschitz bound): ‖J_W − J_V‖_F ≤ β₀·sqrt(Σ_i‖x_i‖⁴)·‖W − V‖_F for s_j ∈ {±1}. Since
 * row i of J_W is [s_j σ′(w_jᵀx_i) x_iᵀ]_j, ‖J_W − J_V‖_F² = Σ_i ‖x_i‖² Σ_j (σ′(w_jᵀx_i) − σ′(v_jᵀx_i))², computed
 * from the structured factors D. Random pairs, nearby pairs ({@link Pairs}), and the tight n = 1 case
 * ({@link TightCase}: every w_jᵀx at the argmax of |σ″|, V = W + δ·1xᵀ) whose ratio approaches 1; the control checks
 * that case against bound/2 (CLAIMS.md LAZY-4).
 */
public final class JacobianLipschitzCheck
        extends MeasuredCheck<JacobianLipschitzCheck.Sizes, JacobianLipschitzCheck.Measurement> {
    public static final Criterion RANDOM_PAIRS = Criterion.claim("LAZY-4", "randomPairs");
    public static final Criterion NEARBY_PAIRS = Criterion.claim("LAZY-4", "nearbyPairs");
    public static final Criterion TIGHT_CASE = Criterion.claim("LAZY-4", "tightArgmaxCase");
    public static final Criterion TIGHT_CASE_HALF_BOUND = Criterion.control("LAZY-4", "tightCaseHalfBound");

    /** Activations of the pair rows: both smooth, β₀ = 4/(3√3) (tanh) and 1/4 (softplus). */
    static final List<Activation> ACTIVATIONS = List.of(Activation.TANH, Activation.SOFTPLUS);
    /** Nearby pairs: V = W + NEARBY_SCALE·G, G iid N(0, 1). */
    static final double NEARBY_SCALE = 1e-3;
    /**
     * Tight case: V = W + δ·1xᵀ. σ‴(z*) = 0 at z* = atanh(1/√3), so the ratio is 1 − O(δ²); δ = 1e-3 keeps the
     * cancellation error of σ′(z*+δ) − σ′(z*) (≈ ε/δ) far below that.
     */
    static final double TIGHT_DELTA = 1e-3;

    /**
     * Pair instance n × d with width m and {@code pairs} random and nearby pairs; tight case d × width.
     */
    public record Sizes(int n, int d, int m, int pairs, int tightD, int tightM) {
        /** CLAIMS.md LAZY-4 (as the LAZY model): n = 10, d = 5, m = 400, 100 pairs; tight case d = 5, m = 50. */
        public static Sizes claims() {
            return new Sizes(10, 5, 400, 100, 5, 50);
        }

        public static Sizes quick() {
            return new Sizes(10, 5, 100, 20, 5, 50);
        }
    }

    /**
     * LAZY-4's hypothesis (001): fixed outer signs s_j ∈ {±1} and σ′ Lipschitz (β₀ = sup|σ″| finite). ReLU fails it
     * (σ′ jumps), and so do outer weights other than ±1 (the bound has no ‖a‖_∞ factor).
     */
    public static boolean unitSignsAndLipschitzDerivative(double[] signs, Activation act) {
        for (double s : signs) {
            if (Math.abs(s) != 1.0) {
                return false;
            }
        }
        return act.isSmooth();
    }

    /**
     * Seeded pairs (all draws in this order from one generator): X ∈ R^{n×d} iid N(0, 1) (not unit-norm: Σ‖x_i‖⁴
     * matters), a random-sign init (its signs are the s_j), then per pair W, V iid N(0, 1) and the Gaussian G of the
     * nearby pair W + {@value #NEARBY_SCALE}·G.
     */
    public record Pairs(long seed, DenseMatrix x, double[] signs, List<DenseMatrix> w, List<DenseMatrix> v,
            List<DenseMatrix> nearby) {
        public static Pairs build(long seed, int n, int d, int m, int pairs) {
            RandomGenerator rng = RandomMatrices.rng(seed);
            DenseMatrix x = RandomMatrices.gaussian(n, d, 1.0, rng);
            TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
            List<DenseMatrix> w = new ArrayList<>(), v = new ArrayList<>(), near = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                w.add(RandomMatrices.gaussian(m, d, 1.0, rng));
                v.add(RandomMatrices.gaussian(m, d, 1.0, rng));
                near.add(w.get(p).plusScaled(NEARBY_SCALE, RandomMatrices.gaussian(m, d, 1.0, rng)));
            }
            return new Pairs(seed, x, init.signs(), w, v, near);
        }
    }

    /**
     * The tight n = 1 case: a unit x (d draws), signs (m draws), every w_j = z*·x with z* = atanh(1/√3) where
     * |tanh″| = β₀ = 4/(3√3) is largest, and V = W + δ·1xᵀ.
     */
    public record TightCase(long seed, DenseMatrix x, double[] signs, DenseMatrix w, DenseMatrix v) {
        /** argmax |tanh″| = atanh(1/√3). */
        public static final double Z_STAR = 0.5 * Math.log((1 + 1 / Math.sqrt(3)) / (1 - 1 / Math.sqrt(3)));

        public static TightCase build(long seed, int m, int d) {
            RandomGenerator rng = RandomMatrices.rng(seed);
            DenseMatrix x = RandomMatrices.unitRows(1, d, rng);
            DenseMatrix w = DenseMatrix.zeros(m, d), v = DenseMatrix.zeros(m, d);
            double[] signs = new double[m];
            for (int j = 0; j < m; j++) {
                signs[j] = rng.nextBoolean() ? 1 : -1;
                for (int k = 0; k < d; k++) {
                    w.set(j, k, Z_STAR * x.get(0, k));
                    v.set(j, k, (Z_STAR + TIGHT_DELTA) * x.get(0, k));
                }
            }
            return new TightCase(seed, x, signs, w, v);
        }
    }

    /** Ratios ‖J_W − J_V‖_F / bound of every random and nearby pair for one activation. */
    public record PairRatios(Provenance provenance, Activation activation, boolean hypothesisMet, double[] random,
            double[] nearby) {
        public double maxRandom() {
            return max(random);
        }

        public double maxNearby() {
            return max(nearby);
        }
    }

    /** The tight case's ratio (tanh). */
    public record TightRatio(Provenance provenance, boolean hypothesisMet, double delta, double ratio) {
    }

    public record Measurement(List<PairRatios> pairs, TightRatio tight) {
    }

    public JacobianLipschitzCheck() {
        super(Sizes.claims(), Sizes.quick());
    }

    /** The check at other sizes (tests). */
    JacobianLipschitzCheck(Sizes sizes) {
        super(sizes, sizes);
    }

    @Override
    public List<String> ids() {
        return List.of("LAZY-4");
    }

    /** LAZY-4: ‖J_W − J_V‖_F / (β₀ sqrt(Σ‖x_i‖⁴) ‖W − V‖_F), ‖J_W − J_V‖_F² = Σ_i ‖x_i‖² Σ_j (D_W − D_V)_ij². */
    static double ratio(TwoLayerNet net, DenseMatrix w, DenseMatrix v) {
        DenseMatrix dw = net.structuredFactor(w).toDense(), dv = net.structuredFactor(v).toDense();
        DenseMatrix x = net.inputs();
        double num = 0, sum4 = 0;
        for (int i = 0; i < net.n(); i++) {
            double xi2 = 0;
            for (int k = 0; k < net.d(); k++) {
                xi2 += x.get(i, k) * x.get(i, k);
            }
            sum4 += xi2 * xi2;
            double row = 0;
            for (int j = 0; j < net.m(); j++) {
                double diff = dw.get(i, j) - dv.get(i, j);
                row += diff * diff;
            }
            num += xi2 * row;
        }
        double dist = w.plusScaled(-1, v).frobeniusNorm();
        return Math.sqrt(num) / (net.activation().beta0() * Math.sqrt(sum4) * dist);
    }

    @Override
    public Measurement measure(Sizes sizes, CheckContext ctx) {
        SeedStream seeds = SeedStream.of(ctx.seed(), "LAZY-4");
        long pairSeed = seeds.seed(0), tightSeed = seeds.child("tight").seed(0);
        Pairs pairs = Pairs.build(pairSeed, sizes.n(), sizes.d(), sizes.m(), sizes.pairs());
        List<PairRatios> out = new ArrayList<>();
        for (Activation act : ACTIVATIONS) {
            out.add(measurePairs(ctx.backend(), pairs, act, sizes));
        }
        TightCase t = TightCase.build(tightSeed, sizes.tightM(), sizes.tightD());
        TwoLayerNet tight = TwoLayerNet.withFixedSigns(ctx.backend(), t.x(), t.signs(), Activation.TANH);
        Provenance p = Provenance.of(tightSeed, ctx.backend().name(), "n", 1, "d", sizes.tightD(), "m",
                sizes.tightM()).withActivation(Activation.TANH.label());
        return new Measurement(out, new TightRatio(p, unitSignsAndLipschitzDerivative(t.signs(), Activation.TANH),
                TIGHT_DELTA, ratio(tight, t.w(), t.v())));
    }

    private static PairRatios measurePairs(Backend backend, Pairs pairs, Activation act, Sizes sizes) {
        TwoLayerNet net = TwoLayerNet.withFixedSigns(backend, pairs.x(), pairs.signs(), act);
        int k = pairs.w().size();
        double[] random = new double[k], nearby = new double[k];
        for (int p = 0; p < k; p++) {
            random[p] = ratio(net, pairs.w().get(p), pairs.v().get(p));
            nearby[p] = ratio(net, pairs.w().get(p), pairs.nearby().get(p));
        }
        Provenance prov = Provenance.of(pairs.seed(), backend.name(), "n", sizes.n(), "d", sizes.d(), "m", sizes.m(),
                "pairs", sizes.pairs()).withActivation(act.label());
        return new PairRatios(prov, act, unitSignsAndLipschitzDerivative(pairs.signs(), act), random, nearby);
    }

    @Override
    public List<Verdict> verdicts(Measurement m) {
        List<Verdict> out = new ArrayList<>();
        for (PairRatios p : m.pairs()) {
            out.add(Verdict.builder(RANDOM_PAIRS).at(p.provenance()).check("random pairs, " + p.activation().label())
                    .hypothesisMet(p.hypothesisMet()).observed(p.maxRandom()).bound(1.0)
                    .detail("observed = max ||J_W - J_V||_F / (beta0 sqrt(sum ||x_i||^4) ||W - V||_F)").build());
            out.add(Verdict.builder(NEARBY_PAIRS).at(p.provenance()).check("nearby pairs, " + p.activation().label())
                    .hypothesisMet(p.hypothesisMet()).observed(p.maxNearby()).bound(1.0)
                    .detail("observed = max ||J_W - J_V||_F / (beta0 sqrt(sum ||x_i||^4) ||W - V||_F)").build());
        }
        TightRatio t = m.tight();
        String detail = NumberText.format("n = 1, w_j.x = atanh(1/sqrt 3) (argmax |tanh''|), V = W + %.0e x: ratio "
                + "%.7f", t.delta(), t.ratio());
        out.add(Verdict.builder(TIGHT_CASE).at(t.provenance()).check("tight n = 1 case at argmax |sigma''|")
                .hypothesisMet(t.hypothesisMet()).observed(t.ratio()).bound(1.0).detail(detail).build());
        // CLAIMS.md LAZY-4's control: the tight case against half the bound
        out.add(Verdict.builder(TIGHT_CASE_HALF_BOUND).at(t.provenance()).check("tight n = 1 case against bound/2")
                .hypothesisMet(t.hypothesisMet()).observed(t.ratio()).bound(0.5).detail(detail).build());
        return out;
    }

    @Override
    public List<Figure> figures(Measurement m) {
        List<Figure.Series> series = new ArrayList<>();
        double[] bins = histogramBins();
        for (PairRatios p : m.pairs()) {
            series.add(new Figure.Series("random pairs, " + p.activation().label(), bins, histogram(p.random(),
                    bins), false));
            series.add(new Figure.Series("nearby pairs, " + p.activation().label(), bins, histogram(p.nearby(),
                    bins), false));
        }
        series.add(new Figure.Series("bound (ratio 1)", new double[] {1, 1}, new double[] {0, maxCount(series)},
                true));
        series.add(new Figure.Series("tight n = 1 case", new double[] {m.tight().ratio(), m.tight().ratio()},
                new double[] {0, maxCount(series)}, true));
        return List.of(new Figure("LAZY-4-ratios", "LAZY-4: ||J_W - J_V||_F / (beta0 sqrt(sum ||x_i||^4) "
                + "||W - V||_F) over the pairs", "ratio to the bound (1 = bound)", "pairs per bin", false, false,
                series));
    }

    /** Left edges of 20 bins of width 0.05 over [0, 1]. */
    static double[] histogramBins() {
        double[] b = new double[20];
        for (int k = 0; k < b.length; k++) {
            b[k] = 0.05 * k + 0.025;
        }
        return b;
    }

    /** Counts of {@code v} in the bins of width 0.05 centred at {@code centres} (values ≥ 1 in the last bin). */
    static double[] histogram(double[] v, double[] centres) {
        double[] h = new double[centres.length];
        for (double x : v) {
            int k = (int) Math.floor(x / 0.05);
            h[Math.max(0, Math.min(centres.length - 1, k))]++;
        }
        return h;
    }

    private static double maxCount(List<Figure.Series> series) {
        double c = 1;
        for (Figure.Series s : series) {
            c = Math.max(c, max(s.y()));
        }
        return c;
    }

    static double max(double[] v) {
        double s = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            s = Math.max(s, x);
        }
        return s;
    }
}
