package io.github.theorybench.claims.dln;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.RandomMatrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-3 on one seed at the check's own sizes (d_x = 6, d_y = 4, k = 2, n = 30), replayed once. Σ, the critical values,
 * the gradients and the Hessians are recomputed from X and Y another way: normal equations and plain-Java gradients
 * with Hipparchus matrices, the Hessian by central differences of that gradient.
 */
@SmallInstances
class CriticalPointSmallTest {
    /** Central differences with h = 1e−5 on a quadratic-in-each-layer loss: O(h²) truncation, ~1e−11/h round-off. */
    private static final double DIFFERENCES = 1e-6;
    private static final double ROUND_OFF = 1e-11;
    /** The perturbed gradient is ~1e-8 of O(1) terms: two gradient codes agree to ~1e-16/1e-8 relative. */
    private static final double PERTURBED = 1e-6;
    private final Backend b = Backends.byName("ejml");

    @Test
    @DisplayName("DLN-3 small run (1 seed): Sigma and critical values by the normal equations; gradients and Hessian spectra recomputed by finite differences; swap curvature; controls")
    void smallRun() {
        CriticalPointCheck.Sizes sizes = new CriticalPointCheck.Sizes(1, 1, 200_000);
        CriticalPointCheck check = new CriticalPointCheck(sizes);
        List<String> progress = new ArrayList<>();
        CriticalPointCheck.Measurement m = check.measure(sizes, new CheckContext(b, 1, false, progress::add));
        BaldiHornikInstance inst = BaldiHornikInstance.build(SeedStream.of(1, "DLN-3").seed(0), 6, 4, 30);
        RealMatrix x = LoopDeepLinearNet.real(inst.x()), y = LoopDeepLinearNet.real(inst.y());
        // entries of variance 1/n (a factor 2 either way is ~10 sigma for 180 and 120 entries)
        assertThat(x.getFrobeniusNorm() * x.getFrobeniusNorm() / 180).isBetween(0.5 / 30, 2.0 / 30);
        assertThat(y.getFrobeniusNorm() * y.getFrobeniusNorm() / 120).isBetween(0.5 / 30, 2.0 / 30);
        RealMatrix yxt = y.multiply(x.transpose());
        RealMatrix phi = yxt.multiply(new LUDecomposition(x.multiply(x.transpose())).getSolver().getInverse());
        RealMatrix sigma = phi.multiply(yxt.transpose());                          // Y X^T (X X^T)^-1 X Y^T
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(sigma.add(sigma.transpose())
                .scalarMultiply(0.5));
        double[] lam = eig.getEigenvalues();                                        // descending
        double fit = 0.5 * Math.pow(phi.multiply(x).subtract(y).getFrobeniusNorm(), 2);
        CriticalPointCheck.SeedPoints s = m.seeds().get(0);
        // Baldi-Hornik: loss at I = fit + 1/2 sum of the eigenvalues outside I; OPT leaves out the two smallest
        assertThat(s.opt()).isCloseTo(fit + 0.5 * (lam[2] + lam[3]), within(ROUND_OFF));
        assertThat(s.l0Ref()).isCloseTo(0.5 * Math.pow(y.getFrobeniusNorm(), 2), within(ROUND_OFF));
        assertThat(s.gradBound()).isCloseTo(1e-12 * yxt.getFrobeniusNorm(), within(1e-24));
        LoopDeepLinearNet net = new LoopDeepLinearNet(1.0, inst.x(), inst.y());
        BaldiHornikInstance.Fit f = inst.fit(b);
        for (CriticalPointCheck.Point p : s.points()) {
            int[] idx = p.idx();
            double closed = fit;
            for (int i = 0; i < 4; i++) {
                int eigen = i;
                closed += Arrays.stream(idx).anyMatch(j -> j == eigen) ? 0 : 0.5 * lam[i];
            }
            assertThat(p.closedForm()).isCloseTo(closed, within(ROUND_OFF));
            List<RealMatrix> w = LoopDeepLinearNet.real(CriticalPointCheck.criticalPoint(b, f, idx,
                    DenseMatrix.identity(2)));
            assertThat(p.loss()).isCloseTo(net.loss(w), within(ROUND_OFF));
            double g = Math.sqrt(Arrays.stream(LoopDeepLinearNet.flatten(net.gradient(w))).map(v -> v * v).sum());
            assertThat(g).isLessThan(100 * s.gradBound());           // critical by the other gradient too
            double[] h = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(net.hessianByDifferences(w,
                    1e-5))).getEigenvalues();
            assertThat(p.lamMax()).isCloseTo(h[0], within(DIFFERENCES * h[0]));
            assertThat(p.lamMin()).isCloseTo(h[h.length - 1], within(DIFFERENCES * h[0]));
            // lambda_min lies below the Rayleigh quotient along the best swap direction
            assertThat(p.lamMin()).isLessThanOrEqualTo(p.swapCurvature() + ROUND_OFF);
            assertThat(p.global()).isEqualTo(idx[0] < 2 && idx[1] < 2);
            // the swap curvature: min over i outside I, j in I of (lambda_j - lambda_i)/(1 + |u_i^T Phi|^2)
            double swap = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 4; i++) {
                int out = i;
                if (Arrays.stream(idx).anyMatch(j -> j == out)) {
                    continue;
                }
                double un = phi.preMultiply(eig.getEigenvector(i)).getNorm();      // |u_i^T Phi|
                for (int j : idx) {
                    swap = Math.min(swap, (lam[j] - lam[i]) / (1 + un * un));
                }
            }
            assertThat(p.swapCurvature()).isCloseTo(swap, within(ROUND_OFF));
            assertThat(p.name()).isEqualTo("I={" + (idx[0] + 1) + "," + (idx[1] + 1) + "}");
        }
        // the points are all pairs i < j of the 4 eigenvectors, in lexicographic order
        assertThat(s.points()).extracting(p -> p.idx()[0] * 4 + p.idx()[1]).containsExactly(1, 2, 3, 6, 7, 11);
        // control (1): the global point moved by 1e-8 of its norm along the seeded direction, gradient by loops
        List<RealMatrix> top = LoopDeepLinearNet.real(CriticalPointCheck.criticalPoint(b, f, new int[] {0, 1},
                DenseMatrix.identity(2)));
        double[] theta = LoopDeepLinearNet.flatten(top);
        double[] dir = RandomMatrices.gaussianVector(theta.length, 1.0, RandomMatrices.rng(SeedStream.of(1, "DLN-3")
                .child("perturbation").seed(0)));
        double tn = Math.sqrt(Arrays.stream(theta).map(v -> v * v).sum());
        double dn = Math.sqrt(Arrays.stream(dir).map(v -> v * v).sum());
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 1e-8 * tn * dir[i] / dn;
        }
        double pert = Math.sqrt(Arrays.stream(LoopDeepLinearNet.flatten(net.gradient(LoopDeepLinearNet.unflatten(
                theta, top)))).map(v -> v * v).sum());
        assertThat(s.perturbedGrad()).isCloseTo(pert, within(PERTURBED * pert));
        assertThat(s.perturbedGrad()).isGreaterThan(1e3 * s.gradBound());
        // the descent: l_0 at the seeded init, eta = 0.25/(sigma_max(X)^2 max(1, sigma_max(Phi))), stopped at 1e-12
        CriticalPointCheck.Descent d = s.descents().get(0);
        org.hipparchus.random.RandomGenerator rng = RandomMatrices.rng(SeedStream.of(1, "DLN-3").child("init/0")
                .seed(0));
        List<RealMatrix> w0 = List.of(LoopDeepLinearNet.real(RandomMatrices.gaussian(2, 6, 1 / Math.sqrt(6), rng)),
                LoopDeepLinearNet.real(RandomMatrices.gaussian(4, 2, 1 / Math.sqrt(2), rng)));
        assertThat(d.l0()).isCloseTo(net.loss(w0), within(ROUND_OFF));
        double sx = new SingularValueDecomposition(x).getNorm(), sp = new SingularValueDecomposition(phi).getNorm();
        assertThat(d.eta()).isCloseTo(0.25 / (sx * sx * Math.max(1, sp)), within(ROUND_OFF * d.eta()));
        double gap = (d.lT() - s.opt()) / (d.l0() - s.opt());
        assertThat(gap).isLessThanOrEqualTo(1e-12).isGreaterThan(-ROUND_OFF);
        assertThat(d.steps()).isGreaterThan(10).isLessThan(200_000);
        assertThat(progress).containsExactly(String.format(Locale.ROOT, "DLN-3 seed %d init 0: gap %.3g after %d steps",
                s.provenance().seed(), gap, d.steps()));
        CheckResult r = check.result(m);
        assertThat(r.verdicts(CriticalPointCheck.SADDLE_NEGATIVE)).hasSize(5)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(r.verdict(CriticalPointCheck.GLOBAL_NO_NEGATIVE)).hypothesisMet().holds()
                .hasMeasurementCloseTo("zeroEigenvalues", 4, 0, "k^2 zero eigenvalues: the GL(2) orbit");
        assertThat(r.verdict(CriticalPointCheck.DESCENT_GLOBAL_VALUE)).holds().hasMeasurementCloseTo("eta", d.eta(), 0,
                "the run's step").hasMeasurementCloseTo("saddleGap", 0.5 * (lam[1] - lam[2]) / (s.l0Ref() - s.opt()),
                1e-9, "(lambda_2 - lambda_3)/2 over l(0) - OPT");
        assertThat(r.verdict(CriticalPointCheck.DESCENT_GLOBAL_VALUE).observed()).isEqualTo(gap);
        assertThat(r.verdict(CriticalPointCheck.GRADIENT_PERTURBED).observed()).isEqualTo(s.perturbedGrad());
        assertThat(r.verdict(CriticalPointCheck.GRADIENT_PERTURBED)).controlBit();
        assertThat(r.verdict(CriticalPointCheck.SADDLE_TEST_ON_GLOBAL)).controlBit();
        assertThat(r.verdict(CriticalPointCheck.GLOBAL_TEST_ON_SADDLE)).controlBit();
        // the mildest saddle leaves out the second eigenvector: loss - OPT = (lambda_2 - lambda_3)/2
        assertThat(s.mildestSaddle().idx()).containsExactly(0, 2);
        assertThat(r.verdict(CriticalPointCheck.VALUE_TEST_ON_SADDLE).observed()).isCloseTo(0.5 * (lam[1] - lam[2])
                / (s.l0Ref() - s.opt()), within(1e-9));
    }
}
