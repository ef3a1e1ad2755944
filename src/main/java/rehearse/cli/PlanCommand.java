package rehearse.cli;

import java.io.PrintWriter;
import rehearse.base.ExitCodes;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.io.Json;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.plan.Forecast;
import rehearse.plan.Plan;
import rehearse.plan.Target;
import rehearse.plan.Targets;
import rehearse.plan.UpgradePath;
import rehearse.sim.Engine;
import rehearse.sim.State;
import rehearse.text.PlanJson;
import rehearse.text.PlanText;

/** {@code rehearse plan}: the upgrade path and the steps of each hop; with a cluster, where each step stands. */
public final class PlanCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "plan",
            "Find the upgrade path between two configurations and list the steps of each hop.",
            "The path has the fewest offline (standard) hops, then the fewest hops.",
            "With --cluster, each step is marked done, under way, failed, next or to do from the cluster's state, with the"
                    + " estimated IIS outage.",
            "Exit 0 when a supported path exists, 1 when none does, 2 on a usage error.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<String> from = Specs.option(spec, "--from", "CONFIG", String.class,
            "Present configuration, e.g. \"IIS 4.0 / SP4\" (with --cluster: the cluster's).");
    private final Value<String> to = Specs.required(spec, "--to", "CONFIG", String.class, "Target configuration, e.g. \"IIS 5.0\".");
    private final Value<Path> clusterFile = Specs.option(spec, "--cluster", "FILE", Path.class,
            "Plan for this cluster: its nodes, groups and state.");
    private final Value<Boolean> json = Specs.flag(spec, "--json", "Print JSON instead of text.");

    @Override
    public Integer call() {
        return plan(inputs, from.value(), to.value(), clusterFile.value(), json.value(), spec.commandLine().getOut());
    }

    /**
     * {@code plan --from A --to B [--json]} as an operator types it, run without picocli (whose
     * start, its model and parser and their type converters, is a third of such a run): the same
     * plan and output, for exactly those words. Anything else (another option, a repeated one,
     * a value that looks like an option or an @file, help) returns null and goes through picocli.
     */
    static Integer direct(PrintWriter out, String... args) {
        if (args.length < 3 || !args[0].equals("plan")) return null;
        String fromText = null;
        String toText = null;
        boolean asJson = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") && !asJson) {
                asJson = true;
            } else if (((a.equals("--from") && fromText == null) || (a.equals("--to") && toText == null)) && i + 1 < args.length
                    && plainValue(args[i + 1])) {
                if (a.equals("--from")) fromText = args[++i];
                else toText = args[++i];
            } else {
                return null;
            }
        }
        if (toText == null) return null;
        return plan(new Inputs(), fromText, toText, null, asJson, out);
    }

    private static boolean plainValue(String v) {
        return !v.isEmpty() && !v.startsWith("-") && !v.startsWith("@");
    }

    private static int plan(Inputs inputs, String fromText, String toText, Path clusterPath, boolean asJson, PrintWriter out) {
        Cluster cluster = clusterPath == null ? null : inputs.cluster(clusterPath);
        if (fromText == null && cluster == null) {
            throw new Failure(ExitCodes.USAGE, "rehearse plan: give --from CONFIG or --cluster FILE");
        }
        Configuration target = inputs.config(toText, "--to");
        State state;
        if (cluster != null) {
            state = Engine.start(inputs.matrix(), cluster);
            Configuration present = Targets.present(state);
            if (fromText != null && !inputs.config(fromText, "--from").equals(present)) {
                throw new Failure(ExitCodes.USAGE, "rehearse plan: --from " + fromText + " is not the cluster's present"
                        + " configuration (" + present.label() + "); leave --from out with --cluster");
            }
        } else {
            state = Engine.start(inputs.matrix(), Planning.seed(inputs.config(fromText, "--from")));
        }
        Targets.Result r = Targets.choose(state, target);
        UpgradePath path = r.target().map(Target::path).orElseGet(() -> Planning.unsupported(state, target, r));
        Optional<Plan> plan = r.target().map(t -> Plan.of(state, t, Plan.Marks.NONE));
        boolean real = cluster != null;
        if (asJson) {
            Optional<Forecast> forecast = r.target().map(t -> Forecast.of(state, t));
            out.println(Json.write(PlanJson.of(path, plan, forecast, real)));
        } else {
            out.print(plan.map(p -> PlanText.render(p, Optional.empty(),
                    real ? PlanText.Style.CLUSTER : PlanText.Style.PATH)).orElseGet(() -> PlanText.path(path)));
        }
        return path.reachable() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
