package io.github.theorybench.claims.lazy;

import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.support.Quantiles;
import java.util.List;

/**
 * What LAZY-12 measures (CLAIMS.md second wave; 001 "α ≥ α* … actually means that the model is sufficiently wide"):
 * α*(α) / α = β·sqrt(1152 σ_max² R₀(α))/(σ_min³ α), R₀(α) = ½‖αf(W₀) − y‖², over seeds × widths × α, for the
 * random-sign init (the claim) and the antisymmetric init (the control: f(W₀) = 0, R₀ = ½‖y‖²).
 *
 * @param provenance base seed of the stream, sizes (n, d, widths, seeds), backend, activation
 * @param alphas the α grid, ascending; the last is the reference α of the width fit
 * @param widths the widths m, ascending
 * @param randomSign one point per (seed, width), seeds outer, widths inner
 * @param antisymmetric the same seeds and widths with the antisymmetric init
 */
public record AlphaStarWidths(Provenance provenance, List<Double> alphas, List<Integer> widths,
        List<Point> randomSign, List<Point> antisymmetric) {

    /**
     * One instance's α*(α) / α for every α of the grid.
     *
     * @param seed the instance's seed (X and y are shared by the widths of one seed)
     * @param m the width
     * @param f0Norm ‖f(W₀)‖
     * @param yNorm ‖y‖
     * @param sigmaMin σ_min(J₀)
     * @param sigmaMax ‖J₀‖₂
     * @param beta β
     * @param ratio α*(α) / α in the order of the α grid
     */
    public record Point(long seed, int m, double f0Norm, double yNorm, double sigmaMin, double sigmaMax, double beta,
            double[] ratio) {
        static Point of(LazyInstance inst, List<Double> alphas) {
            double[] r = new double[alphas.size()];
            for (int k = 0; k < r.length; k++) {
                r[k] = inst.alphaStar(alphas.get(k)) / alphas.get(k);
            }
            return new Point(inst.seed(), inst.m(), inst.f0Norm(), inst.yNorm(), inst.sigmaMin(), inst.sigmaMax(),
                    inst.beta(), r);
        }

        /** LAZY-12's hypothesis at scale α ({@link LazyHypotheses#dominantInitialOutput}). */
        boolean dominant(double alpha) {
            return LazyHypotheses.dominantInitialOutput(alpha, f0Norm, yNorm);
        }
    }

    /** Index of the reference α (the largest). */
    int reference() {
        return alphas.size() - 1;
    }

    /** The median over seeds of α* / α at the reference α, per width. */
    double[] medians(List<Point> ps) {
        double[] out = new double[widths.size()];
        for (int w = 0; w < out.length; w++) {
            out[w] = Quantiles.median(atWidth(ps, widths.get(w)));
        }
        return out;
    }

    /** α* / α at the reference α of the points of width m. */
    double[] atWidth(List<Point> ps, int m) {
        return ps.stream().filter(p -> p.m() == m).mapToDouble(p -> p.ratio()[reference()]).toArray();
    }

    double[] widthArray() {
        return widths.stream().mapToDouble(Integer::doubleValue).toArray();
    }
}
