package io.github.theorybench.linalg;

import org.junit.jupiter.api.DisplayName;

@DisplayName("backend contract: ejml-mt, EJML with its concurrent operations")
class EjmlConcurrentBackendTest extends BackendContractTest {
    @Override
    Backend create() {
        return Backends.byName("ejml-mt");
    }
}
