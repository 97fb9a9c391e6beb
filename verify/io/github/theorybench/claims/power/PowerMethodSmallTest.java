package io.github.theorybench.claims.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.sensing.MeasurementOperator;
import io.github.theorybench.model.sensing.SymmetricSensingInstance;
import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PWR-1..4 and PWR-7 replayed once on small instances (d = 12, n = 400): t_spec, the deviation from the power iterates,
 * the angle to Z's eigenspace, Z's spectrum, the concentration error and the steps to alignment recomputed by the
 * test's own loops with Hipparchus decompositions, on the instances the builders draw from the check's seeds.
 */
@SmallInstances
class PowerMethodSmallTest {
    static final int D = 12, N = 400, R_STAR = 2;
    static final long SEED = 5;
    static final double MU = PowerMethodCheck.MU;
    /** Eigenvalues of a d = 12 symmetric matrix with entries O(1): backward-stable solvers agree to ~d·ε·‖Z‖. */
    static final double EIGEN_TOL = 1e-12;
    /**
     * The deviation ‖U_t − Ũ_t‖/‖Ũ_t‖ is a difference of nearly equal iterates: its relative round-off is about
     * t·ε·‖Ũ_t‖/‖U_t − Ũ_t‖ ≤ 200·1e−16/1e−6 = 2e−8 at the smallest α replayed here.
     */
    static final double DEVIATION_RTOL = 1e-6;
    /** sin of a principal angle from two SVD/eigen pipelines: both backward stable, gap ≥ 0.1 here, so ~κ·ε. */
    static final double ANGLE_TOL = 1e-9;

    static RealMatrix real(DenseMatrix m) {
        return MatrixUtils.createRealMatrix(m.toArray2d());
    }

    /** The top-k eigenvectors of a symmetric matrix (columns), by Hipparchus, largest eigenvalue first. */
    static RealMatrix topEigenvectors(RealMatrix s, int k) {
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(s);
        double[] ev = e.getEigenvalues();
        Integer[] order = new Integer[ev.length];
        for (int i = 0; i < ev.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        RealMatrix q = MatrixUtils.createRealMatrix(s.getRowDimension(), k);
        for (int j = 0; j < k; j++) {
            q.setColumnVector(j, e.getEigenvector(order[j]));
        }
        return q;
    }

    static double[] descendingEigenvalues(RealMatrix s) {
        double[] ev = new EigenDecompositionSymmetric(s).getEigenvalues().clone();
        java.util.Arrays.sort(ev);
        double[] out = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            out[i] = ev[ev.length - 1 - i];
        }
        return out;
    }

    /** sin of the largest principal angle between U's top-k left singular subspace and span(Q). */
    static double sinAngle(RealMatrix u, RealMatrix q) {
        int k = q.getColumnDimension();
        RealMatrix a = new SingularValueDecomposition(u).getU().getSubMatrix(0, u.getRowDimension() - 1, 0, k - 1);
        RealMatrix resid = a.subtract(q.multiply(q.transpose().multiply(a)));
        return new SingularValueDecomposition(resid).getNorm();
    }

    @Test
    @DisplayName("PWR-1/2/4 small instance (d = 12, n = 400): t_spec, deviation at t_spec/2, angle at t_spec and Z's spectrum recomputed by a GD loop of the test's own; alignment and t_spec fits, table and figures recomputed from the runs")
    void spectralPhase() {
        Backend b = Backends.byName(Backends.DEFAULT);
        PowerMethodCheck.Sizes sizes = new PowerMethodCheck.Sizes(D, N);
        PowerMethodCheck check = new PowerMethodCheck(sizes);
        SpectralPhase m = check.measure(sizes, CheckContext.of(b, SEED, false));
        long seed = SeedStream.of(SEED, "PWR-1,2,4").seed(0);
        assertThat(m.provenance().seed()).isEqualTo(seed);
        SpectralInstance drawn = SpectralInstance.build(b, seed, D, N, SpectralInstance.EIGENVALUES, 1,
                PowerMethodCheck.RANKS);
        SymmetricSensingInstance inst = drawn.sensing();
        RealMatrix z = real(inst.z());
        double[] lz = descendingEigenvalues(z);
        for (int k = 1; k <= 3; k++) {
            assertThat(m.lambda(k)).as("lambda_%d(Z)", k).isCloseTo(lz[k - 1], within(EIGEN_TOL));
        }
        double targetNorm = descendingEigenvalues(real(inst.target()))[0];
        assertThat(m.targetNorm()).isCloseTo(targetNorm, within(EIGEN_TOL));
        assertThat(m.claimFits().get(0).predicted()).isCloseTo(1 / Math.log(1 + MU * lz[0]), within(1e-9));
        RealMatrix q = topEigenvectors(z, R_STAR);
        for (double alpha : new double[] {1e-2, 1e-4}) {
            SpectralRuns.Run run = m.runs(R_STAR, new double[] {alpha}).get(0);
            replay(inst, real(drawn.init(R_STAR)).scalarMultiply(alpha), targetNorm, q, run);
        }
        PowerDescentSmallTest.assertSummary(check, m);
    }

