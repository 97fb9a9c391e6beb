package io.github.theorybench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import one.profiler.AsyncProfiler;

/**
 * async-profiler's native library, as Maven Central ships it inside {@code tools.profiler:async-profiler} (one
 * {@code libasyncProfiler.so} per platform: {@code linux-x64/}, {@code linux-arm64/}, {@code macos/}). The library is
 * copied out of the jar once into {@code java.io.tmpdir} (a directory named for the version) and loaded with
 * {@link AsyncProfiler#getInstance(String)}, so nothing is installed by hand. Every failure is a
 * {@link ProfilerUnavailableException} whose message names the cause.
 */
public final class AsyncProfilerLibrary {
    private static volatile Path loadedFrom;

    private AsyncProfilerLibrary() {
    }

    /** The jar's folder for this platform, e.g. {@code linux-x64}; throws when the jar has none. */
    static String platformFolder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x64";
        }
        if (os.contains("linux") && (arch.equals("aarch64") || arch.equals("arm64"))) {
            return "linux-arm64";
        }
        if (os.contains("mac")) {
            return "macos";
        }
        throw new ProfilerUnavailableException("async-profiler has no native library for " + osName + "/" + osArch
                + " (the Maven jar ships linux-x64, linux-arm64 and macOS)");
    }

    /** The version of the async-profiler jar on the class path (its Maven pom.properties), or "unknown". */
    public static String jarVersion() {
        try (InputStream in = AsyncProfiler.class.getResourceAsStream(
                "/META-INF/maven/tools.profiler/async-profiler/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The library file for this platform, copied out of the jar if not yet there. {@code override} (a path given
     * with {@code --profiler-lib}) is used as it is.
     */
    public static Path libraryFile(Path override) {
        if (override != null) {
            return checkedLibrary(override);
        }
        String folder = platformFolder(System.getProperty("os.name"), System.getProperty("os.arch"));
        String resource = "/" + folder + "/libasyncProfiler.so";
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "theorybench-async-profiler-" + jarVersion() + "-"
                + folder);
        Path file = dir.resolve("libasyncProfiler.so");
        try (InputStream in = AsyncProfiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfilerUnavailableException("async-profiler: " + resource.substring(1)
                        + " is not in the async-profiler jar on the class path");
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.exists(file) || Files.size(file) != bytes.length
                    || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".lib-", ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new ProfilerUnavailableException("async-profiler: cannot copy its library to " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return checkedLibrary(file);
    }

    /** Refuses a path that is missing, unreadable or not a shared library before the JVM tries to load it. */
    static Path checkedLibrary(Path lib) {
        if (!Files.isRegularFile(lib) || !Files.isReadable(lib)) {
            throw new ProfilerUnavailableException("async-profiler: library " + lib + " does not exist or is not"
                    + " readable");
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(lib)) {
            int n = in.readNBytes(head, 0, 4);
            boolean elf = n == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
            boolean macho = n == 4 && (head[0] & 0xff) == 0xcf && (head[1] & 0xff) == 0xfa;
            if (!elf && !macho) {
                throw new ProfilerUnavailableException("async-profiler: " + lib + " is not a shared library (no ELF"
                        + " header)");
            }
        } catch (IOException e) {
            throw new ProfilerUnavailableException("async-profiler: cannot read " + lib + ": " + e.getMessage(), e);
        }
        return lib.toAbsolutePath();
    }

    /** Loads the library (once per JVM) and returns the profiler; a second, different library is refused. */
    public static synchronized AsyncProfiler load(Path override) {
        Path lib = libraryFile(override);
        if (loadedFrom != null && !loadedFrom.equals(lib)) {
            throw new ProfilerUnavailableException("async-profiler: this JVM already loaded " + loadedFrom
                    + "; cannot load a second library " + lib);
        }
        try {
            AsyncProfiler p = AsyncProfiler.getInstance(lib.toString());
            loadedFrom = lib;
            return p;
        } catch (UnsatisfiedLinkError | SecurityException e) {
            throw new ProfilerUnavailableException("async-profiler: cannot load " + lib + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
