package rehearse.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.ClusterLoader;

@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the built-in sample cluster file, a starting point for your own:",
            "  rehearse sample > cluster.yaml"})
public final class SampleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(new String(ClusterLoader.sampleBytes(), StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
