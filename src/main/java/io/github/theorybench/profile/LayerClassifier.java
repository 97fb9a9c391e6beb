package io.github.theorybench.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Charges one sampled stack to one {@link Layer}. Whole threads first: a stack of a JIT compiler thread is JIT, one
 * of a GC worker (or a GC operation of the VM thread) is GC. Otherwise the frames are read from the leaf towards the
 * root and the first frame that belongs to a layer decides; frames of the JDK's general-purpose code, libc, the
 * kernel and stubs belong to none (they are charged to whoever called them: {@code memcpy} under
 * {@code DirectMatrix} is element-wise work, under {@code javax.imageio} it is report work). A stack with no deciding
 * frame is {@link Layer#OTHER}.
 */
public final class LayerClassifier {
    private static final Pattern BLAS_LIBRARY = Pattern.compile("(?i).*(openblas|jblas|lapack|blas|gfortran|quadmath"
            + "|mkl).*");
    private static final Pattern REPORT_LIBRARY = Pattern.compile("(?i)lib(awt|awt_headless|fontmanager|freetype"
            + "|javajpeg|lcms|mlib_image)\\b.*");
    private static final Pattern CLASS_LOADING_LIBRARY = Pattern.compile("(?i)lib(verify|zip|jimage)\\.so.*");
    private static final Pattern COMPILER_THREAD = Pattern.compile("^(CompileBroker::compiler_thread_loop"
            + "|CompileBroker::invoke_compiler_on_method|NMethodSweeper::).*");
    private static final Pattern GC_THREAD = Pattern.compile("^(GangWorker::loop|WorkerThread::run|WorkerThread::"
            + "|ConcurrentGCThread::run|G1ServiceThread::|G1ConcurrentRefineThread::|G1YoungRemSetSamplingThread::"
            + "|G1ConcurrentMarkThread::|ZThread::|ShenandoahControlThread::|VM_G1|VM_GC|VM_CollectFor"
            + "|VM_ParallelGC|GCTaskThread::).*");
    /** libjvm symbols of the collectors and of allocation slow paths (TLAB refills, zeroing of large arrays). */
    private static final Pattern GC_SYMBOL = Pattern.compile("^(G1\\w*::|GC\\w*::|ParallelGC|PS[A-Z]\\w*::|Shenandoah"
            + "|Z[A-Z]\\w*::|Serial\\w*::|DefNew|TenuredGeneration|CardTable|ConcurrentMark|CollectedHeap::"
            + "|MemAllocator|ThreadLocalAllocBuffer::|ObjAllocator::|ObjArrayAllocator::|ReferenceProcessor::"
            + "|WeakProcessor|OopStorage|HeapRegion|PLAB::|TaskTerminator::|OptoRuntime::new_|InstanceKlass::"
            + "allocate_instance|TypeArrayKlass::allocate|ObjArrayKlass::allocate|oopFactory::new|BarrierSet"
            + "|Unsafe_AllocateMemory0|Unsafe_SetMemory0|Unsafe_FreeMemory0).*");
    private static final Pattern JIT_SYMBOL = Pattern.compile("^(CompileBroker::|C2Compiler::|Compile::|Compiler::"
            + "|Compilation::|CompilationPolicy::|Phase[A-Z]\\w*::|GraphBuilder::|LinearScan::|ciEnv::|ciMethod::"
            + "|nmethod::new|JVMCI).*");
    private static final Pattern CLASS_LOADING_SYMBOL = Pattern.compile("^(SystemDictionary::|ClassFileParser::"
            + "|ClassLoader::|ClassVerifier::|Verifier::|Rewriter::|LinkResolver::|InstanceKlass::link_class"
            + "|JVM_DefineClass|Java_java_lang_ClassLoader|ClassLoaderData|Metaspace).*");

    private LayerClassifier() {
    }

    /** The layer of one stack, given root first and leaf last (the order of a collapsed line). */
    public static Layer classify(List<Frame> rootToLeaf) {
        Layer thread = threadLayer(rootToLeaf);
        if (thread != null) {
            return thread;
        }
        for (int i = rootToLeaf.size() - 1; i >= 0; i--) {
            Layer l = frameLayer(rootToLeaf.get(i));
            if (l != null) {
                return l;
            }
        }
        return Layer.OTHER;
    }

    /** For a {@link Layer#GC_JIT} stack: true when it is compiler work, false when it is GC or allocation. */
    public static boolean isJit(List<Frame> rootToLeaf) {
        for (Frame f : rootToLeaf) {
            if (f.kind() == Frame.Kind.NATIVE && (COMPILER_THREAD.matcher(f.name()).matches()
                    || JIT_SYMBOL.matcher(f.name()).matches())) {
                return true;
            }
        }
        return false;
    }

    /** GC or JIT when a frame shows the whole thread works for the collector or the compiler, else null. */
    static Layer threadLayer(List<Frame> rootToLeaf) {
        for (Frame f : rootToLeaf) {
            if (f.kind() != Frame.Kind.NATIVE) {
                continue;
            }
            if (COMPILER_THREAD.matcher(f.name()).matches() || GC_THREAD.matcher(f.name()).matches()) {
                return Layer.GC_JIT;
            }
        }
        return null;
    }

    /** The layer one frame decides, or null when the frame is general-purpose code charged to its caller. */
    static Layer frameLayer(Frame f) {
        return switch (f.kind()) {
            case JAVA -> javaLayer(f.javaClass());
            case NATIVE -> nativeLayer(f);
            case KERNEL -> null;
            case OTHER -> f.name().startsWith("[unknown_Java") ? Layer.OTHER : null;
        };
    }

    static Layer nativeLayer(Frame f) {
        String lib = f.library();
        if (BLAS_LIBRARY.matcher(lib).matches()) {
            return Layer.NATIVE_BLAS;
        }
        if (REPORT_LIBRARY.matcher(lib).matches()) {
            return Layer.REPORT;
        }
        if (CLASS_LOADING_LIBRARY.matcher(lib).matches() || lib.startsWith("libasyncProfiler")) {
            return Layer.OTHER;
        }
        if (lib.startsWith("libjvm")) {
            String s = f.name();
            if (GC_SYMBOL.matcher(s).matches() || JIT_SYMBOL.matcher(s).matches()) {
                return Layer.GC_JIT;
            }
            if (CLASS_LOADING_SYMBOL.matcher(s).matches()) {
                return Layer.OTHER;
            }
        }
        return null;
    }

    /** Java frames by class (dotted name); null for the JDK's general-purpose code and unknown packages. */
    static Layer javaLayer(String cls) {
        if (cls.equals("java.nio.DirectByteBuffer") || cls.startsWith("java.nio.DirectByteBuffer$Deallocator")
                || cls.equals("java.nio.Bits") || cls.startsWith("jdk.internal.ref.Cleaner")) {
            return Layer.GC_JIT; // off-heap allocation (allocateDirect: reserve, malloc, zeroing) and its release
        }
        if (cls.startsWith("org.bytedeco.openblas.") || cls.startsWith("org.jblas.NativeBlas")
                || cls.startsWith("org.bytedeco.javacpp.")) {
            return Layer.NATIVE_BLAS;
        }
        if (cls.startsWith("org.ejml.") || cls.startsWith("org.jblas.") || cls.startsWith("org.hipparchus.linear.")) {
            return Layer.JAVA_LINALG;
        }
        if (cls.startsWith("org.hipparchus.ode.") || isIntegrator(cls)) {
            return Layer.ODE;
        }
        if (isElementwise(cls)) {
            return Layer.ELEMENTWISE;
        }
        if (isReport(cls)) {
            return Layer.REPORT;
        }
        if (cls.startsWith("io.github.theorybench.report.ClaimsRun")
                || cls.startsWith("io.github.theorybench.report.OrderedWorkers")) {
            return null; // the drivers every check runs under: charge their callees
        }
        if (cls.startsWith("io.github.theorybench.model.") || cls.startsWith("io.github.theorybench.claims.")
                || cls.startsWith("io.github.theorybench.dynamics.") || cls.startsWith("io.github.theorybench.bench.")
                || cls.startsWith("org.hipparchus.")) {
            return Layer.MODEL;
        }
        if (cls.startsWith("io.github.theorybench.") || cls.startsWith("picocli.") || cls.startsWith("one.profiler.")
                || cls.startsWith("java.lang.ClassLoader") || cls.startsWith("jdk.internal.loader.")
                || cls.startsWith("java.lang.invoke.") || cls.startsWith("jdk.internal.org.objectweb.")
                || cls.startsWith("sun.invoke.")) {
            return Layer.OTHER;
        }
        return null;
    }

    /** The integrators of dynamics.*; the flow fields there (ScaledTwoLayerFlow, ScaledFlowPath) are model code. */
    private static boolean isIntegrator(String cls) {
        for (String c : new String[] {"GradientFlow", "GradientDescent", "Trajectory", "VectorField"}) {
            String name = "io.github.theorybench.dynamics." + c;
            if (cls.equals(name) || cls.startsWith(name + "$")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isElementwise(String cls) {
        return cls.startsWith("jdk.incubator.vector.") || cls.startsWith("jdk.internal.vm.vector.")
                || cls.startsWith("io.github.theorybench.linalg.")
                || cls.equals("io.github.theorybench.model.VectorTanh")
                || cls.startsWith("io.github.theorybench.model.VectorTanh$")
                || cls.equals("io.github.theorybench.model.KernelExp")
                || cls.equals("io.github.theorybench.model.TwoLayerKernels")
                || cls.startsWith("io.github.theorybench.model.Activation")
                || cls.equals("java.lang.Math") || cls.equals("java.lang.StrictMath")
                || cls.equals("java.lang.FdLibm") || cls.startsWith("java.lang.FdLibm$")
                || cls.equals("org.hipparchus.util.FastMath") || cls.startsWith("org.hipparchus.util.FastMath$");
    }

    private static boolean isReport(String cls) {
        return cls.startsWith("io.github.theorybench.report.") || cls.startsWith("io.github.theorybench.sweep.")
                || cls.startsWith("com.fasterxml.jackson.") || cls.startsWith("org.knowm.xchart.")
                || cls.startsWith("de.erichseifert.") || cls.startsWith("java.awt.") || cls.startsWith("sun.java2d.")
                || cls.startsWith("sun.awt.") || cls.startsWith("javax.imageio.") || cls.startsWith("com.sun.imageio.")
                || cls.startsWith("sun.font.");
    }
}
