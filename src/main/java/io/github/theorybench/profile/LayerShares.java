package io.github.theorybench.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the samples say: samples per {@link Layer} (every sample in exactly one layer, so the shares sum to 1), the GC
 * and JIT parts of {@link Layer#GC_JIT}, and the frames with the most self samples (the leaf of each stack).
 *
 * @param total     all samples
 * @param byLayer   samples per layer, every layer present, in declaration order
 * @param jit       samples of {@link Layer#GC_JIT} that are compiler work (the rest is GC and allocation)
 * @param kernel    samples taken in the kernel (page faults, system calls, interrupts), charged like the rest to
 *                  the layer of their stack and, in {@code topFrames}, to the user-space frame that entered the
 *                  kernel
 * @param topFrames frames by self samples, most first (ties by name), at most the number asked for
 */
public record LayerShares(long total, Map<Layer, Long> byLayer, long jit, long kernel, List<SelfFrame> topFrames) {
    /** A frame's self samples and the layer most of them were charged to. */
    public record SelfFrame(String frame, long samples, Layer layer) {
    }

    public static LayerShares of(List<CollapsedStacks.Stack> stacks, int topN) {
        Map<Layer, Long> byLayer = new EnumMap<>(Layer.class);
        for (Layer l : Layer.values()) {
            byLayer.put(l, 0L);
        }
        long total = 0;
        long jit = 0;
        long kernel = 0;
        Map<String, Map<Layer, Long>> self = new LinkedHashMap<>();
        for (CollapsedStacks.Stack s : stacks) {
            Layer layer = LayerClassifier.classify(s.frames());
            byLayer.merge(layer, s.samples(), Long::sum);
            total += s.samples();
            if (layer == Layer.GC_JIT && LayerClassifier.isJit(s.frames())) {
                jit += s.samples();
            }
            if (s.inKernel()) {
                kernel += s.samples();
            }
            self.computeIfAbsent(s.selfName(), k -> new EnumMap<>(Layer.class)).merge(layer, s.samples(),
                    Long::sum);
        }
        List<SelfFrame> frames = new ArrayList<>();
        for (Map.Entry<String, Map<Layer, Long>> e : self.entrySet()) {
            long n = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            Layer main = e.getValue().entrySet().stream().max(Map.Entry.<Layer, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            frames.add(new SelfFrame(e.getKey(), n, main));
        }
        frames.sort(Comparator.comparingLong(SelfFrame::samples).reversed().thenComparing(SelfFrame::frame));
        return new LayerShares(total, byLayer, jit, kernel, List.copyOf(frames.subList(0, Math.min(topN, frames.size()))));
    }

    /** The share of {@code layer} in [0, 1]; 0 when there are no samples. */
    public double share(Layer layer) {
        return total == 0 ? 0 : byLayer.get(layer) / (double) total;
    }

    /** The layer with the most samples (the first in declaration order on a tie). */
    public Layer dominant() {
        Layer best = Layer.NATIVE_BLAS;
        for (Layer l : Layer.values()) {
            if (byLayer.get(l) > byLayer.get(best)) {
                best = l;
            }
        }
        return best;
    }
}
