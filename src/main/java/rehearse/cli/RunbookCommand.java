package rehearse.cli;

import java.io.IOException;
import java.nio.file.Files;
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
import rehearse.report.Runbook;
import rehearse.sim.Rehearsal;

@Command(name = "runbook", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the runbook of the upgrade to CONFIG: the pre-flight checklist, every step with its",
            "exact cluster.exe commands, expected state, checks, go/no-go points and rollback, the restore",
            "of changed settings, and the estimated downtime. Markdown, or a Windows batch file."})
public final class RunbookCommand implements Callable<Integer> {
    enum Format { md, cmd }

    @Mixin Inputs inputs;
    @Spec CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Cluster file (default: the built-in sample).")
    Path clusterFile;

    @Option(names = "--to", paramLabel = "CONFIG", required = true, description = "Target configuration.")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "md|cmd", defaultValue = "md", description = "md (default) or cmd (batch file).")
    Format format;

    @Override
    public Integer call() {
        Cluster cluster = inputs.cluster(clusterFile);
        Configuration target = inputs.config(to, "--to");
        Configuration present = new Rehearsal(inputs.matrix(), cluster).presentConfiguration();
        UpgradePath path = new Planner(inputs.matrix()).plan(present, target);
        if (!path.reachable()) throw new Failure(ExitCodes.FAILED, "rehearse runbook: no supported path: " + path.reason());
        Runbook rb = Runbook.of(inputs.matrix(), cluster, path);
        String text = format == Format.cmd ? rb.batch() : rb.markdown();
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, text);
            } catch (IOException e) {
                throw new Failure(ExitCodes.CANT_CREATE, "rehearse runbook: cannot write " + output + ": " + e.getMessage());
            }
        }
        return ExitCodes.OK;
    }
}
