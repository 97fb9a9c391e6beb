package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.NumberText;
import io.github.theorybench.dynamics.ScaledFlowPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What LAZY-10 measures: the nonlinear flow of one {@link LazyInstance} at α = c·α* for each c of a sweep (CLAIMS.md
 * LAZY-10), reduced to LAZY-1's decay comparison, LAZY-3's travel against its bound, the proof's ball and the relative
 * travel; and the control: the same flows on the same X, y, W₀ with random outer signs (f(W₀) ≠ 0, so R₀ grows like
 * α² and the travel stops falling like 1/α), at the control's c.
 *
 * @param provenance seed, sizes (with the c range), backend, activation
 * @param alphaStar the instance's α*
 * @param sigmaMin σ_min(J₀) (the same for both sign patterns: J₀J₀ᵀ depends on s only through s_j² = 1)
 * @param sigmaMax ‖J₀‖₂
 * @param beta β
 * @param w0Norm ‖W₀‖_F
 * @param yNorm ‖y‖
 * @param f0Norm ‖f(W₀)‖ of the antisymmetric init (round-off)
 * @param controlF0Norm ‖f(W₀)‖ with the control's random signs
 * @param tauMax the flows ran to τ = t·α²σ_min² = tauMax
 * @param points one entry per c, in sweep order (c descending from 1)
 * @param control the control's entries (random signs), in sweep order
 * @param export the instance, for independent recomputation
 */
public record AlphaSweep(Provenance provenance, double alphaStar, double sigmaMin, double sigmaMax, double beta,
        double w0Norm, double yNorm, double f0Norm, double controlF0Norm, double tauMax, List<Point> points,
        List<Point> control, Map<String, Object> export) {

    /**
     * One α of the sweep.
     *
     * @param c α/α*
     * @param alpha the scale
     * @param decay the risk against LAZY-1's bound R₀·exp(−t α²σ_min²/2), R₀ = ½‖αf(W₀) − y‖²
     * @param maxTravel max_t ‖W(t) − W₀‖_F
     * @param finalTravel ‖W(T) − W₀‖_F
     * @param travelBound LAZY-3's bound sqrt(72 σ_max² R₀)/(α σ_min²)
     * @param travelOverRadius max_t ‖W(t) − W₀‖_F/(σ_min/(2β)) (the proof's ball)
     * @param finalRiskOverR0 R(T)/R₀
     */
    public record Point(double c, double alpha, DecayComparison decay, double maxTravel, double finalTravel,
            double travelBound, double travelOverRadius, double finalRiskOverR0) {
        /** ‖W(T) − W₀‖_F/‖W₀‖_F. */
        public double relativeTravel(double w0Norm) {
            return finalTravel / w0Norm;
        }

        static Point measure(LazyInstance inst, double c, double alpha, double tauMax, int points) {
            ScaledFlowPath p = ScaledFlowPath.integrate(inst.flow(alpha, false),
                    LazyFlowRun.times(alpha, inst.sigmaMin(), tauMax, points));
            double r0 = inst.r0(alpha);
            LazyConstants k = new LazyConstants(alpha, inst.alphaStar(alpha), inst.sigmaMin(), inst.sigmaMax(),
                    inst.beta(), r0);
            return new Point(c, alpha, LazyFlowRun.decay(p, r0, k.decayRate()), p.maxTravel(), p.finalTravel(),
                    k.travelBound(), p.maxTravel() / k.radius(), p.finalRisk() / r0);
        }
    }

    /** Integrates the nonlinear flow of {@code inst} at each c·α*, and of its random-sign ablation at each control c. */
    static AlphaSweep measure(LazyInstance inst, List<Double> cs, List<Double> controlCs, double tauMax, int points,
            Consumer<String> progress) {
        List<Point> out = new ArrayList<>();
        for (double c : cs) {
            double alpha = c * inst.alphaStar();
            progress.accept(NumberText.format("LAZY-10 c = %.0e (alpha = %.3g)", c, alpha));
            out.add(Point.measure(inst, c, alpha, tauMax, points));
        }
        LazyInstance ablation = inst.withAblationSigns();
        List<Point> control = new ArrayList<>();
        for (double c : controlCs) {
            double alpha = c * inst.alphaStar();
            progress.accept(NumberText.format("LAZY-10 control (random signs) c = %.0e (alpha = %.3g)", c, alpha));
            control.add(Point.measure(ablation, c, alpha, tauMax, points));
        }
        Provenance prov = inst.provenance().withSize("c", cs.get(cs.size() - 1) + "..1");
        return new AlphaSweep(prov, inst.alphaStar(), inst.sigmaMin(), inst.sigmaMax(), inst.beta(),
                inst.w0().frobeniusNorm(), inst.yNorm(), inst.f0Norm(), ablation.f0Norm(), tauMax, out, control,
                inst.export(inst.alphaStar()));
    }

    static double[] alphas(List<Point> ps) {
        return ps.stream().mapToDouble(Point::alpha).toArray();
    }

    double[] relativeTravels(List<Point> ps) {
        return ps.stream().mapToDouble(p -> p.relativeTravel(w0Norm)).toArray();
    }

    /** The largest α of the sweep. */
    double alphaMax() {
        return points.stream().mapToDouble(Point::alpha).max().orElse(Double.NaN);
    }
}
