package io.github.theorybench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The Hermite expansion of a function of x ~ N(0, I_d) in the tensor form of 002 ("Consider Hermite polynomials in
 * higher dimensions: S_1(x) = x, S_2(x) = xxᵀ − I, …"): S_t(x) is the order-t tensor with entries
 * S_t(x)_{i_1…i_t} = (−1)^t e^{‖x‖²/2} ∂_{i_1}⋯∂_{i_t} e^{−‖x‖²/2} = Π_j He_{α_j}(x_j), α_j the number of times j
 * occurs in (i_1, …, i_t) and He_k the probabilists' Hermite polynomials. Stein's lemma gives E[f S_t] = E[∇^t f], and
 * E[S_t ⊗ S_t] = t!·(the symmetrizer), so for f ∈ L²(γ)
 * <pre>f(x) = Σ_{t≥0} (1/t!) ⟨E[∇^t f], S_t(x)⟩      (⟨A, B⟩ = Σ_{i_1…i_t} A_{i_1…i_t} B_{i_1…i_t})</pre>
 * while the notes print Σ_{t≥1} ⟨E[f S_t], S_t(x)⟩ (CLAIMS.md DLS-6). Both are evaluated here by the literal
 * contraction over all d^t index tuples; expectations of polynomials are exact under the tensor-product Gauss–Hermite
 * rule with q nodes per coordinate whenever every coordinate's degree is ≤ 2q − 1.
 */
public final class HermiteExpansion {
    private HermiteExpansion() {
    }

    /**
     * A polynomial in d variables: Σ_k c_k Π_j x_j^{e_kj}.
     *
     * @param exponents one exponent vector (length d) per monomial
     * @param coefficients one coefficient per monomial
     */
    public record Polynomial(int d, int[][] exponents, double[] coefficients) {
        public Polynomial {
            if (exponents.length != coefficients.length) {
                throw new IllegalArgumentException(exponents.length + " monomials, " + coefficients.length
                        + " coefficients");
            }
            for (int[] e : exponents) {
                if (e.length != d) {
                    throw new IllegalArgumentException("exponent vector of length " + e.length + " in d = " + d);
                }
            }
        }

        /** Every monomial of total degree ≤ {@code degree} in d variables, in a fixed (graded lexicographic) order. */
        public static List<int[]> monomials(int d, int degree) {
            List<int[]> out = new ArrayList<>();
            for (int total = 0; total <= degree; total++) {
                collect(new int[d], 0, total, out);
            }
            return out;
        }

        private static void collect(int[] e, int j, int left, List<int[]> out) {
            if (j == e.length - 1) {
                e[j] = left;
                out.add(e.clone());
                return;
            }
            for (int k = left; k >= 0; k--) {
                e[j] = k;
                collect(e, j + 1, left - k, out);
            }
        }

        public double value(double[] x) {
            double s = 0;
            for (int k = 0; k < coefficients.length; k++) {
                double m = coefficients[k];
                for (int j = 0; j < d; j++) {
                    for (int p = 0; p < exponents[k][j]; p++) {
                        m *= x[j];
                    }
                }
                s += m;
            }
            return s;
        }

        /** The total degree (−1 for the zero polynomial). */
        public int degree() {
            int deg = -1;
            for (int k = 0; k < coefficients.length; k++) {
                if (coefficients[k] != 0) {
                    deg = Math.max(deg, Arrays.stream(exponents[k]).sum());
                }
            }
            return deg;
        }

        /** The largest exponent of any single variable. */
        public int maxCoordinateDegree() {
            int deg = 0;
            for (int k = 0; k < coefficients.length; k++) {
                if (coefficients[k] != 0) {
                    deg = Math.max(deg, Arrays.stream(exponents[k]).max().orElse(0));
                }
            }
            return deg;
        }

        /** ∂f/∂x_i, exactly. */
        public Polynomial derivative(int i) {
            List<int[]> e = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            for (int k = 0; k < coefficients.length; k++) {
                if (exponents[k][i] > 0 && coefficients[k] != 0) {
                    int[] ek = exponents[k].clone();
                    c.add(coefficients[k] * ek[i]);
                    ek[i]--;
                    e.add(ek);
                }
            }
            return new Polynomial(d, e.toArray(new int[0][]), c.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** He_k(z), the probabilists' Hermite polynomial: He_0 = 1, He_1 = z, He_{k+1} = z He_k − k He_{k−1}. */
    public static double hermite(int k, double z) {
        double prev = 1, cur = z;
        if (k == 0) {
            return 1;
        }
        for (int n = 1; n < k; n++) {
            double next = z * cur - n * prev;
            prev = cur;
            cur = next;
        }
        return cur;
    }

    /** α: how many times each coordinate occurs in the index tuple. */
    static int[] counts(int[] tuple, int d) {
        int[] a = new int[d];
        for (int i : tuple) {
            a[i]++;
        }
        return a;
    }

    /** S_t(x)_{i_1…i_t} = Π_j He_{α_j}(x_j). */
    public static double hermiteTensorEntry(int[] tuple, double[] x) {
        int[] a = counts(tuple, x.length);
        double s = 1;
        for (int j = 0; j < x.length; j++) {
            s *= hermite(a[j], x[j]);
        }
        return s;
    }

    /**
     * E over x ~ N(0, I_d) by the tensor-product Gauss–Hermite rule (Hipparchus' rule for the weight e^{−t²}, mapped
     * to N(0, 1) by x = √2·t, w → w/√π): exact for polynomials of degree ≤ 2q − 1 in each coordinate.
     */
    public static final class GaussianExpectation {
        private final int d;
        private final double[] nodes;
        private final double[] weights;

        public GaussianExpectation(int d, int q) {
            GaussIntegrator rule = new GaussIntegratorFactory().hermite(q);
            this.d = d;
            this.nodes = new double[q];
            this.weights = new double[q];
            for (int i = 0; i < q; i++) {
                nodes[i] = Math.sqrt(2) * rule.getPoint(i);
                weights[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
            }
        }

        public int nodesPerCoordinate() {
            return nodes.length;
        }

        /** Σ over the q^d grid of Π_j w_{k_j} · g(x_{k_1}, …, x_{k_d}). */
        public double expect(java.util.function.ToDoubleFunction<double[]> g) {
            int q = nodes.length;
            int[] k = new int[d];
            double[] x = new double[d];
            double s = 0;
            for (long n = 0, total = (long) Math.pow(q, d); n < total; n++) {
                long r = n;
                double w = 1;
                for (int j = 0; j < d; j++) {
                    k[j] = (int) (r % q);
                    r /= q;
                    x[j] = nodes[k[j]];
                    w *= weights[k[j]];
                }
                s += w * g.applyAsDouble(x);
            }
            return s;
        }
    }

    /**
     * The coefficient tensors of one polynomial, by multi-index α (entries of E[∇^t f] and E[f S_t] depend on the index
     * tuple only through α): computed once per α.
     */
    public static final class Coefficients {
        private final Polynomial f;
        private final GaussianExpectation e;
        private final Map<String, Double> derivative = new HashMap<>();
        private final Map<String, Double> stein = new HashMap<>();

        public Coefficients(Polynomial f, GaussianExpectation e) {
            this.f = f;
            this.e = e;
        }

        /** E[∂_{i_1}⋯∂_{i_t} f]. */
        public double expectedDerivative(int[] tuple) {
            int[] a = counts(tuple, f.d());
            return derivative.computeIfAbsent(Arrays.toString(a), key -> {
                Polynomial g = f;
                for (int j = 0; j < a.length; j++) {
                    for (int p = 0; p < a[j]; p++) {
                        g = g.derivative(j);
                    }
                }
                Polynomial h = g;
                return e.expect(h::value);
            });
        }

        /** E[f(x) S_t(x)_{i_1…i_t}]. */
        public double expectedTimesHermite(int[] tuple) {
            int[] a = counts(tuple, f.d());
            return stein.computeIfAbsent(Arrays.toString(a), key -> e.expect(x -> f.value(x)
                    * hermiteTensorEntry(tuple, x)));
        }
    }

    /** Calls {@code visit} with every index tuple in [d]^t (t = 0: the empty tuple once). */
    public static void forEachTuple(int d, int t, java.util.function.Consumer<int[]> visit) {
        int[] tuple = new int[t];
        for (long n = 0, total = (long) Math.pow(d, t); n < total; n++) {
            long r = n;
            for (int j = 0; j < t; j++) {
                tuple[j] = (int) (r % d);
                r /= d;
            }
            visit.accept(tuple);
        }
    }

    /** Σ_{t=0}^{T} (1/t!) ⟨E[∇^t f], S_t(x)⟩ (the corrected expansion, truncated at T = deg f where it is exact). */
    public static double corrected(Coefficients c, double[] x, int maxOrder) {
        double s = 0, factorial = 1;
        for (int t = 0; t <= maxOrder; t++) {
            factorial *= Math.max(1, t);
            double[] inner = {0};
            forEachTuple(x.length, t, tuple -> inner[0] += c.expectedDerivative(tuple) * hermiteTensorEntry(tuple, x));
            s += inner[0] / factorial;
        }
        return s;
    }

    /** Σ_{t=1}^{T} ⟨E[f S_t], S_t(x)⟩, the expansion as 002 prints it. */
    public static double printed(Coefficients c, double[] x, int maxOrder) {
        double s = 0;
        for (int t = 1; t <= maxOrder; t++) {
            double[] inner = {0};
            forEachTuple(x.length, t, tuple -> inner[0] += c.expectedTimesHermite(tuple)
                    * hermiteTensorEntry(tuple, x));
            s += inner[0];
        }
        return s;
    }
}
