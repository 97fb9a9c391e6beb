package io.github.theorybench.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("backend contract: ejml, EJML (single-threaded)")
class EjmlBackendTest extends BackendContractTest {
    @Override
    Backend create() {
        return Backends.byName("ejml");
    }

    @Test
    @DisplayName("EJML's quality() is a scaled determinant, not a singularity test: below ε on the κ = 1e14 system the backend now solves")
    void ejmlQualityIsNotASingularityTest() {
        DenseMatrix a = ReferenceLinearAlgebra.withCondition(ILL_N, ILL_CONDITION, 14);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(ILL_N);
        lu.setA(new DMatrixRMaj(ILL_N, ILL_N, true, a.data().clone()));
        // the rule the backend used before issue 20 (quality() > ε) would have refused this solvable system
        assertThat(lu.quality()).isLessThan(Math.ulp(1.0));
    }
}
