package io.github.theorybench.model.sensing;

import io.github.theorybench.dynamics.GradientDescent;
import io.github.theorybench.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * K factorized iterates descending on one sensing loss together, as one {@link GradientDescent} iterate: member k is
 * U_k (symmetric, L = ¼‖𝒜(UUᵀ) − y‖²) or the pair (U_k, V_k) (asymmetric, L = ½‖𝒜(UVᵀ) − y‖²). One batched
 * evaluation ({@link FactorizedSensing.BatchForm}: one or two GEMMs with the operator) serves every member still
 * running, which is what makes PWR-1, 2, 4-6's dozens of paths on one operator cheap.
 * <p>As a gradient (the {@link GradientDescent.Evaluation#gradient()} of a batch) the same record carries each
 * member's loss at the point it was evaluated in {@code losses}; frozen members have null gradients and a NaN loss.
 *
 * @param u the U factors (or their gradients)
 * @param v the V factors (or their gradients); null in the symmetric case
 * @param losses per-member losses when this batch is a gradient; null for an iterate
 */
public record FactorBatch(List<DenseMatrix> u, List<DenseMatrix> v, double[] losses) {
    public FactorBatch {
        u = Collections.unmodifiableList(new ArrayList<>(u));
        v = v == null ? null : Collections.unmodifiableList(new ArrayList<>(v));
        if (v != null && v.size() != u.size()) {
            throw new IllegalArgumentException(u.size() + " U factors but " + v.size() + " V factors");
        }
    }

    /** A symmetric batch of iterates U_k. */
    public static FactorBatch symmetric(List<DenseMatrix> u) {
        return new FactorBatch(u, null, null);
    }

    /** An asymmetric batch of iterates (U_k, V_k). */
    public static FactorBatch asymmetric(List<DenseMatrix> u, List<DenseMatrix> v) {
        return new FactorBatch(u, v, null);
    }

    public int size() {
        return u.size();
    }

    public boolean isSymmetric() {
        return v == null;
    }

    /** Member k's U (its gradient ∇_U L when this batch is a gradient). */
    public DenseMatrix u(int k) {
        return u.get(k);
    }

    /** Member k's V; null in the symmetric case. */
    public DenseMatrix v(int k) {
        return v == null ? null : v.get(k);
    }

    /** Member k's loss when this batch is a gradient. */
    public double loss(int k) {
        return losses[k];
    }

    /**
     * Gradient descent on a {@link FactorBatch}: L(batch) is the sum of the running members' losses (so a member
     * whose loss becomes infinite or NaN stops the whole run as {@link GradientDescent.Stop#DIVERGED}); the update is
     * U_k ← U_k − η∇_U L (and V_k ← V_k − η∇_V L) for each running member. A check's step recorder decides when a
     * member is done and {@link #freeze}s it: from then on it is neither evaluated nor moved, and the run ends when
     * every member is frozen ({@link #allFrozen()} as the stop rule).
     */
    public static final class Descent implements GradientDescent.Problem<FactorBatch> {
        private final FactorizedSensing.BatchForm form;
        private final boolean[] frozen;
        private int running;

        /** Descent of {@code members} iterates evaluated by {@code form}. */
        public Descent(FactorizedSensing.BatchForm form, int members) {
            this.form = form;
            this.frozen = new boolean[members];
            this.running = members;
        }

        /** Member k is done: it keeps its current iterate and is no longer evaluated. */
        public void freeze(int k) {
            if (!frozen[k]) {
                frozen[k] = true;
                running--;
            }
        }

        public boolean frozen(int k) {
            return frozen[k];
        }

        public boolean allFrozen() {
            return running == 0;
        }

        /** The stop rule "every member is done". */
        public GradientDescent.StopRule<FactorBatch> whenAllFrozen() {
            return (t, x, e) -> allFrozen();
        }

        @Override
        public GradientDescent.Evaluation<FactorBatch> evaluate(FactorBatch x) {
            List<Integer> active = new ArrayList<>();
            List<DenseMatrix> us = new ArrayList<>(), vs = new ArrayList<>();
            for (int k = 0; k < x.size(); k++) {
                if (!frozen[k]) {
                    active.add(k);
                    us.add(x.u(k));
                    if (!x.isSymmetric()) {
                        vs.add(x.v(k));
                    }
                }
            }
            List<FactorizedSensing.Evaluation> ev = us.isEmpty() ? List.of()
                    : x.isSymmetric() ? form.symmetric(us) : form.asymmetric(us, vs);
            List<DenseMatrix> gu = new ArrayList<>(Collections.nCopies(x.size(), null));
            List<DenseMatrix> gv = x.isSymmetric() ? null : new ArrayList<>(Collections.nCopies(x.size(), null));
            double[] losses = new double[x.size()];
            java.util.Arrays.fill(losses, Double.NaN);
            double total = 0;
            for (int q = 0; q < active.size(); q++) {
                int k = active.get(q);
                losses[k] = ev.get(q).loss();
                total += losses[k];
                gu.set(k, ev.get(q).gradU());
                if (gv != null) {
                    gv.set(k, ev.get(q).gradV());
                }
            }
            return new GradientDescent.Evaluation<>(total, new FactorBatch(gu, gv, losses));
        }

        @Override
        public FactorBatch step(FactorBatch x, FactorBatch gradient, double eta) {
            List<DenseMatrix> u = new ArrayList<>(x.u());
            List<DenseMatrix> v = x.isSymmetric() ? null : new ArrayList<>(x.v());
            for (int k = 0; k < x.size(); k++) {
                if (!frozen[k]) {
                    u.set(k, x.u(k).plusScaled(-eta, gradient.u(k)));     // U ← U − η∇_U L
                    if (v != null) {
                        v.set(k, x.v(k).plusScaled(-eta, gradient.v(k))); // V ← V − η∇_V L
                    }
                }
            }
            return new FactorBatch(u, v, null);
        }
    }
}
