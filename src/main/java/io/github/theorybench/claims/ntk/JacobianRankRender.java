package io.github.theorybench.claims.ntk;

import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.support.NumberText;
import java.util.ArrayList;
import java.util.List;

/** NTK-4's tables and figures, rendered from {@link JacobianRank}. */
final class JacobianRankRender {
    /** CLAIMS.md's census counts out of 4000 (NONE = full rank, then the three causes it names; the rest: 25). */
    static final int[] CLAIMS_CENSUS = {632, 1637, 1341, 365};
    static final int CLAIMS_CENSUS_INSTANCES = 4000;

    private JacobianRankRender() {
    }

    static List<Table> tables(JacobianRank r) {
        return List.of(reluTable(r), censusTable(r.census()), descentTable(r));
    }

    static Table reluTable(JacobianRank r) {
        List<List<String>> rows = new ArrayList<>();
        for (RankAtInit a : r.fullRelu()) {
            ReluPattern p = a.pattern();
            rows.add(List.of(Long.toString(a.provenance().seed()), p.genericRank() + " / " + a.n(),
                    NumberText.sig3(a.condition()), p.cause().description(), Integer.toString(p.inactivePoints()),
                    Integer.toString(p.maxPointsSharingOnePattern()), Integer.toString(p.minActiveSetDifference()),
                    Integer.toString(p.minActiveSetSize()), java.util.Arrays.toString(p.dependentPoints())));
        }
        return new Table("NTK-4-relu-patterns", "NTK-4: ReLU activation patterns at n = md (each rank loss with its"
                + " cause)", List.of("seed", "generic rank", "sigma_max/sigma_min of J0", "cause",
                        "inactive points", "max points sharing a pattern", "min #(A_j xor A_k)", "min #A_j",
                        "dependent points"), rows,
                "generic rank = rank of [s_j D_ij z_i^T]_j with fresh Gaussian z (the exact test of the pattern);"
                        + " dependent points = support of a left null vector (0-based).");
    }

    static Table censusTable(PatternCensus c) {
        List<List<String>> rows = new ArrayList<>();
        for (ReluPattern.Cause cause : ReluPattern.Cause.values()) {
            int k = cause.ordinal();
            String claims = k < CLAIMS_CENSUS.length ? CLAIMS_CENSUS[k] + " (" + NumberText.fixed(
                    (double) CLAIMS_CENSUS[k] / CLAIMS_CENSUS_INSTANCES, 3) + ")" : "";
            rows.add(List.of(cause.description(), Integer.toString(c.counts()[k]), NumberText.fixed(c.share(cause), 3),
                    claims));
        }
        return new Table("NTK-4-pattern-census", "NTK-4: census of " + c.instances() + " ReLU patterns (n = md = 12,"
                + " d = 3, m = 4), each under its first cause", List.of("first cause", "instances", "share",
                        "CLAIMS.md of 4000 (share)"), rows,
                "CLAIMS.md counts the three named causes; it leaves 25 of 4000 unassigned.");
    }

    static Table descentTable(JacobianRank r) {
        List<List<String>> rows = new ArrayList<>();
        List<FirstLayerDescent> all = new ArrayList<>(r.descents());
        all.add(r.descentAllNeuronsEqual());
        for (FirstLayerDescent g : all) {
            Object init = g.provenance().sizes().get("init");
            rows.add(List.of(Long.toString(g.provenance().seed()) + (init == null ? "" : " (" + init + ")"),
                    Integer.toString(g.steps()), NumberText.sig3(g.riskRatio()), g.converged() ? "yes" : "**no**",
                    NumberText.fixed(g.travelRatio(), 3), NumberText.sig3(g.sigmaRatioJ0()),
                    NumberText.sig3(g.sigmaRatioJT()), NumberText.fixed(g.saturatedShare0(), 2) + " -> "
                            + NumberText.fixed(g.saturatedShareT(), 2)));
        }
        return new Table("NTK-4-descent", "NTK-4: gradient descent from full-rank W0 (tanh, eta = 1/sigma_max(J0)^2)",
                List.of("seed", "steps", "R_T/R0", "reached 1e-8", "travel / norm(J0^+ r0)", "sigma ratio J0",
                        "sigma ratio J_T", "saturated share W0 -> W_T"), rows,
                "sigma ratio = sigma_min/sigma_max; saturated = abs(w_j^T x_i) > 3; travel = Frobenius norm of W_T - W0.");
    }

    static List<Figure> figures(JacobianRank r) {
        List<Figure.Series> risk = new ArrayList<>(), cond = new ArrayList<>();
        double tMax = 1;
        for (FirstLayerDescent g : r.descents()) {
            String label = "seed " + g.provenance().seed() + (g.converged() ? "" : " (stalled)");
            double[] t = g.trajectory().stream().mapToDouble(p -> p[0] + 1).toArray();
            tMax = Math.max(tMax, t[t.length - 1]);
            risk.add(new Figure.Series(label, t, g.trajectory().stream().mapToDouble(p -> p[1]).toArray(), false));
            cond.add(new Figure.Series(label, t, g.trajectory().stream().mapToDouble(p -> p[2]).toArray(), false));
        }
        risk.add(new Figure.Series("target 1e-8", new double[] {1, tMax}, new double[] {FirstLayerDescent.TARGET,
            FirstLayerDescent.TARGET}, true));
        List<Figure.Series> rank = new ArrayList<>();
        rank.add(conditionSeries("tanh, n = md", r.fullTanh()));
        rank.add(conditionSeries("ReLU, n = md", r.fullRelu()));
        rank.add(new Figure.Series("bound 1e6", new double[] {1, r.fullTanh().size()}, new double[] {
            JacobianRankCheck.CONDITION, JacobianRankCheck.CONDITION}, true));
        return List.of(
                new Figure("ntk4-descent-risk", "NTK-4: gradient descent from full-rank W0 (tanh, n = 10, m = 8)",
                        "step t + 1", "R_t / R_0", true, true, risk),
                new Figure("ntk4-descent-conditioning", "NTK-4: sigma_min/sigma_max of J_t along gradient descent",
                        "step t + 1", "sigma_min(J_t) / sigma_max(J_t)", true, true, cond),
                new Figure("ntk4-rank-at-init", "NTK-4: conditioning of J0 at n = md (ReLU rank losses above 1e6)",
                        "instance", "sigma_max(J0) / sigma_min(J0)", false, true, rank));
    }

    static Figure.Series conditionSeries(String label, List<RankAtInit> rs) {
        double[] x = new double[rs.size()], y = new double[rs.size()];
        for (int k = 0; k < rs.size(); k++) {
            x[k] = k + 1;
            y[k] = Math.min(rs.get(k).condition(), 1e20);
        }
        return new Figure.Series(label, x, y, false);
    }
}
