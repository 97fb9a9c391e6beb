package io.github.theorybench.linalg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Backends by name. A backend that fails to load throws {@link BackendUnavailableException}; none falls back. */
public final class Backends {
    /** Every backend the project promises, in report order. */
    public static final List<String> NAMES = List.of("ejml", "ejml-mt", "jblas", "openblas");
    /** The default backend for claim checks. */
    public static final String DEFAULT = "openblas";

    private static final Map<String, Backend> LOADED = new LinkedHashMap<>();

    private Backends() {
    }

    public static synchronized Backend byName(String name) {
        Backend b = LOADED.get(name);
        if (b != null) {
            return b;
        }
        b = switch (name) {
            case "ejml" -> new EjmlBackend(false);
            case "ejml-mt" -> new EjmlBackend(true);
            case "jblas" -> {
                NativeLibraries.loadJblas();
                yield new JblasBackend();
            }
            case "openblas" -> {
                NativeLibraries.loadOpenBlas();
                yield new OpenBlasBackend();
            }
            default -> throw new IllegalArgumentException(
                    "unknown backend '" + name + "'; choose one of " + String.join(", ", NAMES));
        };
        LOADED.put(name, b);
        return b;
    }

    /** Every promised backend; throws on the first that fails to load. */
    public static List<Backend> all() {
        List<Backend> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(byName(n));
        }
        return out;
    }
}
