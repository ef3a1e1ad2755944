package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.plan.Plan;
import rehearse.plan.Targets;
import rehearse.sim.Engine;
import rehearse.sim.State;
import rehearse.text.PlanText;

/** {@code rehearse show}: the cluster and its plan as plain text. */
public final class ShowCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "show",
            "Print the cluster (default: the sample) and its plan to a target, as plain text.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Path> clusterFile = Specs.option(spec, "--cluster", "FILE", Path.class,
            "Cluster file (default: the built-in sample cluster).");
    private final Value<String> to = Specs.withDefault(spec, "--to", "CONFIG", String.class, "IIS 5.0",
            "Target configuration to plan for (default: ${DEFAULT-VALUE}).");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Cluster cluster = inputs.cluster(clusterFile.value());
        Configuration target = inputs.config(to.value(), "--to");
        out.print(ClusterView.render(cluster));
        out.println();
        State state = Engine.start(inputs.matrix(), cluster);
        if (!state.formed()) {
            out.println("The cluster is down: no node that is up can own the quorum resource. The first node restored that");
            out.println("can own it forms the cluster again.");
            out.println();
        }
        Targets.Result r = Targets.choose(state, target);
        if (r.target().isEmpty()) {
            out.print(PlanText.path(Planning.unsupported(state, target, r)));
            return ExitCodes.FAILED;
        }
        out.print(PlanText.render(Plan.of(state, r.target().get(), Plan.Marks.NONE), Optional.empty(), PlanText.Style.CLUSTER));
        return ExitCodes.OK;
    }
}
