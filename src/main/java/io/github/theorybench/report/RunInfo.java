package io.github.theorybench.report;

import io.github.theorybench.linalg.LibraryVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine, JVM and library versions a report was produced with (recorded in every report). */
public final class RunInfo {
    private RunInfo() {
    }

    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: not Linux
        }
        return System.getProperty("os.arch");
    }

    public static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpu", cpuModel());
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    public static Map<String, String> libraries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ejml", org.ejml.EjmlVersion.VERSION); // the EJML jars carry no pom.properties
        m.put("jblas", LibraryVersions.mavenVersion("org.jblas", "jblas"));
        m.put("openblas (org.bytedeco)", LibraryVersions.mavenVersion("org.bytedeco", "openblas"));
        m.put("hipparchus", LibraryVersions.mavenVersion("org.hipparchus", "hipparchus-core"));
        m.put("jmh", LibraryVersions.mavenVersion("org.openjdk.jmh", "jmh-core"));
        m.put("xchart", LibraryVersions.mavenVersion("org.knowm.xchart", "xchart"));
        m.put("tanh' kernel", io.github.theorybench.model.ActivationKernels.tanhDerivativeKernel());
        return m;
    }
}
