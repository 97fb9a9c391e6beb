package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.dls.FeatureLearningRun.Method;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.model.features.BiasedReluNtk;
import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TestEvaluation;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Design;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.KernelDesign;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Layer;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every method of DLS-1..3 on one seed, sharing work across the criteria (CLAIMS.md DLS; seed 004):
 * <ul>
 * <li>one Algorithm 1 gradient per n feeds DLS-1's share (scale-free) and both η₁ rules of DLS-2 (W₁ = −η₁∇_W L
 * differ only in η₁, so the test features of both come from one GEMM);</li>
 * <li>DLS-3's target samples are DLS-2's training inputs of the same size with the He₃ target's labels, so the
 * random-features and NTK designs (features, Gram, eigendecomposition) serve both claims, and only the pretrained
 * layers need designs of their own; the pretraining samples are fresh, independent of those inputs;</li>
 * <li>every head's ridge penalty comes from one eigendecomposition per design ({@code SpectralRidge}), and every test
 * MSE from one pass per first-layer direction over the 10⁴ test points ({@link TestEvaluation}).</li>
 * </ul>
 */
final class FeatureLearningMeasurer {
    private final TwoLayerFeatureLearner learner;
    private final BiasedReluNtk ntk;
    private final FeatureLearningCheck.Sizes z;

    FeatureLearningMeasurer(TwoLayerFeatureLearner learner, BiasedReluNtk ntk, FeatureLearningCheck.Sizes z) {
        this.learner = learner;
        this.ntk = ntk;
        this.z = z;
    }

    /** Tickets of one size n in the seed's {@link TestEvaluation}, by {@link Method} ordinal (−1: not run). */
    private static int[] noTickets(int count) {
        int[] t = new int[count];
        Arrays.fill(t, -1);
        return t;
    }

    /** What one size n produced before the test pass: numbers, fitted models' tickets and ridge choices. */
    private record Pending(int n, double share, double permutedShare, double eta1, double fixedRowNorm, int[] tickets,
            double[] ridge, int atEdge, int[] transferTickets) {
    }

    FeatureLearningRun measure(FeatureLearningInstance inst, boolean full, Provenance provenance) {
        TestEvaluation eval = new TestEvaluation(learner, inst.testX());
        List<Layer> pretrained = new ArrayList<>();
        Layer control = null;
        if (full) {
            for (int nSrc : z.sources()) {
                pretrained.add(algorithmOne(inst, inst.source(nSrc).sample()));
            }
            control = algorithmOne(inst, inst.source(z.controlSource()).sample());
        }
        List<Pending> pending = new ArrayList<>();
        for (FeatureLearningInstance.Train tr : inst.trains()) {
            pending.add(atSize(inst, tr, full, pretrained, control, eval));
        }
        double[] mse = eval.mse(ntk);
        List<FeatureLearningRun.AtSize> sizes = new ArrayList<>();
        List<FeatureLearningRun.Transfer> transfers = new ArrayList<>();
        for (Pending p : pending) {
            double[] byMethod = new double[Method.values().length];
            for (Method m : Method.values()) {
                byMethod[m.ordinal()] = p.tickets()[m.ordinal()] < 0 ? Double.NaN : mse[p.tickets()[m.ordinal()]];
            }
            sizes.add(new FeatureLearningRun.AtSize(p.n(), p.share(), p.permutedShare(), p.eta1(),
                    p.fixedRowNorm(), byMethod, p.ridge(), p.atEdge()));
            if (p.transferTickets() != null) {
                transfers.add(transfer(p, mse, pretrained.size()));
            }
        }
        DenseMatrix w0 = inst.randomFeatures().init().weights();
        return new FeatureLearningRun(provenance, full, DlsHypotheses.hessianScale(inst.task()), sizes, transfers,
                distinctRows(w0, null),
                distinctRows(w0, inst.randomFeatures().biases()));
    }

    /** Transfer tickets: [pretrained by source..., control, random features, NTK]. */
    private static FeatureLearningRun.Transfer transfer(Pending p, double[] mse, int sources) {
        int[] t = p.transferTickets();
        double[] pre = new double[sources];
        for (int q = 0; q < sources; q++) {
            pre[q] = mse[t[q]];
        }
        double ctrl = t[sources] < 0 ? Double.NaN : mse[t[sources]];
        return new FeatureLearningRun.Transfer(p.n(), pre, ctrl, mse[t[sources + 1]], mse[t[sources + 2]]);
    }

    /** Algorithm 1's first layer on a sample (004): preprocess, W₁ = −η₁∇_W L(θ₀) with the RMS-1 η₁, re-drawn b. */
    private Layer algorithmOne(FeatureLearningInstance inst, SingleIndexTask.Sample s) {
        FeatureLearningInstance.Net net = inst.algorithmOne();
        return learner.algorithmOne(net.init(), net.biases(), s.x(), s.labels());
    }

