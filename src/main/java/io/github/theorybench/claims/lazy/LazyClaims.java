package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Calibration;
import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import io.github.theorybench.claims.Erratum;
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
                LazyFlowCatalog.lazy1(),
                LazyFlowCatalog.lazy2(),
                LazyFlowCatalog.lazy3(),
                ClaimCatalog.Entry.of("LAZY-4", ClaimKind.EXACT, "||J_W - J_V||_F <= beta0 sqrt(sum ||x_i||^4) ||W - V||_F (Lipschitz Jacobian)",
                        ClaimCatalog.NOTES_001),
                LazyFlowCatalog.lazy5(),
                LazyFlowCatalog.lazy6(),
                ClaimCatalog.Entry.of("LAZY-7", ClaimKind.SCALING, "sigma_min(J0), sigma_max(J0) grow like sqrt(m); J0 J0^T/m -> K_inf at rate m^-1/2",
                        ClaimCatalog.NOTES_000),
                ClaimCatalog.Entry.of("LAZY-8", ClaimKind.SCALING, "random-sign init: R0 = Theta(alpha^2 m n)",
                        ClaimCatalog.NOTES_001),
                ClaimCatalog.Entry.of("LAZY-9", ClaimKind.SCALING, "linearization error in NTK scaling decays with width (m^-1 smooth, m^-1/3 ReLU)",
                        ClaimCatalog.NOTES_000),
                LazyFlowCatalog.lazy10(),
                LazyFlowCatalog.lazy12());
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
        checks.add(new AlphaStarWidthCheck());
        return checks;
    }

    @Override
    public List<Calibration> calibrations() {
        List<Calibration> out = new ArrayList<>();
        out.addAll(LazyFlowCatalog.all());
        return out;
    }

    @Override
    public List<Erratum> errata() {
        List<Erratum> out = new ArrayList<>();
        out.add(LazyFlowCatalog.sufficientlyWide());
        return out;
    }
}
