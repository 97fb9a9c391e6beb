package io.github.theorybench.claims.support;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The one least-squares line of the project: y ≈ intercept + slope·x on transformed axes, with the slope's standard
 * error and R². Scaling claims (CLAIMS.md, "Kinds of claim") read the fitted exponent of a log-log fit; PWR-4 and
 * PWR-7 fit steps against ln(1/α) or ln r ({@link Axes#SEMI_LOG_X}).
 *
 * @param slope fitted slope on the transformed axes (the exponent, for a log-log fit)
 * @param intercept fitted intercept on the transformed axes
 * @param slopeStdErr standard error of the slope, sqrt(SSE/(n−2)/Sxx); NaN for n = 2
 * @param rSquared coefficient of determination on the transformed axes (1 for a perfect line)
 * @param points number of points
 * @param axes the transform the fit was made on
 */
public record LineFit(double slope, double intercept, double slopeStdErr, double rSquared, int points, Axes axes) {
    /** Which axes are logarithmic. */
    public enum Axes {
        LINEAR, LOG_LOG, SEMI_LOG_X;

        double tx(double x) {
            return this == LINEAR ? x : Math.log(x);
        }

        double ty(double y) {
            return this == LOG_LOG ? Math.log(y) : y;
        }
    }

    /** y ∝ x^slope: the line through (ln x, ln y). */
    public static LineFit logLog(double[] x, double[] y) {
        return fit(x, y, Axes.LOG_LOG);
    }

    /** y ≈ a + slope·ln x. */
    public static LineFit semiLogX(double[] x, double[] y) {
        return fit(x, y, Axes.SEMI_LOG_X);
    }

    /** y ≈ a + slope·x. */
    public static LineFit linear(double[] x, double[] y) {
        return fit(x, y, Axes.LINEAR);
    }

    private static LineFit fit(double[] x, double[] y, Axes axes) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("a line fit needs >= 2 points and as many y as x, got " + n + " and "
                    + y.length);
        }
        double[] u = new double[n], v = new double[n];
        double mu = 0, mv = 0;
        for (int i = 0; i < n; i++) {
            u[i] = axes.tx(x[i]);
            v[i] = axes.ty(y[i]);
            if (!Double.isFinite(u[i]) || !Double.isFinite(v[i])) {
                throw new IllegalArgumentException("point " + i + " (" + x[i] + ", " + y[i] + ") is not finite on "
                        + axes + " axes");
            }
            mu += u[i];
            mv += v[i];
        }
        mu /= n;
        mv /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double du = u[i] - mu, dv = v[i] - mv;
            sxx += du * du;
            sxy += du * dv;
            syy += dv * dv;
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a line fit needs at least two distinct x");
        }
        double slope = sxy / sxx;
        double sse = Math.max(0, syy - slope * sxy);
        double se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Double.NaN;
        double r2 = syy > 0 ? 1 - sse / syy : 1.0;
        return new LineFit(slope, mv - slope * mu, se, r2, n, axes);
    }

    /** Half-width of the slope's two-sided confidence interval at {@code level} (t distribution, n − 2 dof). */
    public double slopeHalfWidth(double level) {
        if (points <= 2) {
            return Double.NaN;
        }
        return new TDistribution(points - 2).inverseCumulativeProbability(0.5 + level / 2) * slopeStdErr;
    }

    /** The fitted curve at x, on the original axes. */
    public double at(double x) {
        double v = intercept + slope * axes.tx(x);
        return axes == Axes.LOG_LOG ? Math.exp(v) : v;
    }

    /**
     * The reference line c·x^exponent through the geometric centre of the points (for figures: the theorem's rate
     * drawn beside the measurement).
     */
    public static double[] referenceLine(double[] x, double[] y, double exponent) {
        double c = 0;
        for (int i = 0; i < x.length; i++) {
            c += Math.log(y[i]) - exponent * Math.log(x[i]);
        }
        c = Math.exp(c / x.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = c * Math.pow(x[i], exponent);
        }
        return out;
    }
}
