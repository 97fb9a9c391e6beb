package io.github.theorybench.claims.dls;

import static org.assertj.core.api.Assertions.within;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.CheckContext;
import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.SeedStream;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.features.SingleIndexTask;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DLS-5 replayed once on a small instance (d = 4, 6, m = 30, 100 test points, N = 20, 3 seeds, 4 at d = 4) inside the asserting
 * test: one (seed, d)'s four test MSEs recomputed by {@link DlsReference}, the ratios and slopes from the measured
 * medians by sorting and a two-point slope.
 */
@SmallInstances
class TransferDimensionSmallTest {
    static final TransferDimensionCheck.Sizes SIZES = new TransferDimensionCheck.Sizes(new int[] {4, 6}, 30, 100, 3,
            4, 20, 64);
    static final double TOL = 1e-7;

    @Test
    @DisplayName("DLS-5 small instance (d = 4, 6, m = 30, N = 20): pretrained (d^3, d, fixed) and random-feature MSEs, ratios and slopes equal an independent recomputation")
    void smallInstance() {
        TransferDimensionCheck check = new TransferDimensionCheck(SIZES);
        TransferDimensionCheck.Measurement m = check.measure(SIZES, CheckContext.of(Backends.byName(Backends.DEFAULT),
                9, false));
        long seed = SeedStream.of(9, "DLS-5").child("d6").seed(2);
        TransferDimensionInstance inst = TransferDimensionInstance.build(seed, 6, SIZES);
        TransferDimensionRun run = m.runs().stream().filter(r -> r.provenance().seed() == seed).findFirst()
                .orElseThrow();
        Assertions.assertThat(inst.source().x().rows()).isEqualTo(216);
        Assertions.assertThat(inst.sourceOfD().x().rows()).isEqualTo(6);
        Assertions.assertThat(inst.fixedSource().x().rows()).isEqualTo(64);
        SingleIndexTask.Sample[] sources = {inst.source(), inst.sourceOfD(), inst.fixedSource()};
        double[] measured = {run.pretrained(), run.fromDSamples(), run.fixedSource()};
        for (int q = 0; q < 3; q++) {
            DenseMatrix g = DlsReference.gradient(inst.algorithmOne().init(), sources[q].x(),
                    DlsReference.preprocess(sources[q].x(), sources[q].labels()).r());
            double eta = Math.sqrt(SIZES.m()) / DlsReference.frobenius(g);
            Assertions.assertThat(measured[q]).as("source %d", q).isCloseTo(head(inst, g, -eta,
                    inst.algorithmOne().biases()), within(TOL * measured[q]));
        }
        Assertions.assertThat(run.randomFeatures()).isCloseTo(head(inst, inst.randomFeatures().init().weights(), 1,
                inst.randomFeatures().biases()), within(TOL * run.randomFeatures()));
        List<Verdict> vs = check.verdicts(m);
        double[] pre = new double[2];
        for (int i = 0; i < 2; i++) {
            int d = SIZES.ds()[i];
            pre[i] = DlsReference.median(m.runs().stream().filter(r -> r.d() == d)
                    .mapToDouble(TransferDimensionRun::pretrained).toArray());
            double rf = DlsReference.median(m.runs().stream().filter(r -> r.d() == d)
                    .mapToDouble(TransferDimensionRun::randomFeatures).toArray());
            Verdict v = vs.stream().filter(x -> x.criterion().equals(TransferDimensionCheck.BEATS_RANDOM_FEATURES)
                    && x.sizes().get("d").equals(d)).findFirst().orElseThrow();
            Assertions.assertThat(v.observed()).isCloseTo(pre[i] / rf, within(1e-12));
            Assertions.assertThat(v.sizes()).containsEntry("nSrc", d * d * d);
        }
        Verdict flat = vs.stream().filter(x -> x.criterion().equals(TransferDimensionCheck.FLAT_IN_D)).findFirst()
                .orElseThrow();
        Assertions.assertThat(flat.observed()).isCloseTo(Math.log(pre[1] / pre[0]) / Math.log(1.5), within(1e-9));
        Assertions.assertThat(vs).hasSize(2 + 1 + 2 + 1);
        Assertions.assertThat(check.tables(m).get(0).rows()).hasSize(2);
        // the smallest d gets its own seed count (CLAIMS sizes: 40 at d = 6, 20 elsewhere)
        Assertions.assertThat(m.runs().stream().filter(r -> r.d() == 4).count()).isEqualTo(4);
        Assertions.assertThat(m.runs().stream().filter(r -> r.d() == 6).count()).isEqualTo(3);
    }

    /** The LOO ridge head on the target sample for layer W = scale·w, test MSE by loops. */
    static double head(TransferDimensionInstance inst, DenseMatrix w, double scale, double[] b) {
        SingleIndexTask.Sample t = inst.target();
        DlsReference.Pre pre = DlsReference.preprocess(t.x(), t.labels());
        DlsReference.Head h = DlsReference.ridge(DlsReference.features(t.x(), w, scale, b), pre.r(),
                FeatureLearningSmallTest.GRID);
        return DlsReference.testMse(inst.testX(), inst.testClean(), w, scale, b, pre, h.a());
    }
}
