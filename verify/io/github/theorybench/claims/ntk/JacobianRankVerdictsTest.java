package io.github.theorybench.claims.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.theorybench.assertions.SmallInstances;
import io.github.theorybench.claims.Criterion;
import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NTK-4's verdict rows, texts, tables and figures on one hand-made {@link JacobianRank} (nothing runs: the rules
 * and the rendering are pure functions of the record); every expected number is written out by hand here.
 */
@SmallInstances
class JacobianRankVerdictsTest {
    private static final boolean T = true, F = false;
    /** A full-rank pattern (d = 2, n = 2). */
    private static final ReluPattern FULL = new ReluPattern(new boolean[][] {{T, F}, {F, T}}, 2, 2, new int[0]);
    /** Point 0 inactive on every neuron: rank 2 of n = 3. */
    private static final ReluPattern INACTIVE = new ReluPattern(new boolean[][] {{F, F}, {T, T}, {T, F}}, 2, 2,
            new int[] {0});
    /** Neurons 0 and 1 differ on one point (< d = 2), no zero row, no pattern shared by 3 points. */
    private static final ReluPattern PAIR = new ReluPattern(new boolean[][] {{T, T, F}, {T, T, T}, {T, F, T},
        {F, F, T}}, 2, 3, new int[] {1, 3});

    private static RankAtInit rank(long seed, String act, double condition, ReluPattern p) {
        return new RankAtInit(Provenance.of(seed, "ejml", "n", 12, "d", 3, "m", 4, "md", 12).withActivation(act),
                1e-16, 1e-3, condition, p, true);
    }

    private static RankAtInit init(RankAtInit r, String role) {
        return new RankAtInit(r.provenance().withSize("init", role), r.lambdaMinOverMax(), r.lambdaMdOverMax(),
                r.condition(), r.pattern(), r.distinctNeurons());
    }

    private static FirstLayerDescent descent(long seed, String role, int steps, double riskRatio, double travel,
            List<double[]> traj) {
        Provenance p = Provenance.of(seed, "ejml", "n", 10, "d", 5, "m", 8, "md", 40).withActivation("tanh");
        if (role != null) {
            p = p.withSize("init", role);
        }
        return new FirstLayerDescent(p, 0.01, steps, 100_000, riskRatio, travel, 1.0, 0.15, 1e-3, 2.5, 0.999, 0.16,
                0.30, traj);
    }

