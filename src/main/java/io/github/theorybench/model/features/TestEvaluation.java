package io.github.theorybench.model.features;

import io.github.theorybench.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Test mean squared errors of many fitted predictors on one test set, computed together (CLAIMS.md DLS: test MSE
 * against the clean target on 10⁴ fresh points). Heads on layers with the same first-layer direction share one block
 * GEMM ({@link BlockPredictor}); kernel predictors on the same training inputs share one pass over the test kernel
 * ({@link BiasedReluNtk#predict}). Each predictor adds its preprocessing α + βᵀx (004, Algorithm 1's returned
 * predictor). Groups are kept in insertion order (lists, compared by identity), so the sums are formed in a fixed order.
 */
public final class TestEvaluation {
    private final TwoLayerFeatureLearner learner;
    private final DenseMatrix x;
    private final List<Group> groups = new ArrayList<>();
    private final List<KernelGroup> kernelGroups = new ArrayList<>();
    private final List<double[]> targets = new ArrayList<>();
    private final List<double[]> linear = new ArrayList<>();

    /** Predictors evaluated at the rows of {@code x}. */
    public TestEvaluation(TwoLayerFeatureLearner learner, DenseMatrix x) {
        this.learner = learner;
        this.x = x;
    }

    private record Head(int ticket, double[] a) {
    }

    private record Variant(double scale, double[] biases, List<Head> heads) {
    }

    private record Group(DenseMatrix direction, List<Variant> variants) {
    }

    private record KernelGroup(TwoLayerFeatureLearner.KernelDesign design, List<Head> heads) {
    }

    private int ticket(double[] clean, double alpha, double[] beta) {
        if (clean.length != x.rows()) {
            throw new IllegalArgumentException("test targets: " + clean.length + " values for " + x.rows() + " points");
        }
        targets.add(clean);
        linear.add(learner.linearPart(x, alpha, beta));
        return targets.size() - 1;
    }

    /** Adds a network predictor with its clean test targets; returns its index in {@link #mse()}. */
    public int add(TwoLayerFeatureLearner.Model model, double[] clean) {
        int t = ticket(clean, model.alpha(), model.beta());
        TwoLayerFeatureLearner.Layer layer = model.layer();
        Group g = groups.stream().filter(q -> q.direction() == layer.direction()).findFirst().orElse(null);
        if (g == null) {
            g = new Group(layer.direction(), new ArrayList<>());
            groups.add(g);
        }
        Variant v = g.variants().stream().filter(q -> q.scale() == layer.scale() && q.biases() == layer.b())
                .findFirst().orElse(null);
        if (v == null) {
            v = new Variant(layer.scale(), layer.b(), new ArrayList<>());
            g.variants().add(v);
        }
        v.heads().add(new Head(t, model.a()));
        return t;
    }

    /** Adds a kernel ridge predictor with its clean test targets; returns its index in {@link #mse()}. */
    public int add(TwoLayerFeatureLearner.KernelModel model, double[] clean) {
        int t = ticket(clean, model.alpha(), model.beta());
        KernelGroup g = kernelGroups.stream().filter(q -> q.design() == model.design()).findFirst().orElse(null);
        if (g == null) {
            g = new KernelGroup(model.design(), new ArrayList<>());
            kernelGroups.add(g);
        }
        g.heads().add(new Head(t, model.dual()));
        return t;
    }

    private static DenseMatrix rowsOf(List<Head> heads) {
        int len = heads.get(0).a().length;
        DenseMatrix h = DenseMatrix.zeros(heads.size(), len);
        for (int k = 0; k < heads.size(); k++) {
            System.arraycopy(heads.get(k).a(), 0, h.data(), k * len, len);
        }
        return h;
    }

    /** The test MSE of every predictor added, by index: (1/N) Σ_i (f(x_i) − clean_i)². */
    public double[] mse(BiasedReluNtk kernel) {
        double[] out = new double[targets.size()];
        for (Group g : groups) {
            List<BlockPredictor.Variant> vs = new ArrayList<>();
            for (Variant v : g.variants()) {
                vs.add(new BlockPredictor.Variant(v.scale(), v.biases(), rowsOf(v.heads())));
            }
            double[][][] f = BlockPredictor.predict(learner.backend(), x, g.direction(), vs);
            for (int v = 0; v < vs.size(); v++) {
                List<Head> heads = g.variants().get(v).heads();
                for (int h = 0; h < heads.size(); h++) {
                    out[heads.get(h).ticket()] = score(heads.get(h).ticket(), f[v][h]);
                }
            }
        }
        for (KernelGroup g : kernelGroups) {
            double[][] f = kernel.predict(x, g.design().x(), rowsOf(g.heads()));
            for (int h = 0; h < g.heads().size(); h++) {
                out[g.heads().get(h).ticket()] = score(g.heads().get(h).ticket(), f[h]);
            }
        }
        return out;
    }

    /** The same without kernel predictors. */
    public double[] mse() {
        if (!kernelGroups.isEmpty()) {
            throw new IllegalStateException("kernel predictors need the kernel: call mse(kernel)");
        }
        return mse(null);
    }

    private double score(int t, double[] f) {
        double[] lin = linear.get(t), y = targets.get(t);
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double e = f[i] + lin[i] - y[i];
            s += e * e;
        }
        return s / f.length;
    }
}
