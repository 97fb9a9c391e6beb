package io.github.theorybench.claims.ntk;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NTK-4 replayed once on small instances (n > md: 8 > 6; n = md = 6, d = 2, m = 3; GD at n = 4, d = 3, m = 4),
 * every number recomputed on the instances {@link RankInstance#build} draws: Jacobians by loops, spectra with
 * Hipparchus, the ReLU pattern's rank and cause by code of this test, gradient descent by a loop of this test.
 */
@SmallInstances
class JacobianRankSmallTest {
    static final long SEED = 5;
    static final JacobianRankCheck.Sizes SIZES = new JacobianRankCheck.Sizes(8, 6, 2, 3, 4, 4, 3, 4, 3, 20_000, 30);
    /** Spectra of O(1) matrices of size ≤ 8 by two SVD codes: agreement to ~1e−13 relative. */
    private static final double SPECTRUM = 1e-9;
    /**
     * Quantities along a GD path replayed by a loop of this test: the two codes' iterates differ by round-off
     * amplified over thousands of steps (travel agrees to ~1e-10), so R_t, J_t's spectrum and r_T agree to ~1e-8.
     */
    private static final double PATH = 1e-6;

    /** J₀ of f = Σ s_j σ(w_jᵀx) by loops: row i = [s_j σ′(w_jᵀx_i) x_iᵀ]_j. */
    static RealMatrix jacobian(RankInstance in, DenseMatrix w, double[] s, boolean relu) {
        int n = in.n(), d = in.d(), m = w.rows();
        double[][] j = new double[n][m * d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < m; q++) {
                double z = 0;
                for (int c = 0; c < d; c++) {
                    z += w.get(q, c) * in.x().get(i, c);
                }
                double t = Math.tanh(z), dz = relu ? (z > 0 ? 1 : 0) : 1 - t * t;
                for (int c = 0; c < d; c++) {
                    j[i][q * d + c] = s[q] * dz * in.x().get(i, c);
                }
            }
        }
        return new Array2DRowRealMatrix(j, false);
    }

    static double condition(RealMatrix j) {
        double[] sv = new SingularValueDecomposition(j).getSingularValues();
        return sv[0] / sv[sv.length - 1];
    }

    /** The pattern's generic rank with the instance's z, and the first cause in CLAIMS.md's order, by this test. */
    static String cause(RankInstance in, int[] rankOut) {
        int n = in.n(), m = in.m(), d = in.d();
        boolean[][] on = new boolean[n][m];
        double[][] rows = new double[n][m * d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < m; q++) {
                double z = 0;
                for (int c = 0; c < d; c++) {
                    z += in.w0().get(q, c) * in.x().get(i, c);
                }
                on[i][q] = z > 0;
                for (int c = 0; c < d; c++) {
                    rows[i][q * d + c] = on[i][q] ? in.signs()[q] * in.z().get(i, c) : 0;
                }
            }
        }
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(rows)).getSingularValues();
        int rank = (int) Arrays.stream(sv).filter(v -> v > 1e-10 * sv[0]).count();
        rankOut[0] = rank;
        if (rank == n) {
            return "NONE";
        }
        for (boolean[] row : on) {
            boolean any = false;
            for (boolean b : row) {
                any |= b;
            }
            if (!any) {
                return "INACTIVE_POINT";
            }
        }
        for (boolean[] row : on) {
            if (Arrays.stream(on).filter(o -> Arrays.equals(o, row)).count() > d) {
                return "SHARED_PATTERN";
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                int diff = 0;
                for (boolean[] row : on) {
                    diff += row[a] != row[b] ? 1 : 0;
                }
                if (diff < d) {
                    return "CLOSE_NEURON_PAIR";
                }
            }
        }
        for (int a = 0; a < m; a++) {
            int size = 0;
            for (boolean[] row : on) {
                size += row[a] ? 1 : 0;
            }
            if (size < d) {
                return "SPARSE_NEURON";
            }
        }
        return "OTHER";
    }

    @Test
    @DisplayName("NTK-4 small instances: rank spectra, ReLU patterns and their causes, the three controls and the census recomputed independently")
    void rankAtInit() {
        JacobianRankCheck check = new JacobianRankCheck(SIZES);
        JacobianRank r = check.measure(SIZES, CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, true));
        SeedStream stream = SeedStream.of(SEED, "NTK-4");
        for (int s = 0; s < 4; s++) {
            RankInstance def = RankInstance.build(stream.child("deficient").seed(s), 8, 2, 3);
            RealMatrix j = jacobian(def, def.w0(), def.signs(), false);
            double[] ev = new EigenDecompositionSymmetric(j.multiply(j.transpose())).getEigenvalues();  // descending
            assertThat(r.deficient().get(s).lambdaMinOverMax()).isCloseTo(Math.abs(ev[7]) / ev[0], within(1e-14));
            assertThat(r.deficient().get(s).lambdaMdOverMax()).isCloseTo(ev[5] / ev[0], within(SPECTRUM * ev[5]
                    / ev[0]));
            RankInstance sq = RankInstance.build(stream.child("square").seed(s), 6, 2, 3);
            double tanh = condition(jacobian(sq, sq.w0(), sq.signs(), false));
            assertThat(r.fullTanh().get(s).condition()).isCloseTo(tanh, within(SPECTRUM * tanh));
            int[] rank = new int[1];
            String cause = cause(sq, rank);
            ReluPattern p = r.fullRelu().get(s).pattern();
            assertThat(p.genericRank()).isEqualTo(rank[0]);
            assertThat(p.cause().name()).isEqualTo(cause);
            if (cause.equals("NONE")) {
                double relu = condition(jacobian(sq, sq.w0(), sq.signs(), true));
                assertThat(r.fullRelu().get(s).condition()).isCloseTo(relu, within(SPECTRUM * relu));
                assertThat(p.dependentPoints()).isEmpty();
            } else {
                assertThat(r.fullRelu().get(s).condition()).isGreaterThan(1e10);
                assertThat(p.dependentPoints()).isNotEmpty();
            }
        }
        int[] census = new int[ReluPattern.Cause.values().length];
        for (int k = 0; k < 30; k++) {
            census[ReluPattern.Cause.valueOf(cause(RankInstance.build(stream.child("census").seed(k), 6, 2, 3),
                    new int[1])).ordinal()]++;
        }
        assertThat(r.census().counts()).containsExactly(census);
        assertThat(r.census().instances()).isEqualTo(30);
        assertThat(r.fullTanh().get(0).n()).isEqualTo(6);
        assertThat(r.fullTanh().get(0).d()).isEqualTo(2);
        assertThat(r.deficient().get(0).n()).isEqualTo(8);

        // controls: the inits are rebuilt here by hand
        RankInstance sq = RankInstance.build(stream.child("control").seed(0), 6, 2, 3);
        DenseMatrix inactive = sq.w0().copy();
        for (int q = 0; q < 3; q++) {
            if (inactive.get(q, 0) * sq.x().get(0, 0) + inactive.get(q, 1) * sq.x().get(0, 1) > 0) {
                inactive.set(q, 0, -inactive.get(q, 0));
                inactive.set(q, 1, -inactive.get(q, 1));
            }
        }
        assertThat(r.reluInactivePoint().pattern().inactivePoints()).isGreaterThanOrEqualTo(1);
        assertThat(sq.withFirstPointInactive().w0().data()).containsExactly(inactive.data());
        assertThat(r.reluInactivePoint().provenance().sizes()).containsEntry("init", "first point inactive")
                .containsEntry("md", 6);
        assertThat(r.fullTanh().get(0).provenance().sizes()).containsEntry("md", 6).doesNotContainKey("init");
        assertThat(jacobian(sq, inactive, sq.signs(), true).getRowVector(0).getNorm()).isZero();
        assertThat(r.reluInactivePoint().condition()).isGreaterThan(1e10);
        DenseMatrix dup = sq.w0().copy();
        double[] dupSigns = sq.signs().clone();
        dup.set(2, 0, dup.get(1, 0));
        dup.set(2, 1, dup.get(1, 1));
        dupSigns[2] = dupSigns[1];
        double[] sv = new SingularValueDecomposition(jacobian(sq, dup, dupSigns, false)).getSingularValues();
        assertThat(sv[5] / sv[0]).isLessThan(1e-12);          // rank <= (m - 1) d = 4 < 6
        assertThat(sv[3] / sv[0]).isGreaterThan(1e-6);
        assertThat(r.tanhDuplicateNeuron().distinctNeurons()).isFalse();
        assertThat(r.tanhDuplicateNeuron().condition()).isGreaterThan(1e10);

        CheckResult result = check.result(r);
        assertThat(result.verdict(JacobianRankCheck.RANK_DEFICIENT)).hypothesisNotMet();   // 4 < 20 seeds
        assertThat(result.verdict(JacobianRankCheck.RANK_DEFICIENT).holds()).isTrue();
        assertThat(result.verdict(JacobianRankCheck.TANH_DUPLICATE_NEURON)).controlBit().hypothesisNotMet();
        assertThat(result.verdict(JacobianRankCheck.RELU_INACTIVE_POINT)).controlBit().hypothesisNotMet();
        assertThat(result.tables().get(0).rows()).hasSize(4);
        assertThat(result.tables().get(1).rows()).hasSize(ReluPattern.Cause.values().length);
        assertThat(result.figures().get(2).series().get(0).y()).hasSize(4);
    }

    @Test
    @DisplayName("NTK-4 small gradient descent: steps, risk, travel, ||J0^+ r0|| and the trajectory replayed by a loop of this test")
    void descent() {
        JacobianRankCheck check = new JacobianRankCheck(SIZES);
        JacobianRank r = check.measure(SIZES, CheckContext.of(Backends.byName(Backends.DEFAULT), SEED, true));
        SeedStream stream = SeedStream.of(SEED, "NTK-4");
        for (int s = 0; s < 3; s++) {
            RankInstance in = RankInstance.build(stream.child("descent").seed(s), 4, 3, 4);
            FirstLayerDescent g = r.descents().get(s);
            replay(in, in.w0(), in.signs(), g);
        }
        RankInstance c = RankInstance.build(stream.child("control").seed(1), 4, 3, 4);
        FirstLayerDescent equal = r.descentAllNeuronsEqual();
        assertThat(equal.steps()).isEqualTo(20_000);           // never reaches 1e-8 R0: the whole budget
        assertThat(equal.sigmaRatioJ0()).isLessThan(1e-12);   // rank J0 <= d = 3 < n = 4
        assertThat(equal.riskRatio()).isGreaterThan(1e-3);
        assertThat(equal.provenance().sizes()).containsEntry("init", "all neurons equal");
        CheckResult result = check.result(r);
        assertThat(result.verdict(JacobianRankCheck.DESCENT_EQUAL_NEURONS)).controlBit().hypothesisNotMet();
        assertThat(result.figures().get(0).series()).hasSize(4);      // 3 seeds and the target line
        assertThat(c.y()).hasSize(4);
    }

    /** GD W ← W − η J_Wᵀ(f − y), η = 1/σ_max(J₀)², by loops; until R ≤ 1e−8 R₀. */
    private static void replay(RankInstance in, DenseMatrix w0, double[] s, FirstLayerDescent g) {
        int n = in.n(), d = in.d(), m = in.m();
        RealMatrix j0 = jacobian(in, w0, s, false);
        double[] sv = new SingularValueDecomposition(j0).getSingularValues();
        double eta = 1 / (sv[0] * sv[0]);
        double[] w = w0.data().clone();
        double[] r = residual(in, w, s);
        double risk0 = 0.5 * new ArrayRealVector(r).dotProduct(new ArrayRealVector(r)), risk = risk0;
        // ||J0^+ r0||^2 = r0^T (J0 J0^T)^-1 r0 for full row rank J0
        double pinv = Math.sqrt(new ArrayRealVector(r).dotProduct(new LUDecomposition(j0.multiply(j0.transpose()))
                .getSolver().solve(new ArrayRealVector(r))));
        int t = 0;
        List<double[]> checkpoints = new ArrayList<>();
        double next = 0;
        while (true) {
            if (t >= next) {          // log-spaced checkpoints, 10 per decade: next = max(t + 1, ceil(1.2589 t))
                checkpoints.add(new double[] {t, risk / risk0, sigmaRatio(in, w, s)});
                next = Math.max(t + 1, Math.ceil(t * 1.2589));
            }
            if (!(risk > 1e-8 * risk0 && t < g.budget())) {
                break;
            }
            double[] grad = new double[m * d];
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < m; q++) {
                    double z = 0;
                    for (int c = 0; c < d; c++) {
                        z += w[q * d + c] * in.x().get(i, c);
                    }
                    double th = Math.tanh(z);
                    for (int c = 0; c < d; c++) {
                        grad[q * d + c] += r[i] * s[q] * (1 - th * th) * in.x().get(i, c);
                    }
                }
            }
            for (int k = 0; k < w.length; k++) {
                w[k] -= eta * grad[k];
            }
            r = residual(in, w, s);
            risk = 0.5 * new ArrayRealVector(r).dotProduct(new ArrayRealVector(r));
            t++;
        }
        double travel = 0;
        for (int k = 0; k < w.length; k++) {
            travel += (w[k] - w0.data()[k]) * (w[k] - w0.data()[k]);
        }
        travel = Math.sqrt(travel);
        assertThat(g.eta()).isCloseTo(eta, within(SPECTRUM * eta));
        // the step at which R first falls below 1e-8 R0 can move by one under a different summation order
        assertThat(g.steps()).isBetween(t - 1, t + 1);
        assertThat(g.travel()).isCloseTo(travel, within(1e-6 * travel));
        assertThat(g.pinvNorm()).isCloseTo(pinv, within(1e-9 * pinv));
        assertThat(g.sigmaRatioJ0()).isCloseTo(sv[sv.length - 1] / sv[0], within(SPECTRUM));
        assertThat(g.converged()).isTrue();
        assertThat(g.trajectory().get(0)).containsExactly(new double[] {0, 1, sv[sv.length - 1] / sv[0]},
                within(SPECTRUM));
        assertThat(g.trajectory().get(g.trajectory().size() - 1)[0]).isEqualTo(g.steps());

        // the last iterate: J_T's spectrum and the residual's share on its smallest left singular vector
        assertThat(g.steps()).as("same stopping step as the loop").isEqualTo(t);
        if (checkpoints.get(checkpoints.size() - 1)[0] != t) {
            checkpoints.add(new double[] {t, risk / risk0, sigmaRatio(in, w, s)});
        }
        SingularValueDecomposition svdT = new SingularValueDecomposition(jacobian(in, DenseMatrix.of(m, d, w), s,
                false));
        double[] sT = svdT.getSingularValues();
        double onSmallest = svdT.getU().getColumnVector(n - 1).dotProduct(new ArrayRealVector(r));
        double rr = new ArrayRealVector(r).dotProduct(new ArrayRealVector(r));
        assertThat(g.riskRatio()).isCloseTo(risk / risk0, within(PATH * risk / risk0));
        assertThat(g.sigmaRatioJT()).isCloseTo(sT[n - 1] / sT[0], within(PATH * sT[n - 1] / sT[0]));
        assertThat(g.sigmaMaxGrowth()).isCloseTo(sT[0] / sv[0], within(PATH * sT[0] / sv[0]));
        assertThat(g.residualShareOnSmallest()).isCloseTo(onSmallest * onSmallest / rr, within(PATH));
        assertThat(g.localRate()).isCloseTo(eta * sT[n - 1] * sT[n - 1], within(PATH * eta * sT[n - 1] * sT[n - 1]));
        assertThat(g.travelRatio()).isCloseTo(travel / pinv, within(1e-6 * travel / pinv));
        assertThat(g.saturatedShare0()).isEqualTo(saturated(in, w0.data()));
        assertThat(g.saturatedShareT()).isEqualTo(saturated(in, w));
        assertThat(g.trajectory()).hasSameSizeAs(checkpoints);
        for (int k = 0; k < checkpoints.size(); k++) {
            double[] want = checkpoints.get(k), got = g.trajectory().get(k);
            assertThat(got[0]).isEqualTo(want[0]);
            assertThat(got[1]).isCloseTo(want[1], within(PATH * want[1]));
            assertThat(got[2]).isCloseTo(want[2], within(PATH * want[2]));
        }
        assertThat(g.n()).isEqualTo(n);
        assertThat(g.d()).isEqualTo(d);
        assertThat(g.m()).isEqualTo(m);
        assertThat(g.provenance().sizes()).containsEntry("md", m * d).doesNotContainKey("init");
        assertThat(g.provenance().activation()).isEqualTo("tanh");
    }

    /** σ_min/σ_max of J at the flat weights {@code w} (row-major m × d), by Hipparchus. */
    private static double sigmaRatio(RankInstance in, double[] w, double[] s) {
        double[] sv = new SingularValueDecomposition(jacobian(in, DenseMatrix.of(in.m(), in.d(), w.clone()), s,
                false)).getSingularValues();
        return sv[sv.length - 1] / sv[0];
    }

    /** Share of (i, j) with |w_j^T x_i| > 3, by loops. */
    private static double saturated(RankInstance in, double[] w) {
        int count = 0;
        for (int i = 0; i < in.n(); i++) {
            for (int q = 0; q < in.m(); q++) {
                double z = 0;
                for (int c = 0; c < in.d(); c++) {
                    z += w[q * in.d() + c] * in.x().get(i, c);
                }
                count += Math.abs(z) > 3 ? 1 : 0;
            }
        }
        return count / (double) (in.n() * in.m());
    }

    @Test
    @DisplayName("NTK-4 saturated share on a hand-made instance: |w_j^T x_i| > 3 strictly (a product of exactly 3 does not count), 2 of 6 pairs")
    void saturatedShare() {
        DenseMatrix x = DenseMatrix.of(2, 2, 1, 0, 0, 1);
        DenseMatrix w = DenseMatrix.of(3, 2, 3, 0, 4, 1, 0.5, -3.5);  // products 3, 4, 0.5 | 0, 1, -3.5
        RankInstance in = new RankInstance(1, x, w, new double[] {1, 1, 1}, new double[2], x);
        assertThat(FirstLayerDescent.saturatedShare(in, w)).isEqualTo(2 / 6.0);
        DenseMatrix w2 = DenseMatrix.of(3, 2, 2, 2.5, -4, 1, 0.5, 0.5);  // products 2, -4, 0.5 | 2.5, 1, 0.5
        assertThat(FirstLayerDescent.saturatedShare(in, w2)).isEqualTo(1 / 6.0);
    }

    private static double[] residual(RankInstance in, double[] w, double[] s) {
        int n = in.n(), d = in.d(), m = in.m();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < m; q++) {
                double z = 0;
                for (int c = 0; c < d; c++) {
                    z += w[q * d + c] * in.x().get(i, c);
                }
                r[i] += s[q] * Math.tanh(z);
            }
            r[i] -= in.y()[i];
        }
        return r;
    }

    @Test
    @DisplayName("NTK-4 issue 15: the earlier run's seeds 1003 and 1004 (same X, W0 draws) both lose rank by their pattern, 7 points sharing one pattern and a neuron pair differing on 2 < d points; 1000 and 1002 keep full rank")
    void earlierSeeds() {
        var b = Backends.byName(Backends.DEFAULT);
        String[] expected = {"NONE", "INACTIVE_POINT", "NONE", "SHARED_PATTERN", "CLOSE_NEURON_PAIR"};
        for (int k = 0; k < 5; k++) {
            RankInstance in = RankInstance.build(1000 + k, 12, 3, 4);
            int[] rank = new int[1];
            assertThat(cause(in, rank)).as("seed %d", 1000 + k).isEqualTo(expected[k]);
            ReluPattern p = ReluPattern.of(b, in);
            assertThat(p.cause().name()).isEqualTo(expected[k]);
            assertThat(p.genericRank()).isEqualTo(rank[0]);
            double cond = condition(jacobian(in, in.w0(), in.signs(), true));
            assertThat(cond > 1e6).as("seed %d rank loss of J0", 1000 + k).isEqualTo(!expected[k].equals("NONE"));
        }
        // hand-made n = md = 2 (d = 1, m = 2): x_1 = -1 is inactive on both neurons (w = 1, 2), its row is zero,
        // so the rows have rank 1 and the left null vector is e_1: the dependent set is {1}
        DenseMatrix x2 = DenseMatrix.of(2, 1, 1, -1);
        RankInstance two = new RankInstance(3, x2, DenseMatrix.of(2, 1, 1, 2), new double[] {1, -1}, new double[2],
                DenseMatrix.of(2, 1, 0.7, 0.3));
        ReluPattern p2 = ReluPattern.of(b, two);
        assertThat(p2.genericRank()).isEqualTo(1);
        assertThat(p2.dependentPoints()).containsExactly(1);
        assertThat(p2.cause()).isEqualTo(ReluPattern.Cause.INACTIVE_POINT);
        ReluPattern p1003 = ReluPattern.of(b, RankInstance.build(1003, 12, 3, 4));
        assertThat(p1003.maxPointsSharingOnePattern()).isEqualTo(7);
        assertThat(p1003.inactivePoints()).isZero();
        ReluPattern p1004 = ReluPattern.of(b, RankInstance.build(1004, 12, 3, 4));
        assertThat(p1004.minActiveSetDifference()).isEqualTo(2);
        assertThat(p1004.maxPointsSharingOnePattern()).isEqualTo(3);
    }

    @Test
    @DisplayName("NTK-4 pattern causes in CLAIMS.md's order on hand-made patterns (d = 2): inactive point, shared pattern, close pair, sparse neuron, other")
    void causes() {
        boolean t = true, f = false;
        // a zero row beats everything else
        assertThat(new ReluPattern(new boolean[][] {{f, f}, {t, t}, {t, t}, {t, t}}, 2, 2, new int[] {0}).cause())
                .isEqualTo(ReluPattern.Cause.INACTIVE_POINT);
        // three points (> d = 2) share (t, f)
        ReluPattern shared = new ReluPattern(new boolean[][] {{t, f}, {t, f}, {t, f}, {f, t}}, 2, 3, new int[] {0});
        assertThat(shared.maxPointsSharingOnePattern()).isEqualTo(3);
        assertThat(shared.cause()).isEqualTo(ReluPattern.Cause.SHARED_PATTERN);
        // neurons 0 and 1 differ on one point (< d = 2)
        ReluPattern pair = new ReluPattern(new boolean[][] {{t, t, f}, {t, t, t}, {t, f, t}, {f, f, t}}, 2, 3,
                new int[] {1});
        assertThat(pair.minActiveSetDifference()).isEqualTo(1);
        assertThat(pair.cause()).isEqualTo(ReluPattern.Cause.CLOSE_NEURON_PAIR);
        // neuron 1 active on one point only
        ReluPattern sparse = new ReluPattern(new boolean[][] {{t, t}, {t, f}, {f, f}, {f, f}}, 2, 3, new int[] {2});
        assertThat(sparse.cause()).isEqualTo(ReluPattern.Cause.INACTIVE_POINT);
        ReluPattern sparse2 = new ReluPattern(new boolean[][] {{t, t, f}, {t, f, t}, {f, f, t}, {t, f, t}}, 2, 3,
                new int[] {2});
        assertThat(sparse2.minActiveSetSize()).isEqualTo(1);
        assertThat(sparse2.cause()).isEqualTo(ReluPattern.Cause.SPARSE_NEURON);
        ReluPattern other = new ReluPattern(new boolean[][] {{t, f, t}, {t, t, f}, {f, t, t}, {t, t, t}}, 2, 3,
                new int[] {0, 1});
        assertThat(other.cause()).isEqualTo(ReluPattern.Cause.OTHER);
        ReluPattern full = new ReluPattern(new boolean[][] {{f, f}}, 2, 1, new int[0]);
        assertThat(full.admitsFullRowRank()).isTrue();
        assertThat(full.cause()).isEqualTo(ReluPattern.Cause.NONE);
        assertThat(JacobianRankVerdicts.camel(ReluPattern.Cause.CLOSE_NEURON_PAIR)).isEqualTo("CloseNeuronPair");
        // exactly d = 2 points share (t, t) and neurons 0, 1 differ on exactly d = 2 points: neither cause (strict)
        ReluPattern edges = new ReluPattern(new boolean[][] {{t, f}, {f, t}, {t, t}, {t, t}}, 2, 3, new int[] {2, 3});
        assertThat(edges.maxPointsSharingOnePattern()).isEqualTo(2);
        assertThat(edges.minActiveSetDifference()).isEqualTo(2);
        assertThat(edges.cause()).isEqualTo(ReluPattern.Cause.OTHER);
        // inactive points do not count as sharing a pattern
        ReluPattern zeros = new ReluPattern(new boolean[][] {{f, f}, {f, f}, {f, f}, {t, f}}, 2, 1, new int[] {0});
        assertThat(zeros.maxPointsSharingOnePattern()).isEqualTo(1);
        assertThat(zeros.inactivePoints()).isEqualTo(3);
        assertThat(ReluPattern.Cause.SPARSE_NEURON.description()).isEqualTo("a neuron active on fewer than d points");
    }
}
