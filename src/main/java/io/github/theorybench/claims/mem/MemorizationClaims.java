package io.github.theorybench.claims.mem;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** MEM: finite-sample expressivity (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class MemorizationClaims implements ClaimFamily {
    @Override
    public String name() {
        return "MEM";
    }

    @Override
    public String title() {
        return "finite-sample expressivity";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("MEM-1", ClaimKind.EXACT, "two-layer ReLU net with 2n + d weights interpolates any labels on n points",
                        ClaimCatalog.NOTES_003));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new MemorizationCheck());
        return checks;
    }
}
