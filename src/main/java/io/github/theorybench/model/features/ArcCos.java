package io.github.theorybench.model.features;

/**
 * acos in Java, bit for bit the value of {@link StrictMath#acos} (fdlibm's {@code __ieee754_acos}, Sun Microsystems
 * 1993, whose algorithm and coefficients this follows). On JDK 17 {@link Math#acos} delegates to the native
 * StrictMath routine through a JNI call per value; the NTK test kernels of DLS-2 evaluate ~2·10⁷ angles per seed, and
 * this compiled copy of the same routine costs a fraction of that. Bit equality with StrictMath is tested on random
 * and edge inputs.
 *
 * <p>Method (fdlibm): acos(x) = π/2 − asin(x) with asin(x) = x + x·x²·R(x²) for |x| &lt; 0.5; for x &gt; 0.5,
 * acos(x) = 2·asin(√((1 − x)/2)) with the square root split into a high part f and a correction c; for x &lt; −0.5,
 * acos(x) = π − 2·asin(√((1 + x)/2)). R is a rational approximation of degree (6, 4) with error below 2^−58.7.
 */
public final class ArcCos {
    private static final double PI = 3.14159265358979311600e+00;
    private static final double PIO2_HI = 1.57079632679489655800e+00;
    private static final double PIO2_LO = 6.12323399573676603587e-17;
    private static final double PS0 = 1.66666666666666657415e-01;
    private static final double PS1 = -3.25565818622400915405e-01;
    private static final double PS2 = 2.01212532134862925881e-01;
    private static final double PS3 = -4.00555345006794114027e-02;
    private static final double PS4 = 7.91534994289814532176e-04;
    private static final double PS5 = 3.47933107596021167570e-05;
    private static final double QS1 = -2.40339491173441421878e+00;
    private static final double QS2 = 2.02094576023350569471e+00;
    private static final double QS3 = -6.88283971605453293030e-01;
    private static final double QS4 = 7.70381505559019352791e-02;

    private ArcCos() {
    }

    /** R(z) = p(z)/q(z), asin(x) ≈ x + x·R(x²) (fdlibm's rational approximation). */
    private static double ratio(double z) {
        double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
        double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
        return p / q;
    }

    /** acos(x) in [0, π]; NaN for |x| &gt; 1 or NaN. Equal to {@code StrictMath.acos(x)} in every bit. */
    public static double acos(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000) {                                     // |x| >= 1
            if (((ix - 0x3ff00000) | (int) bits) == 0) {            // |x| == 1
                return hx > 0 ? 0.0 : PI + 2.0 * PIO2_LO;
            }
            return (x - x) / (x - x);                               // |x| > 1 or NaN
        }
        if (ix < 0x3fe00000) {                                      // |x| < 0.5
            if (ix <= 0x3c600000) {                                 // |x| < 2^-57
                return PIO2_HI + PIO2_LO;
            }
            double r = ratio(x * x);
            return PIO2_HI - (x - (PIO2_LO - x * r));
        }
        if (hx < 0) {                                               // x < -0.5
            double z = (1.0 + x) * 0.5;
            double s = Math.sqrt(z);
            double w = ratio(z) * s - PIO2_LO;
            return PI - 2.0 * (s + w);
        }
        double z = (1.0 - x) * 0.5;                                 // x > 0.5
        double s = Math.sqrt(z);
        double df = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
        double c = (z - df * df) / (s + df);
        double w = ratio(z) * s + c;
        return 2.0 * (df + w);
    }
}
