package io.github.theorybench.model;

import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.DenseMatrix;
import io.github.theorybench.linalg.Matrix;
import io.github.theorybench.linalg.Shapes;

/**
 * Two-layer net f(x; θ) = c Σ_{j=1..m} a_j σ(w_jᵀx) on a fixed data set X ∈ R^{n×d} (CLAIMS.md LAZY model; with
 * c = m^{−1/2} the NTK parametrization of NTK-2, LAZY-9). The first layer W ∈ R^{m×d} is always trained; with
 * {@code trainOuter} the outer weights a are parameters too (NTK-1), otherwise they are fixed signs s_j.
 *
 * <p>Parameter vector θ: W row-major (index j·d + k), then a when trained. Every quantity exists in an explicit
 * form (materialized J) and a structured one (see {@link TwoLayerKernels}); both are tested equal.
 * Inputs and outputs are neutral {@link DenseMatrix}; work happens in the backend's storage.
 */
public final class TwoLayerNet {
    private final Backend backend;
    private final DenseMatrix xDense;
    private final Matrix x;
    private final double[] outer;
    private final Activation activation;
    private final double outputScale;
    private final boolean trainOuter;
    private Matrix xxt;

    public TwoLayerNet(Backend backend, DenseMatrix x, double[] outer, Activation activation, double outputScale,
            boolean trainOuter) {
        Shapes.requireFinite("TwoLayerNet", "X", x);
        if (!Double.isFinite(outputScale)) {
            throw new IllegalArgumentException("TwoLayerNet: output scale must be finite, got " + outputScale);
        }
        this.backend = backend;
        this.xDense = x;
        this.x = backend.adopt(x);
        this.outer = outer.clone();
        this.activation = activation;
        this.outputScale = outputScale;
        this.trainOuter = trainOuter;
    }

    /** Fixed-sign net f = Σ s_j σ(w_jᵀx) (LAZY): c = 1, signs not trained. */
    public static TwoLayerNet withFixedSigns(Backend backend, DenseMatrix x, double[] signs, Activation act) {
        return new TwoLayerNet(backend, x, signs, act, 1.0, false);
    }

    public Backend backend() {
        return backend;
    }

    public DenseMatrix inputs() {
        return xDense;
    }

    public int n() {
        return xDense.rows();
    }

    public int d() {
        return xDense.cols();
    }

    public int m() {
        return outer.length;
    }

    public Activation activation() {
        return activation;
    }

    public double outputScale() {
        return outputScale;
    }

    public boolean trainsOuter() {
        return trainOuter;
    }

    public double[] outerWeights() {
        return outer.clone();
    }

    public int parameterCount() {
        return m() * d() + (trainOuter ? m() : 0);
    }

    private void requireWeights(DenseMatrix w) {
        if (w.rows() != m() || w.cols() != d()) {
            throw new IllegalArgumentException("TwoLayerNet: W must be " + m() + "x" + d() + " (m x d), got "
                    + w.shape());
        }
        Shapes.requireFinite("TwoLayerNet", "W", w);
    }

    private double[] scaledOuter() {
        double[] s = new double[outer.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = outputScale * outer[j];
        }
        return s;
    }

    private Matrix preactivations(DenseMatrix w) {
        requireWeights(w);
        Matrix p = backend.zeros(n(), m());
        TwoLayerKernels.preactivations(backend, x, backend.adopt(w), p);
        return p;
    }

    /** f(x_i; W) for every i: c Σ_j a_j σ(w_jᵀ x_i) = σ(X Wᵀ)(c a). */
    public double[] predictions(DenseMatrix w) {
        Matrix p = preactivations(w);
        Matrix s = backend.zeros(n(), m());
        ActivationKernels.apply(activation, false, p, scaledOuter(), s);
        double[] out = new double[n()];
        DenseMatrix sd = s.toDense();
        for (int i = 0; i < n(); i++) {
            double acc = 0;
            for (int j = 0, off = i * m(); j < m(); j++) {
                acc += sd.data()[off + j];
            }
            out[i] = acc;
        }
        return out;
    }

    /** D = c·a ⊙ σ′(X Wᵀ), n × m (backend storage). */
    public Matrix structuredFactor(DenseMatrix w) {
        Matrix p = preactivations(w);
        TwoLayerKernels.structuredFactor(activation, p, scaledOuter(), p);
        return p;
    }

    /** S = c·σ(X Wᵀ), n × m: ∂f(x_i)/∂a_j (NTK-1's second block). */
    private Matrix outerFeatures(DenseMatrix w) {
        Matrix p = preactivations(w);
        double[] c = new double[m()];
        java.util.Arrays.fill(c, outputScale);
        ActivationKernels.apply(activation, false, p, c, p);
        return p;
    }

