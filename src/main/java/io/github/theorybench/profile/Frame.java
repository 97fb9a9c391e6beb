package io.github.theorybench.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One frame of an async-profiler collapsed stack, as dumped with the {@code ann} and {@code lib} options: Java
 * frames end in {@code _[j]} (compiled), {@code _[i]} (inlined), {@code _[0]} (interpreted) or {@code _[1]} (C1);
 * kernel frames in {@code _[k]}; resolved native frames are {@code library`symbol}; a native frame the profiler could
 * not resolve is the library's path; pseudo frames ({@code [unknown]}, {@code [vdso]}, stubs) are kept as they are.
 *
 * @param name   the frame without its annotation or library (Java: {@code pkg/Class.method})
 * @param kind   what kind of code it is
 * @param library the native library's file name ({@code libopenblas.so.0}), or "" for Java, kernel and stubs
 */
public record Frame(String name, Kind kind, String library) {
    /** What kind of code a frame is. */
    public enum Kind { JAVA, NATIVE, KERNEL, OTHER }

    /** The name given to a native frame in a function the library does not export (a static function). */
    public static final String UNEXPORTED = "(unexported function)";

    private static final Pattern JAVA = Pattern.compile("^(.*)_\\[(j|i|0|1)]$");
    private static final Pattern KERNEL = Pattern.compile("^(.*)_\\[k]$");

    /** Parses one frame of a collapsed line. */
    public static Frame parse(String raw) {
        Matcher m = JAVA.matcher(raw);
        if (m.matches()) {
            return new Frame(m.group(1), Kind.JAVA, "");
        }
        m = KERNEL.matcher(raw);
        if (m.matches()) {
            return new Frame(m.group(1), Kind.KERNEL, "");
        }
        int tick = raw.indexOf('`');
        if (tick > 0 && !raw.startsWith("[")) {
            return new Frame(raw.substring(tick + 1), Kind.NATIVE, raw.substring(0, tick));
        }
        if (raw.startsWith("/") && !raw.contains(";")) {
            // an unresolved native frame: the library's path stands for the symbol
            String file = raw.substring(raw.lastIndexOf('/') + 1);
            return new Frame(UNEXPORTED, Kind.NATIVE, file);
        }
        return new Frame(raw, Kind.OTHER, "");
    }

    /** The Java class of a Java frame, dotted ({@code io.github.theorybench.model.VectorTanh}), else "". */
    public String javaClass() {
        if (kind != Kind.JAVA) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).replace('/', '.');
    }

    /** A readable name: {@code io.github.theorybench.model.VectorTanh.apply}, {@code libopenblas.so.0`dgemm_kernel}. */
    public String display() {
        return switch (kind) {
            case JAVA -> name.replace('/', '.');
            case NATIVE -> library + "`" + name;
            case KERNEL -> name + " [kernel]";
            case OTHER -> name;
        };
    }
}