    private Pending atSize(FeatureLearningInstance inst, FeatureLearningInstance.Train tr, boolean full,
            List<Layer> pretrained, Layer control, TestEvaluation eval) {
        int n = tr.n(), methods = Method.values().length;
        SingleIndexTask.Sample s = tr.sample();
        FeatureLearningInstance.Net alg = inst.algorithmOne(), rf = inst.randomFeatures();
        double[] u = inst.task().direction();
        DenseMatrix g = learner.initialGradient(alg.init(), s.x(), learner.preprocess(s.x(), s.labels()).y());
        DenseMatrix gPermuted = learner.initialGradient(alg.init(), s.x(),
                learner.preprocess(s.x(), tr.permutedLabels()).y());
        double eta1 = TwoLayerFeatureLearner.rmsOneEta1(g);
        int[] tickets = noTickets(methods);
        double[] ridge = new double[methods];
        Arrays.fill(ridge, Double.NaN);
        int[] edges = new int[1];
        Fitter fit = (layer, method, clean) -> {
            Model model = learner.fit(learner.design(layer, s.x()), s.labels(), TwoLayerFeatureLearner.RIDGE_GRID);
            record(model.ridge(), method, ridge, edges);
            tickets[method.ordinal()] = eval.add(model, clean);
        };
        fit.run(TwoLayerFeatureLearner.firstStep(g, eta1, alg.biases()), Method.ALGORITHM_ONE, inst.testClean());
        Design rfDesign = learner.design(TwoLayerFeatureLearner.frozen(rf.init().weights(), rf.biases()), s.x());
        Model rfModel = learner.fit(rfDesign, s.labels(), TwoLayerFeatureLearner.RIDGE_GRID);
        record(rfModel.ridge(), Method.RANDOM_FEATURES, ridge, edges);
        tickets[Method.RANDOM_FEATURES.ordinal()] = eval.add(rfModel, inst.testClean());
        Layer noStep = TwoLayerFeatureLearner.frozen(alg.init().weights(), alg.biases());
        if (n == z.noStepSeedN() || full && n == z.largestN()) {
            fit.run(noStep, Method.NO_STEP, inst.testClean());
        }
        double fixedRowNorm = Double.NaN;
        int[] transferTickets = null;
        if (full) {
            double eta = TwoLayerFeatureLearner.paperEta1(FeatureLearningCheck.D);
            fixedRowNorm = eta * TwoLayerFeatureLearner.meanRowNorm(g);
            fit.run(TwoLayerFeatureLearner.firstStep(g, eta, alg.biases()), Method.FIXED_ETA, inst.testClean());
            KernelDesign kd = learner.kernelDesign(ntk, s.x());
            TwoLayerFeatureLearner.KernelModel km = learner.fit(kd, s.labels(), TwoLayerFeatureLearner.RIDGE_GRID);
            record(km.ridge(), Method.NTK, ridge, edges);
            tickets[Method.NTK.ordinal()] = eval.add(km, inst.testClean());
            if (contains(z.transferNs(), n)) {
                transferTickets = transferFits(inst, tr, rfDesign, kd, pretrained, control, eval);
            }
        }
        return new Pending(n, learner.subspaceShare(g, u), learner.subspaceShare(gPermuted, u), eta1, fixedRowNorm,
                tickets, ridge, edges[0], transferTickets);
    }

    /** One fit of a layer on this size's sample, recorded under a method. */
    @FunctionalInterface
    private interface Fitter {
        void run(Layer layer, Method method, double[] clean);
    }

    private static void record(io.github.theorybench.model.features.SpectralRidge.Choice c, Method m, double[] ridge,
            int[] edges) {
        ridge[m.ordinal()] = c.relativeRidge();
        edges[0] += c.atGridEdge() ? 1 : 0;
    }

    /**
     * DLS-3 on the target labels of this size's inputs: heads on each pretrained layer, on the control layer (where
     * N is a control size), on the random features and the NTK (reusing DLS-2's designs).
     */
    private int[] transferFits(FeatureLearningInstance inst, FeatureLearningInstance.Train tr, Design rfDesign,
            KernelDesign kd, List<Layer> pretrained, Layer control, TestEvaluation eval) {
        double[] y = tr.transfer().labels(), clean = inst.testTransferClean();
        double[] grid = TwoLayerFeatureLearner.RIDGE_GRID;
        int q = pretrained.size();
        int[] t = new int[q + 3];
        for (int k = 0; k < q; k++) {
            t[k] = eval.add(learner.fit(learner.design(pretrained.get(k), tr.sample().x()), y, grid), clean);
        }
        t[q] = contains(z.assertedTransferNs(), tr.n())
                ? eval.add(learner.fit(learner.design(control, tr.sample().x()), y, grid), clean) : -1;
        t[q + 1] = eval.add(learner.fit(rfDesign, y, grid), clean);
        t[q + 2] = eval.add(learner.fit(kd, y, grid), clean);
        return t;
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Number of distinct rows of W (with the biases appended when given). */
    static int distinctRows(DenseMatrix w, double[] biases) {
        Set<List<Double>> rows = new HashSet<>();
        for (int j = 0; j < w.rows(); j++) {
            List<Double> row = new ArrayList<>();
            for (double v : w.row(j)) {
                row.add(v);
            }
            if (biases != null) {
                row.add(biases[j]);
            }
            rows.add(row);
        }
        return rows.size();
    }
}
