package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.support.LineFit;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * NTK-5 runs of one setting (init, κ) over seeds and widths.
 *
 * @param kind the init
 * @param kappa κ
 * @param widths the widths m, ascending
 * @param runs runs[s][k]: seed s at width widths[k]
 * @param gapSlopes each seed's fitted log-log slope of the gap against m (NTK-5's statistic is their mean)
 */
public record PredictorSweep(PredictorInit.Kind kind, double kappa, double[] widths, PredictorRun[][] runs,
        double[] gapSlopes) {
    /** The sweep with its per-seed gap slopes (the numerical part of the measurement). */
    public static PredictorSweep of(PredictorInit.Kind kind, double kappa, double[] widths, PredictorRun[][] runs) {
        PredictorSweep partial = new PredictorSweep(kind, kappa, widths, runs, new double[0]);
        return new PredictorSweep(kind, kappa, widths, runs, partial.perSeedSlopes(PredictorRun::gap));
    }

    /** The mean of the per-seed gap slopes: NTK-5's statistic. */
    public double meanGapSlope() {
        return Arrays.stream(gapSlopes).average().orElse(Double.NaN);
    }

    public int seeds() {
        return runs.length;
    }

    /** A short name: "antisymmetric init, kappa = 1". */
    public String label() {
        return kind.label() + " init, kappa = " + kappaText(kappa);
    }

    static String kappaText(double kappa) {
        return kappa == Math.rint(kappa) ? Long.toString((long) kappa) : Double.toString(kappa);
    }

    /** {@code f} of every run, [seed][width]. */
    public double[][] values(ToDoubleFunction<PredictorRun> f) {
        double[][] out = new double[runs.length][widths.length];
        for (int s = 0; s < runs.length; s++) {
            for (int k = 0; k < widths.length; k++) {
                out[s][k] = f.applyAsDouble(runs[s][k]);
            }
        }
        return out;
    }

    /** The mean over seeds of {@code f} at each width. */
    public double[] mean(ToDoubleFunction<PredictorRun> f) {
        double[] mean = new double[widths.length];
        for (double[] row : values(f)) {
            for (int k = 0; k < widths.length; k++) {
                mean[k] += row[k] / runs.length;
            }
        }
        return mean;
    }

    /** Each seed's fitted log-log slope of {@code f} against m; NaN for a seed with a non-positive or NaN value. */
    public double[] perSeedSlopes(ToDoubleFunction<PredictorRun> f) {
        return Arrays.stream(values(f)).mapToDouble(row -> Arrays.stream(row).allMatch(v -> v > 0
                && Double.isFinite(v)) ? LineFit.logLog(widths, row).slope() : Double.NaN).toArray();
    }

    /** The mean of the per-seed slopes of {@code f} (CLAIMS.md NTK-5's statistic, for f = the gap). */
    public double meanSlope(ToDoubleFunction<PredictorRun> f) {
        return Arrays.stream(perSeedSlopes(f)).average().orElse(Double.NaN);
    }

    /** Whether every run reached R ≤ 1e−12 R₀ ("trained to zero loss"). */
    public boolean allReachedTarget() {
        return Arrays.stream(runs).flatMap(Arrays::stream).allMatch(PredictorRun::reachedTarget);
    }

    /** The largest |f₀| over every run's training and test points. */
    public double initOutputMax() {
        return Arrays.stream(runs).flatMap(Arrays::stream).mapToDouble(PredictorRun::initOutputMax).max()
                .orElse(Double.NaN);
    }
}
