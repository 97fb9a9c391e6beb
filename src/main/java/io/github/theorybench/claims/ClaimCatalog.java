package io.github.theorybench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every claim ID of ../shared/CLAIMS.md with its kind, one-line statement and source seed file. The single list the
 * CLI's {@code --list}, {@code --only} and the reports use.
 */
public final class ClaimCatalog {
    /** One catalogue entry. */
    public record Entry(String id, String family, ClaimKind kind, String statement, String source) {
    }

    private static final String S000 = "000_ddbc9886f8669f64.txt";
    private static final String S001 = "001_0eca414dd9b88dfc.txt";
    private static final String S002 = "002_d419add4266800f0.txt";
    private static final String S003 = "003_e3d7742aedb82e06.txt";
    private static final String S004 = "004_90acb96d7f6e165f.txt";

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ClaimKind e = ClaimKind.EXACT, s = ClaimKind.SCALING, p = ClaimKind.PHENOMENON;
        add("LAZY-1", e, "alpha >= alpha*: risk of the scaled net decays like R0 exp(-t alpha^2 sigma_min^2 / 2)", S001);
        add("LAZY-2", e, "same decay bound for the linearized flow", S001);
        add("LAZY-3", e, "alpha >= alpha*: travel ||W(t)-W0||_F <= sqrt(72 sigma_max^2 R0)/(alpha sigma_min^2)", S001);
        add("LAZY-4", e, "||J_W - J_V||_F <= beta0 sqrt(sum ||x_i||^4) ||W - V||_F (Lipschitz Jacobian)", S001);
        add("LAZY-5", e, "Lemma 8.1: R(z(t)) <= R(z(0)) exp(-2 lambda(t) t) along z' = -Q grad R", S001);
        add("LAZY-6", e, "Lemma 8.2: ||v(t)-v(0)|| <= sqrt(lambda_1)/lambda ||g(v(0)) - y||", S001);
        add("LAZY-7", s, "sigma_min(J0), sigma_max(J0) grow like sqrt(m); J0 J0^T/m -> K_inf at rate m^-1/2", S000);
        add("LAZY-8", s, "random-sign init: R0 = Theta(alpha^2 m n)", S001);
        add("LAZY-9", s, "linearization error in NTK scaling decays with width (m^-1 smooth, m^-1/3 ReLU)", S000);
        add("LAZY-10", p, "tightness of alpha*: bounds keep holding far below alpha*; travel falls like 1/alpha", S001);
        add("NTK-1", e, "empirical NTK of a two-layer net (both layers trained) equals K1 + K2", S000);
        add("NTK-2", s, "two-layer ReLU empirical NTK -> closed-form infinite-width NTK at rate m^-1/2", S000);
        add("NTK-3", s, "deep ReLU empirical NTK -> Arora et al. recursion at rate m^-1/2 (L = 2, 3)", S003);
        add("NTK-4", p, "rank(J0) = min(n, md) at init; GD from full-rank init reaches zero risk", S000);
        add("LSQ-1", e, "GD on least squares: ||X theta_t - y|| <= (1 - eta sigma_min^2)^t ||X theta_0 - y||", S002);
        add("LSQ-2", e, "GD converges to theta*, the minimizer closest to theta_0", S002);
        add("LSQ-3", e, "path length sum ||theta_{t+1} - theta_t|| <= min(sqrt(n), kappa^2) ||theta* - theta_0||", S002);
        add("BAL-1", e, "U^T grad_U L = (grad_V L)^T V at every iterate", S002);
        add("BAL-2", e, "one GD step: ||B_{t+1} - B_t||_F <= mu^2 (||grad_U||^2 + ||grad_V||^2)", S002);
        add("BAL-3", e, "balancedness lemma: ||B_t||_F <= ||B_0||_F + 2 mu (L_0 - L_t)", S002);
        add("BAL-4", s, "gradient flow conserves B: drift of GD falls like mu", S002);
        add("PWR-1", p, "small init: GD tracks the power iterates (I + mu Z)^t U0 until t_spec", S002);
        add("PWR-2", p, "alignment with Z's top eigenspace at the power-iteration rate q", S002);
        add("PWR-3", s, "concentration ||Z - XX^T||/||XX^T|| falls like n^-1/2", S002);
        add("PWR-4", s, "spectral phase length t_spec is linear in ln(1/alpha), slope 1/ln(1 + mu lambda_1)", S002);
        add("PWR-5", s, "Xie-Stoger-Soltanolkotabi: final error ~ alpha^(21/16) for r > r*", S002);
        add("PWR-6", p, "overparameterization shortens convergence; r = 4r* and 10r* take similar time", S002);
        add("DLN-1", e, "deep linear net, zero-asymmetric init: R(t) <= (1 - eta/2)^t R(0)", S003);
        add("DLN-2", e, "Du-Hu: wide deep linear net converges linearly at the stated rate", S003);
        add("DLN-3", e, "depth-2 linear net: non-global critical points are strict saddles", S003);
        add("MEM-1", e, "two-layer ReLU net with 2n + d weights interpolates any labels on n points", S003);
        add("DLS-1", p, "one large first-layer step recovers the target direction span(u)", S004);
        add("DLS-2", p, "Algorithm 1 beats random features and the NTK on g(u^T x) (d = 10, p = 4)", S004);
        add("DLS-3", p, "transfer: a pretrained first layer fits a new target with far fewer samples", S004);
    }

    private ClaimCatalog() {
    }

    private static void add(String id, ClaimKind kind, String statement, String source) {
        ENTRIES.put(id, new Entry(id, id.substring(0, id.indexOf('-')), kind, statement, source));
    }

    public static List<Entry> entries() {
        return new ArrayList<>(ENTRIES.values());
    }

    public static boolean contains(String id) {
        return ENTRIES.containsKey(id);
    }

    public static Entry entry(String id) {
        Entry e = ENTRIES.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown claim ID '" + id + "'");
        }
        return e;
    }

    public static ClaimKind kind(String id) {
        return entry(id).kind();
    }

    public static String statement(String id) {
        Entry e = ENTRIES.get(id);
        return e == null ? "" : e.statement();
    }

    /**
     * IDs matching a comma-separated selection of IDs and globs ({@code LAZY-1,PWR-*}). Unknown IDs and globs that
     * match nothing are errors naming the offending item.
     */
    public static List<String> select(String selection) {
        List<String> out = new ArrayList<>();
        for (String raw : selection.split(",", -1)) {
            String item = raw.trim().toUpperCase(java.util.Locale.ROOT);
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty item in claim selection '" + selection + "'");
            }
            if (!item.matches("[A-Z0-9*?\\-]+")) {
                throw new IllegalArgumentException("bad claim pattern '" + raw.trim()
                        + "': use IDs like LAZY-1 and globs like PWR-*");
            }
            if (item.contains("*") || item.contains("?")) {
                Pattern p = Pattern.compile(item.replace("-", "\\-").replace("?", ".").replace("*", ".*"));
                List<String> hits = ENTRIES.keySet().stream().filter(id -> p.matcher(id).matches()).toList();
                if (hits.isEmpty()) {
                    throw new IllegalArgumentException("claim pattern '" + raw.trim() + "' matches no claim ID");
                }
                hits.stream().filter(h -> !out.contains(h)).forEach(out::add);
            } else {
                if (!ENTRIES.containsKey(item)) {
                    throw new IllegalArgumentException("unknown claim ID '" + raw.trim()
                            + "' (see 'theorybench claims --list')");
                }
                if (!out.contains(item)) {
                    out.add(item);
                }
            }
        }
        return out;
    }
}
