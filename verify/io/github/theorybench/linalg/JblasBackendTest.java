package io.github.theorybench.linalg;

import org.junit.jupiter.api.DisplayName;

@DisplayName("backend contract: jblas, jblas")
class JblasBackendTest extends BackendContractTest {
    @Override
    Backend create() {
        return Backends.byName("jblas");
    }
}
