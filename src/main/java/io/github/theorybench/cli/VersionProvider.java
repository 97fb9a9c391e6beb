package io.github.theorybench.cli;

import io.github.theorybench.report.RunInfo;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code --version}: the project and its libraries. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("theorybench " + io.github.theorybench.linalg.LibraryVersions.mavenVersion("io.github.theorybench",
                "theorybench"));
        RunInfo.libraries().forEach((k, v) -> lines.add("  " + k + " " + v));
        return lines.toArray(String[]::new);
    }
}
