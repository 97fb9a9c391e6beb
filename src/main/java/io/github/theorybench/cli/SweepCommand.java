package io.github.theorybench.cli;

import io.github.theorybench.claims.ClaimCatalog;
import io.github.theorybench.linalg.Backend;
import io.github.theorybench.linalg.Backends;
import io.github.theorybench.linalg.NativeLibraries;
import io.github.theorybench.report.OrderedWorkers;
import io.github.theorybench.sweep.CriterionSweep;
import io.github.theorybench.sweep.SeedRange;
import io.github.theorybench.sweep.Shard;
import io.github.theorybench.sweep.SourceCommit;
import io.github.theorybench.sweep.SweepFiles;
import io.github.theorybench.sweep.SweepOutput;
import io.github.theorybench.sweep.SweepReport;
import io.github.theorybench.sweep.SweepRunner;
import io.github.theorybench.sweep.SweepSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code theorybench sweep}: runs the chosen claims over a range of base seeds and writes each criterion's pass rate
 * (flag rate, for a control) with a Wilson 95% interval, its statistic's distribution and its worst seed — Trust rule
 * 3's operating characteristics. {@code --shard k/N} runs a deterministic share of the seeds (combine the shards with
 * {@code theorybench merge}); {@code --resume} continues an interrupted sweep from its completed blocks.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run claims over a seed range: pass and control flag rates with Wilson 95% intervals, statistic"
                + " plots, worst seeds (reports/sweep/).")
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--only", paramLabel = "IDS", required = true,
            description = "Comma-separated claim IDs and globs, e.g. DLS-1,LSQ-*.")
    String only;

    @Option(names = "--seeds", paramLabel = "FIRST..LAST", required = true,
            description = "Base seeds, one seed block each, e.g. 1..200.")
    String seeds;

    @Option(names = "--quick", description = "Small sizes instead of CLAIMS.md's sizes.")
    boolean quick;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.DEFAULT,
            description = "Linear-algebra backend: ejml, ejml-mt, jblas or openblas (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--shard", paramLabel = "k/N", description = "Run only shard k of N (seeds taken round-robin).")
    String shard;

    @Option(names = "--resume", description = "Continue the sweep in --out from its completed blocks (start it if"
            + " --out is empty or new).")
    boolean resume;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/sweep",
            description = "Sweep directory (default: ${DEFAULT-VALUE}); empty, new, or a previous sweep's.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Checks run at once, each on single-threaded BLAS (default: min(2, cores)).")
    Integer jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SweepSpec run = validated();
        if (resume) {
            checkResumable(run);
            SweepOutput.prepare(out);
        } else {
            refuseInterrupted(run);
            SweepOutput.prepareFresh(out);
        }
        NativeLibraries.useSingleThreadedOpenBlas();     // same bits in every block (Trust rule 5)
        Backend b = Backends.byName(backend);
        int workers = jobs != null ? jobs : OrderedWorkers.defaultWorkers();
        err.printf(Locale.ROOT, "theorybench: sweep %s: %d blocks, backend %s; %d check(s) at once%n",
                run.command(), run.ownSeeds().size(), b.description(), workers);
        err.flush();
        long t0 = System.nanoTime();
        SweepFiles.writeSpec(out, run);
        new SweepRunner(out, run, b, err).run(workers);
        List<CriterionSweep> criteria = SweepReport.write(out, run);
        err.printf(Locale.ROOT, "theorybench: sweep done in %.1f s -> %s: %d criteria, %d marked (rule 3)%n",
                (System.nanoTime() - t0) / 1e9, out.resolve("README.md"), criteria.size(),
                criteria.stream().filter(CriterionSweep::marked).count());
        err.flush();
        return 0;
    }

    /** Every option checked before anything is written. */
    private SweepSpec validated() throws IOException {
        List<String> ids = ClaimCatalog.select(only);
        SeedRange range = SeedRange.parse(seeds);
        Shard sh = shard == null ? null : Shard.parse(shard);
        if (sh != null && sh.seeds(range).isEmpty()) {
            throw new UsageException("--shard " + sh + " owns no seed of " + range + " (use at most " + range.count()
                    + " shards)");
        }
        if (!Backends.NAMES.contains(backend)) {
            throw new UsageException("unknown backend '" + backend + "'; choose one of "
                    + String.join(", ", Backends.NAMES));
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be a positive integer, got " + jobs);
        }
        SweepOutput.checkUsable(out);
        return new SweepSpec(SourceCommit.current(), only, ids, quick, backend, range, sh);
    }

    /** --resume continues a sweep of the same run, starts one in an empty or new directory, refuses anything else. */
    private void checkResumable(SweepSpec run) throws IOException {
        if (!SweepFiles.isSweep(out)) {
            if (java.nio.file.Files.isDirectory(out) && SweepFiles.blockFiles(out).size() > 0) {
                throw new UsageException("--resume: " + out + " holds blocks but no " + SweepFiles.SPEC);
            }
            return;
        }
        SweepSpec before = SweepFiles.readSpec(out);
        String diff = before.differenceFrom(run);
        if (diff == null && !java.util.Objects.equals(before.shard(), run.shard())) {
            diff = "shard " + before.shard() + " vs " + run.shard();
        }
        if (diff != null) {
            throw new UsageException("--resume: " + out + " holds a different sweep (" + diff + ")");
        }
    }

    /** A rerun without --resume must not throw away an interrupted sweep of the same run by accident. */
    private void refuseInterrupted(SweepSpec run) throws IOException {
        if (!SweepFiles.isSweep(out)) {
            return;
        }
        SweepSpec before;
        try {
            before = SweepFiles.readSpec(out);
        } catch (IOException e) {
            return;
        }
        if (before.differenceFrom(run) == null && java.util.Objects.equals(before.shard(), run.shard())) {
            int have = (int) before.ownSeeds().stream().filter(s -> java.nio.file.Files.exists(
                    SweepFiles.blockFile(out, s))).count();
            if (have < before.ownSeeds().size() && have > 0) {
                throw new UsageException(out + " holds an interrupted sweep of this run (" + have + " of "
                        + before.ownSeeds().size() + " blocks): add --resume to continue it, or remove it");
            }
        }
    }
}
