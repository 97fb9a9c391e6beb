package io.github.theorybench.claims.support;

/**
 * Wilson's score interval for a binomial proportion (Wilson 1927): the pass rate of a criterion over seed blocks
 * (Trust rule 3) with an interval that stays inside [0, 1] and behaves at 0/n and n/n, unlike the normal
 * approximation.
 *
 * @param successes passes (or flags, for a control)
 * @param trials seed blocks
 * @param low lower end of the interval
 * @param high upper end of the interval
 */
public record WilsonInterval(int successes, int trials, double low, double high) {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static WilsonInterval of95(int successes, int trials) {
        return of(successes, trials, Z95);
    }

    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, trials > 0; got " + successes + "/"
                    + trials);
        }
        double p = (double) successes / trials, z2 = z * z;
        double centre = (p + z2 / (2.0 * trials)) / (1 + z2 / trials);
        double half = z / (1 + z2 / trials) * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new WilsonInterval(successes, trials, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public double rate() {
        return (double) successes / trials;
    }
}
