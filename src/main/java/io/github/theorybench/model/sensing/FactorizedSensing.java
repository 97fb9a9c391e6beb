package io.github.theorybench.model.sensing;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The factorized sensing losses of 002 (CLAIMS.md BAL/PWR), with their gradients by GEMMs:
 * <ul>
 * <li>asymmetric: L(U, V) = ½‖𝒜(UVᵀ) − y‖² (convention ½), ∇_U L = 𝒜*(e) V, ∇_V L = 𝒜*(e)ᵀ U, e = 𝒜(UVᵀ) − y;</li>
 * <li>symmetric: L(U) = ¼‖𝒜(UUᵀ) − y‖² (convention ¼), ∇L = 𝒜*(e) U for symmetric A_i, so near U = 0 gradient
 * descent is U ← (I + μZ)U with Z = 𝒜*𝒜(XXᵀ) = 𝒜*(y) and no extra factor.</li>
 * </ul>
 */
public final class FactorizedSensing {
    private final MeasurementOperator op;
    private final double[] y;

    public FactorizedSensing(MeasurementOperator op, double[] y) {
        this.op = op;
        this.y = y.clone();
    }

    public MeasurementOperator operator() {
        return op;
    }

    public double[] labels() {
        return y.clone();
    }

    /** Loss value and gradients at one point. gradV is null in the symmetric case. */
    public record Evaluation(double loss, DenseMatrix gradU, DenseMatrix gradV) {
        public double gradientNormSquared() {
            double s = gradU.frobeniusNorm() * gradU.frobeniusNorm();
            if (gradV != null) {
                s += gradV.frobeniusNorm() * gradV.frobeniusNorm();
            }
            return s;
        }
    }

    private double[] residual(DenseMatrix product) {
        double[] e = op.apply(product);
        for (int i = 0; i < e.length; i++) {
            e[i] -= y[i];
        }
        return e;
    }

    /** L(U, V) = ½‖𝒜(UVᵀ) − y‖², ∇_U = 𝒜*(e)V, ∇_V = 𝒜*(e)ᵀU. */
    public Evaluation asymmetric(DenseMatrix u, DenseMatrix v) {
        Backend b = op.backend();
        DenseMatrix uvt = b.multiply(false, true, u, v).toDense();
        double[] e = residual(uvt);
        double loss = 0;
        for (double ei : e) {
            loss += 0.5 * ei * ei;
        }
        DenseMatrix g = op.adjoint(e);
        DenseMatrix gu = b.multiply(false, false, g, v).toDense();
        DenseMatrix gv = b.multiply(true, false, g, u).toDense();
        return new Evaluation(loss, gu, gv);
    }

    /** L(U) = ¼‖𝒜(UUᵀ) − y‖², ∇ = 𝒜*(e)U (A_i symmetric). */
    public Evaluation symmetric(DenseMatrix u) {
        Backend b = op.backend();
        double[] e = residual(b.multiply(false, true, u, u).toDense());
        double loss = 0;
        for (double ei : e) {
            loss += 0.25 * ei * ei;
        }
        return new Evaluation(loss, b.multiply(false, false, op.adjoint(e), u).toDense(), null);
    }

    /**
     * The Gram form of these losses for noiseless labels y = 𝒜(M*) (checked): with H = 𝔸ᵀ𝔸/n and δ = vec(P − M*),
     * ½‖𝒜(P) − y‖² = ½δᵀHδ and 𝒜*(𝒜(P) − y) = reshape(Hδ). A batch of K points costs one GEMM with the
     * d₁d₂ × d₁d₂ matrix H instead of two passes over the n × d₁d₂ stack 𝔸 per point (PWR-5/6 run dozens of GD
     * paths on one operator). Forming δ from P − M* directly keeps the loss accurate down to round-off.
     */
    public GramForm gramForm(DenseMatrix target) {
        requireLabelsOf(target, "Gram form");
        return new GramForm(op.backend(), op.gram(), target.copy());
    }

    /**
     * Evaluations of these losses at K points at once (PWR-1, 4-7 run dozens of gradient-descent paths on one
     * operator): each returns, per point, the same loss and gradients as {@link #asymmetric}/{@link #symmetric}.
     */
    public interface BatchForm {
        /** {@link FactorizedSensing#asymmetric} at the points (U_k, V_k). */
        List<Evaluation> asymmetric(List<DenseMatrix> us, List<DenseMatrix> vs);

        /** {@link FactorizedSensing#symmetric} at the points U_k. */
        List<Evaluation> symmetric(List<DenseMatrix> us);
    }