    /** GD U ← U − μ(𝒜*𝒜(UUᵀ) − Z)U (the ¼-loss gradient) and the power iterates (I + μZ)^t U₀, side by side. */
    private static void replay(SymmetricSensingInstance inst, RealMatrix u0, double targetNorm, RealMatrix q,
            SpectralRuns.Run run) {
        MeasurementOperator op = inst.loss().operator();
        RealMatrix z = real(inst.z());
        RealMatrix step = MatrixUtils.createRealIdentityMatrix(D).add(z.scalarMultiply(MU));
        RealMatrix u = u0.copy(), p = u0.copy();
        int t = 0;
        double half = Double.NaN;
        while (Math.pow(new SingularValueDecomposition(u).getNorm(), 2) < 0.01 * targetNorm) {
            if (t == run.tSpec() / 2) {
                half = u.subtract(p).getFrobeniusNorm() / p.getFrobeniusNorm();
            }
            RealMatrix uut = u.multiply(u.transpose());
            RealMatrix g = real(op.adjoint(op.apply(DenseMatrix.fromRows(uut.getData())))).subtract(z);
            u = u.subtract(g.multiply(u).scalarMultiply(MU));
            p = step.multiply(p);
            t++;
            assertThat(t).as("t_spec within 5000 steps").isLessThan(5000);
        }
        if (t == run.tSpec() / 2) {
            half = u.subtract(p).getFrobeniusNorm() / p.getFrobeniusNorm();
        }
        assertThat(run.tSpec()).as("t_spec at alpha %s", run.alpha()).isEqualTo(t);
        assertThat(run.halfDeviation()).isCloseTo(half, within(DEVIATION_RTOL * half));
        assertThat(run.sinZAtSpec()).isCloseTo(sinAngle(u, q), within(ANGLE_TOL));
        assertThat(PowerHypotheses.spectralPhaseExists(run.initNorm(), targetNorm)).isEqualTo(
                Math.pow(new SingularValueDecomposition(u0).getNorm(), 2) < 0.01 * targetNorm);
    }

    @Test
    @DisplayName("PWR-3 small instance (d = 12, n = 100..400): ||Z - XX^T||_2/||XX^T||_2, its sqrt(n)-scaled control and both log-log slopes recomputed with Hipparchus")
    void concentration() {
        Backend b = Backends.byName(Backends.DEFAULT);
        ConcentrationCheck.Sizes sizes = new ConcentrationCheck.Sizes(D, 100, 2);
        ConcentrationCheck.Measurement m = new ConcentrationCheck(sizes).measure(sizes, CheckContext.of(b, SEED,
                false));
        SimpleRegression fit = new SimpleRegression(), raw = new SimpleRegression();
        for (int k = 0; k < m.ns().length; k++) {
            long seed = SeedStream.of(SEED, "PWR-3").seed(k);
            assertThat(m.seeds()[k]).isEqualTo(seed);
            SymmetricSensingInstance inst = SymmetricSensingInstance.build(b, seed, RandomMatrices.rng(seed), D,
                    m.ns()[k], SpectralInstance.EIGENVALUES);
            RealMatrix target = real(inst.target()), z = real(inst.z());
            double norm = descendingEigenvalues(target)[0];
            double err = spectralNorm(z.subtract(target)) / norm;
            double rawErr = spectralNorm(z.scalarMultiply(Math.sqrt(m.ns()[k])).subtract(target)) / norm;
            assertThat(m.error()[k]).isCloseTo(err, within(1e-12));
            assertThat(m.unnormalizedError()[k]).isCloseTo(rawErr, within(1e-10 * rawErr));
            fit.addData(Math.log(m.ns()[k]), Math.log(err));
            raw.addData(Math.log(m.ns()[k]), Math.log(rawErr));
        }
        assertThat(m.fit().slope()).isCloseTo(fit.getSlope(), within(1e-9));
        assertThat(m.unnormalizedFit().slope()).isCloseTo(raw.getSlope(), within(1e-9));
    }

    private static double spectralNorm(RealMatrix s) {
        double[] ev = descendingEigenvalues(s);
        return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
    }

    @Test
    @DisplayName("PWR-7 small instance (d = 12, n = 400, r in {2, 4, 8}): steps to alignment recomputed by power iteration in the original basis with Hipparchus angles")
    void alignmentSteps() {
        Backend b = Backends.byName(Backends.DEFAULT);
        AlignmentInstance inst = AlignmentInstance.build(b, SeedStream.of(SEED, "PWR-7").seed(0), D, N,
                AlignmentTimeCheck.EIGENVALUES, 2, R_STAR, List.of(2, 4, 8));
        SymmetricSensingInstance s = inst.sensing();
        RealMatrix z = real(s.z());
        RealMatrix q = topEigenvectors(z, R_STAR);
        RealMatrix step = MatrixUtils.createRealIdentityMatrix(D).add(z.scalarMultiply(MU));
        double sinBound = Math.sin(AlignmentTimeCheck.ANGLE);
        for (int r : inst.ranks()) {
            for (boolean lowRank : new boolean[] {false, true}) {
                for (DenseMatrix u0 : inst.inits(r, lowRank)) {
                    RealMatrix p = real(u0);
                    int t = 0;
                    while (sinAngle(p, q) > sinBound && t < AlignmentTimeCheck.CAP) {
                        p = step.multiply(p);
                        p = p.scalarMultiply(1 / p.getFrobeniusNorm());
                        t++;
                    }
                    assertThat(AlignmentRuns.stepsToAlignment(b, s, u0, R_STAR, MU, AlignmentTimeCheck.ANGLE,
                            AlignmentTimeCheck.CAP)).as("r = %d, low rank %s", r, lowRank).isEqualTo(t);
                }
            }
        }
    }
}
