package io.github.theorybench.profile;

/**
 * The layers a sample's CPU time is charged to ({@link LayerClassifier}). Every sample gets exactly one layer, so the
 * shares of a profile sum to 100%.
 */
public enum Layer {
    NATIVE_BLAS("native BLAS/LAPACK", "OpenBLAS and LAPACK kernels, jblas's native library, their JNI entry points and JavaCPP's"
            + " pointer bookkeeping"),
    JAVA_LINALG("Java linear algebra", "EJML's and Hipparchus's pure-Java matrix code (the ejml backends, Java-side"
            + " factorizations)"),
    ELEMENTWISE("element-wise Java/Vector API", "σ, σ′ and exp over matrices (VectorTanh, KernelExp, the Vector API,"
            + " java.lang.Math), Hadamard products, copies into and out of backend storage"),
    ODE("ODE integrator", "Hipparchus's Dormand–Prince steps and step control, the gradient flow and descent loops"
            + " (dynamics.GradientFlow, GradientDescent, Trajectory, VectorField)"),
    MODEL("model code", "flow fields (dynamics.ScaledTwoLayerFlow, …), remainders, instance builders, random draws,"
            + " the checks' own arithmetic"),
    REPORT("JSON/plots/report", "Jackson, XChart and PNG encoding, report and sweep writers"),
    GC_JIT("GC, allocation and JIT", "garbage collector threads, allocation slow paths (TLAB refills, zeroing of large"
            + " arrays, ByteBuffer.allocateDirect with its zeroing and release); the C1/C2 compiler threads"),
    OTHER("other (JVM runtime, class loading, CLI)", "class loading and verification, interpreter transitions,"
            + " picocli, the profiler itself, stacks the unwinder could not attribute");

    private final String label;
    private final String contents;

    Layer(String label, String contents) {
        this.label = label;
        this.contents = contents;
    }

    /** The row label of the summary table. */
    public String label() {
        return label;
    }

    /** What the layer holds, in words (the summary's third column). */
    public String contents() {
        return contents;
    }
}
