package rehearse.cli;

import rehearse.base.ExitCodes;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Printable;
import rehearse.model.Cluster;
import rehearse.model.Resource;

/** {@code rehearse check FILE}: validates a cluster file. */
public final class CheckCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "check",
            "Validate a cluster file.",
            "Exit 0 with a summary when it is valid, or 65 with one FILE:LINE:COL: line per problem when it is not.");
    private final Inputs inputs = new Inputs(spec);
    private final Value<Path> file = Specs.parameter(spec, "FILE", Path.class, "The cluster file (YAML).");

    @Override
    public Integer call() {
        Path file = this.file.value();
        Cluster c = inputs.cluster(file);
        long resources = c.groups().stream().mapToLong(g -> g.resources().size()).sum();
        long iis = c.groups().stream().flatMap(g -> g.resources().stream()).filter(Resource::isIis).count();
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: ok: cluster %s, %d node%s at %s, %d group%s, %d resource%s (%d IIS)%n",
                Printable.clean(file.toString()), Printable.clean(c.name()), c.nodes().size(), c.nodes().size() == 1 ? "" : "s",
                String.join(" + ", c.nodes().stream().map(n -> n.config().label()).distinct().toList()),
                c.groups().size(), c.groups().size() == 1 ? "" : "s", resources, resources == 1 ? "" : "s", iis);
        return ExitCodes.OK;
    }
}
