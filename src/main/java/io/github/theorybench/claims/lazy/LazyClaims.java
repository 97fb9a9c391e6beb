package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** LAZY: lazy training (Chizat-Bach) (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class LazyClaims implements ClaimFamily {
    @Override
    public String name() {
        return "LAZY";
    }

    @Override
    public String title() {
        return "lazy training (Chizat-Bach)";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("LAZY-1", ClaimKind.EXACT, "alpha >= alpha*: risk of the scaled net decays like R0 exp(-t alpha^2 sigma_min^2 / 2)",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-2", ClaimKind.EXACT, "same decay bound for the linearized flow",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-3", ClaimKind.EXACT, "alpha >= alpha*: travel ||W(t)-W0||_F <= sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2)",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-4", ClaimKind.EXACT, "||J_W - J_V||_F <= beta0 sqrt(sum ||x_i||^4) ||W - V||_F (Lipschitz Jacobian)",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-5", ClaimKind.EXACT, "Lemma 8.1: R(z(t)) <= R(z(0)) exp(-2 lambda(t) t) along z' = -Q grad R",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-6", ClaimKind.EXACT, "Lemma 8.2: ||v(t)-v(0)|| <= sqrt(lambda_1)/lambda ||g(v(0)) - y||",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-7", ClaimKind.SCALING, "sigma_min(J0), sigma_max(J0) grow like sqrt(m); J0 J0^T/m -> K_inf at rate m^-1/2",
                        ClaimCatalog.NOTES_000),
                ClaimCatalog.Entry.of("LAZY-8", ClaimKind.SCALING, "random-sign init: R0 = Theta(alpha^2 m n)",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-9", ClaimKind.SCALING, "linearization error in NTK scaling decays with width (m^-1 smooth, m^-1/3 ReLU)",
                        ClaimCatalog.NOTES_000),
                ClaimCatalog.Entry.of("LAZY-10", ClaimKind.PHENOMENON, "tightness of alpha*: bounds keep holding far below alpha*; travel falls like 1/alpha",
                        ClaimCatalog.NOTES_001));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new LazyTrainingCheck());
        checks.add(new JacobianLipschitzCheck());
        checks.add(new WidthScalingCheck());
        checks.add(new InitialRiskScalingCheck());
        checks.add(new LinearizationErrorCheck());
        checks.add(new AlphaTightnessCheck());
        return checks;
    }
}
