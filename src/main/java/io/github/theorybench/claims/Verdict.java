package io.github.theorybench.claims;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of one check of one claim on one instance (CLAIMS.md: observed, bound, slack, hypothesis met, seed,
 * sizes, backend). {@code role} separates the claim's own check from its teeth control, which must report a
 * violation. For scaling claims {@code observed} is the fitted exponent and {@code bound} the theorem's exponent,
 * with the accepted window in {@code windowLow..windowHigh}. Timing lives only in {@code seconds}, so reports are
 * byte-identical across runs apart from that field.
 */
public record Verdict(
        String id,
        ClaimKind kind,
        Role role,
        String check,
        String key,
        boolean hypothesisMet,
        double observed,
        double bound,
        double slack,
        double windowLow,
        double windowHigh,
        boolean holds,
        long seed,
        Map<String, Object> sizes,
        String backend,
        String activation,
        double tolerance,
        String detail,
        String finding,
        Map<String, Double> measurements,
        String error,
        boolean controlExpectsHolds,
        double seconds) {

    /**
     * What a verdict row is: the claim's own check; a control that must fail (or, for a claim found false as stated,
     * must hold: Trust rule 2); or an exploratory row on an instance outside the claim's hypothesis, reported for what
     * it shows and never counted as a pass, a fail or a finding (Trust rule 1).
     */
    public enum Role {
        CLAIM, CONTROL, EXPLORATORY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Summary status of a row, in the order a reader cares about. */
    public enum Status {
        HOLDS("holds"),
        HYPOTHESIS_NOT_MET("hypothesis not met"),
        VIOLATED("violated"),
        CONTROL_BIT("control bit"),
        CONTROL_DID_NOT_BITE("control did not bite"),
        EXPLORATORY("exploratory"),
        ERROR("error");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The report's icon for this status (the legend in the README's "How to read a report"). */
        public String icon() {
            return switch (this) {
                case HOLDS -> "✅";
                case HYPOTHESIS_NOT_MET -> "⚪";
                case VIOLATED -> "❌";
                case CONTROL_BIT -> "🦷";
                case CONTROL_DID_NOT_BITE -> "⚠️";
                case EXPLORATORY -> "🔭";
                case ERROR -> "💥";
            };
        }

        /** A row a reader must look at: a violated claim, a control that could not fail, or a check that threw. */
        public boolean needsAttention() {
            return this == VIOLATED || this == CONTROL_DID_NOT_BITE || this == ERROR;
        }
    }

    public Verdict {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        key = key == null ? "" : key;
        finding = finding == null ? "" : finding;
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes == null ? Map.of() : sizes));
        measurements = Collections.unmodifiableMap(new TreeMap<>(measurements == null ? Map.of() : measurements));
    }

    public Status status() {
        if (error != null) {
            return Status.ERROR;
        }
        if (role == Role.EXPLORATORY) {
            return Status.EXPLORATORY;
        }
        if (role == Role.CONTROL) {
            return holds == controlExpectsHolds ? Status.CONTROL_BIT : Status.CONTROL_DID_NOT_BITE;
        }
        if (!hypothesisMet) {
            return Status.HYPOTHESIS_NOT_MET;
        }
        return holds ? Status.HOLDS : Status.VIOLATED;
    }

    /**
     * How far the row's statistic lies beyond its threshold, relative to the threshold (Trust rule 2: a control must
     * bite by at least 0.05). With a window [lo, hi]: (lo − observed)/|lo| below it, (observed − hi)/|hi| above it,
     * and minus the relative distance to the nearer edge inside it; otherwise (observed − bound)/|bound|. Positive
     * means "violated by this much". For a control that runs the other way ({@link #controlExpectsHolds()}) the sign
     * is flipped, so that a positive margin again means "bit by this much". NaN where the row has no numbers.
     */
    public double margin() {
        double m;
        if (!Double.isNaN(windowLow)) {
            if (observed < windowLow) {
                m = (windowLow - observed) / Math.abs(windowLow);
            } else if (observed > windowHigh) {
                m = (observed - windowHigh) / Math.abs(windowHigh);
            } else {
                m = -Math.min((observed - windowLow) / Math.abs(windowLow), (windowHigh - observed)
                        / Math.abs(windowHigh));
            }
        } else {
            m = (observed - bound) / Math.abs(bound);
        }
        return role == Role.CONTROL && controlExpectsHolds ? -m : m;
    }

    /** The statement of this claim from the catalogue. */
    public String statement() {
        return ClaimCatalog.statement(id);
    }

    public Verdict withSeconds(double s) {
        return new Verdict(id, kind, role, check, key, hypothesisMet, observed, bound, slack, windowLow, windowHigh,
                holds, seed, sizes, backend, activation, tolerance, detail, finding, measurements, error,
                controlExpectsHolds, s);
    }

    public Verdict withBackend(String b) {
        return new Verdict(id, kind, role, check, key, hypothesisMet, observed, bound, slack, windowLow, windowHigh,
                holds, seed, sizes, b, activation, tolerance, detail, finding, measurements, error,
                controlExpectsHolds, seconds);
    }

    /** The criterion this row was judged by. */
    public Criterion criterion() {
        return new Criterion(id, key, role);
    }

    /** An error row for a check that threw: the report shows it instead of crashing. */
    public static Verdict error(String id, String check, long seed, String backend, Throwable e) {
        String msg = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new Verdict(id, ClaimCatalog.kind(id), Role.CLAIM, check, "error", false, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, false, seed, Map.of(), backend, "", Double.NaN, "check threw", "",
                Map.of(), msg.replace('\n', ' '), false, 0.0);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder for one row judged by {@code c}: its claim ID, key and role. */
    public static Builder builder(Criterion c) {
        Builder b = new Builder(c.id());
        b.key = c.key();
        b.role = c.role();
        return b;
    }

    /**
     * Builds a verdict; kind defaults to the catalogue's, slack to observed/bound, holds to windowLow &lt;= observed &lt;=
     * windowHigh where a window is set and to observed &lt;= bound otherwise.
     */
    public static final class Builder {
        private final String id;
        private ClaimKind kind;
        private Role role = Role.CLAIM;
        private String check = "";
        private boolean hypothesisMet = true;
        private double observed = Double.NaN;
        private double bound = Double.NaN;
        private Double slack;
        private double windowLow = Double.NaN;
        private double windowHigh = Double.NaN;
        private Boolean holds;
        private long seed;
        private final Map<String, Object> sizes = new LinkedHashMap<>();
        private String backend = "";
        private String activation = "";
        private double tolerance = Double.NaN;
        private String detail = "";
        private String finding = "";
        private String key = "";
        private boolean controlExpectsHolds;
        private final Map<String, Double> measurements = new TreeMap<>();

        private Builder(String id) {
            this.id = id;
            this.kind = ClaimCatalog.kind(id);
        }

        public Builder kind(ClaimKind k) { this.kind = k; return this; }
        public Builder control() { this.role = Role.CONTROL; return this; }
        public Builder role(Role r) { this.role = r; return this; }
        /** A short name of what was checked, e.g. "risk decay, nonlinear flow" or "rate x8 control". */
        public Builder check(String c) { this.check = c; return this; }
        public Builder hypothesisMet(boolean h) { this.hypothesisMet = h; return this; }
        public Builder observed(double o) { this.observed = o; return this; }
        public Builder bound(double b) { this.bound = b; return this; }
        public Builder slack(double s) { this.slack = s; return this; }
        public Builder window(double lo, double hi) { this.windowLow = lo; this.windowHigh = hi; return this; }
        public Builder holds(boolean h) { this.holds = h; return this; }
        public Builder seed(long s) { this.seed = s; return this; }
        public Builder size(String name, Object value) { this.sizes.put(name, value); return this; }
        public Builder backend(String b) { this.backend = b; return this; }
        public Builder activation(String a) { this.activation = a; return this; }
        public Builder tolerance(double t) { this.tolerance = t; return this; }
        public Builder detail(String d) { this.detail = d; return this; }
        /** The isolated cause of a violation and the ablation or derivation that shows it (Trust rule 4). */
        public Builder finding(String f) { this.finding = f; return this; }
        /** The criterion's camelCase key, unique within the claim ID. */
        public Builder key(String k) { this.key = k; return this; }
        /**
         * For a claim found false as stated, the control runs the other way (Trust rule 2): it bites when the same
         * check reports "holds" on the instance where the theory says it must.
         */
        public Builder controlExpectsHolds() { this.controlExpectsHolds = true; return this; }
        /** Seed, sizes, backend and activation of the instance the row was measured on. */
        public Builder at(Provenance p) {
            this.seed = p.seed();
            p.sizes().forEach(this.sizes::put);
            this.backend = p.backend();
            this.activation = p.activation();
            return this;
        }
        public Builder measure(String name, double v) { this.measurements.put(name, v); return this; }

        public Verdict build() {
            double s = slack != null ? slack : observed / bound;
            boolean h;
            if (holds != null) {
                h = holds;
            } else if (!Double.isNaN(windowLow)) {   // a window decides for every kind (PWR-2, LAZY-10 had read it as <= bound)
                h = observed >= windowLow && observed <= windowHigh;
            } else {
                h = observed <= bound;
            }
            return new Verdict(id, kind, role, check, key, hypothesisMet, observed, bound, s, windowLow, windowHigh, h,
                    seed, sizes, backend, activation, tolerance, detail, finding, measurements, null,
                    controlExpectsHolds, 0.0);
        }
    }
}
