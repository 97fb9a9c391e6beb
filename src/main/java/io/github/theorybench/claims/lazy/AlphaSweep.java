package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.dynamics.ScaledFlowPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What LAZY-10 measures: the nonlinear flow of one {@link LazyInstance} at α = c·α* for each c of a sweep (CLAIMS.md
 * LAZY-10), reduced to LAZY-1's decay comparison, LAZY-3's travel against its bound and the relative travel.
 *
 * @param provenance seed, sizes (with the c range), backend, activation
 * @param alphaStar the instance's α*
 * @param sigmaMin σ_min(J₀)
 * @param sigmaMax ‖J₀‖₂
 * @param beta β
 * @param w0Norm ‖W₀‖_F
 * @param tauMax the flows ran to τ = t·α²σ_min² = tauMax
 * @param points one entry per c, in sweep order (c descending from 1)
 * @param export the instance, for independent recomputation
 */
public record AlphaSweep(Provenance provenance, double alphaStar, double sigmaMin, double sigmaMax, double beta,
        double w0Norm, double tauMax, List<Point> points, Map<String, Object> export) {

    /**
     * One α of the sweep.
     *
     * @param c α/α*
     * @param alpha the scale
     * @param decay the risk against LAZY-1's bound R₀·exp(−t α²σ_min²/2)
     * @param maxTravel max_t ‖W(t) − W₀‖_F
     * @param finalTravel ‖W(T) − W₀‖_F
     * @param travelBound LAZY-3's bound sqrt(72 σ_max² R₀)/(α σ_min²)
     * @param finalRiskOverR0 R(T)/R₀
     */
    public record Point(double c, double alpha, DecayComparison decay, double maxTravel, double finalTravel,
            double travelBound, double finalRiskOverR0) {
        /** ‖W(T) − W₀‖_F/‖W₀‖_F. */
        public double relativeTravel(double w0Norm) {
            return finalTravel / w0Norm;
        }
    }

    /** Integrates the nonlinear flow of {@code inst} at each c·α*. */
    static AlphaSweep measure(LazyInstance inst, List<Double> cs, double tauMax, int points,
            java.util.function.Consumer<String> progress) {
        List<Point> out = new ArrayList<>();
        for (double c : cs) {
            double alpha = c * inst.alphaStar();
            progress.accept(io.github.theorybench.claims.support.NumberText.format("LAZY-10 c = %.0e (alpha = %.3g)",
                    c, alpha));
            ScaledFlowPath p = ScaledFlowPath.integrate(inst.flow(alpha, false),
                    LazyFlowRun.times(alpha, inst.sigmaMin(), tauMax, points));
            out.add(new Point(c, alpha, LazyFlowRun.decay(p, inst.r0(), inst.decayRate(alpha)), p.maxTravel(),
                    p.finalTravel(), inst.travelBound(alpha), p.finalRisk() / inst.r0()));
        }
        Provenance prov = inst.provenance().withSize("c", cs.get(cs.size() - 1) + "..1");
        return new AlphaSweep(prov, inst.alphaStar(), inst.sigmaMin(), inst.sigmaMax(), inst.beta(),
                inst.w0().frobeniusNorm(), tauMax, out, inst.export(inst.alphaStar()));
    }

    public double[] alphas() {
        return points.stream().mapToDouble(Point::alpha).toArray();
    }

    public double[] relativeTravels() {
        return points.stream().mapToDouble(p -> p.relativeTravel(w0Norm)).toArray();
    }
}
