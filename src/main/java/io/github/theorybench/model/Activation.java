package io.github.theorybench.model;

/**
 * Activations σ with σ′, σ″ and β₀ = sup|σ″| (CLAIMS.md, LAZY: the Lipschitz constant of σ′, used in
 * β = β₀·sqrt(Σ‖x_i‖⁴), LAZY-4). Bulk versions live in {@link ActivationKernels}.
 */
public enum Activation {
    /** tanh; σ′ = 1 − tanh², σ″ = −2 tanh (1 − tanh²); sup|σ″| = 4/(3√3) at tanh x = 1/√3. */
    TANH(4.0 / (3.0 * Math.sqrt(3.0))) {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            // 1 − tanh² x = 4e^{−2|x|}/(1 + e^{−2|x|})²: one exp, no cancellation for large |x|.
            double e = Math.exp(-2.0 * Math.abs(x));
            double q = 1.0 + e;
            return 4.0 * e / (q * q);
        }

        @Override
        public double secondDerivative(double x) {
            double t = Math.tanh(x);
            return -2.0 * t * (1.0 - t * t);
        }
    },
    /** softplus log(1 + eˣ); σ′ = logistic, σ″ = logistic (1 − logistic); sup|σ″| = 1/4 at x = 0. */
    SOFTPLUS(0.25) {
        @Override
        public double value(double x) {
            return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
        }

        @Override
        public double derivative(double x) {
            return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
        }

        @Override
        public double secondDerivative(double x) {
            double p = derivative(x);
            return p * (1.0 - p);
        }
    },
    /** ReLU max(x, 0); σ′ = 1[x > 0]; σ″ = 0 almost everywhere but σ′ is not Lipschitz: β₀ = +∞. */
    RELU(Double.POSITIVE_INFINITY) {
        @Override
        public double value(double x) {
            return x > 0 ? x : 0.0;
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1.0 : 0.0;
        }

        @Override
        public double secondDerivative(double x) {
            return 0.0;
        }
    };

    private final double beta0;

    Activation(double beta0) {
        this.beta0 = beta0;
    }

    public abstract double value(double x);

    public abstract double derivative(double x);

    public abstract double secondDerivative(double x);

    /** β₀ = sup_x |σ″(x)|, the Lipschitz constant of σ′ (+∞ for ReLU). */
    public double beta0() {
        return beta0;
    }

    public boolean isSmooth() {
        return Double.isFinite(beta0);
    }

    /** Parses "tanh", "softplus", "relu" (any case). */
    public static Activation parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; choose tanh, softplus or relu");
        }
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
