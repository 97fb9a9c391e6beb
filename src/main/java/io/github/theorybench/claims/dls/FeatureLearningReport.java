package io.github.theorybench.claims.dls;

import static io.github.theorybench.claims.dls.FeatureLearningCheck.D;

import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.dls.FeatureLearningCheck.Measurement;
import io.github.theorybench.claims.dls.FeatureLearningRun.AtSize;
import io.github.theorybench.claims.dls.FeatureLearningRun.Method;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.claims.support.Quantiles;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Tables and figures of DLS-1..3, rendered from the measurement (medians with min–max bands over seeds). */
final class FeatureLearningReport {
    private FeatureLearningReport() {
    }

    /** The finite values (a method not run on a seed is NaN there). */
    static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    /** "median [min, max] (k)" over the finite values, or "-" when there are none. */
    static String band(double[] v) {
        double[] f = finite(v);
        if (f.length == 0) {
            return "-";
        }
        return NumberText.format("%.4f [%.4f, %.4f]", Quantiles.median(f), Quantiles.of(f, 0), Quantiles.of(f, 1));
    }

    /** Per n, the values over all seeds. */
    static double[][] bySize(Measurement m, ToDoubleFunction<AtSize> f) {
        int[] ns = m.sizes().ns();
        double[][] out = new double[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            out[k] = FeatureLearningVerdicts.values(m, ns[k], f, false);
        }
        return out;
    }

    /** The median, min and max series of one quantity along n, as a figure series with its band. */
    static List<Figure.Series> withBand(String label, double[] x, double[][] values) {
        int k = x.length;
        double[] med = new double[k], lo = new double[k], hi = new double[k];
        for (int i = 0; i < k; i++) {
            double[] f = finite(values[i]);
            med[i] = Quantiles.median(f);
            lo[i] = Quantiles.of(f, 0);
            hi[i] = Quantiles.of(f, 1);
        }
        String median = label + " (median)";
        return List.of(new Figure.Series(median, x, med, false), Figure.Series.band(label + " min", median, x, lo),
                Figure.Series.band(label + " max", median, x, hi));
    }

    static double[] constant(int k, double v) {
        double[] a = new double[k];
        Arrays.fill(a, v);
        return a;
    }

    /** DLS-1: share of ‖W₁‖_F² along u against n, f*'s labels and permuted ones, with 1/d and the 0.4 threshold. */
    static Figure shareFigure(Measurement m) {
        double[] x = Arrays.stream(m.sizes().ns()).asDoubleStream().toArray();
        List<Figure.Series> s = new ArrayList<>(withBand("Algorithm 1's W1", x, bySize(m, AtSize::share)));
        s.addAll(withBand("labels permuted (control)", x, bySize(m, AtSize::permutedShare)));
        s.add(new Figure.Series("random directions 1/d", x, constant(x.length, 1.0 / D), true));
        s.add(new Figure.Series("threshold 0.4 (asserted at n = 2d^2 = 200)", x, constant(x.length, 0.4), true));
        return new Figure("DLS-1-share", NumberText.format("DLS-1: share of ||W1||_F^2 along u vs n (d = %d, m = %d, "
                + "%d seeds: median and min-max band)", D, m.sizes().m(), m.sizes().seeds()), "training samples n",
                "share of ||W1||_F^2 along span(u) (fraction)", true, false, s);
    }

