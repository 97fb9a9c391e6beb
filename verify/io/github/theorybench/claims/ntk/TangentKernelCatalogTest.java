package io.github.theorybench.claims.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.ClaimCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The NTK family's catalogue: its entries in order and its calibrations (hypothesis, control: ClaimRegistryTest). */
@SmallInstances
class TangentKernelCatalogTest {
    @Test
    @DisplayName("NTK-1..5 catalogue: family NTK, entries NTK-1..NTK-5 in order, calibrations of NTK criteria")
    void catalogue() {
        TangentKernelClaims f = new TangentKernelClaims();
        assertThat(f.name()).isEqualTo("NTK");
        assertThat(f.title()).isEqualTo("tangent kernels");
        assertThat(f.entries()).extracting(ClaimCatalog.Entry::id).startsWith("NTK-1", "NTK-2", "NTK-3", "NTK-4",
                "NTK-5");
        assertThat(f.calibrations()).isNotEmpty();
        assertThat(f.calibrations()).extracting(c -> c.criterion().id()).allMatch(id -> id.startsWith("NTK-"));
    }
}
