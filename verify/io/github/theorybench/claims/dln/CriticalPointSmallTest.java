package io.github.theorybench.claims.dln;

import static io.github.theorybench.assertions.VerdictAssert.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.CheckResult;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.SymmetricEigen;
import io.github.theorybench.model.DeepLinearNet;
import io.github.theorybench.model.RandomMatrices;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLN-3 on one seed with the check's own sizes (d_x = 6, d_y = 4, k = 2, n = 30; a few thousand GD steps), fast
 * enough for mutation testing. Instance quantities are recomputed here from X and Y by other routes (normal
 * equations, W = 0), and the verdicts' numbers are checked against each other and the table.
 */
@SmallInstances
class CriticalPointSmallTest {
    private static final long SEED = 1300;       // ctx seed 1: 1000·1 + 300 + 0
    private final Backend b = Backends.byName("ejml");    // pure Java: the fastest backend on these tiny matrices
    private CheckResult r;
    private final List<String> progress = new java.util.ArrayList<>();
    private CriticalPointCheck.Instance inst;
    private double[] lamDesc;                    // Σ's eigenvalues, largest first
    private double opt;

    private void setUp() {
        progress.clear();
        r = new CriticalPointCheck(1, 200_000).run(new CheckContext(b, 1, true, progress::add));
        setUpInstance();
    }

    private void setUpInstance() {
        inst = CriticalPointCheck.instance(b, SEED);
        lamDesc = inst.sigma().values().clone();
        Arrays.sort(lamDesc);
        for (int i = 0; i < 2; i++) {
            double t = lamDesc[i];
            lamDesc[i] = lamDesc[3 - i];
            lamDesc[3 - i] = t;
        }
        opt = inst.criticalValue(new int[] {0, 1});
    }

    @Test
    @DisplayName("DLN-3 instance: Phi_hat = Y X^T (X X^T)^-1, Sigma = Phi_hat X X^T Phi_hat^T, fit loss, ||Y X^T||")
    void instance() {
        setUpInstance();
        DenseMatrix x = inst.x(), y = inst.y();
        Assertions.assertThat(x.rows()).isEqualTo(6);
        Assertions.assertThat(x.cols()).isEqualTo(30);
        Assertions.assertThat(y.rows()).isEqualTo(4);
        DenseMatrix xxt = b.multiply(false, true, b.adopt(x), b.adopt(x)).toDense();
        DenseMatrix yxt = b.multiply(false, true, b.adopt(y), b.adopt(x)).toDense();
        // normal equations: Phi_hat^T = (X X^T)^-1 X Y^T
        DenseMatrix phiT = b.solve(b.adopt(xxt), b.adopt(yxt.transpose()));
        Assertions.assertThat(DenseMatrix.relativeDifference(inst.phiHat(), phiT.transpose())).isLessThan(1e-10);
        DenseMatrix sigma = b.multiply(false, false, b.adopt(yxt), b.adopt(phiT)).toDense();   // Y X^T (X X^T)^-1 X Y^T
        SymmetricEigen e = b.eigSym(b.adopt(sigma.plusScaled(1, sigma.transpose()).scale(0.5)));
        Assertions.assertThat(inst.sigma().values()).containsExactly(e.values(), within(1e-10 * e.max()));
        DenseMatrix res = b.multiply(false, false, b.adopt(phiT.transpose()), b.adopt(x)).toDense().plusScaled(-1, y);
        Assertions.assertThat(inst.fitLoss()).isCloseTo(0.5 * Math.pow(res.frobeniusNorm(), 2),
                within(1e-10 * inst.fitLoss()));
        Assertions.assertThat(inst.yxNorm()).isCloseTo(yxt.frobeniusNorm(), within(1e-12 * yxt.frobeniusNorm()));
        // the Gaussian draws have the variance 1/n: E||X||_F^2 = d_x = 6 (loose sanity, a scale error is 30x)
        Assertions.assertThat(Math.pow(x.frobeniusNorm(), 2)).isBetween(2.0, 15.0);
        Assertions.assertThat(Math.pow(y.frobeniusNorm(), 2)).isBetween(1.0, 10.0);
    }

