package rehearse.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.Json;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.plan.Hop;
import rehearse.plan.HopSteps;
import rehearse.plan.Planner;
import rehearse.plan.UpgradePath;

/** {@code rehearse plan}: the upgrade path and the operator steps of each hop. */
public final class PlanCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "plan",
            "Find the upgrade path between two configurations and list the operator steps of each hop.",
            "The path has the fewest offline (standard) hops, then the fewest hops. Exit 0 when a supported path exists,"
                    + " 1 when none does, 2 on a usage error.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<String> from = Specs.option(spec, "--from", "CONFIG", String.class,
            "Present configuration, e.g. \"IIS 4.0 / SP4\" (default: the cluster's, with --cluster).");
    private final Value<String> to = Specs.required(spec, "--to", "CONFIG", String.class, "Target configuration, e.g. \"IIS 5.0\".");
    private final Value<Path> clusterFile = Specs.option(spec, "--cluster", "FILE", Path.class,
            "Name this cluster's nodes and IIS resources in the steps.");
    private final Value<Boolean> json = Specs.flag(spec, "--json", "Print JSON instead of text.");

    @Override
    public Integer call() {
        Cluster cluster = clusterFile.value() == null ? null : inputs.cluster(clusterFile.value());
        if (from.value() == null && cluster == null) {
            throw new Failure(ExitCodes.USAGE, "rehearse plan: give --from CONFIG or --cluster FILE");
        }
        Configuration present = from.value() != null ? inputs.config(from.value(), "--from") : cluster.nodes().get(0).config();
        Configuration target = inputs.config(to.value(), "--to");
        UpgradePath path = new Planner(inputs.matrix()).plan(present, target);
        List<String> nodes = cluster == null ? HopSteps.SEED_NODES : cluster.nodeNames();
        List<String> iis = cluster == null ? List.of() : cluster.iisResources();
        if (json.value()) spec.commandLine().getOut().println(Json.write(toJson(path)));
        else spec.commandLine().getOut().print(PlanView.render(path, nodes, iis));
        return path.reachable() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static Map<String, Object> toJson(UpgradePath path) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("from", path.from().label());
        o.put("to", path.to().label());
        o.put("reachable", path.reachable());
        o.put("offlineHops", path.offlineHops());
        List<Object> hops = new ArrayList<>();
        for (Hop h : path.hops()) {
            Map<String, Object> ho = new LinkedHashMap<>();
            ho.put("from", h.from().label());
            ho.put("to", h.to().label());
            ho.put("kind", h.kind().word());
            hops.add(ho);
        }
        o.put("hops", hops);
        o.put("reason", path.reason());
        return o;
    }
}
