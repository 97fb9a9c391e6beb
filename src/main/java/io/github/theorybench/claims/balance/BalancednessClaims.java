package io.github.theorybench.claims.balance;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** BAL: balancedness in low-rank factorization (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class BalancednessClaims implements ClaimFamily {
    @Override
    public String name() {
        return "BAL";
    }

    @Override
    public String title() {
        return "balancedness in low-rank factorization";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("BAL-1", ClaimKind.EXACT, "U^T grad_U L = (grad_V L)^T V at every iterate",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("BAL-2", ClaimKind.EXACT, "one GD step: ||B_{t+1} - B_t||_F <= mu^2 (||grad_U||^2 + ||grad_V||^2)",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("BAL-3", ClaimKind.EXACT, "balancedness lemma: ||B_t||_F <= ||B_0||_F + 2 mu (L_0 - L_t)",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("BAL-4", ClaimKind.SCALING, "gradient flow conserves B: drift of GD falls like mu",
                        ClaimCatalog.NOTES_002));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new BalancednessCheck());
        checks.add(new DriftScalingCheck());
        return checks;
    }
}
