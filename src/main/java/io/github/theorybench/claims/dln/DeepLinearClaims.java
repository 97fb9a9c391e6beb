package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** DLN: deep linear networks (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class DeepLinearClaims implements ClaimFamily {
    @Override
    public String name() {
        return "DLN";
    }

    @Override
    public String title() {
        return "deep linear networks";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("DLN-1", ClaimKind.EXACT, "deep linear net, zero-asymmetric init: R(t) <= (1 - eta/2)^t R(0)",
                        ClaimCatalog.NOTES_003),
                ClaimCatalog.Entry.of("DLN-2", ClaimKind.EXACT, "Du-Hu: wide deep linear net converges linearly at the stated rate",
                        ClaimCatalog.NOTES_003),
                ClaimCatalog.Entry.of("DLN-3", ClaimKind.EXACT, "depth-2 linear net: non-global critical points are strict saddles",
                        ClaimCatalog.NOTES_003));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new ZeroAsymmetricDescentCheck());
        checks.add(new WidthConvergenceCheck());
        checks.add(new CriticalPointCheck());
        return checks;
    }
}
