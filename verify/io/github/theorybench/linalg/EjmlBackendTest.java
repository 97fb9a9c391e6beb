package io.github.theorybench.linalg;

import org.junit.jupiter.api.DisplayName;

@DisplayName("backend contract: ejml, EJML (single-threaded)")
class EjmlBackendTest extends BackendContractTest {
    @Override
    Backend create() {
        return Backends.byName("ejml");
    }
}
