package io.github.theorybench.claims.dln;

import io.github.theorybench.claims.*;
import io.github.theorybench.linalg.Backends;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() {
        String which = System.getProperty("which", "DLN-1");
        boolean quick = Boolean.parseBoolean(System.getProperty("quick", "true"));
        ClaimCheck c = ClaimRegistry.all().stream().filter(k -> k.ids().contains(which)).findFirst().orElseThrow();
        long t0 = System.nanoTime();
        CheckResult r = c.run(new CheckContext(Backends.byName(Backends.DEFAULT), 1, quick, System.err::println));
        System.err.printf("TIME %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (Verdict v : r.verdicts()) {
            System.err.println(v.id() + " | " + v.check() + " | " + v.status().label() + " | obs " + v.observed() + " | bound " + v.bound() + " | " + v.detail());
        }
        for (Table t : r.tables()) {
            System.err.println(t.title()); System.err.println(t.header());
            t.rows().forEach(System.err::println);
        }
    }
}
