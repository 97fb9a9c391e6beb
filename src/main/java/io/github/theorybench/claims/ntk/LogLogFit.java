package io.github.theorybench.claims.ntk;

/** Least-squares line through (ln x, ln y): the fitted exponent of y ∝ x^slope (CLAIMS.md scaling claims). */
public record LogLogFit(double slope, double intercept) {
    public static LogLogFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("log-log fit needs >= 2 points of equal length");
        }
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        double s = sxy / sxx;
        return new LogLogFit(s, my - s * mx);
    }

    /** The fitted line at x. */
    public double at(double x) {
        return Math.exp(intercept) * Math.pow(x, slope);
    }

    /** The reference line c·x^exponent through the fit's geometric centre (for figures). */
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
