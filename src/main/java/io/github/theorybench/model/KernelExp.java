package io.github.theorybench.model;

/**
 * eˣ from IEEE-754 additions, multiplications and exact bit operations only, so that a loop computes the same bits
 * in the interpreter, in C1 and C2 code, on any lane count and without the Vector API (Trust rule 5).
 * {@link VectorTanh} runs the same operations lane-wise, in the same order; its scalar tail and the scalar kernel
 * call {@link #exp}. Why not the Vector API's lane-wise EXP: its Java fallback (what runs before C2
 * compiles the loop) calls Math.exp per lane, the compiled loop calls SVML, and the two differ in the last bit on
 * about 4% of inputs (measured here: 644 of 16384 tanh′ values, up to 4.3e−16 relative), so a claim run's numbers
 * depended on when the JIT compiled the loop (two runs of the LAZY checks in one JVM differed in 108 JSON fields).
 *
 * <p>Method (Cody–Waite reduction as in fdlibm's e_exp.c; Tang 1989): n = round(x·log₂e) by adding and subtracting
 * 1.5·2⁵², r = x − n·ln2_hi − n·ln2_lo with ln2_hi's last 21 bits zero (so n·ln2_hi is exact for |n| &lt; 2²¹),
 * eʳ = 1 + (r + r²·Σ_{k=2..13} r^{k−2}/k!) by Horner with fused multiply-adds (correctly rounded
 * in both forms: Math.fma and the Vector API's FMA) (|r| ≤ ln2/2: the truncation error r¹⁴/14! ≤ 5e−18 is below
 * half an ulp of 1), then eˣ = eʳ·2^{⌊n/2⌋}·2^{n−⌊n/2⌋}: two exact power-of-two factors keep each one normal, so
 * subnormal results round once. x is clamped to [−1000, 1000] (e^{±1000} under/overflows either way). Error:
 * within 1 ulp of Math.exp (tested).
 */
public final class KernelExp {
    static final double CLAMP = 1000.0;
    static final double LOG2E = 1.4426950408889634;
    /** 1.5·2⁵²: adding it rounds to an integer, which then sits in the low bits of the sum. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** ln 2 split as in fdlibm: hi = 0x3fe62e42fee00000 (21 trailing zero bits), hi + lo = ln 2 to 2⁻⁸⁵. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** Taylor coefficients 1/k!, k = 2..13. */
    static final double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720, C7 = 1.0 / 5040,
            C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800, C12 = 1.0 / 479001600,
            C13 = 1.0 / 6227020800.0;

    private KernelExp() {
    }

    /** eˣ; NaN stays NaN. */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, -CLAMP), CLAMP);
        double t = xc * LOG2E + SHIFTER;
        long n = Double.doubleToRawLongBits(t) - SHIFTER_BITS;
        double nd = t - SHIFTER;
        double r = xc - nd * LN2_HI - nd * LN2_LO;
        double q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                C13, r, C12), r, C11), r, C10), r, C9), r, C8), r, C7), r, C6), r, C5), r, C4), r, C3), r, C2);
        double p = 1.0 + Math.fma(r * r, q, r);
        long k1 = n >> 1, k2 = n - k1;
        return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
    }

    /** tanh′ x = 4e^{−2|x|}/(1 + e^{−2|x|})² (the formula of {@link Activation#TANH}) on {@link #exp}, times s. */
    static double scaledTanhDerivative(double s, double x) {
        double e = exp(-2.0 * Math.abs(x));
        double q = 1.0 + e;
        return s * 4.0 * e / (q * q);
    }
}
