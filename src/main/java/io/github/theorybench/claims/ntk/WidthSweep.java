package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.support.LineFit;

/**
 * A kernel error measured over a doubling width sweep and several independent weight draws (CLAIMS.md NTK-2,
 * NTK-3: the slope is fitted to the mean over seeds, never one seed).
 *
 * @param widths the widths m, ascending
 * @param errors errors[s][k] of weight draw s at width widths[k]
 * @param fit the log-log line through the seed means: the fitted exponent the claims judge
 * @param singleSeedSlopes each seed's own fitted slope
 */
public record WidthSweep(double[] widths, double[][] errors, LineFit fit, double[] singleSeedSlopes) {
    /** The sweep of {@code errors} with its fits (the numerical part of a measurement). */
    public static WidthSweep of(double[] widths, double[][] errors) {
        double[] mean = mean(widths.length, errors);
        double[] single = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            single[i] = LineFit.logLog(widths, errors[i]).slope();
        }
        return new WidthSweep(widths, errors, LineFit.logLog(widths, mean), single);
    }

    /** Widths m_min, 2m_min, …, m_max. */
    static int[] doubling(int mMin, int mMax) {
        int count = 0;
        for (int m = mMin; m <= mMax; m *= 2) {
            count++;
        }
        int[] out = new int[count];
        for (int k = 0, m = mMin; k < count; k++, m *= 2) {
            out[k] = m;
        }
        return out;
    }

    public int seeds() {
        return errors.length;
    }

    /** The error averaged over seeds at each width. */
    public double[] mean() {
        return mean(widths.length, errors);
    }

    private static double[] mean(int count, double[][] errors) {
        double[] mean = new double[count];
        for (double[] row : errors) {
            for (int k = 0; k < count; k++) {
                mean[k] += row[k] / errors.length;
            }
        }
        return mean;
    }

    /** Smallest error over seeds at each width (a band edge for figures). */
    public double[] min() {
        double[] out = errors[0].clone();
        for (double[] row : errors) {
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.min(out[k], row[k]);
            }
        }
        return out;
    }

    /** Largest error over seeds at each width. */
    public double[] max() {
        double[] out = errors[0].clone();
        for (double[] row : errors) {
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.max(out[k], row[k]);
            }
        }
        return out;
    }
}