    private static List<double[]> traj(double... tRiskSigma) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < tRiskSigma.length; k += 3) {
            out.add(new double[] {tRiskSigma[k], tRiskSigma[k + 1], tRiskSigma[k + 2]});
        }
        return out;
    }

    private static List<Verdict> rows(List<Verdict> vs, Criterion c) {
        return vs.stream().filter(v -> v.criterion().equals(c)).toList();
    }

    private static JacobianRank record(List<FirstLayerDescent> descents, List<RankAtInit> relu) {
        List<RankAtInit> deficient = List.of(rank(1, "tanh", Double.NaN, null), rank(2, "tanh", Double.NaN, null));
        List<RankAtInit> tanh = List.of(rank(3, "tanh", 10, null), rank(4, "tanh", 40, null), rank(5, "tanh", 20,
                null));
        return new JacobianRank(77, deficient, tanh, relu, descents,
                init(rank(30, "relu", 1e17, INACTIVE), "first point inactive"),
                init(rank(31, "tanh", 1e18, null), "duplicate neuron"),
                descent(32, "all neurons equal", 100_000, 0.7, 1.0, traj(0, 1, 1e-17, 100_000, 0.7, 1e-17)),
                new PatternCensus(40, new int[] {10, 20, 6, 4, 0, 0}));
    }

    @Test
    @DisplayName("NTK-4 verdict rows of a hand-made record: ReLU full-rank row over the in-hypothesis seeds, rank losses with causes, controls' texts, stall and travel rows")
    void verdictRows() {
        List<RankAtInit> relu = List.of(rank(11, "relu", 50, FULL), rank(12, "relu", 1e17, INACTIVE),
                rank(13, "relu", 1e3, PAIR), rank(14, "relu", 70, FULL));
        List<double[]> tr = traj(0, 1, 0.15, 12, 1e-3, 0.1, 100_000, 3e-5, 1e-3);
        List<FirstLayerDescent> gs = List.of(descent(21, null, 500, 1e-9, 1.0, tr), descent(22, null, 100_000,
                3e-5, 1.5, tr), descent(23, null, 900, 1e-8, 1.2, tr), descent(24, null, 700, 2e-9, 0.5, tr));
        JacobianRankCheck check = new JacobianRankCheck();
        List<Verdict> vs = check.verdicts(record(gs, relu));

        Verdict full = rows(vs, JacobianRankCheck.FULL_RANK_RELU).get(0);
        assertThat(rows(vs, JacobianRankCheck.FULL_RANK_RELU)).hasSize(1);
        assertThat(full.observed()).isEqualTo(70.0);                       // max over seeds 11 and 14 only
        assertThat(full.measurements()).containsEntry("instances", 2.0);
        assertThat(full.hypothesisMet()).isTrue();                         // ReLU: no 20-seed minimum
        assertThat(full.check()).isEqualTo("n <= md: sigma_max/sigma_min of J0 (full row rank, relu, patterns"
                + " admitting full rank)");
        assertThat(full.detail()).endsWith("; seeds: 11, 14");
        Verdict tanh = rows(vs, JacobianRankCheck.FULL_RANK_TANH).get(0);
        assertThat(tanh.hypothesisMet()).isFalse();                        // 3 < 20 seeds
        assertThat(tanh.check()).isEqualTo("n <= md: sigma_max/sigma_min of J0 (full row rank, tanh)");
        assertThat(tanh.detail()).isEqualTo(String.format(Locale.ROOT, "3 instances (n = md = 12); smallest"
                + " sigma_min/sigma_max = %.3g (must exceed 1e-6)", 1 / 40.0));
        Verdict def = rows(vs, JacobianRankCheck.RANK_DEFICIENT).get(0);
        assertThat(def.detail()).contains("(numerical rank md = 12 of n = 12)");

        Verdict losses = rows(vs, JacobianRankCheck.RELU_RANK_LOSS).get(0);
        assertThat(losses.observed()).isEqualTo(0.5);                      // 2 of 4
        assertThat(losses.measurements()).containsEntry("rankLosses", 2.0)
                .containsEntry("rankLossesWithFullRankJ0", 1.0)              // seed 13: 1e3 < 1e6
                .containsEntry("censusInstances", 40.0)
                .containsEntry("seedsNone", 0.0).containsEntry("seedsInactivePoint", 1.0)
                .containsEntry("seedsCloseNeuronPair", 1.0).containsEntry("seedsSharedPattern", 0.0)
                .containsEntry("censusShareNone", 0.25).containsEntry("censusShareInactivePoint", 0.5)
                .containsEntry("censusShareSharedPattern", 0.15).containsEntry("censusShareCloseNeuronPair", 0.1);
        assertThat(losses.detail()).startsWith("2 of 4 instances: seed 12: a point inactive on every neuron (generic"
                + " rank 2 of 12; dependent points [0]; sigma_max/sigma_min of J0 = 1.00e+17); seed 13: two neurons"
                + " whose active sets differ on fewer than d points (generic rank 3 of 12; dependent points [1, 3];"
                + " sigma_max/sigma_min of J0 = 1.00e+03); census of 40 instances: full rank 0.250");
        Verdict none = JacobianRankVerdicts.rankLosses(1, List.of(rank(11, "relu", 50, FULL)),
                new PatternCensus(1, new int[] {1, 0, 0, 0, 0, 0}));
        assertThat(none.detail()).startsWith("0 of 1 instances: none; census of 1 instances: full rank 1.000");

        assertThat(rows(vs, JacobianRankCheck.RELU_INACTIVE_POINT).get(0).detail()).startsWith("every w_j with");
        assertThat(rows(vs, JacobianRankCheck.RELU_INACTIVE_POINT).get(0).check())
                .isEqualTo("control: sigma_max/sigma_min of J0, first point inactive (relu)");
        assertThat(rows(vs, JacobianRankCheck.RELU_INACTIVE_POINT).get(0).measurements())
                .containsEntry("genericRank", 2.0).containsEntry("inactivePoints", 1.0);
        assertThat(rows(vs, JacobianRankCheck.TANH_DUPLICATE_NEURON).get(0).detail()).startsWith("neuron m a copy");

        // one stall row (seed 22), travel over the 3 converged seeds (1e-8 counts as reached)
        assertThat(rows(vs, JacobianRankCheck.DESCENT_STALL)).hasSize(1);
        assertThat(rows(vs, JacobianRankCheck.DESCENT_STALL).get(0).seed()).isEqualTo(22);
        Verdict conv = rows(vs, JacobianRankCheck.DESCENT_CONVERGES).get(0);
        assertThat(conv.observed()).isEqualTo(0.25);
        assertThat(conv.measurements()).containsEntry("iterationsMin", 500.0).containsEntry("iterationsMedian", 700.0)
                .containsEntry("iterationsMax", 900.0).containsEntry("stepBudget", 100_000.0);
        assertThat(conv.detail()).contains("3 of 4 seeds reached 1e-8 R0 within 100000 steps (steps: min 500, median"
                + " 700, max 900)");
        Verdict travel = rows(vs, JacobianRankCheck.DESCENT_TRAVEL).get(0);
        assertThat(travel.observed()).isEqualTo(1.2);
        assertThat(travel.measurements()).containsEntry("converged", 3.0).containsEntry("travelRatioMedian", 1.0);
        assertThat(travel.sizes()).containsEntry("seeds", 4);
        assertThat(rows(vs, JacobianRankCheck.DESCENT_EQUAL_NEURONS)).hasSize(1);
        assertThat(vs).hasSize(10);

        // nothing converged: no travel row, convergence's step quantiles NaN and "-"
        List<FirstLayerDescent> stalled = List.of(descent(21, null, 100_000, 1e-3, 1, tr), descent(22, null,
                100_000, 1e-2, 1, tr));
        List<Verdict> none2 = check.verdicts(record(stalled, List.of(rank(12, "relu", 1e17, INACTIVE))));
        assertThat(rows(none2, JacobianRankCheck.DESCENT_TRAVEL)).isEmpty();
        assertThat(rows(none2, JacobianRankCheck.FULL_RANK_RELU)).isEmpty();
        assertThat(rows(none2, JacobianRankCheck.DESCENT_STALL)).hasSize(2);
        Verdict conv2 = rows(none2, JacobianRankCheck.DESCENT_CONVERGES).get(0);
        assertThat(conv2.measurements().get("iterationsMin")).isNaN();
        assertThat(conv2.measurements().get("iterationsMedian")).isNaN();
        assertThat(conv2.measurements().get("iterationsMax")).isNaN();
        assertThat(conv2.detail()).contains("(steps: min -, median -, max -)");
    }

    @Test
    @DisplayName("NTK-4 travel finding only above 2 ||J0^+ r0|| (none at exactly 2), naming the furthest seed with its numbers; trajectory text once per decade and at T")
    void travelFindingAndTrajectory() {
        List<double[]> tr = traj(0, 1, 0.15, 100_000, 1e-9, 1e-3);
        Verdict edge = JacobianRankVerdicts.travel(1, List.of(descent(5, null, 10, 1e-9, 2.0, tr)), 20);
        assertThat(edge.finding()).isEmpty();
        Verdict far = JacobianRankVerdicts.travel(1, List.of(descent(5, null, 10, 1e-9, Math.nextUp(2.0), tr),
                descent(6, null, 30, 1e-9, 3.0, tr), descent(7, null, 20, 1e-9, 0.5, tr)), 20);
        assertThat(far.finding()).startsWith("the seed 6 instance travelled 3.00 x ||J0^+ r0|| (median over the 3"
                + " converged seeds 2.000): it needed 30 steps (median 20), and its Jacobian moved far from J0 on the"
                + " way: sigma_min/sigma_max 0.150 at W0 -> 0.00100 at W_T, sigma_max x 2.50, saturated units"
                + " (|w.x| > 3) 16.0% -> 30.0%.");

        // decades: t = 0 (next 10), 10 (next 100), 100 (next 1000), 1000 (next 10000); 3000 only as the last point
        List<double[]> dec = traj(0, 1, 0.5, 1, 1, 0.4, 5, 1, 0.3, 10, 1, 0.2, 20, 1, 0.1, 100, 1, 0.05, 150, 1,
                0.04, 1000, 1, 0.03, 2000, 1, 0.02, 3000, 1, 0.01);
        assertThat(JacobianRankVerdicts.trajectoryText(descent(1, null, 3000, 1e-3, 1, dec))).isEqualTo(
                "0.500 (t = 0), 0.200 (t = 10), 0.0500 (t = 100), 0.0300 (t = 1000), 0.0100 (t = 3000)");
    }

    @Test
    @DisplayName("NTK-4 tables and figures of a hand-made record: descent rows with init labels, census shares beside CLAIMS.md's, trajectories at t + 1, conditions capped at 1e20")
    void render() {
        List<double[]> tr = traj(0, 1, 0.15, 4, 1e-5, 0.1, 9, 1e-9, 0.05);
        List<FirstLayerDescent> gs = List.of(descent(21, null, 9, 1e-9, 1.0, tr), descent(22, null, 100_000, 3e-5,
                1.5, traj(0, 1, 0.15, 100_000, 3e-5, 1e-3)));
        JacobianRank r = record(gs, List.of(rank(11, "relu", 50, FULL), rank(12, "relu", 1e30, INACTIVE),
                rank(13, "relu", 1e3, PAIR)));
        Table d = JacobianRankRender.descentTable(r);
        assertThat(d.rows()).hasSize(3);
        assertThat(d.rows().get(0)).containsExactly("21", "9", "1.00e-09", "yes", "1.000", "0.150", "0.00100",
                "0.16 -> 0.30");
        assertThat(d.rows().get(1).get(3)).isEqualTo("**no**");
        assertThat(d.rows().get(2).get(0)).isEqualTo("32 (all neurons equal)");
        Table c = JacobianRankRender.censusTable(r.census());
        assertThat(c.rows().get(0)).containsExactly("full row rank", "10", "0.250", "632 (0.158)");
        assertThat(c.rows().get(3)).containsExactly(ReluPattern.Cause.CLOSE_NEURON_PAIR.description(), "4", "0.100",
                "365 (0.091)");
        assertThat(c.rows().get(4).get(3)).isEmpty();

        List<Figure> f = JacobianRankRender.figures(r);
        Figure.Series s21 = f.get(0).series().get(0);
        assertThat(s21.label()).isEqualTo("seed 21");
        assertThat(s21.x()).containsExactly(1, 5, 10);
        assertThat(s21.y()).containsExactly(1, 1e-5, 1e-9);
        assertThat(f.get(0).series().get(1).label()).isEqualTo("seed 22 (stalled)");
        Figure.Series target = f.get(0).series().get(2);
        assertThat(target.x()).containsExactly(1, 100_001);                 // the longest trajectory's t + 1
        assertThat(target.y()).containsExactly(1e-8, 1e-8);
        assertThat(f.get(1).series().get(0).y()).containsExactly(0.15, 0.1, 0.05);
        Figure.Series relu = f.get(2).series().get(1);
        assertThat(relu.x()).containsExactly(1, 2, 3);
        assertThat(relu.y()).containsExactly(50, 1e20, 1e3);
        assertThat(f.get(2).series().get(2).x()).containsExactly(1, 3);
    }
}
