package io.github.theorybench.claims.ntk;

import java.util.List;

/**
 * Everything NTK-4 measures: the rank of J₀ on rank-deficient (n > md) and full-rank (n ≤ md) instances, and gradient
 * descent from full-rank inits.
 */
public record JacobianRank(List<RankAtInit> deficient, List<RankAtInit> fullTanh, List<RankAtInit> fullRelu,
        List<FirstLayerDescent> descents) {
}
