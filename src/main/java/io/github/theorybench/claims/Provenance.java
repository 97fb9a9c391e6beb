package io.github.theorybench.claims;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enough to rebuild one instance: the seed its draws came from, its sizes, the backend and the activation (empty
 * where none applies). A measurement record carries its provenance so that {@code verdicts(measurement)} is a pure
 * function of the record.
 */
public record Provenance(long seed, Map<String, Object> sizes, String backend, String activation) {
    public Provenance {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        activation = activation == null ? "" : activation;
    }

    public static Provenance of(long seed, String backend, Object... sizeNamesAndValues) {
        if (sizeNamesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("sizes come as name, value pairs");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        for (int k = 0; k < sizeNamesAndValues.length; k += 2) {
            s.put((String) sizeNamesAndValues[k], sizeNamesAndValues[k + 1]);
        }
        return new Provenance(seed, s, backend, "");
    }

    public Provenance withActivation(String a) {
        return new Provenance(seed, sizes, backend, a);
    }

    public Provenance withSize(String name, Object value) {
        Map<String, Object> s = new LinkedHashMap<>(sizes);
        s.put(name, value);
        return new Provenance(seed, s, backend, activation);
    }
}
