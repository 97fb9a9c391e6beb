package io.github.theorybench.claims.ntk;

import java.util.List;

/**
 * Everything NTK-4 measures: the rank of J₀ on rank-deficient (n > md, tanh) and square (n = md, tanh and ReLU)
 * instances, one per seed; gradient descent from full-rank inits (tanh, n ≤ md/2), one per seed; the three controls;
 * and the census of ReLU patterns behind CLAIMS.md's Monte Carlo frequencies.
 *
 * @param baseSeed the run's seed (the aggregate rows' provenance)
 * @param deficient tanh, n > md
 * @param fullTanh tanh, n = md
 * @param fullRelu ReLU, n = md (the same instances as {@code fullTanh})
 * @param descents GD, tanh, m ≥ d, n ≤ md/2
 * @param reluInactivePoint control: ReLU with W₀ built so that the first point is inactive on every neuron
 * @param tanhDuplicateNeuron control: tanh with two equal neurons
 * @param descentAllNeuronsEqual control: GD from a W₀ whose neurons are all equal (rank J₀ ≤ d &lt; n)
 * @param census Monte Carlo census of ReLU patterns
 */
public record JacobianRank(long baseSeed, List<RankAtInit> deficient, List<RankAtInit> fullTanh, List<RankAtInit> fullRelu,
        List<FirstLayerDescent> descents, RankAtInit reluInactivePoint, RankAtInit tanhDuplicateNeuron,
        FirstLayerDescent descentAllNeuronsEqual, PatternCensus census) {
}
