package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.matrix.Platform;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.plan.Forecast;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.sim.Engine;
import rehearse.sim.State;
import rehearse.text.Outcomes;

/** {@code rehearse bench-engine}: the engine on generated clusters. */
public final class BenchCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "bench-engine",
            "Benchmark the engine: the rolling plan (IIS 4.0 / SP4 -> IIS 5.0) of a generated cluster.",
            "Unless --only-this, also the sample, 2 nodes with 100 groups, and a dependency chain of 1,000 resources.",
            "Each is timed whole and through the engine alone.",
            "Prints the median, min and max over the runs, and the engine's time per event.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Integer> nodeCount = Specs.withDefault(spec, "--nodes", "N", int.class, "16", "Nodes (default: ${DEFAULT-VALUE}).");
    private final Value<Integer> groupCount = Specs.withDefault(spec, "--groups", "N", int.class, "1000",
            "Groups (default: ${DEFAULT-VALUE}).");
    private final Value<Integer> resourceCount = Specs.withDefault(spec, "--resources", "N", int.class, "5000",
            "Resources in all, spread evenly over the groups (default: ${DEFAULT-VALUE}).");
    private final Value<Integer> runCount = Specs.withDefault(spec, "--runs", "N", int.class, "7", "Runs (default: ${DEFAULT-VALUE}).");
    private final Value<Boolean> onlyThis = Specs.flag(spec, "--only-this", "Measure only the cluster the options describe.");

    static final int MAX_RESOURCES = 100_000;

    @Override
    public Integer call() {
        int nodes = nodeCount.value(), groups = groupCount.value(), resources = resourceCount.value(), runs = runCount.value();
        // At most what the cluster file may hold (its 8 MiB reads to about that many resources), so a run fits the heap.
        if (nodes < 2 || nodes > 64 || groups < 1 || resources < groups || resources > MAX_RESOURCES || runs < 1 || runs > 1000) {
            throw new Failure(ExitCodes.USAGE, "rehearse bench-engine: need 2 to 64 nodes, groups >= 1, resources from groups to "
                    + MAX_RESOURCES + ", runs from 1 to 1000");
        }
        PrintWriter out = spec.commandLine().getOut();
        measure(out, GeneratedCluster.of(inputs.config("iis4-sp4", "--from"), nodes, groups, resources), runs);
        if (!onlyThis.value()) {
            measure(out, inputs.cluster(null), runs);
            measure(out, GeneratedCluster.of(inputs.config("iis4-sp4", "--from"), 2, 100, 500), runs);
            measure(out, GeneratedCluster.chain(inputs.config("iis4-sp4", "--from"), 1000), runs);
        }
        return ExitCodes.OK;
    }

    /** The built-in tables with each platform's node limit lifted: generated clusters are bigger than two nodes. */
    private UpgradeMatrix matrix() {
        UpgradeMatrix m = inputs.matrix();
        return new UpgradeMatrix(m.configurations(), m.upgrades(),
                m.platforms().stream().map(p -> new Platform(p.name(), p.clusterVersion(), 64, p.os(), p.servicePack(), p.iisSetup())).toList());
    }

    /**
     * Times {@code run} of the rolling plan (the target chosen beforehand, as an operator would),
     * and, apart, the engine's share: the same commands replayed through the engine alone.
     */
    private void measure(PrintWriter out, Cluster cluster, int runs) {
        long[] wall = new long[runs];
        long[] engine = new long[runs];
        double[] perEvent = new double[runs];
        long events = 0;
        for (int i = 0; i < runs + 2; i++) { // two warm-up runs first
            Session s = new Session(Engine.start(matrix(), cluster));
            s.submit(Commands.ackPreflight(), true);
            s.submit(Commands.target("IIS 5.0"), true);
            State before = s.state();
            Forecast plan = Forecast.of(before, s.target().orElseThrow());
            long t0 = System.nanoTime();
            Session.Result r = s.submit(new Command.Run("run"), true);
            long t = System.nanoTime() - t0;
            if (!(r.outcome() instanceof Outcome.RunDone done) || !done.complete()) {
                throw new Failure(ExitCodes.SOFTWARE, "bench run did not complete: " + Outcomes.of(r.outcome()));
            }
            long e0 = System.nanoTime();
            State st = before;
            for (Forecast.Stage stage : plan.stages()) {
                for (Command c : stage.commands()) st = Engine.apply(st, c).state();
                st = Engine.settle(st).state();
            }
            long e = System.nanoTime() - e0;
            if (st.clock() != s.state().clock()) throw new Failure(ExitCodes.SOFTWARE, "the engine's replay differs from the run");
            events = r.events().size();
            if (i >= 2) {
                wall[i - 2] = t;
                engine[i - 2] = e;
                perEvent[i - 2] = (double) e / events;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(engine);
        Arrays.sort(perEvent);
        out.printf(Locale.ROOT, "%s: %d nodes, %d groups, %d resources; %d events per run; %d runs%n", cluster.name(),
                cluster.nodes().size(), cluster.groups().size(), cluster.groups().stream().mapToInt(g -> g.resources().size()).sum(),
                events, runs);
        out.printf(Locale.ROOT, "  run of the rolling plan: median %.1f ms (min %.1f, max %.1f)%n", wall[runs / 2] / 1e6, wall[0] / 1e6,
                wall[runs - 1] / 1e6);
        out.printf(Locale.ROOT, "  engine alone:           median %.1f ms (min %.1f, max %.1f)%n", engine[runs / 2] / 1e6,
                engine[0] / 1e6, engine[runs - 1] / 1e6);
        out.printf(Locale.ROOT, "  engine per event:       median %.2f us (min %.2f, max %.2f)%n", perEvent[runs / 2] / 1e3,
                perEvent[0] / 1e3, perEvent[runs - 1] / 1e3);
    }
}
