package io.github.theorybench.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a new JVM on the tests' classpath (with the Vector API, as Surefire starts the tests). */
public final class FreshJvm {
    private FreshJvm() {
    }

    /** The child's stdout lines; fails the test unless it exits 0 within five minutes. */
    public static List<String> run(List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("fresh JVM finished").isTrue();
        assertThat(p.exitValue()).as("fresh JVM exit code; output: %s", out).isZero();
        return out.lines().toList();
    }
}
