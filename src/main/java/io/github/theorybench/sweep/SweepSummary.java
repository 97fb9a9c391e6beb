package io.github.theorybench.sweep;

import io.github.theorybench.claims.Verdict;
import io.github.theorybench.claims.support.WilsonInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns seed blocks into one {@link CriterionSweep} per criterion, in claim order (the run's selection) and, within a
 * claim, in the order rows first appear. A pure function of the blocks: the same blocks give the same summary, however
 * they were produced.
 */
public final class SweepSummary {
    private SweepSummary() {
    }

    /** A criterion as the sweep counts it: claim ID, key (or display label), role. */
    record Key(String id, String name, String role, boolean keyed) {
    }

    public static List<CriterionSweep> summarize(SweepSpec spec, List<Block> blocks) {
        Map<Key, String> kinds = new LinkedHashMap<>();
        Map<Key, Set<String>> labels = new LinkedHashMap<>();
        for (Block b : blocks) {
            for (Block.Row r : b.rows()) {
                if (r.statusValue() != Verdict.Status.ERROR) {
                    Key k = new Key(r.id(), r.criterionName(), r.role(), !r.key().isEmpty());
                    kinds.putIfAbsent(k, r.kind());
                    labels.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(r.check());
                }
            }
        }
        List<Key> keys = new ArrayList<>(kinds.keySet());
        keys.sort(Comparator.comparingInt(k -> order(spec.ids(), k.id())));   // stable: first appearance within an ID
        List<CriterionSweep> out = new ArrayList<>();
        for (Key k : keys) {
            out.add(criterion(spec, blocks, k, kinds.get(k), List.copyOf(labels.get(k))));
        }
        return out;
    }

    private static int order(List<String> ids, String id) {
        int i = ids.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static CriterionSweep criterion(SweepSpec spec, List<Block> blocks, Key k, String kind,
            List<String> checks) {
        StringBuilder letters = new StringBuilder();
        int successes = 0, trials = 0, na = 0, absent = 0, errors = 0;
        List<Long> seeds = new ArrayList<>();
        List<Block.Row> counted = new ArrayList<>();
        CriterionSweep.Worst worst = null;
        for (Block b : blocks) {
            List<Block.Row> rows = b.rows().stream().filter(r -> matches(r, k)).toList();
            BlockOutcome o = outcome(k, rows, erred(b, k.id()));
            seeds.add(b.seed());
            letters.append(o.letter());
            switch (o) {
                case NOT_APPLICABLE -> na++;
                case ABSENT -> absent++;
                case ERROR -> errors++;
                default -> { }
            }
            if (o.counted()) {
                trials++;
                successes += o.success() ? 1 : 0;
                rows.stream().filter(SweepSummary::tested).forEach(counted::add);
                CriterionSweep.Worst w = worstOf(spec, k, b.seed(), o, rows);
                worst = worst == null || worse(k, w, worst) ? w : worst;
            }
        }
        WilsonInterval ci = trials == 0 ? null : WilsonInterval.of95(successes, trials);
        return new CriterionSweep(k.id(), k.name(), k.keyed(), k.role(), kind, checks, seeds, letters.toString(),
                successes, trials, na, absent, errors, ci, statistic(k, counted), worst,
                mark(k, successes, trials));
    }

    private static boolean matches(Block.Row r, Key k) {
        return r.statusValue() != Verdict.Status.ERROR && r.id().equals(k.id()) && r.role().equals(k.role())
                && r.criterionName().equals(k.name());
    }

    private static boolean erred(Block b, String id) {
        return b.rows().stream().anyMatch(r -> r.id().equals(id) && r.statusValue() == Verdict.Status.ERROR);
    }

    /** A row that tested something: not an error, and for a claim row, its hypothesis met. */
    static boolean tested(Block.Row r) {
        return r.statusValue() != Verdict.Status.ERROR && r.statusValue() != Verdict.Status.HYPOTHESIS_NOT_MET;
    }

    /** The rules of {@link BlockOutcome}. */
    static BlockOutcome outcome(Key k, List<Block.Row> rows, boolean erred) {
        if (rows.isEmpty()) {
            return erred ? BlockOutcome.ERROR : BlockOutcome.ABSENT;
        }
        if (k.role().equals(Verdict.Role.CONTROL.label())) {
            return rows.stream().allMatch(r -> r.statusValue() == Verdict.Status.CONTROL_BIT) ? BlockOutcome.PASS
                    : BlockOutcome.FAIL;
        }
        if (k.role().equals(Verdict.Role.EXPLORATORY.label())) {
            return rows.stream().allMatch(Block.Row::holds) ? BlockOutcome.PASS : BlockOutcome.FAIL;
        }
        List<Block.Row> met = rows.stream().filter(Block.Row::hypothesisMet).toList();
        if (met.isEmpty()) {
            return BlockOutcome.NOT_APPLICABLE;
        }
        return met.stream().allMatch(r -> r.statusValue() == Verdict.Status.HOLDS) ? BlockOutcome.PASS
                : BlockOutcome.FAIL;
    }

    private static boolean isControl(Key k) {
        return k.role().equals(Verdict.Role.CONTROL.label());
    }

    /**
     * A block's worst row: for a claim (or exploratory) criterion the largest margin (closest to, or furthest into,
     * violation), for a control the smallest (weakest bite). NaN margins rank last.
     */
    private static CriterionSweep.Worst worstOf(SweepSpec spec, Key k, long seed, BlockOutcome o,
            List<Block.Row> rows) {
        Block.Row w = null;
        for (Block.Row r : rows) {
            if (tested(r) && (w == null || worseMargin(k, r.margin(), w.margin()))) {
                w = r;
            }
        }
        String rerun = "bin/theorybench claims --only " + k.id() + " --seed " + seed + " --backend " + spec.backend()
                + (spec.quick() ? " --quick" : "");
        return w == null ? new CriterionSweep.Worst(seed, o, Double.NaN, Double.NaN, rerun)
                : new CriterionSweep.Worst(seed, o, w.margin(), w.observed(), rerun);
    }

    private static boolean worseMargin(Key k, double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return isControl(k) ? a < b : a > b;
    }

    /** Whether block worst {@code a} is worse than {@code b}: a failure first, then by margin; ties keep the earlier. */
    private static boolean worse(Key k, CriterionSweep.Worst a, CriterionSweep.Worst b) {
        if (a.outcome().success() != b.outcome().success()) {
            return !a.outcome().success();
        }
        return worseMargin(k, a.margin(), b.margin());
    }

    private static String mark(Key k, int successes, int trials) {
        if (k.role().equals(Verdict.Role.EXPLORATORY.label())) {
            return "";
        }
        String what = isControl(k) ? "flagged in" : "power";
        List<String> why = new ArrayList<>();
        if (trials == 0) {
            return "no block tested it";
        }
        double rate = (double) successes / trials;
        if (rate < CriterionSweep.REQUIRED_RATE) {
            why.add(String.format(java.util.Locale.ROOT, "%s %d/%d = %.1f%% < 95%%", what, successes, trials,
                    100 * rate));
        }
        if (trials < CriterionSweep.REQUIRED_BLOCKS) {
            why.add(trials + " blocks < 20");
        }
        return String.join("; ", why);
    }

    /** The values to plot: observed against a threshold every row shares, else margins against 0. */
    static CriterionSweep.Statistic statistic(Key k, List<Block.Row> rows) {
        Set<List<Double>> windows = new LinkedHashSet<>();
        Set<Double> bounds = new LinkedHashSet<>();
        for (Block.Row r : rows) {
            windows.add(List.of(r.windowLow(), r.windowHigh()));
            bounds.add(r.bound());
        }
        boolean oneWindow = windows.size() == 1 && !Double.isNaN(rows.get(0).windowLow());
        boolean oneBound = !oneWindow && windows.size() == 1 && bounds.size() == 1;
        boolean raw = oneWindow || oneBound || rows.stream().allMatch(r -> Double.isNaN(r.margin()));
        double[] v = rows.stream().mapToDouble(r -> raw ? r.observed() : r.margin()).toArray();
        boolean[] ok = new boolean[rows.size()];
        for (int i = 0; i < ok.length; i++) {
            Verdict.Status s = rows.get(i).statusValue();
            ok[i] = s == Verdict.Status.HOLDS || s == Verdict.Status.CONTROL_BIT
                    || (s == Verdict.Status.EXPLORATORY && rows.get(i).holds());
        }
        double[] finite = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        double min = finite.length == 0 ? Double.NaN : finite[0];
        double max = finite.length == 0 ? Double.NaN : finite[finite.length - 1];
        double med = finite.length == 0 ? Double.NaN : finite.length % 2 == 1 ? finite[finite.length / 2]
                : 0.5 * (finite[finite.length / 2 - 1] + finite[finite.length / 2]);
        Block.Row first = rows.isEmpty() ? null : rows.get(0);
        String name = raw ? "observed" : "margin";
        double bound = !raw ? 0.0 : oneBound ? first.bound() : Double.NaN;
        double lo = oneWindow ? first.windowLow() : Double.NaN, hi = oneWindow ? first.windowHigh() : Double.NaN;
        return new CriterionSweep.Statistic(name, v, ok, bound, lo, hi, min, med, max, v.length - finite.length);
    }
}