    @Test
    @DisplayName("DLN-3 closed-form critical values: 1/2 ||Y - Phi_hat X||^2 + 1/2 sum of the eigenvalues outside I")
    void criticalValues() {
        setUpInstance();
        double fit = inst.fitLoss();
        // Baldi-Hornik (003 Thm 2.3 at depth 2): indices 0 = largest
        Assertions.assertThat(inst.criticalValue(new int[] {0, 1})).isCloseTo(fit + 0.5 * (lamDesc[2] + lamDesc[3]),
                within(1e-12));
        Assertions.assertThat(inst.criticalValue(new int[] {0, 2})).isCloseTo(fit + 0.5 * (lamDesc[1] + lamDesc[3]),
                within(1e-12));
        Assertions.assertThat(inst.criticalValue(new int[] {2, 3})).isCloseTo(fit + 0.5 * (lamDesc[0] + lamDesc[1]),
                within(1e-12));
        // the loss at W = 0 is 1/2 ||Y||^2 = fit + 1/2 trace(Sigma) (Pythagoras)
        DeepLinearNet net = CriticalPointCheck.net(b, inst);
        double l0 = net.loss(net.adopt(List.of(DenseMatrix.zeros(2, 6), DenseMatrix.zeros(4, 2))));
        Assertions.assertThat(l0).isCloseTo(0.5 * Math.pow(inst.y().frobeniusNorm(), 2), within(1e-12));
        Assertions.assertThat(l0).isCloseTo(fit + 0.5 * Arrays.stream(lamDesc).sum(), within(1e-10));
    }

    @Test
    @DisplayName("DLN-3 hypothesis 'distinct eigenvalues': every ascending gap > 1e-8 lambda_max")
    void distinctSpectrum() {
        setUpInstance();
        Assertions.assertThat(CriticalPointCheck.distinctSpectrum(new double[] {0.1, 0.5, 1.0, 2.0})).isTrue();
        Assertions.assertThat(CriticalPointCheck.distinctSpectrum(new double[] {0.1, 0.5, 0.5, 2.0})).isFalse();
        // a gap of exactly 1e-8 lambda_max is not enough (strict), one just above is
        Assertions.assertThat(CriticalPointCheck.distinctSpectrum(new double[] {0.0, 1.0, 1e8})).isFalse();
        Assertions.assertThat(CriticalPointCheck.distinctSpectrum(new double[] {0.0, 1.25, 1e8})).isTrue();
        // only the smallest gap counts, wherever it sits
        Assertions.assertThat(CriticalPointCheck.distinctSpectrum(new double[] {0.1, 0.1, 0.5, 1.0})).isFalse();
        Assertions.assertThat(CriticalPointCheck.distinctSpectrum(new double[] {0.1, 0.5, 1.0, 1.0})).isFalse();
        Assertions.assertThat(CriticalPointCheck.distinctSpectrum(inst.sigma().values())).isTrue();
    }

    @Test
    @DisplayName("DLN-3 quick run (1 seed): gradients, Hessian spectra, controls, GD and table against recomputed values")
    void quickRun() {
        // one test runs the check and every assertion on its output: PIT credits coverage from @BeforeAll or a
        // shared cache to no test method (or only the first), so assertions elsewhere would never see a mutant
        setUp();
        criticalPoints();
        controls();
        gradientDescent();
        table();
    }

