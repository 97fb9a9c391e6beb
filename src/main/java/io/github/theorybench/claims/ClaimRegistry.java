package io.github.theorybench.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks that exist, in report order: the families' checks, family by family ({@link ClaimFamily}).
 */
public final class ClaimRegistry {
    private ClaimRegistry() {
    }

    /** The families in CLAIMS.md order. */
    public static List<ClaimFamily> families() {
        return List.of(new io.github.theorybench.claims.lazy.LazyClaims(),
                new io.github.theorybench.claims.ntk.TangentKernelClaims(),
                new io.github.theorybench.claims.lsq.LeastSquaresClaims(),
                new io.github.theorybench.claims.balance.BalancednessClaims(),
                new io.github.theorybench.claims.power.PowerMethodClaims(),
                new io.github.theorybench.claims.dln.DeepLinearClaims(),
                new io.github.theorybench.claims.mem.MemorizationClaims(),
                new io.github.theorybench.claims.dls.FeatureLearningClaims());
    }

    /** Every check, family by family. */
    public static List<ClaimCheck> all() {
        List<ClaimCheck> checks = new ArrayList<>();
        families().forEach(f -> checks.addAll(f.checks()));
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
