package io.github.theorybench.claims.power;

import io.github.theorybench.claims.Figure;
import io.github.theorybench.claims.Provenance;
import io.github.theorybench.claims.Table;
import io.github.theorybench.claims.support.LineFit;
import io.github.theorybench.claims.support.NumberText;
import java.util.ArrayList;
import java.util.List;

/** PWR-1, 2, 4's statistics from the spectral runs (pure), and the table and figures of {@link PowerMethodCheck}. */
final class SpectralSummary {
    private SpectralSummary() {
    }

    /** The measurement of {@link PowerMethodCheck}: every statistic its verdicts judge. */
    static SpectralPhase of(Provenance prov, double targetNorm, double[] lambdas, double floor,
            List<SpectralRuns.Run> runs) {
        SpectralPhase shell = new SpectralPhase(prov, targetNorm, lambdas, floor, runs, null, null, List.of());
        List<SpectralRuns.Run> rStar = shell.runs(PowerMethodCheck.R_STAR, PowerMethodCheck.ALPHAS);
        List<SpectralPhase.TSpecFit> fits = new ArrayList<>();
        double predicted = 1 / Math.log(1 + PowerMethodCheck.MU * lambdas[0]);      // PWR-4: 1/ln(1 + μλ₁)
        for (int r : PowerMethodCheck.RANKS) {
            fits.add(tSpecFit(shell.runs(r, PowerMethodCheck.ALPHAS), targetNorm, predicted, true));
        }
        fits.add(tSpecFit(shell.runs(PowerMethodCheck.R_STAR, PowerMethodCheck.NO_PHASE_ALPHAS), targetNorm,
                predicted, false));
        return new SpectralPhase(prov, targetNorm, lambdas, floor, runs, tracking(rStar, targetNorm),
                alignment(shell, rStar, lambdas), fits);
    }

    /** PWR-1 on the r = r* runs. */
    static SpectralPhase.Tracking tracking(List<SpectralRuns.Run> rStar, double targetNorm) {
        int m = rStar.size();
        double[] alpha = new double[m], half = new double[m];
        double max = 0, past = 0;
        boolean small = true;
        for (int k = 0; k < m; k++) {
            SpectralRuns.Run r = rStar.get(k);
            alpha[k] = r.alpha();
            half[k] = r.halfDeviation();
            max = Math.max(max, r.maxDeviation());
            past = Math.max(past, r.maxDeviationToHorizon());
            small &= PowerHypotheses.spectralPhaseExists(r.initNorm(), targetNorm);
        }
        return new SpectralPhase.Tracking(max, LineFit.logLog(alpha, half), past, small);
    }

    /** PWR-2: the rate fit on the smallest α's r = r* run, the angles at t_spec, and the α = 1e−2 control. */
    static SpectralPhase.Alignment alignment(SpectralPhase shell, List<SpectralRuns.Run> rStar, double[] lambdas) {
        SpectralRuns.Run smallest = rStar.get(rStar.size() - 1);
        double[] s = smallest.sinZ();
        int from = PowerMethodCheck.ALIGNMENT_FIT_FROM, to = Math.max(from + 3, smallest.tSpec() / 2);
        List<double[]> pts = new ArrayList<>();
        for (int t = from; t < Math.min(to, s.length); t++) {
            if (s[t] > 1e-12) {
                pts.add(new double[] {t, Math.log(s[t])});
            }
        }
        double rate = Math.exp(LineFit.linear(pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray()).slope());
        double q = (1 + PowerMethodCheck.MU * lambdas[2]) / (1 + PowerMethodCheck.MU * lambdas[1]);  // (1+μλ₃)/(1+μλ₂)
        double worst = -1, worstAlpha = Double.NaN;
        int worstR = -1;
        for (SpectralRuns.Run r : shell.runs()) {
            if (r.r() >= 4 * PowerMethodCheck.R_STAR && r.alpha() <= PowerMethodCheck.ALPHA_OVERPARAMETERIZED
                    && r.sinZAtSpec() > worst) {
                worst = r.sinZAtSpec();
                worstR = r.r();
                worstAlpha = r.alpha();
            }
        }
        SpectralRuns.Run large = shell.runs(PowerMethodCheck.R_STAR, new double[] {PowerMethodCheck.ALPHA_CONTROL})
                .get(0);
        boolean separated = PowerHypotheses.separatedTarget(SpectralInstance.EIGENVALUES, PowerMethodCheck.R_STAR);
        return new SpectralPhase.Alignment(from, to, rate, q, smallest.sinZAtSpec(), smallest.sinTargetAtSpec(),
                worst, worstR, worstAlpha, separated, large.sinZAtSpec(), large.tSpec(), large.sinZ()[0]);
    }