    /** DLN-3 critical points: gradient verdicts, loss = closed form, Hessian spectra recomputed, k^2 zero eigenvalues at the global point */
    private void criticalPoints() {
        DeepLinearNet net = CriticalPointCheck.net(b, inst);
        double gradBound = 1e-12 * inst.yxNorm();
        int saddles = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                int[] idx = {i, j};
                String name = "I={" + (i + 1) + "," + (j + 1) + "}";
                List<Matrix> w = CriticalPointCheck.criticalPoint(b, inst, idx, DenseMatrix.identity(2));
                // W2 = U_I: orthonormal columns; W1 = U_I^T Phi_hat, so W2 W1 = U_I U_I^T Phi_hat
                DenseMatrix w2 = w.get(1).toDense();
                DenseMatrix gram = b.multiply(true, false, b.adopt(w2), b.adopt(w2)).toDense();
                Assertions.assertThat(DenseMatrix.relativeDifference(gram, DenseMatrix.identity(2))).isLessThan(1e-12);
                double loss = net.loss(w);
                Verdict g = r.verdict("DLN-3", "gradient at critical point " + name);
                assertThat(g).hypothesisMet().holds();
                Assertions.assertThat(g.bound()).isCloseTo(gradBound, within(1e-15 * gradBound));
                Assertions.assertThat(g.observed()).isCloseTo(CriticalPointCheck.gradNorm(net.evaluate(w)),
                        within(1e-20));
                Assertions.assertThat(g.measurements().get("loss_minus_closed_form"))
                        .isCloseTo(loss - inst.criticalValue(idx), within(1e-15));
                Assertions.assertThat(Math.abs(loss - inst.criticalValue(idx))).isLessThan(1e-12);
                Assertions.assertThat(g.sizes()).containsEntry("d_x", 6).containsEntry("d_y", 4)
                        .containsEntry("k", 2).containsEntry("n", 30);
                DenseMatrix h = net.hessian(w);
                SymmetricEigen e = b.eigSym(b.adopt(h.plusScaled(1, h.transpose()).scale(0.5)));
                boolean global = i == 0 && j == 1;
                Verdict v = r.verdict("DLN-3", (global ? "global point has no negative eigenvalue "
                        : "saddle has a negative eigenvalue ") + name);
                assertThat(v).hypothesisMet().holds()
                        .hasMeasurementCloseTo("lambda_max", e.max(), 1e-10, "largest Hessian eigenvalue")
                        .hasMeasurementWithin("hessian_asymmetry", 0, 1e-14);
                Assertions.assertThat(v.measurements().get("lambda_min")).isCloseTo(e.min(), within(1e-10 * e.max()));
                double ratio = v.measurements().get("lambda_min") / v.measurements().get("lambda_max");
                if (global) {
                    Assertions.assertThat(v.observed()).isEqualTo(-ratio);
                    Assertions.assertThat(v.bound()).isEqualTo(1e-10);
                    int zeros = 0;
                    for (double l : e.values()) {
                        zeros += Math.abs(l) <= 1e-10 * e.max() ? 1 : 0;
                    }
                    Assertions.assertThat(zeros).isEqualTo(4);           // dim GL(2) = k^2
                    assertThat(v).hasMeasurementCloseTo("zero_eigenvalues", 4, 0, "k^2");
                } else {
                    saddles++;
                    Assertions.assertThat(v.observed()).isEqualTo(ratio).isLessThan(-1e-10);
                    Assertions.assertThat(v.bound()).isEqualTo(-1e-10);
                    Assertions.assertThat(v.measurements()).doesNotContainKey("zero_eigenvalues");
                }
            }
        }
        Assertions.assertThat(saddles).isEqualTo(5);
    }

    /** DLN-3 controls: mildest saddle = top k-1 plus the (k+1)-th eigenvector; its value gap uses l(0) = 1/2 ||Y||^2; perturbed global point */
    private void controls() {
        // the mildest saddle is I = {1,3}: loss - OPT = 1/2 (lambda_2 - lambda_3), the smallest over saddles
        String m = "I={1,3}";
        Verdict second = r.verdict("DLN-3", "control: second-order test on the mildest saddle " + m);
        Verdict saddle = r.verdict("DLN-3", "saddle has a negative eigenvalue " + m);
        Assertions.assertThat(second.role()).isEqualTo(Verdict.Role.CONTROL);
        assertThat(second).isViolated();
        Assertions.assertThat(second.observed()).isEqualTo(-saddle.observed());
        Assertions.assertThat(second.bound()).isEqualTo(1e-10);
        Verdict value = r.verdict("DLN-3", "control: optimum-value test on the mildest saddle " + m);
        assertThat(value).isViolated();
        double l0 = 0.5 * Math.pow(inst.y().frobeniusNorm(), 2);
        double gap = 0.5 * (lamDesc[1] - lamDesc[2]) / (l0 - opt);
        Assertions.assertThat(value.observed()).isCloseTo(gap, within(1e-9 * gap));
        Assertions.assertThat(value.bound()).isEqualTo(1e-10);
        Verdict pert = r.verdict("DLN-3", "control: gradient test at a perturbed global point");
        assertThat(pert).isViolated();
        Assertions.assertThat(pert.bound()).isCloseTo(1e-12 * inst.yxNorm(), within(1e-25));
        // a 1e-8 relative move changes the gradient by about 1e-8 |theta| lambda(H): far above 1e-12, far below 1
        Assertions.assertThat(pert.observed()).isBetween(1e-11, 1e-6);
        // recompute: theta* + 1e-8 |theta*| u, u a unit Gaussian direction drawn from seed + 11
        DeepLinearNet net = CriticalPointCheck.net(b, inst);
        double[] theta = DeepLinearNet.flatten(CriticalPointCheck.criticalPoint(b, inst, new int[] {0, 1},
                DenseMatrix.identity(2)));
        double[] dir = RandomMatrices.gaussianVector(theta.length, 1.0, RandomMatrices.rng(SEED + 11));
        double tn = Math.sqrt(Arrays.stream(theta).map(t -> t * t).sum());
        double dn = Math.sqrt(Arrays.stream(dir).map(t -> t * t).sum());
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 1e-8 * tn * dir[i] / dn;
        }
        double pg = CriticalPointCheck.gradNorm(net.evaluate(net.unflatten(theta)));
        Assertions.assertThat(pert.observed()).isCloseTo(pg, within(1e-6 * pg));
        Assertions.assertThat(pert.detail()).contains(String.format(java.util.Locale.ROOT, "%.3g must exceed 1e-12"
                + " ||YX^T|| = %.3g", pg, 1e-12 * inst.yxNorm()));
        Assertions.assertThat(r.verdicts("DLN-3").stream().filter(v -> v.role() == Verdict.Role.CONTROL))
                .hasSize(3);
    }

    /** DLN-3 GD from a random init: gap <= 1e-10, eta = 0.25/(||X||^2 max(1, ||Phi_hat||)), saddle gap reported */
    private void gradientDescent() {
        Verdict v = r.verdict("DLN-3", "GD reaches the global value (init 0)");
        assertThat(v).hypothesisMet().holds();
        double sx = b.svd(b.adopt(inst.x())).max(), sp = b.svd(b.adopt(inst.phiHat())).max();
        assertThat(v).hasMeasurementCloseTo("eta", 0.25 / (sx * sx * Math.max(1.0, sp)), 1e-12,
                "0.25/(||X||_2^2 max(1, ||Phi_hat||_2))");
        Verdict value = r.verdict("DLN-3", "control: optimum-value test on the mildest saddle I={1,3}");
        assertThat(v).hasMeasurementCloseTo("saddle_gap", value.observed(), 1e-15, "the control's value gap");
        Assertions.assertThat(v.observed()).isLessThanOrEqualTo(1e-12);      // GD stops at 1e-2 of the 1e-10 gap
        Assertions.assertThat(v.bound()).isEqualTo(1e-10);
        // replay: descend returns {l0, lT, steps, eta} and stops at the first step with gap <= 1e-12
        double[] d = CriticalPointCheck.descend(b, inst, CriticalPointCheck.net(b, inst), SEED * 17, 200_000, opt);
        Assertions.assertThat(d[3]).isEqualTo(v.measurements().get("eta"));
        Assertions.assertThat(d[2]).isEqualTo(v.measurements().get("steps")).isGreaterThan(10);
        Assertions.assertThat((d[1] - opt) / (d[0] - opt)).isEqualTo(v.observed());
        Assertions.assertThat(r.verdicts("DLN-3").stream().filter(x -> x.check().startsWith("GD"))).hasSize(1);
        Assertions.assertThat(progress).containsExactly(String.format(java.util.Locale.ROOT,
                "DLN-3 seed %d init 0: gap %.3g after %.0f steps", SEED, v.observed(), d[2]));
        double[] early = CriticalPointCheck.descend(b, inst, CriticalPointCheck.net(b, inst), SEED * 17,
                (int) d[2] - 1, opt);
        Assertions.assertThat(early[2]).isEqualTo(d[2]);              // loop runs to t = maxSteps inclusive
        Assertions.assertThat((early[1] - opt) / (early[0] - opt)).isGreaterThan(1e-12);
        Assertions.assertThat(early[0]).isEqualTo(d[0]);
    }

    /** DLN-3 table: one row per critical point with the verdicts' numbers */
    private void table() {
        Assertions.assertThat(r.tables()).hasSize(1);
        Table t = r.tables().get(0);
        Assertions.assertThat(t.name()).isEqualTo("DLN-3-critical-points");
        Assertions.assertThat(t.title()).contains("d_x = 6, d_y = 4, k = 2, n = 30");
        Assertions.assertThat(t.rows()).hasSize(6);
        for (List<String> row : t.rows()) {
            Assertions.assertThat(row).hasSize(t.header().size());
            Assertions.assertThat(row.get(0)).isEqualTo(String.valueOf(SEED));
            String name = row.get(1);
            boolean global = name.equals("I={1,2}");
            Assertions.assertThat(row.get(2)).isEqualTo(global ? "global" : "saddle");
            Verdict g = r.verdict("DLN-3", "gradient at critical point " + name);
            Verdict h = r.verdict("DLN-3", (global ? "global point has no negative eigenvalue "
                    : "saddle has a negative eigenvalue ") + name);
            double lmin = h.measurements().get("lambda_min"), lmax = h.measurements().get("lambda_max");
            Assertions.assertThat(row.get(3)).isEqualTo(CriticalPointCheck.fmt(g.observed()));
            Assertions.assertThat(row.get(5)).isEqualTo(CriticalPointCheck.fmt(lmin));
            Assertions.assertThat(row.get(6)).isEqualTo(CriticalPointCheck.fmt(lmax));
            Assertions.assertThat(row.get(7)).isEqualTo(CriticalPointCheck.fmt(lmin / lmax));
            if (global) {
                Assertions.assertThat(row.get(8)).isEqualTo("4");          // k^2 zero eigenvalues
            }
            int[] idx = {name.charAt(3) - '1', name.charAt(5) - '1'};
            double lossMinusOpt = inst.criticalValue(idx) - opt;
            Assertions.assertThat(Double.parseDouble(row.get(4))).isCloseTo(lossMinusOpt,
                    within(2e-3 * Math.abs(lossMinusOpt) + 1e-12));
        }
        Assertions.assertThat(CriticalPointCheck.fmt(0.000123456)).isEqualTo("0.000123");
        Assertions.assertThat(new CriticalPointCheck().ids()).containsExactly("DLN-3");
    }
}
