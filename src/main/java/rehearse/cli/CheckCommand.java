package rehearse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.Printable;
import rehearse.model.Cluster;
import rehearse.model.Resource;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Validate a cluster file. Exit 0 with a summary when valid;",
            "exit 65 with one FILE:LINE:COL: line per problem when not."})
public final class CheckCommand implements Callable<Integer> {
    @Mixin Inputs inputs;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The cluster file (YAML).")
    Path file;

    @Override
    public Integer call() {
        Cluster c = inputs.cluster(file);
        long resources = c.groups().stream().mapToLong(g -> g.resources().size()).sum();
        long iis = c.groups().stream().flatMap(g -> g.resources().stream()).filter(Resource::isIis).count();
        spec.commandLine().getOut().printf("%s: ok: cluster %s, %d node%s at %s, %d group%s, %d resource%s (%d IIS)%n",
                Printable.clean(file.toString()), Printable.clean(c.name()), c.nodes().size(), c.nodes().size() == 1 ? "" : "s",
                String.join(" + ", c.nodes().stream().map(n -> n.config().label()).distinct().toList()),
                c.groups().size(), c.groups().size() == 1 ? "" : "s", resources, resources == 1 ? "" : "s", iis);
        return ExitCodes.OK;
    }
}
