package io.github.theorybench.claims.support;

import java.util.Arrays;
import java.util.Random;

/** Medians and quantiles of samples over seeds, and a bootstrap interval for a median (Trust rule 3). */
public final class Quantiles {
    private Quantiles() {
    }

    /** The median (mean of the two middle values for an even count). */
    public static double median(double[] v) {
        return of(v, 0.5);
    }

    /** The q-quantile with linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
    public static double of(double[] v, double q) {
        if (v.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + q);
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /** Percentile-bootstrap interval [low, high] for the median at {@code level}, from a fixed seed. */
    public static double[] bootstrapMedian(double[] v, double level, int resamples, long seed) {
        Random rng = new Random(seed);
        double[] medians = new double[resamples];
        double[] draw = new double[v.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < v.length; i++) {
                draw[i] = v[rng.nextInt(v.length)];
            }
            medians[b] = median(draw);
        }
        return new double[] {of(medians, (1 - level) / 2), of(medians, (1 + level) / 2)};
    }
}
