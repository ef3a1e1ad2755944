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

@Command(name = "rehearse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Rehearse the upgrade of a Microsoft Cluster Service cluster that hosts IIS,",
            "before touching the real one. Nothing here talks to a real cluster."},
        subcommands = {MatrixCommand.class, PlanCommand.class, CheckCommand.class, SampleCommand.class, RunCommand.class, BenchCommand.class})
public final class RootCommand implements Callable<Integer> {
    @Mixin Inputs inputs;
    @Spec CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Cluster file (default: the built-in sample cluster).")
    Path clusterFile;

    @Option(names = "--to", paramLabel = "CONFIG", defaultValue = "IIS 5.0",
            description = "Target configuration to plan for (default: ${DEFAULT-VALUE}).")
    String to;

    /** Until the full-screen UI exists: show the cluster and its plan to the target. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Cluster cluster = inputs.cluster(clusterFile);
        Configuration target = inputs.config(to, "--to");
        out.print(ClusterView.render(cluster));
        out.println();
        Configuration present = cluster.nodes().get(0).config();
        UpgradePath path = new Planner(inputs.matrix()).plan(present, target);
        out.print(PlanView.render(path, cluster.nodeNames(), ClusterView.iisResources(cluster)));
        return path.reachable() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
