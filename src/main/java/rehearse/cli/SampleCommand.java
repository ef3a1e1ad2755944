package rehearse.cli;

import rehearse.base.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.io.ClusterLoader;

/** {@code rehearse sample}: the built-in sample cluster file. */
public final class SampleCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "sample",
            "Print the built-in sample cluster file, a starting point for your own.",
            "Save it with 'rehearse sample > cluster.yaml'.");

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(new String(ClusterLoader.sampleBytes(), StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
