package rehearse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.plan.Planner;
import rehearse.plan.UpgradePath;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the cluster (default: the sample) and its plan to a target, as plain text.")
public final class ShowCommand implements Callable<Integer> {
    @Mixin Inputs inputs;
    @Spec CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Cluster file (default: the built-in sample cluster).")
    Path clusterFile;

    @Option(names = "--to", paramLabel = "CONFIG", defaultValue = "IIS 5.0",
            description = "Target configuration to plan for (default: ${DEFAULT-VALUE}).")
    String to;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Cluster cluster = inputs.cluster(clusterFile);
        Configuration target = inputs.config(to, "--to");
        out.print(ClusterView.render(cluster));
        out.println();
        Configuration present = new rehearse.sim.Rehearsal(inputs.matrix(), cluster).presentConfiguration();
        UpgradePath path = new Planner(inputs.matrix()).plan(present, target);
        out.print(PlanView.render(path, cluster.nodeNames(), cluster.iisResources()));
        return path.reachable() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
