package io.github.theorybench.claims.dls;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** DLS: gradient descent learns representations (Damian-Lee-Soltanolkotabi) (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class FeatureLearningClaims implements ClaimFamily {
    @Override
    public String name() {
        return "DLS";
    }

    @Override
    public String title() {
        return "gradient descent learns representations (Damian-Lee-Soltanolkotabi)";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("DLS-1", ClaimKind.PHENOMENON, "one large first-layer step recovers the target direction span(u)",
                        ClaimCatalog.NOTES_004),
                ClaimCatalog.Entry.of("DLS-2", ClaimKind.PHENOMENON, "Algorithm 1 beats random features and the NTK on g(u^T x) (d = 10, p = 4)",
                        ClaimCatalog.NOTES_004),
                ClaimCatalog.Entry.of("DLS-3", ClaimKind.PHENOMENON, "transfer: a pretrained first layer fits a new target with far fewer samples",
                        ClaimCatalog.NOTES_004),
                HermiteExpansionCheck.ENTRY);
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new FeatureLearningCheck());
        checks.add(new HermiteExpansionCheck());                   // DLS-6
        return checks;
    }

    @Override
    public List<io.github.theorybench.claims.Erratum> errata() {
        return List.of(HermiteExpansionCheck.ERRATUM);             // DLS-6
    }
}
