package io.github.theorybench.cli;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.model.Activation;
import io.github.theorybench.model.RandomMatrices;
import io.github.theorybench.model.TwoLayerInit;
import io.github.theorybench.model.TwoLayerKernels;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code theorybench backends}: loads every promised backend (failing on the first that cannot load), prints its
 * library and version, computes the structured Gram (D Dᵀ) ⊙ (X Xᵀ) of one seeded two-layer net on each, times it
 * (best of several runs, ratios comparable within this run only) and checks the backends agree.
 */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "Load every backend, print versions, and compute and time one structured Gram on each.")
public final class BackendsCommand implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "N,M,D", defaultValue = "256,512,64", split = ",",
            description = "Sizes n (points), m (width), d (input dimension); default ${DEFAULT-VALUE}.")
    int[] size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Instance seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeats", paramLabel = "K", defaultValue = "10", description = "Timed repetitions (best is reported).")
    int repeats;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (size.length != 3 || size[0] <= 0 || size[1] <= 0 || size[2] <= 0) {
            throw new UsageException("--size needs three positive integers n,m,d");
        }
        if (seed < 0) {
            throw new UsageException("--seed must be a non-negative integer, got " + seed);
        }
        if (repeats <= 0) {
            throw new UsageException("--repeats must be positive, got " + repeats);
        }
        int n = size[0], m = size[1], d = size[2];
        PrintWriter out = spec.commandLine().getOut();
        var rng = RandomMatrices.rng(seed);
        DenseMatrix x = RandomMatrices.unitRows(n, d, rng);
        TwoLayerInit init = TwoLayerInit.randomSign(m, d, 1.0, rng);
        List<DenseMatrix> grams = new ArrayList<>();
        List<Backend> backends = Backends.all();
        out.printf(Locale.ROOT, "structured Gram (D D^T) . (X X^T), tanh, (n, m, d) = (%d, %d, %d), seed %d%n", n, m,
                d, seed);
        for (Backend b : backends) {
            Matrix xb = b.adopt(x), wb = b.adopt(init.weights()), p = b.zeros(n, m), g = b.zeros(n, n);
            Matrix xxt = b.gram(false, xb);
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                TwoLayerKernels.preactivations(b, xb, wb, p);
                TwoLayerKernels.structuredFactor(Activation.TANH, p, init.signs(), p);
                TwoLayerKernels.gramStructured(b, p, xxt, g);
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            grams.add(g.toDense());
            out.printf(Locale.ROOT, "  %-9s %-90s %9.2f ms%n", b.name(), b.description(), best);
        }
        double worst = 0;
        for (int i = 1; i < grams.size(); i++) {
            worst = Math.max(worst, DenseMatrix.relativeDifference(grams.get(i), grams.get(0)));
        }
        out.printf(Locale.ROOT, "max relative disagreement between backends: %.2e (%s)%n", worst,
                worst <= 1e-10 ? "agree" : "DISAGREE");
        out.flush();
        return worst <= 1e-10 ? 0 : TheoryBench.EXIT_FINDINGS;
    }
}
