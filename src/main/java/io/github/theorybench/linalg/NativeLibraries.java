package io.github.theorybench.linalg;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Loads the native libraries once, in the order that makes a fresh machine work: bytedeco's OpenBLAS first (it
 * ships libgfortran.so.5 and loads it into the process), then jblas, whose libjblas.so links against
 * libgfortran.so.5 and would otherwise need a system package.
 */
public final class NativeLibraries {
    private static volatile boolean openBlasLoaded;
    private static volatile boolean singleThreaded;

    private NativeLibraries() {
    }

    /** Loads org.bytedeco:openblas or throws {@link BackendUnavailableException} with the cause on one line. */
    public static synchronized void loadOpenBlas() {
        if (openBlasLoaded) {
            return;
        }
        try {
            Loader.load(openblas.class);
            openBlasLoaded = true;
        } catch (Throwable e) {
            throw new BackendUnavailableException("openblas",
                    "native library libopenblas/libjniopenblas (org.bytedeco:openblas, platform "
                            + Loader.getPlatform() + ") failed to load: " + BackendUnavailableException.rootCause(e));
        }
    }

    /** Loads jblas's libjblas.so (after OpenBLAS, for libgfortran.so.5) or throws with the cause on one line. */
    public static synchronized void loadJblas() {
        try {
            loadOpenBlas();
        } catch (BackendUnavailableException e) {
            throw new BackendUnavailableException("jblas",
                    "needs libgfortran.so.5, which comes with org.bytedeco:openblas, and that failed: " + e.cause());
        }
        try {
            // jblas loads its native library in NativeBlas's static initializer; a 1x1 product forces and checks it.
            // Its INFO lines (temp-file deletions) are noise; its errors still print, and we rethrow below anyway.
            org.jblas.util.Logger.getLogger().setLevel(org.jblas.util.Logger.WARNING);
            double[] c = new double[1];
            org.jblas.NativeBlas.dgemm('N', 'N', 1, 1, 1, 1.0, new double[] {2}, 0, 1, new double[] {3}, 0, 1, 0.0,
                    c, 0, 1);
            if (c[0] != 6.0) {
                throw new IllegalStateException("1x1 dgemm returned " + c[0] + " instead of 6");
            }
        } catch (Throwable e) {
            throw new BackendUnavailableException("jblas",
                    "native library libjblas.so (org.jblas:jblas) failed to load: "
                            + BackendUnavailableException.rootCause(e));
        }
    }

    /**
     * Runs OpenBLAS on one thread from now on. Claim checks work on matrices of tens to hundreds of rows, where a second
     * BLAS thread buys about 5% and makes reductions split differently from run to run (two identical claim runs
     * differed in 22 of 51 rows' last digits with 2 threads, none with 1): the cores belong to independent checks and
     * seeds instead ({@code report.ClaimsRun}, {@code sweep}), Trust rule 5. The benchmarks keep OpenBLAS's threaded
     * default. jblas's bundled OpenBLAS has no threads and EJML's concurrent ops give the same bits as one thread, so
     * OpenBLAS is the one library that needs telling.
     */
    public static synchronized void useSingleThreadedOpenBlas() {
        loadOpenBlas();
        openblas.blas_set_num_threads(1);
        singleThreaded = true;
    }

    /**
     * OpenBLAS's thread configuration for backend descriptions, e.g. "1 thread (set for claim runs: same bits every
     * run)" or "2 threads (OpenBLAS default: one per core)". bytedeco reports -1 until someone sets the count, which
     * means OpenBLAS's own default (one thread per core, or OPENBLAS_NUM_THREADS).
     */
    public static String openBlasThreads() {
        if (singleThreaded && openblas.blas_get_num_threads() == 1) {
            return "1 thread (set for claim runs: same bits every run)";
        }
        int t = openblas.blas_get_num_threads();
        if (t > 0) {
            return t + (t == 1 ? " thread" : " threads");
        }
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        return env != null ? env + " thread(s) (OPENBLAS_NUM_THREADS)"
                : Runtime.getRuntime().availableProcessors() + " threads (OpenBLAS default: one per core)";
    }

    /**
     * Which kernel set a DYNAMIC_ARCH OpenBLAS uses: forced by OPENBLAS_CORETYPE (set on some machines because older
     * builds mis-detect their CPUs; it changes speed, e.g. Haswell's AVX2 kernels on an AVX-512 CPU), or detected.
     */
    public static String openBlasCoreType() {
        String env = System.getenv("OPENBLAS_CORETYPE");
        return env != null && !env.isBlank() ? env + " (OPENBLAS_CORETYPE)" : "auto-detected";
    }
}
