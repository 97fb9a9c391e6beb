package io.github.theorybench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layer of recorded stacks: each line below is a stack async-profiler 4.1 recorded (collapsed, {@code ann,lib})
 * in the committed profiles reports/profile/LAZY-1 and reports/profile/bench-gramStructured-*, with the common
 * picocli/ProfileRunner prefix shortened to {@link #MAIN}.
 */
class LayerClassifierTest {
    /** The driver frames every claim sample sits under (ClaimsRun and OrderedWorkers charge their callees). */
    static final String MAIN = "io/github/theorybench/cli/TheoryBench.main_[j];picocli/CommandLine.execute_[j];"
            + "io/github/theorybench/profile/ProfileRunner.run_[j];io/github/theorybench/profile/ClaimsWorkload.run_[j];"
            + "io/github/theorybench/report/ClaimsRun.run_[j];io/github/theorybench/report/OrderedWorkers.call_[j];"
            + "io/github/theorybench/report/ClaimsRun.runOne_[j];io/github/theorybench/claims/lazy/LazyTrainingCheck.run_[j]";
    static final String OPENBLAS = "/root/.javacpp/cache/openblas-0.3.28-1.5.11-linux-x86_64.jar/org/bytedeco/"
            + "openblas/linux-x86_64/libopenblas_nolapack.so.0";

    static Layer layerOf(String collapsed) {
        return LayerClassifier.classify(CollapsedStacks.parse(collapsed + " 1").get(0).frames());
    }

    @Test
    @DisplayName("dgemm under the OpenBLAS backend, called from the ODE right-hand side: native BLAS, not ODE")
    void blasUnderOde() {
        assertThat(layerOf(MAIN + ";org/hipparchus/ode/nonstiff/EmbeddedRungeKuttaIntegrator.integrate_[j];"
                + "io/github/theorybench/dynamics/GradientFlow$2.computeDerivatives_[j];"
                + "io/github/theorybench/model/TwoLayerKernels.preactivations_[j];"
                + "io/github/theorybench/linalg/OpenBlasBackend.gemm_[j];"
                + "org/bytedeco/openblas/global/openblas.cblas_dgemm_[0];"
                + "libjniopenblas.so`Java_org_bytedeco_openblas_global_openblas_cblas_1dgemm__IIIIIIDLjava_nio_Double;"
                + "libopenblas_nolapack.so.0`cblas_dgemm;libopenblas_nolapack.so.0`dgemm_tn;"
                + "libopenblas_nolapack.so.0`dgemm_incopy_HASWELL")).isEqualTo(Layer.NATIVE_BLAS);
    }

    @Test
    @DisplayName("OpenBLAS's worker threads (static functions, unresolved: the library's path) are native BLAS")
    void openBlasWorkerThread() {
        assertThat(layerOf("libc.so.6`clone3;libc.so.6`start_thread;" + OPENBLAS + ";" + OPENBLAS))
                .isEqualTo(Layer.NATIVE_BLAS);
        assertThat(layerOf("libopenblas_nolapack.so.0`dgemm_kernel_HASWELL")).isEqualTo(Layer.NATIVE_BLAS);
        assertThat(layerOf("org/jblas/NativeBlas.dgemm_[j];libjblas.so`dgemm_")).isEqualTo(Layer.NATIVE_BLAS);
    }

    @Test
    @DisplayName("tanh in StrictMath under VectorTanh, and a Vector API template: element-wise")
    void elementwise() {
        assertThat(layerOf(MAIN + ";io/github/theorybench/model/TwoLayerNet.predictions_[j];"
                + "io/github/theorybench/model/VectorTanh.apply_[j];java/lang/StrictMath.tanh_[j];libjava.so`jtanh"))
                .isEqualTo(Layer.ELEMENTWISE);
        assertThat(layerOf(MAIN + ";io/github/theorybench/model/ActivationKernels.apply_[j];"
                + "jdk/incubator/vector/DoubleVector.lanewiseTemplate_[i]")).isEqualTo(Layer.ELEMENTWISE);
    }

    @Test
    @DisplayName("libc and JDK frames belong to no layer: memcpy is charged to whoever called it")
    void generalPurposeFramesChargeTheirCaller() {
        String copy = ";java/lang/System.arraycopy_[j];libc.so.6`__memcpy_avx512_unaligned_erms";
        assertThat(layerOf(MAIN + ";org/hipparchus/ode/nonstiff/ExplicitRungeKuttaIntegrator"
                + ".applyInternalButcherWeights_[j]" + copy)).isEqualTo(Layer.ODE);
        assertThat(layerOf(MAIN + ";io/github/theorybench/report/PlotRenderer.render_[j];"
                + "com/sun/imageio/plugins/png/PNGImageWriter.encodePass_[0]" + copy)).isEqualTo(Layer.REPORT);
        assertThat(layerOf(MAIN + ";io/github/theorybench/claims/lazy/LazyPath.integrate_[j];"
                + "java/util/ArrayList.add_[j]")).isEqualTo(Layer.MODEL);
        assertThat(layerOf(MAIN + ";io/github/theorybench/dynamics/GradientFlow$2.computeDerivatives_[j];"
                + "io/github/theorybench/dynamics/ScaledTwoLayerFlow.linearPredictions_[j]")).isEqualTo(Layer.MODEL);
        assertThat(layerOf(MAIN + ";io/github/theorybench/dynamics/ScaledTwoLayerFlow.evaluate_[j];"
                + "io/github/theorybench/dynamics/GradientFlow$2.computeDerivatives_[j]")).isEqualTo(Layer.ODE);
    }

    @Test
    @DisplayName("Jackson under the report writer: JSON/plots/report")
    void report() {
        assertThat(layerOf(MAIN + ";io/github/theorybench/report/ClaimsReport.write_[j];"
                + "com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString_[j];"
                + "java/lang/AbstractStringBuilder.appendChars_[0]")).isEqualTo(Layer.REPORT);
    }

    @Test
    @DisplayName("a G1 worker thread is GC; a C2 compiler thread is JIT (both GC_JIT, told apart by isJit)")
    void gcAndJitThreads() {
        String gc = "libc.so.6`clone3;libc.so.6`start_thread;libjvm.so`thread_native_entry;libjvm.so`Thread::call_run;"
                + "libjvm.so`GangWorker::run;libjvm.so`GangWorker::loop;"
                + "libjvm.so`void WeakProcessor::Task::work<G1STWIsAliveClosure, G1KeepAliveClosure>";
        String jit = "libc.so.6`clone3;libc.so.6`start_thread;libjvm.so`thread_native_entry;"
                + "libjvm.so`JavaThread::thread_main_inner;libjvm.so`CompileBroker::compiler_thread_loop;"
                + "libjvm.so`CompileBroker::invoke_compiler_on_method;libjvm.so`C2Compiler::compile_method;"
                + "libjvm.so`Compile::Compile;libjvm.so`Compile::disconnect_useless_nodes";
        assertThat(layerOf(gc)).isEqualTo(Layer.GC_JIT);
        assertThat(layerOf(jit)).isEqualTo(Layer.GC_JIT);
        assertThat(LayerClassifier.isJit(CollapsedStacks.parse(gc + " 1").get(0).frames())).isFalse();
        assertThat(LayerClassifier.isJit(CollapsedStacks.parse(jit + " 1").get(0).frames())).isTrue();
    }

    @Test
    @DisplayName("an allocation slow path inside model code is GC, not model code")
    void allocationSlowPath() {
        assertThat(layerOf(MAIN + ";io/github/theorybench/linalg/DenseMatrix.zeros_[j];"
                + "libjvm.so`OptoRuntime::new_array_C;libjvm.so`MemAllocator::allocate;"
                + "libjvm.so`Copy::fill_to_memory_atomic")).isEqualTo(Layer.GC_JIT);
    }

    @Test
    @DisplayName("class loading, the profiler's own threads and frames nobody claims: other")
    void other() {
        assertThat(layerOf(MAIN + ";java/lang/ClassLoader.loadClass_[j];libjvm.so`SystemDictionary::resolve_or_fail"))
                .isEqualTo(Layer.OTHER);
        assertThat(layerOf("java/lang/Thread.run_[j];io/github/theorybench/profile/ResourceMeter.osThreads_[j];"
                + "sun/nio/fs/UnixNativeDispatcher.readdir_[j];libc.so.6`readdir64")).isEqualTo(Layer.OTHER);
        assertThat(layerOf("[GC_active];libjvm.so`JVM_Sleep;libc.so.6`__futex_abstimed_wait_common;"
                + "entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k]")).isEqualTo(Layer.OTHER);
    }

    @ParameterizedTest(name = "{0} is a {1} frame named {2}")
    @CsvSource(delimiter = '|', value = {
        "org/hipparchus/ode/ODEIntegrator.integrate_[j]|JAVA|org/hipparchus/ode/ODEIntegrator.integrate",
        "java/lang/StrictMath.tanh_[i]|JAVA|java/lang/StrictMath.tanh",
        "libopenblas_nolapack.so.0`dgemm_tn|NATIVE|dgemm_tn",
        "do_syscall_64_[k]|KERNEL|do_syscall_64",
        "/usr/lib/x86_64-linux-gnu/libopenblas.so.0|NATIVE|(unexported function)",
        "jlong_disjoint_arraycopy_avx3|OTHER|jlong_disjoint_arraycopy_avx3"})
    void frameKinds(String raw, Frame.Kind kind, String name) {
        Frame f = Frame.parse(raw);
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.name()).isEqualTo(name);
    }

    @Test
    @DisplayName("a collapsed line without a sample count is refused, not skipped")
    void malformedLines() {
        assertThatThrownBy(() -> CollapsedStacks.parse("a_[j];b_[j]\n")).hasMessageContaining("line 1")
                .hasMessageContaining("no sample count");
        assertThatThrownBy(() -> CollapsedStacks.parse("a_[j] 3\nb_[j] x\n")).hasMessageContaining("line 2");
        assertThat(CollapsedStacks.parse("\na_[j];b_[j] 3\n")).singleElement()
                .satisfies(s -> assertThat(s.samples()).isEqualTo(3));
    }

    @Test
    @DisplayName("shares sum to the samples; self time by frame, kernel samples to the frame entering the kernel, "
            + "unnamed static functions told apart by their nearest named caller")
    void sharesAndSelfFrames() {
        String text = String.join("\n",
                "libc.so.6`start_thread;" + OPENBLAS + " 40",
                "libc.so.6`start_thread;" + OPENBLAS + ";" + OPENBLAS + " 5",
                "cblas_x_[j];libopenblas_nolapack.so.0`dgemm_nn;" + OPENBLAS + " 7",
                "libopenblas_nolapack.so.0`dgemm_kernel_HASWELL 30",
                MAIN + ";io/github/theorybench/model/VectorTanh.apply_[j];java/lang/StrictMath.tanh_[j] 20",
                MAIN + ";io/github/theorybench/model/VectorTanh.apply_[j];java/lang/StrictMath.tanh_[j];"
                        + "asm_exc_page_fault_[k];handle_mm_fault_[k] 3",
                MAIN + ";io/github/theorybench/dynamics/GradientFlow.integrate_[j] 10",
                "libjvm.so`CompileBroker::compiler_thread_loop;libjvm.so`Compile::Optimize 6",
                "libjvm.so`GangWorker::loop;libjvm.so`G1ParEvacuateFollowersClosure::do_void 4",
                "[unknown_Java] 2");
        LayerShares sh = LayerShares.of(CollapsedStacks.parse(text), 15);
        assertThat(sh.total()).isEqualTo(127);
        assertThat(sh.byLayer().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(sh.total());
        assertThat(sh.byLayer()).containsEntry(Layer.NATIVE_BLAS, 82L).containsEntry(Layer.ELEMENTWISE, 23L)
                .containsEntry(Layer.ODE, 10L).containsEntry(Layer.GC_JIT, 10L).containsEntry(Layer.OTHER, 2L);
        assertThat(sh.jit()).isEqualTo(6);
        assertThat(sh.kernel()).isEqualTo(3);
        assertThat(java.util.Arrays.stream(Layer.values()).mapToDouble(sh::share).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sh.dominant()).isEqualTo(Layer.NATIVE_BLAS);
        List<LayerShares.SelfFrame> top = sh.topFrames();
        assertThat(top.get(0)).isEqualTo(new LayerShares.SelfFrame("libopenblas_nolapack.so.0`(unexported function)"
                + " (called from libc.so.6`start_thread)", 45, Layer.NATIVE_BLAS));
        assertThat(top.get(1)).isEqualTo(new LayerShares.SelfFrame("libopenblas_nolapack.so.0`dgemm_kernel_HASWELL",
                30, Layer.NATIVE_BLAS));
        assertThat(top.get(2)).isEqualTo(new LayerShares.SelfFrame("java.lang.StrictMath.tanh", 23,
                Layer.ELEMENTWISE));
        assertThat(top).contains(new LayerShares.SelfFrame("libopenblas_nolapack.so.0`(unexported function)"
                + " (called from libopenblas_nolapack.so.0`dgemm_nn)", 7, Layer.NATIVE_BLAS));
        assertThat(LayerShares.of(CollapsedStacks.parse(text), 3).topFrames()).hasSize(3);
    }
}
