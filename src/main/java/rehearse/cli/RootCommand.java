package rehearse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rehearse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Rehearse the upgrade of a Microsoft Cluster Service cluster that hosts IIS,",
            "before touching the real one. Nothing here talks to a real cluster."})
public final class RootCommand implements Callable<Integer> {
    @Mixin Inputs inputs;
    @Spec CommandSpec spec;

    @Mixin SessionOptions sessionOptions;

    @Option(names = "--ascii", description = "Draw with ASCII only (automatic when the locale is not UTF-8).")
    boolean ascii;

    @Option(names = "--no-color", description = "No colour (automatic under NO_COLOR).")
    boolean noColor;

    @Mixin ReportOptions report;

    /** The full-screen UI on the cluster. */
    @Override
    public Integer call() {
        return new TuiLauncher(inputs, spec.commandLine().getErr()).launch(sessionOptions, ascii, noColor, report);
    }
}