    /** DLS-2: test MSE against n for the three methods (and the fixed-η₁ variant), with the He₂ line 0.5. */
    static Figure mseFigure(Measurement m) {
        double[] x = Arrays.stream(m.sizes().ns()).asDoubleStream().toArray();
        List<Figure.Series> s = new ArrayList<>();
        for (Method method : List.of(Method.ALGORITHM_ONE, Method.RANDOM_FEATURES, Method.NTK)) {
            s.addAll(withBand(method.label, x, bySize(m, a -> a.mse(method))));
        }
        s.add(withBand(Method.FIXED_ETA.label, x, bySize(m, a -> a.mse(Method.FIXED_ETA))).get(0));
        s.add(new Figure.Series("He2 part alone (0.5)", x, constant(x.length, 0.5), true));
        return new Figure("DLS-2-test-mse", NumberText.format("DLS-2: test MSE vs n (d = %d, p = %d, m = %d; %d seeds, "
                + "NTK and fixed eta_1 on %d: median and min-max band)", D, FeatureLearningCheck.P, m.sizes().m(),
                m.sizes().seeds(), m.sizes().medianSeeds()), "training samples n",
                "test MSE against the clean f* (E f*^2 = 1)", true, true, s);
    }

    /** DLS-3: transfer test MSE against N, per pretraining size, random features, NTK and the n_src = d control. */
    static Figure transferFigure(Measurement m) {
        FeatureLearningCheck.Sizes z = m.sizes();
        double[] x = Arrays.stream(z.transferNs()).asDoubleStream().toArray();
        List<Figure.Series> s = new ArrayList<>();
        for (int q = 0; q < z.sources().length; q++) {
            int k = q;
            s.add(transferSeries("pretrained, n_src = " + z.sources()[q], m, x, t -> t.pretrained()[k]));
        }
        s.add(transferSeries("random features", m, x, FeatureLearningRun.Transfer::randomFeatures));
        s.add(transferSeries("NTK", m, x, FeatureLearningRun.Transfer::ntk));
        double[] cx = Arrays.stream(z.assertedTransferNs()).asDoubleStream().toArray();
        s.add(transferSeries("pretrained, n_src = d (control)", m, cx, FeatureLearningRun.Transfer::control));
        s.add(new Figure.Series("trivial risk (E g^2 = 1)", x, constant(x.length, 1.0), true));
        return new Figure("DLS-3-transfer", NumberText.format("DLS-3: transfer to He3(u.x)/sqrt(6), median test MSE "
                + "vs N over %d seeds (d = %d, m = %d)", z.medianSeeds(), D, z.m()), "target samples N",
                "test MSE against the clean target", true, true, s);
    }

