package rehearse.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.model.Cluster;
import rehearse.sim.Rehearsal;
import rehearse.sim.Session;

/** {@code rehearse bench-engine}: the engine on a generated cluster. */
public final class BenchCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "bench-engine",
            "Benchmark the engine: a full rolling upgrade (IIS 4.0 / SP4 -> IIS 5.0) of a generated cluster.",
            "Prints the median, min and max over the runs of the whole run and of one event.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Integer> nodeCount = Specs.withDefault(spec, "--nodes", "N", int.class, "16", "Nodes (default: ${DEFAULT-VALUE}).");
    private final Value<Integer> groupCount = Specs.withDefault(spec, "--groups", "N", int.class, "1000",
            "Groups (default: ${DEFAULT-VALUE}).");
    private final Value<Integer> resourceCount = Specs.withDefault(spec, "--resources", "N", int.class, "5000",
            "Resources in all, spread evenly over the groups (default: ${DEFAULT-VALUE}).");
    private final Value<Integer> runCount = Specs.withDefault(spec, "--runs", "N", int.class, "7", "Runs (default: ${DEFAULT-VALUE}).");

    @Override
    public Integer call() {
        int nodes = nodeCount.value(), groups = groupCount.value(), resources = resourceCount.value(), runs = runCount.value();
        if (nodes < 2 || groups < 1 || resources < groups || runs < 1) {
            throw new Failure(ExitCodes.USAGE, "rehearse bench-engine: need nodes >= 2, groups >= 1, resources >= groups, runs >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Cluster cluster = GeneratedCluster.of(inputs.config("iis4-sp4", "--from"), nodes, groups, resources);
        long[] wall = new long[runs];
        double[] perEvent = new double[runs];
        long events = 0;
        for (int i = 0; i < runs + 2; i++) { // two warm-up runs first
            Session s = new Session(new Rehearsal(inputs.matrix(), cluster));
            s.submit(new rehearse.command.Command.AckPreflight("ack preflight"), true);
            s.submit(new rehearse.command.Command.Target("target 5.0", "IIS 5.0"), true);
            long t0 = System.nanoTime();
            Session.Result r = s.submit(new rehearse.command.Command.Run("run"), true);
            long t = System.nanoTime() - t0;
            if (!r.outcome().ok()) throw new Failure(ExitCodes.SOFTWARE, "bench run refused: " + r.outcome().message());
            events = r.events().size();
            if (i >= 2) {
                wall[i - 2] = t;
                perEvent[i - 2] = (double) t / events;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(perEvent);
        out.printf("cluster: %d nodes, %d groups, %d resources; %d events per run; %d runs%n", nodes, groups,
                cluster.groups().stream().mapToInt(g -> g.resources().size()).sum(), events, runs);
        out.printf("full rolling run: median %.1f ms (min %.1f, max %.1f)%n", wall[runs / 2] / 1e6, wall[0] / 1e6, wall[runs - 1] / 1e6);
        out.printf("per event:        median %.2f us (min %.2f, max %.2f)%n", perEvent[runs / 2] / 1e3, perEvent[0] / 1e3,
                perEvent[runs - 1] / 1e3);
        return ExitCodes.OK;
    }
}
