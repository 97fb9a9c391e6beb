package io.github.theorybench.report;

import io.github.theorybench.claims.Verdict;

/**
 * How a row's {@code observed} stands against its threshold, as a reader needs it: "0.47 vs ≤ 1", "−0.50 vs [−0.6,
 * −0.4]". A verdict records observed, bound (or a window) and whether the rule held, but not the rule's direction:
 * most rows hold when observed ≤ bound, some when observed ≥ bound (a share that must reach 0.4, a ratio that must
 * stay above 1e−6). The direction is read back from the row itself — the one of the two that agrees with
 * {@code holds} — so the text and the margin never contradict the status. Rows whose numbers cannot say (a
 * hypothesis not met, an error, NaN) are {@link Direction#UNKNOWN} and shown as "vs".
 */
public final class Threshold {
    private Threshold() {
    }

    /** The rule a row's numbers imply. */
    public enum Direction {
        AT_MOST("≤"), AT_LEAST("≥"), WINDOW("in"), UNKNOWN("vs");

        private final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The direction of {@code v}'s rule, read from its numbers and {@code holds}. */
    public static Direction direction(Verdict v) {
        if (v.error() != null || (v.role() == Verdict.Role.CLAIM && !v.hypothesisMet())) {
            return Direction.UNKNOWN;
        }
        if (!Double.isNaN(v.windowLow()) || !Double.isNaN(v.windowHigh())) {
            return Direction.WINDOW;
        }
        double o = v.observed(), b = v.bound();
        if (Double.isNaN(o) || Double.isNaN(b)) {
            return Direction.UNKNOWN;
        }
        if (o == b) {
            return v.holds() ? Direction.AT_MOST : Direction.UNKNOWN;
        }
        boolean below = o < b;
        return below == v.holds() ? Direction.AT_MOST : Direction.AT_LEAST;
    }

    /**
     * How far the row's rule is from failing, relative to the threshold: positive = beyond it by that fraction
     * (violated), negative = inside with that much room. Same definition as {@link Verdict#margin()} for windows
     * and "≤" rules, mirrored for "≥" rules; not flipped for controls (a control's rule is meant to fail). NaN
     * where the numbers cannot say.
     */
    public static double margin(Verdict v) {
        return switch (direction(v)) {
            case AT_MOST -> (v.observed() - v.bound()) / Math.abs(v.bound());
            case AT_LEAST -> (v.bound() - v.observed()) / Math.abs(v.bound());
            case WINDOW -> windowMargin(v);
            case UNKNOWN -> Double.NaN;
        };
    }

    private static double windowMargin(Verdict v) {
        double o = v.observed(), lo = v.windowLow(), hi = v.windowHigh();
        if (Double.isNaN(o)) {
            return Double.NaN;
        }
        double below = Double.isFinite(lo) ? (lo - o) / Math.abs(lo) : Double.NEGATIVE_INFINITY;
        double above = Double.isFinite(hi) ? (o - hi) / Math.abs(hi) : Double.NEGATIVE_INFINITY;
        return Math.max(below, above);
    }

    /** The threshold as text: "≤ 1", "≥ 0.4", "in [−0.6, −0.4]", or "vs 1" when the direction is unknown. */
    public static String text(Verdict v) {
        Direction d = direction(v);
        if (d == Direction.WINDOW) {
            boolean lo = Double.isFinite(v.windowLow()), hi = Double.isFinite(v.windowHigh());
            if (lo != hi) {     // a half-open window is a one-sided rule: "≤ −0.4", not "in [–, −0.4]"
                return hi ? "≤ " + ClaimsMarkdown.fmt(v.windowHigh()) : "≥ " + ClaimsMarkdown.fmt(v.windowLow());
            }
            return "in [" + ClaimsMarkdown.fmt(v.windowLow()) + ", " + ClaimsMarkdown.fmt(v.windowHigh()) + "]";
        }
        if (Double.isNaN(v.bound())) {
            return "";
        }
        return d.symbol() + " " + ClaimsMarkdown.fmt(v.bound());
    }

    /** "observed vs threshold", e.g. "0.473 vs ≤ 1"; just the observed value where there is no threshold. */
    public static String observedAgainst(Verdict v) {
        String t = text(v);
        String o = ClaimsMarkdown.fmt(v.observed());
        if (t.isEmpty()) {
            return o;
        }
        return t.startsWith("vs") ? o + " " + t : o + " vs " + t;
    }
}