    /** The explicit methods applied point by point (two GEMVs with the n × d₁d₂ stack per point). */
    public BatchForm pointwise() {
        return new BatchForm() {
            @Override
            public List<Evaluation> asymmetric(List<DenseMatrix> us, List<DenseMatrix> vs) {
                List<Evaluation> out = new ArrayList<>(us.size());
                for (int k = 0; k < us.size(); k++) {
                    out.add(FactorizedSensing.this.asymmetric(us.get(k), vs.get(k)));
                }
                return out;
            }

            @Override
            public List<Evaluation> symmetric(List<DenseMatrix> us) {
                List<Evaluation> out = new ArrayList<>(us.size());
                for (DenseMatrix u : us) {
                    out.add(FactorizedSensing.this.symmetric(u));
                }
                return out;
            }
        };
    }

    /**
     * The batched form that reads less memory per step for noiseless labels y = 𝒜(M*): {@link #stackedForm} (one
     * pass over the n × d₁d₂ stack, {@link MeasurementOperator#normalRows}) when n &lt; d₁d₂, else {@link #gramForm}
     * (one pass over the d₁d₂ × d₁d₂ Gram matrix, after one SYRK to form it). With few points per step (PWR-5's
     * batches shrink to 2) a step costs one pass over the larger operand, whatever the flops.
     */
    public BatchForm batchForm(DenseMatrix target) {
        return op.measurements() < target.size() ? stackedForm(target) : gramForm(target);
    }

    /**
     * The explicit form batched for noiseless labels y = 𝒜(M*) (checked): with the rows of Δ (K × d₁d₂) being
     * vec(P_k − M*), the residuals are E = Δ𝔸ᵀ/√n and the adjoints 𝒜*(e_k) the rows of E𝔸/√n, computed block by block
     * of 𝔸's rows in one pass ({@link MeasurementOperator#normalRows}); the transposes are GEMM flags. Cheaper than
     * {@link #gramForm} when n &lt; d₁d₂ (PWR-5 at d₁ = d₂ = 40, n ≤ 1200), where the Gram matrix is larger than 𝔸
     * and would also cost a d₁d₂ × d₁d₂ SYRK to form.
     */
    public BatchForm stackedForm(DenseMatrix target) {
        requireLabelsOf(target, "batched forms");
        return new StackedForm(op, target.copy());
    }

    /** The batched forms hold for noiseless labels only: y = 𝒜(target) to 1e−12 relative. */
    private void requireLabelsOf(DenseMatrix target, String form) {
        double[] fromTarget = op.apply(target);
        double num = 0, den = 0;
        for (int i = 0; i < y.length; i++) {
            num += (fromTarget[i] - y[i]) * (fromTarget[i] - y[i]);
            den += y[i] * y[i];
        }
        if (!(num <= 1e-24 * den)) {
            throw new IllegalArgumentException(form + " needs y = A(target): relative mismatch "
                    + Math.sqrt(num / den));
        }
    }

    /** Rows vec(P_k − M*) of a K × d₁d₂ matrix: the residual directions of K points. */
    static DenseMatrix deltas(List<DenseMatrix> products, DenseMatrix target) {
        int k = products.size(), len = target.size();
        DenseMatrix delta = DenseMatrix.zeros(k, len);
        double[] dd = delta.data(), m = target.data();
        for (int j = 0; j < k; j++) {
            double[] p = products.get(j).data();
            for (int i = 0; i < len; i++) {
                dd[j * len + i] = p[i] - m[i];
            }
        }
        return delta;
    }

    /** Row j of a K × len matrix as a rows × cols matrix (a copy). */
    static DenseMatrix rowAsMatrix(double[] data, int j, int rows, int cols) {
        int len = rows * cols;
        double[] out = new double[len];
        System.arraycopy(data, j * len, out, 0, len);
        return DenseMatrix.wrap(rows, cols, out);
    }

    /** See {@link #stackedForm}. */
    static final class StackedForm implements BatchForm {
        private final MeasurementOperator op;
        private final DenseMatrix target;

        StackedForm(MeasurementOperator op, DenseMatrix target) {
            this.op = op;
            this.target = target;
        }

        /** Per point: the adjoint 𝒜*(e_k) and ‖e_k‖². */
        private List<DenseMatrix> adjoints(List<DenseMatrix> products, double[] squares) {
            double[] g = op.normalRows(deltas(products, target), squares);   // rows 𝒜*𝒜(P_k − M*), ‖𝒜(P_k − M*)‖²
            List<DenseMatrix> out = new ArrayList<>(products.size());
            for (int j = 0; j < products.size(); j++) {
                out.add(rowAsMatrix(g, j, target.rows(), target.cols()));
            }
            return out;
        }

