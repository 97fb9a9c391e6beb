package io.github.theorybench.cli;

import io.github.theorybench.sweep.CriterionSweep;
import io.github.theorybench.sweep.SweepMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code theorybench merge DIR...}: combines the outputs of {@code sweep --shard 1/N … N/N} into the directory the
 * unsharded sweep writes, byte for byte. Shards of different runs (commit, claims, sizes, backend, seed range, N), a
 * missing, repeated or incomplete shard: one line, exit 2, nothing written.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the shard outputs of one sweep into the directory a single run writes.")
public final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' --out directories.")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/sweep",
            description = "Where the merged sweep goes (default: ${DEFAULT-VALUE}); empty, new, or a previous sweep's.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        io.github.theorybench.sweep.SweepOutput.checkUsable(out);
        List<CriterionSweep> criteria = SweepMerge.merge(shards, out);
        err.printf(Locale.ROOT, "theorybench: merged %d shards -> %s: %d criteria, %d marked (rule 3)%n",
                shards.size(), out.resolve("README.md"), criteria.size(),
                criteria.stream().filter(CriterionSweep::marked).count());
        err.flush();
        return 0;
    }
}
