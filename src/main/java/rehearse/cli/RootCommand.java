package rehearse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rehearse [OPTIONS]}: the full-screen UI; the subcommands hang off it. */
public final class RootCommand implements Callable<Integer> {
    private static final String[] DESCRIPTION = {
        "Rehearse the upgrade of a Microsoft Cluster Service cluster that hosts IIS before touching the real one.",
        "Without a command it opens the full-screen UI on the cluster (default: the built-in sample). Everything is"
                + " simulated: nothing here talks to a real cluster."};
    final CommandSpec spec = Specs.command(this, "rehearse", DESCRIPTION);
    {
        HelpSections.addTo(spec);
    }
    private final Inputs inputs = new Inputs(spec);
    private final SessionOptions sessionOptions = new SessionOptions(spec);
    private final Value<Boolean> ascii = Specs.flag(spec, "--ascii", "Draw with ASCII only (automatic when the locale is not UTF-8).");
    private final Value<Boolean> noColor = Specs.flag(spec, "--no-color", "No colour (automatic when NO_COLOR is set and not empty, and with TERM dumb or vt100).");
    private final ReportOptions report = new ReportOptions(spec);

    /**
     * The root as a subcommand's run needs it: its name, and none of its own options or help
     * sections, which picocli reads only when the root itself runs or shows its help (the
     * subcommand's options, help and messages are the same). Building them was about a third of
     * picocli's part of a short command's start.
     */
    static CommandSpec bare() {
        return Specs.command(new RootCommand.Bare(), "rehearse", DESCRIPTION);
    }

    /** Never called: with a bare root, picocli runs the subcommand. */
    private static final class Bare implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the bare root command runs only its subcommand");
        }
    }

    @Override
    public Integer call() {
        return new TuiLauncher(inputs, spec.commandLine().getErr()).launch(sessionOptions, ascii.value(), noColor.value(), report);
    }
}