        @Override
        public List<Evaluation> asymmetric(List<DenseMatrix> us, List<DenseMatrix> vs) {
            Backend b = op.backend();
            List<DenseMatrix> products = new ArrayList<>(us.size());
            for (int k = 0; k < us.size(); k++) {
                products.add(b.multiply(false, true, us.get(k), vs.get(k)).toDense());
            }
            double[] sq = new double[us.size()];
            List<DenseMatrix> g = adjoints(products, sq);
            List<Evaluation> out = new ArrayList<>(us.size());
            for (int k = 0; k < us.size(); k++) {
                out.add(new Evaluation(0.5 * sq[k], b.multiply(false, false, g.get(k), vs.get(k)).toDense(),
                        b.multiply(true, false, g.get(k), us.get(k)).toDense()));
            }
            return out;
        }

        @Override
        public List<Evaluation> symmetric(List<DenseMatrix> us) {
            Backend b = op.backend();
            List<DenseMatrix> products = new ArrayList<>(us.size());
            for (DenseMatrix u : us) {
                products.add(b.multiply(false, true, u, u).toDense());
            }
            double[] sq = new double[us.size()];
            List<DenseMatrix> g = adjoints(products, sq);
            List<Evaluation> out = new ArrayList<>(us.size());
            for (int k = 0; k < us.size(); k++) {
                out.add(new Evaluation(0.25 * sq[k], b.multiply(false, false, g.get(k), us.get(k)).toDense(), null));
            }
            return out;
        }
    }

    /** See {@link #gramForm}: batched evaluations of the same losses and gradients as the explicit methods. */
    public static final class GramForm implements BatchForm {
        private final Backend b;
        private final Matrix h;
        private final DenseMatrix target;

        private GramForm(Backend b, Matrix h, DenseMatrix target) {
            this.b = b;
            this.h = h;
            this.target = target;
        }

        /** Per point k: vec(𝒜*(e_k)) = row k of ΔH (rows of Δ are vec(P_k − M*), H symmetric) and ½δ_kᵀHδ_k. */
        private record Batch(List<DenseMatrix> adjoints, double[] halfSquares) {
        }

        private Batch batch(List<DenseMatrix> products) {
            int k = products.size(), len = target.size();
            DenseMatrix delta = DenseMatrix.zeros(k, len);
            double[] dd = delta.data(), m = target.data();
            for (int j = 0; j < k; j++) {
                double[] p = products.get(j).data();
                for (int i = 0; i < len; i++) {
                    dd[j * len + i] = p[i] - m[i];
                }
            }
            DenseMatrix g = b.multiply(false, false, b.adopt(delta), h).toDense();
            double[] gd = g.data(), half = new double[k];
            List<DenseMatrix> adjoints = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < len; i++) {
                    s += dd[j * len + i] * gd[j * len + i];
                }
                half[j] = 0.5 * s;
                double[] gj = new double[len];
                System.arraycopy(gd, j * len, gj, 0, len);
                adjoints.add(DenseMatrix.wrap(target.rows(), target.cols(), gj));
            }
            return new Batch(adjoints, half);
        }

        /** {@link FactorizedSensing#asymmetric} at K points: L = ½δᵀHδ, ∇_U = 𝒜*(e)V, ∇_V = 𝒜*(e)ᵀU. */
        public List<Evaluation> asymmetric(List<DenseMatrix> us, List<DenseMatrix> vs) {
            if (us.size() != vs.size()) {
                throw new IllegalArgumentException(us.size() + " U's but " + vs.size() + " V's");
            }
            List<DenseMatrix> products = new ArrayList<>(us.size());
            for (int k = 0; k < us.size(); k++) {
                products.add(b.multiply(false, true, us.get(k), vs.get(k)).toDense());
            }
            Batch bt = batch(products);
            List<Evaluation> out = new ArrayList<>(us.size());
            for (int k = 0; k < us.size(); k++) {
                DenseMatrix g = bt.adjoints().get(k);
                out.add(new Evaluation(bt.halfSquares()[k], b.multiply(false, false, g, vs.get(k)).toDense(),
                        b.multiply(true, false, g, us.get(k)).toDense()));
            }
            return out;
        }

        /** {@link FactorizedSensing#symmetric} at K points: L = ¼δᵀHδ, ∇ = 𝒜*(e)U. */
        public List<Evaluation> symmetric(List<DenseMatrix> us) {
            List<DenseMatrix> products = new ArrayList<>(us.size());
            for (DenseMatrix u : us) {
                products.add(b.multiply(false, true, u, u).toDense());
            }
            Batch bt = batch(products);
            List<Evaluation> out = new ArrayList<>(us.size());
            for (int k = 0; k < us.size(); k++) {
                out.add(new Evaluation(0.5 * bt.halfSquares()[k],
                        b.multiply(false, false, bt.adjoints().get(k), us.get(k)).toDense(), null));
            }
            return out;
        }
    }
}
