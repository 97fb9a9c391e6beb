package io.github.theorybench.claims.dln;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DLN hypothesis predicates (Trust rule 1), each on an instance where it holds and one where it fails. */
@SmallInstances
class DeepLinearHypothesesTest {
    private final Backend b = Backends.byName("ejml");

    @Test
    @DisplayName("DLN-1 hypothesis: eta <= min{1/(4 L^3 phi^6), 1/(144 L^2 phi^4)} and the zero-asymmetric init")
    void zeroAsymmetricHypothesis() {
        ZeroAsymmetricInstance inst = ZeroAsymmetricInstance.build(11, 3, 4, 3, 0.5);
        // 003 Thm 4.3 at L = 3, |Phi| = 0.5: phi = max{1, sqrt 3, 1} = sqrt 3, eta* = min{1/(4·27·27), 1/(144·9·9)}
        assertThat(inst.phiConstant()).isCloseTo(Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-15));   // 3/sqrt 3
        assertThat(inst.stepBound()).isCloseTo(1.0 / 11664, org.assertj.core.data.Offset.offset(1e-18));
        assertThat(ZeroAsymmetricDescentCheck.stepBound(3, 0.5)).isCloseTo(1.0 / 11664,
                org.assertj.core.data.Offset.offset(1e-18));
        // L = 5, |Phi| = 2: phi = 4, eta* = min{1/(4·125·4096), 1/(144·25·256)} = 1/2048000
        assertThat(ZeroAsymmetricDescentCheck.stepBound(5, 2.0)).isCloseTo(1.0 / 2_048_000,
                org.assertj.core.data.Offset.offset(1e-20));
        // L = 3, |Phi| = 2: phi = 4, the first term 1/(4·27·4096) is the smaller
        assertThat(ZeroAsymmetricInstance.stepBound(3, 2.0)).isCloseTo(1.0 / 442368,
                org.assertj.core.data.Offset.offset(1e-20));
        List<DenseMatrix> init = inst.zeroAsymmetricInit();
        assertThat(inst.meetsHypothesis(inst.stepBound(), init)).isTrue();
        assertThat(inst.meetsHypothesis(Math.nextUp(inst.stepBound()), init)).isFalse();
        List<DenseMatrix> nudged = new ArrayList<>(init);
        DenseMatrix last = DenseMatrix.zeros(3, 4);
        last.set(0, 0, 1e-300);
        nudged.set(2, last);
        assertThat(inst.meetsHypothesis(inst.stepBound(), nudged)).isFalse();
        List<DenseMatrix> scaled = new ArrayList<>(init);
        scaled.set(0, DenseMatrix.identity(4).scale(2));
        assertThat(inst.isZeroAsymmetric(scaled)).isFalse();
        assertThat(inst.isZeroAsymmetric(init.subList(0, 2))).isFalse();
        // the Phi draw is rescaled to the requested Frobenius norm
        assertThat(inst.phi().frobeniusNorm()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    @DisplayName("DLN-2 hypothesis (its testable part): eta <= d_out/(3 L ||X^T X||), scaling (m^(L-1) d_out)^(-1/2), lambda_r > 0")
    void duHuHypothesis() {
        DuHuInstance inst = DuHuInstance.build(5, 10, 20, 2);
        DuHuInstance.Fit fit = inst.fit(b);
        assertThat(fit.meetsTestableHypothesis(3, 16, fit.eta(3), inst.scale(3, 16))).isTrue();
        assertThat(fit.meetsTestableHypothesis(3, 16, fit.eta(3) / 2, inst.scale(3, 16))).isTrue();
        assertThat(fit.meetsTestableHypothesis(3, 16, Math.nextUp(fit.eta(3)), inst.scale(3, 16))).isFalse();
        assertThat(fit.meetsTestableHypothesis(3, 16, fit.eta(3), inst.scale(3, 8))).isFalse();
        DuHuInstance.Fit singular = new DuHuInstance.Fit(2, fit.yHat(), fit.opt(), fit.lambdaMax(), 0, 0, 1);
        assertThat(singular.meetsTestableHypothesis(3, 16, fit.eta(3), inst.scale(3, 16))).isFalse();
    }

    @Test
    @DisplayName("DLN-3 hypothesis: Thm 2.3's assumptions on the data and a non-top (saddle) or the top (global) eigenvector set")
    void baldiHornikHypothesis() {
        BaldiHornikInstance inst = BaldiHornikInstance.build(3, 6, 4, 30);
        BaldiHornikInstance.Fit fit = inst.fit(b);
        assertThat(fit.meetsTheorem23Assumptions(6)).isTrue();
        assertThat(fit.xRank()).isEqualTo(6);
        assertThat(fit.yxRank()).isEqualTo(4);
        // Y = 0 rows: XY^T loses rank and Sigma a distinct eigenvalue
        DenseMatrix y = inst.y().copy();
        for (int j = 0; j < y.cols(); j++) {
            y.set(3, j, 0);
        }
        assertThat(new BaldiHornikInstance(3, inst.x(), y).fit(b).meetsTheorem23Assumptions(6)).isFalse();
        // d_y > d_x fails
        assertThat(fit.meetsTheorem23Assumptions(3)).isFalse();
        assertThat(BaldiHornikInstance.isNonTopSubset(new int[] {0, 2}, 2, 4)).isTrue();
        assertThat(BaldiHornikInstance.isNonTopSubset(new int[] {1, 0}, 2, 4)).isFalse();
        assertThat(BaldiHornikInstance.isTopSubset(new int[] {1, 0}, 2, 4)).isTrue();
        assertThat(BaldiHornikInstance.isNonTopSubset(new int[] {2, 2}, 2, 4)).isFalse();
        assertThat(BaldiHornikInstance.isNonTopSubset(new int[] {0, 4}, 2, 4)).isFalse();
        assertThat(BaldiHornikInstance.isNonTopSubset(new int[] {0, 1, 2, 3}, 4, 4)).isFalse();  // k < d_y
        assertThat(BaldiHornikInstance.distinctSpectrum(new double[] {0.1, 0.5, 1.0, 2.0})).isTrue();
        assertThat(BaldiHornikInstance.distinctSpectrum(new double[] {0.1, 0.5, 0.5, 2.0})).isFalse();
        // a gap of exactly 1e-8 lambda_max is not enough (strict), one just above is
        assertThat(BaldiHornikInstance.distinctSpectrum(new double[] {0.0, 1.0, 1e8})).isFalse();
        assertThat(BaldiHornikInstance.distinctSpectrum(new double[] {0.0, 1.25, 1e8})).isTrue();
    }

    @Test
    @DisplayName("DLN-4 hypothesis: rank(W_H...W_2) = p, from the singular values (zero matrix: rank 0)")
    void rankCondition() {
        assertThat(DeepSaddleInstance.rankCondition(new double[] {2.0, 1.0}, 2)).isTrue();
        assertThat(DeepSaddleInstance.rankCondition(new double[] {2.0, 1e-13}, 2)).isFalse();   // below 1e-12 x max
        assertThat(DeepSaddleInstance.rankCondition(new double[] {2.0, 3e-12}, 2)).isTrue();
        assertThat(DeepSaddleInstance.rankCondition(new double[] {0.0, 0.0}, 2)).isFalse();
        assertThat(BaldiHornikInstance.numericalRank(new double[] {0.0, 0.0})).isZero();
        DeepSaddleInstance inst = DeepSaddleInstance.build(4, 6, 4, 30, 3, 2);
        BaldiHornikInstance.Fit fit = inst.data().fit(b);
        double[] s = b.svd(DeepSaddleInstance.middleProduct(b, inst.criticalPoint(b, fit, new int[] {0, 2}))).s();
        assertThat(DeepSaddleInstance.rankCondition(s, inst.p())).isTrue();
        double[] z = b.svd(DeepSaddleInstance.middleProduct(b, inst.zeroPoint(b))).s();
        assertThat(DeepSaddleInstance.rankCondition(z, inst.p())).isFalse();
    }

    @Test
    @DisplayName("DLN-3 hypothesis edges: index sets of the wrong size, repeated, out of range or with k = d_y are neither top nor saddle sets; rank at exactly 1e-12 x max is not counted; d_y = d_x is allowed; a repeated eigenvalue of Sigma fails")
    void indexSetsAndAssumptionEdges() {
        assertThat(BaldiHornikInstance.isTopSubset(new int[] {0, 0}, 2, 4)).isFalse();
        assertThat(BaldiHornikInstance.isTopSubset(new int[] {0}, 2, 4)).isFalse();
        assertThat(BaldiHornikInstance.isTopSubset(new int[] {0, 1}, 2, 2)).isFalse();       // k = d_y: no saddles
        assertThat(BaldiHornikInstance.isTopSubset(new int[] {0, 1}, 2, 3)).isTrue();
        assertThat(BaldiHornikInstance.isTopSubset(new int[] {-1, 1}, 2, 4)).isFalse();
        assertThat(BaldiHornikInstance.numericalRank(new double[] {2.0, 2e-12})).isEqualTo(1);   // 1e-12 x 2 exactly
        assertThat(BaldiHornikInstance.numericalRank(new double[] {2.0, Math.nextUp(2e-12)})).isEqualTo(2);
        DenseMatrix diag = DenseMatrix.zeros(4, 4), flat = DenseMatrix.zeros(4, 4);
        for (int i = 0; i < 4; i++) {
            diag.set(i, i, i + 1.0);
            flat.set(i, i, 1.0);
        }
        BaldiHornikInstance.Fit square = new BaldiHornikInstance.Fit(DenseMatrix.identity(4), b.eigSym(b.adopt(diag)),
                0, 1, 4, 4);
        assertThat(square.distinctSpectrum()).isTrue();
        assertThat(square.meetsTheorem23Assumptions(4)).isTrue();                          // d_y = d_x = 4
        assertThat(square.meetsTheorem23Assumptions(5)).isFalse();                         // rank X = 4 < d_x
        BaldiHornikInstance.Fit repeated = new BaldiHornikInstance.Fit(DenseMatrix.identity(4), b.eigSym(b.adopt(
                flat)), 0, 1, 4, 4);
        assertThat(repeated.distinctSpectrum()).isFalse();
        assertThat(repeated.meetsTheorem23Assumptions(4)).isFalse();
        BaldiHornikInstance inst = BaldiHornikInstance.build(3, 6, 4, 30);
        assertThat(List.of(inst.dx(), inst.dy(), inst.n())).containsExactly(6, 4, 30);
        DuHuInstance duHu = DuHuInstance.build(3, 10, 20, 2);
        assertThat(List.of(duHu.dIn(), duHu.n(), duHu.dOut())).containsExactly(10, 20, 2);
        assertThat(duHu.dims(3, 8)).containsExactly(10, 8, 8, 2);
        assertThat(duHu.fit(b).rank()).isEqualTo(10);                                       // rank X = d_in < n
        // the zero-asymmetric init needs the shapes too: a d x d last layer is not W_L in R^{d_y x d}
        ZeroAsymmetricInstance za = ZeroAsymmetricInstance.build(11, 2, 4, 3, 0.5);
        assertThat(za.isZeroAsymmetric(List.of(DenseMatrix.identity(4), DenseMatrix.zeros(4, 4)))).isFalse();
        assertThat(za.isZeroAsymmetric(List.of(DenseMatrix.identity(4), DenseMatrix.zeros(3, 4)))).isTrue();
    }
}
