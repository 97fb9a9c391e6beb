package io.github.theorybench.parity;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The claims × backends matrix (issue 20), computed from the runs alone (no I/O). Rows of different backends are the
 * same row when they share claim ID, criterion (the {@link Verdict#key()}, or the display label {@code check} for a
 * check not yet converted to criteria), role, seed and sizes; a criterion applied several times to one instance is
 * told apart by its occurrence (1st, 2nd, … in the check's order). The reference is the OpenBLAS run when there is one.
 */
public final class ParityMatrix {
    /** The backend every other is compared with. */
    public static final String REFERENCE = "openblas";

    /**
     * A status difference is <em>borderline</em> when the row's statistic lies within this relative distance of its
     * threshold on both backends (|{@link Verdict#margin()}| ≤ 1e-3): the backends' round-off, not the claim, decides
     * the side. Anything else is <em>open</em> unless {@link ParityNotes} explains it.
     */
    public static final double BORDERLINE_MARGIN = 1e-3;

    /** How a row is matched across backends. */
    public record RowKey(String id, String criterion, boolean keyed, Verdict.Role role, long seed, String sizes,
            int occurrence) {
        /** "ID criterion (role) seed s sizes {...}", with "#k" for the k-th occurrence (k ≥ 2). */
        public String label() {
            return id + " " + criterion + (keyed ? "" : " (label)") + " (" + role.label() + "), seed " + seed
                    + (sizes.equals("{}") ? "" : ", " + sizes) + (occurrence > 1 ? " #" + occurrence : "");
        }

        /** "ID/criterion", how {@link ParityNotes} names a row's criterion. */
        public String criterionName() {
            return id + "/" + criterion;
        }
    }

    /** One backend's row: the verdict, or null with the reason it is missing (e.g. the check threw there). */
    public record Cell(Verdict verdict, String missing) {
        public Verdict.Status status() {
            return verdict == null ? null : verdict.status();
        }

        public double observed() {
            return verdict == null ? Double.NaN : verdict.observed();
        }
    }

    /** A row of every backend, cells in backend order, and each cell's relative difference from the reference. */
    public record Row(RowKey key, List<Cell> cells, double[] relDiff) {
        public boolean statusesEqual() {
            Verdict.Status first = cells.get(0).status();
            return first != null && cells.stream().allMatch(c -> c.status() == first);
        }
    }

    /** A row whose status on {@code backend} differs from the reference's, and why. */
    public record Difference(Row row, String backend, int backendIndex, String explanation, boolean open) {
    }

    /** One claim ID across backends: status counts per backend, the largest relative difference, differing rows. */
    public record ClaimLine(String id, List<Map<Verdict.Status, Integer>> counts, double[] maxRelDiff,
            int[] differingRows) {
    }

    private final List<BackendRun> runs;
    private final int reference;
    private final List<Row> rows;
    private final List<Difference> differences;
    private final List<ClaimLine> claims;

    private ParityMatrix(List<BackendRun> runs, int reference, List<Row> rows, List<Difference> differences,
            List<ClaimLine> claims) {
        this.runs = runs;
        this.reference = reference;
        this.rows = rows;
        this.differences = differences;
        this.claims = claims;
    }

    public List<BackendRun> runs() {
        return runs;
    }

    public int referenceIndex() {
        return reference;
    }

    public String referenceName() {
        return runs.get(reference).backend();
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Difference> differences() {
        return differences;
    }

    public List<ClaimLine> claims() {
        return claims;
    }

    /** Rows whose statuses are equal on every backend. */
    public long equalRows() {
        return rows.stream().filter(Row::statusesEqual).count();
    }

    public long openDifferences() {
        return differences.stream().filter(Difference::open).count();
    }

    public static ParityMatrix of(List<BackendRun> runs) {
        return of(runs, ParityNotes.NOTES);
    }

    /** The matrix of {@code runs} (at least one), explaining differences with {@code notes} ("ID/criterion" → text). */
    public static ParityMatrix of(List<BackendRun> runs, Map<String, String> notes) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("parity needs at least one backend run");
        }
        int ref = 0;
        for (int b = 0; b < runs.size(); b++) {
            if (runs.get(b).backend().equals(REFERENCE)) {
                ref = b;
            }
        }
        List<Map<RowKey, Verdict>> keyed = runs.stream().map(r -> index(r.verdicts())).toList();
        Set<RowKey> order = new LinkedHashSet<>(keyed.get(ref).keySet());
        keyed.forEach(m -> order.addAll(m.keySet()));
        List<Row> rows = new ArrayList<>();
        for (RowKey k : order) {
            List<Cell> cells = new ArrayList<>();
            for (int b = 0; b < runs.size(); b++) {
                Verdict v = keyed.get(b).get(k);
                cells.add(new Cell(v, v != null ? "" : missingReason(runs.get(b), k.id())));
            }
            double[] rel = new double[cells.size()];
            for (int b = 0; b < cells.size(); b++) {
                rel[b] = relativeDifference(cells.get(b).observed(), cells.get(ref).observed());
            }
            rows.add(new Row(k, List.copyOf(cells), rel));
        }
        List<Difference> diffs = differences(runs, ref, rows, notes);
        return new ParityMatrix(List.copyOf(runs), ref, List.copyOf(rows), diffs, claimLines(runs.size(), rows, diffs));
    }

    /** Each verdict under its row key, in the run's order. */
    static Map<RowKey, Verdict> index(List<Verdict> verdicts) {
        Map<RowKey, Verdict> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();   // occurrence counts only: iteration order never used
        for (Verdict v : verdicts) {
            boolean keyed = !v.key().isEmpty();
            String criterion = keyed ? v.key() : v.check();
            String sizes = new TreeMap<>(v.sizes()).toString();
            String base = v.id() + '\u0000' + criterion + '\u0000' + v.role() + '\u0000' + v.seed() + '\u0000' + sizes;
            int occurrence = seen.merge(base, 1, Integer::sum);
            out.put(new RowKey(v.id(), criterion, keyed, v.role(), v.seed(), sizes, occurrence), v);
        }
        return out;
    }

    private static String missingReason(BackendRun run, String id) {
        return run.verdicts().stream().filter(v -> v.id().equals(id) && v.error() != null).findFirst()
                .map(v -> "the check threw on " + run.backend() + ": " + v.error())
                .orElse("no such row on " + run.backend());
    }

    /**
     * |x − ref| / |ref| (|x − ref| when ref = 0); 0 when both are equal or both NaN, +∞ when only one is NaN.
     */
    public static double relativeDifference(double x, double ref) {
        boolean nx = Double.isNaN(x), nr = Double.isNaN(ref);
        if (nx || nr) {
            return nx && nr ? 0.0 : Double.POSITIVE_INFINITY;
        }
        if (x == ref) {
            return 0.0;
        }
        return Math.abs(x - ref) / Math.max(Math.abs(ref), Double.MIN_NORMAL);
    }

    private static List<Difference> differences(List<BackendRun> runs, int ref, List<Row> rows,
            Map<String, String> notes) {
        List<Difference> out = new ArrayList<>();
        for (Row row : rows) {
            Cell r = row.cells().get(ref);
            for (int b = 0; b < runs.size(); b++) {
                Cell c = row.cells().get(b);
                if (b == ref || (c.status() != null && c.status() == r.status())) {
                    continue;
                }
                String note = notes.get(row.key().criterionName());
                String numbers = explain(runs.get(ref).backend(), r, runs.get(b).backend(), c, row.relDiff()[b]);
                boolean borderline = c.verdict() != null && r.verdict() != null && isBorderline(r.verdict(),
                        c.verdict());
                out.add(new Difference(row, runs.get(b).backend(), b, note == null ? numbers : note + " " + numbers,
                        note == null && !borderline));
            }
        }
        return List.copyOf(out);
    }

    /** Both backends met (or both missed) the hypothesis and lie within {@link #BORDERLINE_MARGIN} of the threshold. */
    static boolean isBorderline(Verdict ref, Verdict other) {
        return ref.error() == null && other.error() == null && ref.hypothesisMet() == other.hypothesisMet()
                && Math.abs(ref.margin()) <= BORDERLINE_MARGIN && Math.abs(other.margin()) <= BORDERLINE_MARGIN;
    }

    /** The numbers of one difference, in words. */
    static String explain(String refName, Cell ref, String name, Cell other, double relDiff) {
        if (other.verdict() == null || ref.verdict() == null) {
            return other.verdict() == null ? other.missing() : ref.missing();
        }
        Verdict r = ref.verdict(), o = other.verdict();
        if (o.error() != null || r.error() != null) {
            return "error: " + (o.error() != null ? name + ": " + o.error() : refName + ": " + r.error());
        }
        if (r.hypothesisMet() != o.hypothesisMet()) {
            return String.format(java.util.Locale.ROOT, "hypothesis met on %s: %s, on %s: %s; observed %s vs %s "
                    + "(relative difference %s)", refName, r.hypothesisMet(), name, o.hypothesisMet(),
                    obs(r.observed()), obs(o.observed()), relNum(relDiff));
        }
        boolean borderline = isBorderline(r, o);
        return String.format(java.util.Locale.ROOT, "observed %s on %s, %s on %s (relative difference %s); margin "
                + "beyond the threshold %s vs %s%s", obs(r.observed()), refName, obs(o.observed()), name, relNum(relDiff),
                num(r.margin()), num(o.margin()), borderline ? ": borderline (both within "
                        + num(BORDERLINE_MARGIN) + " of the threshold, round-off decides the side)" : "");
    }

    static String num(double v) {
        return io.github.theorybench.claims.support.NumberText.sig3(v);
    }

    /** An observed value: six significant digits, so values that differ in round-off still read apart. */
    static String obs(double v) {
        return io.github.theorybench.claims.support.NumberText.sig(v, 6);
    }

    /** A relative difference, in scientific notation (they span 1e-16 to 1). */
    static String relNum(double v) {
        return io.github.theorybench.claims.support.NumberText.sci(v, 2);
    }

    private static List<ClaimLine> claimLines(int backends, List<Row> rows, List<Difference> diffs) {
        Set<String> ids = new LinkedHashSet<>();
        ClaimCatalog.entries().forEach(e -> ids.add(e.id()));
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> present.add(r.key().id()));
        ids.retainAll(present);
        ids.addAll(present);   // IDs outside the catalogue (none expected) go last
        List<ClaimLine> out = new ArrayList<>();
        for (String id : ids) {
            List<Map<Verdict.Status, Integer>> counts = new ArrayList<>();
            double[] max = new double[backends];
            int[] differing = new int[backends];
            for (int b = 0; b < backends; b++) {
                Map<Verdict.Status, Integer> c = new java.util.EnumMap<>(Verdict.Status.class);
                for (Row r : rows) {
                    if (r.key().id().equals(id)) {
                        Verdict.Status s = r.cells().get(b).status();
                        if (s != null) {
                            c.merge(s, 1, Integer::sum);
                        }
                        if (r.cells().get(b).verdict() != null && r.relDiff()[b] > max[b]) {
                            max[b] = r.relDiff()[b];
                        }
                    }
                }
                counts.add(c);
                final int bb = b;
                differing[b] = (int) diffs.stream().filter(d -> d.backendIndex() == bb
                        && d.row().key().id().equals(id)).count();
            }
            out.add(new ClaimLine(id, counts, max, differing));
        }
        return List.copyOf(out);
    }
}
