package io.github.theorybench.claims.support;

import java.nio.charset.StandardCharsets;

/**
 * The one way a check derives the seeds of its instances from the run's base seed: a named stream
 * ({@code "LSQ"}, {@code "LAZY-9/adversarial"}) and an index within it, mixed by SplitMix64 (Steele, Lea & Flood 2014,
 * the finalizer of {@code java.util.SplittableRandom}). Distinct (base, stream, index) triples give statistically
 * independent seeds, so seed blocks of a sweep never overlap the way hand-made formulas such as
 * {@code seed * 1000 + s} do (base 1, s = 1000 is base 2, s = 0). The derived seed is non-negative and stable
 * across machines and versions: a report row's seed is the derived one, and rebuilding the instance needs only it.
 */
public final class SeedStream {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private final long base;
    private final String name;
    private final long streamKey;

    private SeedStream(long base, String name) {
        this.base = base;
        this.name = name;
        this.streamKey = mix64(mix64(base + GOLDEN_GAMMA) ^ fnv1a64(name));
    }

    /** The stream {@code name} under the run's base seed. */
    public static SeedStream of(long base, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a seed stream needs a name");
        }
        return new SeedStream(base, name);
    }

    /** A sub-stream, e.g. one per instance size: {@code of(b, "LSQ").child("kappaLimited")}. */
    public SeedStream child(String sub) {
        return of(base, name + "/" + sub);
    }

    /** The seed of draw {@code index} (0, 1, …) of this stream. */
    public long seed(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("seed index must be non-negative, got " + index);
        }
        return mix64(streamKey + (index + 1) * GOLDEN_GAMMA) >>> 1;
    }

    /** Shorthand for {@code of(base, name).seed(index)}. */
    public static long derive(long base, String name, long index) {
        return of(base, name).seed(index);
    }

    public String name() {
        return name;
    }

    public long base() {
        return base;
    }

    /** SplitMix64's finalizer (variant 13 of Stafford's mixers). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the name's UTF-8 bytes: a fixed, documented hash (String.hashCode is only 32 bits). */
    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
