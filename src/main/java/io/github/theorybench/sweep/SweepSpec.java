package io.github.theorybench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep is, written to {@code sweep-run.json}: the source commit, the claim selection, sizes, backend and seed
 * range — everything a seed block's numbers depend on — plus the shard, for a shard's output. Two outputs are parts of
 * one run when everything but the shard is equal ({@link #differenceFrom}); {@code --resume} also needs the same
 * shard. The number of workers is not part of it: blocks are the same for any.
 *
 * @param commit {@code git rev-parse HEAD} of the checkout that ran, "+dirty" when tracked files were modified
 * @param only the {@code --only} selection as given
 * @param ids the claim IDs it selected
 * @param shard null for a whole run (and for a merged one)
 */
public record SweepSpec(String commit, String only, List<String> ids, boolean quick, String backend, SeedRange seeds,
        Shard shard) {
    public SweepSpec {
        ids = List.copyOf(ids);
    }

    /** The seeds this output runs: the shard's share, or the whole range. */
    public List<Long> ownSeeds() {
        return shard == null ? seeds.seeds() : shard.seeds(seeds);
    }

    public SweepSpec withoutShard() {
        return new SweepSpec(commit, only, ids, quick, backend, seeds, null);
    }

    /** The first field (shard aside) in which {@code other} differs from this, as a phrase; null when none does. */
    public String differenceFrom(SweepSpec other) {
        if (!commit.equals(other.commit)) {
            return "commit " + commit + " vs " + other.commit;
        }
        if (!ids.equals(other.ids) || !only.equals(other.only)) {
            return "claims --only " + only + " vs " + other.only;
        }
        if (quick != other.quick) {
            return "sizes " + sizes() + " vs " + other.sizes();
        }
        if (!backend.equals(other.backend)) {
            return "backend " + backend + " vs " + other.backend;
        }
        if (!seeds.equals(other.seeds)) {
            return "seeds " + seeds + " vs " + other.seeds;
        }
        return null;
    }

    public String sizes() {
        return quick ? "--quick" : "CLAIMS.md sizes";
    }

    /** The command line that reproduces this output. */
    public String command() {
        return "theorybench sweep --only " + only + " --seeds " + seeds + (quick ? " --quick" : "") + " --backend "
                + backend + (shard == null ? "" : " --shard " + shard);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "theorybench sweep");
        m.put("commit", commit);
        m.put("only", only);
        m.put("ids", ids);
        m.put("quick", quick);
        m.put("backend", backend);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("first", seeds.first());
        s.put("last", seeds.last());
        m.put("seeds", s);
        if (shard != null) {
            m.put("shard", shard.toString());
        }
        return m;
    }

    static SweepSpec fromJson(JsonNode n) {
        List<String> ids = new ArrayList<>();
        n.path("ids").forEach(x -> ids.add(x.asText()));
        JsonNode s = n.path("seeds");
        if (!n.hasNonNull("commit") || !n.hasNonNull("only") || !s.hasNonNull("first") || !s.hasNonNull("last")) {
            throw new IllegalArgumentException("incomplete sweep description");
        }
        return new SweepSpec(n.get("commit").asText(), n.get("only").asText(), ids, n.path("quick").asBoolean(),
                n.path("backend").asText(), new SeedRange(s.get("first").asLong(), s.get("last").asLong()),
                n.hasNonNull("shard") ? Shard.parse(n.get("shard").asText()) : null);
    }
}
