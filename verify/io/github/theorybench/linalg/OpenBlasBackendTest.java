package io.github.theorybench.linalg;

import org.junit.jupiter.api.DisplayName;

@DisplayName("backend contract: openblas, OpenBLAS (org.bytedeco)")
class OpenBlasBackendTest extends BackendContractTest {
    @Override
    Backend create() {
        return Backends.byName("openblas");
    }
}