    /** PWR-4: t_spec = a + slope·ln(1/α) over the α whose spectral phase exists ({@code onlyWithPhase}) or all. */
    static SpectralPhase.TSpecFit tSpecFit(List<SpectralRuns.Run> runs, double targetNorm, double predicted,
            boolean onlyWithPhase) {
        int m = runs.size();
        double[] alpha = new double[m];
        int[] tSpec = new int[m];
        boolean[] phase = new boolean[m];
        List<double[]> pts = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            SpectralRuns.Run r = runs.get(k);
            alpha[k] = r.alpha();
            tSpec[k] = r.tSpec();
            phase[k] = PowerHypotheses.spectralPhaseExists(r.initNorm(), targetNorm);
            if (phase[k] || !onlyWithPhase) {
                pts.add(new double[] {1 / r.alpha(), r.tSpec()});
            }
        }
        LineFit fit = LineFit.semiLogX(pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray());
        return new SpectralPhase.TSpecFit(runs.get(0).r(), alpha, tSpec, phase, fit, predicted);
    }

    static List<Table> tables(SpectralPhase m) {
        List<List<String>> rows = new ArrayList<>();
        for (SpectralRuns.Run r : m.runs()) {
            boolean phase = PowerHypotheses.spectralPhaseExists(r.initNorm(), m.targetNorm());
            rows.add(List.of(Integer.toString(r.r()), NumberText.format("%.0e", r.alpha()),
                    NumberText.sig3(r.initNorm() * r.initNorm() / m.targetNorm()), phase ? "yes" : "no",
                    Integer.toString(r.tSpec()), NumberText.sig3(r.maxDeviation()), NumberText.sig3(r.halfDeviation()),
                    NumberText.sig3(r.sinZAtSpec())));
        }
        return List.of(new Table("PWR-spectral-phase", NumberText.format("PWR-1/2/4: spectral phase (d = %s, n = %s, "
                + "r* = 2, XX^T eigenvalues 1, 0.8, mu = %.2g, lambda_1..3(Z) = %.4f, %.4f, %.4f)",
                m.provenance().sizes().get("d"), m.provenance().sizes().get("n"), PowerMethodCheck.MU, m.lambda(1),
                m.lambda(2), m.lambda(3)), List.of("r", "alpha", "||U0 U0^T|| / ||XX^T||", "spectral phase exists",
                        "t_spec", "max deviation from power iterates (t <= t_spec)", "deviation at t_spec/2",
                        "sin angle to Z's top-2 at t_spec"), rows,
                "t_spec = first t with ||U_t U_t^T||_2 >= 0.01 ||XX^T||_2; the spectral phase exists when "
                        + "||U_0 U_0^T||_2 < 0.01 ||XX^T||_2. The alpha in {1, 0.3, 0.1, 0.03} rows are PWR-4's "
                        + "control."));
    }

    static List<Figure> figures(SpectralPhase m) {
        return List.of(trackingFigure(m), alignmentFigure(m), tSpecFigure(m));
    }

    private static Figure trackingFigure(SpectralPhase m) {
        List<SpectralRuns.Run> rs = m.runs(PowerMethodCheck.R_STAR, PowerMethodCheck.ALPHAS);
        double[] a = rs.stream().mapToDouble(SpectralRuns.Run::alpha).toArray();
        double[] max = rs.stream().mapToDouble(SpectralRuns.Run::maxDeviation).toArray();
        double[] half = rs.stream().mapToDouble(SpectralRuns.Run::halfDeviation).toArray();
        double[] past = rs.stream().mapToDouble(SpectralRuns.Run::maxDeviationToHorizon).toArray();
        double[] bound = new double[a.length];
        java.util.Arrays.fill(bound, PowerMethodCheck.TRACKING_BOUND);
        return new Figure("PWR-1-tracking", "PWR-1: GD against the power iterates (I + mu Z)^t U0, r = r* = 2",
                "alpha (init scale)", "||U_t - U~_t||_F / ||U~_t||_F", true, true, List.of(
                        new Figure.Series("max over t <= t_spec", a, max, false),
                        new Figure.Series("at t_spec / 2", a, half, false),
                        new Figure.Series("control: max up to ||UU'|| = ||XX'||/2", a, past, false),
                        new Figure.Series("bound 0.1", a, bound, true),
                        new Figure.Series("alpha^1 reference", a, LineFit.referenceLine(a, half, 1.0), true)));
    }

    private static Figure alignmentFigure(SpectralPhase m) {
        SpectralPhase.Alignment al = m.alignment();
        List<SpectralRuns.Run> rs = m.runs(PowerMethodCheck.R_STAR, PowerMethodCheck.ALPHAS);
        double[] s = rs.get(rs.size() - 1).sinZ();
        double[] c = rs.get(0).sinZ();
        double[] t = new double[s.length], qLine = new double[s.length], bound = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            t[k] = k;
            qLine[k] = s[al.fitFrom()] * Math.pow(al.q(), k - al.fitFrom());
            bound[k] = PowerMethodCheck.ANGLE_BOUND;
        }
        double[] tc = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            tc[k] = k;
        }
        return new Figure("PWR-2-alignment", "PWR-2: sin of the largest angle to Z's top-2 eigenspace, r = r*",
                "step t", "sin angle", false, true, List.of(new Figure.Series("GD, alpha = 1e-8", t, s, false),
                        new Figure.Series("control: GD, alpha = 1e-2 (to its t_spec)", tc, c, false),
                        new Figure.Series("q^t, q = (1 + mu l3)/(1 + mu l2)", t, qLine, true),
                        new Figure.Series("0.1 at t_spec", t, bound, true)));
    }

    private static Figure tSpecFigure(SpectralPhase m) {
        List<Figure.Series> series = new ArrayList<>();
        for (SpectralPhase.TSpecFit f : m.tSpecFits()) {
            double[] x = new double[f.alphas().length], y = new double[x.length], line = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = 1 / f.alphas()[k];
                y[k] = f.tSpec()[k];
            }
            for (int k = 0; k < x.length; k++) {        // meanLog(x) once x is filled (it was read half-filled: ±∞)
                line[k] = f.fit().intercept() + f.predicted() * Math.log(x[k]) + (f.fit().slope() - f.predicted())
                        * meanLog(x);
            }
            boolean control = f == m.noPhaseFit();
            series.add(new Figure.Series((control ? "control, " : "") + "r = " + f.r(), x, y, false));
            if (!control) {
                series.add(new Figure.Series("slope 1/ln(1 + mu l1), r = " + f.r(), x, line, true));
            }
        }
        return new Figure("PWR-4-spectral-phase", "PWR-4: spectral phase length against ln(1/alpha)",
                "1/alpha (log scale)", "t_spec (steps)", true, false, series);
    }

    /** Mean of ln x: the predicted-slope line goes through the fitted line's centre. */
    private static double meanLog(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.log(v);
        }
        return s / x.length;
    }
}
