package io.github.theorybench.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The check shape's structural rules (issue 14), read from the sources with the JDK's own parser: no method under
 * claims/ longer than 60 lines, no claims family importing another family, line fits only in claims.support, and no
 * seed arithmetic on the run's seed (seeds come from {@code SeedStream}).
 */
class ClaimsStructureTest {
    private static final Path CLAIMS = Path.of("src/main/java/io/github/theorybench/claims");
    private static final List<String> FAMILIES = List.of("lazy", "ntk", "lsq", "balance", "power", "dln", "mem", "dls");
    private static final int MAX_METHOD_LINES = 60;

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(CLAIMS)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    @DisplayName("Structure: no method under claims/ is longer than 60 lines (javac's parse tree, signature to closing brace)")
    void methodLength() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> tooLong = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> files = fm.getJavaFileObjectsFromPaths(sources());
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, files);
            SourcePositions pos = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                LineMap lines = unit.getLineMap();
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree m, Void v) {
                        if (m.getBody() != null) {
                            long first = lines.getLineNumber(pos.getStartPosition(unit, m));
                            long last = lines.getLineNumber(pos.getEndPosition(unit, m));
                            if (last - first + 1 > MAX_METHOD_LINES) {
                                tooLong.add(unit.getSourceFile().getName() + ":" + first + " " + m.getName() + " ("
                                        + (last - first + 1) + " lines)");
                            }
                        }
                        return super.visitMethod(m, v);
                    }

                    @Override
                    public Void visitImport(ImportTree i, Void v) {
                        return null;
                    }
                }.scan(unit, null);
            }
        }
        assertThat(tooLong).as("methods longer than %d lines", MAX_METHOD_LINES).isEmpty();
    }

    @Test
    @DisplayName("Structure: no claims family imports another family; fits only through claims.support.LineFit")
    void imports() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path p : sources()) {
            String rel = CLAIMS.relativize(p).toString().replace('\\', '/');
            String family = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
            String src = Files.readString(p);
            for (String other : FAMILIES) {
                if (FAMILIES.contains(family) && !other.equals(family) && src.contains("io.github.theorybench.claims." + other + ".")) {
                    bad.add(rel + " uses claims." + other);
                }
            }
            if (!family.equals("support") && src.contains("SimpleRegression")) {
                bad.add(rel + " fits with SimpleRegression (use claims.support.LineFit)");
            }
        }
        assertThat(bad).isEmpty();
    }

    /** Arithmetic on the run's seed ({@code ctx.seed() * 1000 + s}, {@code seed + 7919L * n}) instead of a stream. */
    private static final Pattern SEED_ARITHMETIC = Pattern.compile(
            "\\bseed\\(\\)\\s*([-*^%]|\\+\\s*\\w)|\\bseed(\\s*[+*^%]|\\s+-)\\s*\\w|\\w(\\s*[*^%]|\\s+-)\\s*\\w*\\.?seed\\b");

    @Test
    @DisplayName("Structure: no seed arithmetic under claims/ (instances draw their seeds from SeedStream)")
    void seeds() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path p : sources()) {
            if (p.toString().contains("/support/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "");
                if (!code.strip().startsWith("*") && !code.strip().startsWith("/*") && SEED_ARITHMETIC.matcher(code).find()) {
                    bad.add(CLAIMS.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(bad).isEmpty();
    }
}
