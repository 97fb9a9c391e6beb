package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** NTK: tangent kernels (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class TangentKernelClaims implements ClaimFamily {
    @Override
    public String name() {
        return "NTK";
    }

    @Override
    public String title() {
        return "tangent kernels";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("NTK-1", ClaimKind.EXACT, "empirical NTK of a two-layer net (both layers trained) equals K1 + K2",
                        ClaimCatalog.NOTES_000),
                ClaimCatalog.Entry.of("NTK-2", ClaimKind.SCALING, "two-layer ReLU empirical NTK -> closed-form infinite-width NTK at rate m^-1/2",
                        ClaimCatalog.NOTES_000),
                ClaimCatalog.Entry.of("NTK-3", ClaimKind.SCALING, "deep ReLU empirical NTK -> Arora et al. recursion at rate m^-1/2 (L = 2, 3)",
                        ClaimCatalog.NOTES_003),
                ClaimCatalog.Entry.of("NTK-4", ClaimKind.PHENOMENON, "rank(J0) = min(n, md) at init; GD from full-rank init reaches zero risk",
                        ClaimCatalog.NOTES_000));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new KernelSplitCheck());
        checks.add(new TwoLayerKernelConvergenceCheck());
        checks.add(new DeepKernelConvergenceCheck());
        checks.add(new JacobianRankCheck());
        return checks;
    }
}