    private static Figure.Series transferSeries(String label, Measurement m, double[] x,
            ToDoubleFunction<FeatureLearningRun.Transfer> f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int bigN = (int) x[i];
            y[i] = Quantiles.median(m.runs().stream().filter(FeatureLearningRun::full)
                    .mapToDouble(r -> f.applyAsDouble(r.transfer(bigN))).toArray());
        }
        return new Figure.Series(label + " (median)", x, y, false);
    }

    /** DLS-2 (with DLS-1's shares): per n, every method's test MSE, the shares, η₁ and the chosen ridges. */
    static Table comparisonTable(Measurement m) {
        List<List<String>> rows = new ArrayList<>();
        for (int n : m.sizes().ns()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(n)));
            for (Method method : Method.values()) {
                row.add(band(FeatureLearningVerdicts.mse(m, n, method, false)));
            }
            row.add(band(FeatureLearningVerdicts.values(m, n, AtSize::share, false)));
            row.add(band(FeatureLearningVerdicts.values(m, n, AtSize::permutedShare, false)));
            row.add(band(FeatureLearningVerdicts.values(m, n, AtSize::eta1, false)));
            row.add(band(FeatureLearningVerdicts.values(m, n, AtSize::fixedRowNorm, false)));
            row.add(ridges(m, n));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("n"));
        for (Method method : Method.values()) {
            header.add(method.label);
        }
        header.addAll(List.of("DLS-1 share along u", "share, permuted labels", "eta_1 (RMS-1 rows)",
                "mean row norm of W1, fixed eta_1", "median relative ridge (Alg 1 / RF / NTK), at grid edge"));
        return new Table("DLS-2-mse", NumberText.format("DLS-2: test MSE against clean f*, median [min, max] over "
                + "seeds (NTK, fixed eta_1 and eta_1 = 0 at the largest n on the first %d)", m.sizes().medianSeeds()),
                header, rows, NumberText.format("d = %d, p = %d, m = %d, zeta = %.1f, %d clean test points, %d seeds. "
                        + "Algorithm 1: eta_1 = sqrt(m)/||grad_W L||_F (rows of W1 with RMS norm 1), lambda_1 = "
                        + "1/eta_1, b redrawn ~ N(0, 1); fixed eta_1 = sqrt(2) pi Gamma((d+1)/2)/Gamma(d/2) = %.3f; "
                        + "eta_1 = 0 keeps W0 (Algorithm 1's own draw). Every head: ridge with the relative penalty "
                        + "c (n lambda = c tr(K)/n) chosen by exact leave-one-out over %d log-spaced values in "
                        + "[1e-8, 1e2], one eigendecomposition per design. NTK of the same net: (x.x' + 1)(pi - "
                        + "theta)/(2 pi) + |x||x'|(sin theta + (pi - theta) cos theta)/(2 pi d).", D,
                        FeatureLearningCheck.P, m.sizes().m(), FeatureLearningCheck.ZETA, m.sizes().test(),
                        m.sizes().seeds(), TwoLayerFeatureLearner.paperEta1(D),
                        TwoLayerFeatureLearner.RIDGE_GRID.length));
    }

    private static String ridges(Measurement m, int n) {
        StringBuilder sb = new StringBuilder();
        for (Method method : List.of(Method.ALGORITHM_ONE, Method.RANDOM_FEATURES, Method.NTK)) {
            double[] c = finite(FeatureLearningVerdicts.values(m, n, a -> a.ridge()[method.ordinal()], false));
            sb.append(sb.length() == 0 ? "" : " / ").append(c.length == 0 ? "-" : NumberText.sci(Quantiles.median(c),
                    0));
        }
        int edges = m.runs().stream().mapToInt(r -> r.at(n).ridgeAtGridEdge()).sum();
        return sb.append(", ").append(edges).toString();
    }

    /** DLS-3: per N, the pretrained heads, the n_src = d control, random features and the NTK. */
    static Table transferTable(Measurement m) {
        FeatureLearningCheck.Sizes z = m.sizes();
        List<String> header = new ArrayList<>(List.of("N"));
        for (int src : z.sources()) {
            header.add("pretrained, n_src = " + src);
        }
        header.addAll(List.of("pretrained, n_src = d = " + z.controlSource() + " (control)", "random features",
                "NTK"));
        List<List<String>> rows = new ArrayList<>();
        for (int bigN : z.transferNs()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(bigN)));
            for (int q = 0; q < z.sources().length; q++) {
                int k = q;
                row.add(band(transferValues(m, bigN, t -> t.pretrained()[k])));
            }
            row.add(band(transferValues(m, bigN, FeatureLearningRun.Transfer::control)));
            row.add(band(transferValues(m, bigN, FeatureLearningRun.Transfer::randomFeatures)));
            row.add(band(transferValues(m, bigN, FeatureLearningRun.Transfer::ntk)));
            rows.add(row);
        }
        return new Table("DLS-3-transfer", NumberText.format("DLS-3: transfer to He3(u.x)/sqrt(3!), test MSE median "
                + "[min, max] over %d seeds", z.medianSeeds()), header, rows, NumberText.format("W1 pretrained by "
                + "Algorithm 1 (RMS-1 eta_1, the same init and biases as DLS-2) on fresh samples of f*, then only "
                + "the head (leave-one-out ridge) on N target samples, whose inputs are DLS-2's training inputs of "
                + "size N; d = %d, m = %d, zeta = %.1f, %d clean test points", D, z.m(), FeatureLearningCheck.ZETA,
                z.test()));
    }

    static double[] transferValues(Measurement m, int bigN, ToDoubleFunction<FeatureLearningRun.Transfer> f) {
        return m.runs().stream().filter(FeatureLearningRun::full).mapToDouble(r -> f.applyAsDouble(r.transfer(bigN)))
                .toArray();
    }
}
