package io.github.theorybench.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks that exist, in report order. Each claim family adds its checks here (one line per check class).
 */
public final class ClaimRegistry {
    private ClaimRegistry() {
    }

    public static List<ClaimCheck> all() {
        List<ClaimCheck> checks = new ArrayList<>();
        // Family registrations (one line each): keep in CLAIMS.md order.
        checks.add(new io.github.theorybench.claims.lazy.LazyTrainingCheck());
        checks.add(new io.github.theorybench.claims.lazy.JacobianLipschitzCheck());
        checks.add(new io.github.theorybench.claims.lazy.WidthScalingCheck());
        checks.add(new io.github.theorybench.claims.lazy.InitialRiskScalingCheck());
        checks.add(new io.github.theorybench.claims.lazy.LinearizationErrorCheck());
        checks.add(new io.github.theorybench.claims.lazy.AlphaTightnessCheck());
        checks.add(new io.github.theorybench.claims.ntk.KernelSplitCheck());
        checks.add(new io.github.theorybench.claims.ntk.TwoLayerKernelConvergenceCheck());
        checks.add(new io.github.theorybench.claims.ntk.DeepKernelConvergenceCheck());
        checks.add(new io.github.theorybench.claims.ntk.JacobianRankCheck());
        checks.add(new io.github.theorybench.claims.lsq.LeastSquaresDescentCheck());
        checks.add(new io.github.theorybench.claims.balance.BalancednessCheck());
        checks.add(new io.github.theorybench.claims.balance.DriftScalingCheck());
        checks.add(new io.github.theorybench.claims.power.PowerMethodCheck());
        checks.add(new io.github.theorybench.claims.power.ConcentrationCheck());
        checks.add(new io.github.theorybench.claims.power.FinalErrorScalingCheck());
        checks.add(new io.github.theorybench.claims.power.ConvergenceTimeCheck());
        checks.add(new io.github.theorybench.claims.dln.ZeroAsymmetricDescentCheck());
        checks.add(new io.github.theorybench.claims.dln.WidthConvergenceCheck());
        checks.add(new io.github.theorybench.claims.dln.CriticalPointCheck());
        checks.add(new io.github.theorybench.claims.mem.MemorizationCheck());
        checks.add(new io.github.theorybench.claims.dls.FeatureLearningCheck());
        return checks;
    }

    /** The checks needed to produce verdicts for {@code ids}. */
    public static List<ClaimCheck> covering(List<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        return all().stream().filter(c -> c.ids().stream().anyMatch(wanted::contains)).toList();
    }

    /** IDs in the catalogue that no registered check covers yet. */
    public static List<String> uncovered() {
        Set<String> covered = new LinkedHashSet<>();
        all().forEach(c -> covered.addAll(c.ids()));
        return ClaimCatalog.entries().stream().map(ClaimCatalog.Entry::id).filter(id -> !covered.contains(id))
                .toList();
    }
}
