package io.github.theorybench.claims.lsq;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** LSQ: overparameterized least squares (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class LeastSquaresClaims implements ClaimFamily {
    @Override
    public String name() {
        return "LSQ";
    }

    @Override
    public String title() {
        return "overparameterized least squares";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("LSQ-1", ClaimKind.EXACT, "GD on least squares: ||X theta_t - y|| <= (1 - eta sigma_min^2)^t ||X theta_0 - y||",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("LSQ-2", ClaimKind.EXACT, "GD converges to theta*, the minimizer closest to theta_0",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("LSQ-3", ClaimKind.EXACT, "path length sum ||theta_{t+1} - theta_t|| <= min(sqrt(n), kappa^2) ||theta* - theta_0||",
                        ClaimCatalog.NOTES_002));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new LeastSquaresDescentCheck());
        return checks;
    }
}
