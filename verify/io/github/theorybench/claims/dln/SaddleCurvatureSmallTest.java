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
import io.github.theorybench.linalg.Matrix;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-4 on one seed at H = 2 and 3, replayed once. The exact Hessian (Hessian-vector products of the backprop
 * recursion) is checked against central differences of a plain-Java gradient ({@link LoopDeepLinearNet}); the split
 * critical point's end-to-end map against U_IU_IᵀΦ̂ from the normal equations; W = 0 against its exactly vanishing
 * differences.
 */
@SmallInstances
class SaddleCurvatureSmallTest {
    /** Central differences with h = 1e−5 of a polynomial gradient: O(h²) truncation, ~1e−11/h round-off. */
    private static final double DIFFERENCES = 1e-6;
    private static final double ROUND_OFF = 1e-12;
    private final Backend b = Backends.byName("ejml");

    @Test
    @DisplayName("DLN-4 small run (1 seed, H = 2, 3): exact Hessian = finite differences of the gradient; W_{H+1}...W_1 = U_I U_I^T Phi_hat; rank W_H...W_2 = 2; W = 0 has a zero Hessian")
    void smallRun() {
        SaddleCurvatureCheck.Sizes sizes = new SaddleCurvatureCheck.Sizes(new int[] {2, 3}, 1);
        SaddleCurvatureCheck check = new SaddleCurvatureCheck(sizes);
        SaddleCurvatureCheck.Measurement m = check.measure(sizes, CheckContext.of(b, 1, false));
        assertThat(m.cases()).hasSize(2);
        for (SaddleCurvatureCheck.DepthCase c : m.cases()) {
            DeepSaddleInstance inst = DeepSaddleInstance.build(SeedStream.of(1, "DLN-4").seed(0), 6, 4, 30,
                    c.hidden(), 2);
            BaldiHornikInstance.Fit fit = inst.data().fit(b);
            RealMatrix x = LoopDeepLinearNet.real(inst.data().x()), y = LoopDeepLinearNet.real(inst.data().y());
            RealMatrix phi = y.multiply(x.transpose()).multiply(new LUDecomposition(x.multiply(x.transpose()))
                    .getSolver().getInverse());
            LoopDeepLinearNet net = new LoopDeepLinearNet(1.0, inst.data().x(), inst.data().y());
            // the data: entries of variance 1/n (a factor 2 either way is ~10 sigma for 180 and 120 entries)
            assertThat(x.getFrobeniusNorm() * x.getFrobeniusNorm() / 180).isBetween(0.5 / 30, 2.0 / 30);
            assertThat(y.getFrobeniusNorm() * y.getFrobeniusNorm() / 120).isBetween(0.5 / 30, 2.0 / 30);
            // H orthonormal 2x2 rotations
            assertThat(inst.rotations()).hasSize(c.hidden());
            for (DenseMatrix rot : inst.rotations()) {
                RealMatrix q = LoopDeepLinearNet.real(rot);
                assertThat(q.transpose().multiply(q).subtract(MatrixUtils.createRealIdentityMatrix(2)).getNorm1())
                        .isLessThan(ROUND_OFF);
            }
            // l(0) = |Y|^2/2, ||YX^T||, OPT = fit + (lambda_3 + lambda_4)/2 from the normal equations
            RealMatrix sigma = phi.multiply(x.multiply(y.transpose()));
            double[] lamSigma = new EigenDecompositionSymmetric(sigma.add(sigma.transpose()).scalarMultiply(0.5))
                    .getEigenvalues();
            double fitLoss = 0.5 * Math.pow(phi.multiply(x).subtract(y).getFrobeniusNorm(), 2);
            assertThat(c.l0()).isCloseTo(0.5 * Math.pow(y.getFrobeniusNorm(), 2), within(ROUND_OFF));
            assertThat(c.yxNorm()).isCloseTo(y.multiply(x.transpose()).getFrobeniusNorm(), within(ROUND_OFF));
            assertThat(c.opt()).isCloseTo(fitLoss + 0.5 * (lamSigma[2] + lamSigma[3]), within(ROUND_OFF));
            assertThat(c.global().idx()).containsExactly(0, 1);
            assertThat(c.global().loss()).isCloseTo(c.opt(), within(ROUND_OFF));
            assertThat(c.saddles()).extracting(p -> p.idx()[0] * 4 + p.idx()[1]).containsExactly(2, 3, 6, 7, 11);
            for (SaddleCurvatureCheck.Point p : c.saddles()) {
                List<Matrix> w = inst.criticalPoint(b, fit, p.idx());
                List<RealMatrix> rw = LoopDeepLinearNet.real(w);
                RealMatrix ui = LoopDeepLinearNet.real(fit.eigenvectors(p.idx()));
                RealMatrix end = LoopDeepLinearNet.product(rw, 1, rw.size(), 6);
                RealMatrix target = ui.multiply(ui.transpose()).multiply(phi);
                assertThat(end.subtract(target).getNorm1()).isLessThan(ROUND_OFF * 1e2 * target.getNorm1());
                RealMatrix middle = LoopDeepLinearNet.product(rw, 2, c.hidden(), 2);
                double[] sv = new SingularValueDecomposition(middle).getSingularValues();
                assertThat(sv[1] / sv[0]).isGreaterThan(0.99);     // s^(H-1) times a rotation: both equal
                assertThat(p.middleRank()).isEqualTo(2);
                double[][] fd = net.hessianByDifferences(rw, 1e-5);
                double[] lam = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(fd)).getEigenvalues();
                DenseMatrix exact = inst.net(b).hessian(w);
                double scale = lam[0];
                for (int i = 0; i < fd.length; i++) {
                    for (int j = 0; j < fd.length; j++) {
                        assertThat(exact.get(i, j)).as("H[%d][%d] at %s, H = %d", i, j, p.name(), c.hidden())
                                .isCloseTo(fd[i][j], within(DIFFERENCES * scale));
                    }
                }
                assertThat(p.lamMin()).isCloseTo(lam[lam.length - 1], within(DIFFERENCES * scale));
                assertThat(p.lamMin()).isLessThan(-1e-3 * scale);
                double g = Math.sqrt(Arrays.stream(LoopDeepLinearNet.flatten(net.gradient(rw))).map(v -> v * v)
                        .sum());
                assertThat(g).isLessThan(1e-12);
                assertThat(p.grad()).isCloseTo(g, within(1e-12));
                assertThat(p.asymmetry()).isBetween(0.0, ROUND_OFF);
                // the closed form: fit + half the eigenvalues of Sigma left out of I
                double closed = fitLoss;
                for (int i = 0; i < 4; i++) {
                    closed += i == p.idx()[0] || i == p.idx()[1] ? 0 : 0.5 * lamSigma[i];
                }
                assertThat(p.closedForm()).isCloseTo(closed, within(ROUND_OFF));
                assertThat(p.loss()).isCloseTo(closed, within(ROUND_OFF));
                // balanced split: each middle layer s R R^T with s^(H+1) = sigma_max(U_I^T Phi_hat)
                double sMax = new SingularValueDecomposition(ui.transpose().multiply(phi)).getNorm();
                assertThat(new SingularValueDecomposition(rw.get(1)).getNorm()).isCloseTo(Math.pow(sMax, 1.0
                        / (c.hidden() + 1)), within(ROUND_OFF));
                assertThat(LoopDeepLinearNet.real(DeepSaddleInstance.middleProduct(b, w)).subtract(middle)
                        .getNorm1()).isLessThan(ROUND_OFF);
            }
            // W = 0: every second difference keeps a zero layer, so the differences vanish exactly
            List<RealMatrix> zero = LoopDeepLinearNet.real(inst.zeroPoint(b));
            assertThat(Arrays.stream(net.hessianByDifferences(zero, 1e-5)).flatMapToDouble(Arrays::stream)
                    .map(Math::abs).max().orElseThrow()).isZero();
            assertThat(c.zero().maxAbsHessian()).isZero();
            assertThat(c.zero().asymmetry()).isZero();
            assertThat(c.zero().grad()).isZero();
            assertThat(c.zero().closedForm()).isEqualTo(c.l0());
            assertThat(c.zero().middleRank()).isZero();
            assertThat(c.zero().loss()).isCloseTo(0.5 * Math.pow(y.getFrobeniusNorm(), 2), within(ROUND_OFF));
        }
        CheckResult r = check.result(m);
        assertThat(r.verdicts(SaddleCurvatureCheck.SADDLE_CURVATURE)).hasSize(10)
                .allSatisfy(v -> assertThat(v).hypothesisMet().holds());
        assertThat(r.verdicts(SaddleCurvatureCheck.ZERO_POINT)).hasSize(2)
                .allSatisfy(v -> assertThat(v).hypothesisNotMet().controlBit());
        assertThat(r.tables().get(0).rows()).hasSize(14);
    }
}