    /** The explicit Jacobian ∂f(x_i)/∂θ, n × P (P = md, plus m with trained outer weights). */
    public DenseMatrix jacobianExplicit(DenseMatrix w) {
        Matrix dFactor = structuredFactor(w);
        Matrix jw = backend.zeros(n(), m() * d());
        TwoLayerKernels.jacobian(dFactor, x, jw);
        if (!trainOuter) {
            return jw.toDense();
        }
        DenseMatrix jwd = jw.toDense();
        DenseMatrix s = outerFeatures(w).toDense();
        DenseMatrix full = DenseMatrix.zeros(n(), parameterCount());
        int md = m() * d();
        for (int i = 0; i < n(); i++) {
            System.arraycopy(jwd.data(), i * md, full.data(), i * parameterCount(), md);
            System.arraycopy(s.data(), i * m(), full.data(), i * parameterCount() + md, m());
        }
        return full;
    }

    /** J Jᵀ from the materialized Jacobian. */
    public DenseMatrix gramExplicit(DenseMatrix w) {
        Matrix j = backend.adopt(jacobianExplicit(w));
        Matrix g = backend.zeros(n(), n());
        TwoLayerKernels.gramExplicit(backend, j, g);
        return g.toDense();
    }

    /** X Xᵀ, computed once per net. */
    public Matrix inputGram() {
        if (xxt == null) {
            xxt = backend.gram(false, x);
        }
        return xxt;
    }

    /**
     * J Jᵀ = (D Dᵀ) ⊙ (X Xᵀ) [+ S Sᵀ with trained outer weights: NTK-1's K₁ + K₂].
     */
    public DenseMatrix gramStructured(DenseMatrix w) {
        Matrix g = backend.zeros(n(), n());
        TwoLayerKernels.gramStructured(backend, structuredFactor(w), inputGram(), g);
        if (trainOuter) {
            backend.syrk(false, 1.0, outerFeatures(w), 1.0, g);
        }
        return g.toDense();
    }

    /** Jᵀ r from the materialized Jacobian, length P. */
    public double[] gradientExplicit(DenseMatrix w, double[] r) {
        requireResidual(r);
        Matrix j = backend.adopt(jacobianExplicit(w));
        Matrix g = backend.zeros(parameterCount(), 1);
        TwoLayerKernels.gradientExplicit(backend, j, backend.adopt(DenseMatrix.columnVector(r)), g);
        return g.toDense().data().clone();
    }

    /** Jᵀ r = (D ⊙ r)ᵀ X = Dᵀ (r ⊙ X) [then Sᵀ r for trained outer weights], length P. */
    public double[] gradientStructured(DenseMatrix w, double[] r) {
        requireResidual(r);
        Matrix dFactor = structuredFactor(w);
        Matrix g = backend.zeros(m(), d());
        TwoLayerKernels.gradientStructured(backend, dFactor, r, x, backend.zeros(n(), d()), g);
        double[] out = new double[parameterCount()];
        System.arraycopy(g.toDense().data(), 0, out, 0, m() * d());
        if (trainOuter) {
            Matrix ga = backend.zeros(m(), 1);
            backend.gemv(true, 1.0, outerFeatures(w), backend.adopt(DenseMatrix.columnVector(r)), 0.0, ga);
            System.arraycopy(ga.toDense().data(), 0, out, m() * d(), m());
        }
        return out;
    }

    /** J_W V for a first-layer direction V (m × d) from the materialized Jacobian: J vec(V), one GEMV. */
    public double[] jvpExplicit(DenseMatrix w, DenseMatrix v) {
        requireFirstLayerDirection(v);
        Matrix j = backend.adopt(jacobianExplicit(w));
        Matrix out = backend.zeros(n(), 1);
        backend.gemv(false, 1.0, j, backend.adopt(v.reshape(m() * d(), 1)), 0.0, out);
        return out.toDense().data().clone();
    }

    /** J_W V = ((X Vᵀ) ⊙ D) 1 for a first-layer direction V (m × d), structured (see TwoLayerKernels). */
    public double[] jvpStructured(DenseMatrix w, DenseMatrix v) {
        requireFirstLayerDirection(v);
        Matrix out = backend.zeros(n(), 1);
        TwoLayerKernels.jvpStructured(backend, structuredFactor(w), x, backend.adopt(v), backend.zeros(n(), m()),
                backend.adopt(ones(m())), out);
        return out.toDense().data().clone();
    }

    static DenseMatrix ones(int k) {
        double[] o = new double[k];
        java.util.Arrays.fill(o, 1.0);
        return DenseMatrix.columnVector(o);
    }

    private void requireFirstLayerDirection(DenseMatrix v) {
        if (trainOuter) {
            throw new IllegalArgumentException("TwoLayerNet: jvp is defined for the first layer only (fixed outer "
                    + "weights); this net trains the outer weights too");
        }
        requireWeights(v);
    }

    private void requireResidual(double[] r) {
        if (r.length != n()) {
            throw new IllegalArgumentException("TwoLayerNet: residual must have length n = " + n() + ", got "
                    + r.length);
        }
        for (int i = 0; i < r.length; i++) {
            if (!Double.isFinite(r[i])) {
                throw new IllegalArgumentException("TwoLayerNet: residual r[" + i + "] = " + r[i] + " is not finite");
            }
        }
    }
}
