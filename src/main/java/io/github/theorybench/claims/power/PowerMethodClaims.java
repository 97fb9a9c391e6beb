package io.github.theorybench.claims.power;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.ClaimCheck;
import io.github.theorybench.claims.ClaimFamily;
import io.github.theorybench.claims.ClaimKind;
import java.util.ArrayList;
import java.util.List;

/** PWR: small initialization acts as a power method (CLAIMS.md) — the family's catalogue entries and its checks, in report order. */
public final class PowerMethodClaims implements ClaimFamily {
    @Override
    public String name() {
        return "PWR";
    }

    @Override
    public String title() {
        return "small initialization acts as a power method";
    }

    @Override
    public List<ClaimCatalog.Entry> entries() {
        return List.of(
                ClaimCatalog.Entry.of("PWR-1", ClaimKind.PHENOMENON, "small init: GD tracks the power iterates (I + mu Z)^t U0 until t_spec",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("PWR-2", ClaimKind.PHENOMENON, "alignment with Z's top eigenspace at the power-iteration rate q",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("PWR-3", ClaimKind.SCALING, "concentration ||Z - XX^T||/||XX^T|| falls like n^-1/2",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("PWR-4", ClaimKind.SCALING, "spectral phase length t_spec is linear in ln(1/alpha), slope 1/ln(1 + mu lambda_1)",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("PWR-5", ClaimKind.SCALING, "Xie-Stoger-Soltanolkotabi: final error ~ alpha^(21/16) for r > r*",
                        ClaimCatalog.NOTES_002),
                ClaimCatalog.Entry.of("PWR-6", ClaimKind.PHENOMENON, "overparameterization shortens convergence; r = 4r* and 10r* take similar time",
                        ClaimCatalog.NOTES_002));
    }

    @Override
    public List<ClaimCheck> checks() {
        List<ClaimCheck> checks = new ArrayList<>();
        checks.add(new PowerMethodCheck());
        checks.add(new ConcentrationCheck());
        checks.add(new FinalErrorScalingCheck());
        checks.add(new ConvergenceTimeCheck());
        return checks;
    }
}
